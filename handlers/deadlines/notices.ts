/**
 * What units and givers are told about tasks — the new-task notice, reminders, the overdue
 * digest, "all done" — and the durable jobs that send them.
 */
import { z } from "zod";
import type { Services } from "../../bot/core/context.ts";
import { ensureJob } from "../../bot/core/jobs.ts";
import { deadlinesMoreText as M, deadlinesText as T } from "../../prompts/vi/deadlines.ts";
import { daysLeft, digestAt, formatDue, reminderAt, remindDaysOf } from "./rules.ts";
import { JOB_OVERDUE, notifyKey, openAssignments, overdueKey, remindKey, unitContacts, unitNames, type TaskRow } from "./service.ts";

/** Units listed in one overdue digest (the rest are counted). */
const DIGEST_LINES = 40;

const notifyPayload = z.object({ taskId: z.number().int().positive() });
const remindPayload = z.object({ taskId: z.number().int().positive(), days: z.number().int().min(0) });
const overduePayload = z.object({ taskId: z.number().int().positive(), k: z.number().int().min(0) });

/** A job payload checked against its schema; one this feature did not write is logged and dropped. */
function payloadOf<S extends z.ZodType>(s: Services, kind: string, schema: S, payload: Record<string, unknown>): z.infer<S> | null {
  const p = schema.safeParse(payload);
  if (p.success) return p.data;
  s.log.warn({ kind, issues: p.error.issues.length }, "invalid job payload dropped");
  return null;
}

const doneChoice = (taskId: number, unitId: number) => [{ label: T.btnDone(taskId), action: "dl.done", args: { taskId, unitId } }];

/** The giver hears once that every unit is done. */
export async function sendAllDone(s: Services, task: Pick<TaskRow, "id" | "title" | "createdById">, total: number): Promise<void> {
  await s.outbox.toPerson(task.createdById, { text: T.allDone(task.id, task.title, total) }, { dedupeKey: `task:${task.id}:alldone` });
}

/** New-task notice to every target unit (secretaries, else cadres). Re-runs send nothing twice. */
export async function runNotify(s: Services, payload: Record<string, unknown>): Promise<void> {
  const p = payloadOf(s, "deadline.notify", notifyPayload, payload);
  if (!p) return;
  const { taskId } = p;
  const task = await s.prisma.task.findUnique({ where: { id: taskId } });
  if (!task) return;
  const open = await openAssignments(s.prisma, taskId);
  if (!open.length) return;
  const ids = open.map((a) => a.unitId);
  const [contacts, names, from] = await Promise.all([
    unitContacts(s.prisma, ids),
    unitNames(s.prisma, ids),
    s.prisma.unit.findUnique({ where: { id: task.unitId }, select: { name: true } }),
  ]);
  const due = formatDue(task.dueAt);
  for (const a of open) {
    for (const pid of contacts.get(a.unitId) ?? []) {
      await s.outbox.toPerson(
        pid,
        { text: T.newTask(taskId, task.title, from?.name ?? "", due, task.details, names.get(a.unitId)?.name ?? ""), choices: doneChoice(taskId, a.unitId) },
        { dedupeKey: `${notifyKey(taskId)}:${a.unitId}:${pid}`, bulk: true },
      );
    }
  }
}

/**
 * Reminder `days` before the due day to the units that have not finished. A reminder
 * caught up late is dropped when a later one of the plan is already due (that one speaks).
 */
export async function runRemind(s: Services, payload: Record<string, unknown>): Promise<void> {
  const p = payloadOf(s, "deadline.remind", remindPayload, payload);
  if (!p) return;
  const { taskId, days } = p;
  const task = await s.prisma.task.findUnique({ where: { id: taskId } });
  if (!task) return;
  const now = s.clock.now();
  if (now.getTime() > task.dueAt.getTime()) return;
  const hour = s.config.DEADLINE_REMIND_HOUR;
  const later = remindDaysOf(task.remindDays).filter((d) => d < days);
  if (later.some((d) => reminderAt(task.dueAt, d, hour).getTime() <= now.getTime())) return;
  const open = await openAssignments(s.prisma, taskId);
  if (!open.length) return;
  const ids = open.map((a) => a.unitId);
  const [contacts, names] = await Promise.all([unitContacts(s.prisma, ids), unitNames(s.prisma, ids)]);
  const due = formatDue(task.dueAt);
  const left = daysLeft(now, task.dueAt);
  for (const a of open) {
    for (const pid of contacts.get(a.unitId) ?? []) {
      await s.outbox.toPerson(
        pid,
        { text: T.reminder(taskId, task.title, due, left, names.get(a.unitId)?.name ?? ""), choices: doneChoice(taskId, a.unitId) },
        { dedupeKey: `${remindKey(taskId, days)}:${a.unitId}:${pid}`, bulk: true },
      );
    }
  }
}

/**
 * Overdue digest to the task's giver: the morning after the due day, then weekly until every
 * unit is done. After downtime only one digest is sent and the next is the next weekly slot.
 */
export async function runOverdue(s: Services, payload: Record<string, unknown>): Promise<void> {
  const p = payloadOf(s, "deadline.overdue", overduePayload, payload);
  if (!p) return;
  const { taskId, k } = p;
  const task = await s.prisma.task.findUnique({ where: { id: taskId } });
  if (!task) return;
  const open = await openAssignments(s.prisma, taskId);
  if (!open.length) return;
  const now = s.clock.now();
  const total = await s.prisma.taskAssignment.count({ where: { taskId } });
  const names = await unitNames(s.prisma, open.slice(0, DIGEST_LINES).map((a) => a.unitId));
  const late = Math.max(1, -daysLeft(now, task.dueAt));
  const lines = open.slice(0, DIGEST_LINES).map((a) => T.overdueLine(names.get(a.unitId)?.name ?? "", names.get(a.unitId)?.code ?? "", late));
  await s.outbox.toPerson(
    task.createdById,
    { text: T.overdueDigest(taskId, task.title, formatDue(task.dueAt), total - open.length, total, lines, open.length - lines.length) },
    { dedupeKey: overdueKey(taskId, k), bulk: true },
  );
  // the late units are told too (their secretaries, else their cadres), not only the giver
  const ids = open.map((a) => a.unitId);
  const [contacts, all] = await Promise.all([unitContacts(s.prisma, ids), unitNames(s.prisma, ids)]);
  for (const a of open) {
    for (const pid of contacts.get(a.unitId) ?? []) {
      await s.outbox.toPerson(
        pid,
        { text: M.overdueUnit(taskId, task.title, formatDue(task.dueAt), all.get(a.unitId)?.name ?? "", late), choices: doneChoice(taskId, a.unitId) },
        { dedupeKey: `${overdueKey(taskId, k)}:${a.unitId}:${pid}`, bulk: true },
      );
    }
  }
  const hour = s.config.DEADLINE_REMIND_HOUR;
  let next = k + 1;
  while (digestAt(task.dueAt, next, hour).getTime() <= now.getTime()) next++;
  await ensureJob(s, { kind: JOB_OVERDUE, runAt: digestAt(task.dueAt, next, hour), dedupeKey: overdueKey(taskId, next), payload: { taskId, k: next } });
}
