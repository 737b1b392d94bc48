import type { Services, UnitView } from "../../bot/core/context.ts";
import { formatDate, formatDateTime, parseVnDate, vnDate, vnDayStart, vnParts } from "../../bot/core/time.ts";
import type { Db } from "../../prisma/db.ts";
import { deadlinesText as T } from "../../prompts/vi/deadlines.ts";
import { cancelJobs, ensureJob } from "../../bot/core/jobs.ts";
import { isInSubtree } from "../../bot/domain/org.ts";

export const JOB_NOTIFY = "deadline.notify";
export const JOB_REMIND = "deadline.remind";
export const JOB_OVERDUE = "deadline.overdue";

export const DEFAULT_REMIND_DAYS = [7, 3, 1, 0];
export const MAX_TITLE = 200;
export const MAX_DETAILS = 2000;
export const MAX_NOTE = 500;
export const MAX_CODES = 200;
const DAY_MS = 86_400_000;
const WEEK_DAYS = 7;
/** Units listed in one overdue digest (the rest are counted). */
const DIGEST_LINES = 40;

// ---------------------------------------------------------------- time rules

/** A due date typed by a user: a date alone means the end of that day (23:59 Vietnam time). */
export function parseDue(input: string): Date | null {
  const s = input.trim();
  const withTime = /[ T]\d{1,2}[:h]\d{2}$/.test(s);
  const d = parseVnDate(s, 0);
  if (!d) return null;
  if (withTime) return d;
  const p = vnParts(d);
  return vnDate(p.year, p.month, p.day, 23, 59);
}

/** A due time as shown: the date alone when it is the end of the day, else the time and date. */
export function formatDue(due: Date): string {
  const p = vnParts(due);
  return p.hour === 23 && p.minute === 59 ? formatDate(due) : formatDateTime(due);
}

export function validateDue(now: Date, due: Date): "past" | "tooFar" | null {
  if (due.getTime() <= now.getTime()) return "past";
  if (due.getTime() > now.getTime() + 2 * 366 * DAY_MS) return "tooFar";
  return null;
}

/** "5,2,0" → [5,2,0]: at most 6 distinct whole numbers 0–60, largest first. */
export function parseRemindDays(input: string): number[] | null {
  const parts = input.split(/[,\s;]+/).filter(Boolean);
  if (!parts.length || parts.length > 6 || !parts.every((p) => /^\d{1,2}$/.test(p))) return null;
  const days = [...new Set(parts.map(Number))];
  if (days.some((d) => d > 60)) return null;
  return days.sort((a, b) => b - a);
}

export function remindDaysOf(raw: string): number[] {
  try {
    const v = JSON.parse(raw) as unknown;
    if (Array.isArray(v) && v.every((d) => Number.isInteger(d) && d >= 0 && d <= 60)) return v as number[];
  } catch {
    /* fall through */
  }
  return DEFAULT_REMIND_DAYS;
}

/** The instant of the reminder `days` before the due day, at the configured hour (Vietnam time). */
export function reminderAt(due: Date, days: number, hour: number): Date {
  const p = vnParts(due);
  return vnDate(p.year, p.month, p.day - days, hour);
}

/** The k-th overdue digest: the morning after the due day, then every week. */
export function digestAt(due: Date, k: number, hour: number): Date {
  const p = vnParts(due);
  return vnDate(p.year, p.month, p.day + 1 + WEEK_DAYS * k, hour);
}

/** Whole calendar days (Vietnam) from today to the due day: 0 = due today, negative = overdue. */
export function daysLeft(now: Date, due: Date): number {
  return Math.round((vnDayStart(due).getTime() - vnDayStart(now).getTime()) / DAY_MS);
}

const remindKey = (taskId: number, days: number) => `task:${taskId}:rem:${days}`;
const overdueKey = (taskId: number, k: number) => `task:${taskId}:overdue:${k}`;
const notifyKey = (taskId: number) => `task:${taskId}:new`;

// ---------------------------------------------------------------- targets

export type TargetResult =
  | { ok: true; root: UnitView; units: UnitView[] }
  | { ok: false; reason: "unknownUnit" | "notInSubtree"; code: string }
  | { ok: false; reason: "noUnits" | "tooMany"; code?: undefined };

/** Branches strictly below a unit. */
export async function branchesUnder(prisma: Db, root: Pick<UnitView, "id" | "path">): Promise<UnitView[]> {
  const rows = await prisma.unit.findMany({ where: { path: { startsWith: root.path }, isBranch: true, id: { not: root.id } }, orderBy: [{ path: "asc" }] });
  return rows;
}

/** Units directly below a unit. */
export async function childrenOf(prisma: Db, root: Pick<UnitView, "id">): Promise<UnitView[]> {
  return prisma.unit.findMany({ where: { parentId: root.id }, orderBy: { name: "asc" } });
}

/** Units named by code, each strictly inside the subtree of one of the giver's units. */
export async function resolveCodes(prisma: Db, giverUnits: UnitView[], codes: string[]): Promise<TargetResult> {
  const wanted = [...new Set(codes.map((c) => c.trim()).filter(Boolean))];
  if (!wanted.length) return { ok: false, reason: "noUnits" };
  if (wanted.length > MAX_CODES) return { ok: false, reason: "tooMany" };
  const found = await prisma.unit.findMany({ where: { code: { in: wanted } } });
  const byCode = new Map(found.map((u) => [u.code, u]));
  const units: UnitView[] = [];
  for (const code of wanted) {
    const u = byCode.get(code);
    if (!u) return { ok: false, reason: "unknownUnit", code };
    if (!giverUnits.some((g) => g.id !== u.id && isInSubtree(u.path, g.path))) return { ok: false, reason: "notInSubtree", code };
    units.push(u);
  }
  const root = giverUnits.find((g) => units.every((u) => isInSubtree(u.path, g.path))) ?? giverUnits.find((g) => isInSubtree(units[0]!.path, g.path))!;
  return { ok: true, root, units };
}

// ---------------------------------------------------------------- create

export interface NewTask {
  createdById: number;
  root: UnitView;
  title: string;
  details: string;
  dueAt: Date;
  remindDays: number[];
  unitIds: number[];
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
        },
      });
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

async function openAssignments(prisma: Db, taskId: number) {
  return prisma.taskAssignment.findMany({ where: { taskId, doneAt: null }, orderBy: { id: "asc" }, select: { id: true, unitId: true } });
}

async function unitNames(prisma: Db, ids: number[]): Promise<Map<number, { name: string; code: string }>> {
  const out = new Map<number, { name: string; code: string }>();
  for (let i = 0; i < ids.length; i += 1000) {
    for (const u of await prisma.unit.findMany({ where: { id: { in: ids.slice(i, i + 1000) } }, select: { id: true, name: true, code: true } })) {
      out.set(u.id, u);
    }
  }
  return out;
}

const doneChoice = (taskId: number, unitId: number) => [{ label: T.btnDone(taskId), action: "dl.done", args: { taskId, unitId } }];

// ---------------------------------------------------------------- jobs

/** New-task notice to every target unit (secretaries, else cadres). Re-runs send nothing twice. */
export async function runNotify(s: Services, payload: Record<string, unknown>): Promise<void> {
  const taskId = Number(payload.taskId);
  if (!Number.isInteger(taskId)) return;
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
        { dedupeKey: `${notifyKey(taskId)}:${a.unitId}:${pid}` },
      );
    }
  }
}

/**
 * Reminder `days` before the due day to the units that have not finished. A reminder
 * caught up late is dropped when a later one of the plan is already due (that one speaks).
 */
export async function runRemind(s: Services, payload: Record<string, unknown>): Promise<void> {
  const taskId = Number(payload.taskId);
  const days = Number(payload.days);
  if (!Number.isInteger(taskId) || !Number.isInteger(days)) return;
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
        { dedupeKey: `${remindKey(taskId, days)}:${a.unitId}:${pid}` },
      );
    }
  }
}

/**
 * Overdue digest to the task's giver: the morning after the due day, then weekly until every
 * unit is done. After downtime only one digest is sent and the next is the next weekly slot.
 */
export async function runOverdue(s: Services, payload: Record<string, unknown>): Promise<void> {
  const taskId = Number(payload.taskId);
  const k = Number(payload.k);
  if (!Number.isInteger(taskId) || !Number.isInteger(k)) return;
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
    { dedupeKey: overdueKey(taskId, k) },
  );
  const hour = s.config.DEADLINE_REMIND_HOUR;
  let next = k + 1;
  while (digestAt(task.dueAt, next, hour).getTime() <= now.getTime()) next++;
  await ensureJob(s, { kind: JOB_OVERDUE, runAt: digestAt(task.dueAt, next, hour), dedupeKey: overdueKey(taskId, next), payload: { taskId, k: next } });
}

// ---------------------------------------------------------------- complete

export type CompleteResult =
  | { kind: "unknown" }
  | { kind: "notYours" }
  | { kind: "already"; unitName: string; doneAt: Date }
  | { kind: "done"; title: string; unitName: string; onTime: boolean };

/**
 * A unit reports a task done (once: a second report changes nothing). `unitId` narrows to
 * one of the person's units (a pressed button); otherwise the first open assignment among them.
 */
export async function completeTask(
  s: Services,
  input: { personId: number; myUnitIds: number[]; taskId: number; unitId?: number; note: string | null },
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
    data: { doneAt: now, doneById: input.personId, note: input.note },
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
    await s.outbox.toPerson(task.createdById, { text: T.allDone(task.id, task.title, total) }, { dedupeKey: `task:${task.id}:alldone` });
  }
  return { kind: "done", title: task.title, unitName: unit.name, onTime: now.getTime() <= task.dueAt.getTime() };
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
