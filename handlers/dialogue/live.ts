/**
 * Questions of live dialogue sessions as the sessions feature sees them (through api.ts):
 * reads without any asker, moderation (approve/hide), upvotes and a message to the asker
 * that never tells the caller who asked.
 */
import type { Services } from "../../bot/core/context.ts";
import type { Outgoing } from "../../bot/core/types.ts";
import { isUniqueViolation } from "../../bot/core/outbox/outbox.ts";
import { dueFrom, scheduleDeadline, stopDeadline } from "./deadlines.ts";
import { openIndex } from "./indexes.ts";
import { deliverToAsker, notifyHolder } from "./notify.ts";
import { askerKeyOf, voterKeyOf } from "./questions.ts";
import { findByRef, parseRef, refOf, sendAnon, type QRef } from "./anon.ts";

/** A question without its asker: what another feature may read. */
export interface QuestionView {
  id: number;
  text: string;
  topic: string;
  /** open | answered | closed | hidden */
  status: string;
  /** pending | approved | hidden */
  moderation: string;
  votes: number;
  /** The unit holding it and the unit it was asked from. */
  unitId: number;
  askerUnitId: number;
  sessionId: number | null;
  /** Anonymous questions are named by their public reference only (never the id): see `refOf`. */
  anonymous: boolean;
  publicRef: string | null;
  /** Waiting for its anonymous batch; `createdAt` is the batch's end. */
  held: boolean;
  createdAt: Date;
}

const VIEW = {
  id: true,
  text: true,
  topic: true,
  status: true,
  moderation: true,
  votes: true,
  unitId: true,
  askerUnitId: true,
  sessionId: true,
  anonymous: true,
  publicRef: true,
  held: true,
  createdAt: true,
} as const;

export async function questionView(s: Pick<Services, "prisma">, id: number): Promise<QuestionView | null> {
  return s.prisma.question.findUnique({ where: { id }, select: VIEW });
}

/** The question a typed reference names: "12" for a named question, "A123456" for an anonymous one (never its id). */
export async function questionByRef(s: Pick<Services, "prisma">, raw: string): Promise<{ ref: QRef; view: QuestionView | null } | null> {
  const typed = parseRef(raw);
  if (!typed) return null;
  const q = await findByRef(s, typed);
  return { ref: q ? refOf(q) : "ref" in typed ? typed.ref : typed.id, view: q ? await questionView(s, q.id) : null };
}

/** A session's questions, most voted first. */
export async function sessionQuestions(
  s: Pick<Services, "prisma">,
  sessionId: number,
  filter: { approvedOnly?: boolean; withoutHidden?: boolean; take?: number } = {},
): Promise<QuestionView[]> {
  return s.prisma.question.findMany({
    where: {
      sessionId,
      ...(filter.approvedOnly ? { moderation: "approved" } : {}),
      ...(filter.withoutHidden ? { status: { not: "hidden" } } : {}),
    },
    orderBy: [{ votes: "desc" }, { id: "asc" }],
    ...(filter.take ? { take: filter.take } : {}),
    select: VIEW,
  });
}

/** The latest answer text of each question that has one. */
export async function lastAnswers(s: Pick<Services, "prisma">, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await s.prisma.answer.findMany({ where: { questionId: { in: ids } }, orderBy: { id: "asc" }, select: { questionId: true, text: true } });
  return new Map(rows.map((r) => [r.questionId, r.text]));
}

export type ModerateOutcome = { kind: "moderated"; question: QuestionView } | { kind: "already"; state: string } | { kind: "notFound" };

/**
 * A moderator's verdict on a question waiting for approval. Approved: its holder is told
 * (as of a new question). Hidden (also an approved one, taken off the stage): it leaves the
 * board; an open one leaves the queue and its deadline jobs stop, an answered one keeps its answer.
 */
export async function moderate(s: Services, input: { questionId: number; to: "approved" | "hidden"; actorId: number }): Promise<ModerateOutcome> {
  const id = input.questionId;
  const before = await s.prisma.question.findUnique({ where: { id }, select: { moderation: true } });
  if (!before) return { kind: "notFound" };
  const now = s.clock.now();
  const done = await s.prisma.$transaction(async (tx) => {
    const r = await tx.question.updateMany({
      where: { id, moderation: { in: input.to === "approved" ? ["pending"] : ["pending", "approved"] } },
      data: { moderation: input.to },
    });
    if (r.count !== 1) return false;
    if (input.to === "hidden") await tx.question.updateMany({ where: { id, status: "open" }, data: { status: "hidden" } });
    await tx.questionEvent.create({ data: { questionId: id, kind: input.to === "approved" ? "approve" : "hide", actorId: input.actorId, at: now } });
    return true;
  });
  if (!done) {
    const current = await s.prisma.question.findUnique({ where: { id }, select: { moderation: true } });
    return { kind: "already", state: current?.moderation ?? before.moderation };
  }
  const q = await s.prisma.question.findUniqueOrThrow({ where: { id } });
  if (input.to === "approved") {
    // an anonymous question still in its batch is told when the batch is released
    if (!q.held) await notifyHolder(s, q, { kind: "new" }, `dlg:new:${id}`);
  } else {
    openIndex(s).remove(id);
    await stopDeadline(s, id);
  }
  const { text, topic, status, moderation, votes, unitId, askerUnitId, sessionId, anonymous, publicRef, held, createdAt } = q;
  return { kind: "moderated", question: { id, text, topic, status, moderation, votes, unitId, askerUnitId, sessionId, anonymous, publicRef, held, createdAt } };
}

/** Send a message to whoever asked a question, without telling the caller who that is. */
export async function messageAsker(s: Services, questionId: number, out: Outgoing, dedupeKey: string): Promise<boolean> {
  const q = await s.prisma.question.findUnique({ where: { id: questionId }, select: { askerId: true, anonDelivery: true, anonymous: true } });
  return q ? deliverToAsker(s, q, out, dedupeKey) : false;
}

export type UpvoteOutcome = { kind: "voted"; votes: number } | { kind: "already" } | { kind: "own" } | { kind: "notFound" };

/**
 * One upvote per person and question (the unique (question, voter) pair decides races; a
 * me-too of the same person already counts as their vote).
 */
export async function upvote(s: Services, personId: number, questionId: number): Promise<UpvoteOutcome> {
  const q = await s.prisma.question.findUnique({ where: { id: questionId }, select: { askerKey: true } });
  if (!q) return { kind: "notFound" };
  if (q.askerKey === askerKeyOf(s, personId)) return { kind: "own" };
  try {
    const [, updated] = await s.prisma.$transaction([
      // the sealed address lets the session tell its voters the results (through the anonymous target)
      s.prisma.questionVote.create({
        data: { questionId, voterKey: voterKeyOf(s, personId), kind: "upvote", deliverTo: s.secrets.seal(String(personId)), createdAt: s.clock.now() },
      }),
      s.prisma.question.update({ where: { id: questionId }, data: { votes: { increment: 1 } }, select: { votes: true } }),
    ]);
    return { kind: "voted", votes: updated.votes };
  } catch (e) {
    if (isUniqueViolation(e)) return { kind: "already" };
    throw e;
  }
}

export type SettleOutcome =
  | { kind: "answered"; answer: string }
  | { kind: "queued"; unitName: string; dueAt: Date; moved: boolean }
  | { kind: "hidden" }
  | { kind: "none" };

/**
 * A live session closes: its question gets an owner for good. Answered: its answer. Hidden:
 * nothing more. Open (approved, or still waiting for a moderator): it stays with (or joins) the
 * normal queue of the unit holding it, with its due date and deadline jobs; a question that
 * was waiting reaches its cadre now. Safe to re-run.
 */
export async function settleQuestion(s: Services, id: number): Promise<SettleOutcome> {
  const q = await s.prisma.question.findUnique({ where: { id } });
  if (!q) return { kind: "none" };
  if (q.status === "answered" || q.status === "closed") return { kind: "answered", answer: (await lastAnswers(s, [id])).get(id) ?? "" };
  if (q.status === "hidden") return { kind: "hidden" };
  if (q.status !== "open") return { kind: "none" };
  const now = s.clock.now();
  const moved = await s.prisma.$transaction(async (tx) => {
    const r = await tx.question.updateMany({ where: { id, moderation: "pending" }, data: { moderation: "approved" } });
    if (r.count === 1) await tx.questionEvent.create({ data: { questionId: id, kind: "settle", at: now } });
    // a due date already past (the closing ran late) starts again from now
    await tx.question.updateMany({ where: { id, dueAt: { lte: now } }, data: { dueAt: dueFrom(s, now), remindedAt: null } });
    return r.count === 1;
  });
  const fresh = await s.prisma.question.findUniqueOrThrow({ where: { id } });
  await scheduleDeadline(s, fresh, now);
  if (moved && !fresh.held) await notifyHolder(s, fresh, { kind: "new" }, `dlg:new:${id}`);
  openIndex(s).put(fresh);
  const unit = await s.prisma.unit.findUnique({ where: { id: fresh.unitId }, select: { name: true } });
  return { kind: "queued", unitName: unit?.name ?? "", dueAt: fresh.dueAt, moved };
}

/**
 * A message to everyone who voted for (or joined) some of these questions, one per person
 * listing theirs, through the anonymous target: no row keeps a voter next to their votes.
 * Returns how many people were reached.
 */
export async function messageVoters(s: Services, questionIds: number[], render: (ids: number[]) => Outgoing, plainKey: string): Promise<number> {
  if (!questionIds.length) return 0;
  const votes = await s.prisma.questionVote.findMany({ where: { questionId: { in: questionIds }, deliverTo: { not: null } }, select: { questionId: true, deliverTo: true } });
  const byPerson = new Map<number, number[]>();
  for (const v of votes) {
    const pid = Number(s.secrets.open(v.deliverTo!));
    if (!Number.isInteger(pid) || pid <= 0) continue;
    byPerson.set(pid, [...(byPerson.get(pid) ?? []), v.questionId]);
  }
  let reached = 0;
  for (const [pid, ids] of byPerson) if (await sendAnon(s, pid, render(ids), `${plainKey}:${pid}`)) reached++;
  return reached;
}
