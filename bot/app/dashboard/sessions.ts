/** The live sessions page: the year's sessions held in the subtree, their questions, answers and commitments. */
import type { UnitView } from "../../core/context.ts";
import { formatDate, formatDateTime } from "../../core/time.ts";
import { lastAnswers, sessionQuestions } from "../../../handlers/dialogue/api.ts";
import { dashboardText as T } from "../../../prompts/vi/dashboard.ts";
import { COLORS, yearBounds, type Block, type Cell, type Deps } from "./blocks.ts";

export async function sessionsBlocks(d: Deps, unit: UnitView, year: number): Promise<Block[]> {
  const C = T.sessions.cols;
  const { from, to } = yearBounds(year);
  const units = await d.prisma.unit.findMany({ where: { path: { startsWith: unit.path } }, select: { id: true } });
  const sessions = await d.prisma.dialogueSession.findMany({
    where: { scopeUnitId: { in: units.map((u) => u.id) }, opensAt: { gte: from, lt: to } },
    orderBy: [{ opensAt: "asc" }, { id: "asc" }],
  });
  const lines: { title: string; opens: string; questions: number; answered: number; votes: number; commitments: number; done: number }[] = [];
  const commitmentRows: Cell[][] = [];
  for (const ses of sessions) {
    const qs = await sessionQuestions(d, ses.id, { approvedOnly: true });
    const answers = await lastAnswers(d, qs.map((q) => q.id));
    const cs = await d.prisma.commitment.findMany({ where: { sessionId: ses.id }, orderBy: { id: "asc" } });
    lines.push({
      title: ses.title,
      opens: formatDateTime(ses.opensAt),
      questions: qs.length,
      answered: qs.filter((q) => answers.has(q.id)).length,
      votes: qs.reduce((a, q) => a + q.votes, 0),
      commitments: cs.length,
      done: cs.filter((c) => c.doneAt).length,
    });
    for (const c of cs) commitmentRows.push([ses.title, c.text, c.owner, formatDate(c.dueAt), c.doneAt ? formatDate(c.doneAt) : ""]);
  }
  return [
    {
      title: T.sessions.results(year),
      chart: {
        type: "bar",
        labels: lines.map((l) => l.title),
        datasets: [
          { label: C.questions, color: COLORS.blue, data: lines.map((l) => l.questions) },
          { label: C.answered, color: COLORS.green, data: lines.map((l) => l.answered) },
          { label: C.commitments, color: COLORS.amber, data: lines.map((l) => l.commitments) },
          { label: C.done, color: COLORS.teal, data: lines.map((l) => l.done) },
        ],
      },
      table: {
        columns: [
          { label: C.session },
          { label: C.opens },
          { label: C.questions, num: true },
          { label: C.answered, num: true },
          { label: C.votes, num: true },
          { label: C.commitments, num: true },
          { label: C.done, num: true },
        ],
        rows: lines.map((l) => [l.title, l.opens, l.questions, l.answered, l.votes, l.commitments, l.done]),
      },
    },
    {
      title: T.sessions.commitments,
      table: { columns: [{ label: C.session }, { label: C.text }, { label: C.owner }, { label: C.due }, { label: C.doneAt }], rows: commitmentRows },
    },
  ];
}
