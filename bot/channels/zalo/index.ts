import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { Logger } from "pino";
import type { Core } from "../../core/router.ts";
import type { Incoming, OutboxPayload } from "../../core/types.ts";
import { splitText, stripMarkup } from "../../core/text.ts";
import { downloadPath, readDownload } from "../../core/downloads.ts";
import { attachmentUrl, isHttpUrl } from "../../core/attachments.ts";
import { attachmentText as zaloText } from "../../../prompts/vi/attachments.ts";
import type { Channel, ChannelSender, DeliveryResult, WebhookResult } from "../../core/channel.ts";
import { ZALO_TRAITS } from "./traits.ts";
import { ZaloApiError, ZaloClient, parseZaloWebhookBody, type ZaloUpdate } from "./client.ts";
import { Episode, retrying, sleep } from "../../core/backoff.ts";

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
  /**
   * Public base URL of the server that serves download links (`/download/<token>`), when one
   * runs (webhook mode). Zalo sends no documents: a file goes as a link, or without one, as text.
   */
  downloadBase?: string | null;
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
  private webhookSet = false;
  private pollEpisode: Episode;
  private storeEpisode: Episode;

  constructor(private o: ZaloOptions) {
    this.client = new ZaloClient({ token: o.token, baseUrl: o.baseUrl, pollGraceMs: o.pollGraceMs });
    this.pollEpisode = new Episode(o.log, "zalo getUpdates", { minMs: 500, maxMs: 30_000 });
    this.storeEpisode = new Episode(o.log, "zalo intake (storing updates)");
  }

  /** For /readyz: polling and fetching, or the webhook registered. */
  intakeStatus(): { ok: boolean; mode: "polling" | "webhook"; detail?: string } {
    if (this.o.mode === "webhook") return { ok: this.webhookSet, mode: "webhook", ...(this.webhookSet ? {} : { detail: "webhook not set" }) };
    if (!this.running) return { ok: false, mode: "polling", detail: "not polling" };
    if (this.pollEpisode.failing) return { ok: false, mode: "polling", detail: "getUpdates failing" };
    if (this.storeEpisode.failing) return { ok: false, mode: "polling", detail: "storing updates failing" };
    return { ok: true, mode: "polling" };
  }

  async start(): Promise<void> {
    if (this.o.mode === "webhook") {
      await this.client.setWebhook(`${this.o.publicUrl!.replace(/\/$/, "")}/zalo`, this.o.webhookSecret!);
      this.webhookSet = true;
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

  /**
   * Long polling: one update per call; 408 means none. An update received is stored before
   * the next call (Zalo forgets it once given), retried with backoff through a database
   * outage; the handling then retries on its own (Core). Failures are logged once per episode.
   */
  private async poll(): Promise<void> {
    while (this.running) {
      const ac = new AbortController();
      this.abort = ac;
      let u: ZaloUpdate | null;
      try {
        u = await this.client.getUpdates(this.o.pollTimeoutSec ?? 30, ac.signal);
        this.pollEpisode.ok();
      } catch (e) {
        if (!this.running) break;
        if (e instanceof ZaloApiError && e.code === 401) {
          this.o.log.error("zalo token refused (401): polling stopped");
          this.running = false;
          break;
        }
        let wait = this.pollEpisode.fail(e);
        if (e instanceof ZaloApiError && e.code === 429) wait = Math.max(wait, (e.retryAfter ?? 5) * 1000);
        await sleep(wait, ac.signal);
        continue;
      }
      if (!u) continue;
      const incoming = zaloIncoming(u);
      if (!incoming) continue;
      const key = zaloUpdateKey(u);
      let id: number | null;
      try {
        id = await retrying(() => this.o.core.store(incoming, key), { episode: this.storeEpisode, signal: ac.signal });
      } catch {
        break; // stopped while the database was away
      }
      if (id !== null) await this.o.core.processStored(id, incoming).catch((e) => this.o.log.error({ err: safeErr(e) }, "zalo update failed"));
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
    let id: number | null;
    try {
      id = await this.o.core.store(incoming, zaloUpdateKey(u));
      this.storeEpisode.ok();
    } catch (e) {
      // the database is away: answer an error so the platform delivers it again
      this.storeEpisode.fail(e);
      return { status: 503 };
    }
    return { status: 200, ...(id === null ? {} : { after: () => this.o.core.processStored(id, incoming) }) };
  }

  sender(): ChannelSender {
    const perSecond = this.o.ratePerSecond;
    return {
      channel: "zalo",
      limits: { perSecond, perChatBurst: 2, perChatPerSecond: Math.min(1, perSecond) },
      // sends in flight at once, each to its own chat (a chat whose send hangs holds only its slot)
      concurrency: 16,
      send: (chatId, payload) => this.send(chatId, payload),
    };
  }

  /**
   * A file on Zalo: its unguessable, expiring link when a public server serves it; else its
   * content as text after the message, in parts of the platform's length (a binary file: a note
   * that it is fetched on Telegram or the web chat).
   */
  private async sendFile(chatId: string, payload: OutboxPayload): Promise<DeliveryResult> {
    const text = stripMarkup(payload.text);
    const base = this.o.downloadBase?.replace(/\/$/, "");
    if (base) {
      const r = await this.client.sendMessage(chatId, `${text}\n\n${base}${downloadPath(payload.file!.token)}`);
      return { ok: true, messageId: r.message_id };
    }
    const file = await readDownload(this.o.core.s.prisma, this.o.core.s.clock, payload.file!.token);
    // a binary file (a PDF) has no way here: the text says so instead of leaving it unsent unsaid
    let r = await this.client.sendMessage(chatId, file?.binary ? `${text}\n\n${zaloText.fileElsewhere(payload.file!.name)}` : text);
    for (const part of file && !file.binary ? splitText(file.content, ZALO_TRAITS.maxLength) : []) r = await this.client.sendMessage(chatId, part);
    return { ok: true, messageId: r.message_id };
  }

  /**
   * A user's photo or document (bot/core/attachments.ts). Zalo takes photos by URL only and no
   * documents: a URL photo (from Zalo) goes as is; another channel's photo goes as the URL of its
   * expiring link when a public server serves it; a document (or no server) goes as the link,
   * or, without one, as the text with a note that the file is seen on another channel.
   */
  private async sendAttachment(chatId: string, payload: OutboxPayload): Promise<DeliveryResult> {
    const a = payload.attachment!;
    const text = stripMarkup(payload.text);
    const base = this.o.downloadBase?.replace(/\/$/, "");
    const photoUrl = a.kind === "photo" ? (isHttpUrl(a.ref) && a.origin !== "telegram" ? a.ref : base ? attachmentUrl(base, a.token) : null) : null;
    if (photoUrl) {
      const parts = splitText(text, ZALO_TRAITS.maxLength);
      const caption = parts.length === 1 ? parts[0] : undefined;
      if (!caption) for (const part of parts) await this.client.sendMessage(chatId, part);
      const r = await this.client.sendPhoto(chatId, photoUrl, caption);
      return { ok: true, messageId: r.message_id };
    }
    const note = base ? zaloText.attachmentLink(attachmentUrl(base, a.token)) : zaloText.attachmentElsewhere;
    let r = { message_id: "" };
    for (const part of splitText(`${text}\n\n${note}`, ZALO_TRAITS.maxLength)) r = await this.client.sendMessage(chatId, part);
    return { ok: true, messageId: r.message_id };
  }

  async send(chatId: string, payload: OutboxPayload): Promise<DeliveryResult> {
    try {
      if (payload.attachment) return await this.sendAttachment(chatId, payload);
      if (payload.file) return await this.sendFile(chatId, payload);
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

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && y.length > 0 && timingSafeEqual(x, y);
}
