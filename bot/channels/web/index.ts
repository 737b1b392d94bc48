import { randomUUID, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { getCookie, setCookie } from "hono/cookie";
import { streamSSE, type SSEStreamingApi } from "hono/streaming";
import { z } from "zod";
import type { Core } from "../../core/router.ts";
import type { Services } from "../../core/context.ts";
import type { Incoming, OutboxPayload } from "../../core/types.ts";
import type { Channel, ChannelSender, DeliveryResult } from "../../core/channel.ts";
import { WEB_TRAITS } from "./traits.ts";
import { type HttpApp, type HttpContext, limitBody, PAGE_HEADERS, readJson } from "../../core/http.ts";
import { webText } from "../../../prompts/vi/web.ts";

const PAGE_URL = new URL("../../../prompts/web/chat.html", import.meta.url);
const COOKIE = "sid";
const COOKIE_MAX_AGE = 30 * 86_400;

const loginSchema = z.object({ persona: z.string().max(64).optional(), name: z.string().trim().min(1).max(60).optional() });
const sendSchema = z.union([
  z.object({ requestId: z.string().min(8).max(64), text: z.string().max(20_000) }),
  z.object({ requestId: z.string().min(8).max(64), choice: z.object({ setId: z.number().int().positive(), index: z.number().int().min(1).max(100) }) }),
]);

interface Session {
  userId: string;
  name: string;
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
    this.backlogMax = backlog.at(-1)?.id ?? 0;
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
  private page: string | null = null;

  constructor(
    private s: Services,
    private core: Core,
    private opts: { demo: boolean },
  ) {}

  mount(app: HttpApp): void {
    app.get("/", (c) => {
      this.page ??= readFileSync(PAGE_URL, "utf8").replace("/*TEXTS*/{}", JSON.stringify(webText));
      return c.body(this.page, 200, PAGE_HEADERS);
    });
    app.get("/api/personas", async (c) => c.json({ demo: this.opts.demo, personas: this.opts.demo ? await this.personas() : [] }));
    app.post("/api/login", limitBody(4096), (c) => this.login(c));
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

  /** The session of a signed cookie `base64url(json).mac`; the MAC is compared in constant time. */
  private session(c: HttpContext): Session | null {
    const raw = getCookie(c, COOKIE);
    if (!raw) return null;
    const [b64, mac] = raw.split(".");
    if (!b64 || !mac) return null;
    const want = Buffer.from(this.s.secrets.mac(b64));
    const got = Buffer.from(mac);
    if (got.length !== want.length || !timingSafeEqual(got, want)) return null;
    try {
      const v = JSON.parse(Buffer.from(b64, "base64url").toString("utf8")) as Partial<Session>;
      return typeof v.userId === "string" && typeof v.name === "string" ? { userId: v.userId, name: v.name } : null;
    } catch {
      return null;
    }
  }

  private async login(c: HttpContext): Promise<Response> {
    const json = await readJson(c, {});
    const body = json.ok ? loginSchema.safeParse(json.value) : null;
    if (!body?.success) return c.json({ error: webText.badRequest }, 400);
    let session: Session;
    if (body.data.persona) {
      const persona = this.opts.demo ? (await this.personas()).find((p) => p.key === body.data.persona) : undefined;
      if (!persona) return c.json({ error: webText.badRequest }, 403);
      session = { userId: persona.key, name: persona.name };
    } else {
      session = { userId: `v-${randomUUID()}`, name: body.data.name ?? webText.visitor };
    }
    const b64 = Buffer.from(JSON.stringify(session)).toString("base64url");
    setCookie(c, COOKIE, `${b64}.${this.s.secrets.mac(b64)}`, { httpOnly: true, sameSite: "Strict", path: "/", maxAge: COOKIE_MAX_AGE });
    return c.json({ userId: session.userId, name: session.name });
  }

  private async send(c: HttpContext): Promise<Response> {
    const session = this.session(c);
    if (!session) return c.json({ error: webText.loginFirst }, 401);
    const json = await readJson(c);
    const body = json.ok ? sendSchema.safeParse(json.value) : null;
    if (!body?.success) return c.json({ error: webText.badRequest }, 400);
    const incoming: Incoming = {
      channel: "web",
      chatId: session.userId,
      userId: session.userId,
      displayName: session.name,
      ...("text" in body.data ? { text: body.data.text } : { choice: body.data.choice }),
    };
    await this.core.receive(incoming, `${session.userId}:${body.data.requestId}`);
    return c.json({ ok: true }, 202);
  }

  private async rows(chatId: string, after: number) {
    const rows = await this.s.prisma.outboxMessage.findMany({
      where: { channel: "web", chatId, status: "sent", id: { gt: after } },
      orderBy: { id: "asc" },
      take: 200,
      select: { id: true, payload: true, sentAt: true },
    });
    return rows.map((r) => ({ id: r.id, at: r.sentAt, ...(JSON.parse(r.payload) as OutboxPayload) }));
  }

  private async history(c: HttpContext): Promise<Response> {
    const session = this.session(c);
    if (!session) return c.json({ error: webText.loginFirst }, 401);
    return c.json({ messages: await this.rows(session.userId, Number(c.req.query("after") ?? 0) || 0) });
  }

  /** The event stream: the backlog after Last-Event-ID (or ?after=), then every new message. */
  private events(c: HttpContext): Response {
    const session = this.session(c);
    if (!session) return c.json({ error: webText.loginFirst }, 401);
    const after = Number(c.req.header("last-event-id") ?? c.req.query("after") ?? 0) || 0;
    return streamSSE(c, async (sse) => {
      const stream = new Stream(sse);
      const set = this.streams.get(session.userId) ?? new Set();
      set.add(stream);
      this.streams.set(session.userId, set);
      const ping = setInterval(() => stream.ping(), 25_000);
      try {
        stream.open((await this.rows(session.userId, after)).map((m) => ({ id: m.id, data: JSON.stringify(m) })));
        await stream.done;
      } finally {
        clearInterval(ping);
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
        const data = JSON.stringify({ id: rowId, at: new Date(), ...payload });
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
