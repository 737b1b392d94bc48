// "Has this been asked already?" — the candidates shown to a member before a question is queued:
// at most three open questions (or published answers) asking the same thing.
//
// Offline (always available): BM25 over the open questions (indexes.ts) gives a pool, the
// offline detector (similarity.ts) decides and ranks. With OPENAI_EMBEDDING_MODEL set, the pool
// also comes from vector similarity over the questions and answers seen so far (vectors kept in
// memory beside the index, computed once per text), ranked by cosine; the LLM check (OPENAI_MODEL,
// strict JSON) then decides among the best ones. Any failure or timeout of the embedding call
// falls back to the offline method; a failure of the LLM check keeps the vector decision.
import type { Services } from "../../../bot/core/context.ts";
import { faqIndex, openIndex } from "../indexes.ts";
import { features, similarity, DUPLICATE_THRESHOLD } from "./similarity.ts";
import { VectorStore } from "./vectors.ts";
import { needQuery } from "./needs.ts";

/** Candidates shown to the member. */
export const SHOWN = 3;
/** BM25 hits the offline detector looks at. */
const POOL = 20;
/** Hits of the need bank's words for the text's need added to the pool (other wordings of one need share no word). */
const NEED_POOL = 10;
/** Nearest vectors added to the pool. */
const VECTOR_POOL = 10;
/** Cosine similarity above which two texts are taken as the same question when no LLM check decides. */
export const SEMANTIC_THRESHOLD = 0.8;
/** Below this, a vector candidate is not even shown to the LLM check. */
const SEMANTIC_FLOOR = 0.6;

export interface Candidate {
  id: number;
  text: string;
}

export interface Duplicate {
  id: number;
  score: number;
}

/** The offline decision over a pool: duplicates only, best first, at most `limit`. */
export function rankDuplicates(text: string, pool: Candidate[], limit = SHOWN): Duplicate[] {
  const out: Duplicate[] = [];
  const query = features(text);
  for (const c of pool) {
    const score = similarity(query, c.text);
    if (score >= DUPLICATE_THRESHOLD) out.push({ id: c.id, score: Math.round(score * 1000) / 1000 });
  }
  return out.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit);
}

export type Scope =
  /** Open questions held by these units, not asked by this asker. */
  | { pool: "open"; unitIds: number[]; excludeKey: string }
  /** Published answers visible from this unit path. */
  | { pool: "faq"; readerPath: string };

interface Meta {
  unitId?: number;
  askerKey?: string;
  unitPath?: string;
}

interface Stores {
  open: VectorStore<Meta>;
  faq: VectorStore<Meta>;
  /** Vectors of recently checked texts (one question is checked against both pools). */
  recent: Map<string, Float32Array>;
}
const RECENT_MAX = 256;
const stores = new WeakMap<Services, Stores>();

function storesOf(s: Services): Stores {
  let st = stores.get(s);
  if (!st) {
    st = { open: new VectorStore<Meta>(), faq: new VectorStore<Meta>(), recent: new Map() };
    stores.set(s, st);
  }
  return st;
}

/** The pool of a scope, from the full-text index, re-checked in the database. */
async function textPool(s: Services, text: string, scope: Scope): Promise<(Candidate & Meta)[]> {
  const wider = needQuery(text);
  if (scope.pool === "open") {
    const search = (q: string, limit: number) => openIndex(s).search(q, scope.unitIds, scope.excludeKey, limit);
    const hits = [...(await search(text, POOL)), ...(wider ? await search(wider, NEED_POOL) : [])];
    return openRows(s, scope, [...new Set(hits.map((h) => h.id))]);
  }
  const search = (q: string, limit: number) => faqIndex(s).search(q, [scope.readerPath], limit);
  const hits = [...(await search(text, POOL)), ...(wider ? await search(wider, NEED_POOL) : [])];
  return faqRows(s, [...new Set(hits.map((h) => h.id))]);
}

/** The offline pool of a text in an index: its BM25 hits, and those of its need's words (`needQuery`). */
export function offlinePool<M>(index: { search(q: string, o: { limit: number }): { id: number; meta: M }[] }, text: string): number[] {
  const wider = needQuery(text);
  const hits = [...index.search(text, { limit: POOL }), ...(wider ? index.search(wider, { limit: NEED_POOL }) : [])];
  return [...new Set(hits.map((h) => h.id))];
}

async function openRows(s: Services, scope: Extract<Scope, { pool: "open" }>, ids: number[]): Promise<(Candidate & Meta)[]> {
  if (!ids.length) return [];
  // `held: { not: true }`, not `held: false`: an equality on `held` lets SQLite (no statistics)
  // take the (held, createdAt) index and read every question not held; this stays on the ids
  const rows = await s.prisma.question.findMany({
    where: { id: { in: ids }, status: "open", moderation: "approved", held: { not: true }, unitId: { in: scope.unitIds } },
    select: { id: true, text: true, unitId: true, askerKey: true },
  });
  return rows.filter((r) => r.askerKey !== scope.excludeKey);
}

async function faqRows(s: Services, ids: number[]): Promise<(Candidate & Meta)[]> {
  if (!ids.length) return [];
  const rows = await s.prisma.faqEntry.findMany({ where: { id: { in: ids } }, select: { id: true, question: true, unitPath: true } });
  return rows.map((r) => ({ id: r.id, text: r.question, unitPath: r.unitPath }));
}

/**
 * The best (at most three) open questions or published answers that ask the same thing as `text`,
 * best first. Never throws on an LLM problem: the offline method answers instead.
 */
export async function findDuplicates(s: Services, text: string, scope: Scope, opts: { limit?: number } = {}): Promise<Duplicate[]> {
  const limit = opts.limit ?? SHOWN;
  const pool = await textPool(s, text, scope);
  if (s.llm?.embeds) {
    const semantic = await semanticDuplicates(s, text, scope, pool, limit);
    if (semantic) return semantic;
  }
  return rankDuplicates(text, pool, limit);
}

/** Vector ranking (and the LLM check when it answers); null when the embeddings fail. */
async function semanticDuplicates(s: Services, text: string, scope: Scope, pool: (Candidate & Meta)[], limit: number): Promise<Duplicate[] | null> {
  const llm = s.llm!;
  const st = storesOf(s);
  const store = st[scope.pool];
  const missing = pool.filter((c) => !store.has(c.id, c.text));
  const known = st.recent.get(text);
  const vectors = known && !missing.length ? [known] : await llm.embed([text, ...missing.map((c) => c.text)]);
  if (!vectors) return null;
  const [query, ...rest] = vectors;
  st.recent.delete(text);
  if (st.recent.size >= RECENT_MAX) st.recent.delete(st.recent.keys().next().value!);
  st.recent.set(text, query!);
  missing.forEach((c, i) => store.put(c.id, c.text, rest[i]!, { unitId: c.unitId, askerKey: c.askerKey, unitPath: c.unitPath }));
  // Candidates: the text pool and the nearest vectors in scope (re-checked in the database).
  const visible =
    scope.pool === "open"
      ? (m: Meta) => m.unitId !== undefined && scope.unitIds.includes(m.unitId) && m.askerKey !== scope.excludeKey
      : (m: Meta) => m.unitPath !== undefined && scope.readerPath.startsWith(m.unitPath);
  const near = store.nearest(query!, VECTOR_POOL, visible).filter((n) => !pool.some((c) => c.id === n.id));
  const extra = near.length ? (scope.pool === "open" ? await openRows(s, scope, near.map((n) => n.id)) : await faqRows(s, near.map((n) => n.id))) : [];
  const ranked = [...pool, ...extra]
    .map((c) => ({ c, score: store.cosine(query!, c.id) }))
    .filter((r) => r.score >= SEMANTIC_FLOOR)
    .sort((a, b) => b.score - a.score || a.c.id - b.c.id)
    .slice(0, limit);
  if (!ranked.length) return [];
  const confirmed = await llm.sameQuestion(
    text,
    ranked.map((r) => r.c.text),
  );
  const keep = confirmed ? ranked.filter((_, i) => confirmed.includes(i)) : ranked.filter((r) => r.score >= SEMANTIC_THRESHOLD);
  return keep.map((r) => ({ id: r.c.id, score: Math.round(r.score * 1000) / 1000 }));
}
