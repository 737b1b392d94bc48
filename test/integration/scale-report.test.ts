import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness, TEST_ORG } from "../helpers/harness.ts";
import { buildDialogueReport } from "../../handlers/dialogue/report.ts";
import { testProvider } from "../helpers/db.ts";

const HOUR = 3_600_000;
const N = 13_000;
const TOPICS = ["viec_lam", "hoc_tap", "khac"];

/**
 * Issue 14 item 6: the province's dialogue report aggregates in the database by subtree path,
 * so a subtree with 13,000 questions in a month (far past the 998 that overflowed the bound
 * parameters on SQLite) gives the right figures.
 */
describe(`dialogue report at scale (${testProvider()})`, () => {
  let h: Harness;
  const expected = { questions: 0, answered: 0, onTime: 0, overdue: new Map<string, number>(), byTopic: new Map<string, number>() };

  beforeAll(async () => {
    h = await Harness.create({ org: TEST_ORG });
    const p = h.s.prisma;
    const units = new Map((await p.unit.findMany()).map((u) => [u.code, u]));
    const branches = ["CD-A1", "CD-A2", "CD-B1"].map((c) => units.get(c)!);
    const from = new Date("2026-10-31T17:00:00Z"); // 1 November 2026, 00:00 Vietnam time
    const qs = [];
    for (let i = 0; i < N; i++) {
      const b = branches[i % 3]!;
      qs.push({
        askerId: null,
        askerKey: `k${i % 500}`,
        askerUnitId: b.id,
        text: `Câu hỏi ${i}`,
        normText: `cau hoi ${i}`,
        topic: TOPICS[i % 3]!,
        status: i % 2 === 0 ? "answered" : "open",
        unitId: b.parentId!,
        dueAt: new Date(from.getTime() + (i % 1000) * 60_000 + 72 * HOUR),
        createdAt: new Date(from.getTime() + (i % 1000) * 60_000 + Math.floor(i / 1000) * 24 * HOUR),
      });
    }
    // one of the month before and one of the month after: not counted
    qs.push({ ...qs[0]!, text: "trước", createdAt: new Date(from.getTime() - HOUR) });
    qs.push({ ...qs[0]!, text: "sau", createdAt: new Date("2026-11-30T17:00:00Z") });
    for (let i = 0; i < qs.length; i += 200) await p.question.createMany({ data: qs.slice(i, i + 200) });
    const rows = await p.question.findMany({ orderBy: { id: "asc" }, select: { id: true, createdAt: true, unitId: true } });
    const answers = [];
    const events = [];
    for (let i = 0; i < N; i++) {
      const q = rows[i]!;
      const answered = i % 2 === 0;
      const escalated = i % 5 === 0;
      const due = q.createdAt.getTime() + 3 * HOUR;
      const answerAt = q.createdAt.getTime() + ((i % 7) + 1) * HOUR; // 1..7 hours: on time when ≤ 3 h or never overdue
      if (answered) {
        answers.push({ questionId: q.id, cadreId: 1, text: "Trả lời", signature: "", createdAt: new Date(answerAt) });
        // a second, later answer does not change the first answer's time
        if (i % 4 === 0) answers.push({ questionId: q.id, cadreId: 1, text: "Bổ sung", signature: "", createdAt: new Date(answerAt + 100 * HOUR) });
      }
      if (escalated) {
        events.push({ questionId: q.id, kind: "escalate", fromUnitId: q.unitId, toUnitId: units.get("TINH")!.id, detail: `due:${due}`, at: new Date(due + 60_000) });
        const code = [...units.values()].find((u) => u.id === q.unitId)!.code;
        expected.overdue.set(code, (expected.overdue.get(code) ?? 0) + 1);
      }
      expected.questions++;
      expected.byTopic.set(TOPICS[i % 3]!, (expected.byTopic.get(TOPICS[i % 3]!) ?? 0) + 1);
      if (answered) {
        expected.answered++;
        if (!escalated || answerAt <= due) expected.onTime++;
      }
    }
    for (let i = 0; i < answers.length; i += 300) await p.answer.createMany({ data: answers.slice(i, i + 300) });
    for (let i = 0; i < events.length; i += 300) await p.questionEvent.createMany({ data: events.slice(i, i + 300) });
  }, 300_000);

  afterAll(async () => h?.close());

  it("When the province's report covers 13,000 questions of a month, then every figure is right", async () => {
    const tinh = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "TINH" } });
    const r = await buildDialogueReport(h.s.prisma, tinh, "2026-11");
    expect(r.totals.questions).toBe(expected.questions);
    expect(r.totals.answered).toBe(expected.answered);
    expect(r.totals.answeredOnTime).toBe(expected.onTime);
    expect(r.totals.onTimeShare).toBe(Math.round((expected.onTime / expected.answered) * 1000) / 1000);
    // first answers are 1..7 hours after the question: the median of the answered ones
    expect(r.totals.medianHoursToAnswer).toBe(4);
    for (const [topic, n] of expected.byTopic) expect(r.byTopic.find((t) => t.topic === topic)!.questions).toBe(n);
    expect(Object.fromEntries(r.overdueByUnit.map((o) => [o.unitCode, o.overdue]))).toEqual(Object.fromEntries(expected.overdue));
  }, 60_000);

  it("When the report covers one commune, then only its branches' questions count", async () => {
    const xa = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "XA-A" } });
    const r = await buildDialogueReport(h.s.prisma, xa, "2026-11");
    // CD-A1 and CD-A2 hold two thirds of the questions (i % 3 = 0, 1)
    expect(r.totals.questions).toBe(Math.ceil(N / 3) + Math.ceil((N - 1) / 3));
    expect(r.overdueByUnit.map((o) => o.unitCode)).toEqual(["XA-A"]);
  }, 60_000);
});
