/**
 * A web visitor's transcript beside the outbox: what the page shows after a reload that the
 * outbox cannot give back — the visitor's own messages, and the messages sent to them as an
 * anonymous target (an anonymous asker's confirmation and answer), whose outbox rows forget
 * their text and address once delivered (issue 13).
 *
 * Nothing stored names a person or a chat: a row's `box` is a keyed hash of the web identity
 * (the key lives outside the database), its content is sealed with the same key, and a row
 * expires with the outbox's retention (RETENTION_OUTBOX_DAYS). With a copy of the database
 * alone, an anonymous answer cannot be tied to its visitor — the same promise as the outbox's
 * sealed rows. `/xoadulieu` deletes the person's transcript (the hook below).
 */
import type { Feature, Services } from "../../core/context.ts";
import type { Tx } from "../../core/people.ts";
import type { FileRef } from "../../core/types.ts";

/** One line of the page: a message of the bot (`id`: its outbox row) or the visitor's own. */
export interface WebLine {
  /** The outbox row of a bot message (the event stream's id); absent for the visitor's own. */
  id?: number;
  mine?: true;
  at: Date;
  text: string;
  buttons?: { label: string; data: string }[];
  file?: FileRef;
  /** The choice set the visitor pressed (their own line), so the page shows its buttons used. */
  pressed?: number;
  /** The visitor's own line: the last outbox id when it came in (it goes after that row, before later ones). */
  after?: number;
}

const boxOf = (s: Pick<Services, "secrets">, userKey: string) => s.secrets.hash("web-transcript", userKey);

/** How many lines the page gets back at most. */
export const HISTORY_LINES = 200;

export class Transcript {
  constructor(private s: Services) {}

  private expiry(at: Date): Date {
    return new Date(at.getTime() + this.s.config.RETENTION_OUTBOX_DAYS * 86_400_000);
  }

  /** Keep a line for the visitor (sealed). */
  async add(userKey: string, line: WebLine): Promise<void> {
    const now = this.s.clock.now();
    await this.s.prisma.webTranscript.create({
      data: { box: boxOf(this.s, userKey), kind: line.mine ? "in" : "out", sealed: this.s.secrets.seal(JSON.stringify(line)), createdAt: now, expiresAt: this.expiry(now) },
    });
  }

  /** The visitor's latest lines, oldest first (a line that cannot be opened is left out). */
  async lines(userKey: string): Promise<WebLine[]> {
    const rows = await this.s.prisma.webTranscript.findMany({
      where: { box: boxOf(this.s, userKey), expiresAt: { gt: this.s.clock.now() } },
      orderBy: { id: "desc" },
      take: HISTORY_LINES,
      select: { sealed: true },
    });
    const out: WebLine[] = [];
    for (const r of rows.reverse()) {
      const json = this.s.secrets.open(r.sealed);
      if (!json) continue;
      try {
        const l = JSON.parse(json) as WebLine;
        out.push({ ...l, at: new Date(l.at) });
      } catch {
        /* a damaged row shows nothing */
      }
    }
    return out;
  }

  /** Expired lines go (by the daily tick below, and now and then by the web channel). */
  async purge(): Promise<void> {
    await this.s.prisma.webTranscript.deleteMany({ where: { expiresAt: { lte: this.s.clock.now() } } });
  }
}

/**
 * The transcript's share of a person's data rights: `/xoadulieu` deletes the transcript of
 * every web identity of the person (before the kernel deletes the identities). Mounted with
 * the features by the composition root; it has no commands.
 */
export const webTranscriptFeature: Feature = {
  name: "webchat",
  // expired lines go once a day with the rest of the retention pass (RETENTION_CRON)
  ticks: [{ name: "webchat:retention", cron: (c) => c.RETENTION_CRON, run: (s) => new Transcript(s).purge() }],
  person: {
    /** `/dulieu`: the lines of the person's web pages (their own words and what the bot sent them). */
    async exportData(db, personId, kit) {
      const ids = await db.identity.findMany({ where: { personId, channel: "web" }, select: { externalId: true } });
      if (!ids.length) return {};
      const rows = await db.webTranscript.findMany({
        where: { box: { in: ids.map((i) => boxOf(kit, i.externalId)) } },
        orderBy: { id: "asc" },
        select: { sealed: true, createdAt: true },
      });
      const lines: { at: Date; from: "you" | "bot"; text: string }[] = [];
      for (const r of rows) {
        const json = kit.secrets.open(r.sealed);
        if (!json) continue;
        try {
          const l = JSON.parse(json) as WebLine;
          lines.push({ at: r.createdAt, from: l.mine ? "you" : "bot", text: l.text });
        } catch {
          /* a damaged row holds nothing to give */
        }
      }
      return { webChat: lines };
    },
    async erase(tx: Tx, personId, kit) {
      const ids = await tx.identity.findMany({ where: { personId, channel: "web" }, select: { externalId: true } });
      if (!ids.length) return;
      await tx.webTranscript.deleteMany({ where: { box: { in: ids.map((i) => boxOf(kit, i.externalId)) } } });
    },
  },
};
