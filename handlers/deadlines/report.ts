import type { UnitView } from "../../bot/core/context.ts";
import { formatDate, formatDateTime, parseMonthKey, vnDate } from "../../bot/core/time.ts";
import type { Db } from "../../prisma/db.ts";
import { toCsv, type ReportFn } from "../reports.ts";
import { formatDue } from "./rules.ts";

export type AssignmentStatus = "on_time" | "late" | "overdue" | "open";

export interface DeadlineRow {
  task_id: number;
  title: string;
  given_by: string;
  unit_code: string;
  unit_name: string;
  due: string;
  done_at: string;
  status: AssignmentStatus;
  note: string;
}

export function statusOf(dueAt: Date, doneAt: Date | null, now: Date): AssignmentStatus {
  if (doneAt) return doneAt.getTime() <= dueAt.getTime() ? "on_time" : "late";
  return now.getTime() > dueAt.getTime() ? "overdue" : "open";
}

const CHUNK = 1000;

/**
 * Tasks due in the month (Vietnam time), one row per task and unit of the report unit's
 * subtree: due, done at, and on time / late / overdue / still open.
 */
export async function buildDeadlinesReport(prisma: Db, unit: UnitView, month: string, now: Date): Promise<DeadlineRow[]> {
  const m = parseMonthKey(month);
  if (!m) throw new Error(`bad month ${month}`);
  const from = vnDate(m.year, m.month, 1);
  const to = vnDate(m.month === 12 ? m.year + 1 : m.year, m.month === 12 ? 1 : m.month + 1, 1);
  const tasks = await prisma.task.findMany({ where: { dueAt: { gte: from, lt: to } }, orderBy: [{ dueAt: "asc" }, { id: "asc" }] });
  if (!tasks.length) return [];
  const units = await prisma.unit.findMany({ where: { path: { startsWith: unit.path } }, select: { id: true, code: true, name: true } });
  const inTree = new Map(units.map((u) => [u.id, u]));
  const givers = await prisma.unit.findMany({ where: { id: { in: [...new Set(tasks.map((t) => t.unitId))] } }, select: { id: true, name: true } });
  const giverName = new Map(givers.map((g) => [g.id, g.name]));
  const rows: DeadlineRow[] = [];
  for (let i = 0; i < tasks.length; i += CHUNK) {
    const chunk = tasks.slice(i, i + CHUNK);
    const byId = new Map(chunk.map((t) => [t.id, t]));
    const assignments = await prisma.taskAssignment.findMany({ where: { taskId: { in: chunk.map((t) => t.id) } }, orderBy: [{ taskId: "asc" }, { id: "asc" }] });
    for (const a of assignments) {
      const u = inTree.get(a.unitId);
      const t = byId.get(a.taskId);
      if (!u || !t) continue;
      rows.push({
        task_id: t.id,
        title: t.title,
        given_by: giverName.get(t.unitId) ?? "",
        unit_code: u.code,
        unit_name: u.name,
        due: formatDue(t.dueAt),
        done_at: a.doneAt ? formatDateTime(a.doneAt) : "",
        status: statusOf(t.dueAt, a.doneAt, now),
        note: a.note ?? "",
      });
    }
  }
  return rows;
}

export const deadlinesReport: ReportFn = async ({ prisma, now: at }, unit, month, format) => {
  const now = at ?? new Date();
  const rows = await buildDeadlinesReport(prisma, unit, month, now);
  if (format === "json") {
    const totals = { on_time: 0, late: 0, overdue: 0, open: 0 };
    for (const r of rows) totals[r.status]++;
    return JSON.stringify({ unit: { code: unit.code, name: unit.name }, month, generated: formatDate(now), totals, rows }, null, 2) + "\n";
  }
  return toCsv(rows as unknown as Record<string, string | number>[], ["task_id", "title", "given_by", "unit_code", "unit_name", "due", "done_at", "status", "note"]);
};
