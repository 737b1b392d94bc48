import type { UnitView } from "../../bot/core/context.ts";
import { parseMonthKey, vnDate } from "../../bot/core/time.ts";
import type { Db } from "../../prisma/db.ts";
import { toCsv, type ReportFn } from "../reports.ts";

export interface DialogueReport {
  unit: { code: string; name: string };
  month: string;
  totals: TopicLine;
  byTopic: (TopicLine & { topic: string; label: string })[];
  overdueByUnit: { unitCode: string; unitName: string; overdue: Count }[];
  /** Questions merged into another (their askers answered with it). */
  merged: Count;
}

/** Counts from 1 to 4 are shown as "<5" (small cells could point at a person); 0 and 5 or more as they are. */
export const SUPPRESS_BELOW = 5;
export type Count = number | "<5";

interface RawLine {
  questions: number;
  answered: number;
  answeredOnTime: number;
  onTimeShare: number | null;
  medianHoursToAnswer: number | null;
}

interface TopicLine {
  questions: Count;
  answered: Count;
  answeredOnTime: Count;
  /** Share of answered questions answered on time (0–1); null when fewer than 5 were answered. */
  onTimeShare: number | null;
  /** Null when fewer than 5 were answered. */
  medianHoursToAnswer: number | null;
}

export function hideSmall(n: number): Count {
  return n > 0 && n < SUPPRESS_BELOW ? "<5" : n;
}

function suppressed(l: RawLine): TopicLine {
  const few = l.answered < SUPPRESS_BELOW;
  return {
    questions: hideSmall(l.questions),
    answered: hideSmall(l.answered),
    answeredOnTime: hideSmall(l.answeredOnTime),
    onTimeShare: few ? null : l.onTimeShare,
    medianHoursToAnswer: few ? null : l.medianHoursToAnswer,
  };
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  const m = v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

function line(rows: { answered: boolean; onTime: boolean; hours: number | null }[]): RawLine {
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

/** A date as the driver returns it: a Date for a typed column, text or a number for an aggregate on SQLite. */
function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === "number" || typeof v === "bigint") return new Date(Number(v));
  const s = String(v);
  return new Date(/^\d+$/.test(s) ? Number(s) : s);
}

interface FactRow {
  topic: string;
  createdAt: unknown;
  firstAnswer: unknown;
  dueDetail: string | null;
  dueAt: unknown;
  status: string;
}

/**
 * The month's questions asked in a unit's subtree (Vietnam time): by topic, share answered
 * on time (first answer before the question ever went overdue), median hours to the first
 * answer, and overdue questions by the unit that let them go overdue. Aggregates only:
 * no asker, no text, so anonymous questions cannot leak. An anonymous question is counted
 * under the unit that first held it (its `askerUnitId`, set so when it was asked: never the
 * asker's branch, see resolveAnonRoute), and every count from 1 to 4 is shown
 * as "<5" (with no share nor median under 5 answers).
 *
 * The subtree is joined by its path prefix and each question's first answer and first due
 * time are read by correlated sub-queries: two statements with four parameters each,
 * whatever the number of units or questions (no list of ids is ever bound).
 */
export async function buildDialogueReport(prisma: Db, unit: UnitView, month: string, opts: { suppress?: boolean } = {}): Promise<DialogueReport> {
  const shown = opts.suppress === false ? (l: RawLine): TopicLine => l : suppressed;
  const count = opts.suppress === false ? (n: number): Count => n : hideSmall;
  const m = parseMonthKey(month);
  if (!m) throw new Error(`bad month ${month}`);
  const from = vnDate(m.year, m.month, 1);
  const to = vnDate(m.month === 12 ? m.year + 1 : m.year, m.month === 12 ? 1 : m.month + 1, 1);
  const subtree = `${unit.path}%`;
  const rows = await prisma.$queryRaw<FactRow[]>`
    SELECT q."topic" AS "topic", q."createdAt" AS "createdAt",
      (SELECT MIN(a."createdAt") FROM "Answer" a WHERE a."questionId" = COALESCE(q."mergedIntoId", q."id")) AS "firstAnswer",
      q."status" AS "status",
      (SELECT MIN(e."detail") FROM "QuestionEvent" e
        WHERE e."questionId" = q."id" AND e."kind" = 'escalate' AND e."detail" LIKE 'due:%') AS "dueDetail",
      (SELECT MIN(e."at") FROM "QuestionEvent" e
        WHERE e."questionId" = q."id" AND e."kind" = 'escalate' AND (e."detail" IS NULL OR e."detail" NOT LIKE 'due:%')) AS "dueAt"
    FROM "Unit" u JOIN "Question" q ON q."askerUnitId" = u."id"
    WHERE u."path" LIKE ${subtree} AND q."createdAt" >= ${from} AND q."createdAt" < ${to}`;
  // the first escalation carries the first due time ("due:<ms>"): an answer after it is late
  const facts = rows.map((r) => {
    const answeredAt = toDate(r.firstAnswer);
    const created = toDate(r.createdAt)!;
    const fromDetail = r.dueDetail ? Number(/^due:(\d+)$/.exec(r.dueDetail)?.[1] ?? NaN) : NaN;
    const dues = [Number.isFinite(fromDetail) ? fromDetail : null, toDate(r.dueAt)?.getTime() ?? null].filter((x): x is number => x !== null);
    const due = dues.length ? Math.min(...dues) : null;
    return {
      topic: r.topic,
      answered: !!answeredAt,
      onTime: !!answeredAt && (due === null || answeredAt.getTime() <= due),
      // a merged question is answered by the question it joined (never before it was asked)
      hours: answeredAt ? Math.max(0, answeredAt.getTime() - created.getTime()) / 3_600_000 : null,
    };
  });
  const topics = await prisma.topic.findMany({ orderBy: [{ sortOrder: "asc" }, { key: "asc" }] });
  const known = new Set(topics.map((t) => t.key));
  const byTopic = [
    ...topics.map((t) => ({ topic: t.key, label: t.label })),
    ...[...new Set(facts.map((f) => f.topic))].filter((k) => !known.has(k)).map((k) => ({ topic: k, label: k })),
  ].map((t) => ({ ...t, ...shown(line(facts.filter((f) => f.topic === t.topic))) }));

  // escalations of these questions, counted in the database by the unit they left
  const overdue = await prisma.$queryRaw<{ code: string | null; name: string | null; unitId: unknown; n: unknown }[]>`
    SELECT e."fromUnitId" AS "unitId", f."code" AS "code", f."name" AS "name", COUNT(*) AS "n"
    FROM "Unit" u
      JOIN "Question" q ON q."askerUnitId" = u."id"
      JOIN "QuestionEvent" e ON e."questionId" = q."id"
      LEFT JOIN "Unit" f ON f."id" = e."fromUnitId"
    WHERE u."path" LIKE ${subtree} AND q."createdAt" >= ${from} AND q."createdAt" < ${to}
      AND e."kind" = 'escalate' AND e."fromUnitId" IS NOT NULL
    GROUP BY e."fromUnitId", f."code", f."name"`;
  const overdueByUnit = overdue
    .map((o) => ({ unitCode: o.code ?? String(o.unitId), unitName: o.name ?? "", n: Number(o.n) }))
    .sort((a, b) => b.n - a.n || a.unitCode.localeCompare(b.unitCode))
    .map(({ n, ...o }) => ({ ...o, overdue: count(n) }));

  const merged = count(rows.filter((r) => r.status === "merged").length);
  return { unit: { code: unit.code, name: unit.name }, month, totals: shown(line(facts)), byTopic, overdueByUnit, merged };
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
    { section: "merged", key: r.unit.code, label: r.unit.name, questions: r.merged },
  ];
  return toCsv(rows, columns);
};
