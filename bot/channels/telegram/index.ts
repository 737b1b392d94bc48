import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { Bot, GrammyError, HttpError, InputFile } from "grammy";
import type { Update, UserFromGetMe, BotCommand } from "grammy/types";
import { createConcurrentSink, createRunner, createSource, type RunnerHandle } from "@grammyjs/runner";
import type { Logger } from "pino";
import type { Core } from "../../core/router.ts";
import type { Incoming, OutboxPayload } from "../../core/types.ts";
import { renderTelegramHtml, visibleLength } from "../../core/text.ts";
import { readDownload } from "../../core/downloads.ts";
import { attachmentContent, isHttpUrl, MAX_FETCH_BYTES, registerFileSource, type FetchedFile } from "../../core/attachments.ts";
import { coreText } from "../../../prompts/vi/core.ts";
import { isButtonData } from "../../core/buttons.ts";
import type { Channel, ChannelSender, DeliveryResult, WebhookResult } from "../../core/channel.ts";
import { TELEGRAM_TRAITS } from "./traits.ts";
import { helpOf, menuOf, type Menus } from "../../core/commands.ts";
import { AbortedError, Episode, backoffDelay, retrying, sleep } from "../../core/backoff.ts";

/** Parse a Telegram update into the core's Incoming; null for what the bot ignores. */
export function telegramIncoming(u: Update): Incoming | null {
  if (u.callback_query) {
    const q = u.callback_query;
    const chat = q.message?.chat;
    if (!chat || chat.type !== "private") return null;
    const m = /^c:(\d{1,12}):(\d{1,3})$/.exec(q.data ?? "");
    return {
      channel: "telegram",
      chatId: String(chat.id),
      userId: String(q.from.id),
      displayName: displayName(q.from),
      ...(m ? { choice: { setId: Number(m[1]), index: Number(m[2]) } } : isButtonData(q.data ?? "") ? { button: q.data! } : { unsupported: true }),
      callbackId: q.id,
    };
  }
  const msg = u.message;
  if (!msg || !msg.from || msg.chat.type !== "private") return null;
  const base = { channel: "telegram" as const, chatId: String(msg.chat.id), userId: String(msg.from.id), displayName: displayName(msg.from), date: new Date(msg.date * 1000) };
  if (typeof msg.text === "string") return { ...base, text: msg.text };
  if (msg.photo?.length) {
    const biggest = msg.photo[msg.photo.length - 1]!;
    return { ...base, photo: biggest.file_id, text: msg.caption ?? "" };
  }
  if (msg.document) {
    const d = msg.document;
    return {
      ...base,
      document: { id: d.file_id, ...(d.file_name ? { name: d.file_name } : {}), ...(d.file_size !== undefined ? { size: d.file_size } : {}), ...(d.mime_type ? { mime: d.mime_type } : {}) },
      text: msg.caption ?? "",
    };
  }
  return { ...base, unsupported: true };
}

function displayName(u: { first_name: string; last_name?: string; username?: string }): string {
  return [u.first_name, u.last_name].filter(Boolean).join(" ").trim() || u.username || coreText.anonymousName;
}

export interface TelegramOptions {
  token: string;
  apiRoot: string;
  mode: "polling" | "webhook";
  publicUrl?: string;
  webhookSecret?: string;
  ratePerSecond: number;
  log: Logger;
  core: Core;
  /** Command menus per role (names; descriptions from the catalogue prompts/vi/commands.ts). */
  menus: Menus;
}

/** Telegram's BotCommand list of a menu (at most 100; descriptions of 3–256 characters). */
function menuCommands(names: readonly string[]): BotCommand[] {
  return names.slice(0, 100).map((c) => ({ command: c, description: (helpOf(c)?.description ?? c).slice(0, 256) }));
}

/** The Telegram channel: grammY for the API, the runner for polling, our own webhook endpoint. */
/** An update stored in the inbox, parsed once, ready for the core. */
interface Stored {
  inboxId: number;
  incoming: Incoming;
}

/** Update types the bot asks for (polling and webhook alike). */
const ALLOWED_UPDATES = ["message", "callback_query"] as const;

export class TelegramChannel implements Channel {
  readonly bot: Bot;
  private runner: RunnerHandle | null = null;
  private me: UserFromGetMe | null = null;
  /** Polling: the next update id to ask for, and updates fetched but not yet stored (kept across runner restarts). */
  private offset = 0;
  private backlog: Update[] = [];
  private polling = false;
  private webhookSet = false;
  private fetchEpisode: Episode;
  private storeEpisode: Episode;
  private runnerEpisode: Episode;

  readonly name = "telegram" as const;
  readonly traits = TELEGRAM_TRAITS;
  readonly webhookPath = "/telegram";

  constructor(private o: TelegramOptions) {
    this.bot = new Bot(o.token, { client: { apiRoot: o.apiRoot, timeoutSeconds: 60 } });
    this.fetchEpisode = new Episode(o.log, "telegram getUpdates", { maxMs: 30_000 });
    this.storeEpisode = new Episode(o.log, "telegram intake (storing updates)");
    this.runnerEpisode = new Episode(o.log, "telegram polling runner", { maxMs: 30_000 });
    // readers on other channels get our users' files through a link: fetched with getFile
    registerFileSource(o.core.s.prisma, "telegram", (ref) => this.fetchFile(ref));
  }

  /** A file users sent us, by its file id (getFile, then the file endpoint); null when Telegram refuses it (too big). */
  async fetchFile(fileId: string): Promise<FetchedFile | null> {
    const f = await this.bot.api.getFile(fileId).catch(() => null);
    if (!f?.file_path || (f.file_size ?? 0) > MAX_FETCH_BYTES) return null;
    const res = await fetch(`${this.o.apiRoot.replace(/\/$/, "")}/file/bot${this.o.token}/${f.file_path}`, { signal: AbortSignal.timeout(30_000) });
    if (!res.ok) return null;
    const content = Buffer.from(await res.arrayBuffer());
    if (content.length > MAX_FETCH_BYTES) return null;
    const name = f.file_path.split("/").pop() || "file";
    const mime = res.headers.get("content-type")?.split(";")[0]?.trim() || (/\.(jpe?g)$/i.test(name) ? "image/jpeg" : "application/octet-stream");
    return { content, mime, name };
  }

  /** For /readyz: polling and fetching, or the webhook registered. */
  intakeStatus(): { ok: boolean; mode: "polling" | "webhook"; detail?: string } {
    if (this.o.mode === "webhook") return { ok: this.webhookSet, mode: "webhook", ...(this.webhookSet ? {} : { detail: "webhook not set" }) };
    if (!this.polling || !this.runner?.isRunning()) return { ok: false, mode: "polling", detail: "not polling" };
    if (this.fetchEpisode.failing) return { ok: false, mode: "polling", detail: "getUpdates failing" };
    if (this.storeEpisode.failing) return { ok: false, mode: "polling", detail: "storing updates failing" };
    return { ok: true, mode: "polling" };
  }

  get username(): string | undefined {
    return this.me?.username;
  }

  /** Store an update (before Telegram is told we have it). Null for a redelivery or an ignored update. */
  async store(update: Update): Promise<Stored | null> {
    const incoming = telegramIncoming(update);
    if (!incoming) return null;
    const inboxId = await this.o.core.store(incoming, String(update.update_id));
    return inboxId === null ? null : { inboxId, incoming };
  }

  /** Hand a stored update to the core: the press is acknowledged first, the answer goes through the outbox. */
  private async handle({ inboxId, incoming }: Stored): Promise<void> {
    if (incoming.callbackId) await this.bot.api.answerCallbackQuery(incoming.callbackId).catch(() => undefined);
    await this.o.core.processStored(inboxId, incoming);
    if (incoming.text?.startsWith("/start")) await this.refreshMenu(incoming).catch(() => undefined);
  }

  async start(): Promise<void> {
    this.me = await this.bot.api.getMe();
    this.bot.botInfo = this.me;
    await this.setMenus().catch((e) => this.o.log.warn({ err: e }, "setMyCommands failed"));
    if (this.o.mode === "webhook") {
      await this.bot.api.setWebhook(`${this.o.publicUrl!.replace(/\/$/, "")}/telegram`, {
        secret_token: this.o.webhookSecret!,
        allowed_updates: [...ALLOWED_UPDATES],
      });
      this.webhookSet = true;
      return;
    }
    await this.bot.api.deleteWebhook();
    this.polling = true;
    this.startRunner();
  }

  /**
   * Polling with the runner. Updates are stored (retried with backoff through an outage, in
   * order) before supply() returns, i.e. before the next getUpdates moves the offset past
   * them; fetched updates not yet stored wait in `backlog`, which outlives the runner. If the
   * runner stops anyway, it is started again after a backoff.
   */
  private startRunner(): void {
    const source = createSource<Stored>({ supply: (batchSize, signal) => this.supply(batchSize, signal as unknown as AbortSignal) });
    const sink = createConcurrentSink<Stored>(
      { consume: (item) => this.handle(item) },
      async (err) => this.o.log.error({ err }, "telegram sink error"),
      { concurrency: 100 },
    );
    const runner = createRunner(source, sink);
    this.runner = runner;
    runner.start();
    const task = runner.task();
    void Promise.resolve(task).then(
      () => this.runnerEnded(runner, null),
      (e: unknown) => this.runnerEnded(runner, e),
    );
  }

  private async runnerEnded(runner: RunnerHandle, err: unknown): Promise<void> {
    if (!this.polling || this.runner !== runner) return; // stopped on purpose
    this.runnerEpisode.fail(err ?? new Error("runner ended"));
    await sleep(backoffDelay(this.runnerEpisode.attempts - 1, 500, 30_000));
    if (!this.polling || this.runner !== runner) return;
    this.startRunner();
  }

  private async supply(batchSize: number, signal: AbortSignal): Promise<Stored[]> {
    if (!this.backlog.length) {
      const updates = await retrying(
        () =>
          this.bot.api.getUpdates({ offset: this.offset, limit: Math.max(1, Math.min(batchSize, 100)), timeout: 25, allowed_updates: [...ALLOWED_UPDATES] }, signal as unknown as Parameters<Bot["api"]["getUpdates"]>[1]),
        { episode: this.fetchEpisode, signal, waitOf: (e) => (e instanceof GrammyError && e.parameters.retry_after ? e.parameters.retry_after * 1000 : undefined) },
      );
      const last = updates[updates.length - 1];
      if (last) this.offset = last.update_id + 1;
      this.backlog.push(...updates);
    }
    const kept: Stored[] = [];
    while (this.backlog.length) {
      const u = this.backlog[0]!;
      const stored = await retrying(() => this.store(u), { episode: this.storeEpisode, signal });
      this.backlog.shift();
      if (stored) kept.push(stored);
    }
    this.runnerEpisode.ok();
    return kept;
  }

  async stop(): Promise<void> {
    this.polling = false;
    const runner = this.runner;
    this.runner = null;
    if (runner?.isRunning()) await runner.stop()?.catch((e: unknown) => (e instanceof AbortedError ? undefined : this.o.log.warn({ err: e }, "telegram runner stop")));
  }

  /** The webhook's secret header, compared in constant time. */
  webhookAuthorized(headers: IncomingHttpHeaders): boolean {
    const got = headers["x-telegram-bot-api-secret-token"];
    return safeEqual(typeof got === "string" ? got : "", this.o.webhookSecret ?? "");
  }

  /** Webhook endpoint: secret checked, update stored, 200 at once, handled after. */
  async handleWebhook(req: IncomingMessage, body: Buffer): Promise<WebhookResult> {
    if (!this.webhookAuthorized(req.headers)) return { status: 401 };
    let update: Update;
    try {
      update = JSON.parse(body.toString("utf8")) as Update;
    } catch {
      return { status: 400 };
    }
    if (typeof update?.update_id !== "number") return { status: 400 };
    let stored: Stored | null;
    try {
      stored = await this.store(update);
      this.storeEpisode.ok();
    } catch (e) {
      // the database is away: Telegram keeps the update and calls again later
      this.storeEpisode.fail(e);
      return { status: 503 };
    }
    return { status: 200, ...(stored ? { after: () => this.handle(stored) } : {}) };
  }

  private async setMenus(): Promise<void> {
    await this.bot.api.setMyCommands(menuCommands(this.o.menus.youth));
    await this.bot.api.setMyCommands(menuCommands(this.o.menus.youth), { language_code: "vi" });
  }

  /** Secretaries and cadres get their own command menu in their chat. */
  private async refreshMenu(incoming: Incoming): Promise<void> {
    const { memberships } = await this.o.core.loadPerson(incoming);
    const roles = memberships.map((m) => m.role);
    if (!roles.some((r) => r !== "youth")) return;
    await this.bot.api.setMyCommands(
      menuCommands(menuOf(this.o.menus, roles)),
      { scope: { type: "chat", chat_id: Number(incoming.chatId) } },
    );
  }

  sender(): ChannelSender {
    return {
      channel: "telegram",
      limits: { perSecond: this.o.ratePerSecond, perChatBurst: 2, perChatPerSecond: 1, groupPerMinute: 20 },
      isGroup: (chatId) => chatId.startsWith("-"),
      // sends in flight at once, each to its own chat (a chat whose send hangs holds only its slot)
      concurrency: 64,
      // never an edit or a delete to find out whether a message arrived: a send cut short is sent again
      send: (chatId, payload) => this.send(chatId, payload),
    };
  }

  /**
   * A message with a file (a person's data): the document itself, the text as its caption (or
   * sent first when too long for one). Null when the file has expired: the text goes alone.
   */
  private async sendFile(
    chatId: string,
    payload: OutboxPayload,
    keyboard: { inline_keyboard: { text: string; callback_data: string }[][] } | undefined,
  ): Promise<DeliveryResult | null> {
    const { prisma, clock } = this.o.core.s;
    const file = payload.file && (await readDownload(prisma, clock, payload.file.token));
    if (!file) return null;
    const short = visibleLength(payload.text) <= CAPTION_MAX;
    if (!short) await this.bot.api.sendMessage(chatId, renderTelegramHtml(payload.text), { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
    const msg = await this.bot.api.sendDocument(chatId, new InputFile(file.bytes, file.name), {
      ...(short ? { caption: renderTelegramHtml(payload.text), parse_mode: "HTML" as const } : {}),
      ...(keyboard ? { reply_markup: keyboard } : {}),
    });
    return { ok: true, messageId: String(msg.message_id) };
  }

  /**
   * A message with a user's photo or document (bot/core/attachments.ts): a Telegram file id is
   * sent as is, a URL (Zalo) by URL for a photo, anything else uploaded from its stored bytes;
   * the text as its caption (or first, when too long for one). Null when the file cannot be had.
   */
  private async sendAttachment(
    chatId: string,
    payload: OutboxPayload,
    keyboard: { inline_keyboard: { text: string; callback_data: string }[][] } | undefined,
  ): Promise<DeliveryResult | null> {
    const a = payload.attachment!;
    let input: string | InputFile | null = null;
    if (a.origin === "telegram") input = a.ref;
    else if (a.kind === "photo" && isHttpUrl(a.ref)) input = a.ref;
    else {
      const file = await attachmentContent(this.o.core.s.prisma, this.o.core.s.clock, a.token);
      if (file) input = new InputFile(file.content, a.name ?? file.name);
    }
    if (input === null) return null;
    const short = visibleLength(payload.text) <= CAPTION_MAX;
    if (!short) await this.bot.api.sendMessage(chatId, renderTelegramHtml(payload.text), { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
    const extra = {
      ...(short ? { caption: renderTelegramHtml(payload.text), parse_mode: "HTML" as const } : {}),
      ...(keyboard ? { reply_markup: keyboard } : {}),
    };
    const msg = a.kind === "photo" ? await this.bot.api.sendPhoto(chatId, input, extra) : await this.bot.api.sendDocument(chatId, input, extra);
    return { ok: true, messageId: String(msg.message_id) };
  }

  async send(chatId: string, payload: OutboxPayload): Promise<DeliveryResult> {
    try {
      const keyboard = payload.buttons?.length ? { inline_keyboard: buttonRows(payload.buttons) } : undefined;
      if (payload.attachment) {
        try {
          const sent = await this.sendAttachment(chatId, payload, keyboard);
          if (sent) return sent;
        } catch (e) {
          // a file Telegram will not take (an unreachable URL, a file id gone): the text still goes
          if (!(e instanceof GrammyError && e.error_code === 400)) throw e;
          this.o.log.warn({ error: e.description }, "attachment refused by telegram: text sent alone");
        }
      }
      if (payload.file) {
        const sent = await this.sendFile(chatId, payload, keyboard);
        if (sent) return sent;
      }
      const msg = await this.bot.api.sendMessage(chatId, renderTelegramHtml(payload.text), {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(keyboard ? { reply_markup: keyboard } : {}),
      });
      return { ok: true, messageId: String(msg.message_id) };
    } catch (e) {
      return classifyTelegramError(e);
    }
  }
}

/** Longest caption Telegram takes under a document (visible characters). */
const CAPTION_MAX = 1024;

function buttonRows(buttons: { label: string; data: string }[]) {
  const rows: { text: string; callback_data: string }[][] = [];
  const short = buttons.every((b) => b.label.length <= 14);
  for (let i = 0; i < buttons.length; i += short ? 2 : 1) {
    rows.push(buttons.slice(i, i + (short ? 2 : 1)).map((b) => ({ text: b.label.slice(0, 64), callback_data: b.data })));
  }
  return rows;
}

export function classifyTelegramError(e: unknown): DeliveryResult {
  if (e instanceof GrammyError) {
    const error = `${e.error_code} ${e.description}`;
    if (e.error_code === 429) return { ok: false, kind: "retry", error, retryAfterMs: ((e.parameters.retry_after ?? 1) + 0.2) * 1000 };
    if (e.error_code === 403) return { ok: false, kind: "blocked", error };
    if (e.error_code >= 500) return { ok: false, kind: "retry", error };
    return { ok: false, kind: "fatal", error };
  }
  if (e instanceof HttpError) return { ok: false, kind: "retry", error: "network error" };
  return { ok: false, kind: "retry", error: e instanceof Error ? e.name : "error" };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && y.length > 0 && timingSafeEqual(x, y);
}

