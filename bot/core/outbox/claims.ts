import type { Db } from "../../../prisma/db.ts";
import type { Clock } from "../clock.ts";
import type { ChannelName, OutboxPayload } from "../types.ts";
import type { OutboxRow } from "./outbox.ts";

/**
 * How long a claimed row stays with its instance at most. Claims are released as soon as the
 * instance's heartbeat is stale (presence.ts); this is only what the row records.
 */
export const ROW_LEASE_MS = 5 * 60_000;
/** Longest list of chats excluded in the query itself (the rest are filtered here). */
const MAX_SKIP_IN_QUERY = 500;

export interface ClaimResult {
  rows: OutboxRow[];
  /** Chats seen waiting on an older row (claimed elsewhere or in retry): not worth asking again at once. */
  blocked: string[];
}

/**
 * Claim the oldest pending row of up to `limit` chats of a channel, interactive chats first.
 *
 * 1. Due, unclaimed rows in lane order (priority, then id), skipping the chats given: the
 *    first row seen of each chat picks the chat and its lane.
 * 2. The oldest pending row of each picked chat (whatever its state): a chat goes on only
 *    from there. When that row is claimed by anyone or waits for a retry, the chat waits;
 *    when it is a bulk row older than the interactive row that picked the chat, it goes in
 *    the interactive lane (order within the chat is kept, the member is not kept waiting).
 * 3. Those rows are claimed with a compare-and-set (still pending and unclaimed).
 */
export async function claimRows(
  prisma: Db,
  clock: Clock,
  o: { channel: ChannelName; limit: number; skip: ReadonlySet<string>; owner: string; open: (r: { chatId: string; sealedTo: string | null }) => string | null },
): Promise<ClaimResult> {
  const { channel, limit, skip, owner } = o;
  if (limit <= 0) return { rows: [], blocked: [] };
  const now = clock.now();
  const skipList = skip.size <= MAX_SKIP_IN_QUERY ? [...skip] : [];
  const candidates = await prisma.outboxMessage.findMany({
    where: { channel, status: "pending", leaseOwner: null, nextAttemptAt: { lte: now }, ...(skipList.length ? { chatKey: { notIn: skipList } } : {}) },
    orderBy: [{ priority: "asc" }, { id: "asc" }],
    take: Math.max(50, limit * 4),
    select: { id: true, chatKey: true, priority: true },
  });
  const firstOf = new Map<string, number>();
  /** The lane each chat was picked in: its claimed row is sent in that lane. */
  const laneOf = new Map<string, number>();
  for (const c of candidates) {
    if (skip.has(c.chatKey) || firstOf.has(c.chatKey)) continue;
    firstOf.set(c.chatKey, c.id);
    laneOf.set(c.chatKey, c.priority);
    if (firstOf.size >= limit) break;
  }
  if (!firstOf.size) return { rows: [], blocked: [] };
  const heads = await prisma.outboxMessage.groupBy({
    by: ["chatKey"],
    where: { channel, status: "pending", chatKey: { in: [...firstOf.keys()] } },
    _min: { id: true },
  });
  const want: number[] = [];
  const older: number[] = [];
  for (const h of heads) {
    const head = h._min.id;
    if (head === null || head === undefined) continue;
    if (head === firstOf.get(h.chatKey)) want.push(head);
    else older.push(head);
  }
  const blocked = new Set<string>();
  if (older.length) {
    const free = await prisma.outboxMessage.findMany({
      where: { id: { in: older }, status: "pending", leaseOwner: null, nextAttemptAt: { lte: now } },
      select: { id: true },
    });
    const ok = new Set(free.map((r) => r.id));
    for (const h of heads) {
      const head = h._min.id;
      if (head === null || head === undefined || head === firstOf.get(h.chatKey)) continue;
      if (ok.has(head)) want.push(head);
      else blocked.add(h.chatKey);
    }
  }
  if (!want.length) return { rows: [], blocked: [...blocked] };
  const leaseUntil = new Date(Date.now() + ROW_LEASE_MS);
  await prisma.outboxMessage.updateMany({
    where: { id: { in: want }, status: "pending", leaseOwner: null },
    data: { leaseOwner: owner, leaseUntil },
  });
  const got = await prisma.outboxMessage.findMany({
    where: { id: { in: want }, status: "pending", leaseOwner: owner },
    orderBy: [{ priority: "asc" }, { id: "asc" }],
    select: { id: true, chatId: true, chatKey: true, sealedTo: true, payload: true, attempts: true, priority: true },
  });
  const rows: OutboxRow[] = [];
  for (const g of got) {
    const chatId = o.open(g);
    if (chatId === null) {
      // a sealed address that does not open (another key): it can never be delivered
      await prisma.outboxMessage.updateMany({
        where: { id: g.id, leaseOwner: owner },
        data: { status: "failed", lastError: "address cannot be opened", payload: "", sealedTo: null, chatKey: "", leaseOwner: null, leaseUntil: null },
      });
      continue;
    }
    rows.push({
      id: g.id,
      channel,
      chatId,
      chatKey: g.chatKey,
      payload: JSON.parse(g.payload) as OutboxPayload,
      attempts: g.attempts,
      // an older bulk row of a chat picked by an interactive row goes in the interactive lane
      priority: Math.min(g.priority, laneOf.get(g.chatKey) ?? g.priority),
      anonymous: g.sealedTo !== null,
    });
  }
  rows.sort((a, b) => a.priority - b.priority || a.id - b.id);
  return { rows, blocked: [...blocked] };
}

/**
 * The claims of dead instances (no fresh heartbeat) are released: their chats go on, from
 * the row that was in flight (it may have reached the platform: it is sent again). Rows
 * written before chats had an order key get theirs.
 */
export async function releaseDeadClaims(prisma: Db, channel: ChannelName, alive: string[], chatKeyOf: (chatId: string) => string): Promise<number> {
  const r = await prisma.outboxMessage.updateMany({
    where: { channel, status: "pending", leaseOwner: { not: null, notIn: alive } },
    data: { leaseOwner: null, leaseUntil: null },
  });
  const unkeyed = await prisma.outboxMessage.findMany({ where: { channel, status: "pending", chatKey: "" }, select: { chatId: true }, distinct: ["chatId"], take: 500 });
  for (const u of unkeyed) {
    if (u.chatId) await prisma.outboxMessage.updateMany({ where: { channel, status: "pending", chatKey: "", chatId: u.chatId }, data: { chatKey: chatKeyOf(u.chatId) } });
  }
  return r.count;
}
