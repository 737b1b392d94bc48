import type { Logger } from "pino";
import type { Outbox, OutboxRow } from "./outbox.ts";
import type { ChannelSender, DeliveryResult } from "../channel.ts";
export type { ChannelSender, DeliveryResult } from "../channel.ts";
import { SlidingWindow, TokenBucket } from "./rate.ts";
import { HEARTBEAT_MS } from "./presence.ts";
import { Episode, backoffDelay, sleep } from "../backoff.ts";

const backoff = (attempt: number) => Math.min(5 * 60_000, 1000 * 2 ** attempt) + Math.floor(Math.random() * 500);
const MAX_ATTEMPTS = 8;
/** How often the sender looks for new rows in the database (an enqueue in this process wakes it at once). */
export const POLL_MS = 150;
/** A chat found waiting on an older row (claimed elsewhere, or in retry) is not asked for again for this long. */
const BLOCKED_REST_MS = 1_000;
/** How long a stop waits for the sends in flight. */
const STOP_GRACE_MS = 10_000;

/**
 * Delivers one channel's outbox rows. One instance at a time is the channel's sender: it
 * holds the lease `outbox:<channel>` (renewed with its heartbeat, presence.ts), so the
 * platform's per-bot rate is one budget whatever the number of instances; the others stand
 * by and take over when the holder stops or its heartbeat goes stale.
 *
 * The holder claims continuously (polling the database, woken by local enqueues): each
 * claim takes the oldest row of chats that may send now — not sending already, not resting
 * under their own rate — interactive chats first, no more than the global rate allows at
 * this instant. Each row is sent on its own, so a chat whose send hangs delays only itself;
 * a chat's next row is claimed only once its previous one is recorded. 429 retry_after holds
 * every chat; blocked users stop their chat; transient failures retry with backoff.
 */
export class OutboxWorker {
  /**
   * The per-bot rate: a send counts from the moment it starts until a second after its answer,
   * so however the network delays or bunches requests, the platform never sees more than
   * perSecond in any second; paced (small bursts) on top.
   */
  private global: SlidingWindow;
  private pace: TokenBucket;
  private sending = 0;
  private buckets = new Map<string, TokenBucket>();
  /** Chats with a send in flight (chat key → its task). */
  private inFlight = new Map<string, Promise<void>>();
  /** Chats under their own rate or waiting on an older row: chat key → when to ask again (ms). */
  private resting = new Map<string, number>();
  /**
   * Rows claimed ahead of their send (interactive first, then by id): a fraction of a second of
   * sending, so that each claim takes a batch rather than the one or two slots free at an
   * instant. Released when this instance stops being the sender.
   */
  private queue: OutboxRow[] = [];
  private ahead: number;
  private lastClaim = 0;
  private claimNow = false;
  private running = false;
  private wakeUp: (() => void) | null = null;
  private loopDone: Promise<void> | null = null;
  private pausedUntil = 0;
  private lastSweep = 0;
  private unsubscribe: (() => void) | null = null;
  private episode: Episode;
  private maxInFlight: number;
  readonly leaseName: string;
  sentCount = 0;

  constructor(
    private outbox: Outbox,
    private sender: ChannelSender,
    private log: Logger,
  ) {
    const perSecond = Math.max(1, Math.floor(sender.limits.perSecond));
    this.global = new SlidingWindow(perSecond, 1000);
    this.pace = new TokenBucket(Math.max(2, Math.ceil(perSecond / 5)), perSecond);
    this.maxInFlight = Math.max(1, sender.concurrency ?? 32);
    // a quarter of a second of sends claimed ahead
    this.ahead = Math.max(4, Math.ceil(perSecond / 4));
    this.leaseName = `outbox:${sender.channel}`;
    this.episode = new Episode(log, `outbox ${sender.channel}`);
  }

  /** Whether this instance is the channel's sender right now (else it stands by). */
  get active(): boolean {
    return this.outbox.presence.holds(this.leaseName);
  }

  /** Sends in flight now. */
  get inFlightCount(): number {
    return this.inFlight.size;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.outbox.onEnqueue((ch) => {
      if (ch !== this.sender.channel) return;
      this.claimNow = true;
      this.wake();
    });
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.unsubscribe?.();
    this.wake();
    await this.loopDone;
    // a send that does not end in time is left claimed: the next sender sends it again
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all([...this.inFlight.values()]), new Promise((r) => (timer = setTimeout(r, STOP_GRACE_MS)))]);
    clearTimeout(timer);
    await this.releaseQueue().catch(() => undefined);
    await this.outbox.presence.release(this.leaseName).catch(() => undefined);
    await this.outbox.presence.stop();
  }

  private wake(): void {
    const w = this.wakeUp;
    this.wakeUp = null;
    w?.();
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.wakeUp = null;
        resolve();
      }, ms);
      this.wakeUp = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  private async loop(): Promise<void> {
    while (this.running) {
      try {
        await this.outbox.presence.start();
        this.episode.ok();
        break;
      } catch (e) {
        await this.sleep(this.episode.fail(e));
      }
    }
    let wasActive = false;
    while (this.running) {
      try {
        if (!this.outbox.presence.holds(this.leaseName)) {
          if (wasActive) this.log.warn({ channel: this.sender.channel }, "outbox sender lease lost: standing by");
          wasActive = false;
          await this.releaseQueue();
          if (!(await this.outbox.presence.acquire(this.leaseName))) {
            this.episode.ok();
            await this.sleep(HEARTBEAT_MS);
            continue;
          }
          wasActive = true;
          this.log.info({ channel: this.sender.channel }, "outbox sender active");
          this.lastSweep = 0;
        }
        if (Date.now() - this.lastSweep >= HEARTBEAT_MS) {
          const released = await this.outbox.releaseDead(this.sender.channel);
          if (released) this.log.info({ released }, "claims of a dead instance released");
          const orphans = await this.outbox.releaseOrphans(this.sender.channel, this.queue.map((r) => r.id), [...this.inFlight.keys()]);
          if (orphans) this.log.info({ orphans }, "own claims no longer held released");
          this.lastSweep = Date.now();
          this.prune(Date.now());
        }
        await this.step();
        this.episode.ok();
      } catch (e) {
        await this.sleep(this.episode.fail(e));
      }
    }
  }

  /** Rows claimed ahead but not sent go back to the table at once (another sender takes them). */
  private async releaseQueue(): Promise<void> {
    while (this.queue.length) {
      const row = this.queue[0]!;
      await this.outbox.release(row.id);
      this.queue.shift();
    }
  }

  /**
   * One round: claim ahead when the queue runs low (or rows were just written, or at each
   * poll), then start the sends the rates allow at this instant.
   */
  private async step(): Promise<void> {
    let now = Date.now();
    if (this.pausedUntil > now) return this.sleep(this.pausedUntil - now);
    const room = Math.min(this.ahead - this.queue.length, this.maxInFlight - this.inFlight.size - this.queue.length);
    const due = this.claimNow || this.queue.length <= this.ahead / 2 || now - this.lastClaim >= POLL_MS;
    let claimedAll = true;
    if (room > 0 && due) {
      this.claimNow = false;
      this.lastClaim = now;
      const skip = new Set(this.inFlight.keys());
      for (const r of this.queue) skip.add(r.chatKey);
      for (const [k, until] of this.resting) {
        if (until > now) skip.add(k);
        else this.resting.delete(k);
      }
      const { rows, blocked } = await this.outbox.claim(this.sender.channel, room, skip);
      for (const k of blocked) this.resting.set(k, now + BLOCKED_REST_MS);
      if (rows.length) this.queue = [...this.queue, ...rows].sort((a, b) => a.priority - b.priority || a.id - b.id);
      claimedAll = rows.length >= room;
      now = Date.now();
    }
    let n = Math.min(this.global.available(now) - this.sending, this.pace.available(now), this.queue.length);
    while (n-- > 0) this.launch(this.queue.shift()!);
    if (this.queue.length) return this.sleep(Math.max(2, Math.min(POLL_MS, this.slotWait(now))));
    if (!claimedAll || room <= 0) await this.sleep(POLL_MS);
  }

  /** Milliseconds until the global rate and the pacing allow one more send (a send ending wakes the loop). */
  private slotWait(now: number): number {
    return Math.max(this.global.waitFor(this.sending + 1, now), this.pace.wait(now));
  }

  private bucket(row: OutboxRow): TokenBucket {
    let b = this.buckets.get(row.chatKey);
    if (!b) {
      const group = this.sender.isGroup?.(row.chatId) ?? false;
      const perMin = this.sender.limits.groupPerMinute ?? 20;
      b = group ? new TokenBucket(3, perMin / 60) : new TokenBucket(this.sender.limits.perChatBurst, this.sender.limits.perChatPerSecond);
      this.buckets.set(row.chatKey, b);
    }
    return b;
  }

  private launch(row: OutboxRow): void {
    const now = Date.now();
    const chat = this.bucket(row);
    this.sending++;
    this.pace.take(now);
    chat.take(now);
    const rest = chat.wait(now);
    if (rest > 0) this.resting.set(row.chatKey, now + rest);
    const task = this.deliver(row, chat)
      .catch((e) => this.log.error({ err: e, outbox: row.id }, "outbox delivery failed"))
      .finally(() => {
        this.inFlight.delete(row.chatKey);
        if (this.queue.length) this.wake();
      });
    this.inFlight.set(row.chatKey, task);
  }

  private prune(now: number): void {
    if (this.buckets.size > 5000) for (const [k, b] of this.buckets) if (!this.inFlight.has(k) && b.idleSince(now)) this.buckets.delete(k);
  }

  /** Record an outcome: the database may be away for a moment; the chat waits until it is written. */
  private async record(what: () => Promise<void>): Promise<void> {
    for (let i = 0; ; i++) {
      try {
        await what();
        return;
      } catch (e) {
        if (!this.running && i >= 3) throw e;
        if (i === 0) this.log.warn({ err: e }, "outbox could not record a delivery: retrying");
        await sleep(backoffDelay(i, 250, 5_000));
      }
    }
  }

  /** Send one row and record the outcome. */
  private async deliver(row: OutboxRow, chat: TokenBucket): Promise<void> {
    let result: DeliveryResult;
    try {
      result = await this.sender.send(row.chatId, row.payload, row.id);
    } catch (e) {
      result = { ok: false, kind: "retry", error: e instanceof Error ? e.message : String(e) };
    } finally {
      this.sending--;
      this.global.take(Date.now());
    }
    if (result.ok) {
      const id = result.messageId;
      await this.record(() => this.outbox.markSent(row, id));
      this.sentCount++;
      return;
    }
    const error = result.error;
    if (result.kind === "blocked") return this.record(() => this.outbox.markBlocked(row, error));
    if (result.kind === "fatal") {
      this.log.warn({ outbox: row.id, error }, "message refused by the platform");
      return this.record(() => this.outbox.markFailed(row, error));
    }
    const retryAfterMs = result.kind === "retry" ? result.retryAfterMs : undefined;
    if (retryAfterMs) {
      // a 429 applies to the whole bot: hold every chat, not just this one (not an attempt)
      this.pausedUntil = Math.max(this.pausedUntil, Date.now() + retryAfterMs);
      chat.pause(Date.now(), retryAfterMs);
      this.log.warn({ outbox: row.id, retryAfterMs }, "rate limited by the platform");
      return this.record(() => this.outbox.markRetry(row, error, retryAfterMs, false));
    }
    if (row.attempts + 1 >= MAX_ATTEMPTS) {
      this.log.warn({ outbox: row.id, error }, "message dropped after failure");
      return this.record(() => this.outbox.markFailed(row, error));
    }
    const delay = backoff(row.attempts);
    this.log.warn({ outbox: row.id, delay, error }, "delivery will be retried");
    await this.record(() => this.outbox.markRetry(row, error, delay));
  }
}
