// Do two questions ask the same thing? Same subject AND same ask.
//
// Both texts are read by question.ts: normalised, common synonyms and paraphrases mapped to one
// concept token (bảo hiểm y tế = BHYT, sổ đỏ = giấy chứng nhận quyền sử dụng đất, nón = mũ bảo
// hiểm, …; the lexicon is prompts/nlp/lexicon.yaml), question words read as the kind of ask.
// Concepts are weighted by IDF (over the training questions) and by position: the clause holding
// the question words weighs most, its end most of all (a Vietnamese question ends on what it
// asks); context clauses weigh little. Small talk and questions about the bot are decided by
// smalltalk.ts. The score blends each side's weighted coverage by the other (the shorter side's
// most), lowered when both sides name a different known thing (tạm trú vs thường trú), when the
// two are asked for different people (for me vs for my child), when both sides end on something
// the other does not say, when
// the asks conflict, or when the two name different facets of one subject (the fine vs where to
// complain, cost vs safety), or when one side asks about a facet the other never mentions.
import { readFileSync } from "node:fs";
import { normalize } from "./normalize.ts";
import { loadSaved, TRAINING_FILE } from "./classifier.ts";
import { type Ask, concepts, parse, type Parsed, TAIL_WEIGHT } from "./question.ts";
import { smalltalkVerdict } from "./smalltalk.ts";
import { lexicon } from "./lexicon.ts";

/**
 * Tuned on prompts/training/duplicates.jsonl (own dev pairs) and on the independently written
 * dev pairs (test/quality/independent/duplicates.dev.jsonl), never on the held-out sets.
 */
export const DUPLICATE_THRESHOLD = 0.4;
/** Weight of the shorter side's coverage in the score. */
const SHORT_SHARE = 0.6;

const TAIL_PENALTY = 0.5;
const FACET_CONFLICT = 0.7;
/** One side asks about a facet (cost, penalty, pay…) that the other never mentions. */
const FACET_ONE_SIDED = 0.65;
const ASK_CONFLICT = 0.4;
const ASK_ONE_SIDED = 0.5;
const ASK_HOW_VS_YESNO = 0.6;
/** Asks that say how to answer rather than what is asked about. */
const SOFT_ASKS = new Set<Ask>(["how", "yesno", "what"]);
/** Asks that differ in words but are answered alike ("how long until" / "when"). */
const SAME_ASK: [Ask, Ask][] = [["duration", "when"]];
/** Both sides name a specific thing the other does not (the residence permit vs the temporary one). */
const SUBSTITUTION = 0.4;
/** Least IDF weight of a concept that counts as a specific thing. */
const SUBSTITUTION_MIN_WEIGHT = 2.5;
/** The two are asked for different people (for me vs for my child). */
const OTHER_TARGET = 0.3;

let idfTable: Map<string, number> | null = null;
let idfDefault = 1;

/** Inverse document frequency of concepts over the shipped training questions. */
function idf(): Map<string, number> {
  if (idfTable) return idfTable;
  // counted by the build (dist/models/concept-df.json) when fresh, else here
  const { n, df } = loadSaved<{ n: number; df: [string, number][] }>("concept-df") ?? conceptFrequencies();
  idfTable = new Map();
  for (const [c, k] of df) idfTable.set(c, Math.log((n + 1) / (k + 0.5)));
  idfDefault = Math.log((n + 1) / 0.5);
  return idfTable;
}

/** In how many training questions each concept appears, and how many questions there are. */
export function conceptFrequencies(): { n: number; df: [string, number][] } {
  const df = new Map<string, number>();
  let n = 0;
  try {
    for (const line of readFileSync(TRAINING_FILE, "utf8").split("\n")) {
      if (!line.trim()) continue;
      n++;
      const { text } = JSON.parse(line) as { text: string };
      for (const c of new Set(concepts(normalize(text)))) df.set(c, (df.get(c) ?? 0) + 1);
    }
  } catch {
    // No corpus: every concept weighs the same.
  }
  return { n, df: [...df] };
}

function weight(c: string): number {
  const w = idf().get(c) ?? idfDefault;
  // Numbers ("15", "2") say little about the subject.
  return /^\d+$/.test(c) ? 0.5 : Math.max(0.3, w);
}

function trigrams(w: string): Set<string> {
  const p = ` ${w} `;
  const s = new Set<string>();
  for (let i = 0; i + 3 <= p.length; i++) s.add(p.slice(i, i + 3));
  return s;
}

/** How well a concept is matched by the other side: exact, or a near spelling (typo). */
function matchOf(c: string, other: Set<string>): number {
  if (other.has(c)) return 1;
  // Near spellings are typos of plain words; concepts of the lexicon are exact.
  if (c.length < 4 || c.includes("_")) return 0;
  const a = trigrams(c);
  let best = 0;
  for (const o of other) {
    if (o.length < 4 || o.includes("_")) continue;
    const b = trigrams(o);
    let inter = 0;
    for (const g of a) if (b.has(g)) inter++;
    const dice = (2 * inter) / (a.size + b.size);
    if (dice > best) best = dice;
  }
  return best >= 0.6 ? best * 0.8 : 0;
}

/** Share of a side's content matched by the other, and share of its tail (the ask) left unmatched. */
function coverage(a: Map<string, number>, b: Map<string, number>): { cov: number; tailMiss: number } {
  let total = 0;
  let got = 0;
  let tailTotal = 0;
  let tailMiss = 0;
  const other = new Set(b.keys());
  for (const [c, pos] of a) {
    const w = weight(c) * pos;
    const m = matchOf(c, other);
    total += w;
    got += w * m;
    if (pos >= TAIL_WEIGHT) {
      tailTotal += w;
      tailMiss += w * (1 - m);
    }
  }
  return { cov: total ? got / total : 0, tailMiss: tailTotal ? tailMiss / tailTotal : 0 };
}

/** How much the two asks agree: 1 same or compatible, lower when they ask different things. */
function askAgreement(a: Set<Ask>, b: Set<Ask>): number {
  const hardA = [...a].filter((x) => !SOFT_ASKS.has(x));
  const hardB = [...b].filter((x) => !SOFT_ASKS.has(x));
  const agree = (x: Ask) => b.has(x) || SAME_ASK.some(([p, q]) => (x === p && b.has(q)) || (x === q && b.has(p)));
  if (hardA.length && hardB.length) return hardA.some(agree) ? 1 : ASK_CONFLICT;
  if (hardA.length || hardB.length) return ASK_ONE_SIDED;
  // Neither names a precise ask: "how / what" against a plain yes-or-no question.
  const howA = a.has("how");
  const howB = b.has("how");
  return howA !== howB && (a.has("yesno") || b.has("yesno")) ? ASK_HOW_VS_YESNO : 1;
}

let named: Set<string> | null = null;
/**
 * Concept tokens that name a thing the lexicon knows (a compound or a multi-word term), as opposed
 * to plain words it passes through (which may be another word typed without accents).
 */
function lexiconConcept(c: string): boolean {
  if (!named) {
    named = new Set();
    for (const [phrase, ts] of lexicon().concepts) for (const t of ts) if (t.includes("_") || phrase.includes(" ")) named.add(t);
  }
  return named.has(c);
}

/** Named concepts of a side (in the asking clause) that the other side does not match at all. */
function unmatched(a: Parsed, b: Parsed): string[] {
  const other = new Set(b.concepts.keys());
  return [...a.asked]
    .filter((c) => lexiconConcept(c) && weight(c) >= SUBSTITUTION_MIN_WEIGHT && matchOf(c, other) === 0)
    ;
}

/** Similarity score in [0,1]. */
export function similarity(a: string, b: string): number {
  const talk = smalltalkVerdict(a, b);
  if (talk !== null) return talk;
  const pa = parse(a);
  const pb = parse(b);
  if (!pa.concepts.size || !pb.concepts.size) return 0;
  const { cov: ca, tailMiss: ta } = coverage(pa.concepts, pb.concepts);
  const { cov: cb, tailMiss: tb } = coverage(pb.concepts, pa.concepts);
  if (ca + cb === 0) return 0;
  // The shorter question (often the generic one) must be said by the longer one; the longer one
  // may add a personal situation the shorter one leaves out.
  const [short, long] = pa.concepts.size <= pb.concepts.size ? [ca, cb] : [cb, ca];
  const f = SHORT_SHARE * short + (1 - SHORT_SHARE) * long;
  // Both sides end on something the other does not say: same subject, different asks.
  const divergence = 1 - TAIL_PENALTY * Math.min(ta, tb);
  const facetAgreement = pa.facets.size && pb.facets.size && ![...pa.facets].some((x) => pb.facets.has(x)) ? FACET_CONFLICT : 1;
  // "Where do I make a birth certificate?" vs "does it cost anything?": one side asks about a facet
  // the other never mentions.
  const oneSided =
    [...pa.tailFacets].some((x) => !pb.facets.has(x)) || [...pb.tailFacets].some((x) => !pa.facets.has(x)) ? FACET_ONE_SIDED : 1;
  const substitution = unmatched(pa, pb).length && unmatched(pb, pa).length ? SUBSTITUTION : 1;
  const targets = pa.target.size && pb.target.size && ![...pa.target].some((t) => pb.target.has(t)) ? OTHER_TARGET : 1;
  return Math.max(0, Math.min(1, oneSided * f * divergence * askAgreement(pa.asks, pb.asks) * facetAgreement * substitution * targets));
}

/** Whether two questions ask the same thing, with the score behind the decision. */
export function isDuplicate(a: string, b: string): { duplicate: boolean; score: number } {
  const score = Math.round(similarity(a, b) * 1000) / 1000;
  return { duplicate: score >= DUPLICATE_THRESHOLD, score };
}
