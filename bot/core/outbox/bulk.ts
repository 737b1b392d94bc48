/**
 * Set-based enqueueing for broadcasts: one message to many chats in a few multi-row
 * statements (a few hundred rows each), instead of several queries per recipient. Rows are
 * the same as `Outbox.enqueue` writes for a named target in the bulk lane: text (no per-person
 * choices), split to each channel's limit, one dedupe key per recipient, so a re-run with the
 * same key adds nothing. Optional static buttons (bot/core/buttons.ts), the same for every
 * recipient, go under the last part on channels with buttons; elsewhere a line each tells
 * what to send instead.
 */
import type { Db, Provider } from "../../../prisma/db.ts";
import type { ChannelName } from "../types.ts";
import { splitText } from "../text.ts";
import { typedButtons } from "../buttons.ts";
import { BULK, type Outbox } from "./outbox.ts";

export interface BulkRecipient {
  personId: number;
  channel: string;
  chatId: string;
}

/** Recipients per statement (the rows are one JSON parameter: no limit on bound values applies). */
const CHUNK = 5000;

/**
 * Queue `text` to every recipient (its parts in order per chat). `dedupePrefix` + `:<person>`
 * is the per-recipient key. Returns how many recipients got new rows.
 */
export async function enqueueBulk(
  prisma: Db,
  outbox: Outbox,
  recipients: BulkRecipient[],
  text: string,
  opts: {
    provider: Provider;
    dedupePrefix: string;
    at: Date;
    onProgress?: (done: number, total: number) => void;
    /** Static buttons (bot/core/buttons.ts): data made with `buttonData`, and what to send without buttons. */
    buttons?: { label: string; data: string; typed: string }[];
  },
): Promise<number> {
  const parts = new Map<string, string[]>();
  const statics = opts.buttons ?? [];
  /** Each part's payload (JSON) for a channel: the buttons with the last part, or their lines in the text. */
  const partsOf = (channel: string) => {
    let p = parts.get(channel);
    if (!p) {
      const traits = outbox.traitsOf(channel as ChannelName);
      const withButtons = statics.length > 0 && traits.buttons;
      const body = statics.length && !traits.buttons ? `${text}\n\n${typedButtons(statics)}` : text;
      const texts = splitText(body, traits.maxLength);
      p = texts.map((t, i) =>
        JSON.stringify(withButtons && i === texts.length - 1 ? { text: t, buttons: statics.map((b) => ({ label: b.label, data: b.data })) } : { text: t }),
      );
      parts.set(channel, p);
    }
    return p;
  };
  let queued = 0;
  for (let i = 0; i < recipients.length; i += CHUNK) {
    const chunk = recipients.slice(i, i + CHUNK);
    const rows = chunk.flatMap((r) =>
      partsOf(r.channel).map((t, n) => ({
        n: n + 1,
        c: r.channel,
        h: r.chatId,
        k: outbox.chatKeyOf(r.channel, r.chatId),
        p: r.personId,
        t,
        d: `${opts.dedupePrefix}:${r.personId}#${n + 1}`,
      })),
    );
    // first parts, then the rest: a chat's parts keep their order (ids grow); a key already
    // there (the same broadcast run again, or by another instance) is skipped by its unique index.
    // The rows travel as one JSON parameter: one statement, one bound value per chunk.
    const insert = async (list: typeof rows): Promise<number> => {
      if (!list.length) return 0;
      const json = JSON.stringify(list);
      return opts.provider === "postgresql"
        ? prisma.$executeRaw`INSERT INTO "OutboxMessage" ("channel", "chatId", "chatKey", "personId", "priority", "payload", "nextAttemptAt", "createdAt", "dedupeKey")
            SELECT x->>'c', x->>'h', x->>'k', (x->>'p')::int, ${BULK}, x->>'t', ${opts.at}, ${opts.at}, x->>'d' FROM json_array_elements(${json}::json) AS x
            ON CONFLICT ("dedupeKey") DO NOTHING`
        : prisma.$executeRaw`INSERT INTO "OutboxMessage" ("channel", "chatId", "chatKey", "personId", "priority", "payload", "nextAttemptAt", "createdAt", "dedupeKey")
            SELECT json_extract(value, '$.c'), json_extract(value, '$.h'), json_extract(value, '$.k'), json_extract(value, '$.p'), ${BULK}, json_extract(value, '$.t'), ${opts.at}, ${opts.at}, json_extract(value, '$.d')
            FROM json_each(${json}) WHERE true ORDER BY key
            ON CONFLICT ("dedupeKey") DO NOTHING`;
    };
    queued += await insert(rows.filter((r) => r.n === 1));
    await insert(rows.filter((r) => r.n > 1));
    opts.onProgress?.(Math.min(i + CHUNK, recipients.length), recipients.length);
  }
  return queued;
}
