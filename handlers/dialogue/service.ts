import type { MembershipView, PersonView, Services, UnitView } from "../../bot/core/context.ts";
import type { Choice, Outgoing } from "../../bot/core/types.ts";
import { preview } from "../../bot/core/text.ts";
import { addWorkingDays, formatDate, formatDateTime, isWorkingDay } from "../../bot/core/time.ts";
import { dialogueText as T } from "../../prompts/vi/dialogue.ts";
import { cancelJobs, ensureJob } from "../../bot/core/jobs.ts";
import { pathIds } from "../../bot/domain/org.ts";
import { isUniqueViolation } from "../../bot/core/outbox/outbox.ts";
import { faqIndex, openIndex } from "./indexes.ts";
import { checkQuestionText, type TextVerdict } from "./moderation.ts";
import { normalize } from "./nlp/normalize.ts";
import { isDuplicate } from "./nlp/similarity.ts";
import { TopicClassifier } from "./nlp/classifier.ts";
import { isCadreAtOrAbove, nearestWithCadres, pickAtUnit, resolveRoute, type Route } from "./routing.ts";
import { labelOf, loadTopics, OTHER_TOPIC, topicLabels } from "./topics.ts";

/** Longest answer a cadre may send (the message carries the question and a signature too). */
export const MAX_ANSWER_LENGTH = 3500;
/** A question repeated word for word by the same person within this window is refused. */
const REPEAT_WINDOW_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;

/** Job kinds of this feature. */
export const JOB_REMIND = "dialogue.remind";
export const JOB_ESCALATE = "dialogue.escalate";

/** The fields of a Question row this module reads. */
export interface QuestionRow {
  id: number;
  askerId: number | null;
  anonymous: boolean;
  askerKey: string;
  anonDelivery: string | null;
  askerUnitId: number;
  text: string;
  normText: string;
  topic: string;
  topicConfidence: number;
  status: string;
  unitId: number;
  assigneeId: number | null;
  sessionId: number | null;
  moderation: string;
  votes: number;
  dueAt: Date;
  remindedAt: Date | null;
  escalationLevel: number;
  answeredAt: Date | null;
  rating: string | null;
  createdAt: Date;
}

type UnitRef = Pick<UnitView, "id" | "path" | "name">;

// ---------------------------------------------------------------- identities

/** Pseudonym of an asker: the only link between a person and their questions ("my questions"). */
export function askerKeyOf(s: Services, personId: number): string {
  return s.secrets.pseudonym("asker", personId);
}

/** Pseudonym of a voter (me-too and upvotes share it, one vote per person and question). */
export function voterKeyOf(s: Services, personId: number): string {
  return s.secrets.pseudonym("voter", personId);
}

/** The unit a person asks from: their youth unit, else secretary, else any membership. */
export function askerUnitOf(memberships: MembershipView[]): UnitView | null {
  for (const role of ["youth", "secretary", "cadre", "admin"] as const) {
    const m = memberships.find((x) => x.role === role);
    if (m) return m.unit;
  }
  return null;
}

/** The person who asked, for delivery only: the id for named questions, the sealed address otherwise. */
export function askerPersonId(s: Services, q: Pick<QuestionRow, "askerId" | "anonDelivery">): number | null {
  if (q.askerId !== null) return q.askerId;
  if (!q.anonDelivery) return null;
  const opened = s.secrets.open(q.anonDelivery);
  const id = opened === null ? NaN : Number(opened);
  return Number.isInteger(id) && id > 0 ? id : null;
}

async function deliverToAsker(s: Services, q: QuestionRow, out: Outgoing, dedupeKey: string): Promise<boolean> {
  const personId = askerPersonId(s, q);
  if (personId === null) return false;
  return s.outbox.toPerson(personId, out, { dedupeKey });
}

// ---------------------------------------------------------------- deadlines

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

/** (Re)plan the reminder and the escalation of a question for its current due time. */
export async function scheduleDeadline(s: Services, q: { id: number; dueAt: Date }, start: Date): Promise<void> {
  // jobs of earlier due times are dropped; those of this due time are kept (a re-run must not cancel them)
  await s.prisma.scheduledJob.updateMany({
    where: {
      status: "pending",
      OR: [{ dedupeKey: { startsWith: `dlg:rem:${q.id}:` } }, { dedupeKey: { startsWith: `dlg:esc:${q.id}:` } }],
      dedupeKey: { notIn: [remindKey(q.id, q.dueAt), escalateKey(q.id, q.dueAt)] },
    },
    data: { status: "cancelled" },
  });
  const payload = { questionId: q.id, due: q.dueAt.getTime() };
  await ensureJob(s, { kind: JOB_REMIND, runAt: reminderTime(start, q.dueAt), dedupeKey: remindKey(q.id, q.dueAt), payload });
  await ensureJob(s, { kind: JOB_ESCALATE, runAt: q.dueAt, dedupeKey: escalateKey(q.id, q.dueAt), payload });
}

async function stopDeadline(s: Services, id: number): Promise<void> {
  await cancelJobs(s, `dlg:rem:${id}:`);
  await cancelJobs(s, `dlg:esc:${id}:`);
}

// ---------------------------------------------------------------- classification

let offline: TopicClassifier | null = null;

/** LLM first when configured (its topic must exist), the offline classifier otherwise or on any failure. */
export async function classifyQuestion(s: Services, text: string): Promise<{ topic: string; confidence: number }> {
  const topics = await loadTopics(s.prisma);
  const keys = new Set(topics.map((t) => t.key));
  if (s.llm) {
    try {
      const r = await s.llm.classify(text, topics);
      if (r && keys.has(r.topic)) return { topic: r.topic, confidence: r.confidence };
    } catch (e) {
      s.log.warn({ err: e }, "llm classification failed; offline classifier used");
    }
  }
  offline ??= TopicClassifier.default();
  const r = offline.classify(text);
  if (keys.has(r.topic)) return { topic: r.topic, confidence: r.confidence };
  const fallback = keys.has(OTHER_TOPIC) ? OTHER_TOPIC : (topics[0]?.key ?? OTHER_TOPIC);
  return { topic: fallback, confidence: 0 };
}

// ---------------------------------------------------------------- asking

export type AskRefusal = Exclude<TextVerdict, "ok"> | "repeat" | "limit";

/** The Vietnamese answer to a refused question. */
export function refusalText(s: Services, reason: AskRefusal, detail?: number): string {
  switch (reason) {
    case "empty":
      return T.askUsage;
    case "short":
      return T.tooShort;
    case "long":
      return T.tooLong(2000);
    case "abusive":
      return T.abusive;
    case "links":
      return T.spamLinks;
    case "noise":
      return T.spamNoise;
    case "repeat":
      return T.spamRepeat(detail ?? 0);
    case "limit":
      return T.tooManyOpen(s.config.MAX_OPEN_QUESTIONS);
  }
}

/**
 * Checks a question must pass before anything else happens (text, moderation, the open
 * question limit, repetition). Null when it may go on.
 */
export async function precheck(s: Services, personId: number, text: string): Promise<{ reason: AskRefusal; detail?: number } | null> {
  const verdict = await checkQuestionText(s, text);
  if (verdict !== "ok") return { reason: verdict };
  const askerKey = askerKeyOf(s, personId);
  const open = await s.prisma.question.count({ where: { askerKey, status: "open" } });
  if (open >= s.config.MAX_OPEN_QUESTIONS) return { reason: "limit" };
  const since = new Date(s.clock.now().getTime() - REPEAT_WINDOW_MS);
  const same = await s.prisma.question.findFirst({
    where: { askerKey, normText: normalize(text), createdAt: { gte: since } },
    select: { id: true },
  });
  if (same) return { reason: "repeat", detail: same.id };
  return null;
}

export interface AskInput {
  personId: number;
  /** The asker's unit (routing starts there). */
  unit: UnitRef;
  text: string;
  anonymous: boolean;
  /** Live dialogue session the question joins (set by the sessions module). */
  sessionId?: number | null;
  /** "approved" (default) | "pending" | "hidden": moderation state for live sessions. */
  moderation?: string;
  /** Notify the assigned cadre at once (default true). */
  notify?: boolean;
  /** The caller has just run `precheck` for this text (skips a second moderation call). */
  prechecked?: boolean;
}

export type AskResult =
  | { ok: true; question: QuestionRow; route: Route; unitName: string; topicLabel: string }
  | { ok: false; reason: AskRefusal; detail?: number };

/**
 * Create a question: checks (text, moderation, limit, repetition), classification, routing,
 * the row, its deadline jobs and the cadre's notification. The sessions module calls this to
 * add a question asked during a live session (with `sessionId` and `moderation`).
 * An anonymous question stores no person id: only the asker's pseudonym (for "my
 * questions") and a sealed delivery address.
 */
export async function createQuestion(s: Services, input: AskInput): Promise<AskResult> {
  const text = input.text.trim();
  const refused = input.prechecked ? null : await precheck(s, input.personId, text);
  if (refused) return { ok: false, ...refused };
  const { topic, confidence } = await classifyQuestion(s, text);
  const route = await resolveRoute(s.prisma, input.unit, topic);
  const now = s.clock.now();
  const dueAt = dueFrom(s, now);
  const q = await s.prisma.$transaction(async (tx) => {
    const row = await tx.question.create({
      data: {
        askerId: input.anonymous ? null : input.personId,
        anonymous: input.anonymous,
        askerKey: askerKeyOf(s, input.personId),
        anonDelivery: input.anonymous ? s.secrets.seal(String(input.personId)) : null,
        askerUnitId: input.unit.id,
        text,
        normText: normalize(text),
        topic,
        topicConfidence: confidence,
        unitId: route.unitId,
        assigneeId: route.assigneeId,
        sessionId: input.sessionId ?? null,
        moderation: input.moderation ?? "approved",
        dueAt,
        createdAt: now,
      },
    });
    await tx.questionEvent.create({
      data: { questionId: row.id, kind: "ask", toUnitId: route.unitId, actorId: input.anonymous ? null : input.personId, at: now },
    });
    return row;
  });
  openIndex(s).put(q);
  await scheduleDeadline(s, q, now);
  const [labels, unit] = await Promise.all([topicLabels(s.prisma), s.prisma.unit.findUnique({ where: { id: route.unitId } })]);
  if (input.notify !== false) await notifyHolder(s, q, { kind: "new" }, `dlg:new:${q.id}`);
  if (!input.anonymous) s.log.info({ question: q.id, topic, unit: route.unitId }, "question asked");
  else s.log.info({ topic, unit: route.unitId }, "anonymous question asked");
  return { ok: true, question: q, route, unitName: unit?.name ?? "", topicLabel: labelOf(labels, topic) };
}

// ---------------------------------------------------------------- similar questions

export interface Similar {
  faqs: { id: number; question: string; answer: string }[];
  open: { id: number; text: string; votes: number }[];
}

/**
 * Published answers visible to the asker and open questions of the same scope (held by a
 * unit on the asker's way up the tree) that ask the same thing.
 */
export async function findSimilar(s: Services, personId: number, unit: Pick<UnitView, "path">, text: string): Promise<Similar> {
  const faqHits = await faqIndex(s).search(text, [unit.path], 8);
  const faqRows = faqHits.length
    ? await s.prisma.faqEntry.findMany({ where: { id: { in: faqHits.map((h) => h.id) } }, select: { id: true, question: true, answer: true } })
    : [];
  const faqById = new Map(faqRows.map((r) => [r.id, r]));
  const faqs = faqHits
    .map((h) => faqById.get(h.id))
    .filter((r): r is NonNullable<typeof r> => !!r && isDuplicate(text, r.question).duplicate)
    .slice(0, 2);

  const scope = pathIds(unit.path);
  const openHits = await openIndex(s).search(text, scope, askerKeyOf(s, personId), 10);
  const rows = openHits.length
    ? await s.prisma.question.findMany({
        where: { id: { in: openHits.map((h) => h.id) }, status: "open", moderation: "approved", unitId: { in: scope } },
        select: { id: true, text: true, votes: true, askerKey: true },
      })
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const mine = askerKeyOf(s, personId);
  const open = openHits
    .map((h) => byId.get(h.id))
    .filter((r): r is NonNullable<typeof r> => !!r && r.askerKey !== mine && isDuplicate(text, r.text).duplicate)
    .slice(0, 3)
    .map((r) => ({ id: r.id, text: r.text, votes: r.votes }));
  return { faqs, open };
}

export type JoinResult =
  | { kind: "joined" | "already" | "own" | "notOpen" | "notFound"; id: number }
  | { kind: "answered"; id: number; text: string };

/**
 * "Me too": join an open question of the same scope. Counts as a vote; the joiner's sealed
 * address receives the answer. An already answered question gives its answer at once.
 */
export async function joinQuestion(s: Services, personId: number, unit: Pick<UnitView, "path">, id: number): Promise<JoinResult> {
  const q = await s.prisma.question.findUnique({ where: { id } });
  if (!q || !pathIds(unit.path).includes(q.unitId) || q.moderation !== "approved") return { kind: "notFound", id };
  if (q.askerKey === askerKeyOf(s, personId)) return { kind: "own", id };
  if (q.status === "answered" || q.status === "closed") {
    const a = await s.prisma.answer.findFirst({ where: { questionId: id }, orderBy: { id: "desc" } });
    if (a) return { kind: "answered", id, text: `${a.text}\n\n— ${a.signature}` };
  }
  if (q.status !== "open") return { kind: "notOpen", id };
  const voterKey = voterKeyOf(s, personId);
  const deliverTo = s.secrets.seal(String(personId));
  const existing = await s.prisma.questionVote.findUnique({ where: { questionId_voterKey: { questionId: id, voterKey } } });
  if (existing) {
    if (existing.kind === "metoo") return { kind: "already", id };
    // an upvote already counted: it becomes a me-too (receives the answer), no second vote
    await s.prisma.questionVote.update({ where: { id: existing.id }, data: { kind: "metoo", deliverTo } });
    return { kind: "joined", id };
  }
  try {
    await s.prisma.$transaction([
      s.prisma.questionVote.create({ data: { questionId: id, voterKey, kind: "metoo", deliverTo, createdAt: s.clock.now() } }),
      s.prisma.question.update({ where: { id }, data: { votes: { increment: 1 } } }),
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) return { kind: "already", id };
    throw e;
  }
  return { kind: "joined", id };
}

// ---------------------------------------------------------------- cadre side

/** Who asked, as a cadre may see it: the name and unit, or "anonymous". */
async function askerLabel(s: Services, q: QuestionRow): Promise<string> {
  if (q.anonymous || q.askerId === null) return T.anonymous;
  const [p, u] = await Promise.all([
    s.prisma.person.findUnique({ where: { id: q.askerId }, select: { displayName: true } }),
    s.prisma.unit.findUnique({ where: { id: q.askerUnitId }, select: { name: true } }),
  ]);
  return `${p?.displayName ?? "—"}${u ? ` (${u.name})` : ""}`;
}

function cadreChoices(id: number): Choice[] {
  return [
    { label: T.btnAnswer, action: "dlg.answer", args: { questionId: id } },
    { label: T.btnTransfer, action: "dlg.transfer", args: { questionId: id } },
  ];
}

type HolderNotice = { kind: "new" } | { kind: "transfer"; from: string; reason: string } | { kind: "escalate"; from: string } | { kind: "stillOverdue" };

/** Tell the cadre now holding a question (or, unassigned, every cadre of its unit). */
export async function notifyHolder(s: Services, q: QuestionRow, notice: HolderNotice, dedupeKey: string): Promise<void> {
  const recipients = q.assigneeId !== null ? [q.assigneeId] : await unitCadres(s, q.unitId);
  if (!recipients.length) return;
  const labels = await topicLabels(s.prisma);
  const topic = labelOf(labels, q.topic);
  const asker = await askerLabel(s, q);
  const due = formatDateTime(q.dueAt);
  let text: string;
  switch (notice.kind) {
    case "new":
      text = T.newQuestion(q.id, topic, asker, due, q.text);
      break;
    case "transfer":
      text = T.transferredIn(q.id, topic, asker, due, q.text, notice.from, notice.reason);
      break;
    case "escalate":
      text = T.escalatedIn(q.id, topic, asker, due, q.text, notice.from);
      break;
    case "stillOverdue":
      text = T.stillOverdue(q.id, due, q.text);
      break;
  }
  for (const pid of recipients) await s.outbox.toPerson(pid, { text, choices: cadreChoices(q.id) }, { dedupeKey: `${dedupeKey}:${pid}` });
}

async function unitCadres(s: Services, unitId: number): Promise<number[]> {
  const ms = await s.prisma.membership.findMany({ where: { unitId, role: "cadre" }, select: { personId: true } });
  return [...new Set(ms.map((m) => m.personId))];
}

/**
 * Whether a cadre may act on a question: its assignee, or a cadre of the unit holding it or
 * of one of that unit's ancestors.
 */
export async function canHandle(s: Services, personId: number, memberships: MembershipView[], q: QuestionRow): Promise<boolean> {
  if (q.assigneeId === personId) return true;
  const unit = await s.prisma.unit.findUnique({ where: { id: q.unitId }, select: { path: true } });
  if (!unit) return false;
  return memberships.some((m) => m.role === "cadre" && unit.path.startsWith(m.unit.path));
}

export type HandleCheck = { ok: true; q: QuestionRow } | { ok: false; text: string };

/** Load a question a cadre wants to act on and check they may. */
export async function loadForCadre(s: Services, actor: PersonView, memberships: MembershipView[], id: number): Promise<HandleCheck> {
  const q = await s.prisma.question.findUnique({ where: { id } });
  if (!q) return { ok: false, text: T.notFound(id) };
  if (!(await canHandle(s, actor.id, memberships, q))) return { ok: false, text: T.notYours(id) };
  return { ok: true, q };
}

export function signatureOf(p: { displayName: string; title: string | null }): string {
  return p.title?.trim() || T.defaultSignature(p.displayName);
}

/** `retry`: only the text was wrong, the cadre may type it again. */
export type AnswerResult = { ok: true; recipients: number } | { ok: false; text: string; retry?: boolean };

/** Answer a question: the asker (named or through the sealed address) and every me-too joiner receive it. */
export async function answerQuestion(
  s: Services,
  actor: PersonView,
  memberships: MembershipView[],
  id: number,
  rawText: string,
): Promise<AnswerResult> {
  const text = rawText.trim();
  if (!text) return { ok: false, text: T.answerEmpty, retry: true };
  if (text.length > MAX_ANSWER_LENGTH) return { ok: false, text: T.answerTooLong(MAX_ANSWER_LENGTH), retry: true };
  const check = await loadForCadre(s, actor, memberships, id);
  if (!check.ok) return check;
  const q = check.q;
  if (q.status !== "open") return { ok: false, text: T.notOpen(id) };
  const person = await s.prisma.person.findUnique({ where: { id: actor.id }, select: { displayName: true, title: true } });
  const signature = signatureOf(person ?? actor);
  const now = s.clock.now();
  const answer = await s.prisma.$transaction(async (tx) => {
    const taken = await tx.question.updateMany({
      where: { id, status: "open" },
      data: { status: "answered", answeredAt: now, rating: null },
    });
    if (taken.count !== 1) return null;
    const a = await tx.answer.create({ data: { questionId: id, cadreId: actor.id, text, signature, createdAt: now } });
    await tx.questionEvent.create({ data: { questionId: id, kind: "answer", actorId: actor.id, fromUnitId: q.unitId, at: now } });
    return a;
  });
  if (!answer) return { ok: false, text: T.notOpen(id) };
  openIndex(s).remove(id);
  await stopDeadline(s, id);

  let recipients = 0;
  const toAsker: Outgoing = {
    text: T.answerToAsker(id, q.text, text, signature) + "\n\n" + T.rateAsk(id),
    choices: [
      { label: T.btnUseful, action: "dlg.rate", args: { questionId: id, value: "useful" } },
      { label: T.btnUnclear, action: "dlg.rate", args: { questionId: id, value: "unclear" } },
    ],
  };
  if (await deliverToAsker(s, q, toAsker, `dlg:ans:${answer.id}:asker`)) recipients++;
  const joiners = await s.prisma.questionVote.findMany({
    where: { questionId: id, kind: "metoo", deliverTo: { not: null } },
    select: { id: true, deliverTo: true },
  });
  const joinerText = T.answerToJoiner(id, q.text, text, signature);
  for (const v of joiners) {
    const opened = s.secrets.open(v.deliverTo!);
    const pid = opened === null ? NaN : Number(opened);
    if (!Number.isInteger(pid)) continue;
    if (await s.outbox.toPerson(pid, { text: joinerText }, { dedupeKey: `dlg:ans:${answer.id}:v${v.id}` })) recipients++;
  }
  return { ok: true, recipients };
}

export type TransferResult = { ok: true; unitName: string; holder: string } | { ok: false; text: string };

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
): Promise<TransferResult> {
  if (reason.length > 500) return { ok: false, text: T.reasonTooLong };
  const check = await loadForCadre(s, actor, memberships, id);
  if (!check.ok) return check;
  const q = check.q;
  if (q.status !== "open") return { ok: false, text: T.notOpen(id) };
  const topics = await loadTopics(s.prisma);
  const topicHit = topics.find((t) => t.key === target.toLowerCase());
  let route: Route | null;
  let topic = q.topic;
  if (topicHit) {
    topic = topicHit.key;
    const askerUnit = await s.prisma.unit.findUnique({ where: { id: q.askerUnitId } });
    if (!askerUnit) return { ok: false, text: T.notFound(id) };
    route = await resolveRoute(s.prisma, askerUnit, topic);
    if (route.unitId === q.unitId && route.assigneeId === q.assigneeId && topic === q.topic) return { ok: false, text: T.transferSame };
  } else {
    const unit = await s.prisma.unit.findUnique({ where: { code: target } });
    if (!unit) return { ok: false, text: T.unknownTarget(target) };
    const exclude = unit.id === q.unitId && q.assigneeId !== null ? [q.assigneeId] : [];
    const who = await pickAtUnit(s.prisma, unit.id, topic, exclude);
    if (who === null) return { ok: false, text: T.targetNoCadre(unit.name) };
    if (unit.id === q.unitId && who === q.assigneeId) return { ok: false, text: T.transferSame };
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
  if (!moved) return { ok: false, text: T.notOpen(id) };
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
  await deliverToAsker(s, updated, { text: T.transferredAsker(id, toUnit?.name ?? "", formatDate(dueAt)) }, `dlg:tr:${id}:${stamp}:asker`);
  return { ok: true, unitName: toUnit?.name ?? "", holder: holder?.displayName ?? T.unassigned };
}

// ---------------------------------------------------------------- rating

export type RateResult = { kind: "thanks" | "already" | "reopened" | "notYours" | "notAnswered" | "notFound" };

/** The asker rates the answer; "unclear" reopens the question for the cadre who answered. */
export async function rateAnswer(s: Services, personId: number, id: number, value: "useful" | "unclear"): Promise<RateResult> {
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
  const recipients = updated.assigneeId !== null ? [updated.assigneeId] : await unitCadres(s, updated.unitId);
  for (const pid of recipients) {
    await s.outbox.toPerson(
      pid,
      { text: T.reopened(id, formatDateTime(dueAt), updated.text), choices: cadreChoices(id) },
      { dedupeKey: `dlg:reopen:${id}:${dueAt.getTime()}:${pid}` },
    );
  }
  return { kind: "reopened" };
}

/** A follow-up text from the asker of a reopened question, passed to its holder. */
export async function followUp(s: Services, personId: number, id: number, text: string): Promise<"sent" | "notYours" | "notOpen" | AskRefusal> {
  const q = await s.prisma.question.findUnique({ where: { id } });
  if (!q || q.askerKey !== askerKeyOf(s, personId)) return "notYours";
  if (q.status !== "open") return "notOpen";
  const verdict = await checkQuestionText(s, text);
  if (verdict !== "ok" && verdict !== "short") return verdict;
  const now = s.clock.now();
  const ev = await s.prisma.questionEvent.create({
    data: { questionId: id, kind: "followup", actorId: q.anonymous ? null : personId, detail: text.slice(0, 2000), at: now },
  });
  const recipients = q.assigneeId !== null ? [q.assigneeId] : await unitCadres(s, q.unitId);
  for (const pid of recipients) {
    await s.outbox.toPerson(pid, { text: T.followUp(id, text), choices: cadreChoices(id) }, { dedupeKey: `dlg:fu:${ev.id}:${pid}` });
  }
  return "sent";
}

// ---------------------------------------------------------------- FAQ

export type PublishResult = { ok: true; unitName: string; updated: boolean } | { ok: false; text: string };

/**
 * Publish an answered question to the FAQ of the unit that holds it (visible to that unit's
 * whole subtree). The asker is never named: only the question text and the answer.
 */
export async function publishQuestion(s: Services, actor: PersonView, memberships: MembershipView[], id: number): Promise<PublishResult> {
  const check = await loadForCadre(s, actor, memberships, id);
  if (!check.ok) return check;
  const q = check.q;
  const answer = await s.prisma.answer.findFirst({ where: { questionId: id }, orderBy: { id: "desc" } });
  if (!answer || (q.status !== "answered" && q.status !== "closed")) return { ok: false, text: T.publishNotAnswered(id) };
  const unit = await s.prisma.unit.findUniqueOrThrow({ where: { id: q.unitId } });
  const now = s.clock.now();
  const body = `${answer.text}\n\n— ${answer.signature}`;
  const data = {
    unitId: unit.id,
    unitPath: unit.path,
    topic: q.topic,
    question: q.text,
    answer: body,
    normText: normalize(`${q.text} ${answer.text}`),
    publishedById: actor.id,
    publishedAt: now,
  };
  const existing = await s.prisma.faqEntry.findUnique({ where: { questionId: id }, select: { id: true } });
  const entry = existing
    ? await s.prisma.faqEntry.update({ where: { questionId: id }, data })
    : await s.prisma.faqEntry.create({ data: { questionId: id, ...data } });
  await s.prisma.questionEvent.create({ data: { questionId: id, kind: "publish", actorId: actor.id, toUnitId: unit.id, at: now } });
  faqIndex(s).put(entry);
  return { ok: true, unitName: unit.name, updated: !!existing };
}

/** Every ancestor path of a unit path, root first: "/1/4/" → ["/1/", "/1/4/"]. */
export function ancestorPaths(path: string): string[] {
  const ids = pathIds(path);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join("/")}/`);
}

/** Paths from which a reader sees the FAQ: their units, or (a guest) the root units. */
export async function readerPaths(s: Services, memberships: MembershipView[]): Promise<string[]> {
  if (memberships.length) return [...new Set(memberships.map((m) => m.unit.path))];
  const roots = await s.prisma.unit.findMany({ where: { parentId: null }, select: { path: true } });
  return roots.map((r) => r.path);
}

export interface FaqView {
  id: number;
  question: string;
  answer: string;
  publishedAt: Date;
}

/** FAQ search, best matches first, or the latest entries visible to the reader when no words are given. */
export async function searchFaq(s: Services, paths: string[], words: string, limit = 5): Promise<FaqView[]> {
  if (!words.trim()) {
    const visible = [...new Set(paths.flatMap(ancestorPaths))];
    return s.prisma.faqEntry.findMany({
      where: { unitPath: { in: visible } },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { id: true, question: true, answer: true, publishedAt: true },
    });
  }
  const hits = await faqIndex(s).search(words, paths, limit);
  if (!hits.length) return [];
  const rows = await s.prisma.faqEntry.findMany({
    where: { id: { in: hits.map((h) => h.id) } },
    select: { id: true, question: true, answer: true, publishedAt: true, unitPath: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return hits
    .map((h) => byId.get(h.id))
    .filter((r): r is NonNullable<typeof r> => !!r && paths.some((p) => p.startsWith(r.unitPath)));
}

/** An answer draft for the cadre from published answers visible to the asker (LLM only; null otherwise). */
export async function draftFor(s: Services, q: QuestionRow): Promise<string | null> {
  if (!s.llm) return null;
  const unit = await s.prisma.unit.findUnique({ where: { id: q.askerUnitId }, select: { path: true } });
  if (!unit) return null;
  const faqs = await searchFaq(s, [unit.path], q.text, 3);
  if (!faqs.length) return null;
  try {
    return await s.llm.draftAnswer(
      q.text,
      faqs.map((f) => ({ question: f.question, answer: f.answer })),
    );
  } catch (e) {
    s.log.warn({ err: e }, "llm draft failed");
    return null;
  }
}

// ---------------------------------------------------------------- deadlines: jobs and tick

/** Reminder job: the holder (or the unit's cadres) is reminded once per due time. */
export async function runReminder(s: Services, payload: Record<string, unknown>): Promise<void> {
  const id = Number(payload.questionId);
  const due = Number(payload.due);
  if (!Number.isInteger(id)) return;
  const q = await s.prisma.question.findUnique({ where: { id } });
  if (!q || q.status !== "open" || q.dueAt.getTime() !== due) return;
  const recipients = q.assigneeId !== null ? [q.assigneeId] : await unitCadres(s, q.unitId);
  for (const pid of recipients) {
    await s.outbox.toPerson(
      pid,
      { text: T.reminder(id, formatDateTime(q.dueAt), q.text), choices: cadreChoices(id) },
      { dedupeKey: `${remindKey(id, q.dueAt)}:${pid}` },
    );
  }
  await s.prisma.question.updateMany({ where: { id, dueAt: q.dueAt, remindedAt: null }, data: { remindedAt: s.clock.now() } });
}

/**
 * Escalation job: an open question past its due time goes to the parent unit's cadres
 * (escalationLevel + 1, a new due time), and on up the tree at each new deadline. At the
 * root it stays, with a new deadline and a fresh notice. The asker is told who holds it now.
 * Safe to re-run: the move is recorded once per due time, notices are deduplicated.
 */
export async function runEscalation(s: Services, payload: Record<string, unknown>): Promise<void> {
  const id = Number(payload.questionId);
  const due = Number(payload.due);
  if (!Number.isInteger(id) || !Number.isFinite(due)) return;
  const marker = `due:${due}`;
  let ev = await s.prisma.questionEvent.findFirst({ where: { questionId: id, kind: "escalate", detail: marker } });
  const before = await s.prisma.question.findUnique({ where: { id } });
  if (!before) return;
  const now = s.clock.now();
  if (!ev) {
    if (before.status !== "open" || before.dueAt.getTime() !== due) return;
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
    await s.outbox.toPerson(before.assigneeId, { text: T.escalatedAway(id, toUnit?.name ?? "") }, { dedupeKey: `${key}:prev` });
  }
  const dueText = formatDate(q.dueAt);
  await deliverToAsker(
    s,
    q,
    { text: moved ? T.lateAsker(id, toUnit?.name ?? "", dueText) : T.lateAskerSame(id, toUnit?.name ?? "", dueText) },
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
    await ensureJob(s, { kind, runAt: runAt(r), dedupeKey, payload: { questionId: r.id, due: r.dueAt.getTime() } });
  }
}

export { preview };
