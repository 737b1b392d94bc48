import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { Logger } from "pino";
import type { Core } from "../../core/router.ts";
import type { Incoming, OutboxPayload } from "../../core/types.ts";
import { stripMarkup } from "../../core/text.ts";
import type { Channel, ChannelSender, DeliveryResult, WebhookResult } from "../../core/channel.ts";
import { ZALO_TRAITS } from "./traits.ts";
import { ZaloApiError, ZaloClient, parseZaloWebhookBody, type ZaloUpdate } from "./client.ts";

/** Parse a Zalo update into the core's Incoming; null for what the bot ignores (groups, bots). */
export function zaloIncoming(u: ZaloUpdate): Incoming | null {
  const m = u.message;
  if (!m?.from || !m.chat || m.from.is_bot) return null;
  if (m.chat.chat_type && m.chat.chat_type !== "PRIVATE") return null;
  const base = {
    channel: "zalo" as const,
    chatId: String(m.chat.id),
    userId: String(m.from.id),
    displayName: m.from.display_name || "Zalo",
    date: new Date(m.date),
  };
  if (u.event_name === "message.text.received" && typeof m.text === "string") return { ...base, text: m.text };
  if (u.event_name === "message.image.received") {
    const photo = m.photo_url ?? m.photo;
    return photo ? { ...base, photo, text: m.caption ?? "" } : { ...base, unsupported: true };
  }
  return { ...base, unsupported: true };
}

/** Deduplication key of a Zalo update: message_id plus event name (no update_id exists). */
export function zaloUpdateKey(u: ZaloUpdate): string {
  return `${u.event_name}:${u.message.message_id}`;
}

export interface ZaloOptions {
  token: string;
  baseUrl: string;
  mode: "polling" | "webhook";
  publicUrl?: string;
  webhookSecret?: string;
  ratePerSecond: number;
  pollTimeoutSec?: number;
  /** How long past the poll timeout a getUpdates may hang before it is given up (the client's default when unset). */
  pollGraceMs?: number;
  log: Logger;
  core: Core;
}

/** The Zalo channel: long polling or webhook in, the outbox out, every choice as a numbered list. */
export class ZaloChannel implements Channel {
  readonly name = "zalo" as const;
  readonly traits = ZALO_TRAITS;
  readonly webhookPath = "/zalo";
  readonly client: ZaloClient;
  private running = false;
  private abort: AbortController | null = null;
  private loopDone: Promise<void> | null = null;

  constructor(private o: ZaloOptions) {
    this.client = new ZaloClient({ token: o.token, baseUrl: o.baseUrl, pollGraceMs: o.pollGraceMs });
  }

  async start(): Promise<void> {
    if (this.o.mode === "webhook") {
      await this.client.setWebhook(`${this.o.publicUrl!.replace(/\/$/, "")}/zalo`, this.o.webhookSecret!);
      return;
    }
    await this.client.deleteWebhook().catch((e) => this.o.log.warn({ err: safeErr(e) }, "zalo deleteWebhook failed"));
    this.running = true;
    this.loopDone = this.poll();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.abort?.abort();
    await this.loopDone;
  }

  /** Long polling: one update per call; 408 means none; errors back off without losing what was received. */
  private async poll(): Promise<void> {
    let delay = 500;
    while (this.running) {
      const ac = new AbortController();
      this.abort = ac;
      try {
        const u = await this.client.getUpdates(this.o.pollTimeoutSec ?? 30, ac.signal);
        delay = 500;
        if (u) await this.receive(u);
      } catch (e) {
        if (!this.running) break;
        let wait = delay;
        if (e instanceof ZaloApiError) {
          if (e.code === 401) {
            this.o.log.error("zalo token refused (401): polling stopped");
            this.running = false;
            break;
          }
          if (e.code === 429) wait = Math.max(wait, (e.retryAfter ?? 5) * 1000);
        }
        this.o.log.warn({ err: safeErr(e), wait }, "zalo getUpdates failed");
        await abortableSleep(wait, ac.signal);
        delay = Math.min(delay * 2, 30_000);
      }
    }
  }

  /** Store then handle one update (duplicates by message_id are ignored). */
  async receive(u: ZaloUpdate): Promise<void> {
    const incoming = zaloIncoming(u);
    if (!incoming) return;
    await this.o.core.receive(incoming, zaloUpdateKey(u));
  }

  /** The webhook's secret header, compared in constant time. */
  webhookAuthorized(headers: IncomingHttpHeaders): boolean {
    const got = headers["x-bot-api-secret-token"];
    return safeEqual(typeof got === "string" ? got : "", this.o.webhookSecret ?? "");
  }

  /** Webhook: secret checked, stored, 200 at once, handled after. */
  async handleWebhook(req: IncomingMessage, body: Buffer): Promise<WebhookResult> {
    if (!this.webhookAuthorized(req.headers)) return { status: 401 };
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      return { status: 400 };
    }
    const u = parseZaloWebhookBody(json);
    if (!u) return { status: 200 };
    const incoming = zaloIncoming(u);
    if (!incoming) return { status: 200 };
    const id = await this.o.core.store(incoming, zaloUpdateKey(u));
    return { status: 200, ...(id === null ? {} : { after: () => this.o.core.processStored(id, incoming) }) };
  }

  sender(): ChannelSender {
    const perSecond = this.o.ratePerSecond;
    return {
      channel: "zalo",
      limits: { perSecond, perChatBurst: 2, perChatPerSecond: Math.min(1, perSecond) },
      concurrency: 2,
      send: (chatId, payload) => this.send(chatId, payload),
    };
  }

  async send(chatId: string, payload: OutboxPayload): Promise<DeliveryResult> {
    try {
      const r = await this.client.sendMessage(chatId, stripMarkup(payload.text));
      return { ok: true, messageId: r.message_id };
    } catch (e) {
      if (e instanceof ZaloApiError) {
        const error = `${e.code} ${e.description}`.slice(0, 200);
        if (e.code === 429) return { ok: false, kind: "retry", error, retryAfterMs: (e.retryAfter ?? 5) * 1000 };
        if (e.code === 401 || e.code === 403 || e.code === 400 || e.code === 404) return { ok: false, kind: "fatal", error };
        return { ok: false, kind: "retry", error };
      }
      return { ok: false, kind: "retry", error: "network error" };
    }
  }
}

function safeErr(e: unknown): { name: string; message: string } {
  return e instanceof Error ? { name: e.name, message: e.message } : { name: "Error", message: String(e) };
}

/** Sleep that ends early when `signal` aborts (so stop() does not wait out a backoff). */
function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && y.length > 0 && timingSafeEqual(x, y);
}
