// The need bank: many wordings of each need a young person writes to the bot (prompts/nlp/needs/
// *.txt, one block a need: `# <need-id>: <description>`, then one paraphrase a line, a blank line
// between needs). Sibling needs share a subject and differ in the ask (the fee vs the procedure
// of one paper). A text is read as a soft distribution over the needs: each of its features
// (normal-form words, word pairs, lexicon concepts) votes for the needs whose paraphrases say it,
// in proportion to the share of each need's paraphrases that say it, weighted by how few needs
// say it (a word every need says votes for none) and by how often the bank says it at all (a word
// seen once is a weak witness). Two texts that put their mass on the same needs ask the same thing
// even when they share no word: the formal term and the everyday one are paraphrases of one need.
// The bank is read once, at first use; each text is read once and cached. similarity.ts uses the
// cosine of two distributions in place of word coverage when it is higher (see NEED_SHARE there).
// Measured (issue 12 round 6, 370 needs, 4,424 paraphrases): with a third of each need's
// paraphrases held out, the held-out one's best need is right 54% of the time (370 classes, its
// siblings included); cosine ≥ 0.5 for 56% of same-need pairs, 10% of same-subject pairs, 0.1% of
// unrelated ones. Naive Bayes instead of votes, or BM25 nearest paraphrases, or both summed: not
// better on the tuning pairs.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { normalize, tokens } from "./normalize.ts";
import { concepts } from "./question.ts";

export const NEEDS_DIR = fileURLToPath(new URL("../../../prompts/nlp/needs/", import.meta.url));

export interface Need {
  id: string;
  description: string;
  /** File (or label) the need was read from. */
  source: string;
  paraphrases: string[];
}

const HEADER = /^#\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*:\s*(\S.*)$/;
/** Fewest paraphrases a need may have (the bank asks for 10–15; fewer is a broken block). */
export const MIN_PARAPHRASES = 3;

/** The needs of one bank file; throws on a malformed block or a need-id given twice. */
export function parseNeeds(text: string, source: string): Need[] {
  const needs: Need[] = [];
  const seen = new Set<string>();
  let current: Need | null = null;
  const close = () => {
    if (current && current.paraphrases.length < MIN_PARAPHRASES)
      throw new Error(`${source}: need "${current.id}" has ${current.paraphrases.length} paraphrases (at least ${MIN_PARAPHRASES})`);
    current = null;
  };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (line.startsWith("#")) {
      const m = HEADER.exec(line);
      if (!m) throw new Error(`${source}:${i + 1}: malformed need header "${line}" (expected "# <need-id>: <description>")`);
      close();
      const id = m[1]!;
      if (seen.has(id)) throw new Error(`${source}:${i + 1}: need-id "${id}" is given twice`);
      seen.add(id);
      current = { id, description: m[2]!.trim(), source, paraphrases: [] };
      needs.push(current);
      return;
    }
    if (!current) throw new Error(`${source}:${i + 1}: paraphrase before any need header`);
    (current as Need).paraphrases.push(line);
  });
  close();
  return needs;
}

/** Every need of the bank files of a folder (none when there is no folder); throws on an id given twice. */
export function loadNeeds(dir = NEEDS_DIR): Need[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
  const needs: Need[] = [];
  const where = new Map<string, string>();
  for (const f of files) {
    for (const n of parseNeeds(readFileSync(join(dir, f), "utf8"), f)) {
      const before = where.get(n.id);
      if (before) throw new Error(`need-id "${n.id}" is given twice: ${before} and ${f}`);
      where.set(n.id, f);
      needs.push(n);
    }
  }
  return needs;
}

/** Features of a text: its normal-form words, adjacent word pairs and lexicon concepts. */
export function needFeatures(text: string): string[] {
  const norm = normalize(text);
  const words = norm.split(" ").filter(Boolean);
  const out = new Set<string>(words);
  // Measured by cross-validation over the bank (paraphrases held out): without the word pairs
  // top-1 falls from 0.54 to 0.46, without the concepts to 0.50; letter 4-grams add nothing.
  for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]} ${words[i]}`);
  for (const c of concepts(norm)) if (!out.has(c)) out.add(`c:${c}`);
  return [...out];
}

/** A distribution over needs: need index → probability (only the most probable kept). */
export type NeedDistribution = ReadonlyMap<number, number>;

export interface NeedModelOptions {
  /**
   * "votes": each feature votes for the needs that say it; "knn": BM25 over the paraphrases, a
   * need scored by its best one. Votes won (bank cross-validation: AUC same need vs same subject
   * other ask 0.885 against 0.726; vs unrelated 0.987 against 0.963).
   */
  method?: "votes" | "knn";
  /**
   * Witness weight of a feature the bank says c times: c / (c + RELIABILITY) (1–12 tried; 6 best;
   * leaving out the features said once instead costs 2 points of held-out top-1).
   */
  reliability?: number;
  /** Power the need scores are raised to before normalising (> 1 sharpens; 1.5–3 alike). */
  sharpen?: number;
  /** Most needs kept in a distribution. */
  top?: number;
  /** Features said by more than this share of the needs are left out (0.25: no loss, fewer votes). */
  maxSpread?: number;
  /** BM25 saturation and length normalisation (method "knn"). */
  k1?: number;
  b?: number;
}

export interface NeedModel {
  needs: Need[];
  /** The distribution of a text (cached per text). */
  distribution(text: string): NeedDistribution;
  /** Cosine of two distributions, in [0, 1]. */
  compare(a: NeedDistribution, b: NeedDistribution): number;
  similarity(a: string, b: string): number;
  explain(a: string, b: string): NeedExplained;
  /** Forget the cached distributions (for timing the uncached path). */
  forget(): void;
}

export interface NeedExplained {
  similarity: number;
  a: { need: string; p: number }[];
  b: { need: string; p: number }[];
}

const DEFAULTS: Required<NeedModelOptions> = { method: "votes", maxSpread: 0.25, reliability: 6, sharpen: 2, top: 12, k1: 1.2, b: 0.75 };
const CACHE_MAX = 20_000;

/** The need model of a bank: per feature, the needs it votes for and how much it counts. */
export function buildNeedModel(needs: Need[], options: NeedModelOptions = {}): NeedModel {
  const o = { ...DEFAULTS, ...options };
  const n = needs.length;
  // feature → the needs whose paraphrases say it and in how many of each (needs are read in
  // order, so a need is the last one listed or new); one pass, few objects
  const docs: { need: number; features: string[] }[] = [];
  const votes = new Map<string, { needs: number[]; w: number[] }>();
  needs.forEach((need, k) => {
    for (const p of need.paraphrases) {
      const fs = needFeatures(p);
      if (o.method === "knn") docs.push({ need: k, features: fs });
      for (const f of fs) {
        let v = votes.get(f);
        if (!v) votes.set(f, (v = { needs: [], w: [] }));
        const last = v.needs.length - 1;
        if (v.needs[last] === k) v.w[last]!++;
        else {
          v.needs.push(k);
          v.w.push(1);
        }
      }
    }
  });
  // counts → weight × p(need | feature): p from the share of each need's paraphrases saying the
  // feature, the weight being its idf over needs times how well the bank attests it
  for (const [f, v] of votes) {
    // a feature most needs say tells none apart (and would cost a vote for each)
    if (v.needs.length > n * o.maxSpread) {
      votes.delete(f);
      continue;
    }
    let said = 0;
    let total = 0;
    for (let i = 0; i < v.needs.length; i++) {
      said += v.w[i]!;
      v.w[i] = v.w[i]! / needs[v.needs[i]!]!.paraphrases.length;
      total += v.w[i]!;
    }
    const weight = Math.log((n + 1) / v.needs.length) * (said / (said + o.reliability));
    if (weight <= 0) {
      votes.delete(f);
      continue;
    }
    for (let i = 0; i < v.w.length; i++) v.w[i] = (weight * v.w[i]!) / total;
  }
  const knn = o.method === "knn" ? nearestParaphrases(docs, o.k1, o.b) : null;
  const cache = new Map<string, NeedDistribution>();
  const distribution = (text: string): NeedDistribution => {
    const hit = cache.get(text);
    if (hit) return hit;
    const fs = needFeatures(text);
    let ranked: [number, number][];
    if (knn) ranked = [...knn(fs)];
    else {
      const score = new Float64Array(n);
      const touched: number[] = [];
      for (const f of fs) {
        const v = votes.get(f);
        if (!v) continue;
        for (let i = 0; i < v.needs.length; i++) {
          const k = v.needs[i]!;
          if (score[k] === 0) touched.push(k);
          score[k] = score[k]! + v.w[i]!;
        }
      }
      ranked = touched.map((k) => [k, score[k]!]);
    }
    ranked = ranked.sort((x, y) => y[1] - x[1]).slice(0, o.top);
    let z = 0;
    for (const [, s] of ranked) z += s ** o.sharpen;
    const d: NeedDistribution = new Map(ranked.map(([k, s]) => [k, s ** o.sharpen / z]));
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(text, d);
    return d;
  };
  const similarity = (a: string, b: string): number => cosine(distribution(a), distribution(b));
  const top = (d: NeedDistribution) => [...d].slice(0, 3).map(([k, p]) => ({ need: needs[k]!.id, p: Math.round(p * 1000) / 1000 }));
  return {
    needs,
    distribution,
    compare: cosine,
    similarity,
    explain: (a, b) => ({ similarity: similarity(a, b), a: top(distribution(a)), b: top(distribution(b)) }),
    forget: () => cache.clear(),
  };
}

/** BM25 over the paraphrases (binary term frequency); a need scores as its best paraphrase. */
function nearestParaphrases(docs: { need: number; features: string[] }[], k1: number, b: number): (fs: string[]) => Map<number, number> {
  const postings = new Map<string, number[]>();
  docs.forEach((d, i) => {
    for (const f of d.features) {
      let p = postings.get(f);
      if (!p) postings.set(f, (p = []));
      p.push(i);
    }
  });
  const avg = docs.reduce((s, d) => s + d.features.length, 0) / (docs.length || 1);
  const norm = docs.map((d) => (k1 + 1) / (1 + k1 * (1 - b + (b * d.features.length) / avg)));
  const idf = new Map<string, number>();
  for (const [f, p] of postings) idf.set(f, Math.log(1 + (docs.length - p.length + 0.5) / (p.length + 0.5)));
  return (fs) => {
    const perDoc = new Map<number, number>();
    for (const f of fs) {
      const p = postings.get(f);
      if (!p) continue;
      const w = idf.get(f)!;
      for (const i of p) perDoc.set(i, (perDoc.get(i) ?? 0) + w * norm[i]!);
    }
    const best = new Map<number, number>();
    for (const [i, s] of perDoc) {
      const k = docs[i]!.need;
      if (s > (best.get(k) ?? 0)) best.set(k, s);
    }
    return best;
  };
}

function cosine(a: NeedDistribution, b: NeedDistribution): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, p] of a) {
    na += p * p;
    const q = b.get(k);
    if (q !== undefined) dot += p * q;
  }
  for (const q of b.values()) nb += q * q;
  return na && nb ? Math.min(1, dot / Math.sqrt(na * nb)) : 0;
}

let shipped: NeedModel | null = null;

/** The model of the shipped bank (prompts/nlp/needs), built at first use. */
export function needModel(): NeedModel {
  return (shipped ??= buildNeedModel(loadNeeds()));
}

/** Probability a text's first need must have for its words to widen a search. */
const QUERY_NEED_MIN = 0.3;
/** Words of a need that make its search query. */
const QUERY_WORDS = 8;
const needWords = new Map<number, string>();

/**
 * The words other wordings of a text's need use (its first need of the bank, when clear), as a
 * search query, or null: the member's everyday words find the open question written in the
 * formal term. The words said by most of the need's wordings first, those of the text left out.
 */
export function needQuery(text: string): string | null {
  const model = needModel();
  let best = -1;
  let p = 0;
  for (const [k, q] of model.distribution(text)) {
    if (q > p) {
      p = q;
      best = k;
    }
  }
  if (best < 0 || p < QUERY_NEED_MIN) return null;
  let words = needWords.get(best);
  if (words === undefined) {
    const said = new Map<string, number>();
    for (const w of model.needs[best]!.paraphrases) for (const t of new Set(tokens(w))) said.set(t, (said.get(t) ?? 0) + 1);
    words = [...said].filter(([, c]) => c >= 2).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([t]) => t).join(" ");
    needWords.set(best, words);
  }
  const own = new Set(tokens(text));
  const q = words.split(" ").filter((t) => t && !own.has(t)).slice(0, QUERY_WORDS);
  return q.length ? q.join(" ") : null;
}

/** How much two texts ask the same need of the bank, in [0, 1] (0 when the bank is empty). */
export function needSimilarity(a: string, b: string): number {
  return needModel().similarity(a, b);
}

/** The top needs of each side and their similarity (for scripts/training/dev-eval.ts). */
export function explainNeeds(a: string, b: string): NeedExplained {
  return needModel().explain(a, b);
}
