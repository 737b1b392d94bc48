/**
 * Commitments made on stage (/camket), chased before and after their due day until marked
 * done (/xongcamket).
 */
import type { Ctx, Services } from "../../bot/core/context.ts";
import { parseId, pipeFields } from "../../bot/core/args.ts";
import { formatDate, parseVnDate, vnDate, vnParts } from "../../bot/core/time.ts";
import { cancelJobs, ensureJob } from "../../bot/core/jobs.ts";
import { sessionText as T } from "../../prompts/vi/sessions.ts";
import { questionView } from "../dialogue/api.ts";
import { CommitmentPayload, job } from "./schemas.ts";
import { DAY_MS, JOB_COMMIT, MAX_FIELD, mayManage, type SessionRow } from "./service.ts";

/** A session the person may manage, or null. */
export async function manageableSession(ctx: Ctx, id: number | null): Promise<SessionRow | null> {
  if (id === null) return null;
  const session = await ctx.s.prisma.dialogueSession.findUnique({ where: { id } });
  return session && (await mayManage(ctx.s, ctx.memberships, session)) ? session : null;
}

export async function commit(ctx: Ctx): Promise<void> {
  const f = pipeFields(ctx.args);
  if (f.length < 4 || f.length > 5 || f.slice(0, 4).some((x) => !x)) return ctx.reply(T.commitUsage);
  const [sid, text, owner, dueRaw, qRaw] = f as [string, string, string, string, string | undefined];
  const session = await manageableSession(ctx, parseId(sid));
  if (!session) return ctx.reply(T.commitSessionUnknown(parseId(sid) ?? 0));
  if (text.length > 1000 || owner.length > MAX_FIELD) return ctx.reply(T.createTooLong);
  const due = parseVnDate(dueRaw, 17);
  if (!due || due.getTime() <= ctx.s.clock.now().getTime()) return ctx.reply(T.commitBadDate);
  let questionId: number | null = null;
  if (qRaw) {
    questionId = parseId(qRaw);
    const q = questionId !== null ? await questionView(ctx.s, questionId) : null;
    if (!q || q.sessionId !== session.id) return ctx.reply(T.commitQuestionUnknown(questionId ?? 0));
  }
  const c = await ctx.s.prisma.commitment.create({ data: { sessionId: session.id, questionId, text, owner, dueAt: due } });
  await scheduleCommitment(ctx.s, c);
  await ctx.audit("session.commit", "commitment", c.id);
  ctx.reply(T.committed(c.id, text, owner, formatDate(due)));
}

/** Reminders 3 days before and on the due day at 08:00, then overdue notices the day after and weekly. */
async function scheduleCommitment(s: Services, c: { id: number; dueAt: Date }): Promise<void> {
  const d = vnParts(c.dueAt);
  const dueMorning = vnDate(d.year, d.month, d.day, 8, 0);
  const now = s.clock.now().getTime();
  for (const [days, runAt] of [
    [3, new Date(dueMorning.getTime() - 3 * DAY_MS)],
    [0, dueMorning],
    [-1, new Date(dueMorning.getTime() + DAY_MS)],
  ] as const) {
    if (runAt.getTime() <= now && days >= 0) continue;
    await ensureJob(s, { kind: JOB_COMMIT, runAt, dedupeKey: `ses:commit:${c.id}:${days}`, payload: { commitmentId: c.id, days, week: 0 } });
  }
}

export const runCommitment = job(JOB_COMMIT, CommitmentPayload, async (s, { commitmentId: id, days, week }) => {
  const c = await s.prisma.commitment.findUnique({ where: { id } });
  if (!c || c.doneAt) return;
  const session = await s.prisma.dialogueSession.findUnique({ where: { id: c.sessionId } });
  if (!session) return;
  const due = formatDate(c.dueAt);
  const text = days >= 0 ? T.commitReminder(id, c.text, c.owner, due, days) : T.commitOverdue(id, c.text, c.owner, due);
  await s.outbox.toPerson(session.createdById, { text }, { dedupeKey: `ses:commit:${id}:${days}:${week}`, bulk: true });
  if (days < 0) {
    // chased weekly until done
    const next = new Date(s.clock.now().getTime() + 7 * DAY_MS);
    await ensureJob(s, { kind: JOB_COMMIT, runAt: next, dedupeKey: `ses:commit:${id}:-1:${week + 1}`, payload: { commitmentId: id, days: -1, week: week + 1 } });
  }
});

export async function commitDone(ctx: Ctx): Promise<void> {
  const id = parseId(ctx.args);
  if (id === null) return ctx.reply(T.commitDoneUsage);
  const c = await ctx.s.prisma.commitment.findUnique({ where: { id } });
  const session = c ? await manageableSession(ctx, c.sessionId) : null;
  if (!c || !session) return ctx.reply(T.commitUnknown(id));
  const r = await ctx.s.prisma.commitment.updateMany({ where: { id, doneAt: null }, data: { doneAt: ctx.s.clock.now() } });
  if (r.count !== 1) return ctx.reply(T.commitAlreadyDone(id));
  await cancelJobs(ctx.s, `ses:commit:${id}:`);
  await ctx.audit("session.commitDone", "commitment", id);
  ctx.reply(T.commitDone(id));
}
