/** Tasks given to units: creation with every job it needs, completion, and the views. Typed outcomes only; words are in the handlers. */
import type { Services, UnitView } from "../../bot/core/context.ts";
import { cancelJobs, ensureJob } from "../../bot/core/jobs.ts";
import type { Db } from "../../prisma/db.ts";
import { digestAt, reminderAt } from "./rules.ts";

export { parseDue, reminderAt } from "./rules.ts";

export const JOB_NOTIFY = "deadline.notify";
export const JOB_REMIND = "deadline.remind";
export const JOB_OVERDUE = "deadline.overdue";
export const JOB_RECUR = "deadline.recur";
/** Not under `task:<id>:` — finishing a task cancels those jobs, never the next occurrence. */
export const recurKey = (taskId: number) => `taskrecur:${taskId}`;
const DAY_MS = 86_400_000;

export type TaskRow = Awaited<ReturnType<Db["task"]["findUniqueOrThrow"]>>;

export const remindKey = (taskId: number, days: number) => `task:${taskId}:rem:${days}`;
export const overdueKey = (taskId: number, k: number) => `task:${taskId}:overdue:${k}`;
export const notifyKey = (taskId: number) => `task:${taskId}:new`;

// ---------------------------------------------------------------- create

export interface NewTask {
  createdById: number;
  root: UnitView;
  title: string;
  details: string;
  dueAt: Date;
  remindDays: number[];
  unitIds: number[];
  /** JSON of the report fields asked on completion (handlers/guides/api.ts ReportField[]) */
  fields?: string;
  fileRequired?: boolean;
  /** "monthly:N" | "yearly:dd/mm" (recur.ts) */
  recurrence?: string | null;
  /** the first task of the series; a new series when absent */
  seriesId?: number | null;
}

/**
 * Task, assignments and every job it needs (new-task notice, reminders, first overdue
 * digest) are written in one transaction, so a crash leaves either all or nothing.
 */
export async function createTask(s: Services, input: NewTask): Promise<{ id: number }> {
  const now = s.clock.now();
  const hour = s.config.DEADLINE_REMIND_HOUR;
  const task = await s.prisma.$transaction(
    async (tx) => {
      const t = await tx.task.create({
        data: {
          title: input.title,
          details: input.details,
          dueAt: input.dueAt,
          remindDays: JSON.stringify(input.remindDays),
          createdById: input.createdById,
          unitId: input.root.id,
          createdAt: now,
          fields: input.fields ?? "[]",
          fileRequired: input.fileRequired ?? false,
          recurrence: input.recurrence ?? null,
          seriesId: input.recurrence ? (input.seriesId ?? null) : null,
        },
      });
      if (input.recurrence) {
        // the first of a series names itself; the next occurrence is made at this one's due time
        if (!input.seriesId) await tx.task.update({ where: { id: t.id }, data: { seriesId: t.id } });
        await ensureJob({ prisma: tx as unknown as Db }, { kind: JOB_RECUR, runAt: input.dueAt, dedupeKey: recurKey(t.id), payload: { taskId: t.id } });
      }
      await tx.taskAssignment.createMany({ data: input.unitIds.map((unitId) => ({ taskId: t.id, unitId })) });
      const jobs = { prisma: tx as unknown as Db };
      await ensureJob(jobs, { kind: JOB_NOTIFY, runAt: now, dedupeKey: notifyKey(t.id), payload: { taskId: t.id } });
      for (const days of input.remindDays) {
        const at = reminderAt(input.dueAt, days, hour);
        // reminders already in the past (or after the due time) are skipped: the new-task notice covers them
        if (at.getTime() <= now.getTime() || at.getTime() > input.dueAt.getTime()) continue;
        await ensureJob(jobs, { kind: JOB_REMIND, runAt: at, dedupeKey: remindKey(t.id, days), payload: { taskId: t.id, days } });
      }
      await ensureJob(jobs, {
        kind: JOB_OVERDUE,
        runAt: digestAt(input.dueAt, 0, hour),
        dedupeKey: overdueKey(t.id, 0),
        payload: { taskId: t.id, k: 0 },
      });
      return t;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
  return { id: task.id };
}

// ---------------------------------------------------------------- who receives unit notices

/** Per unit, the people told about its tasks: its secretaries, or its cadres when it has none. */
export async function unitContacts(prisma: Db, unitIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < unitIds.length; i += 1000) {
    const chunk = unitIds.slice(i, i + 1000);
    const ms = await prisma.membership.findMany({
      where: { unitId: { in: chunk }, role: { in: ["secretary", "cadre"] } },
      orderBy: { id: "asc" },
      select: { unitId: true, personId: true, role: true },
    });
    const sec = new Map<number, number[]>();
    const cad = new Map<number, number[]>();
    for (const m of ms) {
      const map = m.role === "secretary" ? sec : cad;
      map.set(m.unitId, [...(map.get(m.unitId) ?? []), m.personId]);
    }
    for (const u of chunk) {
      const people = sec.get(u) ?? cad.get(u);
      if (people?.length) out.set(u, [...new Set(people)]);
    }
  }
  return out;
}

export async function openAssignments(prisma: Db, taskId: number) {
  return prisma.taskAssignment.findMany({ where: { taskId, doneAt: null }, orderBy: { id: "asc" }, select: { id: true, unitId: true } });
}

export async function unitNames(prisma: Db, ids: number[]): Promise<Map<number, { name: string; code: string }>> {
  const out = new Map<number, { name: string; code: string }>();
  for (let i = 0; i < ids.length; i += 1000) {
    for (const u of await prisma.unit.findMany({ where: { id: { in: ids.slice(i, i + 1000) } }, select: { id: true, name: true, code: true } })) {
      out.set(u.id, u);
    }
  }
  return out;
}

// ---------------------------------------------------------------- complete

export type CompleteResult =
  | { kind: "unknown" }
  | { kind: "notYours" }
  | { kind: "already"; unitName: string; doneAt: Date }
  /** `allDone`: the number of units when this was the last one (the giver is told). */
  | { kind: "done"; task: TaskRow; unitName: string; onTime: boolean; allDone: number | null };

/**
 * A unit reports a task done (once: a second report changes nothing). `unitId` narrows to
 * one of the person's units (a pressed button); otherwise the first open assignment among them.
 */
export async function completeTask(
  s: Services,
  input: { personId: number; myUnitIds: number[]; taskId: number; unitId?: number; note: string | null; answers?: string | null; file?: string | null },
): Promise<CompleteResult> {
  const task = await s.prisma.task.findUnique({ where: { id: input.taskId } });
  if (!task) return { kind: "unknown" };
  const unitIds = input.unitId !== undefined ? input.myUnitIds.filter((u) => u === input.unitId) : input.myUnitIds;
  if (!unitIds.length) return { kind: "notYours" };
  const mine = await s.prisma.taskAssignment.findMany({ where: { taskId: task.id, unitId: { in: unitIds } }, orderBy: { id: "asc" } });
  if (!mine.length) return { kind: "notYours" };
  const target = mine.find((a) => a.doneAt === null) ?? mine[0]!;
  const unit = await s.prisma.unit.findUniqueOrThrow({ where: { id: target.unitId }, select: { name: true } });
  if (target.doneAt) return { kind: "already", unitName: unit.name, doneAt: target.doneAt };
  const now = s.clock.now();
  const r = await s.prisma.taskAssignment.updateMany({
    where: { id: target.id, doneAt: null },
    data: { doneAt: now, doneById: input.personId, note: input.note, answers: input.answers ?? null, file: input.file ?? null },
  });
  if (r.count !== 1) {
    const again = await s.prisma.taskAssignment.findUniqueOrThrow({ where: { id: target.id } });
    return { kind: "already", unitName: unit.name, doneAt: again.doneAt ?? now };
  }
  const left = await s.prisma.taskAssignment.count({ where: { taskId: task.id, doneAt: null } });
  if (left === 0) {
    // every unit is done: no more reminders nor overdue digests
    await cancelJobs(s, `task:${task.id}:`);
    const total = await s.prisma.taskAssignment.count({ where: { taskId: task.id } });
    return { kind: "done", task, unitName: unit.name, onTime: now.getTime() <= task.dueAt.getTime(), allDone: total };
  }
  return { kind: "done", task, unitName: unit.name, onTime: now.getTime() <= task.dueAt.getTime(), allDone: null };
}

// ---------------------------------------------------------------- views

export interface OpenItem {
  taskId: number;
  unitId: number;
  title: string;
  dueAt: Date;
  unitName: string;
}

/** Open assignments of the given units, soonest first. */
export async function openForUnits(prisma: Db, unitIds: number[], limit = 30): Promise<OpenItem[]> {
  if (!unitIds.length) return [];
  const rows = await prisma.taskAssignment.findMany({ where: { unitId: { in: unitIds }, doneAt: null }, select: { taskId: true, unitId: true } });
  if (!rows.length) return [];
  const tasks = await prisma.task.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.taskId))] } } });
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const names = await unitNames(prisma, [...new Set(rows.map((r) => r.unitId))]);
  return rows
    .map((r) => ({ taskId: r.taskId, unitId: r.unitId, title: byId.get(r.taskId)?.title ?? "", dueAt: byId.get(r.taskId)?.dueAt ?? new Date(0), unitName: names.get(r.unitId)?.name ?? "" }))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.taskId - b.taskId)
    .slice(0, limit);
}

export async function doneRecently(prisma: Db, unitIds: number[], since: Date): Promise<number> {
  if (!unitIds.length) return 0;
  return prisma.taskAssignment.count({ where: { unitId: { in: unitIds }, doneAt: { gte: since } } });
}

export interface GivenItem {
  id: number;
  title: string;
  dueAt: Date;
  done: number;
  total: number;
  overdue: number;
}

/** Tasks a person gave, still open or due in the last 60 days, latest due first. */
export async function givenBy(prisma: Db, personId: number, now: Date, limit = 15): Promise<GivenItem[]> {
  const tasks = await prisma.task.findMany({
    where: { createdById: personId, dueAt: { gte: new Date(now.getTime() - 60 * DAY_MS) } },
    orderBy: [{ dueAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  if (!tasks.length) return [];
  const ids = tasks.map((t) => t.id);
  const [totals, done] = await Promise.all([
    prisma.taskAssignment.groupBy({ by: ["taskId"], where: { taskId: { in: ids } }, _count: { _all: true } }),
    prisma.taskAssignment.groupBy({ by: ["taskId"], where: { taskId: { in: ids }, doneAt: { not: null } }, _count: { _all: true } }),
  ]);
  const tot = new Map(totals.map((g) => [g.taskId, g._count._all]));
  const dn = new Map(done.map((g) => [g.taskId, g._count._all]));
  return tasks.map((t) => {
    const total = tot.get(t.id) ?? 0;
    const d = dn.get(t.id) ?? 0;
    return { id: t.id, title: t.title, dueAt: t.dueAt, done: d, total, overdue: t.dueAt.getTime() < now.getTime() ? total - d : 0 };
  });
}

/** A task with its giving unit and every assignment (unit name and code). */
export async function taskDetail(prisma: Db, taskId: number) {
  const task = await prisma.task.findUnique({ where: { id: taskId } });
  if (!task) return null;
  const [assignments, from] = await Promise.all([
    prisma.taskAssignment.findMany({ where: { taskId }, orderBy: { id: "asc" } }),
    prisma.unit.findUnique({ where: { id: task.unitId } }),
  ]);
  const names = await unitNames(prisma, assignments.map((a) => a.unitId));
  return { task, from, assignments: assignments.map((a) => ({ ...a, unit: names.get(a.unitId) ?? { name: "", code: "" } })) };
}
