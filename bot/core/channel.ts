/**
 * The channel port: what every platform adapter (Telegram, Zalo, the web chat) gives the
 * core. Adapters declare their own traits; the core keeps no table of platforms.
 */
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { OutboxPayload } from "./types.ts";

export type ChannelName = "telegram" | "zalo" | "web";

/** What the core needs to know to render messages for a platform. */
export interface ChannelTraits {
  name: ChannelName;
  /** Maximum characters of one message. */
  maxLength: number;
  /** Whether choices are rendered as buttons (else numbered lists). */
  buttons: boolean;
  /** Markup the channel interprets in our messages. */
  markup: "html" | "none";
}

/** The outcome of one delivery attempt, as the platform told it. */
export type DeliveryResult =
  | { ok: true; messageId?: string }
  | { ok: false; kind: "retry"; error: string; retryAfterMs?: number }
  | { ok: false; kind: "blocked" | "fatal"; error: string };

/** What a channel implements to deliver outbox rows. */
export interface ChannelSender {
  channel: ChannelName;
  send(chatId: string, payload: OutboxPayload, rowId: number): Promise<DeliveryResult>;
  limits: {
    /** All chats together, per second (sliding window). */
    perSecond: number;
    /** One private chat: burst and refill per second. */
    perChatBurst: number;
    perChatPerSecond: number;
    /** Group chats (negative ids on Telegram): per minute. */
    groupPerMinute?: number;
  };
  isGroup?(chatId: string): boolean;
  /** Sends in flight at once at most (each to a different chat: a chat's rows go one at a time). */
  concurrency?: number;
}

/** A webhook call after the secret check: the status to answer, and work to run after answering. */
export interface WebhookResult {
  status: number;
  after?: () => Promise<void>;
}

/** One platform adapter, as the composition root sees it: traits, lifecycle, sender, webhook. */
export interface Channel {
  readonly name: ChannelName;
  readonly traits: ChannelTraits;
  start(): Promise<void>;
  stop(): Promise<void>;
  sender(): ChannelSender;
  /** Path and handler of the platform's webhook (absent for channels without one). */
  readonly webhookPath?: string;
  /** Whether a webhook call carries the platform's secret, from its headers alone (checked before the body is read). */
  webhookAuthorized?(headers: IncomingHttpHeaders): boolean;
  handleWebhook?(req: IncomingMessage, body: Buffer): Promise<WebhookResult>;
}

/** Renders for a channel the core has not been told about (a conservative plain-text default). */
export const PLAIN_TRAITS: Omit<ChannelTraits, "name"> = { maxLength: 2000, buttons: false, markup: "none" };

/** Longest text a user may send in one message (anything longer is refused politely). */
export const MAX_INPUT_LENGTH = 4096;
