import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import { Llm } from "../../bot/core/llm.ts";
import { isDuplicate } from "../../handlers/dialogue/nlp/similarity.ts";
import { dialogueText as T } from "../../prompts/vi/dialogue.ts";
import { FakeOpenAI, hashedEmbedding, type ChatCall } from "../fakes/openai.ts";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";

// Two ways of asking where to give blood that share no wording the offline detector knows.
const Q_BLOOD = "Em muốn đi hiến máu tình nguyện thì đăng ký ở đâu ạ?";
const Q_BLOOD_2 = "Cho em hỏi chỗ nào nhận góp máu cứu người vậy?";
// A pair the offline detector does match.
const Q_SUMMER = "Đăng ký tham gia chiến dịch Mùa hè xanh ở đâu ạ?";
const Q_SUMMER_2 = "dang ky mua he xanh o dau vay ad";

/** The same vector for every text about blood: a model that knows "cho máu" is "hiến máu". */
function embedder(text: string): number[] {
  if (/máu/.test(text)) return [1, ...new Array<number>(63).fill(0)];
  return hashedEmbedding(text);
}

let sameAnswer = (_c: ChatCall): string => JSON.stringify({ same: [1] });

function respond(c: ChatCall): string {
  if (c.schemaName === "classify") return JSON.stringify({ topic: "tinh_nguyen_van_hoa", confidence: 0.9 });
  if (c.schemaName === "moderate") return JSON.stringify({ flagged: false, reason: "" });
  if (c.schemaName === "duplicates") return sameAnswer(c);
  return "nháp";
}

describe("Duplicate questions with an embedding model (fake OpenAI-compatible server)", () => {
  let fake: FakeOpenAI;
  let h: Harness;
  let first: TestUser;
  let n = 0;

  /** A new youth of the same commune asks; the first reply comes back. */
  const ask = async (text: string) => {
    const u = h.user(`Người hỏi ${++n}`);
    await h.join(u, "youth", "CD-A2");
    const [r] = await h.send(u, `/hoi ${text}`);
    return r!;
  };

  beforeAll(async () => {
    fake = await FakeOpenAI.start({ responder: respond });
    fake.embedder = embedder;
  });
  afterAll(() => fake.close());
  beforeEach(async () => {
    sameAnswer = () => JSON.stringify({ same: [1] });
    const llm = new Llm(
      { apiKey: fake.apiKey, baseURL: fake.url, model: "m", timeoutMs: 3000, embeddingModel: "emb-test", embeddingTimeoutMs: 400 },
      pino({ level: "silent" }),
    );
    h = await Harness.create({ org: TEST_ORG, llm });
    first = h.user("Người hỏi trước");
    await h.join(first, "youth", "CD-A1");
  });
  afterEach(() => h.close());

  it("When the vectors say two differently worded questions are the same and the LLM check agrees, then the open one is offered", async () => {
    expect(isDuplicate(Q_BLOOD, Q_BLOOD_2).duplicate).toBe(false);
    await h.send(first, `/hoi ${Q_BLOOD}`);
    const q = await h.s.prisma.question.findFirstOrThrow();
    const offer = await ask(Q_BLOOD_2);
    expect(offer.text).toContain(T.similarHeader);
    expect(offer.text).toContain(String(q.id));
    expect(fake.embeddingCalls.every((c) => c.model === "emb-test")).toBe(true);
    expect(fake.embeddingCalls.some((c) => c.input.includes(Q_BLOOD) && c.input.includes(Q_BLOOD_2))).toBe(true);
    const check = fake.calls.filter((c) => c.schemaName === "duplicates").at(-1)!;
    expect(check.user).toContain(Q_BLOOD_2);
    expect(check.user).toContain(Q_BLOOD);
    expect(await h.s.prisma.question.count()).toBe(1);
  });

  it("When the LLM check says none of the close candidates asks the same thing, then nothing is offered and the question is queued", async () => {
    sameAnswer = () => JSON.stringify({ same: [] });
    await h.send(first, `/hoi ${Q_BLOOD}`);
    const r = await ask(Q_BLOOD_2);
    expect(r.text).not.toContain(T.similarHeader);
    expect(r.text).toContain("Đã gửi câu hỏi số");
    expect(await h.s.prisma.question.count()).toBe(2);
  });

  it("When the LLM check answers malformed JSON, then the vector decision stands", async () => {
    sameAnswer = () => "{not json";
    await h.send(first, `/hoi ${Q_BLOOD}`);
    const offer = await ask(Q_BLOOD_2);
    expect(offer.text).toContain(T.similarHeader);
  });

  it("When the embedding call fails with 500, 429, a timeout or malformed JSON, then the offline method decides", async () => {
    await h.send(first, `/hoi ${Q_SUMMER}`);
    const q = await h.s.prisma.question.findFirstOrThrow();
    for (const failure of ["500", "429", "hang", "badjson"] as const) {
      const before = fake.rejected.length;
      const calls = fake.embeddingCalls.length;
      // the published answers and the open questions are each looked up once
      fake.failNext(failure, 2, "embeddings");
      const offer = await ask(Q_SUMMER_2);
      expect(offer.text, failure).toContain(T.similarHeader);
      expect(offer.text, failure).toContain(String(q.id));
      if (failure === "500" || failure === "429") expect(fake.rejected.slice(before).map((r) => r.status)).toEqual([Number(failure), Number(failure)]);
      if (failure === "badjson") expect(fake.embeddingCalls.length).toBe(calls + 2);
    }
    // the vectors of the offline pair were never what decided: the offline detector says so too
    expect(isDuplicate(Q_SUMMER, Q_SUMMER_2).duplicate).toBe(true);
    expect(await h.s.prisma.question.count()).toBe(1);
  });

  it("When the embedding failure is over, then the next question is embedded again", async () => {
    await h.send(first, `/hoi ${Q_BLOOD}`);
    fake.failNext("500", 2, "embeddings");
    const offline = await ask(Q_BLOOD_2);
    expect(offline.text).toContain("Đã gửi câu hỏi số");
    const offer = await ask(`${Q_BLOOD_2} ạ`);
    expect(offer.text).toContain(T.similarHeader);
  });
});
