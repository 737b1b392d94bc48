/**
 * Questions of live dialogue sessions as the sessions feature sees them (through api.ts):
 * reads without any asker, moderation (approve/hide), upvotes and a message to the asker
 * that never tells the caller who asked.
 */
import type { Services } from "../../bot/core/context.ts";
import type { Outgoing } from "../../bot/core/types.ts";
import { isUniqueViolation } from "../../bot/core/outbox/outbox.ts";
import { stopDeadline } from "./deadlines.ts";
import { openIndex } from "./indexes.ts";
import { deliverToAsker, notifyHolder } from "./notify.ts";
import { askerKeyOf, voterKeyOf } from "./questions.ts";

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
}

const VIEW = { id: true, text: true, topic: true, status: true, moderation: true, votes: true, unitId: true, askerUnitId: true, sessionId: true } as const;

export async function questionView(s: Pick<Services, "prisma">, id: number): Promise<QuestionView | null> {
  return s.prisma.question.findUnique({ where: { id }, select: VIEW });
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
 * (as of a new question). Hidden: it leaves the queue and its deadline jobs stop.
 */
export async function moderate(s: Services, input: { questionId: number; to: "approved" | "hidden"; actorId: number }): Promise<ModerateOutcome> {
  const id = input.questionId;
  const before = await s.prisma.question.findUnique({ where: { id }, select: { moderation: true } });
  if (!before) return { kind: "notFound" };
  const now = s.clock.now();
  const done = await s.prisma.$transaction(async (tx) => {
    const r = await tx.question.updateMany({
      where: { id, moderation: "pending" },
      data: input.to === "approved" ? { moderation: "approved" } : { moderation: "hidden", status: "hidden" },
    });
    if (r.count !== 1) return false;
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
  const { text, topic, status, moderation, votes, unitId, askerUnitId, sessionId } = q;
  return { kind: "moderated", question: { id, text, topic, status, moderation, votes, unitId, askerUnitId, sessionId } };
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
      s.prisma.questionVote.create({ data: { questionId, voterKey: voterKeyOf(s, personId), kind: "upvote", createdAt: s.clock.now() } }),
      s.prisma.question.update({ where: { id: questionId }, data: { votes: { increment: 1 } }, select: { votes: true } }),
    ]);
    return { kind: "voted", votes: updated.votes };
  } catch (e) {
    if (isUniqueViolation(e)) return { kind: "already" };
    throw e;
  }
}
