import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer, type HttpBindings } from "@hono/node-server";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "pino";
import type { Channel } from "./channel.ts";

/** Hono over node:http: handlers reach the raw request as `c.env.incoming` when they must. */
export type HttpEnv = { Bindings: HttpBindings };
export type HttpApp = Hono<HttpEnv>;
export type HttpContext = Context<HttpEnv>;

/** Refuse a body over `max` bytes with 413: by Content-Length before reading, else while reading. */
export function limitBody(max: number): MiddlewareHandler<HttpEnv> {
  return bodyLimit({ maxSize: max, onError: (c) => c.json({ error: "body too large" }, 413) });
}

/**
 * The request body parsed as JSON, or `{ ok: false }` when it is not JSON (the caller answers
 * 400). An empty body reads as `empty` when given, else as malformed.
 */
export async function readJson(c: HttpContext, empty?: unknown): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await c.req.text();
  if (!text.trim()) return empty === undefined ? { ok: false } : { ok: true, value: empty };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Lower-case host name of a Host header or URL authority ("Example.vn:8080" → "example.vn"), null when unreadable. */
export function hostnameOf(authority: string): string | null {
  try {
    return new URL(`http://${authority}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Only requests for our own names: the Host header must name an allowed host (421 otherwise:
 * a DNS-rebinding page cannot drive the server), and a browser's Origin on anything but a
 * read must be one of them too (403: another site cannot post in a visitor's name).
 */
export function hostGuard(allowed: readonly string[]): MiddlewareHandler<HttpEnv> {
  const hosts = new Set(allowed.map((h) => hostnameOf(h)).filter((h): h is string => !!h));
  return async (c, next) => {
    const host = hostnameOf(c.req.header("host") ?? "");
    if (!host || !hosts.has(host)) return c.json({ error: "unknown host" }, 421);
    const origin = c.req.header("origin");
    if (origin !== undefined && c.req.method !== "GET" && c.req.method !== "HEAD") {
      let from: string | null = null;
      try {
        from = new URL(origin).hostname.toLowerCase();
      } catch {
        from = null;
      }
      if (!from || !hosts.has(from)) return c.json({ error: "cross-origin request refused" }, 403);
    }
    await next();
  };
}

/** Largest webhook body accepted (Telegram and Zalo updates are a few kilobytes). */
export const WEBHOOK_MAX_BYTES = 64 * 1024;

/**
 * A platform's webhook route: the secret header is checked before the body is read (401
 * without reading it), the body is capped (413), the answer goes out at once, and the work
 * after it is handed to `track` (so a stop can wait for it).
 */
export function mountWebhook(app: HttpApp, channel: Channel, track: (work: Promise<unknown>) => void): void {
  const { webhookPath, webhookAuthorized, handleWebhook } = channel;
  if (!webhookPath || !webhookAuthorized || !handleWebhook) throw new Error(`channel ${channel.name} has no webhook with a secret check`);
  app.post(
    webhookPath,
    async (c, next) => (webhookAuthorized.call(channel, c.env.incoming.headers) ? next() : c.json({ ok: false }, 401)),
    limitBody(WEBHOOK_MAX_BYTES),
    async (c) => {
      const body = Buffer.from(await c.req.arrayBuffer());
      const r = await handleWebhook.call(channel, c.env.incoming, body);
      const after = r.after;
      // started on the next turn of the event loop, once the answer is on its way
      if (after) track(new Promise((resolve) => setImmediate(resolve)).then(after));
      return c.json({ ok: r.status === 200 }, r.status as ContentfulStatusCode);
    },
  );
}

/** Headers of the HTML pages we serve (inline scripts of our own, nothing from elsewhere). */
export const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
  "x-content-type-options": "nosniff",
} as const;

/**
 * One HTTP server: a Hono app with JSON 404/500 answers (never a stack), and an explicit
 * listen/close lifecycle (close ends every open connection, streams included).
 */
export class HttpServer {
  readonly app: HttpApp = new Hono<HttpEnv>({ strict: false });
  private server: Server | null = null;

  constructor(private log: Logger) {
    this.app.use("*", async (c, next) => {
      await next();
      if (!c.res.headers.has("cache-control")) c.header("cache-control", "no-store");
    });
    this.app.notFound((c) => c.json({ error: "not found" }, 404));
    this.app.onError((err, c) => {
      if (err instanceof HTTPException) return c.json({ error: err.message || "error" }, err.status);
      this.log.error({ err, path: c.req.path }, "http handler failed");
      return c.json({ error: "internal error" }, 500);
    });
  }

  listen(port: number, host: string): Promise<number> {
    const server = createAdaptorServer({
      fetch: this.app.fetch as Parameters<typeof createAdaptorServer>[0]["fetch"],
      hostname: host,
      // keep the process's own fetch/Request/Response untouched (the LLM client, grammY)
      overrideGlobalObjects: false,
    }) as Server;
    server.keepAliveTimeout = 65_000;
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
    });
  }

  close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
