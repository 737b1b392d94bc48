import { randomUUID } from "node:crypto";
import type { Db } from "../../../prisma/db.ts";
import type { Clock } from "../clock.ts";
import { PLAIN_TRAITS, type ChannelTraits } from "../channel.ts";
import { splitText } from "../text.ts";
import { coreText } from "../../../prompts/vi/core.ts";
import type { ChannelName, Outgoing, OutboxPayload } from "../types.ts";

export interface Target {
  channel: ChannelName;
  chatId: string;
  /** Platform user the choices belong to (who may press them). */
  userKey: string;
  personId?: number | null;
}

export interface OutboxRow {
  id: number;
  channel: string;
  chatId: string;
  payload: OutboxPayload;
  attempts: number;
  /**
   * Claimed from an instance that died holding it: the platform may or may not have received
   * it, so the sender checks before sending again (see ChannelSender.probe).
   */
  abandoned: boolean;
}

export interface EnqueueOptions {
  /** Delivery happens once per key, whatever is retried or re-run. */
  dedupeKey?: string;
  /** Earliest delivery time. */
  notBefore?: Date;
  /**
   * The key is almost surely new (a reply to a fresh update): skip the look-up before the
   * insert; a repeat is still refused by the unique key. Re-runs (dispatches, reminders) keep
   * the look-up, which is much cheaper than a failed insert.
   */
  fresh?: boolean;
}

type Listener = (channel: ChannelName) => void;

/**
 * The durable outbox: every outbound message is a row, delivered by a per-channel sender
 * that claims rows by lease, so a crash neither loses nor duplicates them.
 */
/** Rows of one chat claimed in one batch (one chat receives about one message per second). */
const MAX_CLAIM_PER_CHAT = 5;

export class Outbox {
  private claimSeq = 0;
  private listeners = new Set<Listener>();
  readonly instanceId = randomUUID();

  private traits = new Map<ChannelName, ChannelTraits>();

  constructor(
    private prisma: Db,
    private clock: Clock,
    traits: ChannelTraits[] = [],
    /** Where a message to a person goes (the people kernel decides; see bot/domain/people.ts). */
    private addressOf: (personId: number) => Promise<Target | null> = async () => null,
    /** The platform refused a chat for good (blocked bot): the people kernel marks the identity. */
    private onBlocked: (channel: ChannelName, chatId: string, at: Date) => Promise<void> = async () => undefined,
  ) {
    for (const t of traits) this.traits.set(t.name, t);
  }

  /** A channel declares how its messages are rendered (length, buttons, markup). */
  registerChannel(traits: ChannelTraits): void {
    this.traits.set(traits.name, traits);
  }

  traitsOf(channel: ChannelName): ChannelTraits {
    return this.traits.get(channel) ?? { name: channel, ...PLAIN_TRAITS };
  }

  onEnqueue(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private wake(channel: ChannelName): void {
    for (const l of this.listeners) l(channel);
  }

  /** Render a message for a target's channel: split to its limit, choices as buttons or a numbered list. */
  async render(target: Target, out: Outgoing): Promise<OutboxPayload[]> {
    const traits = this.traitsOf(target.channel);
    let text = out.text;
    let buttons: OutboxPayload["buttons"];
    if (out.choices?.length) {
      const set = await this.prisma.choiceSet.create({
        data: {
          channel: target.channel,
          userKey: target.userKey,
          items: JSON.stringify(out.choices.map((c) => ({ action: c.action, args: c.args ?? {} }))),
        },
      });
      if (traits.buttons) {
        buttons = out.choices.map((c, i) => ({ label: c.label, data: `c:${set.id}:${i + 1}` }));
      } else {
        text += "\n\n" + out.choices.map((c, i) => `${i + 1}. ${c.label}`).join("\n") + "\n" + coreText.numberedHint;
      }
    }
    const parts = splitText(text, traits.maxLength);
    return parts.map((p, i) => (i === parts.length - 1 && buttons ? { text: p, buttons } : { text: p }));
  }

  /** Queue a message (split into parts as needed). Returns the row ids. */
  async enqueue(target: Target, out: Outgoing, opts: EnqueueOptions = {}): Promise<number[]> {
    // look first (a repeat also leaves no orphan choice set) unless the key is surely new
    if (opts.dedupeKey && (!opts.fresh || out.choices?.length)) {
      const exists = await this.prisma.outboxMessage.findUnique({ where: { dedupeKey: `${opts.dedupeKey}#1` }, select: { id: true } });
      if (exists) return [];
    }
    const payloads = await this.render(target, out);
    const notBefore = opts.notBefore ?? this.clock.now();
    const rows = payloads.map((p, i) => ({
      channel: target.channel,
      chatId: target.chatId,
      personId: target.personId ?? null,
      payload: JSON.stringify(p),
      nextAttemptAt: notBefore,
      createdAt: this.clock.now(),
      dedupeKey: opts.dedupeKey ? `${opts.dedupeKey}#${i + 1}` : null,
    }));
    let ids: number[];
    try {
      // one statement either way: all parts or none (the dedupe key makes a repeat fail whole)
      ids =
        rows.length === 1
          ? [(await this.prisma.outboxMessage.create({ data: rows[0]!, select: { id: true } })).id]
          : (await this.prisma.outboxMessage.createManyAndReturn({ data: rows, select: { id: true } })).map((r) => r.id).sort((a, b) => a - b);
    } catch (e) {
      if (opts.dedupeKey && isUniqueViolation(e)) return [];
      throw e;
    }
    this.wake(target.channel);
    return ids;
  }

  /** Queue a message to a person on their preferred reachable channel. False when unreachable. */
  async toPerson(personId: number, out: Outgoing, opts: EnqueueOptions = {}): Promise<boolean> {
    const target = await this.targetOf(personId);
    if (!target) return false;
    await this.enqueue(target, out, opts);
    return true;
  }

  async targetOf(personId: number): Promise<Target | null> {
    return this.addressOf(personId);
  }

  /**
   * Claim up to `limit` due rows of a channel for this instance. Each row is taken with a
   * compare-and-set on its lease, so two senders never hold the same row.
   */
  async claim(channel: ChannelName, limit: number, leaseMs = 60_000): Promise<OutboxRow[]> {
    const now = this.clock.now();
    const candidates = await this.prisma.outboxMessage.findMany({
      where: {
        channel,
        status: "pending",
        nextAttemptAt: { lte: now },
        OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
      },
      orderBy: { id: "asc" },
      take: limit,
      select: { id: true, chatId: true, payload: true, attempts: true, leaseUntil: true, leaseOwner: true },
    });
    const leaseUntil = new Date(now.getTime() + leaseMs);
    // a few rows per chat at a time: one chat's backlog (sent at ~1/s) must not outlive the lease
    const perChat = new Map<string, number>();
    const wanted = candidates.filter((c) => {
      const n = (perChat.get(c.chatId) ?? 0) + 1;
      perChat.set(c.chatId, n);
      return n <= MAX_CLAIM_PER_CHAT;
    });
    if (!wanted.length) return [];
    // one compare-and-set for the batch: only rows still free are taken; the unique lease stamp tells which
    const stamp = new Date(leaseUntil.getTime() + (++this.claimSeq % 1000));
    await this.prisma.outboxMessage.updateMany({
      where: { id: { in: wanted.map((c) => c.id) }, status: "pending", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      data: { leaseOwner: this.instanceId, leaseUntil: stamp },
    });
    const got = new Set(
      (await this.prisma.outboxMessage.findMany({ where: { id: { in: wanted.map((c) => c.id) }, leaseOwner: this.instanceId, leaseUntil: stamp }, select: { id: true } })).map(
        (r) => r.id,
      ),
    );
    const claimed: OutboxRow[] = [];
    for (const c of wanted) {
      if (!got.has(c.id)) continue;
      const abandoned = c.leaseOwner !== null && c.leaseUntil !== null;
      claimed.push({ id: c.id, channel, chatId: c.chatId, payload: JSON.parse(c.payload) as OutboxPayload, attempts: c.attempts, abandoned });
    }
    return claimed;
  }

  async markSent(id: number, platformMessageId?: string): Promise<void> {
    await this.prisma.outboxMessage.updateMany({
      where: { id, leaseOwner: this.instanceId },
      data: { status: "sent", sentAt: this.clock.now(), platformMessageId: platformMessageId ?? null, leaseUntil: null, attempts: { increment: 1 } },
    });
  }

  /** The platform id of the latest message delivered to a chat (where an in-doubt message would follow). */
  async lastDeliveredId(channel: string, chatId: string): Promise<string | null> {
    const row = await this.prisma.outboxMessage.findFirst({
      where: { channel, chatId, status: "sent", platformMessageId: { not: null } },
      orderBy: { id: "desc" },
      select: { platformMessageId: true },
    });
    return row?.platformMessageId ?? null;
  }

  /** Retry later; later messages of the same chat wait too, so order is kept. */
  async markRetry(row: OutboxRow, error: string, delayMs: number): Promise<void> {
    const next = new Date(this.clock.now().getTime() + delayMs);
    await this.prisma.$transaction([
      this.prisma.outboxMessage.updateMany({
        where: { id: row.id, leaseOwner: this.instanceId },
        data: { nextAttemptAt: next, lastError: error.slice(0, 500), attempts: { increment: 1 }, leaseUntil: null, leaseOwner: null },
      }),
      this.prisma.outboxMessage.updateMany({
        where: { channel: row.channel, chatId: row.chatId, status: "pending", id: { gt: row.id }, nextAttemptAt: { lt: next } },
        data: { nextAttemptAt: next },
      }),
    ]);
  }

  /** Release a claimed row untouched (e.g. rate limit reached before sending). */
  async release(id: number): Promise<void> {
    await this.prisma.outboxMessage.updateMany({ where: { id, leaseOwner: this.instanceId }, data: { leaseUntil: null, leaseOwner: null } });
  }

  async markFailed(id: number, error: string): Promise<void> {
    await this.prisma.outboxMessage.updateMany({
      where: { id, leaseOwner: this.instanceId },
      data: { status: "failed", lastError: error.slice(0, 500), leaseUntil: null, attempts: { increment: 1 } },
    });
  }

  /** The user blocked the bot: this and every pending message to the chat stop, the identity is marked. */
  async markBlocked(row: OutboxRow, error: string): Promise<void> {
    const now = this.clock.now();
    await this.prisma.$transaction([
      this.prisma.outboxMessage.updateMany({
        where: { channel: row.channel, chatId: row.chatId, status: "pending" },
        data: { status: "blocked", lastError: error.slice(0, 500), leaseUntil: null },
      }),
    ]);
    await this.onBlocked(row.channel as ChannelName, row.chatId, now);
  }
}

export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === "P2002" || /unique constraint/i.test(err?.message ?? "");
}
