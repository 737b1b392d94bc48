import type OpenAI from "openai";
import type { Logger } from "pino";
import { llmPrompts } from "../../prompts/llm.ts";
import { duplicatePrompts } from "../../prompts/nlp/llm.ts";
import type { Config } from "./settings.ts";

export interface TopicSpec {
  key: string;
  label: string;
  description?: string | null;
}

/**
 * The optional LLM, over any OpenAI-compatible server. Every method returns null when the
 * server fails, is slow (timeout) or answers something that does not fit the schema, so
 * callers always have an offline path. No retries: the offline path is the retry.
 */
export class Llm {
  /** The SDK, loaded at the first call (a bot without an LLM, or one that has not used it yet, never loads it). */
  private sdk: Promise<OpenAI> | null = null;

  constructor(
    private opts: { apiKey: string; baseURL?: string; model: string; timeoutMs: number; embeddingModel?: string; embeddingTimeoutMs?: number },
    private log: Logger,
  ) {
  }

  private get client(): Promise<OpenAI> {
    return (this.sdk ??= import("openai").then(
      ({ default: OpenAI }) => new OpenAI({ apiKey: this.opts.apiKey, baseURL: this.opts.baseURL, timeout: this.opts.timeoutMs, maxRetries: 0 }),
    ));
  }

  async classify(text: string, topics: TopicSpec[]): Promise<{ topic: string; confidence: number } | null> {
    const keys = topics.map((t) => t.key);
    const r = await this.json("classify", llmPrompts.classify(topics), text, {
      type: "object",
      properties: { topic: { type: "string", enum: keys }, confidence: { type: "number" } },
      required: ["topic", "confidence"],
      additionalProperties: false,
    });
    if (!r || typeof r.topic !== "string" || !keys.includes(r.topic)) return null;
    const c = typeof r.confidence === "number" && Number.isFinite(r.confidence) ? Math.min(1, Math.max(0, r.confidence)) : 0.5;
    return { topic: r.topic, confidence: c };
  }

  /** Whether an embedding model is configured (OPENAI_EMBEDDING_MODEL). */
  get embeds(): boolean {
    return !!this.opts.embeddingModel;
  }

  /**
   * Unit-length embeddings of the texts, in order; null when no embedding model is set, or the
   * server fails, is slow, or answers something malformed (wrong count, ragged or non-numeric vectors).
   */
  async embed(texts: string[]): Promise<Float32Array[] | null> {
    const model = this.opts.embeddingModel;
    if (!model || !texts.length) return model ? [] : null;
    try {
      const res = await (await this.client).embeddings.create(
        { model, input: texts, encoding_format: "float" },
        { timeout: this.opts.embeddingTimeoutMs ?? this.opts.timeoutMs },
      );
      const rows: unknown = (res as { data?: unknown }).data;
      if (!Array.isArray(rows) || rows.length !== texts.length) throw new TypeError("embedding count");
      const out: Float32Array[] = new Array<Float32Array>(texts.length);
      let dim = -1;
      for (const [k, row] of (rows as { index?: unknown; embedding?: unknown }[]).entries()) {
        const i = typeof row?.index === "number" ? row.index : k;
        const e = row?.embedding;
        if (!Array.isArray(e) || !e.length || (dim >= 0 && e.length !== dim) || i < 0 || i >= texts.length || out[i]) throw new TypeError("embedding shape");
        dim = e.length;
        const v = new Float32Array(dim);
        let norm = 0;
        for (let j = 0; j < dim; j++) {
          const x = e[j] as unknown;
          if (typeof x !== "number" || !Number.isFinite(x)) throw new TypeError("embedding value");
          v[j] = x;
          norm += x * x;
        }
        if (!norm) throw new TypeError("zero embedding");
        norm = Math.sqrt(norm);
        for (let j = 0; j < dim; j++) v[j] = v[j]! / norm;
        out[i] = v;
      }
      return out;
    } catch (e) {
      this.fail("embed", e);
      return null;
    }
  }

  /** Which candidates (0-based) ask the same thing as the question; null when the model fails. */
  async sameQuestion(question: string, candidates: string[]): Promise<number[] | null> {
    if (!candidates.length) return [];
    const r = await this.json("duplicates", duplicatePrompts.system, duplicatePrompts.user(question, candidates), {
      type: "object",
      properties: { same: { type: "array", items: { type: "integer" } } },
      required: ["same"],
      additionalProperties: false,
    });
    if (!r || !Array.isArray(r.same) || !r.same.every((n) => Number.isInteger(n))) return null;
    return [...new Set((r.same as number[]).filter((n) => n >= 1 && n <= candidates.length).map((n) => n - 1))];
  }

  async moderate(text: string): Promise<{ flagged: boolean } | null> {
    const r = await this.json("moderate", llmPrompts.moderate, text, {
      type: "object",
      properties: { flagged: { type: "boolean" }, reason: { type: "string" } },
      required: ["flagged", "reason"],
      additionalProperties: false,
    });
    return r && typeof r.flagged === "boolean" ? { flagged: r.flagged } : null;
  }

  async draftAnswer(question: string, sources: { question: string; answer: string }[]): Promise<string | null> {
    return this.text("draft", llmPrompts.draft, llmPrompts.draftUser(question, sources));
  }

  async adaptGuide(guide: string, notes: string[]): Promise<string | null> {
    return this.text("adaptGuide", llmPrompts.adaptGuide, llmPrompts.adaptGuideUser(guide, notes));
  }

  private async json(task: string, system: string, user: string, schema: Record<string, unknown>): Promise<Record<string, unknown> | null> {
    try {
      const res = await (await this.client).chat.completions.create({
        model: this.opts.model,
        temperature: 0,
        messages: [
          { role: "system", content: system },
          { role: "user", content: user },
        ],
        response_format: { type: "json_schema", json_schema: { name: task, strict: true, schema } },
      });
      const content = res.choices[0]?.message?.content;
      if (!content) return null;
      const parsed: unknown = JSON.parse(content);
      return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : null;
    } catch (e) {
      this.fail(task, e);
      return null;
    }
  }

  private async text(task: string, system: string, user: string): Promise<string | null> {
    try {
      const res = await (await this.client).chat.completions.create({
        model: this.opts.model,
        temperature: 0.2,
        messages: [
          { role: "system", content: system },
          { role: "user", content: user },
        ],
      });
      const content = res.choices[0]?.message?.content?.trim();
      return content ? content : null;
    } catch (e) {
      this.fail(task, e);
      return null;
    }
  }

  private fail(task: string, e: unknown): void {
    // status and class only: the SDK's messages may echo request details
    const status = e instanceof Error && "status" in e && typeof e.status === "number" ? e.status : undefined;
    this.log.warn({ task, status, error: e instanceof Error ? e.constructor.name : "unknown" }, "llm call failed; offline path used");
  }
}

export function createLlm(config: Config, log: Logger): Llm | null {
  if (!config.OPENAI_API_KEY) return null;
  return new Llm(
    {
      apiKey: config.OPENAI_API_KEY,
      baseURL: config.OPENAI_BASE_URL,
      model: config.OPENAI_MODEL,
      timeoutMs: config.OPENAI_TIMEOUT_MS,
      embeddingModel: config.OPENAI_EMBEDDING_MODEL,
      embeddingTimeoutMs: config.OPENAI_EMBEDDING_TIMEOUT_MS,
    },
    log,
  );
}
