import type { Logger } from "pino";
import type { Outbox, OutboxRow } from "./outbox.ts";
import type { ChannelSender, DeliveryResult } from "../channel.ts";
export type { ChannelSender, DeliveryResult } from "../channel.ts";
import { SlidingWindow, TokenBucket } from "./rate.ts";

const backoff = (attempt: number) => Math.min(5 * 60_000, 1000 * 2 ** attempt) + Math.floor(Math.random() * 500);
const MAX_ATTEMPTS = 8;

/**
 * Delivers one channel's outbox rows: claims a batch by lease, keeps order within a chat,
 * respects the global, per-chat and per-group limits, honours 429 retry_after, stops for
 * blocked users, and retries transient failures with exponential backoff.
 */
export class OutboxWorker {
  private global: SlidingWindow;
  private chats = new Map<string, TokenBucket>();
  private running = false;
  private wakeUp: (() => void) | null = null;
  private loopDone: Promise<void> | null = null;
  private pausedUntil = 0;
  private unsubscribe: (() => void) | null = null;
  sentCount = 0;

  constructor(
    private outbox: Outbox,
    private sender: ChannelSender,
    private log: Logger,
  ) {
    this.global = new SlidingWindow(Math.max(1, Math.floor(sender.limits.perSecond)), 1000);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.outbox.onEnqueue((ch) => {
      if (ch === this.sender.channel) this.wake();
    });
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake();
    await this.loopDone;
  }

  private wake(): void {
    const w = this.wakeUp;
    this.wakeUp = null;
    w?.();
  }

  private sleep(ms: number): Promise<void> {
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

  private bucket(chatId: string): TokenBucket {
    let b = this.chats.get(chatId);
    if (!b) {
      const group = this.sender.isGroup?.(chatId) ?? false;
      const perMin = this.sender.limits.groupPerMinute ?? 20;
      b = group ? new TokenBucket(3, perMin / 60) : new TokenBucket(this.sender.limits.perChatBurst, this.sender.limits.perChatPerSecond);
      this.chats.set(chatId, b);
    }
    return b;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let rows: OutboxRow[] = [];
      try {
        rows = await this.outbox.claim(this.sender.channel, 100);
      } catch (e) {
        this.log.error({ err: e }, "outbox claim failed");
      }
      if (!rows.length) {
        await this.sleep(500);
        continue;
      }
      await this.deliverBatch(rows);
      if (this.chats.size > 5000) for (const [k, b] of this.chats) if (b.idleSince(Date.now())) this.chats.delete(k);
    }
  }

  /** Deliver a batch: chats in parallel (bounded), rows of one chat in order. */
  private async deliverBatch(rows: OutboxRow[]): Promise<void> {
    const byChat = new Map<string, OutboxRow[]>();
    for (const r of rows) {
      const list = byChat.get(r.chatId) ?? [];
      list.push(r);
      byChat.set(r.chatId, list);
    }
    const queues = [...byChat.values()];
    const workers = Math.max(1, this.sender.concurrency ?? 4);
    let next = 0;
    const runQueue = async () => {
      while (next < queues.length) {
        const q = queues[next++]!;
        for (let i = 0; i < q.length; i++) {
          if (!this.running) {
            for (const r of q.slice(i)) await this.outbox.release(r.id);
            break;
          }
          const ok = await this.deliver(q[i]!);
          if (!ok) {
            // keep order: the rest of this chat waits for the failed one
            for (const r of q.slice(i + 1)) await this.outbox.release(r.id);
            break;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: workers }, runQueue));
  }

  /** Wait for the limits, send one row, record the outcome. True when the chat may go on. */
  private async deliver(row: OutboxRow): Promise<boolean> {
    const chat = this.bucket(row.chatId);
    for (;;) {
      const now = Date.now();
      const w = Math.max(this.pausedUntil - now, this.global.wait(now), chat.wait(now));
      if (w <= 0) break;
      await new Promise((r) => setTimeout(r, Math.min(w, 1000)));
      if (!this.running) {
        await this.outbox.release(row.id);
        return false;
      }
    }
    if (row.abandoned && this.sender.probe) {
      const found = await this.sender
        .probe(row.chatId, row.payload, await this.outbox.lastDeliveredId(this.sender.channel, row.chatId))
        .catch(() => null);
      if (found?.delivered) {
        this.log.info({ outbox: row.id }, "message in doubt after a crash was already delivered");
        await this.outbox.markSent(row.id, found.messageId);
        return true;
      }
    }
    const now = Date.now();
    this.global.take(now);
    chat.take(now);
    let result: DeliveryResult;
    try {
      result = await this.sender.send(row.chatId, row.payload, row.id);
    } catch (e) {
      result = { ok: false, kind: "retry", error: e instanceof Error ? e.message : String(e) };
    }
    if (result.ok) {
      await this.outbox.markSent(row.id, result.messageId);
      this.sentCount++;
      return true;
    }
    if (result.kind === "blocked") {
      await this.outbox.markBlocked(row, result.error);
      return false;
    }
    if (result.kind === "fatal") {
      this.log.warn({ outbox: row.id, error: result.error }, "message refused by the platform");
      await this.outbox.markFailed(row.id, result.error);
      return true;
    }
    if (row.attempts + 1 >= MAX_ATTEMPTS) {
      this.log.warn({ outbox: row.id, error: result.error }, "message dropped after failure");
      await this.outbox.markFailed(row.id, result.error);
      return true;
    }
    const retryAfterMs = result.kind === "retry" ? result.retryAfterMs : undefined;
    const delay = retryAfterMs ?? backoff(row.attempts);
    if (retryAfterMs) {
      // a 429 applies to the whole bot: hold every chat, not just this one
      this.pausedUntil = Math.max(this.pausedUntil, Date.now() + retryAfterMs);
      chat.pause(Date.now(), retryAfterMs);
    }
    this.log.warn({ outbox: row.id, delay, error: result.error }, "delivery will be retried");
    await this.outbox.markRetry(row, result.error, delay);
    return false;
  }
}
