import type { UnitView } from "../../bot/core/context.ts";
import { parseMonthKey, vnDate } from "../../bot/core/time.ts";
import type { Db } from "../../prisma/db.ts";
import { toCsv, type ReportFn } from "../reports.ts";

export interface DialogueReport {
  unit: { code: string; name: string };
  month: string;
  totals: TopicLine;
  byTopic: (TopicLine & { topic: string; label: string })[];
  overdueByUnit: { unitCode: string; unitName: string; overdue: number }[];
}

interface TopicLine {
  questions: number;
  answered: number;
  answeredOnTime: number;
  /** Share of answered questions answered on time (0–1), null when none was answered. */
  onTimeShare: number | null;
  medianHoursToAnswer: number | null;
}

const CHUNK = 5000;

function median(values: number[]): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  const m = v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

function line(rows: { answered: boolean; onTime: boolean; hours: number | null }[]): TopicLine {
  const answered = rows.filter((r) => r.answered);
  const onTime = answered.filter((r) => r.onTime).length;
  return {
    questions: rows.length,
    answered: answered.length,
    answeredOnTime: onTime,
    onTimeShare: answered.length ? Math.round((onTime / answered.length) * 1000) / 1000 : null,
    medianHoursToAnswer: median(answered.map((r) => r.hours!).filter((h) => h !== null)),
  };
}

/**
 * The month's questions asked in a unit's subtree (Vietnam time): by topic, share answered
 * on time (first answer before the question ever went overdue), median hours to the first
 * answer, and overdue questions by the unit that let them go overdue. Aggregates only:
 * no asker, no text, so anonymous questions cannot leak.
 */
export async function buildDialogueReport(prisma: Db, unit: UnitView, month: string): Promise<DialogueReport> {
  const m = parseMonthKey(month);
  if (!m) throw new Error(`bad month ${month}`);
  const from = vnDate(m.year, m.month, 1);
  const to = vnDate(m.month === 12 ? m.year + 1 : m.year, m.month === 12 ? 1 : m.month + 1, 1);
  const units = await prisma.unit.findMany({ where: { path: { startsWith: unit.path } }, select: { id: true, code: true, name: true } });
  const unitIds = units.map((u) => u.id);
  const questions: { id: number; topic: string; createdAt: Date; escalationLevel: number }[] = [];
  for (let i = 0; i < unitIds.length; i += CHUNK) {
    questions.push(
      ...(await prisma.question.findMany({
        where: { askerUnitId: { in: unitIds.slice(i, i + CHUNK) }, createdAt: { gte: from, lt: to } },
        select: { id: true, topic: true, createdAt: true, escalationLevel: true },
      })),
    );
  }
  const ids = questions.map((q) => q.id);
  const firstAnswer = new Map<number, Date>();
  const escalations: { questionId: number; fromUnitId: number | null; at: Date; detail: string | null }[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const slice = ids.slice(i, i + CHUNK);
    const answers = await prisma.answer.groupBy({ by: ["questionId"], where: { questionId: { in: slice } }, _min: { createdAt: true } });
    for (const a of answers) if (a._min.createdAt) firstAnswer.set(a.questionId, a._min.createdAt);
    escalations.push(
      ...(await prisma.questionEvent.findMany({
        where: { questionId: { in: slice }, kind: "escalate" },
        select: { questionId: true, fromUnitId: true, at: true, detail: true },
      })),
    );
  }
  // the first escalation carries the first due time ("due:<ms>"): an answer after it is late
  const firstDue = new Map<number, Date>();
  for (const e of escalations) {
    const due = new Date(Number(/^due:(\d+)$/.exec(e.detail ?? "")?.[1] ?? e.at.getTime()));
    const prev = firstDue.get(e.questionId);
    if (!prev || due < prev) firstDue.set(e.questionId, due);
  }
  const topics = await prisma.topic.findMany({ orderBy: [{ sortOrder: "asc" }, { key: "asc" }] });
  const facts = questions.map((q) => {
    const answeredAt = firstAnswer.get(q.id);
    const due = firstDue.get(q.id);
    return {
      topic: q.topic,
      answered: !!answeredAt,
      onTime: !!answeredAt && (!due || answeredAt <= due),
      hours: answeredAt ? (answeredAt.getTime() - q.createdAt.getTime()) / 3_600_000 : null,
    };
  });
  const known = new Set(topics.map((t) => t.key));
  const byTopic = [
    ...topics.map((t) => ({ topic: t.key, label: t.label })),
    ...[...new Set(facts.map((f) => f.topic))].filter((k) => !known.has(k)).map((k) => ({ topic: k, label: k })),
  ].map((t) => ({ ...t, ...line(facts.filter((f) => f.topic === t.topic)) }));

  const overdue = new Map<number, number>();
  for (const e of escalations) if (e.fromUnitId !== null) overdue.set(e.fromUnitId, (overdue.get(e.fromUnitId) ?? 0) + 1);
  const names = new Map(units.map((u) => [u.id, u]));
  const outside = [...overdue.keys()].filter((id) => !names.has(id));
  if (outside.length) {
    for (const u of await prisma.unit.findMany({ where: { id: { in: outside } }, select: { id: true, code: true, name: true } })) names.set(u.id, u);
  }
  const overdueByUnit = [...overdue.entries()]
    .map(([id, n]) => ({ unitCode: names.get(id)?.code ?? String(id), unitName: names.get(id)?.name ?? "", overdue: n }))
    .sort((a, b) => b.overdue - a.overdue || a.unitCode.localeCompare(b.unitCode));

  return { unit: { code: unit.code, name: unit.name }, month, totals: line(facts), byTopic, overdueByUnit };
}

export const dialogueReport: ReportFn = async ({ prisma }, unit, month, format) => {
  const r = await buildDialogueReport(prisma, unit, month);
  if (format === "json") return JSON.stringify(r, null, 2) + "\n";
  const columns = ["section", "key", "label", "questions", "answered", "answered_on_time", "on_time_share", "median_hours_to_answer", "overdue"];
  const topicRow = (section: string, key: string, label: string, l: TopicLine) => ({
    section,
    key,
    label,
    questions: l.questions,
    answered: l.answered,
    answered_on_time: l.answeredOnTime,
    on_time_share: l.onTimeShare,
    median_hours_to_answer: l.medianHoursToAnswer,
    overdue: null,
  });
  const rows = [
    topicRow("total", r.unit.code, r.unit.name, r.totals),
    ...r.byTopic.map((t) => topicRow("topic", t.topic, t.label, t)),
    ...r.overdueByUnit.map((o) => ({ section: "overdue_by_unit", key: o.unitCode, label: o.unitName, overdue: o.overdue })),
  ];
  return toCsv(rows, columns);
};
