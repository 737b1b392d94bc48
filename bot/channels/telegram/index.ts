import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { Bot, GrammyError, HttpError } from "grammy";
import type { Update, UserFromGetMe, BotCommand } from "grammy/types";
import { createConcurrentSink, createRunner, createSource, createUpdateFetcher, type RunnerHandle } from "@grammyjs/runner";
import type { Logger } from "pino";
import type { Core } from "../../core/router.ts";
import type { Incoming, OutboxPayload } from "../../core/types.ts";
import { renderTelegramHtml } from "../../core/text.ts";
import { coreText } from "../../../prompts/vi/core.ts";
import type { Channel, ChannelSender, DeliveryResult, WebhookResult } from "../../core/channel.ts";
import { TELEGRAM_TRAITS } from "./traits.ts";
import { helpOf, menuOf, type Menus } from "../../core/commands.ts";

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
      ...(m ? { choice: { setId: Number(m[1]), index: Number(m[2]) } } : { unsupported: true }),
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

export class TelegramChannel implements Channel {
  readonly bot: Bot;
  private runner: RunnerHandle | null = null;
  private me: UserFromGetMe | null = null;

  readonly name = "telegram" as const;
  readonly traits = TELEGRAM_TRAITS;
  readonly webhookPath = "/telegram";

  constructor(private o: TelegramOptions) {
    this.bot = new Bot(o.token, { client: { apiRoot: o.apiRoot, timeoutSeconds: 60 } });
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
        allowed_updates: ["message", "callback_query"],
      });
      return;
    }
    await this.bot.api.deleteWebhook();
    const fetchUpdates = createUpdateFetcher(this.bot, { fetch: { timeout: 25, allowed_updates: ["message", "callback_query"] }, silent: true });
    // Updates are stored before supply() returns, i.e. before the next getUpdates moves the offset past them.
    const source = createSource<Stored>({
      supply: async (batchSize, signal) => {
        const updates = await fetchUpdates(batchSize, signal);
        const kept: Stored[] = [];
        for (const u of updates) {
          const stored = await this.store(u);
          if (stored) kept.push(stored);
        }
        return kept;
      },
    });
    const sink = createConcurrentSink<Stored>(
      { consume: (item) => this.handle(item) },
      async (err) => this.o.log.error({ err }, "telegram sink error"),
      { concurrency: 100 },
    );
    this.runner = createRunner(source, sink);
    this.runner.start();
  }

  async stop(): Promise<void> {
    if (this.runner?.isRunning()) await this.runner.stop();
    this.runner = null;
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
    const stored = await this.store(update);
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
      concurrency: 4,
      send: (chatId, payload) => this.send(chatId, payload),
      probe: (chatId, payload, lastId) => this.probe(chatId, payload, lastId),
    };
  }

  /**
   * Was this message delivered by an instance that died before recording it? Message ids of
   * a private chat are sequential, so it can only be one of the next few ids after the last
   * one we know. Editing a message to exactly its current content changes nothing and answers
   * "message is not modified": that is the proof it is there. "Not found" means it is not
   * (later ids cannot exist either); a user's message ("can't be edited") is skipped.
   */
  async probe(chatId: string, payload: OutboxPayload, lastId: string | null): Promise<{ delivered: true; messageId: string } | { delivered: false } | null> {
    if (chatId.startsWith("-")) return null; // groups interleave other members' messages
    const keyboard = payload.buttons?.length ? { inline_keyboard: buttonRows(payload.buttons) } : undefined;
    const first = (Number(lastId) || 0) + 1;
    for (let id = first; id < first + PROBE_SPAN; id++) {
      try {
        await this.bot.api.editMessageText(chatId, id, renderTelegramHtml(payload.text), {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          ...(keyboard ? { reply_markup: keyboard } : {}),
        });
        // it was a different message of ours (should not happen: we send in order); stop guessing
        this.o.log.warn({ chatId, id }, "probe edited an unexpected message");
        return null;
      } catch (e) {
        const d = e instanceof GrammyError ? e.description : "";
        if (/message is not modified/.test(d)) return { delivered: true, messageId: String(id) };
        if (/message to edit not found/.test(d)) return { delivered: false };
        if (/can't be edited|no text in the message/.test(d)) continue;
        return null;
      }
    }
    return null;
  }

  async send(chatId: string, payload: OutboxPayload): Promise<DeliveryResult> {
    try {
      const keyboard = payload.buttons?.length ? { inline_keyboard: buttonRows(payload.buttons) } : undefined;
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

/** How many message ids after the last known one a probe looks at. */
const PROBE_SPAN = 10;

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

