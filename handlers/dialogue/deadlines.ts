/**
 * Deadlines and escalation: every open question has a due time (ANSWER_DAYS working days);
 * its holder is reminded once before it, and past it the question climbs the tree. Jobs
 * are keyed by question and due time, so re-runs and other instances change nothing.
 */
import { z } from "zod";
import type { Services } from "../../bot/core/context.ts";
import { addWorkingDays, formatDate, formatDateTime, isWorkingDay } from "../../bot/core/time.ts";
import { cancelJobsOf, ensureJob } from "../../bot/core/jobs.ts";
import { dialogueText as T } from "../../prompts/vi/dialogue.ts";
import { openIndex } from "./indexes.ts";
import { deliverToAsker, notifyHolder, tellHolders } from "./notify.ts";
import { DAY_MS } from "./questions.ts";
import { refOf } from "./anon.ts";
import { nearestWithCadres, pickAtUnit } from "./routing.ts";
import { QuestionId } from "./schemas.ts";

/** Job kinds of this feature. */
export const JOB_REMIND = "dialogue.remind";
export const JOB_ESCALATE = "dialogue.escalate";

/** The payload of both deadline jobs. */
const DeadlinePayload = z.object({ questionId: QuestionId, due: z.number().finite() });

/** When the holder is reminded: one working day before the due time (or half-way for short deadlines). */
export function reminderTime(start: Date, due: Date): Date {
  let d = new Date(due.getTime() - DAY_MS);
  while (!isWorkingDay(d) && d.getTime() > start.getTime()) d = new Date(d.getTime() - DAY_MS);
  if (d.getTime() <= start.getTime()) return new Date(start.getTime() + Math.floor((due.getTime() - start.getTime()) / 2));
  return d;
}

export function dueFrom(s: Services, from: Date): Date {
  return addWorkingDays(from, s.config.ANSWER_DAYS);
}

const remindKey = (id: number, due: Date) => `dlg:rem:${id}:${due.getTime()}`;
const escalateKey = (id: number, due: Date) => `dlg:esc:${id}:${due.getTime()}`;
/** The ref of a question's jobs: found by exact index look-up, never by key prefix. */
const questionRef = (id: number) => `question:${id}`;

/** (Re)plan the reminder and the escalation of a question for its current due time. */
export async function scheduleDeadline(s: Services, q: { id: number; dueAt: Date }, start: Date): Promise<void> {
  // jobs of earlier due times are dropped; those of this due time are kept (a re-run must not cancel them)
  const ref = questionRef(q.id);
  await cancelJobsOf(s, ref, { kinds: [JOB_REMIND, JOB_ESCALATE], keep: [remindKey(q.id, q.dueAt), escalateKey(q.id, q.dueAt)] });
  const payload = { questionId: q.id, due: q.dueAt.getTime() };
  await ensureJob(s, { kind: JOB_REMIND, runAt: reminderTime(start, q.dueAt), dedupeKey: remindKey(q.id, q.dueAt), payload, ref });
  await ensureJob(s, { kind: JOB_ESCALATE, runAt: q.dueAt, dedupeKey: escalateKey(q.id, q.dueAt), payload, ref });
}

/** No more reminders nor escalation (answered or hidden). */
export async function stopDeadline(s: Services, id: number): Promise<void> {
  await cancelJobsOf(s, questionRef(id), { kinds: [JOB_REMIND, JOB_ESCALATE] });
}

function parsePayload(s: Services, kind: string, payload: Record<string, unknown>): z.infer<typeof DeadlinePayload> | null {
  const p = DeadlinePayload.safeParse(payload);
  if (!p.success) s.log.warn({ kind, issues: p.error.issues.length }, "invalid job payload dropped");
  return p.success ? p.data : null;
}

/** Reminder job: the holder (or the unit's cadres) is reminded once per due time. */
export async function runReminder(s: Services, payload: Record<string, unknown>): Promise<void> {
  const p = parsePayload(s, JOB_REMIND, payload);
  if (!p) return;
  const id = p.questionId;
  const q = await s.prisma.question.findUnique({ where: { id } });
  // a live session's question waiting for its moderator is nobody's yet: no reminder
  if (!q || q.status !== "open" || q.moderation === "pending" || q.dueAt.getTime() !== p.due) return;
  await tellHolders(s, q, T.reminder(refOf(q), formatDateTime(q.dueAt), q.text), (pid) => `${remindKey(id, q.dueAt)}:${pid}`);
  await s.prisma.question.updateMany({ where: { id, dueAt: q.dueAt, remindedAt: null }, data: { remindedAt: s.clock.now() } });
}

/**
 * Escalation job: an open question past its due time goes to the parent unit's cadres
 * (escalationLevel + 1, a new due time), and on up the tree at each new deadline. At the
 * root it stays, with a new deadline and a fresh notice. The asker is told who holds it now.
 * Safe to re-run: the move is recorded once per due time, notices are deduplicated.
 */
export async function runEscalation(s: Services, payload: Record<string, unknown>): Promise<void> {
  const p = parsePayload(s, JOB_ESCALATE, payload);
  if (!p) return;
  const { questionId: id, due } = p;
  const marker = `due:${due}`;
  let ev = await s.prisma.questionEvent.findFirst({ where: { questionId: id, kind: "escalate", detail: marker } });
  const before = await s.prisma.question.findUnique({ where: { id } });
  if (!before) return;
  const now = s.clock.now();
  if (!ev) {
    if (before.status !== "open" || before.moderation === "pending" || before.dueAt.getTime() !== due) return;
    const unit = await s.prisma.unit.findUnique({ where: { id: before.unitId } });
    const parent = unit?.parentId ? await s.prisma.unit.findUnique({ where: { id: unit.parentId } }) : null;
    let route = parent ? await nearestWithCadres(s.prisma, parent, before.topic) : null;
    if (!route) {
      // nobody above: the holding unit keeps it (another of its cadres when there is one)
      const exclude = before.assigneeId !== null ? [before.assigneeId] : [];
      route = { unitId: before.unitId, assigneeId: (await pickAtUnit(s.prisma, before.unitId, before.topic, exclude)) ?? before.assigneeId };
    }
    const target = route;
    const dueAt = dueFrom(s, now);
    ev = await s.prisma.$transaction(async (tx) => {
      const r = await tx.question.updateMany({
        where: { id, status: "open", dueAt: before.dueAt },
        data: { unitId: target.unitId, assigneeId: target.assigneeId, escalationLevel: { increment: 1 }, dueAt, remindedAt: null },
      });
      if (r.count !== 1) return null;
      return tx.questionEvent.create({
        data: { questionId: id, kind: "escalate", fromUnitId: before.unitId, toUnitId: target.unitId, detail: marker, at: now },
      });
    });
    if (!ev) return;
  }
  const q = await s.prisma.question.findUniqueOrThrow({ where: { id } });
  if (q.status !== "open") return;
  const moved = ev.fromUnitId !== ev.toUnitId;
  const [fromUnit, toUnit] = await Promise.all([
    ev.fromUnitId !== null ? s.prisma.unit.findUnique({ where: { id: ev.fromUnitId }, select: { name: true } }) : null,
    ev.toUnitId !== null ? s.prisma.unit.findUnique({ where: { id: ev.toUnitId }, select: { name: true } }) : null,
  ]);
  const key = `dlg:escn:${id}:${due}`;
  await notifyHolder(s, q, moved ? { kind: "escalate", from: fromUnit?.name ?? "" } : { kind: "stillOverdue" }, key);
  if (moved && before.assigneeId !== null && before.assigneeId !== q.assigneeId) {
    await s.outbox.toPerson(before.assigneeId, { text: T.escalatedAway(refOf(q), toUnit?.name ?? "") }, { dedupeKey: `${key}:prev`, bulk: true });
  }
  const dueText = formatDate(q.dueAt);
  await deliverToAsker(
    s,
    q,
    { text: moved ? T.lateAsker(refOf(q), toUnit?.name ?? "", dueText) : T.lateAskerSame(refOf(q), toUnit?.name ?? "", dueText) },
    `${key}:asker`,
  );
  openIndex(s).put(q);
  await scheduleDeadline(s, q, ev.at);
}

/**
 * Periodic safety net (every 15 minutes): overdue open questions get their escalation job
 * and questions due within a day their reminder job, found with the (status, dueAt) index.
 * Jobs are keyed by question and due time, so re-runs and other instances change nothing.
 * Only the latest occurrence does the work: the query is cumulative.
 */
export async function deadlineTick(s: Services, at: Date): Promise<void> {
  if (s.clock.now().getTime() - at.getTime() > 20 * 60_000) return;
  let cursor = 0;
  for (let batch = 0; batch < 20; batch++) {
    const overdue = await s.prisma.question.findMany({
      where: { status: "open", dueAt: { lte: at }, id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: 500,
      select: { id: true, dueAt: true },
    });
    await ensureMissing(s, overdue, JOB_ESCALATE, escalateKey, (q) => q.dueAt);
    if (overdue.length < 500) break;
    cursor = overdue[overdue.length - 1]!.id;
  }
  const soon = await s.prisma.question.findMany({
    where: { status: "open", remindedAt: null, dueAt: { gt: at, lte: new Date(at.getTime() + DAY_MS) } },
    orderBy: { dueAt: "asc" },
    take: 500,
    select: { id: true, dueAt: true },
  });
  await ensureMissing(s, soon, JOB_REMIND, remindKey, () => at);
}

async function ensureMissing(
  s: Services,
  rows: { id: number; dueAt: Date }[],
  kind: string,
  keyOf: (id: number, due: Date) => string,
  runAt: (q: { id: number; dueAt: Date }) => Date,
): Promise<void> {
  if (!rows.length) return;
  const keys = rows.map((r) => keyOf(r.id, r.dueAt));
  const have = new Set((await s.prisma.scheduledJob.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } })).map((j) => j.dedupeKey));
  for (const r of rows) {
    const dedupeKey = keyOf(r.id, r.dueAt);
    if (have.has(dedupeKey)) continue;
    await ensureJob(s, { kind, runAt: runAt(r), dedupeKey, payload: { questionId: r.id, due: r.dueAt.getTime() }, ref: questionRef(r.id) });
  }
}
