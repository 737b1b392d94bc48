/**
 * Recurring tasks: "monthly:N" (day N of every month, the last day when shorter) or
 * "yearly:dd/mm". Each occurrence is a task of its own, with its own assignments, reminders and
 * overdue digests; the next one is created when the current one falls due (a job), once per
 * series and due date (a unique key), so a re-run or a second instance adds nothing.
 */
import type { Ctx, Services } from "../../bot/core/context.ts";
import { cancelJobs } from "../../bot/core/jobs.ts";
import { isInSubtree } from "../../bot/domain/org.ts";
import { deadlinesText as T } from "../../prompts/vi/deadlines.ts";
import { isUniqueViolation } from "../../bot/core/outbox/outbox.ts";
import { vnDate, vnParts } from "../../bot/core/time.ts";
import { deadlinesMoreText as M } from "../../prompts/vi/deadlines.ts";
import { JOB_RECUR, createTask, recurKey } from "./service.ts";
import { remindDaysOf } from "./rules.ts";

export { JOB_RECUR, recurKey } from "./service.ts";

export type Recurrence = { kind: "monthly"; day: number } | { kind: "yearly"; day: number; month: number };

export function parseRecurrence(raw: string | null): Recurrence | null {
  if (!raw) return null;
  let m = /^monthly:(\d{1,2})$/.exec(raw);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 31) return { kind: "monthly", day: Number(m[1]) };
  m = /^yearly:(\d{2})\/(\d{2})$/.exec(raw);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 31 && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { kind: "yearly", day: Number(m[1]), month: Number(m[2]) };
  return null;
}

/** The rule for a due date: the same day every month, or the same day and month every year. */
export function recurrenceFor(kind: "monthly" | "yearly", due: Date): string {
  const p = vnParts(due);
  return kind === "monthly" ? `monthly:${p.day}` : `yearly:${String(p.day).padStart(2, "0")}/${String(p.month).padStart(2, "0")}`;
}

export function describeRecurrence(raw: string | null): string | null {
  const r = parseRecurrence(raw);
  if (!r) return null;
  return r.kind === "monthly" ? M.recurMonthly(r.day) : M.recurYearly(`${String(r.day).padStart(2, "0")}/${String(r.month).padStart(2, "0")}`);
}

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The due date after `due` (same time of day, Vietnam time). */
export function nextDue(r: Recurrence, due: Date): Date {
  const p = vnParts(due);
  if (r.kind === "monthly") {
    const y = p.month === 12 ? p.year + 1 : p.year;
    const m = p.month === 12 ? 1 : p.month + 1;
    return vnDate(y, m, Math.min(r.day, lastDay(y, m)), p.hour, p.minute);
  }
  return vnDate(p.year + 1, r.month, Math.min(r.day, lastDay(p.year + 1, r.month)), p.hour, p.minute);
}

/** The job at an occurrence's due time: the next occurrence, with its reminders, to the same units. */
export async function runRecur(s: Services, payload: Record<string, unknown>): Promise<void> {
  const taskId = typeof payload.taskId === "number" && Number.isInteger(payload.taskId) ? payload.taskId : null;
  if (taskId === null) {
    s.log.warn({ kind: JOB_RECUR }, "invalid job payload dropped");
    return;
  }
  const task = await s.prisma.task.findUnique({ where: { id: taskId } });
  const rule = parseRecurrence(task?.recurrence ?? null);
  if (!task || !rule) return;
  const [units, root] = await Promise.all([
    s.prisma.taskAssignment.findMany({ where: { taskId }, select: { unitId: true }, orderBy: { id: "asc" } }),
    s.prisma.unit.findUnique({ where: { id: task.unitId } }),
  ]);
  if (!units.length || !root) return;
  const due = nextDue(rule, task.dueAt);
  try {
    await createTask(s, {
      createdById: task.createdById,
      root,
      title: task.title,
      details: task.details,
      dueAt: due,
      remindDays: remindDaysOf(task.remindDays),
      unitIds: units.map((u) => u.unitId),
      fields: task.fields,
      fileRequired: task.fileRequired,
      recurrence: task.recurrence,
      seriesId: task.seriesId ?? task.id,
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e; // this occurrence exists already
  }
}

/** `/nhacviec <số> dunglap`: the giver (or a cadre above the giving unit) ends a series after this occurrence. */
export async function stopSeries(ctx: Ctx, taskId: number): Promise<void> {
  const task = await ctx.s.prisma.task.findUnique({ where: { id: taskId } });
  if (!task) return ctx.reply(T.unknownTask(taskId));
  const from = await ctx.s.prisma.unit.findUnique({ where: { id: task.unitId } });
  const mayStop = task.createdById === ctx.person!.id || (!!from && ctx.withRole("cadre", "admin").some((m) => isInSubtree(from.path, m.unit.path)));
  if (!mayStop) return ctx.reply(T.notVisible(taskId));
  if (!task.recurrence) return ctx.reply(M.notRecurring(taskId));
  await ctx.s.prisma.task.update({ where: { id: task.id }, data: { recurrence: null } });
  await cancelJobs(ctx.s, recurKey(task.id));
  await ctx.audit("task.recur.stop", "task", task.id);
  ctx.reply(M.stopped(task.id, task.title));
}
