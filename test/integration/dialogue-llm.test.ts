import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import { Llm } from "../../bot/core/llm.ts";
import { dialogueText as T } from "../../prompts/vi/dialogue.ts";
import { FakeOpenAI, type ChatCall } from "../fakes/openai.ts";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";

const Q_LOAN = "Thanh niên ở xã muốn vay vốn khởi nghiệp nuôi bò thì cần thủ tục gì và vay ở đâu ạ?";

/** A model that answers like a real one would, from the request it was given. */
function respond(c: ChatCall): string {
  if (c.schemaName === "classify") return JSON.stringify({ topic: c.user.includes("bò") ? "viec_lam" : "khac", confidence: 0.9 });
  if (c.schemaName === "moderate") return JSON.stringify({ flagged: /lừa|bịp/.test(c.user), reason: "" });
  return "Bản nháp: bạn liên hệ Tổ tiết kiệm và vay vốn của xã.";
}

describe("Dialogue with an LLM configured (fake OpenAI-compatible server)", () => {
  let fake: FakeOpenAI;
  let h: Harness;
  let youth: TestUser;
  let cadre: TestUser;

  beforeAll(async () => {
    fake = await FakeOpenAI.start({ responder: respond });
  });
  afterAll(() => fake.close());
  beforeEach(async () => {
    const llm = new Llm({ apiKey: fake.apiKey, baseURL: fake.url, model: "m", timeoutMs: 3000 }, pino({ level: "silent" }));
    h = await Harness.create({ org: TEST_ORG, llm });
    youth = h.user("Hỏi LLM");
    cadre = h.user("Cán bộ LLM");
    await h.join(youth, "youth", "CD-A1");
    await h.join(cadre, "cadre", "XA-A");
  });
  afterEach(() => h.close());

  it("When the LLM answers, then its topic is used (deliberately different from the offline one here)", async () => {
    await h.send(youth, `/hoi ${Q_LOAN}`);
    const q = await h.s.prisma.question.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(q.topic).toBe("viec_lam"); // the offline classifier says khoi_nghiep
    expect(fake.calls.some((c) => c.schemaName === "classify")).toBe(true);
  });

  it("When the LLM fails with 500, 429 or a timeout, then the offline classifier decides and the question is queued", async () => {
    for (const failure of ["500", "429", "hang"] as const) {
      fake.failNext(failure, 2); // moderation and classification both fail
      const [sent] = await h.send(youth, `/hoi ${Q_LOAN} (${failure})`);
      expect(sent!.text).toContain("Đã gửi câu hỏi số");
      const q = await h.s.prisma.question.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(q.topic).toBe("khoi_nghiep");
    }
  });

  it("When the LLM flags a question as abusive, then it is refused and not queued", async () => {
    const [r] = await h.send(youth, "/hoi Cán bộ xã toàn lừa bịp thanh niên, đúng không?");
    expect(r!.text).toBe(T.abusive);
    expect(await h.s.prisma.question.count()).toBe(0);
  });

  it("When a cadre opens a question with published answers, then an LLM draft is offered, marked as a draft, and never sent to the asker", async () => {
    await h.send(youth, `/hoi ${Q_LOAN}`);
    const q1 = await h.s.prisma.question.findFirstOrThrow({ orderBy: { id: "desc" } });
    await h.send(cadre, `/traloi ${q1.id} Bạn liên hệ Tổ tiết kiệm và vay vốn của xã, mang theo CCCD.`);
    await h.send(cadre, `/congbo ${q1.id} ok`);
    const other = h.user("Người hỏi sau");
    await h.join(other, "youth", "CD-A2");
    await h.send(other, "/hoi Muốn vay vốn nuôi bò để khởi nghiệp thì làm hồ sơ ở đâu vậy ạ?");
    const sendAnyway = (await h.messages(other)).at(-1)!;
    if (sendAnyway.buttons?.some((b) => b.label === T.choiceSendAnyway)) await h.press(other, T.choiceSendAnyway);
    const q2 = await h.s.prisma.question.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(q2.id).not.toBe(q1.id);
    const msgs = await h.send(cadre, `/traloi ${q2.id}`);
    const draft = msgs.find((m) => m.text.startsWith(T.draftHeader));
    expect(draft!.text).toContain("Bản nháp: bạn liên hệ Tổ tiết kiệm");
    expect((await h.messages(other)).some((m) => m.text.includes("Bản nháp"))).toBe(false);
  });
});
