/**
 * Answering: who may act on a question, the answer (to the asker and every me-too joiner),
 * the hand-over to another unit or topic, and the asker's rating with its follow-up.
 * Outcomes are typed; answering/handlers.ts turns them into words.
 */
import type { MembershipView, PersonView, Services } from "../../../bot/core/context.ts";
import type { AttachmentInput } from "../../../bot/core/attachments.ts";
import { refsJson } from "../../../bot/core/attachments.ts";
import { formatDate, formatDateTime } from "../../../bot/core/time.ts";
import { dialogueText as T } from "../../../prompts/vi/dialogue.ts";
import { dueFrom, scheduleDeadline, stopDeadline } from "../deadlines.ts";
import { openIndex } from "../indexes.ts";
import { checkQuestionText, type TextVerdict } from "../moderation.ts";
import { deliverToAsker, notifyHolder, tellHolders } from "../notify.ts";
import { anonVoterKeyOf, askerKeyOf, voterKeyOf, type QuestionRow } from "../questions.ts";
import { isCadreAtOrAbove, pickAtUnit, resolveAnonRoute, resolveRoute, type Route } from "../routing.ts";
import { refOf, type QRef } from "../anon.ts";
import { deliverAnswer, pendingFollowUp } from "./deliver.ts";
import { filesOfRow, hasDocument, saveFiles } from "../files.ts";
import { labelOf, loadTopics, topicLabels } from "../topics.ts";

/** Longest answer a cadre may send (the message carries the question and a signature too). */
export const MAX_ANSWER_LENGTH = 3500;

/** Why a cadre may not act on a question at all. */
export type AccessRefusal = { kind: "notFound"; id: number } | { kind: "notYours"; id: number };
/** Why a cadre may not act on a question now. */
export type CadreRefusal = AccessRefusal | { kind: "notOpen"; id: number };

/**
 * Whether a cadre may act on a question: its assignee, or a cadre of the unit holding it or
 * of one of that unit's ancestors.
 */
export async function canHandle(s: Services, personId: number, memberships: MembershipView[], q: QuestionRow): Promise<boolean> {
  // an anonymous question waiting for its batch reaches nobody yet
  if (q.held) return false;
  if (q.assigneeId === personId) return true;
  const unit = await s.prisma.unit.findUnique({ where: { id: q.unitId }, select: { path: true } });
  if (!unit) return false;
  return memberships.some((m) => m.role === "cadre" && unit.path.startsWith(m.unit.path));
}

/** Load a question a cadre wants to act on and check they may. */
export async function loadForCadre(
  s: Services,
  actor: PersonView,
  memberships: MembershipView[],
  id: number,
): Promise<{ kind: "ok"; q: QuestionRow } | AccessRefusal> {
  const q = await s.prisma.question.findUnique({ where: { id } });
  if (!q || q.held) return { kind: "notFound", id };
  if (!(await canHandle(s, actor.id, memberships, q))) return { kind: "notYours", id };
  return { kind: "ok", q };
}

/** An open question the cadre may act on. */
export async function loadOpenForCadre(s: Services, actor: PersonView, memberships: MembershipView[], id: number) {
  const check = await loadForCadre(s, actor, memberships, id);
  if (check.kind === "ok" && check.q.status !== "open") return { kind: "notOpen", id } as const;
  return check;
}

export function signatureOf(p: { displayName: string; title: string | null }): string {
  return p.title?.trim() || T.defaultSignature(p.displayName);
}

/** "empty" and "tooLong": only the text was wrong, the cadre may type it again. `askerReached`: the asker's message was queued. */
export type AnswerOutcome = { kind: "answered"; recipients: number; askerReached: boolean } | { kind: "empty" } | { kind: "tooLong"; max: number } | CadreRefusal;

/** Answer a question: the asker (named or through the sealed address) and every me-too joiner receive it. */
export async function answerQuestion(s: Services, actor: PersonView, memberships: MembershipView[], id: number, rawText: string): Promise<AnswerOutcome> {
  const text = rawText.trim();
  if (!text) return { kind: "empty" };
  if (text.length > MAX_ANSWER_LENGTH) return { kind: "tooLong", max: MAX_ANSWER_LENGTH };
  const check = await loadOpenForCadre(s, actor, memberships, id);
  if (check.kind !== "ok") return check;
  const q = check.q;
  const person = await s.prisma.person.findUnique({ where: { id: actor.id }, select: { displayName: true, title: true } });
  const signature = signatureOf(person ?? actor);
  const now = s.clock.now();
  // a reopened question: this answer answers the asker's follow-up (its own answer in the thread)
  const followUpId = await pendingFollowUp(s, id);
  const answer = await s.prisma.$transaction(async (tx) => {
    const taken = await tx.question.updateMany({
      where: { id, status: "open" },
      data: { status: "answered", answeredAt: now, rating: null },
    });
    if (taken.count !== 1) return null;
    const a = await tx.answer.create({ data: { questionId: id, cadreId: actor.id, text, signature, followUpId, createdAt: now } });
    await tx.questionEvent.create({ data: { questionId: id, kind: "answer", actorId: actor.id, fromUnitId: q.unitId, at: now } });
    return a;
  });
  if (!answer) return { kind: "notOpen", id };
  openIndex(s).remove(id);
  await stopDeadline(s, id);

  const sent = await deliverAnswer(s, q, answer, actor.id);
  return { kind: "answered", recipients: (sent.asker ? 1 : 0) + sent.joiners, askerReached: sent.asker };
}

export type TransferOutcome =
  | { kind: "transferred"; unitName: string; holder: string | null }
  | { kind: "reasonTooLong" }
  | { kind: "same" }
  | { kind: "unknownTarget"; target: string }
  | { kind: "noCadre"; unitName: string }
  | CadreRefusal;

/**
 * Hand a question to another unit (by code) or another topic (re-routed from the asker's
 * unit). The reason is kept as a QuestionEvent; the new holder and the asker are told.
 */
export async function transferQuestion(
  s: Services,
  actor: PersonView,
  memberships: MembershipView[],
  id: number,
  target: string,
  reason: string,
): Promise<TransferOutcome> {
  if (reason.length > 500) return { kind: "reasonTooLong" };
  const check = await loadOpenForCadre(s, actor, memberships, id);
  if (check.kind !== "ok") return check;
  const q = check.q;
  const topics = await loadTopics(s.prisma);
  const topicHit = topics.find((t) => t.key === target.toLowerCase());
  let route: Route | null;
  let topic = q.topic;
  if (topicHit) {
    topic = topicHit.key;
    const askerUnit = await s.prisma.unit.findUnique({ where: { id: q.askerUnitId } });
    if (!askerUnit) return { kind: "notFound", id };
    route = q.anonymous ? await resolveAnonRoute(s.prisma, askerUnit, topic) : await resolveRoute(s.prisma, askerUnit, topic);
    if (route.unitId === q.unitId && route.assigneeId === q.assigneeId && topic === q.topic) return { kind: "same" };
  } else {
    const unit = await s.prisma.unit.findUnique({ where: { code: target } });
    if (!unit) return { kind: "unknownTarget", target };
    const exclude = unit.id === q.unitId && q.assigneeId !== null ? [q.assigneeId] : [];
    const who = await pickAtUnit(s.prisma, unit.id, topic, exclude);
    if (who === null) return { kind: "noCadre", unitName: unit.name };
    if (unit.id === q.unitId && who === q.assigneeId) return { kind: "same" };
    route = { unitId: unit.id, assigneeId: who };
  }
  const now = s.clock.now();
  const dueAt = dueFrom(s, now);
  const moved = await s.prisma.$transaction(async (tx) => {
    const r = await tx.question.updateMany({
      where: { id, status: "open", unitId: q.unitId, assigneeId: q.assigneeId },
      data: { unitId: route.unitId, assigneeId: route.assigneeId, topic, dueAt, remindedAt: null },
    });
    if (r.count !== 1) return false;
    await tx.questionEvent.create({
      data: { questionId: id, kind: "transfer", fromUnitId: q.unitId, toUnitId: route.unitId, actorId: actor.id, detail: reason || null, at: now },
    });
    return true;
  });
  if (!moved) return { kind: "notOpen", id };
  const updated = await s.prisma.question.findUniqueOrThrow({ where: { id } });
  openIndex(s).put(updated);
  await scheduleDeadline(s, updated, now);
  const [fromUnit, toUnit, holder] = await Promise.all([
    s.prisma.unit.findUnique({ where: { id: q.unitId }, select: { name: true } }),
    s.prisma.unit.findUnique({ where: { id: route.unitId }, select: { name: true } }),
    route.assigneeId !== null ? s.prisma.person.findUnique({ where: { id: route.assigneeId }, select: { displayName: true } }) : null,
  ]);
  const stamp = now.getTime();
  await notifyHolder(s, updated, { kind: "transfer", from: fromUnit?.name ?? "", reason }, `dlg:tr:${id}:${stamp}`);
  await deliverToAsker(s, updated, { text: T.transferredAsker(refOf(updated), toUnit?.name ?? "", formatDate(dueAt)) }, `dlg:tr:${id}:${stamp}:asker`);
  return { kind: "transferred", unitName: toUnit?.name ?? "", holder: holder?.displayName ?? null };
}

export type RateOutcome = { kind: "thanks" | "already" | "reopened" | "notYours" | "notAnswered" | "notFound" };

/** The asker rates the answer; "unclear" reopens the question for the cadre who answered. */
export async function rateAnswer(s: Services, personId: number, id: number, value: "useful" | "unclear"): Promise<RateOutcome> {
  const q = await s.prisma.question.findUnique({ where: { id } });
  if (!q) return { kind: "notFound" };
  if (q.askerKey !== askerKeyOf(s, personId)) return { kind: "notYours" };
  if (q.rating) return { kind: "already" };
  if (q.status !== "answered") return { kind: "notAnswered" };
  const now = s.clock.now();
  const actorId = q.anonymous ? null : personId;
  if (value === "useful") {
    const r = await s.prisma.question.updateMany({ where: { id, status: "answered", rating: null }, data: { rating: "useful" } });
    if (r.count !== 1) return { kind: "already" };
    await s.prisma.questionEvent.create({ data: { questionId: id, kind: "rate", actorId, detail: "useful", at: now } });
    return { kind: "thanks" };
  }
  const last = await s.prisma.answer.findFirst({ where: { questionId: id }, orderBy: { id: "desc" }, select: { cadreId: true } });
  const unit = await s.prisma.unit.findUnique({ where: { id: q.unitId }, select: { id: true, path: true } });
  let assigneeId = q.assigneeId;
  if (last && unit && (await isCadreAtOrAbove(s.prisma, last.cadreId, unit.path))) assigneeId = last.cadreId;
  const dueAt = dueFrom(s, now);
  const r = await s.prisma.question.updateMany({
    where: { id, status: "answered", rating: null },
    data: { status: "open", rating: "unclear", assigneeId, dueAt, remindedAt: null },
  });
  if (r.count !== 1) return { kind: "already" };
  await s.prisma.questionEvent.create({ data: { questionId: id, kind: "reopen", actorId, detail: "unclear", at: now } });
  const updated = await s.prisma.question.findUniqueOrThrow({ where: { id } });
  openIndex(s).put(updated);
  await scheduleDeadline(s, updated, now);
  await tellHolders(s, updated, T.reopened(refOf(updated), formatDateTime(dueAt), updated.text), (pid) => `dlg:reopen:${id}:${dueAt.getTime()}:${pid}`);
  return { kind: "reopened" };
}

export type FollowUpOutcome =
  | { kind: "sent" }
  | { kind: "notYours" }
  | { kind: "notOpen" }
  | { kind: "anonDocument" }
  | { kind: "refused"; reason: Exclude<TextVerdict, "ok" | "short"> };

/** A follow-up from the asker of a reopened question (its text, and photos or documents), passed to its holder. */
export async function followUp(s: Services, personId: number, id: number, text: string, files: AttachmentInput[] = []): Promise<FollowUpOutcome> {
  const q = await s.prisma.question.findUnique({ where: { id } });
  if (!q || q.askerKey !== askerKeyOf(s, personId)) return { kind: "notYours" };
  if (q.status !== "open") return { kind: "notOpen" };
  const verdict = await checkQuestionText(s, text);
  // a photo alone is a follow-up too
  if (verdict !== "ok" && verdict !== "short" && !(verdict === "empty" && files.length)) return { kind: "refused", reason: verdict };
  if (q.anonymous && hasDocument(files)) return { kind: "anonDocument" };
  const refs = await saveFiles(s, files, personId, q.anonymous);
  const now = s.clock.now();
  const ev = await s.prisma.questionEvent.create({
    data: { questionId: id, kind: "followup", actorId: q.anonymous ? null : personId, detail: text.slice(0, 2000), attachments: refsJson(refs), at: now },
  });
  const ref = refOf(q);
  await tellHolders(s, q, T.followUp(ref, text || T.fileOnlyFollowUp), (pid) => `dlg:fu:${ev.id}:${pid}`, { refs, caption: T.followUpFileCaption(ref) });
  return { kind: "sent" };
}

export interface QueueItem {
  id: number;
  /** How the cadre names it: the number, or an anonymous question's reference. */
  ref: QRef;
  topicLabel: string;
  createdAt: Date;
  dueAt: Date;
  /** Null for an anonymous question. */
  asker: { name: string; unitName: string } | null;
  /** Who holds it when it is not me: "unassigned", or a cadre's name. */
  holder: { kind: "me" } | { kind: "unassigned" } | { kind: "cadre"; name: string };
  text: string;
  /** Photos/documents sent with it (shown with the notice). */
  files: number;
}

/** The questions waiting for a cadre (assigned to them or held by one of their units), oldest first. */
export async function cadreQueue(s: Services, me: number, unitIds: number[], take: number): Promise<{ total: number; items: QueueItem[] }> {
  const { prisma } = s;
  const where = { status: "open", moderation: "approved", held: false, OR: [{ assigneeId: me }, { unitId: { in: unitIds } }] };
  const [total, rows] = await Promise.all([
    prisma.question.count({ where }),
    prisma.question.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take }),
  ]);
  if (!total) return { total, items: [] };
  const named = rows.filter((q) => !q.anonymous && q.askerId !== null);
  const people = new Set<number>([...named.map((q) => q.askerId!), ...rows.map((q) => q.assigneeId).filter((x): x is number => x !== null)]);
  const [persons, askerUnits, labels] = await Promise.all([
    prisma.person.findMany({ where: { id: { in: [...people] } }, select: { id: true, displayName: true } }),
    prisma.unit.findMany({ where: { id: { in: [...new Set(named.map((q) => q.askerUnitId))] } }, select: { id: true, name: true } }),
    topicLabels(prisma),
  ]);
  const name = new Map(persons.map((p) => [p.id, p.displayName]));
  const unitName = new Map(askerUnits.map((u) => [u.id, u.name]));
  const items = rows.map(
    (q): QueueItem => ({
      id: q.id,
      ref: refOf(q),
      topicLabel: labelOf(labels, q.topic),
      createdAt: q.createdAt,
      dueAt: q.dueAt,
      asker: q.anonymous || q.askerId === null ? null : { name: name.get(q.askerId) ?? "—", unitName: unitName.get(q.askerUnitId) ?? "—" },
      holder: q.assigneeId === me ? { kind: "me" } : q.assigneeId === null ? { kind: "unassigned" } : { kind: "cadre", name: name.get(q.assigneeId) ?? "—" },
      text: q.text,
      files: filesOfRow(q).length,
    }),
  );
  return { total, items };
}

/** "My questions": the asker's latest questions (found by pseudonym, anonymous ones too); a merged one names the question it joined. */
export async function askerQuestions(s: Services, personId: number, take: number) {
  const rows = await s.prisma.question.findMany({ where: { askerKey: askerKeyOf(s, personId) }, orderBy: { id: "desc" }, take });
  const labels = rows.length ? await topicLabels(s.prisma) : new Map<string, string>();
  const targetIds = rows.map((q) => q.mergedIntoId).filter((x): x is number => x !== null);
  const targets = targetIds.length
    ? await s.prisma.question.findMany({ where: { id: { in: targetIds } }, select: { id: true, anonymous: true, publicRef: true } })
    : [];
  const intoRef = new Map(targets.map((t) => [t.id, refOf(t)]));
  return rows.map((q) => ({
    id: q.id,
    ref: refOf(q),
    anonymous: q.anonymous,
    status: q.status,
    dueAt: q.dueAt,
    createdAt: q.createdAt,
    text: q.text,
    topicLabel: labelOf(labels, q.topic),
    mergedInto: q.mergedIntoId === null ? null : (intoRef.get(q.mergedIntoId) ?? null),
  }));
}

/**
 * The questions a person joined ("tôi cũng hỏi vậy", or their question merged into one),
 * latest first. An anonymous question is listed by reference and topic only; `anonymous`
 * tells the list must go through the anonymous target.
 */
export async function joinedQuestions(s: Services, personId: number, take: number) {
  const votes = await s.prisma.questionVote.findMany({
    where: { voterKey: { in: [voterKeyOf(s, personId), anonVoterKeyOf(s, personId)] }, kind: "metoo" },
    orderBy: { id: "desc" },
    take,
    select: { questionId: true, followUps: true, anonymous: true },
  });
  if (!votes.length) return [];
  const [rows, labels] = await Promise.all([s.prisma.question.findMany({ where: { id: { in: votes.map((v) => v.questionId) } } }), topicLabels(s.prisma)]);
  const byId = new Map(rows.map((q) => [q.id, q]));
  return votes.flatMap((v) => {
    const q = byId.get(v.questionId);
    if (!q) return [];
    return [{ ref: refOf(q), status: q.status, text: q.anonymous ? null : q.text, topicLabel: labelOf(labels, q.topic), followUps: v.followUps, anonymous: q.anonymous || v.anonymous }];
  });
}

export type FollowUpsOutcome = { kind: "on" | "notJoined" | "notFound" };

/** A joiner asks to receive the answers to follow-ups too. */
export async function wantFollowUps(s: Services, personId: number, id: number): Promise<FollowUpsOutcome> {
  const r = await s.prisma.questionVote.updateMany({
    where: { questionId: id, voterKey: { in: [voterKeyOf(s, personId), anonVoterKeyOf(s, personId)] }, kind: "metoo" },
    data: { followUps: true },
  });
  return { kind: r.count ? "on" : "notJoined" };
}
