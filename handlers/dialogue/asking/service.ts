/**
 * Asking: the checks a question must pass before it is queued (text, moderation, the open
 * question limit, repetition), classification and routing, the row and its deadline, the
 * "me too" offer (similar published answers and open questions) and joining one.
 * Outcomes are typed; the handlers (asking/handlers.ts) turn them into words.
 */
import type { Services, UnitView } from "../../../bot/core/context.ts";
import { isUniqueViolation } from "../../../bot/core/outbox/outbox.ts";
import { refsJson } from "../../../bot/core/attachments.ts";
import type { AttachmentRef } from "../../../bot/core/types.ts";
import { pathIds } from "../../../bot/domain/org.ts";
import { dueFrom, scheduleDeadline } from "../deadlines.ts";
import { openIndex } from "../indexes.ts";
import { checkQuestionText, type TextVerdict } from "../moderation.ts";
import { notifyHolder } from "../notify.ts";
import { normalize, stopwords, tokens } from "../nlp/normalize.ts";
import { findDuplicates } from "../nlp/duplicates.ts";
import { TopicClassifier } from "../nlp/classifier.ts";
import { askerKeyOf, voterKeyOf, type QuestionRow, type UnitRef } from "../questions.ts";
import { resolveAnonRoute, resolveRoute, type Route } from "../routing.ts";
import { newPublicRef, refOf, releaseTime, type QRef } from "../anon.ts";
import { labelOf, loadTopics, OTHER_TOPIC, topicLabels } from "../topics.ts";

/** A question repeated word for word by the same person within this window is refused. */
const REPEAT_WINDOW_MS = 7 * 86_400_000;

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

export type AskRefusal = Exclude<TextVerdict, "ok"> | "repeat" | "limit";

/** Why a question was refused; `detail` names the earlier question for "repeat" (anonymous: told through the anonymous target). */
export interface Refused {
  kind: "refused";
  reason: AskRefusal;
  detail?: QRef;
  anonymous?: boolean;
}

/**
 * Checks a question must pass before anything else happens (text, moderation, the open
 * question limit, repetition). Null when it may go on.
 */
export async function precheck(s: Services, personId: number, text: string): Promise<Refused | null> {
  const verdict = await checkQuestionText(s, text);
  if (verdict !== "ok") return { kind: "refused", reason: verdict };
  const askerKey = askerKeyOf(s, personId);
  const open = await s.prisma.question.count({ where: { askerKey, status: "open" } });
  if (open >= s.config.MAX_OPEN_QUESTIONS) return { kind: "refused", reason: "limit" };
  const since = new Date(s.clock.now().getTime() - REPEAT_WINDOW_MS);
  const same = await s.prisma.question.findFirst({
    where: { askerKey, normText: normalize(text), createdAt: { gte: since } },
    select: { id: true, anonymous: true, publicRef: true },
  });
  if (same) return { kind: "refused", reason: "repeat", detail: refOf(same), anonymous: same.anonymous };
  return null;
}

export interface AskInput {
  personId: number;
  /** The asker's unit (routing starts there). */
  unit: UnitRef;
  text: string;
  anonymous: boolean;
  /** Live dialogue session the question joins (given by the sessions feature through its port). */
  sessionId?: number | null;
  /** Moderation state: "pending" while a session's moderator has not approved it. */
  moderation?: "approved" | "pending";
  /** A session question: routed from the session's unit, due counted from the session's closing, no deadline jobs until then. */
  routeUnit?: UnitRef;
  dueBase?: Date;
  /** Notify the assigned cadre at once (default true). */
  notify?: boolean;
  /** The caller has just run `precheck` for this text (skips a second moderation call). */
  prechecked?: boolean;
  /** Photos/documents sent with it, saved (files.ts). */
  files?: AttachmentRef[];
}

/** A public reference no question holds yet (random: a clash is retried). */
async function freeRef(tx: Pick<Services["prisma"], "question">): Promise<string> {
  for (;;) {
    const ref = newPublicRef();
    if (!(await tx.question.findUnique({ where: { publicRef: ref }, select: { id: true } }))) return ref;
  }
}

export type AskOutcome = { kind: "queued"; question: QuestionRow; route: Route; unitName: string; topicLabel: string } | Refused;

/**
 * Create a question: checks (text, moderation, limit, repetition), classification, routing,
 * the row, its deadline jobs and the cadre's notification.
 * An anonymous question stores no person id: only the asker's pseudonym (for "my
 * questions") and a sealed delivery address.
 */
export async function createQuestion(s: Services, input: AskInput): Promise<AskOutcome> {
  const text = input.text.trim();
  const refused = input.prechecked ? null : await precheck(s, input.personId, text);
  if (refused) return refused;
  const { topic, confidence } = await classifyQuestion(s, text);
  const anon = input.anonymous;
  const from = input.routeUnit ?? input.unit;
  const route = anon ? await resolveAnonRoute(s.prisma, from, topic) : await resolveRoute(s.prisma, from, topic);
  // an anonymous question is dated and reaches the cadre at the end of its batch, under a
  // random reference, and is filed under the unit that first holds it (never the asker's branch)
  const now = anon ? releaseTime(s, s.clock.now()) : s.clock.now();
  const held = anon && now.getTime() > s.clock.now().getTime();
  const dueAt = dueFrom(s, input.dueBase && input.dueBase.getTime() > now.getTime() ? input.dueBase : now);
  const askerUnitId = anon ? route.unitId : input.unit.id;
  const q = await s.prisma.$transaction(async (tx) => {
    const row = await tx.question.create({
      data: {
        askerId: anon ? null : input.personId,
        anonymous: anon,
        askerKey: askerKeyOf(s, input.personId),
        anonDelivery: anon ? s.secrets.seal(String(input.personId)) : null,
        publicRef: anon ? await freeRef(tx) : null,
        attachments: refsJson(input.files ?? []),
        held,
        askerUnitId,
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
      data: { questionId: row.id, kind: "ask", toUnitId: route.unitId, actorId: anon ? null : input.personId, at: now },
    });
    return row;
  });
  openIndex(s).put(q);
  const [labels, unit] = await Promise.all([topicLabels(s.prisma), s.prisma.unit.findUnique({ where: { id: route.unitId } })]);
  if (!held) {
    // a session question's deadline starts when the session closes (handlers/sessions settles it)
    if (q.sessionId === null) await scheduleDeadline(s, q, now);
    if (input.notify !== false) await notifyHolder(s, q, { kind: "new" }, `dlg:new:${q.id}`);
  }
  if (!input.anonymous) s.log.info({ question: q.id, topic, unit: route.unitId }, "question asked");
  else s.log.info({ topic, unit: route.unitId }, "anonymous question asked");
  return { kind: "queued", question: q, route, unitName: unit?.name ?? "", topicLabel: labelOf(labels, topic) };
}

/**
 * An open question offered as "the same question". An anonymous one is offered by topic and
 * gist only: `text` is null and `gist` holds the words of the new asker's own text that it
 * shares (nothing the new asker did not type themselves).
 */
export interface SimilarOpen {
  id: number;
  ref: QRef;
  text: string | null;
  topic: string;
  gist: string;
  votes: number;
}

export interface Similar {
  faqs: { id: number; question: string; answer: string }[];
  open: SimilarOpen[];
}

/** The words of `mine` (as typed) whose normalised form `theirs` holds too, stopwords left out. */
export function sharedGist(mine: string, theirs: string, max = 8): string {
  const theirTokens = new Set(tokens(theirs));
  const stop = stopwords();
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const w of mine.split(/\s+/)) {
    const clean = w.replace(/[^\p{L}\p{N}]/gu, "").toLowerCase();
    const t = normalize(clean);
    if (!clean || !t || t.includes(" ") || stop.has(t) || seen.has(t) || !theirTokens.has(t)) continue;
    seen.add(t);
    kept.push(clean);
    if (kept.length >= max) break;
  }
  return kept.join(", ");
}

/**
 * Published answers visible to the asker and open questions of the same scope (held by a
 * unit on the asker's way up the tree) that ask the same thing.
 */
export async function findSimilar(s: Services, personId: number, unit: Pick<UnitView, "path">, text: string): Promise<Similar> {
  const faqHits = await findDuplicates(s, text, { pool: "faq", readerPath: unit.path }, { limit: 2 });
  const faqRows = faqHits.length
    ? await s.prisma.faqEntry.findMany({ where: { id: { in: faqHits.map((h) => h.id) } }, select: { id: true, question: true, answer: true } })
    : [];
  const faqById = new Map(faqRows.map((r) => [r.id, r]));
  const faqs = faqHits
    .map((h) => faqById.get(h.id))
    .filter((r): r is NonNullable<typeof r> => !!r)
    .slice(0, 2);

  const scope = pathIds(unit.path);
  const mine = askerKeyOf(s, personId);
  const openHits = await findDuplicates(s, text, { pool: "open", unitIds: scope, excludeKey: mine });
  const rows = openHits.length
    ? await s.prisma.question.findMany({
        where: { id: { in: openHits.map((h) => h.id) }, status: "open", moderation: "approved", unitId: { in: scope } },
        select: { id: true, text: true, votes: true, askerKey: true, anonymous: true, publicRef: true, topic: true, held: true },
      })
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const labels = rows.some((r) => r.anonymous) ? await topicLabels(s.prisma) : new Map<string, string>();
  const open = openHits
    .map((h) => byId.get(h.id))
    .filter((r): r is NonNullable<typeof r> => !!r && !r.held && r.askerKey !== mine)
    .slice(0, 3)
    .map((r) => ({
      id: r.id,
      ref: refOf(r),
      text: r.anonymous ? null : r.text,
      topic: labelOf(labels, r.topic),
      gist: r.anonymous ? sharedGist(text, r.text) : "",
      votes: r.votes,
    }));
  return { faqs, open };
}

export type JoinOutcome =
  | { kind: "joined" | "already" | "notOpen" | "notFound"; id: number }
  | { kind: "own"; id: number; anonymous: boolean }
  | { kind: "answered"; id: number; text: string };

/**
 * "Me too": join an open question of the same scope. Counts as a vote; the joiner's sealed
 * address receives the answer. An already answered question gives its answer at once.
 */
export async function joinQuestion(s: Services, personId: number, unit: Pick<UnitView, "path">, id: number): Promise<JoinOutcome> {
  const q = await s.prisma.question.findUnique({ where: { id } });
  if (!q || q.held || !pathIds(unit.path).includes(q.unitId) || q.moderation !== "approved") return { kind: "notFound", id };
  if (q.askerKey === askerKeyOf(s, personId)) return { kind: "own", id, anonymous: q.anonymous };
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
