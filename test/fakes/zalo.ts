/**
 * A strict fake of the Zalo Bot API for tests (see /work/shared/reference/zalo-bot-api.md).
 *
 * It speaks the wire protocol the bot uses (`POST <root>/bot<token>/<method>` with a JSON
 * body; answers `{ok:true,result}` or `{ok:false,error_code,description}` with the matching
 * HTTP status), so a ZaloClient or the real bot process can be pointed at it with
 * `ZALO_API_BASE=<fake.url>`.
 *
 * Strict means: it refuses what the reference says Zalo refuses (wrong token 401, text empty or
 * over 2,000 characters 400, webhook URL not HTTPS, secret_token not 8–256 of [A-Za-z0-9_-])
 * and, where the reference is unsure, it refuses what a careful bot should not send anyway
 * (parse_mode, keyboards and other unknown parameters, a numeric timeout, non-POST calls).
 * getUpdates long-polls and returns ONE update per call, answering 408 when the poll timeout
 * elapses with nothing. Sending is rate limited (per chat and globally) with 429s.
 *
 * Test controls: `failNext(n, status)` answers the next calls with an error, `stall(ms)` makes
 * the next call hang (a call whose client gave up consumes nothing), `deliverWebhook()` posts
 * an update to a webhook the way Zalo does.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeZaloOptions {
  /** Bot token the fake accepts; default "1234567890:TEST-zalo-secret". */
  token?: string;
  /** Port to listen on (127.0.0.1); 0 or unset = a random free port. */
  port?: number;
  /** Enforce rate limits on sending methods; default true. */
  rateLimits?: boolean;
  /** Sending calls per second across all chats; default 30. */
  globalPerSecond?: number;
  /** Sustained sending calls per second to one chat; default 1. */
  perChatPerSecond?: number;
  /** Burst allowance for one chat before `perChatPerSecond` applies; default 3. */
  perChatBurst?: number;
  /** Where a rate-limit 429 says how long to wait (Zalo documents nothing); default "none". */
  retryAfterHint?: "none" | "body" | "header";
  /** Answer errors with HTTP 200 and the code only in the body (a variant some clients report); default false. */
  errorsWithHttp200?: boolean;
  /** What to do with `parse_mode` (unconfirmed in the docs); default "reject". */
  parseMode?: "reject" | "ignore";
  /** Unit of `message.date` in generated updates; default "ms". */
  dateUnit?: "ms" | "s";
  /** Field naming the photo URL in generated image updates; default "photo_url". */
  imageField?: "photo_url" | "photo";
  /** Longest long-poll the fake holds, in seconds; default 60. */
  longPollMaxSeconds?: number;
  /** Refuse sending to a chat that never wrote to the bot; default false. */
  requireKnownChat?: boolean;
}

export interface ZaloSentMessage {
  message_id: string;
  chat_id: string;
  /** Text, or photo caption ("" when none). */
  text: string;
  photo?: string;
  sticker?: string;
  method: "sendMessage" | "sendPhoto" | "sendSticker";
  /** Milliseconds since the epoch at which the fake accepted the call. */
  at: number;
}

export interface ZaloFakeCall {
  method: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** HTTP status answered; 499 when the client had gone away. */
  status: number;
}

export interface ZaloWireUpdate {
  event_name: string;
  message: Record<string, unknown> & { message_id?: string };
}

/** An API error as the fake reports it. */
export class FakeZaloError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly retryAfter?: { seconds: number; where: "body" | "header" },
  ) {
    super(description);
  }
}

const bad = (what: string) => new FakeZaloError(400, `Bad Request: ${what}`);

const TEXT_LIMIT = 2000;
const MAX_BODY_BYTES = 1024 * 1024;
const CHAT_ACTIONS = new Set(["typing", "upload_photo"]);
const SENDING_METHODS = new Set(["sendMessage", "sendPhoto", "sendSticker"]);
/** Parameters each method accepts; anything else is refused (keyboards, reply_markup, …). */
const PARAMS: Record<string, string[]> = {
  getMe: [],
  getUpdates: ["timeout"],
  setWebhook: ["url", "secret_token"],
  deleteWebhook: [],
  getWebhookInfo: [],
  sendMessage: ["chat_id", "text", "parse_mode"],
  sendPhoto: ["chat_id", "photo", "caption"],
  sendSticker: ["chat_id", "sticker"],
  sendChatAction: ["chat_id", "action"],
};

interface PendingPoll {
  res: ServerResponse;
  timer: NodeJS.Timeout;
  resolve: (u: ZaloWireUpdate | null) => void;
}

interface Failure {
  status: number;
  method?: string;
  retryAfter?: number;
  where: "body" | "header";
}

type Result = { result: unknown; update?: ZaloWireUpdate };

/** Sliding-window limits over accepted sends: a burst per chat then a steady rate, and a global cap per second. */
class RateLimits {
  private global: number[] = [];
  private perChat = new Map<string, number[]>();

  constructor(private readonly o: { globalPerSecond: number; perChatPerSecond: number; perChatBurst: number }) {}

  /** Milliseconds until a send to `chat` would be allowed; 0 = now. */
  wait(chat: string, now: number): number {
    this.global = this.global.filter((t) => t > now - 1000);
    let wait = 0;
    if (this.global.length >= this.o.globalPerSecond) {
      wait = Math.max(wait, this.global[this.global.length - this.o.globalPerSecond]! + 1000 - now);
    }
    const log = (this.perChat.get(chat) ?? []).filter((t) => t > now - 60_000);
    this.perChat.set(chat, log);
    // every window [t_i, now] may hold at most burst + rate·length sends (this one included)
    for (let i = 0; i < log.length; i++) {
      const count = log.length - i + 1;
      wait = Math.max(wait, ((count - this.o.perChatBurst) * 1000) / this.o.perChatPerSecond - (now - log[i]!));
    }
    return Math.max(0, wait);
  }

  record(chat: string, now: number): void {
    this.global.push(now);
    const log = this.perChat.get(chat) ?? [];
    log.push(now);
    if (log.length > 256) log.splice(0, log.length - 256);
    this.perChat.set(chat, log);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export class FakeZalo {
  readonly url: string;
  readonly token: string;
  /** Every accepted sendMessage / sendPhoto / sendSticker, in order. */
  sent: ZaloSentMessage[] = [];
  /** Every call, rejected ones included, in the order they were answered. */
  calls: ZaloFakeCall[] = [];
  /** Accepted sendChatAction calls. */
  chatActions: { chat_id: string; action: string; at: number }[] = [];
  count429 = 0;
  /** Calls held by `stall` right now. */
  stalling = 0;
  /** As set by setWebhook; null when none. */
  webhook: { url: string; secret_token: string; updated_at: number } | null = null;

  private readonly botId: string;
  private readonly limits: RateLimits | null;
  private readonly knownChats = new Set<string>();
  private queue: ZaloWireUpdate[] = [];
  private polls: PendingPoll[] = [];
  private failures: Failure[] = [];
  private stalls: { ms: number; method?: string }[] = [];
  private timers = new Set<NodeJS.Timeout>();
  private wakeScheduled = false;
  private closed = false;
  private webhookUpdatedAt = 0;

  private constructor(
    private readonly server: Server,
    token: string,
    private readonly o: FakeZaloOptions,
  ) {
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.token = token;
    this.botId = /^(\d+):/.exec(token)?.[1] ?? "1234567890";
    this.limits =
      o.rateLimits === false
        ? null
        : new RateLimits({ globalPerSecond: o.globalPerSecond ?? 30, perChatPerSecond: o.perChatPerSecond ?? 1, perChatBurst: o.perChatBurst ?? 3 });
  }

  static async start(opts: FakeZaloOptions = {}): Promise<FakeZalo> {
    let fake: FakeZalo | undefined;
    const server = createServer((req, res) => {
      void fake?.onRequest(req, res);
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port ?? 0, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    fake = new FakeZalo(server, opts.token ?? "1234567890:TEST-zalo-secret", opts);
    return fake;
  }

  // ----- test-side helpers ---------------------------------------------------

  messagesTo(chatId: string | number): ZaloSentMessage[] {
    const key = String(chatId);
    return this.sent.filter((m) => m.chat_id === key);
  }

  /** Updates waiting for getUpdates. */
  get pending(): number {
    return this.queue.length;
  }

  /** getUpdates calls held open, waiting for an update. */
  get polling(): number {
    return this.polls.length;
  }

  /** Queue ONE update for getUpdates (as given: the same message pushed twice is delivered twice). Returns its message_id. */
  pushUpdate(update: ZaloWireUpdate): string {
    const u = structuredClone(update);
    const chat = isObject(u.message?.chat) ? u.message.chat.id : undefined;
    if (typeof chat === "string" || typeof chat === "number") this.knownChats.add(String(chat));
    this.queue.push(u);
    this.scheduleWake();
    return String(u.message?.message_id ?? "");
  }

  /** Build (without queueing) an update from a user in their private chat (chat.id = from.id). */
  update(event_name: string, fromId: string | number, displayName: string | undefined, content: Record<string, unknown> = {}): ZaloWireUpdate {
    const id = String(fromId);
    const now = Date.now();
    return {
      event_name,
      message: {
        message_id: randomBytes(16).toString("hex"),
        date: this.o.dateUnit === "s" ? Math.floor(now / 1000) : now,
        from: { id, display_name: displayName ?? `Zalo user ${id}`, is_bot: false },
        chat: { id, chat_type: "PRIVATE" },
        ...content,
      },
    };
  }

  /** A text from a user; returns the message_id. */
  sendText(fromId: string | number, text: string, displayName?: string): string {
    return this.pushUpdate(this.update("message.text.received", fromId, displayName, { text }));
  }

  /** An image (by URL) from a user, with an optional caption; returns the message_id. */
  sendImage(fromId: string | number, photoUrl: string, caption?: string, displayName?: string): string {
    const field = this.o.imageField ?? "photo_url";
    return this.pushUpdate(
      this.update("message.image.received", fromId, displayName, { [field]: photoUrl, ...(caption !== undefined ? { caption } : {}) }),
    );
  }

  /** A sticker from a user; returns the message_id. */
  sendSticker(fromId: string | number, sticker = "sticker-1", displayName?: string): string {
    return this.pushUpdate(this.update("message.sticker.received", fromId, displayName, { sticker }));
  }

  /** What Zalo sends for a protected user (children, people with disabilities): no content. */
  sendUnsupported(fromId: string | number, displayName?: string): string {
    return this.pushUpdate(this.update("message.unsupported.received", fromId, displayName));
  }

  /**
   * Answer the next `n` calls (of `opts.method`, or any) with `status` (500, 429, 403…) before
   * they are handled: nothing is consumed or sent. A 429 may carry `retryAfter` seconds in the
   * body (`parameters.retry_after`, default) or in a Retry-After header.
   */
  failNext(n: number, status: number, opts: { method?: string; retryAfter?: number; retryAfterIn?: "body" | "header" } = {}): void {
    for (let i = 0; i < n; i++) {
      this.failures.push({
        status,
        ...(opts.method ? { method: opts.method } : {}),
        ...(opts.retryAfter !== undefined ? { retryAfter: opts.retryAfter } : {}),
        where: opts.retryAfterIn ?? "body",
      });
    }
  }

  /** The next call (of `opts.method`, or any) hangs `ms` before being handled; if its client gave up meanwhile, it consumes nothing. */
  stall(ms: number, opts: { method?: string } = {}): void {
    this.stalls.push({ ms, ...(opts.method ? { method: opts.method } : {}) });
  }

  /**
   * Post an update to a webhook as Zalo does (secret in `X-Bot-Api-Secret-Token`). `to` overrides
   * the registered URL (tests listen on plain http); `secret: null` sends no header; `wrapped`
   * sends `{ok:true,result:update}` instead of the flat update.
   */
  async deliverWebhook(
    update: ZaloWireUpdate,
    opts: { to?: string; secret?: string | null; wrapped?: boolean } = {},
  ): Promise<{ status: number; body: string }> {
    const to = opts.to ?? this.webhook?.url;
    if (!to) throw new Error("FakeZalo.deliverWebhook: no webhook set and no `to` given");
    const secret = opts.secret === undefined ? this.webhook?.secret_token : opts.secret;
    const chat = isObject(update.message?.chat) ? update.message.chat.id : undefined;
    if (typeof chat === "string" || typeof chat === "number") this.knownChats.add(String(chat));
    const res = await fetch(to, {
      method: "POST",
      headers: { "content-type": "application/json", ...(secret ? { "x-bot-api-secret-token": secret } : {}) },
      body: JSON.stringify(opts.wrapped ? { ok: true, result: update } : update),
    });
    return { status: res.status, body: await res.text() };
  }

  async waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > end) {
        const last = this.calls
          .slice(-8)
          .map((c) => `${c.method}→${c.status}`)
          .join(", ");
        throw new Error(`FakeZalo.waitFor timed out after ${timeoutMs} ms (sent: ${this.sent.length}, last calls: ${last || "none"})`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const p of this.polls.splice(0)) {
      clearTimeout(p.timer);
      p.resolve(null);
    }
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      setImmediate(() => this.server.closeAllConnections());
    });
  }

  // ----- HTTP ---------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch {
      this.reply(res, "", {}, new FakeZaloError(413, "Request Entity Too Large"));
      return;
    }
    const url = new URL(req.url ?? "/", "http://fake");
    const m = /^\/bot([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (!m) {
      this.reply(res, url.pathname, {}, new FakeZaloError(404, "Not Found"));
      return;
    }
    const token = decodeURIComponent(m[1]!);
    const method = m[2]!;
    const stall = this.stalls.findIndex((s) => !s.method || s.method === method);
    if (stall >= 0) {
      const { ms } = this.stalls.splice(stall, 1)[0]!;
      this.stalling++;
      await this.sleep(ms);
      this.stalling--;
      if (this.closed || res.destroyed || !res.socket || res.socket.destroyed) {
        this.calls.push({ method, body: safeJson(raw), status: 499 });
        return;
      }
    }
    if (token !== this.token) {
      this.reply(res, method, safeJson(raw), new FakeZaloError(401, "Unauthorized"));
      return;
    }
    if (req.method !== "POST") {
      this.reply(res, method, {}, bad(`use POST (got ${req.method})`));
      return;
    }
    const allowed = PARAMS[method];
    if (!allowed) {
      this.reply(res, method, safeJson(raw), new FakeZaloError(404, "Not Found: unknown method"));
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = parseJsonBody(req.headers["content-type"] ?? "", raw);
    } catch (e) {
      this.reply(res, method, safeJson(raw), e instanceof FakeZaloError ? e : bad("can't parse request body"));
      return;
    }
    const failure = this.failures.findIndex((f) => !f.method || f.method === method);
    if (failure >= 0) {
      const f = this.failures.splice(failure, 1)[0]!;
      const retry = f.status === 429 && f.retryAfter !== undefined ? { seconds: f.retryAfter, where: f.where } : undefined;
      this.reply(res, method, body, new FakeZaloError(f.status, describe(f.status), retry));
      return;
    }
    try {
      const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
      if (unknown.length) throw bad(`unknown parameter ${unknown.join(", ")}`);
      const out = await this.handle(method, body, res);
      this.reply(res, method, body, out);
    } catch (e) {
      this.reply(res, method, body, e instanceof FakeZaloError ? e : new FakeZaloError(500, `Internal Server Error: ${String(e)}`));
    }
  }

  private reply(res: ServerResponse, method: string, body: Record<string, unknown>, out: Result | FakeZaloError): void {
    if (res.writableEnded || res.destroyed || !res.socket || res.socket.destroyed) {
      this.calls.push({ method, body, status: 499 });
      // the client never saw this update: it stays first in line
      if (!(out instanceof FakeZaloError) && out.update) {
        this.queue.unshift(out.update);
        this.scheduleWake();
      }
      return;
    }
    let status = 200;
    let payload: Record<string, unknown>;
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (out instanceof FakeZaloError) {
      status = out.code;
      payload = { ok: false, error_code: out.code, description: out.description };
      if (out.retryAfter?.where === "body") payload.parameters = { retry_after: out.retryAfter.seconds };
      if (out.retryAfter?.where === "header") headers["retry-after"] = String(out.retryAfter.seconds);
      if (out.code === 429) this.count429++;
    } else {
      payload = { ok: true, result: out.result };
    }
    this.calls.push({ method, body, status });
    const json = JSON.stringify(payload);
    headers["content-length"] = String(Buffer.byteLength(json));
    res.writeHead(this.o.errorsWithHttp200 ? 200 : status, headers);
    res.end(json);
  }

  // ----- methods ------------------------------------------------------------

  private async handle(method: string, p: Record<string, unknown>, res: ServerResponse): Promise<Result> {
    switch (method) {
      case "getMe":
        return { result: { id: this.botId, account_name: "doan_test_bot", account_type: "BASIC", can_join_groups: true } };
      case "getUpdates":
        return this.getUpdates(p, res);
      case "sendMessage":
        return this.apiSendMessage(p);
      case "sendPhoto":
        return this.apiSendPhoto(p);
      case "sendSticker":
        return this.apiSendSticker(p);
      case "sendChatAction":
        return this.apiSendChatAction(p);
      case "setWebhook":
        return this.setWebhook(p);
      case "deleteWebhook":
        this.webhook = null;
        this.webhookUpdatedAt = Date.now();
        return { result: { url: "", updated_at: this.webhookUpdatedAt } };
      case "getWebhookInfo":
        return { result: { url: this.webhook?.url ?? "", updated_at: this.webhook?.updated_at ?? this.webhookUpdatedAt } };
      default:
        throw new FakeZaloError(404, "Not Found: unknown method");
    }
  }

  private async getUpdates(p: Record<string, unknown>, res: ServerResponse): Promise<Result> {
    if (this.webhook) throw bad("a webhook is active; call deleteWebhook before getUpdates");
    const t = p.timeout;
    if (t !== undefined && (typeof t !== "string" || !/^\d{1,4}$/.test(t))) throw bad("timeout must be a string of seconds");
    const timeout = Math.min(Number(t ?? "30"), this.o.longPollMaxSeconds ?? 60);
    const ready = this.queue.shift();
    if (ready) return { result: ready, update: ready };
    if (timeout === 0 || this.closed) throw new FakeZaloError(408, "Request timeout");
    const u = await new Promise<ZaloWireUpdate | null>((resolve) => {
      const poll: PendingPoll = {
        res,
        resolve,
        timer: setTimeout(() => {
          this.polls = this.polls.filter((x) => x !== poll);
          resolve(null);
        }, timeout * 1000),
      };
      this.polls.push(poll);
      res.once("close", () => {
        if (!this.polls.includes(poll)) return;
        this.polls = this.polls.filter((x) => x !== poll);
        clearTimeout(poll.timer);
        resolve(null);
      });
    });
    if (!u) throw new FakeZaloError(408, "Request timeout");
    return { result: u, update: u };
  }

  private scheduleWake(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      while (this.queue.length && this.polls.length) {
        const poll = this.polls.shift()!;
        clearTimeout(poll.timer);
        if (poll.res.destroyed || !poll.res.socket || poll.res.socket.destroyed) {
          poll.resolve(null);
          continue;
        }
        poll.resolve(this.queue.shift()!);
      }
    });
  }

  private apiSendMessage(p: Record<string, unknown>): Result {
    const chat = this.chatId(p);
    const text = p.text;
    if (typeof text !== "string" || !text.trim().length) throw bad("text is empty");
    if (text.length > TEXT_LIMIT) throw bad(`text is too long (max ${TEXT_LIMIT} characters)`);
    if (p.parse_mode !== undefined && (this.o.parseMode ?? "reject") === "reject") throw bad("parse_mode is not supported");
    this.admit(chat, "sendMessage");
    return this.record({ method: "sendMessage", chat_id: chat, text });
  }

  private apiSendPhoto(p: Record<string, unknown>): Result {
    const chat = this.chatId(p);
    const photo = p.photo;
    if (typeof photo !== "string" || !/^https?:\/\/[^\s/?#]+\S*$/i.test(photo)) throw bad("photo must be an http(s) URL");
    const caption = p.caption;
    if (caption !== undefined && typeof caption !== "string") throw bad("caption must be a string");
    if (typeof caption === "string" && caption.length > TEXT_LIMIT) throw bad(`caption is too long (max ${TEXT_LIMIT} characters)`);
    this.admit(chat, "sendPhoto");
    return this.record({ method: "sendPhoto", chat_id: chat, text: caption ?? "", photo });
  }

  private apiSendSticker(p: Record<string, unknown>): Result {
    const chat = this.chatId(p);
    if (typeof p.sticker !== "string" || !p.sticker.length) throw bad("sticker is empty");
    this.admit(chat, "sendSticker");
    return this.record({ method: "sendSticker", chat_id: chat, text: "", sticker: p.sticker });
  }

  private apiSendChatAction(p: Record<string, unknown>): Result {
    const chat = this.chatId(p);
    const action = p.action;
    if (typeof action !== "string" || !CHAT_ACTIONS.has(action)) throw bad("unknown chat action");
    this.chatActions.push({ chat_id: chat, action, at: Date.now() });
    return { result: true };
  }

  private setWebhook(p: Record<string, unknown>): Result {
    const url = p.url;
    if (typeof url !== "string" || !url) throw bad("url is required");
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw bad("invalid webhook url");
    }
    if (parsed.protocol !== "https:") throw bad("webhook url must be HTTPS");
    const secret = p.secret_token;
    if (typeof secret !== "string" || !secret) throw bad("secret_token is required");
    if (secret.length < 8 || secret.length > 256) throw bad("secret_token must be 8-256 characters");
    if (!/^[A-Za-z0-9_-]+$/.test(secret)) throw bad("secret_token may only contain A-Z, a-z, 0-9, _ and -");
    this.webhookUpdatedAt = Date.now();
    this.webhook = { url, secret_token: secret, updated_at: this.webhookUpdatedAt };
    // polling and a webhook cannot both be active: waiting polls end empty
    for (const poll of this.polls.splice(0)) {
      clearTimeout(poll.timer);
      poll.resolve(null);
    }
    return { result: { url, updated_at: this.webhookUpdatedAt } };
  }

  // ----- shared pieces --------------------------------------------------------

  private chatId(p: Record<string, unknown>): string {
    const v = p.chat_id;
    if (v === undefined || v === null || v === "") throw bad("chat_id is empty");
    if (typeof v !== "string") throw bad("chat_id must be a string");
    if (this.o.requireKnownChat && !this.knownChats.has(v)) throw bad("chat not found");
    return v;
  }

  /** Rate limits on sending methods; records the send when admitted. */
  private admit(chat: string, method: string): void {
    if (!this.limits || !SENDING_METHODS.has(method)) return;
    const now = Date.now();
    const wait = this.limits.wait(chat, now);
    if (wait > 0) {
      const hint = this.o.retryAfterHint ?? "none";
      const seconds = Math.max(1, Math.ceil(wait / 1000));
      throw new FakeZaloError(429, "Too Many Requests: quota exceeded", hint === "none" ? undefined : { seconds, where: hint });
    }
    this.limits.record(chat, now);
  }

  private record(m: Omit<ZaloSentMessage, "message_id" | "at">): Result {
    const at = Date.now();
    const message_id = randomBytes(16).toString("hex");
    this.sent.push({ message_id, ...m, at });
    return { result: { message_id, date: at } };
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }
}

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------

function describe(status: number): string {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Internal error";
    case 404:
      return "Not Found";
    case 408:
      return "Request timeout";
    case 429:
      return "Too Many Requests: quota exceeded";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    default:
      return `Error ${status}`;
  }
}

function parseJsonBody(contentType: string, body: Buffer): Record<string, unknown> {
  if (!body.length) return {};
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") throw bad("the body must be JSON (content-type application/json)");
  let v: unknown;
  try {
    v = JSON.parse(body.toString("utf8"));
  } catch {
    throw bad("can't parse JSON body");
  }
  if (!isObject(v)) throw bad("the JSON body must be an object");
  return v;
}

function safeJson(body: Buffer): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(body.toString("utf8"));
    return isObject(v) ? v : {};
  } catch {
    return {};
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("body too large"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
