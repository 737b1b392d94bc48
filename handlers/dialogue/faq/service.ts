/**
 * The FAQ: publishing an answered question to the holding unit's subtree, searching what a
 * reader may see, and (with an LLM) answer drafts for cadres from published answers.
 */
import type { MembershipView, PersonView, Services } from "../../../bot/core/context.ts";
import { pathIds } from "../../../bot/domain/org.ts";
import { loadForCadre, type AccessRefusal } from "../answering/service.ts";
import { faqIndex } from "../indexes.ts";
import { normalize } from "../nlp/normalize.ts";
import type { QuestionRow } from "../questions.ts";
import { followUpText } from "../answering/deliver.ts";
import { dialogueText as T } from "../../../prompts/vi/dialogue.ts";

export type PublishOutcome =
  | { kind: "published"; unitName: string; updated: boolean; question: QuestionRow }
  | { kind: "notAnswered"; id: number }
  | AccessRefusal;

/** Longest texts a cadre may publish. */
export const MAX_PUBLISHED_QUESTION = 2000;
export const MAX_PUBLISHED_ANSWER = 8000;

/** What would be published: the question and the whole thread's answer (follow-ups with their own answers). */
export interface PublishDraft {
  question: string;
  answer: string;
}

/**
 * The text offered for publishing: the question, and the answer — the first answer, then each
 * follow-up with its own answer, signed by the last one. An entry published before is offered
 * as it was (the cadre's edits kept).
 */
export async function publishDraft(s: Services, q: QuestionRow): Promise<PublishDraft | null> {
  const answers = await s.prisma.answer.findMany({ where: { questionId: q.id }, orderBy: { id: "asc" } });
  const last = answers[answers.length - 1];
  if (!last || (q.status !== "answered" && q.status !== "closed")) return null;
  const existing = await s.prisma.faqEntry.findUnique({ where: { questionId: q.id }, select: { question: true, answer: true, publishedAt: true } });
  if (existing && existing.publishedAt >= last.createdAt) return { question: existing.question, answer: existing.answer };
  const parts: string[] = [];
  for (const a of answers) {
    const follow = await followUpText(s, a.followUpId);
    parts.push(follow === null ? a.text : T.followUpInFaq(follow, a.text));
  }
  return { question: q.text, answer: `${parts.join("\n\n")}\n\n— ${last.signature}` };
}

/**
 * Publish an answered question to the FAQ of the unit that holds it (visible to that unit's
 * whole subtree), with the texts the cadre chose and edited (default: the draft). The asker is
 * never named: only the question text and the answer.
 */
export async function publishQuestion(s: Services, actor: PersonView, memberships: MembershipView[], id: number, edited?: PublishDraft): Promise<PublishOutcome> {
  const check = await loadForCadre(s, actor, memberships, id);
  if (check.kind !== "ok") return check;
  const q = check.q;
  const draft = await publishDraft(s, q);
  if (!draft) return { kind: "notAnswered", id };
  const texts = edited ?? draft;
  const unit = await s.prisma.unit.findUniqueOrThrow({ where: { id: q.unitId } });
  const now = s.clock.now();
  const data = {
    unitId: unit.id,
    unitPath: unit.path,
    topic: q.topic,
    question: texts.question,
    answer: texts.answer,
    normText: normalize(`${texts.question} ${texts.answer}`),
    publishedById: actor.id,
    publishedAt: now,
  };
  const existing = await s.prisma.faqEntry.findUnique({ where: { questionId: id }, select: { id: true } });
  const entry = existing
    ? await s.prisma.faqEntry.update({ where: { questionId: id }, data })
    : await s.prisma.faqEntry.create({ data: { questionId: id, ...data } });
  await s.prisma.questionEvent.create({ data: { questionId: id, kind: "publish", actorId: actor.id, toUnitId: unit.id, at: now } });
  faqIndex(s).put(entry);
  return { kind: "published", unitName: unit.name, updated: !!existing, question: q };
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
