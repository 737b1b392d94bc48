/**
 * Issue 9, items 3 and 4: merging questions (one answer reaches every asker, an anonymous
 * asker stays anonymous, only a cadre who may answer both merges, the report counts merges),
 * and answers that stay right (a follow-up has its own answer in the thread, joiners get
 * follow-ups only when they asked for them, /cauhoi lists joined questions, /congbo publishes
 * the text the cadre chose and edited and tells the asker).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { dialogueText as T } from "../../prompts/vi/dialogue.ts";
import { buildDialogueReport } from "../../handlers/dialogue/report.ts";

const Q_LOAN = "Thanh niên ở xã muốn vay vốn khởi nghiệp nuôi bò thì cần thủ tục gì và vay ở đâu ạ?";
const Q_LOAN_2 = "Cho em hỏi thủ tục vay vốn khởi nghiệp nuôi bò cho thanh niên ở xã mình với ạ?";
const Q_FEES = "Đoàn phí hằng tháng của đoàn viên là bao nhiêu tiền và nộp cho ai?";
const Q_FEES_2 = "Mỗi tháng đoàn viên phải đóng đoàn phí bao nhiêu và đóng cho ai vậy?";
const ANSWER = "Bạn liên hệ Tổ tiết kiệm và vay vốn của xã, mang theo CCCD và phương án sản xuất.";

let h: Harness;
let cadreA: TestUser;
let cadreB: TestUser;
let n = 0;

beforeAll(async () => {
  h = await Harness.create({ org: TEST_ORG, env: { ANON_BATCH_MINUTES: "0", FLOOD_MAX_MESSAGES: "100000" } });
  cadreA = h.user("Lê Cán Bộ A");
  cadreB = h.user("Hồ Cán Bộ B");
  await h.join(cadreA, "cadre", "XA-A", undefined, "Phó Bí thư Đoàn xã A");
  await h.join(cadreB, "cadre", "XA-B");
}, 60_000);
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.unread(cadreA);
  await h.unread(cadreB);
});

/** A new youth of a branch. */
async function youth(branch = "CD-A1"): Promise<TestUser> {
  const u = h.user(`Đoàn Viên ${++n}`);
  await h.join(u, "youth", branch);
  return u;
}

/** Ask (anonymously or not), sending anyway when similar questions are offered; the question row. */
async function ask(u: TestUser, text: string, anonymous = false) {
  const out = await h.send(u, `/${anonymous ? "hoian" : "hoi"} ${text}`);
  if (out.some((m) => m.buttons?.some((b) => b.label === T.choiceSendAnyway))) await h.press(u, T.choiceSendAnyway);
  await h.unread(u);
  return h.s.prisma.question.findFirstOrThrow({ orderBy: { id: "desc" } });
}

describe("merging questions", () => {
  it("When a cadre merges a question into another, then one answer reaches both askers and the merged asker's /cauhoi tells where it went", async () => {
    const y1 = await youth();
    const y2 = await youth("CD-A2");
    const a = await ask(y1, Q_LOAN);
    const b = await ask(y2, Q_LOAN_2);
    expect(b.id).not.toBe(a.id);
    await h.unread(cadreA);

    const [done] = await h.send(cadreA, `/gop ${a.id} ${b.id}`);
    expect(done!.text).toBe(T.merged(a.id, b.id, 1));
    const rowB = await h.s.prisma.question.findUniqueOrThrow({ where: { id: b.id } });
    expect([rowB.status, rowB.mergedIntoId]).toEqual(["merged", a.id]);
    expect((await h.unread(y2)).map((m) => m.text)).toEqual([T.mergedAsker(b.id, a.id)]);
    // merging again is refused: b no longer waits
    expect((await h.send(cadreA, `/gop ${a.id} ${b.id}`))[0]!.text).toBe(T.mergeNotOpen(b.id));

    const [told] = await h.send(cadreA, `/traloi ${a.id} ${ANSWER}`);
    expect(told!.text).toBe(T.answered(a.id, 2));
    expect((await h.unread(y1))[0]!.text).toContain(ANSWER);
    const toB = await h.unread(y2);
    expect(toB[0]!.text).toContain(ANSWER);
    // a merged asker asked for the answer: follow-ups too, no offer needed
    expect(toB[0]!.buttons ?? []).toEqual([]);

    const [mine] = await h.send(y2, "/cauhoi");
    expect(mine!.text).toContain(`${T.status.merged} (${T.mergedInto(a.id)})`);
    expect(mine!.text).toContain(T.joinedHeader);

    const xa = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "XA-A" } });
    const report = await buildDialogueReport(h.s.prisma, { ...xa, isBranch: false } as never, "2026-11", { suppress: false });
    expect(report.merged).toBe(1);
  });

  it("When an anonymous question is merged, then its asker gets the answer through the anonymous target and no row or message names them", async () => {
    const named = await youth();
    const secret = await youth("CD-A2");
    const secretId = await h.personId(secret);
    const a = await ask(named, Q_FEES);
    const b = await ask(secret, Q_FEES_2, true);
    expect(b.askerId).toBeNull();
    await h.unread(cadreA);

    const [done] = await h.press(cadreA, T.btnMerge).then(async (prompt) => {
      expect(prompt[0]!.text).toContain(T.mergePrompt(b.publicRef!));
      return h.send(cadreA, String(a.id));
    });
    expect(done!.text).toBe(T.merged(a.id, b.publicRef!, 1));
    expect(done!.text).not.toContain(secret.name);

    const vote = await h.s.prisma.questionVote.findFirstOrThrow({ where: { questionId: a.id } });
    expect(vote.anonymous).toBe(true);
    expect(vote.voterKey).not.toBe(h.s.secrets.pseudonym("voter", secretId));
    // the address is sealed: only the app key opens it
    expect(vote.deliverTo).not.toBe(String(secretId));
    expect(h.s.secrets.open(vote.deliverTo!)).toBe(String(secretId));
    const events = await h.s.prisma.questionEvent.findMany({ where: { questionId: { in: [a.id, b.id] } } });
    expect(events.every((e) => e.actorId !== secretId && !(e.detail ?? "").includes(String(secretId)))).toBe(true);

    await h.send(cadreA, `/traloi ${a.id} Đoàn phí là 2.000 đồng mỗi tháng, nộp cho bí thư chi đoàn.`);
    const got = await h.unread(secret);
    expect(got.map((m) => m.text).join("\n")).toContain("2.000 đồng");
    // every row to the anonymous asker is sealed: no person, no plain chat id
    const rows = await h.s.prisma.outboxMessage.findMany({ where: { OR: [{ personId: secretId }, { chatId: secret.id }] } });
    expect(rows.filter((r) => r.payload.includes("Đoàn phí") || r.payload.includes(b.publicRef!))).toEqual([]);
    // the cadre never saw the asker's name
    const cadreSaw = (await h.messages(cadreA)).map((m) => m.text).join("\n");
    expect(cadreSaw).not.toContain(secret.name);
  });

  it("When the merge prompt suggests a similar question, then typing a question's number (under 100) names that question, not the n-th suggestion", async () => {
    const y1 = await youth();
    const y2 = await youth("CD-A2");
    const a = await ask(y1, Q_LOAN);
    const b = await ask(y2, Q_LOAN_2);
    expect(b.id).toBeLessThan(100);
    await h.unread(cadreA);
    const [prompt] = await h.press(cadreA, T.btnMerge);
    expect(prompt!.text).toContain(T.mergePrompt(b.id));
    // the older question is suggested as a button...
    expect(prompt!.buttons!.map((x) => x.label)).toContain(T.btnMergeInto(a.id));
    // ...and the cadre types its number instead
    const [done] = await h.send(cadreA, String(a.id));
    expect(done!.text).toBe(T.merged(a.id, b.id, 1));
  });

  it("When a cadre may not answer both questions, then the merge is refused and nothing changes", async () => {
    const y1 = await youth();
    const y2 = await youth("CD-B1");
    const a = await ask(y1, "Chi đoàn thôn em muốn tổ chức giải bóng đá thanh niên thì xin kinh phí ở đâu ạ?");
    const b = await ask(y2, "Xã em muốn mở lớp dạy bơi miễn phí cho thiếu nhi trong hè thì liên hệ ai ạ?");
    expect((await h.send(cadreB, `/gop ${a.id} ${b.id}`))[0]!.text).toBe(T.notYours(a.id));
    expect((await h.send(cadreA, `/gop ${a.id} ${b.id}`))[0]!.text).toBe(T.notYours(b.id));
    expect((await h.send(cadreA, `/gop ${a.id}`))[0]!.text).toBe(T.mergeUsage);
    expect((await h.s.prisma.question.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("open");
  });
});

describe("answers that stay right", () => {
  it("When a follow-up is answered and published, then it is its own answer, joiners get it only when they asked, and the FAQ holds the cadre's edited text", async () => {
    const asker = await youth();
    const quiet = await youth();
    const keen = await youth();
    const q = await ask(asker, "Sinh viên nghèo vượt khó có được xét học bổng của Tỉnh đoàn không ạ?");
    for (const j of [quiet, keen]) await h.send(j, `/cunghoi ${q.id}`);
    // /cauhoi lists a question joined with "tôi cũng hỏi vậy"
    const [joined] = await h.send(quiet, "/cauhoi");
    expect(joined!.text).toContain(T.joinedHeader);
    expect(joined!.text).toContain(`Số ${q.id}`);

    await h.send(cadreA, `/traloi ${q.id} Có, mỗi năm Tỉnh đoàn xét 100 suất học bổng.`);
    const [first] = await h.unread(keen);
    expect(first!.text).toContain(T.joinerFollowHint(q.id));
    const [on] = await h.press(keen, T.btnFollowUps);
    expect(on!.text).toBe(T.followUpsOn(q.id));
    await h.unread(quiet);

    // the asker says "chưa rõ" and follows up
    await h.unread(asker);
    await h.press(asker, T.btnUnclear);
    await h.send(asker, "Hồ sơ gồm những gì và nộp trước ngày nào ạ? Em là Nguyễn Văn Minh, SĐT 0912345678.");
    const fu = await h.unread(cadreA);
    expect(fu.map((m) => m.text).join("\n")).toContain("Hồ sơ gồm những gì");
    await h.send(cadreA, `/traloi ${q.id} Hồ sơ gồm đơn và giấy xác nhận hộ nghèo, nộp trước 30/11.`);

    const answers = await h.s.prisma.answer.findMany({ where: { questionId: q.id }, orderBy: { id: "asc" } });
    expect(answers.map((a) => a.followUpId === null)).toEqual([true, false]);
    const [toAsker] = await h.unread(asker);
    expect(toAsker!.text).toContain("Hồ sơ gồm những gì");
    expect(toAsker!.text).toContain("giấy xác nhận hộ nghèo");
    expect((await h.unread(keen)).map((m) => m.text).join("\n")).toContain("giấy xác nhận hộ nghèo");
    expect(await h.unread(quiet)).toEqual([]);

    // publishing: the whole thread is offered; the cadre edits the personal details out
    const [preview] = await h.send(cadreA, `/congbo ${q.id}`);
    expect(preview!.text).toContain("100 suất học bổng");
    expect(preview!.text).toContain("giấy xác nhận hộ nghèo");
    expect(preview!.text).toContain("0912345678");
    expect(preview!.buttons!.map((b) => b.label)).toEqual([T.btnPublish, T.btnEditQuestion, T.btnEditAnswer, T.btnCancel]);
    const [askQ] = await h.press(cadreA, T.btnEditQuestion);
    expect(askQ!.text).toBe(T.publishEditQuestion(q.id));
    const editedQ = "Sinh viên nghèo vượt khó có được xét học bổng của Tỉnh đoàn không, hồ sơ gồm những gì?";
    await h.send(cadreA, editedQ);
    const editedA = "Có, mỗi năm Tỉnh đoàn xét 100 suất học bổng. Hồ sơ gồm đơn và giấy xác nhận hộ nghèo, nộp trước 30/11.\n\n— Phó Bí thư Đoàn xã A";
    await h.send(cadreA, `/congbo ${q.id} traloi ${editedA}`);
    const [pub] = await h.press(cadreA, T.btnPublish);
    expect(pub!.text).toBe(T.published(q.id, "Đoàn xã A"));
    const entry = await h.s.prisma.faqEntry.findUniqueOrThrow({ where: { questionId: q.id } });
    expect(entry.question).toBe(editedQ);
    expect(entry.answer).toBe(editedA);
    expect(entry.answer).not.toContain("0912345678");
    expect((await h.unread(asker)).map((m) => m.text)).toEqual([T.publishedAsker(q.id)]);
    const [found] = await h.send(quiet, "/faq hoc bong ho ngheo");
    expect(found!.text).toContain("giấy xác nhận hộ nghèo");
  });
});
