import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { streamSSE, type SSEStreamingApi } from "hono/streaming";
import { z } from "zod";
import type { Core } from "../../core/router.ts";
import type { Services } from "../../core/context.ts";
import type { Incoming, OutboxPayload } from "../../core/types.ts";
import { MAX_BUTTON_DATA } from "../../core/buttons.ts";
import type { Channel, ChannelSender, DeliveryResult } from "../../core/channel.ts";
import { WEB_TRAITS } from "./traits.ts";
import { type HttpApp, type HttpContext, limitBody, PAGE_HEADERS, readJson } from "../../core/http.ts";
import { webText } from "../../../prompts/vi/web.ts";
import { HISTORY_LINES, Transcript, type WebLine } from "./transcript.ts";

const PAGE_URL = new URL("../../../prompts/web/chat.html", import.meta.url);
/**
 * The session cookie is named after the port the server listens on: browsers share cookies
 * between the ports of one host, so a cookie is kept to its own server by its name.
 */
const cookieName = (c: HttpContext) => `sid-${c.env.incoming.socket.localPort ?? 0}`;
/** Open event streams one session may hold (a few tabs); more are refused with 429. */
export const MAX_STREAMS_PER_SESSION = 3;
/** A sign-in lasts this long, counted on the server (the session row), whatever the browser keeps. */
const SESSION_SECONDS = 7 * 86_400;
/** The longest own message kept for the page's history (the core refuses longer ones anyway). */
const MAX_KEPT_TEXT = 4096;
/** The cookie is sent only to the API (the page itself needs none). */
const COOKIE_PATH = "/api";

const loginSchema = z.object({
  persona: z.string().max(64).optional(),
  name: z.string().trim().min(1).max(60).optional(),
  code: z.string().trim().min(4).max(64).optional(),
});

/**
 * Sign-in with a code outside the demo (given by the composition root: a `/web` code of
 * another channel, or an invite code): the web identity to act as, or the words of a refusal.
 */
export type CodeSignIn = (code: string, name: string) => Promise<{ ok: true; userKey: string; name: string; personId: number } | { ok: false; message: string }>;

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
const sendSchema = z.union([
  z.object({ requestId: z.string().min(8).max(64), text: z.string().max(20_000) }),
  z.object({
    requestId: z.string().min(8).max(64),
    choice: z.object({ setId: z.number().int().positive(), index: z.number().int().min(1).max(100) }),
    /** The pressed button's label, kept for the visitor's own transcript only. */
    label: z.string().max(200).optional(),
  }),
  // a broadcast's static button (bot/core/buttons.ts): its data, verified by the core
  z.object({ requestId: z.string().min(8).max(64), button: z.string().min(3).max(MAX_BUTTON_DATA), label: z.string().max(200).optional() }),
]);

interface Session {
  userId: string;
  name: string;
  personId: number | null;
}

/**
 * One open event stream of a browser. Messages published while the backlog is being read
 * wait, then go out after it, except those the backlog already held.
 */
class Stream {
  private backlogMax = 0;
  private waiting: { id: number; data: string }[] | null = [];
  private closed!: () => void;
  readonly done = new Promise<void>((resolve) => (this.closed = resolve));

  constructor(private sse: SSEStreamingApi) {
    sse.onAbort(() => this.closed());
  }

  publish(id: number, data: string): void {
    if (this.waiting) this.waiting.push({ id, data });
    else this.write(id, data);
  }

  /** Write the backlog, then what was published meanwhile. */
  open(backlog: { id: number; data: string }[]): void {
    for (const m of backlog) this.write(m.id, m.data);
    this.backlogMax = backlog.reduce((max, m) => Math.max(max, m.id), 0);
    const waiting = this.waiting ?? [];
    this.waiting = null;
    for (const m of waiting.sort((x, y) => x.id - y.id)) this.write(m.id, m.data);
  }

  ping(): void {
    void this.sse.write(": ping\n\n");
  }

  end(): void {
    this.closed();
  }

  private write(id: number, data: string): void {
    if (id <= this.backlogMax) return;
    void this.sse.writeSSE({ id: String(id), data });
  }
}

/**
 * The web chat: a page on 127.0.0.1, a JSON API and a server-sent event stream. It goes
 * through the same core and outbox as every other channel: the "send" of this channel
 * publishes the outbox row to the browser's open streams; history is read back from
 * the outbox, so a reload or a reconnect (Last-Event-ID) loses nothing.
 */
export class WebChannel implements Channel {
  readonly name = "web" as const;
  readonly traits = WEB_TRAITS;
  private streams = new Map<string, Set<Stream>>();
  /** Event streams counted from the moment they are accepted (before they open), per session. */
  private streamCount = new Map<string, number>();
  private page: string | null = null;
  private transcript: Transcript;

  constructor(
    private s: Services,
    private core: Core,
    private opts: { demo: boolean; signIn?: CodeSignIn },
  ) {
    this.transcript = new Transcript(s);
  }

  mount(app: HttpApp): void {
    app.get("/", (c) => {
      this.page ??= readFileSync(PAGE_URL, "utf8").replace("/*TEXTS*/{}", JSON.stringify(webText));
      return c.body(this.page, 200, PAGE_HEADERS);
    });
    app.get("/api/personas", async (c) => c.json({ demo: this.opts.demo, personas: this.opts.demo ? await this.personas() : [] }));
    app.post("/api/login", limitBody(4096), (c) => this.login(c));
    app.post("/api/logout", limitBody(4096), (c) => this.logout(c));
    app.get("/api/session", async (c) => {
      const session = await this.session(c);
      return session ? c.json({ userId: session.userId, name: session.name }) : c.json({ error: webText.loginFirst }, 401);
    });
    app.post("/api/send", limitBody(64 * 1024), (c) => this.send(c));
    app.get("/api/messages", (c) => this.history(c));
    app.get("/api/events", (c) => this.events(c));
    app.get("/healthz", (c) => c.json({ ok: true }));
  }

  /** Demo people (seeded with web identities "demo-…") a visitor may act as. */
  private async personas() {
    const ids = await this.s.prisma.identity.findMany({ where: { channel: "web", externalId: { startsWith: "demo-" } }, orderBy: { id: "asc" } });
    const people = await this.s.prisma.person.findMany({ where: { id: { in: ids.map((i) => i.personId) } } });
    const ms = await this.s.prisma.membership.findMany({ where: { personId: { in: ids.map((i) => i.personId) } } });
    const units = await this.s.prisma.unit.findMany({ where: { id: { in: ms.map((m) => m.unitId) } } });
    return ids.map((i) => {
      const p = people.find((x) => x.id === i.personId);
      const mine = ms.filter((m) => m.personId === i.personId);
      return {
        key: i.externalId,
        name: p?.displayName ?? i.externalId,
        roles: mine.map((m) => ({ role: m.role, unit: units.find((u) => u.id === m.unitId)?.name ?? "" })),
      };
    });
  }

  /**
   * The session of the cookie: a random token whose hash names a session row that has not
   * expired. A demo session (persona, free visitor) counts only on a demo install, and a
   * signed-in person who was erased since is signed out.
   */
  private async session(c: HttpContext): Promise<Session | null> {
    const token = getCookie(c, cookieName(c));
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const row = await this.s.prisma.webSession.findUnique({ where: { id: tokenHash(token) } });
    if (!row || row.expiresAt <= this.s.clock.now()) return null;
    if (row.demo && !this.opts.demo) return null;
    if (!row.demo) {
      const ident = await this.s.prisma.identity.findUnique({ where: { channel_externalId: { channel: "web", externalId: row.userKey } }, select: { personId: true } });
      if (!ident || ident.personId !== row.personId) return null;
    }
    return { userId: row.userKey, name: row.name, personId: row.personId };
  }

  /**
   * Sign in. On a demo install: as a demo persona, or as a new visitor. Elsewhere only with a
   * code: a one-time `/web` code from another channel, or an invite code (a new member).
   */
  private async login(c: HttpContext): Promise<Response> {
    const json = await readJson(c, {});
    const body = json.ok ? loginSchema.safeParse(json.value) : null;
    if (!body?.success) return c.json({ error: webText.badRequest }, 400);
    let session: Session;
    if (body.data.code) {
      if (!this.opts.signIn) return c.json({ error: webText.badCode }, 403);
      const r = await this.opts.signIn(body.data.code, body.data.name ?? webText.visitor);
      if (!r.ok) return c.json({ error: r.message }, 403);
      session = { userId: r.userKey, name: r.name, personId: r.personId };
    } else if (!this.opts.demo) {
      return c.json({ error: webText.codeRequired }, 403);
    } else if (body.data.persona) {
      const persona = (await this.personas()).find((p) => p.key === body.data.persona);
      if (!persona) return c.json({ error: webText.badRequest }, 403);
      session = { userId: persona.key, name: persona.name, personId: null };
    } else {
      session = { userId: `v-${randomUUID()}`, name: body.data.name ?? webText.visitor, personId: null };
    }
    const now = this.s.clock.now();
    const token = randomBytes(32).toString("base64url");
    await this.s.prisma.webSession.deleteMany({ where: { expiresAt: { lte: now } } });
    await this.transcript.purge();
    await this.s.prisma.webSession.create({
      data: {
        id: tokenHash(token),
        userKey: session.userId,
        name: session.name,
        personId: session.personId,
        demo: !body.data.code,
        createdAt: now,
        expiresAt: new Date(now.getTime() + SESSION_SECONDS * 1000),
      },
    });
    setCookie(c, cookieName(c), token, { httpOnly: true, sameSite: "Strict", path: COOKIE_PATH, maxAge: SESSION_SECONDS });
    return c.json({ userId: session.userId, name: session.name });
  }

  /** Sign out: the session row goes (the cookie is worthless from then on). */
  private async logout(c: HttpContext): Promise<Response> {
    const token = getCookie(c, cookieName(c));
    if (token) await this.s.prisma.webSession.deleteMany({ where: { id: tokenHash(token) } });
    deleteCookie(c, cookieName(c), { path: COOKIE_PATH });
    return c.json({ ok: true });
  }

  private async send(c: HttpContext): Promise<Response> {
    const session = await this.session(c);
    if (!session) return c.json({ error: webText.loginFirst }, 401);
    const json = await readJson(c);
    const body = json.ok ? sendSchema.safeParse(json.value) : null;
    if (!body?.success) return c.json({ error: webText.badRequest }, 400);
    const incoming: Incoming = {
      channel: "web",
      chatId: session.userId,
      userId: session.userId,
      displayName: session.name,
      ...("text" in body.data ? { text: body.data.text } : "button" in body.data ? { button: body.data.button } : { choice: body.data.choice }),
    };
    // kept (sealed) for the page after a reload: the outbox holds only what the bot sent
    const last = await this.s.prisma.outboxMessage.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    const mine = { mine: true as const, at: this.s.clock.now(), after: last?.id ?? 0 };
    const own: WebLine =
      "text" in body.data
        ? { ...mine, text: body.data.text.slice(0, MAX_KEPT_TEXT) }
        : "button" in body.data
          ? { ...mine, text: body.data.label ?? "" }
          : { ...mine, text: body.data.label ?? "", pressed: body.data.choice.setId };
    if (own.text || own.pressed) await this.transcript.add(session.userId, own);
    // the inbox key names no visitor: a keyed hash of (visitor, request) still makes a resend a duplicate
    await this.core.receive(incoming, this.s.secrets.hash("web-inbox", `${session.userId}:${body.data.requestId}`));
    return c.json({ ok: true }, 202);
  }

  /** Messages of the bot after an outbox id: the chat's named rows and the anonymous ones kept in the transcript. */
  private async botLines(chatId: string, after: number): Promise<WebLine[]> {
    const rows = await this.s.prisma.outboxMessage.findMany({
      where: { channel: "web", chatId, status: "sent", id: { gt: after } },
      orderBy: { id: "desc" },
      take: HISTORY_LINES,
      select: { id: true, payload: true, createdAt: true },
    });
    const named: WebLine[] = rows.reverse().map((r) => ({ id: r.id, at: r.createdAt, ...(JSON.parse(r.payload) as OutboxPayload) }));
    return named;
  }

  /**
   * The page's history: the bot's messages (and the visitor's own when asked), in order (the latest
   * HISTORY_LINES), the buttons of a set the visitor already pressed marked used.
   */
  private async lines(chatId: string, after: number, withMine: boolean): Promise<(WebLine & { used?: true })[]> {
    const kept = await this.transcript.lines(chatId);
    const anon = kept.filter((l) => !l.mine && (l.id ?? 0) > after);
    const all = [...(await this.botLines(chatId, after)), ...anon, ...(withMine && !after ? kept.filter((l) => l.mine) : [])];
    // in the order things happened: the bot's by outbox row, the visitor's own after the last row queued before it came in
    const place = (l: WebLine) => (l.mine ? (l.after ?? 0) + 0.5 : (l.id ?? 0));
    all.sort((a, b) => place(a) - place(b));
    const pressed = new Set(kept.flatMap((l) => (l.pressed ? [l.pressed] : [])));
    const setOf = (l: WebLine) => Number(l.buttons?.[0]?.data.split(":")[1] ?? 0);
    return all.slice(-HISTORY_LINES).map((l) => (l.buttons?.length && pressed.has(setOf(l)) ? { ...l, used: true as const } : l));
  }

  private async history(c: HttpContext): Promise<Response> {
    const session = await this.session(c);
    if (!session) return c.json({ error: webText.loginFirst }, 401);
    await this.transcript.purge();
    // `mine=1` (the page): the visitor's own messages too; otherwise the bot's only, each with its event id
    return c.json({ messages: await this.lines(session.userId, Number(c.req.query("after") ?? 0) || 0, c.req.query("mine") === "1") });
  }

  /** The event stream: the backlog after Last-Event-ID (or ?after=), then every new message. */
  private async events(c: HttpContext): Promise<Response> {
    const session = await this.session(c);
    if (!session) return c.json({ error: webText.loginFirst }, 401);
    const after = Number(c.req.header("last-event-id") ?? c.req.query("after") ?? 0) || 0;
    const open = this.streamCount.get(session.userId) ?? 0;
    if (open >= MAX_STREAMS_PER_SESSION) return c.json({ error: webText.tooManyStreams }, 429);
    this.streamCount.set(session.userId, open + 1);
    const release = () => {
      const n = (this.streamCount.get(session.userId) ?? 1) - 1;
      if (n > 0) this.streamCount.set(session.userId, n);
      else this.streamCount.delete(session.userId);
    };
    return streamSSE(c, async (sse) => {
      const stream = new Stream(sse);
      const set = this.streams.get(session.userId) ?? new Set();
      set.add(stream);
      this.streams.set(session.userId, set);
      const ping = setInterval(() => stream.ping(), 25_000);
      try {
        const backlog = await this.lines(session.userId, after, false);
        stream.open(backlog.map((m) => ({ id: m.id!, data: JSON.stringify(m) })));
        await stream.done;
      } finally {
        clearInterval(ping);
        release();
        set.delete(stream);
        if (!set.size && this.streams.get(session.userId) === set) this.streams.delete(session.userId);
      }
    });
  }

  sender(): ChannelSender {
    return {
      channel: "web",
      limits: { perSecond: 500, perChatBurst: 50, perChatPerSecond: 20 },
      concurrency: 8,
      send: async (chatId, payload, rowId): Promise<DeliveryResult> => {
        const row = await this.s.prisma.outboxMessage.findUnique({ where: { id: rowId }, select: { chatId: true, createdAt: true } });
        const at = row?.createdAt ?? this.s.clock.now();
        // a sealed row (an anonymous asker's) forgets its text once sent: the visitor's transcript keeps it, sealed
        if (row?.chatId === "" && (await this.s.prisma.identity.count({ where: { channel: "web", externalId: chatId } }))) {
          await this.transcript.add(chatId, { id: rowId, at, ...payload });
        }
        const data = JSON.stringify({ id: rowId, at, ...payload });
        for (const stream of this.streams.get(chatId) ?? []) stream.publish(rowId, data);
        return { ok: true, messageId: `web-${rowId}` };
      },
    };
  }

  /** The web chat is served by the HTTP server it is mounted on: nothing to start. */
  async start(): Promise<void> {}

  async stop(): Promise<void> {
    this.closeStreams();
  }

  closeStreams(): void {
    for (const set of this.streams.values()) for (const stream of set) stream.end();
    this.streams.clear();
  }
}
