import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Llm } from "../../bot/core/llm.ts";
import { createLogger, registerSecret } from "../../bot/core/logger.ts";
import { FakeOpenAI } from "../fakes/openai.ts";

const topics = [
  { key: "viec_lam", label: "Việc làm, nghề nghiệp" },
  { key: "khac", label: "Khác" },
];

describe("The optional LLM over an OpenAI-compatible server", () => {
  let fake: FakeOpenAI;
  let llm: Llm;
  let logs = "";

  beforeAll(async () => {
    fake = await FakeOpenAI.start();
    registerSecret(fake.apiKey);
    const sink = new Writable({ write: (c: Buffer, _e, cb) => ((logs += c.toString()), cb()) });
    llm = new Llm({ apiKey: fake.apiKey, baseURL: fake.url, model: "test-model", timeoutMs: 400 }, createLogger("debug", sink));
  });
  afterAll(() => fake.close());

  it("When the server answers with the schema, then the topic and confidence come back and the request was strict JSON schema", async () => {
    fake.responder = (c) => JSON.stringify({ topic: c.user.includes("việc") ? "viec_lam" : "khac", confidence: 0.92 });
    expect(await llm.classify("Em muốn tìm việc làm thêm", topics)).toEqual({ topic: "viec_lam", confidence: 0.92 });
    const call = fake.calls.at(-1)!;
    expect(call.schemaName).toBe("classify");
    expect(call.system).toContain("viec_lam");
  });

  it("When the server names a topic outside the list or answers invalid JSON, then the result is null", async () => {
    fake.responder = () => JSON.stringify({ topic: "bong_da", confidence: 1 });
    expect(await llm.classify("abc", topics)).toBeNull();
    fake.failNext("badjson");
    expect(await llm.classify("abc", topics)).toBeNull();
  });

  it("When the server fails with 500, 429 or hangs, then each call returns null once, without retries, and quickly", async () => {
    const before = fake.rejected.length;
    fake.failNext("500");
    expect(await llm.moderate("xin chào")).toBeNull();
    fake.failNext("429");
    expect(await llm.draftAnswer("hỏi", [{ question: "q", answer: "a" }])).toBeNull();
    expect(fake.rejected.length - before).toBe(2); // maxRetries 0: one request each
    fake.failNext("hang");
    const t0 = Date.now();
    expect(await llm.adaptGuide("hướng dẫn", ["ghi chú"])).toBeNull();
    expect(Date.now() - t0).toBeLessThan(5000);
    // after the failures, normal answers resume
    fake.responder = () => JSON.stringify({ flagged: true, reason: "xúc phạm" });
    expect(await llm.moderate("đồ ngu")).toEqual({ flagged: true });
  });

  it("When calls fail, then the API key appears in no log line", () => {
    expect(logs).toContain("llm call failed");
    expect(logs).not.toContain(fake.apiKey);
  });

  it("When the key is wrong, then the call returns null", async () => {
    const bad = new Llm({ apiKey: "sk-wrong", baseURL: fake.url, model: "m", timeoutMs: 1000 }, createLogger("silent"));
    expect(await bad.classify("x", topics)).toBeNull();
    expect(fake.rejected.at(-1)?.status).toBe(401);
  });
});
