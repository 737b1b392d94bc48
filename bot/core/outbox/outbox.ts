import type { Db } from "../../../prisma/db.ts";
import type { Clock } from "../clock.ts";
import { PLAIN_TRAITS, type ChannelTraits } from "../channel.ts";
import type { Secrets } from "../secrets.ts";
import { splitText } from "../text.ts";
import { coreText } from "../../../prompts/vi/core.ts";
import type { ChannelName, Outgoing, OutboxPayload } from "../types.ts";
import { Presence } from "./presence.ts";
import { claimRows, releaseDeadClaims, type ClaimResult } from "./claims.ts";
import { isUniqueViolation } from "./unique.ts";

export { isUniqueViolation };

/**
 * Where a message goes.
 *
 * `anonymous: true` (an anonymous asker, issue 13): the row never holds the plain chat id or
 * the person — the address is sealed with the app key (`Secrets.seal`), `personId` is null,
 * and once the row is done (sent, refused or blocked) its text and sealed address are
 * dropped too. Its place in the chat's order is kept by a keyed hash of the chat (shared
 * with the chat's named rows while pending, emptied once done). Choice sets offered to an
 * anonymous target are keyed by a keyed hash of (channel, user) of their own, distinct from
 * the one of the same user's named choice sets, so the two cannot be matched in the data.
 * The caller gives the dedupe key (`EnqueueOptions.dedupeKey`): for an anonymous target it
 * must be pseudonymous (never a person, chat or question id that names the asker).
 */
export interface Target {
  channel: ChannelName;
  chatId: string;
  /** Platform user the choices belong to (who may press them). */
  userKey: string;
  personId?: number | null;
  anonymous?: boolean;
}

/** A claimed row, ready for the channel sender (the address opened when it was sealed). */
export interface OutboxRow {
  id: number;
  channel: string;
  chatId: string;
  /** The per-chat order key. */
  chatKey: string;
  payload: OutboxPayload;
  attempts: number;
  priority: number;
  anonymous: boolean;
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
  /**
   * The bulk lane (broadcasts, guides, reminders, announcements): sent after every waiting
   * interactive row (replies to a member's own message), within the same rate. Default:
   * interactive. A chat's rows still go out in their order whatever their lane.
   */
  bulk?: boolean;
}

/** Lanes (OutboxMessage.priority). */
export const INTERACTIVE = 0;
export const BULK = 1;

type Listener = (channel: ChannelName) => void;

/** A row reached its end: delivered, refused by the platform, or stopped because the user blocked the bot. */
export interface DeliveryOutcome {
  status: "sent" | "failed" | "blocked";
  /** The rows concerned (a block stops every pending row of the chat at once). */
  ids: number[];
  error?: string;
}
type OutcomeListener = (o: DeliveryOutcome) => Promise<void>;

/**
 * The durable outbox: every outbound message is a row, delivered by the one sender of its
 * channel (bot/core/outbox/worker.ts): a chat's rows one at a time and in order, interactive
 * rows before bulk ones. See the README's "Delivery guarantees".
 */
export class Outbox {
  private listeners = new Set<Listener>();
  private outcomeListeners = new Set<OutcomeListener>();
  /** This instance's heartbeat and leases (started by the workers). */
  readonly presence: Presence;
  private traits = new Map<ChannelName, ChannelTraits>();

  constructor(
    private prisma: Db,
    private clock: Clock,
    traits: ChannelTraits[] = [],
    /** Where a message to a person goes (the people kernel decides; see bot/domain/people.ts). */
    private addressOf: (personId: number) => Promise<Target | null> = async () => null,
    /** The platform refused a chat for good (blocked bot): the people kernel marks the identity. */
    private onBlocked: (channel: ChannelName, chatId: string, at: Date) => Promise<void> = async () => undefined,
    /** The app key: keyed hashes of chats and users, sealed addresses. */
    private secrets: Secrets | null = null,
  ) {
    for (const t of traits) this.traits.set(t.name, t);
    this.presence = new Presence(prisma);
  }

  /** This instance's id (outbox claims, scheduler jobs). */
  get instanceId(): string {
    return this.presence.id;
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

  /**
   * Be told when rows end (on the instance that delivered them, after the outcome is recorded):
   * a feature that promised to report a delivery (an answer reaching its asker) looks the rows
   * up itself. A listener's failure is logged by nobody and never affects delivery.
   */
  onOutcome(l: OutcomeListener): () => void {
    this.outcomeListeners.add(l);
    return () => this.outcomeListeners.delete(l);
  }

  private async told(o: DeliveryOutcome): Promise<void> {
    for (const l of this.outcomeListeners) await l(o).catch(() => undefined);
  }

  private wake(channel: ChannelName): void {
    for (const l of this.listeners) l(channel);
  }

  private keyed(data: string): string {
    return this.secrets ? this.secrets.mac(data) : data;
  }

  /** The per-chat order key of a chat (a keyed hash: the same on every instance). */
  chatKeyOf(channel: string, chatId: string): string {
    return this.keyed(`outbox-chat:${channel}:${chatId}`);
  }

  /**
   * Who a choice set belongs to: a keyed hash of (channel, platform user id), never the plain
   * id. Anonymous targets get a hash of their own (the router accepts both from that user).
   */
  choiceOwner(channel: string, userId: string, anonymous = false): string {
    return this.keyed(`${anonymous ? "choice-anon" : "choice"}:${channel}:${userId}`);
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
          userKey: this.choiceOwner(target.channel, target.userKey, target.anonymous),
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
    // buttons and a file go with the last part
    const last = { ...(buttons ? { buttons } : {}), ...(out.file ? { file: out.file } : {}), ...(out.attachment ? { attachment: out.attachment } : {}) };
    return parts.map((p, i) => (i === parts.length - 1 ? { text: p, ...last } : { text: p }));
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
    const anonymous = target.anonymous === true;
    const chatKey = this.chatKeyOf(target.channel, target.chatId);
    const rows = payloads.map((p, i) => ({
      channel: target.channel,
      chatId: anonymous ? "" : target.chatId,
      chatKey,
      sealedTo: anonymous ? this.seal(target.chatId) : null,
      personId: anonymous ? null : (target.personId ?? null),
      priority: opts.bulk ? BULK : INTERACTIVE,
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

  private seal(chatId: string): string {
    if (!this.secrets) throw new Error("an anonymous target needs the app key");
    return this.secrets.seal(chatId);
  }

  /** The chat id of a stored row: plain, or opened from its sealed address (null when it cannot be). */
  addressOfRow(row: { chatId: string; sealedTo: string | null }): string | null {
    if (!row.sealedTo) return row.chatId || null;
    return this.secrets?.open(row.sealedTo) ?? null;
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
   * Claim the next rows of a channel for this instance: the oldest pending row of up to
   * `limit` chats, interactive chats first, skipping the chats in `skip` (sending or resting).
   * A chat goes on only from its oldest pending row: while that row is claimed by anyone or
   * waits for a retry, the chat waits. See claims.ts.
   */
  async claim(channel: ChannelName, limit: number, skip: ReadonlySet<string> = new Set()): Promise<ClaimResult> {
    return claimRows(this.prisma, this.clock, { channel, limit, skip, owner: this.instanceId, open: (r) => this.addressOfRow(r) });
  }

  /** Release the claims of instances whose heartbeat is stale (they died while sending). */
  async releaseDead(channel: ChannelName): Promise<number> {
    return releaseDeadClaims(this.prisma, channel, await this.presence.aliveIds(), (chatId) => this.chatKeyOf(channel, chatId));
  }

  /** What a done row keeps: an anonymous row drops its text, address, order key and platform id. */
  private forgotten(row: OutboxRow) {
    return row.anonymous ? { payload: "", sealedTo: null, chatKey: "", platformMessageId: null } : {};
  }

  async markSent(row: OutboxRow, platformMessageId?: string): Promise<void> {
    await this.prisma.outboxMessage.updateMany({
      where: { id: row.id, leaseOwner: this.instanceId },
      data: { status: "sent", sentAt: this.clock.now(), platformMessageId: platformMessageId ?? null, leaseUntil: null, attempts: { increment: 1 }, ...this.forgotten(row) },
    });
    if (this.outcomeListeners.size) await this.told({ status: "sent", ids: [row.id] });
  }

  /**
   * Retry later. Later rows of the chat wait for it (a chat goes on only from its oldest
   * pending row). A 429 does not count as an attempt (`countAttempt` false).
   */
  async markRetry(row: OutboxRow, error: string, delayMs: number, countAttempt = true): Promise<void> {
    const next = new Date(this.clock.now().getTime() + delayMs);
    await this.prisma.outboxMessage.updateMany({
      where: { id: row.id, leaseOwner: this.instanceId },
      data: { nextAttemptAt: next, lastError: error.slice(0, 500), leaseUntil: null, leaseOwner: null, ...(countAttempt ? { attempts: { increment: 1 } } : {}) },
    });
  }

  /** Release a claimed row untouched. */
  /**
   * Rows of this instance's claims it no longer holds in memory (a claim whose answer was lost
   * in a database outage, a release that failed): back to the table, except the rows still
   * queued (`keepIds`) and the chats being sent to right now (`busyChatKeys`).
   */
  async releaseOrphans(channel: ChannelName, keepIds: number[], busyChatKeys: string[]): Promise<number> {
    const r = await this.prisma.outboxMessage.updateMany({
      where: { channel, status: "pending", leaseOwner: this.instanceId, id: { notIn: keepIds }, chatKey: { notIn: busyChatKeys } },
      data: { leaseUntil: null, leaseOwner: null },
    });
    return r.count;
  }

  async release(id: number): Promise<void> {
    await this.prisma.outboxMessage.updateMany({ where: { id, leaseOwner: this.instanceId }, data: { leaseUntil: null, leaseOwner: null } });
  }

  async markFailed(row: OutboxRow, error: string): Promise<void> {
    await this.prisma.outboxMessage.updateMany({
      where: { id: row.id, leaseOwner: this.instanceId },
      data: { status: "failed", lastError: error.slice(0, 500), leaseUntil: null, attempts: { increment: 1 }, ...this.forgotten(row) },
    });
    if (this.outcomeListeners.size) await this.told({ status: "failed", ids: [row.id], error });
  }

  /** The user blocked the bot: this and every pending message to the chat stop, the identity is marked. */
  async markBlocked(row: OutboxRow, error: string): Promise<void> {
    const now = this.clock.now();
    const where = { channel: row.channel, chatKey: row.chatKey, status: "pending" };
    const stopped = this.outcomeListeners.size ? (await this.prisma.outboxMessage.findMany({ where, select: { id: true } })).map((r) => r.id) : [];
    // anonymous rows of the chat forget their text and address as they stop
    await this.prisma.$transaction([
      this.prisma.outboxMessage.updateMany({ where: { ...where, sealedTo: { not: null } }, data: { payload: "", sealedTo: null, chatKey: "" , status: "blocked", lastError: error.slice(0, 500), leaseUntil: null, leaseOwner: null } }),
      this.prisma.outboxMessage.updateMany({ where, data: { status: "blocked", lastError: error.slice(0, 500), leaseUntil: null, leaseOwner: null } }),
    ]);
    await this.onBlocked(row.channel as ChannelName, row.chatId, now);
    if (stopped.length) await this.told({ status: "blocked", ids: [...new Set([row.id, ...stopped])], error });
  }
}
