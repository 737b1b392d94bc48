import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the fake does with the next calls. "hang" never answers (the client must time out). */
export type FakeFailure = "500" | "429" | "hang" | "badjson";

export interface ChatCall {
  model: string;
  system: string;
  user: string;
  schemaName: string | null;
  schema: Record<string, unknown> | null;
}

/** Decides the content of an answer; gets the validated request. */
export type Responder = (call: ChatCall) => string;

export interface EmbeddingCall {
  model: string;
  input: string[];
}

/** The vector of one input text. */
export type Embedder = (text: string) => number[];

/** Endpoints whose failures are injected separately. */
export type FakeEndpoint = "chat" | "embeddings";

/**
 * A deterministic stand-in for an embedding model: hashed word and word-pair counts of the lower-
 * cased text, so texts sharing words are close and unrelated texts are nearly orthogonal.
 */
export function hashedEmbedding(text: string, dim = 64): number[] {
  const v = new Array<number>(dim).fill(0);
  const words = text.toLowerCase().normalize("NFC").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const feats = [...words, ...words.slice(1).map((w, i) => `${words[i]}_${w}`)];
  for (const f of feats) {
    let h = 2166136261;
    for (let i = 0; i < f.length; i++) h = Math.imul(h ^ f.charCodeAt(i), 16777619);
    v[(h >>> 0) % dim]! += h & 1 ? 1 : -1;
  }
  return v;
}

/**
 * A strict fake OpenAI-compatible server: POST /v1/chat/completions only, Bearer key
 * checked (401), body validated like the real API (400 with an error object), json_schema
 * response formats checked for strict-mode rules, and failures injectable (500, 429 with
 * retry-after, a hang past the client's timeout, invalid JSON content).
 */
export class FakeOpenAI {
  readonly calls: ChatCall[] = [];
  readonly embeddingCalls: EmbeddingCall[] = [];
  readonly rejected: { status: number; message: string }[] = [];
  /** How /v1/embeddings turns a text into a vector (replaceable per test). */
  embedder: Embedder = (t) => hashedEmbedding(t);
  private failures: Record<FakeEndpoint, FakeFailure[]> = { chat: [], embeddings: [] };
  private hanging = new Set<ServerResponse>();

  private constructor(
    private server: Server,
    readonly url: string,
    readonly apiKey: string,
    public responder: Responder,
  ) {}

  static async start(o: { apiKey?: string; responder?: Responder } = {}): Promise<FakeOpenAI> {
    let fake!: FakeOpenAI;
    const server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    fake = new FakeOpenAI(server, `http://127.0.0.1:${port}/v1`, o.apiKey ?? "sk-test-fake-key-123456", o.responder ?? (() => "{}"));
    return fake;
  }

  /** The next n calls of an endpoint (chat completions unless said) fail this way (then normal answers resume). */
  failNext(kind: FakeFailure, n = 1, on: FakeEndpoint = "chat"): void {
    for (let i = 0; i < n; i++) this.failures[on].push(kind);
  }

  async close(): Promise<void> {
    for (const r of this.hanging) r.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private error(res: ServerResponse, status: number, message: string, type = "invalid_request_error", headers: Record<string, string> = {}): void {
    this.rejected.push({ status, message });
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify({ error: { message, type, param: null, code: null } }));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = req.url?.split("?")[0];
    if (req.method !== "POST" || (path !== "/v1/chat/completions" && path !== "/v1/embeddings")) return this.error(res, 404, "Unknown request URL");
    if (req.headers.authorization !== `Bearer ${this.apiKey}`) return this.error(res, 401, "Incorrect API key provided", "invalid_api_key");
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
    } catch {
      return this.error(res, 400, "We could not parse the JSON body of your request.");
    }
    if (path === "/v1/embeddings") return this.embeddings(body, res);
    const call = this.validate(body);
    if (typeof call === "string") return this.error(res, 400, call);

    const failure = this.failures.chat.shift();
    if (failure === "hang") {
      this.hanging.add(res);
      res.on("close", () => this.hanging.delete(res));
      return;
    }
    if (failure === "500") return this.error(res, 500, "The server had an error while processing your request.", "server_error");
    if (failure === "429") return this.error(res, 429, "Rate limit reached for requests", "requests", { "retry-after": "20" });
    this.calls.push(call);
    const content = failure === "badjson" ? "{not json" : this.responder(call);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        id: `chatcmpl-${this.calls.length}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: call.model,
        choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      }),
    );
  }

  /** POST /v1/embeddings: model and input checked like the real API; failures injectable. */
  private embeddings(body: Record<string, unknown>, res: ServerResponse): void {
    if (typeof body.model !== "string" || !body.model) return this.error(res, 400, "you must provide a model parameter");
    const raw = body.input;
    const input = typeof raw === "string" ? [raw] : raw;
    if (!Array.isArray(input) || !input.length || input.length > 2048) return this.error(res, 400, "'input' must be a non-empty string or array of at most 2048 strings");
    if (!input.every((t) => typeof t === "string" && t.length > 0)) return this.error(res, 400, "'input' items must be non-empty strings");
    const known = ["model", "input", "encoding_format", "dimensions", "user"];
    const extra = Object.keys(body).find((k) => !known.includes(k));
    if (extra) return this.error(res, 400, `Unrecognized request argument supplied: ${extra}`);
    if (body.encoding_format !== undefined && body.encoding_format !== "float" && body.encoding_format !== "base64") {
      return this.error(res, 400, "'encoding_format' must be 'float' or 'base64'");
    }
    const failure = this.failures.embeddings.shift();
    if (failure === "hang") {
      this.hanging.add(res);
      res.on("close", () => this.hanging.delete(res));
      return;
    }
    if (failure === "500") return this.error(res, 500, "The server had an error while processing your request.", "server_error");
    if (failure === "429") return this.error(res, 429, "Rate limit reached for requests", "requests", { "retry-after": "20" });
    const call: EmbeddingCall = { model: body.model, input: input as string[] };
    this.embeddingCalls.push(call);
    res.writeHead(200, { "content-type": "application/json" });
    if (failure === "badjson") return void res.end('{"object": "list", "data": [');
    const vectors = call.input.map((t) => this.embedder(t));
    const data = vectors.map((v, index) =>
      body.encoding_format === "base64"
        ? { object: "embedding", index, embedding: Buffer.from(new Float32Array(v).buffer).toString("base64") }
        : { object: "embedding", index, embedding: v },
    );
    res.end(JSON.stringify({ object: "list", data, model: call.model, usage: { prompt_tokens: 10, total_tokens: 10 } }));
  }

  private validate(body: Record<string, unknown>): ChatCall | string {
    if (typeof body.model !== "string" || !body.model) return "you must provide a model parameter";
    const messages = body.messages;
    if (!Array.isArray(messages) || messages.length === 0) return "'messages' must be a non-empty array";
    let system = "";
    let user = "";
    for (const m of messages as Record<string, unknown>[]) {
      if (!m || !["system", "user", "assistant", "developer"].includes(String(m.role))) return "invalid message role";
      if (typeof m.content !== "string") return "message content must be a string";
      if (m.role === "system") system += m.content;
      if (m.role === "user") user += m.content;
    }
    let schemaName: string | null = null;
    let schema: Record<string, unknown> | null = null;
    const rf = body.response_format as Record<string, unknown> | undefined;
    if (rf !== undefined) {
      if (rf.type === "json_schema") {
        const js = rf.json_schema as Record<string, unknown> | undefined;
        if (!js || typeof js.name !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(js.name)) return "json_schema.name is invalid";
        if (!js.schema || typeof js.schema !== "object") return "json_schema.schema is required";
        schema = js.schema as Record<string, unknown>;
        if (js.strict === true) {
          const problem = strictProblem(schema);
          if (problem) return `Invalid schema for response_format '${js.name}': ${problem}`;
        }
        schemaName = js.name;
      } else if (rf.type !== "json_object" && rf.type !== "text") return "invalid response_format type";
    }
    return { model: body.model, system, user, schemaName, schema };
  }
}

/** Strict structured outputs: objects list every property as required and forbid extra ones. */
function strictProblem(schema: Record<string, unknown>): string | null {
  if (schema.type === "object") {
    const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    if (schema.additionalProperties !== false) return "'additionalProperties' is required to be supplied and to be false";
    const required = (schema.required ?? []) as string[];
    for (const k of Object.keys(props)) if (!required.includes(k)) return `'required' is required to include every key; missing '${k}'`;
    for (const p of Object.values(props)) {
      const inner = strictProblem(p);
      if (inner) return inner;
    }
  }
  return null;
}
