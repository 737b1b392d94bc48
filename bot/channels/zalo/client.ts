/**
 * A small typed client of the Zalo Bot API (`POST <base>/bot<TOKEN>/<method>` with a JSON body,
 * answers `{ ok, result, description, error_code }`).
 *
 * Every failure becomes a `ZaloApiError` (or its subclass `ZaloNetworkError`, code 0, for
 * timeouts, aborts and connection failures). The bot token is part of every request URL, so
 * axios errors (which carry the URL, the headers and the body) never leave this file: errors
 * are rebuilt from the status and the server's description only, and anything that still
 * looks like the token is redacted.
 */
import { createRequire } from "node:module";
import type { AxiosInstance, AxiosResponse, AxiosStatic } from "axios";
import { z } from "zod";

/** axios (its one-file CommonJS build), loaded when a Zalo client is made: a bot without Zalo never loads it. */
const axios = (): AxiosStatic => createRequire(import.meta.url)("axios") as AxiosStatic;

/** Longest text sendMessage accepts (characters, counted as UTF-16 code units like `splitText`). */
export const ZALO_TEXT_LIMIT = 2000;
/** Default HTTP timeout of a call other than getUpdates. */
const DEFAULT_TIMEOUT_MS = 10_000;
/** getUpdates: the HTTP timeout is the long-poll timeout plus this much. */
const DEFAULT_POLL_GRACE_MS = 5_000;
const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
const MAX_DESCRIPTION = 300;

export interface ZaloUpdate {
  event_name: string;
  message: {
    message_id: string;
    /** Epoch milliseconds (normalised: some senders give seconds). */
    date: number;
    from: { id: string; display_name?: string; is_bot?: boolean };
    chat: { id: string; chat_type?: "PRIVATE" | "GROUP" };
    text?: string;
    photo?: string;
    photo_url?: string;
    caption?: string;
    sticker?: string;
  };
}

export interface ZaloBotInfo {
  id: string;
  account_name: string;
  account_type?: string;
  can_join_groups?: boolean;
}

export interface ZaloWebhookInfo {
  url: string;
  /** Epoch milliseconds, when given. */
  updated_at?: number;
}

export interface ZaloSent {
  message_id: string;
  /** Epoch milliseconds. */
  date: number;
}

export interface ZaloClientOptions {
  token: string;
  baseUrl: string;
  /** HTTP timeout of every call but getUpdates; default 10 s. */
  timeoutMs?: number;
  /** getUpdates waits this much longer than its long-poll timeout; default 5 s. */
  pollGraceMs?: number;
}

/** An error answered by the Bot API (or refused before sending). Never carries the token. */
export class ZaloApiError extends Error {
  constructor(
    /** Zalo's error_code (HTTP status when the body has none); 0 for network failures. */
    readonly code: number,
    readonly description: string,
    readonly method: string,
    /** Seconds to wait, for a 429 that said so (body `parameters.retry_after` or Retry-After header). */
    readonly retryAfter?: number,
  ) {
    super(`Zalo ${method} failed: ${code} ${description}`);
    this.name = "ZaloApiError";
  }
}

/** The call did not get an answer: timeout, abort or connection failure (code 0; retryable). */
export class ZaloNetworkError extends ZaloApiError {
  constructor(
    method: string,
    readonly reason: "timeout" | "aborted" | "network",
    /** A system error code such as ECONNREFUSED, when known. */
    readonly errno?: string,
  ) {
    super(0, reason === "network" && errno ? `network error (${errno})` : reason, method);
    this.name = "ZaloNetworkError";
  }
}

// ---------------------------------------------------------------------------
// Update parsing
// ---------------------------------------------------------------------------

const idSchema = z.union([z.string().min(1), z.number().finite()]).transform((v) => String(v));
const optString = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined)
  .catch(undefined);
const epochSchema = z.union([z.number().finite().nonnegative(), z.string().regex(/^\d{1,16}$/).transform(Number)]);

/** Epoch seconds or milliseconds → milliseconds (anything below 1e11 cannot be milliseconds of a real message). */
export function toEpochMs(n: number): number {
  return n < 1e11 ? Math.round(n * 1000) : Math.round(n);
}

const messageSchema = z.object({
  message_id: idSchema,
  date: epochSchema.optional().catch(undefined),
  from: z.object({
    id: idSchema,
    display_name: optString,
    is_bot: z.boolean().optional().catch(undefined),
  }),
  chat: z.object({
    id: idSchema,
    chat_type: z
      .string()
      .nullish()
      .transform((v) => {
        const t = v?.toUpperCase();
        return t === "PRIVATE" || t === "GROUP" ? t : undefined;
      })
      .catch(undefined),
  }),
  text: optString,
  photo: optString,
  photo_url: optString,
  caption: optString,
  sticker: optString,
});

const updateSchema = z.object({ event_name: z.string().min(1), message: messageSchema });

function toUpdate(v: unknown): ZaloUpdate | null {
  const r = updateSchema.safeParse(v);
  if (!r.success) return null;
  const { event_name, message: m } = r.data;
  const message: ZaloUpdate["message"] = {
    message_id: m.message_id,
    date: m.date === undefined ? Date.now() : toEpochMs(m.date),
    from: { id: m.from.id },
    chat: { id: m.chat.id },
  };
  if (m.from.display_name !== undefined) message.from.display_name = m.from.display_name;
  if (m.from.is_bot !== undefined) message.from.is_bot = m.from.is_bot;
  if (m.chat.chat_type !== undefined) message.chat.chat_type = m.chat.chat_type;
  for (const k of ["text", "photo", "photo_url", "caption", "sticker"] as const) {
    const x = m[k];
    if (x !== undefined) message[k] = x;
  }
  return { event_name, message };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A webhook body (or a getUpdates result): flat `{event_name, message}` or wrapped
 * `{ok, result: {event_name, message}}`. Null for anything else.
 */
export function parseZaloWebhookBody(json: unknown): ZaloUpdate | null {
  if (!isObject(json)) return null;
  if ("event_name" in json) return toUpdate(json);
  if (isObject(json.result)) return toUpdate(json.result);
  return null;
}

// ---------------------------------------------------------------------------
// The client
// ---------------------------------------------------------------------------

const sentSchema = z.object({
  message_id: idSchema.catch(""),
  date: epochSchema.optional().catch(undefined),
});

const botInfoSchema = z.object({
  id: idSchema,
  account_name: z.string().catch(""),
  account_type: optString,
  can_join_groups: z.boolean().optional().catch(undefined),
});

const webhookInfoSchema = z.object({
  url: z
    .string()
    .nullish()
    .transform((v) => v ?? "")
    .catch(""),
  updated_at: epochSchema.optional().catch(undefined),
});

export class ZaloClient {
  private readonly http: AxiosInstance;
  private readonly base: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly pollGraceMs: number;

  constructor(o: ZaloClientOptions) {
    this.token = o.token;
    this.base = o.baseUrl.replace(/\/+$/, "");
    this.timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.pollGraceMs = o.pollGraceMs ?? DEFAULT_POLL_GRACE_MS;
    this.http = axios().create({
      headers: { "content-type": "application/json", accept: "application/json" },
      responseType: "text",
      transformResponse: [(d: unknown) => d],
      validateStatus: () => true,
      maxRedirects: 0,
      maxContentLength: MAX_RESPONSE_BYTES,
    });
  }

  async getMe(): Promise<ZaloBotInfo> {
    const r = await this.call("getMe", {});
    const p = botInfoSchema.safeParse(r);
    if (!p.success) throw new ZaloApiError(502, "unexpected getMe result", "getMe");
    const info: ZaloBotInfo = { id: p.data.id, account_name: p.data.account_name };
    if (p.data.account_type !== undefined) info.account_type = p.data.account_type;
    if (p.data.can_join_groups !== undefined) info.can_join_groups = p.data.can_join_groups;
    return info;
  }

  /**
   * Long-poll for ONE update. Null when none arrived within `timeoutSec` (Zalo answers 408),
   * or when what arrived is not an update this client understands.
   */
  async getUpdates(timeoutSec: number, signal?: AbortSignal): Promise<ZaloUpdate | null> {
    const sec = Math.max(0, Math.floor(timeoutSec));
    let result: unknown;
    try {
      result = await this.call("getUpdates", { timeout: String(sec) }, { timeoutMs: sec * 1000 + this.pollGraceMs, signal });
    } catch (e) {
      if (e instanceof ZaloApiError && e.code === 408) return null;
      throw e;
    }
    if (Array.isArray(result)) result = result[0];
    return isObject(result) ? parseZaloWebhookBody(result) : null;
  }

  async setWebhook(url: string, secretToken: string): Promise<ZaloWebhookInfo> {
    return this.webhookInfo("setWebhook", await this.call("setWebhook", { url, secret_token: secretToken }));
  }

  async deleteWebhook(): Promise<ZaloWebhookInfo> {
    return this.webhookInfo("deleteWebhook", await this.call("deleteWebhook", {}));
  }

  async getWebhookInfo(): Promise<ZaloWebhookInfo> {
    return this.webhookInfo("getWebhookInfo", await this.call("getWebhookInfo", {}));
  }

  /** Plain text of 1–2000 characters (refused here, without a call, otherwise). */
  async sendMessage(chatId: string, text: string): Promise<ZaloSent> {
    checkChat("sendMessage", chatId);
    if (!text.trim().length || text.length > ZALO_TEXT_LIMIT) {
      throw new ZaloApiError(400, `text must be 1-${ZALO_TEXT_LIMIT} characters (got ${text.length}); not sent`, "sendMessage");
    }
    return this.sent(await this.call("sendMessage", { chat_id: chatId, text }));
  }

  async sendPhoto(chatId: string, photoUrl: string, caption?: string): Promise<ZaloSent> {
    checkChat("sendPhoto", chatId);
    if (!/^https?:\/\/\S+$/i.test(photoUrl)) throw new ZaloApiError(400, "photo must be an http(s) URL; not sent", "sendPhoto");
    if (caption !== undefined && caption.length > ZALO_TEXT_LIMIT) {
      throw new ZaloApiError(400, `caption must be at most ${ZALO_TEXT_LIMIT} characters; not sent`, "sendPhoto");
    }
    const body: Record<string, unknown> = { chat_id: chatId, photo: photoUrl };
    if (caption) body.caption = caption;
    return this.sent(await this.call("sendPhoto", body));
  }

  async sendChatAction(chatId: string, action = "typing"): Promise<void> {
    checkChat("sendChatAction", chatId);
    await this.call("sendChatAction", { chat_id: chatId, action });
  }

  // ----- internals ------------------------------------------------------------

  private sent(r: unknown): ZaloSent {
    const p = sentSchema.safeParse(isObject(r) ? r : {});
    const d = p.success ? p.data : { message_id: "", date: undefined };
    return { message_id: d.message_id, date: d.date === undefined ? Date.now() : toEpochMs(d.date) };
  }

  private webhookInfo(method: string, r: unknown): ZaloWebhookInfo {
    const p = webhookInfoSchema.safeParse(isObject(r) ? r : {});
    if (!p.success) throw new ZaloApiError(502, `unexpected ${method} result`, method);
    const info: ZaloWebhookInfo = { url: p.data.url };
    if (p.data.updated_at !== undefined) info.updated_at = toEpochMs(p.data.updated_at);
    return info;
  }

  /** One call; the `result` on success, a ZaloApiError (never an axios error) otherwise. */
  private async call(method: string, body: Record<string, unknown>, o: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<unknown> {
    if (o.signal?.aborted) throw new ZaloNetworkError(method, "aborted");
    let res: AxiosResponse<string>;
    try {
      res = await this.http.post<string>(`${this.base}/bot${this.token}/${method}`, body, {
        timeout: o.timeoutMs ?? this.timeoutMs,
        ...(o.signal ? { signal: o.signal } : {}),
      });
    } catch (e) {
      // the axios error holds the URL (with the token) and the body: keep only what is safe
      throw this.networkError(method, e, o.signal);
    }
    let json: unknown;
    try {
      json = typeof res.data === "string" && res.data.length ? JSON.parse(res.data) : undefined;
    } catch {
      json = undefined;
    }
    const env = isObject(json) ? json : {};
    if (res.status >= 200 && res.status < 300 && env.ok === true) return env.result;
    const code =
      typeof env.error_code === "number" && Number.isInteger(env.error_code) && env.error_code > 0
        ? env.error_code
        : res.status >= 300
          ? res.status
          : 502;
    const description = this.redact(
      typeof env.description === "string" && env.description ? env.description : isObject(json) ? `HTTP ${res.status}` : `HTTP ${res.status}, not JSON`,
    ).slice(0, MAX_DESCRIPTION);
    const retryAfter = code === 429 ? retryAfterOf(env, res.headers["retry-after"]) : undefined;
    throw new ZaloApiError(code, description, method, retryAfter);
  }

  private networkError(method: string, e: unknown, signal?: AbortSignal): ZaloNetworkError {
    if (signal?.aborted || axios().isCancel(e)) return new ZaloNetworkError(method, "aborted");
    const errno = typeof (e as { code?: unknown })?.code === "string" ? (e as { code: string }).code : undefined;
    if (errno === "ECONNABORTED" || errno === "ETIMEDOUT") return new ZaloNetworkError(method, "timeout");
    return new ZaloNetworkError(method, "network", errno && /^[A-Z_]{2,40}$/.test(errno) ? errno : undefined);
  }

  /** Remove the token (whole, or its secret part) and any `/bot<…>/` path from a text. */
  private redact(s: string): string {
    let out = s.replace(/\/bot[^/\s]+\//g, "/bot<redacted>/");
    const secret = this.token.split(":").pop() ?? "";
    for (const t of [this.token, secret]) if (t.length >= 4) out = out.split(t).join("<redacted>");
    return out;
  }
}

function checkChat(method: string, chatId: string): void {
  if (typeof chatId !== "string" || !chatId.trim().length) throw new ZaloApiError(400, "chat_id is empty; not sent", method);
}

/** Seconds to wait after a 429: body `parameters.retry_after`, else a Retry-After header (seconds or HTTP date). */
function retryAfterOf(env: Record<string, unknown>, header: unknown): number | undefined {
  const params = isObject(env.parameters) ? env.parameters : {};
  const fromBody = Number(params.retry_after);
  if (params.retry_after !== undefined && Number.isFinite(fromBody) && fromBody >= 0) return fromBody;
  if (typeof header === "string" && header.trim()) {
    const h = header.trim();
    if (/^\d+(\.\d+)?$/.test(h)) return Number(h);
    const at = Date.parse(h);
    if (Number.isFinite(at)) return Math.max(0, Math.ceil((at - Date.now()) / 1000));
  }
  return undefined;
}
