import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { Core } from "../../core/router.ts";
import type { Services } from "../../core/context.ts";
import type { Incoming, OutboxPayload } from "../../core/types.ts";
import type { Channel, ChannelSender, DeliveryResult } from "../../core/channel.ts";
import { WEB_TRAITS } from "./traits.ts";
import { type HttpServer, readBody, sendJson } from "../../core/http.ts";
import { webText } from "../../../prompts/vi/web.ts";

const PAGE_URL = new URL("../../../prompts/web/chat.html", import.meta.url);

const sendSchema = z.union([
  z.object({ requestId: z.string().min(8).max(64), text: z.string().max(20_000) }),
  z.object({ requestId: z.string().min(8).max(64), choice: z.object({ setId: z.number().int().positive(), index: z.number().int().min(1).max(100) }) }),
]);

interface Session {
  userId: string;
  name: string;
}

/**
 * The web chat: a page on 127.0.0.1, a JSON API and a server-sent event stream. It goes
 * through the same core and outbox as every other channel: the "send" of this channel
 * publishes the outbox row to the browser's open streams; history is read back from
 * the outbox, so a reload or a reconnect loses nothing.
 */
export class WebChannel implements Channel {
  readonly name = "web" as const;
  readonly traits = WEB_TRAITS;
  private streams = new Map<string, Set<ServerResponse>>();
  private page: string | null = null;

  constructor(
    private s: Services,
    private core: Core,
    private opts: { demo: boolean },
  ) {}

  mount(http: HttpServer): void {
    http
      .route("GET", "/", (_req, res) => this.servePage(res))
      .route("GET", "/api/personas", async (_req, res) => sendJson(res, 200, { demo: this.opts.demo, personas: this.opts.demo ? await this.personas() : [] }))
      .route("POST", "/api/login", (req, res) => this.login(req, res))
      .route("POST", "/api/send", (req, res) => this.send(req, res))
      .route("GET", "/api/messages", (req, res, url) => this.history(req, res, url))
      .route("GET", "/api/events", (req, res, url) => this.events(req, res, url))
      .route("GET", "/healthz", (_req, res) => sendJson(res, 200, { ok: true }));
  }

  private servePage(res: ServerResponse): void {
    this.page ??= readFileSync(PAGE_URL, "utf8").replace("/*TEXTS*/{}", JSON.stringify(webText));
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
      "x-content-type-options": "nosniff",
    });
    res.end(this.page);
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

  private cookie(req: IncomingMessage): Session | null {
    const raw = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? "")?.[1];
    if (!raw) return null;
    const [b64, mac] = decodeURIComponent(raw).split(".");
    if (!b64 || !mac || this.s.secrets.mac(b64) !== mac) return null;
    try {
      return JSON.parse(Buffer.from(b64, "base64url").toString("utf8")) as Session;
    } catch {
      return null;
    }
  }

  private async login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = z
      .object({ persona: z.string().max(64).optional(), name: z.string().trim().min(1).max(60).optional() })
      .safeParse(JSON.parse((await readBody(req, 4096)).toString("utf8") || "{}"));
    if (!body.success) return sendJson(res, 400, { error: webText.badRequest });
    let session: Session;
    if (body.data.persona) {
      if (!this.opts.demo || !(await this.personas()).some((p) => p.key === body.data.persona)) return sendJson(res, 403, { error: webText.badRequest });
      const persona = (await this.personas()).find((p) => p.key === body.data.persona)!;
      session = { userId: persona.key, name: persona.name };
    } else {
      session = { userId: `v-${randomUUID()}`, name: body.data.name ?? webText.visitor };
    }
    const b64 = Buffer.from(JSON.stringify(session)).toString("base64url");
    res.setHeader("set-cookie", `sid=${encodeURIComponent(`${b64}.${this.s.secrets.mac(b64)}`)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=2592000`);
    sendJson(res, 200, { userId: session.userId, name: session.name });
  }

  private async send(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const session = this.cookie(req);
    if (!session) return sendJson(res, 401, { error: webText.loginFirst });
    let json: unknown;
    try {
      json = JSON.parse((await readBody(req, 64 * 1024)).toString("utf8"));
    } catch {
      return sendJson(res, 400, { error: webText.badRequest });
    }
    const body = sendSchema.safeParse(json);
    if (!body.success) return sendJson(res, 400, { error: webText.badRequest });
    const incoming: Incoming = {
      channel: "web",
      chatId: session.userId,
      userId: session.userId,
      displayName: session.name,
      ...("text" in body.data ? { text: body.data.text } : { choice: body.data.choice }),
    };
    await this.core.receive(incoming, `${session.userId}:${body.data.requestId}`);
    sendJson(res, 202, { ok: true });
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

  private async history(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const session = this.cookie(req);
    if (!session) return sendJson(res, 401, { error: webText.loginFirst });
    sendJson(res, 200, { messages: await this.rows(session.userId, Number(url.searchParams.get("after") ?? 0) || 0) });
  }

  private async events(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const session = this.cookie(req);
    if (!session) return sendJson(res, 401, { error: webText.loginFirst });
    res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive" });
    const after = Number(req.headers["last-event-id"] ?? url.searchParams.get("after") ?? 0) || 0;
    for (const m of await this.rows(session.userId, after)) res.write(`id: ${m.id}\ndata: ${JSON.stringify(m)}\n\n`);
    const set = this.streams.get(session.userId) ?? new Set();
    set.add(res);
    this.streams.set(session.userId, set);
    const ping = setInterval(() => res.write(": ping\n\n"), 25_000);
    req.on("close", () => {
      clearInterval(ping);
      set.delete(res);
      if (!set.size) this.streams.delete(session.userId);
    });
  }

  sender(): ChannelSender {
    return {
      channel: "web",
      limits: { perSecond: 500, perChatBurst: 50, perChatPerSecond: 20 },
      concurrency: 8,
      send: async (chatId, payload, rowId): Promise<DeliveryResult> => {
        const data = JSON.stringify({ id: rowId, at: new Date(), ...payload });
        for (const res of this.streams.get(chatId) ?? []) res.write(`id: ${rowId}\ndata: ${data}\n\n`);
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
    for (const set of this.streams.values()) for (const r of set) r.end();
    this.streams.clear();
  }
}
