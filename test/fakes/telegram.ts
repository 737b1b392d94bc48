/**
 * A strict fake of the Telegram Bot API for end-to-end tests.
 *
 * It speaks the real wire protocol (`GET|POST <root>/bot<token>/<method>` with a JSON,
 * form-urlencoded or multipart body; answers `{ok:true,result}` or
 * `{ok:false,error_code,description,parameters?}` with the matching HTTP status), so the
 * real bot process can be pointed at it with `TELEGRAM_API_ROOT=<fake.url>`.
 *
 * It validates what it is sent the way Telegram does (HTML entity parsing after tdlib's
 * `parse_html`, text lengths in UTF-16 code units after parsing, inline keyboards,
 * webhook and command rules) and enforces Telegram's flood limits, so a bot that passes
 * against it has a good chance of passing against the real thing.
 *
 * Known simplifications: Markdown/MarkdownV2 texts are not parsed (their raw length is
 * counted); updates are never pushed to a webhook (tests post to the bot themselves);
 * unknown chats are accepted (no "chat not found" for never-seen users).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeTelegramOptions {
  /** Bot token the fake accepts; default "123456:TEST-token". */
  token?: string;
  /** Port to listen on (127.0.0.1); 0 or unset = a random free port. */
  port?: number;
  /** Enforce Telegram's flood limits; default true. */
  rateLimits?: boolean;
  /** Sending calls per second across all chats; default 30. */
  globalPerSecond?: number;
  /** Sustained sending calls per second to one private chat; default 1. */
  perChatPerSecond?: number;
  /** Burst allowance for one private chat before `perChatPerSecond` applies; default 3. */
  perChatBurst?: number;
  /** Sending calls per minute to one group (negative chat id or @username); default 20. */
  groupPerMinute?: number;
}

export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}

export interface SentMessage {
  message_id: number;
  chat_id: string;
  /** The text (or photo caption) as Telegram stores it: markup parsed away, entities decoded, trimmed. */
  text: string;
  parse_mode?: string;
  reply_markup?: unknown;
  /** Formatting entities produced by parsing (bold, text_link, …). */
  entities?: MessageEntity[];
  /** Milliseconds since the epoch at which the fake accepted the call. */
  at: number;
  method: string;
  /** sendPhoto: the file id or URL given, or "upload" for uploaded bytes. */
  photo?: string;
  /** sendDocument: the uploaded file's name and bytes (a file id or URL has no content here). */
  document?: { filename: string; content?: Buffer };
}

export interface FakeUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface FakeCall {
  method: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  status: number;
}

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/** An API error as Telegram reports it. */
export class TelegramApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
  }
}

const bad = (what: string) => new TelegramApiError(400, `Bad Request: ${what}`);

const BOT_USERNAME = "doan_test_bot";
const BOT_FIRST_NAME = "Doan Test Bot";
const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;
const CALLBACK_ANSWER_LIMIT = 200;
const MAX_BODY_BYTES = 50 * 1024 * 1024;
/** Largest file a bot may download with getFile. */
const GET_FILE_LIMIT = 20 * 1024 * 1024;
const LONG_POLL_MAX_SECONDS = 50;
const TERMINATE_GRACE_MS = 50;

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
const QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid";

const ALL_UPDATE_TYPES = [
  "message",
  "edited_message",
  "channel_post",
  "edited_channel_post",
  "business_connection",
  "business_message",
  "edited_business_message",
  "deleted_business_messages",
  "message_reaction",
  "message_reaction_count",
  "inline_query",
  "chosen_inline_result",
  "callback_query",
  "shipping_query",
  "pre_checkout_query",
  "purchased_paid_media",
  "poll",
  "poll_answer",
  "my_chat_member",
  "chat_member",
  "chat_join_request",
  "chat_boost",
  "removed_chat_boost",
];
/** What Telegram sends when allowed_updates was never given or is empty. */
const DEFAULT_UPDATE_TYPES = ALL_UPDATE_TYPES.filter((t) => !["chat_member", "message_reaction", "message_reaction_count"].includes(t));

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

const COMMAND_SCOPES = new Set([
  "default",
  "all_private_chats",
  "all_group_chats",
  "all_chat_administrators",
  "chat",
  "chat_administrators",
  "chat_member",
]);

/** Methods subject to the flood limits. */
const SENDING_METHODS = new Set(["sendMessage", "sendPhoto", "sendDocument", "editMessageText"]);

// ---------------------------------------------------------------------------
// HTML entity parsing (a port of tdlib's parse_html, which the Bot API uses)
// ---------------------------------------------------------------------------

const HTML_TAGS = new Set([
  "a",
  "b",
  "strong",
  "i",
  "em",
  "s",
  "strike",
  "del",
  "u",
  "ins",
  "tg-spoiler",
  "tg-emoji",
  "span",
  "pre",
  "code",
  "blockquote",
]);

const isHtmlSpace = (c: string) => c === " " || c === "\t" || c === "\r" || c === "\n" || c === "\0" || c === "\v";
const isAsciiAlpha = (c: string) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");
const isDigit = (c: string) => c >= "0" && c <= "9";
const isHexDigit = (c: string) => isDigit(c) || (c >= "a" && c <= "f") || (c >= "A" && c <= "F");

/** Decode `&lt; &gt; &amp; &quot;` or a numeric reference at `pos`; null = keep the `&` literally (as Telegram does). */
function decodeHtmlEntity(s: string, pos: number): { ch: string; next: number } | null {
  const at = (i: number) => s[i] ?? "\0";
  let end = pos + 1;
  let code = 0;
  if (at(pos + 1) === "#") {
    end++;
    if (at(pos + 2) === "x") {
      end++;
      while (isHexDigit(at(end))) {
        code = code * 16 + parseInt(at(end++), 16);
        if (code >= 0x10ffff) return null;
      }
    } else {
      while (isDigit(at(end))) {
        code = code * 10 + Number(at(end++));
        if (code >= 0x10ffff) return null;
      }
    }
    if (code === 0 || end - pos >= 10) return null;
  } else {
    while (isAsciiAlpha(at(end))) end++;
    const name = s.slice(pos + 1, end);
    const named: Record<string, number> = { lt: 0x3c, gt: 0x3e, amp: 0x26, quot: 0x22 };
    const c = named[name];
    if (c === undefined) return null;
    code = c;
  }
  return { ch: String.fromCodePoint(code), next: at(end) === ";" ? end + 1 : end };
}

/**
 * Parse Telegram HTML into plain text and entities, failing exactly where the Bot API fails
 * (`Bad Request: can't parse entities: …`, with byte offsets into the UTF-8 source).
 */
export function parseTelegramHtml(src: string): FormattedText {
  const at = (i: number) => src[i] ?? "\0";
  const byteAt = (i: number) => Buffer.byteLength(src.slice(0, i), "utf8");
  const fail = (msg: string) => new TelegramApiError(400, `Bad Request: can't parse entities: ${msg}`);
  let out = "";
  const open: { tag: string; arg: string; offset: number; expandable: boolean }[] = [];
  const entities: (MessageEntity & { codeLanguage?: string })[] = [];

  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "&") {
      const d = decodeHtmlEntity(src, i);
      if (d) {
        out += d.ch;
        i = d.next;
        continue;
      }
    }
    if (c !== "<") {
      out += c;
      i++;
      continue;
    }
    const begin = i++;
    if (at(i) !== "/") {
      // a start tag
      const nameBegin = i;
      while (!isHtmlSpace(at(i)) && at(i) !== ">") i++;
      if (i >= src.length) throw fail(`Unclosed start tag at byte offset ${byteAt(begin)}`);
      const tag = src.slice(nameBegin, i).toLowerCase();
      if (!HTML_TAGS.has(tag)) throw fail(`Unsupported start tag "${tag}" at byte offset ${byteAt(begin)}`);
      let arg = "";
      let expandable = false;
      while (at(i) !== ">") {
        while (i < src.length && isHtmlSpace(at(i))) i++;
        if (at(i) === ">") break;
        const attrBegin = i;
        while (!isHtmlSpace(at(i)) && at(i) !== "=") i++;
        const attr = src.slice(attrBegin, i);
        if (!attr) throw fail(`Empty attribute name in the tag "${tag}" at byte offset ${byteAt(begin)}`);
        while (i < src.length && isHtmlSpace(at(i))) i++;
        if (at(i) !== "=") {
          if (tag === "blockquote" && attr === "expandable") {
            expandable = true;
            continue;
          }
          throw fail(`Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${byteAt(begin)}`);
        }
        i++;
        while (i < src.length && isHtmlSpace(at(i))) i++;
        if (i >= src.length) throw fail(`Unclosed start tag "${tag}" at byte offset ${byteAt(begin)}`);
        let value = "";
        const quote = at(i);
        if (quote !== "'" && quote !== '"') {
          // a name token: letters, digits, periods, hyphens; case-insensitive
          const tokenBegin = i;
          while (/[A-Za-z0-9.-]/.test(at(i))) i++;
          value = src.slice(tokenBegin, i).toLowerCase();
          if (!isHtmlSpace(at(i)) && at(i) !== ">") throw fail(`Unexpected end of name token at byte offset ${byteAt(tokenBegin)}`);
        } else {
          i++;
          while (i < src.length && at(i) !== quote) {
            if (at(i) === "&") {
              const d = decodeHtmlEntity(src, i);
              if (d) {
                value += d.ch;
                i = d.next;
                continue;
              }
            }
            value += at(i);
            i++;
          }
          if (at(i) === quote) i++;
        }
        if (i >= src.length) throw fail(`Unclosed start tag at byte offset ${byteAt(begin)}`);
        if (tag === "a" && attr === "href") arg = value;
        else if (tag === "code" && attr === "class" && value.startsWith("language-")) arg = value.slice(9);
        else if (tag === "span" && attr === "class" && value.startsWith("tg-")) arg = value.slice(3);
        else if (tag === "tg-emoji" && attr === "emoji-id") arg = value;
        else if (tag === "blockquote" && attr === "expandable") expandable = true;
      }
      if (tag === "span" && arg !== "spoiler") throw fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteAt(begin)}`);
      open.push({ tag, arg, offset: out.length, expandable });
      i++; // '>'
    } else {
      // an end tag; the name may be empty ("</>")
      if (!open.length) throw fail(`Unexpected end tag at byte offset ${byteAt(begin)}`);
      while (!isHtmlSpace(at(i)) && at(i) !== ">") i++;
      const endName = src.slice(begin + 2, i);
      while (i < src.length && isHtmlSpace(at(i))) i++;
      if (at(i) !== ">") throw fail(`Unclosed end tag at byte offset ${byteAt(begin)}`);
      const top = open[open.length - 1]!;
      if (endName && endName !== top.tag) {
        throw fail(`Unmatched end tag at byte offset ${byteAt(begin)}, expected "</${top.tag}>", found "</${endName}>"`);
      }
      open.pop();
      i++; // '>'
      const length = out.length - top.offset;
      if (top.tag === "tg-emoji" && !/^[1-9]\d{0,18}$/.test(top.arg)) throw fail("Invalid custom emoji identifier specified");
      if (length === 0) continue;
      const e = { offset: top.offset, length };
      switch (top.tag) {
        case "b":
        case "strong":
          entities.push({ type: "bold", ...e });
          break;
        case "i":
        case "em":
          entities.push({ type: "italic", ...e });
          break;
        case "u":
        case "ins":
          entities.push({ type: "underline", ...e });
          break;
        case "s":
        case "strike":
        case "del":
          entities.push({ type: "strikethrough", ...e });
          break;
        case "tg-spoiler":
        case "span":
          entities.push({ type: "spoiler", ...e });
          break;
        case "a": {
          // like Telegram, a link with an unusable URL silently stays plain text
          const url = top.arg || out.slice(top.offset);
          if (/^(https?|tg|ton|ftp):\/\/\S+$/i.test(url)) entities.push({ type: "text_link", ...e, url });
          break;
        }
        case "code":
          entities.push({ type: "code", ...e, ...(top.arg ? { codeLanguage: top.arg } : {}) });
          break;
        case "pre": {
          const last = entities[entities.length - 1];
          if (last && last.type === "code" && last.offset === e.offset && last.length === e.length && last.codeLanguage) {
            entities.pop();
            entities.push({ type: "pre", ...e, language: last.codeLanguage });
          } else entities.push({ type: "pre", ...e });
          break;
        }
        case "blockquote":
          entities.push({ type: top.expandable ? "expandable_blockquote" : "blockquote", ...e });
          break;
        case "tg-emoji":
          entities.push({ type: "custom_emoji", ...e, custom_emoji_id: top.arg });
          break;
      }
    }
  }
  const unclosed = open[open.length - 1];
  if (unclosed) throw fail(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  const clean = entities.map(({ codeLanguage: _drop, ...e }) => e);
  clean.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: out, entities: clean };
}

/** Telegram strips leading and trailing whitespace from texts and captions, moving entities along. */
function trimFormatted(ft: FormattedText): FormattedText {
  const lead = /^[ \t\n\r\v\f]*/.exec(ft.text)![0].length;
  const text = ft.text.slice(lead).replace(/[ \t\n\r\v\f]+$/, "");
  const entities: MessageEntity[] = [];
  for (const e of ft.entities) {
    const start = Math.max(e.offset - lead, 0);
    const end = Math.min(e.offset + e.length - lead, text.length);
    if (end > start) entities.push({ ...e, offset: start, length: end - start });
  }
  return { text, entities };
}

// ---------------------------------------------------------------------------
// Request parameters
// ---------------------------------------------------------------------------

interface UploadedFile {
  filename: string;
  size: number;
  content_type?: string;
  /** The bytes uploaded (kept so tests can read a sent document). */
  content?: Buffer;
}

class Params {
  constructor(readonly raw: Record<string, unknown>) {}

  get(k: string): unknown {
    const v = this.raw[k];
    return v === null ? undefined : v;
  }

  str(k: string): string | undefined {
    const v = this.get(k);
    if (v === undefined) return undefined;
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    throw bad(`field "${k}" must be of type String`);
  }

  int(k: string): number | undefined {
    const v = this.get(k);
    if (v === undefined || v === "") return undefined;
    if (typeof v === "number" && Number.isInteger(v)) return v;
    if (typeof v === "string" && /^\s*[-+]?\d{1,19}\s*$/.test(v)) return Number(v);
    throw bad(`field "${k}" must be of type Integer`);
  }

  bool(k: string): boolean {
    const v = this.get(k);
    return v === true || v === 1 || v === "true" || v === "1" || v === "True";
  }

  /** An object/array parameter: given as JSON value (JSON body) or as a JSON string (forms). */
  json(k: string, what = k): unknown {
    const v = this.get(k);
    if (v === undefined || v === "") return undefined;
    if (typeof v !== "string") return v;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      throw bad(`can't parse ${what} JSON object`);
    }
  }
}

function parseMultipart(body: Buffer, boundary: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const delim = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delim);
  while (pos !== -1) {
    pos += delim.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // closing "--"
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const headerEnd = body.indexOf("\r\n\r\n", pos);
    if (headerEnd < 0) break;
    const headers = body.subarray(pos, headerEnd).toString("utf8");
    const next = body.indexOf(delim, headerEnd + 4);
    if (next < 0) break;
    let end = next;
    if (body[end - 2] === 0x0d && body[end - 1] === 0x0a) end -= 2;
    const content = body.subarray(headerEnd + 4, end);
    const name = /(?:^|[;\s])name="?([^";\r\n]+)"?/i.exec(headers)?.[1];
    const filename = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1];
    const type = /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1];
    if (name !== undefined) {
      out[name] =
        filename !== undefined
          ? ({ filename, size: content.length, content: Buffer.from(content), ...(type ? { content_type: type.trim() } : {}) } satisfies UploadedFile)
          : content.toString("utf8");
    }
    pos = next;
  }
  return out;
}

function isUploadedFile(v: unknown): v is UploadedFile {
  return typeof v === "object" && v !== null && typeof (v as UploadedFile).filename === "string" && typeof (v as UploadedFile).size === "number";
}

// ---------------------------------------------------------------------------
// Reply markup
// ---------------------------------------------------------------------------

type InlineButton = Record<string, unknown> & { text: string };
type Markup = { kind: "inline"; inline_keyboard: InlineButton[][] } | { kind: "other"; value: unknown };

const INLINE_ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isHttpUrl = (v: unknown) => typeof v === "string" && /^https?:\/\/[^\s/?#]+\S*$/i.test(v);

function parseReplyMarkup(p: Params): Markup | undefined {
  const v = p.json("reply_markup", "reply keyboard markup");
  if (v === undefined) return undefined;
  if (!isObject(v)) throw bad("can't parse reply keyboard markup JSON object");
  if ("inline_keyboard" in v) {
    const rows = v.inline_keyboard;
    if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
      throw bad('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
    }
    const all = (rows as unknown[][]).flat();
    if (all.length > 100) throw bad("reply markup is too long");
    const keyboard: InlineButton[][] = (rows as unknown[][]).map((row) => row.map(parseInlineButton));
    return { kind: "inline", inline_keyboard: keyboard.filter((r) => r.length > 0) };
  }
  if ("keyboard" in v) {
    const rows = v.keyboard;
    if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw bad('field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays');
    for (const b of (rows as unknown[][]).flat()) {
      const text = typeof b === "string" ? b : isObject(b) ? b.text : undefined;
      if (typeof text !== "string") throw bad('can\'t parse keyboard button: Field "text" must be of type String');
      if (!text.length) throw bad("BUTTON_TEXT_INVALID");
    }
    return { kind: "other", value: v };
  }
  if ("remove_keyboard" in v) {
    if (v.remove_keyboard !== true) throw bad('can\'t parse ReplyKeyboardRemove: Field "remove_keyboard" must be true');
    return { kind: "other", value: v };
  }
  if ("force_reply" in v) {
    if (v.force_reply !== true) throw bad('can\'t parse ForceReply: Field "force_reply" must be true');
    return { kind: "other", value: v };
  }
  throw bad("can't parse reply keyboard markup JSON object");
}

function parseInlineButton(b: unknown): InlineButton {
  if (!isObject(b)) throw bad("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
  if (typeof b.text !== "string") throw bad('can\'t parse inline keyboard button: Field "text" must be of type String');
  if (!b.text.length) throw bad("BUTTON_TEXT_INVALID");
  const actions = INLINE_ACTIONS.filter((a) => b[a] !== undefined && b[a] !== null);
  if (actions.length === 0) throw bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  if (actions.length > 1) throw bad("BUTTON_DATA_INVALID"); // exactly one action per button
  const action = actions[0]!;
  const value = b[action];
  switch (action) {
    case "callback_data": {
      if (typeof value !== "string") throw bad("BUTTON_DATA_INVALID");
      const bytes = Buffer.byteLength(value, "utf8");
      if (bytes < 1 || bytes > 64) throw bad("BUTTON_DATA_INVALID");
      break;
    }
    case "url":
      if (typeof value !== "string" || !/^(https?|tg):\/\/\S+$/i.test(value)) throw bad("BUTTON_URL_INVALID");
      break;
    case "web_app":
      if (!isObject(value) || typeof value.url !== "string" || !/^https:\/\//i.test(value.url)) throw bad("BUTTON_URL_INVALID");
      break;
    case "login_url":
      if (!isObject(value) || !isHttpUrl(value.url)) throw bad("BUTTON_URL_INVALID");
      break;
    case "switch_inline_query":
    case "switch_inline_query_current_chat":
      if (typeof value !== "string") throw bad(`can't parse inline keyboard button: Field "${action}" must be of type String`);
      break;
    case "copy_text":
      if (!isObject(value) || typeof value.text !== "string" || !value.text.length || value.text.length > 256) throw bad("BUTTON_COPY_TEXT_INVALID");
      break;
    case "pay":
      if (value !== true) throw bad('can\'t parse inline keyboard button: Field "pay" must be true');
      break;
    default:
      if (!isObject(value)) throw bad(`can't parse inline keyboard button: Field "${action}" must be an Object`);
  }
  return { text: b.text, [action]: value };
}

// ---------------------------------------------------------------------------
// Flood limits
// ---------------------------------------------------------------------------

class FloodLimits {
  private global: number[] = [];
  private perChat = new Map<string, number[]>();

  constructor(
    private readonly o: { globalPerSecond: number; perChatPerSecond: number; perChatBurst: number; groupPerMinute: number },
  ) {}

  /** Milliseconds until a sending call to `chat` would be allowed; 0 = now. Sliding windows over accepted sends. */
  wait(chat: string, now: number): number {
    this.global = this.global.filter((t) => t > now - 1000);
    let wait = 0;
    if (this.global.length >= this.o.globalPerSecond) {
      wait = Math.max(wait, this.global[this.global.length - this.o.globalPerSecond]! + 1000 - now);
    }
    const log = (this.perChat.get(chat) ?? []).filter((t) => t > now - 60_000);
    this.perChat.set(chat, log);
    if (isGroupChat(chat)) {
      if (log.length >= this.o.groupPerMinute) wait = Math.max(wait, log[log.length - this.o.groupPerMinute]! + 60_000 - now);
    } else {
      // For every window [t_i, now] starting at an earlier send: sends in it (this one included)
      // may not exceed burst + rate·length. That is a burst of `perChatBurst`, then `perChatPerSecond`.
      const n = log.length;
      for (let i = 0; i < n; i++) {
        const count = n - i + 1;
        const need = ((count - this.o.perChatBurst) * 1000) / this.o.perChatPerSecond - (now - log[i]!);
        wait = Math.max(wait, need);
      }
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

function isGroupChat(chatKey: string): boolean {
  return chatKey.startsWith("-") || chatKey.startsWith("@");
}

// ---------------------------------------------------------------------------
// The fake
// ---------------------------------------------------------------------------

interface StoredMessage {
  message_id: number;
  fromBot: boolean;
  kind: "text" | "photo" | "other";
  text: string;
  entities: MessageEntity[];
  markup?: { inline_keyboard: InlineButton[][] };
  deleted: boolean;
  message: Record<string, unknown>;
}

interface ChatState {
  nextMessageId: number;
  info?: Record<string, unknown>;
  messages: Map<number, StoredMessage>;
}

interface PendingPoll {
  res: ServerResponse;
  limit: number;
  timer: NodeJS.Timeout;
  resolve: (updates: unknown[]) => void;
  reject: (e: TelegramApiError) => void;
}

interface HandlerResult {
  result: unknown;
  description?: string;
}

type Handler = (p: Params, res: ServerResponse) => HandlerResult | Promise<HandlerResult>;

const ok = (result: unknown, description?: string): HandlerResult => (description ? { result, description } : { result });

/** Build a stable key for `commands`: "default", "default|vi", "chat:5001", "chat_member:-100:5|en", … */
export function commandsKey(scope?: { type: string; chat_id?: number | string; user_id?: number } | null, languageCode?: string): string {
  const s = scope ?? { type: "default" };
  let key = s.type;
  if (s.chat_id !== undefined) key += `:${s.chat_id}`;
  if (s.user_id !== undefined) key += `:${s.user_id}`;
  return languageCode ? `${key}|${languageCode}` : key;
}

export class FakeTelegram {
  readonly url: string;
  readonly token: string;
  /** Every accepted sendMessage / editMessageText / sendPhoto, in order. */
  sent: SentMessage[] = [];
  /** Every call, including rejected ones, in the order they were answered. */
  calls: FakeCall[] = [];
  count429 = 0;
  /** As set by setWebhook; null when no webhook is set. */
  webhook: { url: string; secret_token?: string } | null = null;
  /** setMyCommands by scope/language key (see `commandsKey`); values are the BotCommand arrays. */
  commands = new Map<string, unknown>();

  private readonly botId: number;
  private readonly limits: FloodLimits | null;
  private readonly chats = new Map<string, ChatState>();
  private readonly blocked = new Set<string>();
  /** Chats whose sending calls are held (see `hang`): chat → until (ms). */
  private readonly hangs = new Map<string, number>();
  private readonly hangWaiters = new Set<{ chat: string; release: () => void }>();
  private readonly queries = new Map<string, { answered: boolean; chat: string; message_id: number }>();
  private readonly knownFileIds = new Set<string>();
  /** Files users sent (sendPhotoFrom / sendDocumentFrom): what getFile and the file endpoint serve. */
  private readonly userFiles = new Map<string, { kind: "photo" | "document"; path: string; size: number; mime: string; content: Buffer }>();
  /** Every file id's type: Telegram refuses a document's id as a photo and the other way round. */
  private readonly fileKinds = new Map<string, "photo" | "document">();
  /** Files downloaded from the file endpoint (path → count), for tests. */
  downloads = new Map<string, number>();
  private queue: Record<string, unknown>[] = [];
  private nextUpdateId = 100_000_001;
  private nextQueryId = 1;
  private nextFileId = 1;
  private allowedUpdates: string[] = DEFAULT_UPDATE_TYPES;
  private webhookExtras: { allowed_updates?: string[]; max_connections?: number } = {};
  private poll: PendingPoll | null = null;
  private wakeScheduled = false;
  private closed = false;
  private readonly handlers: Record<string, Handler>;
  private readonly methodNames = new Map<string, string>();

  private constructor(
    private readonly server: Server,
    token: string,
    opts: FakeTelegramOptions,
  ) {
    const port = (server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${port}`;
    this.token = token;
    this.botId = Number(/^(\d+):/.exec(token)?.[1] ?? 123456);
    this.limits =
      opts.rateLimits === false
        ? null
        : new FloodLimits({
            globalPerSecond: opts.globalPerSecond ?? 30,
            perChatPerSecond: opts.perChatPerSecond ?? 1,
            perChatBurst: opts.perChatBurst ?? 3,
            groupPerMinute: opts.groupPerMinute ?? 20,
          });
    this.handlers = {
      getMe: () => ok(this.me()),
      getUpdates: (p, res) => this.getUpdates(p, res),
      sendMessage: (p) => this.sendMessage(p),
      editMessageText: (p) => this.editMessageText(p),
      editMessageReplyMarkup: (p) => this.editMessageReplyMarkup(p),
      sendPhoto: (p) => this.sendPhoto(p),
      sendDocument: (p) => this.sendDocument(p),
      getFile: (p) => this.getFile(p),
      deleteMessage: (p) => this.deleteMessage(p),
      answerCallbackQuery: (p) => this.answerCallbackQuery(p),
      sendChatAction: (p) => this.sendChatAction(p),
      setMyCommands: (p) => this.setMyCommands(p),
      getMyCommands: (p) => ok(this.commands.get(this.commandsKeyOf(p)) ?? []),
      deleteMyCommands: (p) => {
        this.commands.delete(this.commandsKeyOf(p));
        return ok(true);
      },
      setWebhook: (p) => this.setWebhook(p),
      deleteWebhook: (p) => this.deleteWebhook(p),
      getWebhookInfo: () => ok(this.webhookInfo()),
    };
    for (const name of Object.keys(this.handlers)) this.methodNames.set(name.toLowerCase(), name);
  }

  static async start(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    let fake: FakeTelegram | undefined;
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
    fake = new FakeTelegram(server, opts.token ?? "123456:TEST-token", opts);
    return fake;
  }

  // ----- test-side helpers ---------------------------------------------------

  /** getUpdates calls held open, waiting for an update (0 or 1: a newer one ends the older). */
  get polling(): number {
    return this.poll ? 1 : 0;
  }

  messagesTo(chatId: string | number): SentMessage[] {
    const key = String(chatId);
    return this.sent.filter((m) => m.chat_id === key);
  }

  /** Queue an update for getUpdates; assigns and returns its update_id. */
  pushUpdate(update: object): number {
    const update_id = this.nextUpdateId++;
    const u = { ...structuredClone(update as Record<string, unknown>), update_id };
    this.registerFileIds(u);
    this.queue.push(u);
    this.scheduleWake();
    return update_id;
  }

  /** A private-chat text message from `from` (chat.id = from.id); a leading /command gets a bot_command entity. */
  sendText(from: FakeUser, text: string): number {
    const chatKey = String(from.id);
    const chat = this.rememberPrivateChat(from);
    const state = this.chat(chatKey);
    const message_id = state.nextMessageId++;
    const cmd = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@])/.exec(text);
    const message: Record<string, unknown> = {
      message_id,
      from: this.userObject(from),
      chat,
      date: unixNow(),
      text,
      ...(cmd ? { entities: [{ type: "bot_command", offset: 0, length: cmd[0].length }] } : {}),
    };
    state.messages.set(message_id, { message_id, fromBot: false, kind: "text", text, entities: [], deleted: false, message });
    return this.pushUpdate({ message });
  }

  /**
   * A private-chat photo from `from`, with an optional caption (a leading /command gets a
   * bot_command caption entity). The bytes are what getFile and the file endpoint serve.
   * Returns the update_id and the file id of the largest size (the one a bot should keep).
   */
  sendPhotoFrom(from: FakeUser, opts: { caption?: string; content?: Buffer } = {}): { updateId: number; fileId: string } {
    const content = opts.content ?? Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from("fake-jpeg"), 0xff, 0xd9]);
    const base = `AgACAgIAAxkBAAU${String(this.nextFileId++).padStart(6, "0")}`;
    const sizes = [
      { file_id: `${base}-s`, file_unique_id: `${base.slice(-8)}s`, width: 90, height: 90, file_size: Math.min(content.length, 1_024) },
      { file_id: `${base}-m`, file_unique_id: `${base.slice(-8)}m`, width: 800, height: 800, file_size: content.length },
    ];
    for (const [i, s] of sizes.entries()) {
      this.fileKinds.set(s.file_id, "photo");
      this.userFiles.set(s.file_id, { kind: "photo", path: `photos/file_${this.nextFileId}_${i}.jpg`, size: s.file_size, mime: "image/jpeg", content });
    }
    const update = this.userMessage(from, { photo: sizes, ...this.captionFields(opts.caption) });
    return { updateId: update, fileId: sizes[sizes.length - 1]!.file_id };
  }

  /** A private-chat document from `from` (its bytes, or only a declared `size` for a file too big to download). */
  sendDocumentFrom(
    from: FakeUser,
    opts: { name: string; mime?: string; content?: Buffer; size?: number; caption?: string },
  ): { updateId: number; fileId: string } {
    const content = opts.content ?? Buffer.from(`document ${opts.name}`);
    const fileId = `BQACAgIAAxkBAAU${String(this.nextFileId++).padStart(6, "0")}`;
    const size = opts.size ?? content.length;
    const mime = opts.mime ?? "application/octet-stream";
    this.fileKinds.set(fileId, "document");
    this.userFiles.set(fileId, { kind: "document", path: `documents/file_${this.nextFileId}.${opts.name.split(".").pop() ?? "bin"}`, size, mime, content });
    const document = { file_id: fileId, file_unique_id: fileId.slice(-8), file_name: opts.name, mime_type: mime, file_size: size };
    return { updateId: this.userMessage(from, { document, ...this.captionFields(opts.caption) }), fileId };
  }

  private captionFields(caption: string | undefined): Record<string, unknown> {
    if (caption === undefined) return {};
    const cmd = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@])/.exec(caption);
    return { caption, ...(cmd ? { caption_entities: [{ type: "bot_command", offset: 0, length: cmd[0].length }] } : {}) };
  }

  private userMessage(from: FakeUser, content: Record<string, unknown>): number {
    const chatKey = String(from.id);
    const chat = this.rememberPrivateChat(from);
    const state = this.chat(chatKey);
    const message_id = state.nextMessageId++;
    const message: Record<string, unknown> = { message_id, from: this.userObject(from), chat, date: unixNow(), ...content };
    state.messages.set(message_id, { message_id, fromBot: false, kind: "other", text: String(content.caption ?? ""), entities: [], deleted: false, message });
    return this.pushUpdate({ message });
  }

  /** A callback_query from `from` pressing the button with `data` under the bot's message `messageId` in their private chat. */
  pressButton(from: FakeUser, messageId: number, data: string): number {
    const chatKey = String(from.id);
    this.rememberPrivateChat(from);
    const stored = this.chats.get(chatKey)?.messages.get(messageId);
    if (!stored || stored.deleted || !stored.fromBot) {
      throw new Error(`FakeTelegram.pressButton: the bot has no message ${messageId} in chat ${chatKey}`);
    }
    const buttons = stored.markup?.inline_keyboard.flat() ?? [];
    if (!buttons.some((b) => b.callback_data === data)) {
      throw new Error(
        `FakeTelegram.pressButton: message ${messageId} in chat ${chatKey} has no button with callback_data ${JSON.stringify(data)} ` +
          `(buttons: ${JSON.stringify(buttons.map((b) => b.callback_data ?? b.url ?? b.text))})`,
      );
    }
    const id = `${BigInt(this.botId) * 1_000_000n + BigInt(this.nextQueryId++)}`;
    this.queries.set(id, { answered: false, chat: chatKey, message_id: messageId });
    return this.pushUpdate({
      callback_query: {
        id,
        from: this.userObject(from),
        message: stored.message,
        chat_instance: String(-(BigInt(from.id) * 7919n + 1n)),
        data,
      },
    });
  }

  /**
   * Sending calls to this chat are held for `ms` before they are handled (a platform or
   * network stall on one chat); the bot's client may give up first. `unhang` lets them go.
   */
  hang(chatId: string | number, ms: number): void {
    this.hangs.set(String(chatId), Date.now() + ms);
  }

  unhang(chatId: string | number): void {
    this.hangs.delete(String(chatId));
    for (const w of [...this.hangWaiters]) if (w.chat === String(chatId)) w.release();
  }

  /** Sending calls held by `hang` right now. */
  get hanging(): number {
    return this.hangWaiters.size;
  }

  /** The user blocked the bot: sending to this chat answers 403. */
  block(chatId: string | number): void {
    this.blocked.add(String(chatId));
  }

  /** Undo `block`. */
  unblock(chatId: string | number): void {
    this.blocked.delete(String(chatId));
  }

  async waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > end) {
        const last = this.calls
          .slice(-8)
          .map((c) => `${c.method}→${c.status}`)
          .join(", ");
        throw new Error(`FakeTelegram.waitFor timed out after ${timeoutMs} ms (sent: ${this.sent.length}, last calls: ${last || "none"})`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private holdCall(chat: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const w = {
        chat,
        release: () => {
          clearTimeout(t);
          this.hangWaiters.delete(w);
          resolve();
        },
      };
      const t = setTimeout(w.release, ms);
      this.hangWaiters.add(w);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.hangs.clear();
    for (const w of [...this.hangWaiters]) w.release();
    const poll = this.poll;
    if (poll) {
      this.poll = null;
      clearTimeout(poll.timer);
      poll.resolve([]);
    }
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      setImmediate(() => this.server.closeAllConnections());
    });
  }

  // ----- HTTP ---------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      this.reply(res, "", {}, new TelegramApiError(413, "Request Entity Too Large"));
      return;
    }
    const url = new URL(req.url ?? "/", "http://fake");
    const f = /^\/file\/bot([^/]*)\/(.+)$/.exec(url.pathname);
    if (f) return this.serveFile(res, decodeURIComponent(f[1]!), f[2]!, req.method ?? "GET");
    const m = /^\/bot([^/]*)\/([^/]*)$/.exec(url.pathname);
    if (!m) {
      this.reply(res, url.pathname, {}, new TelegramApiError(404, "Not Found"));
      return;
    }
    const [, token, rawMethod] = m as unknown as [string, string, string];
    let params: Record<string, unknown> = Object.fromEntries(url.searchParams);
    try {
      params = { ...params, ...parseBody(req.headers["content-type"] ?? "", body) };
    } catch (e) {
      this.reply(res, rawMethod, params, e instanceof TelegramApiError ? e : bad("can't parse request body"));
      return;
    }
    if (decodeURIComponent(token) !== this.token) {
      this.reply(res, rawMethod, params, new TelegramApiError(401, "Unauthorized"));
      return;
    }
    const method = this.methodNames.get(rawMethod.toLowerCase());
    const handler = method ? this.handlers[method] : undefined;
    if (!method || !handler) {
      this.reply(res, rawMethod, params, new TelegramApiError(404, "Not Found"));
      return;
    }
    const held = SENDING_METHODS.has(method) ? this.hangs.get(String(params.chat_id)) : undefined;
    if (held !== undefined && held > Date.now()) await this.holdCall(String(params.chat_id), held - Date.now());
    try {
      const out = await handler(new Params(params), res);
      this.reply(res, method, params, out);
    } catch (e) {
      this.reply(res, method, params, e instanceof TelegramApiError ? e : new TelegramApiError(500, `Internal Server Error: ${String(e)}`));
    }
  }

  private reply(res: ServerResponse, method: string, body: Record<string, unknown>, out: HandlerResult | TelegramApiError): void {
    if (res.writableEnded || res.destroyed || !res.socket || res.socket.destroyed) {
      this.calls.push({ method, body, status: 499 }); // the client went away (e.g. an aborted long poll)
      return;
    }
    let status = 200;
    let payload: Record<string, unknown>;
    if (out instanceof TelegramApiError) {
      status = out.code;
      payload = { ok: false, error_code: out.code, description: out.description, ...(out.parameters ? { parameters: out.parameters } : {}) };
      if (out.code === 429) this.count429++;
    } else {
      payload = { ok: true, result: out.result, ...(out.description ? { description: out.description } : {}) };
    }
    this.calls.push({ method, body, status });
    const json = JSON.stringify(payload);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
    res.end(json);
  }

  // ----- methods ------------------------------------------------------------

  private me() {
    return {
      id: this.botId,
      is_bot: true,
      first_name: BOT_FIRST_NAME,
      username: BOT_USERNAME,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
    };
  }

  private async getUpdates(p: Params, res: ServerResponse): Promise<HandlerResult> {
    const offset = p.int("offset") ?? 0;
    const limit = clamp(p.int("limit") ?? 100, 1, 100);
    const timeout = clamp(p.int("timeout") ?? 0, 0, LONG_POLL_MAX_SECONDS);
    const allowed = p.json("allowed_updates");
    if (this.webhook) {
      throw new TelegramApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    if (allowed !== undefined) this.setAllowedUpdates(allowed);
    // a newer request terminates the older one, like Telegram does
    this.terminatePoll("Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
    this.confirm(offset);
    const ready = this.take(limit);
    if (ready.length || timeout === 0 || this.closed) return ok(ready);
    const updates = await new Promise<unknown[]>((resolve, reject) => {
      const poll: PendingPoll = {
        res,
        limit,
        resolve,
        reject,
        timer: setTimeout(() => {
          if (this.poll === poll) this.poll = null;
          resolve(this.take(limit));
        }, timeout * 1000),
      };
      this.poll = poll;
      res.once("close", () => {
        if (this.poll === poll) {
          this.poll = null;
          clearTimeout(poll.timer);
          resolve([]);
        }
      });
    });
    return ok(updates);
  }

  private terminatePoll(description: string): void {
    const poll = this.poll;
    if (!poll) return;
    this.poll = null;
    clearTimeout(poll.timer);
    // A client that aborted its poll and at once sent a new one (grammY's bot.stop() does) is
    // usually already gone; give the close a moment to arrive so such a poll is recorded as 499
    // rather than as a 409 nobody received.
    setTimeout(() => poll.reject(new TelegramApiError(409, description)), TERMINATE_GRACE_MS);
  }

  private confirm(offset: number): void {
    if (offset > 0) this.queue = this.queue.filter((u) => (u.update_id as number) >= offset);
    else if (offset < 0) this.queue = this.queue.slice(offset);
  }

  /** The first `limit` pending updates of an allowed type; updates of other types are dropped as Telegram would. */
  private take(limit: number): unknown[] {
    this.queue = this.queue.filter((u) => this.allowedUpdates.includes(updateType(u)));
    return this.queue.slice(0, limit).map((u) => structuredClone(u));
  }

  private scheduleWake(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      const poll = this.poll;
      if (!poll) return;
      const updates = this.take(poll.limit);
      if (!updates.length) return;
      this.poll = null;
      clearTimeout(poll.timer);
      poll.resolve(updates);
    });
  }

  private setAllowedUpdates(v: unknown): void {
    if (!Array.isArray(v) || !v.every((t) => typeof t === "string")) throw bad("can't parse allowed_updates JSON object");
    const known = (v as string[]).filter((t) => ALL_UPDATE_TYPES.includes(t));
    this.allowedUpdates = known.length ? known : DEFAULT_UPDATE_TYPES;
  }

  private sendMessage(p: Params): HandlerResult {
    const chat = this.chatId(p);
    const ft = this.formatted(p, "text", "entities", TEXT_LIMIT);
    const markup = parseReplyMarkup(p);
    const replyTo = this.replyTarget(p, chat.key);
    this.admit(chat.key, "sendMessage");
    const message: Record<string, unknown> = {
      ...this.newBotMessage(chat),
      ...(replyTo ? { reply_to_message: replyTo } : {}),
      text: ft.text,
      ...(ft.entities.length ? { entities: ft.entities } : {}),
      ...(markup?.kind === "inline" ? { reply_markup: { inline_keyboard: markup.inline_keyboard } } : {}),
    };
    this.storeBotMessage(chat.key, message, "text", ft, markup);
    this.record("sendMessage", chat.key, message, ft, p, markup);
    return ok(message);
  }

  private sendPhoto(p: Params): HandlerResult {
    const chat = this.chatId(p);
    let photo = p.get("photo");
    if (typeof photo === "string" && photo.startsWith("attach://")) photo = p.get(photo.slice("attach://".length));
    if (isUploadedFile(photo)) {
      if (photo.size === 0) throw bad("file must be non-empty");
    } else if (typeof photo === "string" && photo.length) {
      if (!isHttpUrl(photo) && !this.knownFileIds.has(photo)) throw bad("wrong file identifier/HTTP URL specified");
      if (this.fileKinds.get(photo) === "document") throw bad("type of file mismatch");
    } else throw bad("there is no photo in the request");
    const ft = this.formatted(p, "caption", "caption_entities", CAPTION_LIMIT);
    const markup = parseReplyMarkup(p);
    const replyTo = this.replyTarget(p, chat.key);
    this.admit(chat.key, "sendPhoto");
    const base = `AgACAgIAAxkBAAI${String(this.nextFileId++).padStart(6, "0")}`;
    const sizes = [
      { file_id: `${base}-s`, file_unique_id: `${base.slice(-8)}s`, width: 90, height: 90, file_size: 1_024 },
      { file_id: `${base}-m`, file_unique_id: `${base.slice(-8)}m`, width: 800, height: 800, file_size: 64_000 },
    ];
    for (const s of sizes) this.knownFileIds.add(s.file_id);
    const message: Record<string, unknown> = {
      ...this.newBotMessage(chat),
      ...(replyTo ? { reply_to_message: replyTo } : {}),
      photo: sizes,
      ...(ft.text ? { caption: ft.text } : {}),
      ...(ft.entities.length ? { caption_entities: ft.entities } : {}),
      ...(markup?.kind === "inline" ? { reply_markup: { inline_keyboard: markup.inline_keyboard } } : {}),
    };
    this.storeBotMessage(chat.key, message, "photo", ft, markup);
    this.record("sendPhoto", chat.key, message, ft, p, markup);
    this.sent[this.sent.length - 1]!.photo = typeof photo === "string" ? photo : "upload";
    return ok(message);
  }

  /** getFile: a known file id → its path for the file endpoint; refused past 20 MB like Telegram. */
  private getFile(p: Params): HandlerResult {
    const id = p.str("file_id");
    if (!id) throw bad("file_id not specified");
    const file = this.userFiles.get(id);
    if (!file) throw bad(this.knownFileIds.has(id) ? "file is temporarily unavailable" : "invalid file_id");
    if (file.size > GET_FILE_LIMIT) throw bad("file is too big");
    return ok({ file_id: id, file_unique_id: id.slice(-8), file_size: file.size, file_path: file.path });
  }

  /** GET <root>/file/bot<token>/<file_path>: the bytes of a file getFile gave the path of. */
  private serveFile(res: ServerResponse, token: string, path: string, method: string): void {
    const file = method === "GET" && token === this.token ? [...this.userFiles.values()].find((x) => x.path === path) : undefined;
    this.calls.push({ method: "file", body: { path }, status: file ? 200 : 404 });
    if (!file) {
      const json = JSON.stringify({ ok: false, error_code: 404, description: "Not Found" });
      res.writeHead(404, { "content-type": "application/json", "content-length": String(Buffer.byteLength(json)) });
      res.end(json);
      return;
    }
    this.downloads.set(path, (this.downloads.get(path) ?? 0) + 1);
    res.writeHead(200, { "content-type": file.mime, "content-length": String(file.content.length) });
    res.end(file.content);
  }

  private sendDocument(p: Params): HandlerResult {
    const chat = this.chatId(p);
    let doc = p.get("document");
    if (typeof doc === "string" && doc.startsWith("attach://")) doc = p.get(doc.slice("attach://".length));
    if (isUploadedFile(doc)) {
      if (doc.size === 0) throw bad("file must be non-empty");
    } else if (typeof doc === "string" && doc.length) {
      if (!isHttpUrl(doc) && !this.knownFileIds.has(doc)) throw bad("wrong file identifier/HTTP URL specified");
      if (this.fileKinds.get(doc) === "photo") throw bad("type of file mismatch");
    } else throw bad("there is no document in the request");
    const ft = this.formatted(p, "caption", "caption_entities", CAPTION_LIMIT);
    const markup = parseReplyMarkup(p);
    this.admit(chat.key, "sendDocument");
    const fileId = `BQACAgIAAxkBAAI${String(this.nextFileId++).padStart(6, "0")}`;
    this.knownFileIds.add(fileId);
    const name = isUploadedFile(doc) ? doc.filename : "file";
    const message: Record<string, unknown> = {
      ...this.newBotMessage(chat),
      document: { file_id: fileId, file_unique_id: fileId.slice(-8), file_name: name, file_size: isUploadedFile(doc) ? doc.size : 0 },
      ...(ft.text ? { caption: ft.text } : {}),
      ...(ft.entities.length ? { caption_entities: ft.entities } : {}),
      ...(markup?.kind === "inline" ? { reply_markup: { inline_keyboard: markup.inline_keyboard } } : {}),
    };
    this.storeBotMessage(chat.key, message, "other", ft, markup);
    this.record("sendDocument", chat.key, message, ft, p, markup);
    const last = this.sent[this.sent.length - 1]!;
    last.document = isUploadedFile(doc) ? { filename: doc.filename, ...(doc.content ? { content: doc.content } : {}) } : { filename: String(doc) };
    return ok(message);
  }

  private editMessageText(p: Params): HandlerResult {
    const { chat, stored } = this.findEditable(p);
    const ft = this.formatted(p, "text", "entities", TEXT_LIMIT);
    const markup = parseReplyMarkup(p);
    if (markup && markup.kind !== "inline") throw bad("inline keyboard expected");
    if (stored.kind !== "text") throw bad("there is no text in the message to edit");
    const newMarkup = markup?.kind === "inline" && markup.inline_keyboard.length ? { inline_keyboard: markup.inline_keyboard } : undefined;
    if (stored.text === ft.text && sameJson(stored.entities, ft.entities) && sameJson(stored.markup, newMarkup)) throw bad(NOT_MODIFIED);
    this.admit(chat.key, "editMessageText");
    const message: Record<string, unknown> = { ...stored.message, text: ft.text, edit_date: unixNow() };
    delete message.entities;
    delete message.reply_markup;
    if (ft.entities.length) message.entities = ft.entities;
    if (newMarkup) message.reply_markup = newMarkup;
    Object.assign(stored, { text: ft.text, entities: ft.entities, markup: newMarkup, message });
    this.record("editMessageText", chat.key, message, ft, p, markup);
    return ok(message);
  }

  private editMessageReplyMarkup(p: Params): HandlerResult {
    const { stored } = this.findEditable(p);
    const markup = parseReplyMarkup(p);
    if (markup && markup.kind !== "inline") throw bad("inline keyboard expected");
    const newMarkup = markup?.kind === "inline" && markup.inline_keyboard.length ? { inline_keyboard: markup.inline_keyboard } : undefined;
    if (sameJson(stored.markup, newMarkup)) throw bad(NOT_MODIFIED);
    const message: Record<string, unknown> = { ...stored.message, edit_date: unixNow() };
    delete message.reply_markup;
    if (newMarkup) message.reply_markup = newMarkup;
    Object.assign(stored, { markup: newMarkup, message });
    return ok(message);
  }

  private findEditable(p: Params): { chat: { key: string; id: number | string }; stored: StoredMessage } {
    if (p.get("inline_message_id") !== undefined) throw bad("MESSAGE_ID_INVALID");
    const chat = this.chatId(p);
    const messageId = p.int("message_id");
    if (!messageId) throw bad("message identifier is not specified");
    if (this.blocked.has(chat.key)) throw this.blockedError(chat.key);
    const stored = this.chats.get(chat.key)?.messages.get(messageId);
    if (!stored || stored.deleted) throw bad("message to edit not found");
    if (!stored.fromBot) throw bad("message can't be edited");
    return { chat, stored };
  }

  private deleteMessage(p: Params): HandlerResult {
    const chat = this.chatId(p);
    const messageId = p.int("message_id");
    if (!messageId) throw bad("message identifier is not specified");
    const stored = this.chats.get(chat.key)?.messages.get(messageId);
    if (!stored || stored.deleted) throw bad("message to delete not found");
    stored.deleted = true;
    return ok(true);
  }

  private answerCallbackQuery(p: Params): HandlerResult {
    const id = p.str("callback_query_id");
    const q = id ? this.queries.get(id) : undefined;
    if (!q || q.answered) throw bad(QUERY_INVALID);
    const text = p.str("text") ?? "";
    if (text.length > CALLBACK_ANSWER_LIMIT) throw bad("MESSAGE_TOO_LONG");
    const url = p.str("url");
    if (url !== undefined && url !== "" && !/^(https?|tg):\/\//i.test(url)) throw bad("URL_INVALID");
    const cacheTime = p.int("cache_time");
    if (cacheTime !== undefined && cacheTime < 0) throw bad("CACHE_TIME_INVALID");
    q.answered = true;
    return ok(true);
  }

  private sendChatAction(p: Params): HandlerResult {
    const chat = this.chatId(p);
    const action = p.str("action");
    if (!action || !CHAT_ACTIONS.has(action)) throw bad("wrong parameter action in request");
    if (this.blocked.has(chat.key)) throw this.blockedError(chat.key);
    return ok(true);
  }

  private setMyCommands(p: Params): HandlerResult {
    const commands = p.json("commands");
    if (commands === undefined) throw bad('parameter "commands" is required');
    if (!Array.isArray(commands)) throw bad('field "commands" must be an Array');
    if (commands.length > 100) throw bad("BOT_COMMANDS_TOO_MUCH");
    const list = commands.map((c: unknown) => {
      if (!isObject(c)) throw bad("can't parse BotCommand: BotCommand must be an Object");
      if (typeof c.command !== "string") throw bad('can\'t parse BotCommand: Can\'t find field "command"');
      if (typeof c.description !== "string") throw bad('can\'t parse BotCommand: Can\'t find field "description"');
      if (!/^[a-z0-9_]{1,32}$/.test(c.command)) throw bad("BOT_COMMAND_INVALID");
      if (!c.description.trim().length) throw bad("command description must be non-empty");
      if (c.description.length > 256) throw bad("BOT_COMMAND_DESCRIPTION_INVALID");
      return { command: c.command, description: c.description };
    });
    const key = this.commandsKeyOf(p);
    // Telegram treats an empty list like deleteMyCommands
    if (list.length) this.commands.set(key, list);
    else this.commands.delete(key);
    return ok(true);
  }

  private commandsKeyOf(p: Params): string {
    const scope = p.json("scope", "BotCommandScope");
    const lang = p.str("language_code") ?? "";
    if (lang && !/^[a-z]{2}$/.test(lang)) throw bad("invalid language code specified");
    if (scope === undefined) return commandsKey(undefined, lang);
    if (!isObject(scope) || typeof scope.type !== "string" || !COMMAND_SCOPES.has(scope.type)) {
      throw bad("can't parse BotCommandScope JSON object");
    }
    const type = scope.type;
    if (type === "chat" || type === "chat_administrators" || type === "chat_member") {
      const chat = this.chatId(new Params({ chat_id: scope.chat_id }));
      if (type === "chat_member") {
        const user = new Params({ user_id: scope.user_id }).int("user_id");
        if (!user) throw bad("user not found");
        return commandsKey({ type, chat_id: chat.key, user_id: user }, lang);
      }
      return commandsKey({ type, chat_id: chat.key }, lang);
    }
    return commandsKey({ type }, lang);
  }

  private setWebhook(p: Params): HandlerResult {
    const url = p.str("url") ?? "";
    if (!url) {
      // an empty URL removes the webhook
      const had = this.webhook !== null;
      this.webhook = null;
      this.webhookExtras = {};
      return ok(true, had ? "Webhook was deleted" : "Webhook is already deleted");
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw bad("invalid webhook URL specified");
    }
    if (parsed.protocol !== "https:") throw bad("bad webhook: An HTTPS URL must be provided for webhook");
    const port = parsed.port ? Number(parsed.port) : 443;
    if (![443, 80, 88, 8443].includes(port)) throw bad("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
    const secret = p.str("secret_token");
    if (secret !== undefined && secret !== "" && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
      throw bad(secret.length > 256 ? "secret token is too long" : "secret token contains unallowed characters");
    }
    const maxConnections = p.int("max_connections");
    if (maxConnections !== undefined && (maxConnections < 1 || maxConnections > 100)) throw bad("invalid max_connections specified");
    const allowed = p.json("allowed_updates");
    if (allowed !== undefined) this.setAllowedUpdates(allowed);
    if (p.bool("drop_pending_updates")) this.queue = [];
    this.terminatePoll("Conflict: terminated by setWebhook request");
    this.webhook = { url, ...(secret ? { secret_token: secret } : {}) };
    this.webhookExtras = {
      ...(allowed !== undefined ? { allowed_updates: this.allowedUpdates } : {}),
      max_connections: maxConnections ?? 40,
    };
    return ok(true, "Webhook was set");
  }

  private deleteWebhook(p: Params): HandlerResult {
    const had = this.webhook !== null;
    if (p.bool("drop_pending_updates")) this.queue = [];
    this.webhook = null;
    this.webhookExtras = {};
    return ok(true, had ? "Webhook was deleted" : "Webhook is already deleted");
  }

  private webhookInfo() {
    return {
      url: this.webhook?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: this.queue.length,
      ...(this.webhook ? { ip_address: "149.154.167.220", ...this.webhookExtras } : {}),
    };
  }

  // ----- shared pieces --------------------------------------------------------

  private chatId(p: Params): { key: string; id: number | string } {
    const v = p.get("chat_id");
    if (v === undefined || v === "") throw bad("chat_id is empty");
    if (typeof v === "number" && Number.isSafeInteger(v) && v !== 0) return { key: String(v), id: v };
    if (typeof v === "string") {
      const s = v.trim();
      if (/^-?\d{1,16}$/.test(s) && Number(s) !== 0) return { key: String(Number(s)), id: Number(s) };
      if (/^@[A-Za-z][A-Za-z0-9_]{3,31}$/.test(s)) return { key: s.toLowerCase(), id: s };
    }
    throw bad("chat not found");
  }

  /** Text or caption after parse_mode, trimmed and length-checked like Telegram. */
  private formatted(p: Params, field: "text" | "caption", entitiesField: string, limit: number): FormattedText {
    const raw = p.str(field) ?? "";
    const mode = (p.str("parse_mode") ?? "").toLowerCase();
    let ft: FormattedText;
    if (mode === "html") ft = parseTelegramHtml(raw);
    else if (mode === "" || mode === "markdown" || mode === "markdownv2") ft = { text: raw, entities: this.givenEntities(p, entitiesField) };
    else throw bad("unsupported parse_mode");
    ft = trimFormatted(ft);
    if (field === "text" && !ft.text.length) throw bad("message text is empty");
    if (ft.text.length > limit) throw bad(field === "text" ? "message is too long" : "message caption is too long");
    return ft;
  }

  private givenEntities(p: Params, field: string): MessageEntity[] {
    const v = p.json(field);
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw bad(`can't parse entities JSON object`);
    return v.map((e: unknown) => {
      if (!isObject(e) || typeof e.type !== "string" || !Number.isInteger(e.offset) || !Number.isInteger(e.length)) {
        throw bad("can't parse MessageEntity");
      }
      return e as unknown as MessageEntity;
    });
  }

  private replyTarget(p: Params, chatKey: string): Record<string, unknown> | undefined {
    const rp = p.json("reply_parameters", "ReplyParameters");
    const legacy = p.int("reply_to_message_id");
    let id: number | undefined = legacy;
    let allowMissing = p.bool("allow_sending_without_reply");
    if (rp !== undefined) {
      if (!isObject(rp) || !Number.isInteger(rp.message_id)) throw bad("can't parse ReplyParameters JSON object");
      id = rp.message_id as number;
      allowMissing = rp.allow_sending_without_reply === true;
    }
    if (id === undefined) return undefined;
    const stored = this.chats.get(chatKey)?.messages.get(id);
    if (!stored || stored.deleted) {
      if (allowMissing) return undefined;
      throw bad("message to be replied not found");
    }
    return stored.message;
  }

  /** Blocked chats and flood limits, in that order; records the send when admitted. */
  private admit(chatKey: string, method: string): void {
    if (this.blocked.has(chatKey)) throw this.blockedError(chatKey);
    if (!this.limits || !SENDING_METHODS.has(method)) return;
    const now = Date.now();
    const wait = this.limits.wait(chatKey, now);
    if (wait > 0) {
      const retryAfter = Math.max(1, Math.ceil(wait / 1000));
      throw new TelegramApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
    this.limits.record(chatKey, now);
  }

  private blockedError(chatKey: string): TelegramApiError {
    return new TelegramApiError(403, isGroupChat(chatKey) ? "Forbidden: bot was kicked from the group chat" : "Forbidden: bot was blocked by the user");
  }

  private chat(key: string): ChatState {
    let s = this.chats.get(key);
    if (!s) {
      s = { nextMessageId: 1, messages: new Map() };
      this.chats.set(key, s);
    }
    return s;
  }

  private chatObject(chat: { key: string; id: number | string }): Record<string, unknown> {
    const known = this.chats.get(chat.key)?.info;
    if (known) return known;
    if (typeof chat.id === "string") {
      const id = -1_000_000_000_000 - (hash(chat.key) % 1_000_000_000);
      return { id, title: `Channel ${chat.id}`, username: chat.id.slice(1), type: "channel" };
    }
    if (chat.id < 0) {
      return String(chat.id).startsWith("-100")
        ? { id: chat.id, title: `Supergroup ${chat.id}`, type: "supergroup" }
        : { id: chat.id, title: `Group ${chat.id}`, type: "group" };
    }
    return { id: chat.id, first_name: `User ${chat.id}`, type: "private" };
  }

  private rememberPrivateChat(from: FakeUser): Record<string, unknown> {
    const info: Record<string, unknown> = {
      id: from.id,
      first_name: from.first_name,
      ...(from.last_name ? { last_name: from.last_name } : {}),
      ...(from.username ? { username: from.username } : {}),
      type: "private",
    };
    this.chat(String(from.id)).info = info;
    return info;
  }

  private userObject(from: FakeUser): Record<string, unknown> {
    return {
      id: from.id,
      is_bot: false,
      first_name: from.first_name,
      ...(from.last_name ? { last_name: from.last_name } : {}),
      ...(from.username ? { username: from.username } : {}),
      ...(from.language_code ? { language_code: from.language_code } : {}),
    };
  }

  private newBotMessage(chat: { key: string; id: number | string }): Record<string, unknown> {
    const message_id = this.chat(chat.key).nextMessageId++;
    const me = this.me();
    return {
      message_id,
      from: { id: me.id, is_bot: true, first_name: me.first_name, username: me.username },
      chat: this.chatObject(chat),
      date: unixNow(),
    };
  }

  private storeBotMessage(chatKey: string, message: Record<string, unknown>, kind: "text" | "photo" | "other", ft: FormattedText, markup: Markup | undefined): void {
    const message_id = message.message_id as number;
    this.chat(chatKey).messages.set(message_id, {
      message_id,
      fromBot: true,
      kind,
      text: ft.text,
      entities: ft.entities,
      ...(markup?.kind === "inline" && markup.inline_keyboard.length ? { markup: { inline_keyboard: markup.inline_keyboard } } : {}),
      deleted: false,
      message,
    });
  }

  private record(method: string, chatKey: string, message: Record<string, unknown>, ft: FormattedText, p: Params, markup: Markup | undefined): void {
    const parseMode = p.str("parse_mode");
    this.sent.push({
      message_id: message.message_id as number,
      chat_id: chatKey,
      text: ft.text,
      ...(parseMode ? { parse_mode: parseMode } : {}),
      ...(markup ? { reply_markup: markup.kind === "inline" ? { inline_keyboard: markup.inline_keyboard } : markup.value } : {}),
      ...(ft.entities.length ? { entities: ft.entities } : {}),
      at: Date.now(),
      method,
    });
  }

  private registerFileIds(v: unknown): void {
    if (Array.isArray(v)) for (const x of v) this.registerFileIds(x);
    else if (isObject(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (k === "file_id" && typeof x === "string") this.knownFileIds.add(x);
        else this.registerFileIds(x);
      }
    }
  }
}

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------

function parseBody(contentType: string, body: Buffer): Record<string, unknown> {
  if (!body.length) return {};
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type === "application/json") {
    let v: unknown;
    try {
      v = JSON.parse(body.toString("utf8"));
    } catch {
      throw bad("can't parse JSON encoded request body");
    }
    if (!isObject(v)) throw bad("JSON encoded request body must be an Object");
    return v;
  }
  if (type === "application/x-www-form-urlencoded") return Object.fromEntries(new URLSearchParams(body.toString("utf8")));
  if (type === "multipart/form-data") {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    const b = boundary?.[1] ?? boundary?.[2];
    if (!b) throw bad("can't parse multipart/form-data: boundary is missing");
    return parseMultipart(body, b);
  }
  return {};
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

function updateType(u: Record<string, unknown>): string {
  return Object.keys(u).find((k) => k !== "update_id") ?? "";
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}
