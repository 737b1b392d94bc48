import { buildServices } from "../../bot/app/services.ts";
import { pino } from "pino";
import { openDatabase, type Database } from "../../prisma/db.ts";
import { migrate } from "../../prisma/migrate.ts";
import { loadConfig, type Config } from "../../bot/app/config.ts";
import { ManualClock } from "../../bot/core/clock.ts";
import type { Feature, Services, Role } from "../../bot/core/context.ts";
import { Core } from "../../bot/core/router.ts";
import { Secrets } from "../../bot/core/secrets.ts";
import type { ChannelName, OutboxPayload } from "../../bot/core/types.ts";
import { allFeatures } from "../../bot/app/features.ts";
import { parseOrgFile } from "../../bot/domain/org.ts";
import { createInvite } from "../../handlers/onboarding/invites.ts";
import { importOrg } from "../../bot/app/org-import.ts";
import { Scheduler } from "../../scheduler/index.ts";
import type { Llm } from "../../bot/core/llm.ts";
import { freshDatabaseUrl } from "./db.ts";
import { TEST_ORG } from "./org.ts";
import { CAST, seedMember, type CastKey } from "./cast.ts";

export { TEST_ORG };

export interface TestUser {
  channel: ChannelName;
  id: string;
  name: string;
}

export interface Msg extends OutboxPayload {
  id: number;
  chatId: string;
  channel: string;
}

/**
 * An in-process bot on a real database (SQLite file or PostgreSQL by TEST_DB) with a
 * manual clock: tests talk to the real core and read what lands in the real outbox.
 */
export class Harness {
  private seq = 0;
  private seen = new Map<string, number>();
  scheduler!: Scheduler;

  private constructor(
    readonly s: Services,
    readonly core: Core,
    readonly clock: ManualClock,
    readonly db: Database,
    private dropDb: () => Promise<void>,
  ) {}

  static async create(
    opts: { features?: Feature[]; now?: Date; env?: Record<string, string>; llm?: Llm | null; org?: string } = {},
  ): Promise<Harness> {
    // a copy of the run's template: migrated, and holding TEST_ORG when that is the org asked for
    const fresh = await freshDatabaseUrl(undefined, opts.org === TEST_ORG ? "org" : "migrated");
    const { url, drop } = fresh;
    if (fresh.state === "empty") await migrate(url);
    const db = await openDatabase(url);
    const config: Config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: "silent", ...(opts.env ?? {}) } as NodeJS.ProcessEnv);
    const clock = new ManualClock(opts.now ?? new Date("2026-11-02T02:00:00Z"));
    const log = pino({ level: process.env.TEST_LOG ?? "silent" });
    const secrets = await Secrets.load(db.prisma, "test-secret-0123456789");
    const features = opts.features ?? allFeatures();
    const s: Services = buildServices({ prisma: db.prisma, clock, log, llm: opts.llm ?? null, config, secrets, features });
    const outbox = s.outbox;
    const core = new Core(s, features);
    const h = new Harness(s, core, clock, db, drop);
    h.scheduler = new Scheduler(s, features, outbox.instanceId);
    if (opts.org && fresh.state !== "org") await importOrg(db.prisma, parseOrgFile(opts.org, "org.yaml"));
    for (const f of features) await f.init?.(s);
    return h;
  }

  user(name: string, channel: ChannelName = "telegram"): TestUser {
    return { channel, id: String(1000 + ++this.seq), name };
  }

  /** Send a text as the user; returns the messages queued to that user while it was handled. */
  async send(u: TestUser, text: string): Promise<Msg[]> {
    await this.unread(u);
    await this.core.receive({ channel: u.channel, chatId: u.id, userId: u.id, displayName: u.name, text }, `t-${u.id}-${++this.seq}`);
    return this.unread(u);
  }

  /** Press a button (by label substring or 1-based index) of the latest message that has buttons or a numbered list. */
  async press(u: TestUser, which: string | number): Promise<Msg[]> {
    const all = await this.messages(u);
    const withButtons = [...all].reverse().find((m) => m.buttons?.length);
    if (!withButtons) throw new Error(`no buttons offered to ${u.name}`);
    const idx = typeof which === "number" ? which - 1 : withButtons.buttons!.findIndex((b) => b.label.includes(which));
    const b = withButtons.buttons![idx];
    if (!b) throw new Error(`no button ${which} in ${withButtons.buttons!.map((x) => x.label).join(" | ")}`);
    const [, set, index] = b.data.split(":");
    await this.unread(u);
    await this.core.receive(
      { channel: u.channel, chatId: u.id, userId: u.id, displayName: u.name, choice: { setId: Number(set), index: Number(index) } },
      `p-${u.id}-${++this.seq}`,
    );
    return this.unread(u);
  }

  /** Every message queued to the user's chat, in order. */
  async messages(u: TestUser): Promise<Msg[]> {
    // rows to an anonymous target hold the chat sealed (and, once delivered, nothing): opened here with the key
    const rows = await this.s.prisma.outboxMessage.findMany({
      where: { channel: u.channel, OR: [{ chatId: u.id }, { chatId: "", sealedTo: { not: null } }] },
      orderBy: { id: "asc" },
    });
    return rows
      .filter((r) => r.chatId === u.id || (r.sealedTo !== null && this.s.secrets.open(r.sealedTo) === u.id))
      .map((r) => ({ id: r.id, chatId: u.id, channel: r.channel, ...(JSON.parse(r.payload) as OutboxPayload) }));
  }

  /** Messages since the last call for this user. */
  async unread(u: TestUser): Promise<Msg[]> {
    const key = `${u.channel}:${u.id}`;
    const after = this.seen.get(key) ?? 0;
    const msgs = (await this.messages(u)).filter((m) => m.id > after);
    if (msgs.length) this.seen.set(key, msgs[msgs.length - 1]!.id);
    return msgs;
  }

  /**
   * Register the user in a unit with a role, straight in the database (what `/start <invite>`
   * leaves behind: person, identity, membership, title). Joining again adds a membership.
   */
  async join(u: TestUser, role: Role, unitCode: string, topics?: string[], title?: string): Promise<void> {
    await seedMember(this.s.prisma, u, [{ role, unitCode, topics, title }], this.clock.now());
  }

  /** Register the user through a real invite and `/start <code>`, as a person would. */
  async joinByInvite(u: TestUser, role: Role, unitCode: string, topics?: string[], title?: string): Promise<void> {
    const inv = await createInvite(this.s.prisma, { role, unitCode, topics, title });
    await this.send(u, `/start ${inv.code}`);
    await this.unread(u);
  }

  /** The usual people of TEST_ORG (test/helpers/cast.ts): youth and secretary of CD-A1, cadre of XA-A, admin of TINH. */
  async cast(channel: ChannelName = "telegram"): Promise<Record<CastKey, TestUser>> {
    const out = {} as Record<CastKey, TestUser>;
    for (const key of Object.keys(CAST) as CastKey[]) {
      const u = this.user(CAST[key].name, channel);
      await seedMember(this.s.prisma, u, [...CAST[key].roles], this.clock.now());
      out[key] = u;
    }
    return out;
  }

  async personId(u: TestUser): Promise<number> {
    const i = await this.s.prisma.identity.findUniqueOrThrow({ where: { channel_externalId: { channel: u.channel, externalId: u.id } } });
    return i.personId;
  }

  /** Move the clock and run the scheduler (periodic ticks + due jobs) once. */
  async advance(ms: number): Promise<void> {
    this.clock.advance(ms);
    await this.scheduler.tick();
  }

  async at(date: Date): Promise<void> {
    this.clock.set(date);
    await this.scheduler.tick();
  }

  async close(): Promise<void> {
    await this.db.close();
    await this.dropDb();
  }
}
