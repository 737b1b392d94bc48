import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A tiny HTTP load balancer for the several-instances tests: each request goes to the next
 * backend in turn; a backend that refuses the connection (a killed instance) is skipped, as a
 * real balancer does; a request cut in the middle is answered 502 (the platform retries).
 */
export class LoadBalancer {
  private next = 0;
  /** Requests each backend answered. */
  readonly served: number[];

  private constructor(
    private server: Server,
    readonly backends: number[],
  ) {
    this.served = backends.map(() => 0);
  }

  static async start(backends: number[]): Promise<LoadBalancer> {
    let lb: LoadBalancer | undefined;
    const server = createServer((req, res) => void lb!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    lb = new LoadBalancer(server, backends);
    return lb;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    for (let tries = 0; tries < this.backends.length; tries++) {
      const i = this.next++ % this.backends.length;
      const r = await this.forward(this.backends[i]!, req, body);
      if (r === "refused") continue;
      if (r === "cut") break;
      this.served[i]!++;
      res.writeHead(r.status, { "content-type": r.type });
      res.end(r.body);
      return;
    }
    res.writeHead(502);
    res.end();
  }

  private forward(port: number, req: IncomingMessage, body: Buffer): Promise<{ status: number; type: string; body: Buffer } | "refused" | "cut"> {
    return new Promise((resolve) => {
      let connected = false;
      const out = request(
        { host: "127.0.0.1", port, method: req.method, path: req.url, headers: { ...req.headers, "content-length": String(body.length) } },
        (res) => {
          const parts: Buffer[] = [];
          res.on("data", (d: Buffer) => parts.push(d));
          res.on("end", () => resolve({ status: res.statusCode ?? 502, type: String(res.headers["content-type"] ?? "application/json"), body: Buffer.concat(parts) }));
          res.on("error", () => resolve("cut"));
        },
      );
      out.on("socket", (s) => s.on("connect", () => (connected = true)));
      out.on("error", () => resolve(connected ? "cut" : "refused"));
      out.end(body);
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
