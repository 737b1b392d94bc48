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

export type PublishOutcome = { kind: "published"; unitName: string; updated: boolean } | { kind: "notAnswered"; id: number } | AccessRefusal;

/**
 * Publish an answered question to the FAQ of the unit that holds it (visible to that unit's
 * whole subtree). The asker is never named: only the question text and the answer.
 */
export async function publishQuestion(s: Services, actor: PersonView, memberships: MembershipView[], id: number): Promise<PublishOutcome> {
  const check = await loadForCadre(s, actor, memberships, id);
  if (check.kind !== "ok") return check;
  const q = check.q;
  const answer = await s.prisma.answer.findFirst({ where: { questionId: id }, orderBy: { id: "desc" } });
  if (!answer || (q.status !== "answered" && q.status !== "closed")) return { kind: "notAnswered", id };
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
  return { kind: "published", unitName: unit.name, updated: !!existing };
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
