/**
 * Commitments made at a session (/camket): owned by a unit of the session's scope (its cadres
 * and secretaries) or one person of the organisation, who is told, reminded before and after
 * the due day, reports progress (/tiendocamket) and marks it done (/xongcamket); the askers of
 * the questions it answers are told when it is done.
 */
import type { Ctx, Services } from "../../bot/core/context.ts";
import { parseId, pipeFields } from "../../bot/core/args.ts";
import { formatDate, parseVnDate, vnDate, vnParts } from "../../bot/core/time.ts";
import { cancelJobs, ensureJob } from "../../bot/core/jobs.ts";
import { isInSubtree, unitByCode } from "../../bot/domain/org.ts";
import { sessionText as T } from "../../prompts/vi/sessions.ts";
import { messageAsker, questionByRef, questionView, refOf } from "../dialogue/api.ts";
import { CommitmentPayload, job } from "./schemas.ts";
import { DAY_MS, JOB_COMMIT, MAX_FIELD, mayManage, resultsUrl, type SessionRow } from "./service.ts";

const MAX_QUESTIONS = 20;

/** A session the person may manage, or null. */
export async function manageableSession(ctx: Ctx, id: number | null): Promise<SessionRow | null> {
  if (id === null) return null;
  const session = await ctx.s.prisma.dialogueSession.findUnique({ where: { id } });
  return session && (await mayManage(ctx.s, ctx.memberships, session)) ? session : null;
}

type CommitmentRow = { id: number; sessionId: number; text: string; owner: string; ownerUnitId: number | null; ownerPersonId: number | null; questionIds: string; dueAt: Date; doneAt: Date | null };

/** Who is reminded of a commitment: its person, or its unit's cadres and secretaries (else the organiser). */
async function ownersOf(s: Services, c: CommitmentRow, session: Pick<SessionRow, "createdById">): Promise<number[]> {
  if (c.ownerPersonId !== null) return [c.ownerPersonId];
  if (c.ownerUnitId !== null) {
    const ms = await s.prisma.membership.findMany({ where: { unitId: c.ownerUnitId, role: { in: ["cadre", "secretary"] } }, select: { personId: true } });
    if (ms.length) return [...new Set(ms.map((m) => m.personId))];
  }
  return [session.createdById];
}

/** The owner as typed: "XA-A" (the unit) or "XA-A: Nguyễn Văn B" (a member of that unit, by name). */
async function parseOwner(ctx: Ctx, raw: string, session: SessionRow): Promise<{ label: string; unitId: number; personId: number | null } | string> {
  const [code, name] = raw.split(":").map((x) => x.trim()) as [string, string | undefined];
  const unit = await unitByCode(ctx.s.prisma, code);
  if (!unit) return T.commitOwnerUnknown(code.slice(0, 40));
  const scope = await ctx.s.prisma.unit.findUnique({ where: { id: session.scopeUnitId } });
  if (!scope || !isInSubtree(unit.path, scope.path)) return T.commitOwnerNotSubtree;
  if (!name) return { label: unit.name, unitId: unit.id, personId: null };
  const members = await ctx.s.prisma.membership.findMany({ where: { unitId: unit.id }, select: { personId: true } });
  const people = await ctx.s.prisma.person.findMany({ where: { id: { in: [...new Set(members.map((m) => m.personId))] } }, select: { id: true, displayName: true } });
  const want = name.toLocaleLowerCase("vi");
  const exact = people.filter((p) => p.displayName.toLocaleLowerCase("vi") === want);
  const found = exact.length ? exact : people.filter((p) => p.displayName.toLocaleLowerCase("vi").includes(want));
  if (!found.length) return T.commitPersonUnknown(name.slice(0, 60), unit.name);
  if (found.length > 1) return T.commitPersonAmbiguous(name.slice(0, 60), unit.name);
  return { label: T.commitOwnerPerson(found[0]!.displayName, unit.name), unitId: unit.id, personId: found[0]!.id };
}

export async function commit(ctx: Ctx): Promise<void> {
  const f = pipeFields(ctx.args);
  if (f.length < 4 || f.length > 5 || f.slice(0, 4).some((x) => !x)) return ctx.reply(T.commitUsage);
  const [sid, text, ownerRaw, dueRaw, qRaw] = f as [string, string, string, string, string | undefined];
  const session = await manageableSession(ctx, parseId(sid));
  if (!session) return ctx.reply(T.commitSessionUnknown(parseId(sid) ?? 0));
  if (text.length > 1000 || ownerRaw.length > MAX_FIELD) return ctx.reply(T.createTooLong);
  const due = parseVnDate(dueRaw, 17);
  if (!due || due.getTime() <= ctx.s.clock.now().getTime()) return ctx.reply(T.commitBadDate);
  const owner = await parseOwner(ctx, ownerRaw, session);
  if (typeof owner === "string") return ctx.reply(owner);
  const questionIds: number[] = [];
  for (const raw of (qRaw ?? "").split(/[,\s]+/).filter(Boolean).slice(0, MAX_QUESTIONS)) {
    const found = await questionByRef(ctx.s, raw);
    if (!found?.view || found.view.sessionId !== session.id) return ctx.reply(T.commitQuestionUnknown(found?.ref ?? raw.slice(0, 12)));
    questionIds.push(found.view.id);
  }
  const c = await ctx.s.prisma.commitment.create({
    data: {
      sessionId: session.id,
      questionId: questionIds[0] ?? null,
      questionIds: questionIds.join(","),
      text,
      owner: owner.label,
      ownerUnitId: owner.unitId,
      ownerPersonId: owner.personId,
      dueAt: due,
    },
  });
  await scheduleCommitment(ctx.s, c);
  await ctx.audit("session.commit", "commitment", c.id);
  for (const pid of await ownersOf(ctx.s, c, session))
    await ctx.s.outbox.toPerson(pid, { text: T.commitAssigned(c.id, session.title, text, owner.label, formatDate(due)) }, { dedupeKey: `ses:commit:${c.id}:assigned:${pid}` });
  ctx.reply(T.committed(c.id, text, owner.label, formatDate(due)));
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

/** The owner is reminded; an overdue commitment is also reported to the organiser. */
export const runCommitment = job(JOB_COMMIT, CommitmentPayload, async (s, { commitmentId: id, days, week }) => {
  const c = await s.prisma.commitment.findUnique({ where: { id } });
  if (!c || c.doneAt) return;
  const session = await s.prisma.dialogueSession.findUnique({ where: { id: c.sessionId } });
  if (!session) return;
  const due = formatDate(c.dueAt);
  const text = days >= 0 ? T.commitReminder(id, c.text, c.owner, due, days) : T.commitOverdue(id, c.text, c.owner, due);
  const to = new Set(await ownersOf(s, c, session));
  if (days < 0) to.add(session.createdById);
  for (const pid of to) await s.outbox.toPerson(pid, { text }, { dedupeKey: `ses:commit:${id}:${days}:${week}:${pid}`, bulk: true });
  if (days < 0) {
    // chased weekly until done
    const next = new Date(s.clock.now().getTime() + 7 * DAY_MS);
    await ensureJob(s, { kind: JOB_COMMIT, runAt: next, dedupeKey: `ses:commit:${id}:-1:${week + 1}`, payload: { commitmentId: id, days: -1, week: week + 1 } });
  }
});

/** A commitment this person owns (its person, or a cadre/secretary of its unit) or manages (its session's moderators). */
async function ownedOrManaged(ctx: Ctx, id: number): Promise<{ c: CommitmentRow; session: SessionRow } | null> {
  const c = await ctx.s.prisma.commitment.findUnique({ where: { id } });
  if (!c) return null;
  const session = await ctx.s.prisma.dialogueSession.findUnique({ where: { id: c.sessionId } });
  if (!session) return null;
  const me = ctx.person?.id;
  const owner = c.ownerPersonId !== null ? c.ownerPersonId === me : ctx.memberships.some((m) => m.unit.id === c.ownerUnitId && (m.role === "cadre" || m.role === "secretary"));
  return owner || (await mayManage(ctx.s, ctx.memberships, session)) ? { c, session } : null;
}

/** `/tiendocamket <số> <tiến độ>`: the owner reports progress; the organiser is told. */
export async function commitProgress(ctx: Ctx): Promise<void> {
  const m = /^(\d{1,9})\s+([\s\S]+)$/.exec(ctx.args.trim());
  if (!m) return ctx.reply(T.progressUsage);
  const id = Number(m[1]);
  const progress = m[2]!.trim();
  if (progress.length > 1000) return ctx.reply(T.progressTooLong);
  const found = await ownedOrManaged(ctx, id);
  if (!found) return ctx.reply(T.commitUnknown(id));
  if (found.c.doneAt) return ctx.reply(T.commitAlreadyDone(id));
  const now = ctx.s.clock.now();
  await ctx.s.prisma.commitment.update({ where: { id }, data: { progress, progressAt: now } });
  await ctx.audit("session.commitProgress", "commitment", id);
  if (found.session.createdById !== ctx.person!.id)
    await ctx.s.outbox.toPerson(found.session.createdById, { text: T.progressOrganiser(id, found.c.text, progress) }, { dedupeKey: `ses:commit:${id}:progress:${now.getTime()}` });
  ctx.reply(T.progressSaved(id));
}

/** `/xongcamket <số>`: done; reminders stop, the organiser and the askers of its questions are told. */
export async function commitDone(ctx: Ctx): Promise<void> {
  const id = parseId(ctx.args);
  if (id === null) return ctx.reply(T.commitDoneUsage);
  const found = await ownedOrManaged(ctx, id);
  if (!found) return ctx.reply(T.commitUnknown(id));
  const { c, session } = found;
  const r = await ctx.s.prisma.commitment.updateMany({ where: { id, doneAt: null }, data: { doneAt: ctx.s.clock.now() } });
  if (r.count !== 1) return ctx.reply(T.commitAlreadyDone(id));
  await cancelJobs(ctx.s, `ses:commit:${id}:`);
  await ctx.audit("session.commitDone", "commitment", id);
  if (session.createdById !== ctx.person!.id)
    await ctx.s.outbox.toPerson(session.createdById, { text: T.doneOrganiser(id, c.text, c.owner) }, { dedupeKey: `ses:commit:${id}:done:organiser` });
  let told = 0;
  const link = resultsUrl(ctx.s, session.boardToken);
  for (const qid of c.questionIds.split(",").filter(Boolean).map(Number)) {
    const q = await questionView(ctx.s, qid);
    if (q && (await messageAsker(ctx.s, qid, { text: T.doneAsker(session.title, refOf(q), c.text, link) }, `ses:commit:${id}:done:${qid}`))) told++;
  }
  ctx.reply(T.commitDone(id, told));
}
