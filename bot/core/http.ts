import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

export class BodyTooLarge extends Error {}

/** Read a request body, refusing more than `max` bytes. */
export function readBody(req: IncomingMessage, max = 256 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(data);
}

/** A tiny route table over node:http: exact "METHOD /path" or prefix routes "METHOD /prefix/*". */
export class HttpServer {
  private routes: { method: string; path: string; prefix: boolean; handler: Handler }[] = [];
  private server: Server;

  constructor(private log: Logger) {
    this.server = createServer((req, res) => void this.dispatch(req, res));
    this.server.keepAliveTimeout = 65_000;
  }

  route(method: string, path: string, handler: Handler): this {
    const prefix = path.endsWith("/*");
    this.routes.push({ method, path: prefix ? path.slice(0, -1) : path, prefix, handler });
    return this;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const r = this.routes.find(
      (x) => x.method === req.method && (x.prefix ? url.pathname.startsWith(x.path) : url.pathname === x.path),
    );
    try {
      if (!r) return sendJson(res, 404, { error: "not found" });
      await r.handler(req, res, url);
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        if (!res.headersSent) sendJson(res, 413, { error: "body too large" });
        return;
      }
      this.log.error({ err: e, path: url.pathname }, "http handler failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
      else res.end();
    }
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => resolve((this.server.address() as AddressInfo).port));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}
