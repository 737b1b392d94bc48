// In-memory full-text index: BM25 over normalised tokens (accent-insensitive, teen-code
// tolerant), postings in typed arrays. Removal marks a slot dead; dead slots are compacted
// away once they are a large share of the index.
import { tokens } from "./normalize.ts";

const K1 = 1.2;
const B = 0.75;
/** Compact when dead slots exceed this share of all slots (and COMPACT_MIN in number). */
const COMPACT_SHARE = 0.25;
const COMPACT_MIN = 1000;
/** Share of documents above which a query word is skipped when the query has rarer ones. */
const COMMON_SHARE = 0.5;
/** Candidates ranked before the filter is asked, as a multiple of the limit. */
const PREFILTER_FACTOR = 8;

class Postings {
  slots: Int32Array;
  tfs: Uint8Array;
  n = 0;
  constructor(capacity = 4) {
    this.slots = new Int32Array(capacity);
    this.tfs = new Uint8Array(capacity);
  }
  push(slot: number, tf: number): void {
    if (this.n === this.slots.length) {
      const cap = this.n < 1024 ? this.n * 2 : Math.ceil(this.n * 1.5);
      const s = new Int32Array(cap);
      s.set(this.slots);
      const t = new Uint8Array(cap);
      t.set(this.tfs);
      this.slots = s;
      this.tfs = t;
    }
    this.slots[this.n] = slot;
    this.tfs[this.n] = Math.min(255, tf);
    this.n++;
  }
}

export interface SearchHit<M> {
  id: number;
  score: number;
  meta: M;
}

export class SearchIndex<M> {
  private terms = new Map<string, Postings>();
  /** Per slot: external id, document length in tokens, metadata, alive flag. */
  private ids: number[] = [];
  private lens = new Int32Array(1024);
  private metas: (M | undefined)[] = [];
  private alive = new Uint8Array(1024);
  private slotOf = new Map<number, number>();
  private totalLen = 0;
  private dead = 0;
  private scores = new Float64Array(0);
  private touched = new Int32Array(0);

  /** Number of live documents. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Index a document; an id already present is replaced. */
  add(id: number, text: string, meta: M): void {
    if (this.slotOf.has(id)) this.remove(id);
    const counts = new Map<string, number>();
    for (const t of tokens(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
    const slot = this.ids.length;
    let len = 0;
    for (const [term, tf] of counts) {
      let p = this.terms.get(term);
      if (!p) {
        p = new Postings();
        this.terms.set(term, p);
      }
      p.push(slot, tf);
      len += tf;
    }
    if (slot >= this.alive.length) {
      const cap = Math.ceil(this.alive.length * 1.5) + 1024;
      const lens = new Int32Array(cap);
      lens.set(this.lens);
      const alive = new Uint8Array(cap);
      alive.set(this.alive);
      this.lens = lens;
      this.alive = alive;
    }
    this.ids.push(id);
    this.lens[slot] = len;
    this.metas.push(meta);
    this.alive[slot] = 1;
    this.slotOf.set(id, slot);
    this.totalLen += len;
  }

  /** Drop a document; unknown ids are ignored. */
  remove(id: number): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.alive[slot] = 0;
    this.metas[slot] = undefined;
    this.totalLen -= this.lens[slot]!;
    this.dead++;
    if (this.dead >= COMPACT_MIN && this.dead > this.ids.length * COMPACT_SHARE) this.compact();
  }

  /** Best matches first; documents the filter rejects are skipped. */
  search(query: string, opts: { limit: number; filter?: (meta: M) => boolean }): SearchHit<M>[] {
    const limit = Math.max(0, Math.floor(opts.limit));
    const live = this.size;
    if (!limit || !live) return [];
    const qterms = [...new Set(tokens(query))];
    if (!qterms.length) return [];
    const slots = this.ids.length;
    if (this.scores.length < slots) this.scores = new Float64Array(Math.max(slots, this.scores.length * 2));
    const scores = this.scores;
    if (this.touched.length < slots) this.touched = new Int32Array(Math.max(slots, this.touched.length * 2));
    const touched = this.touched;
    let nTouched = 0;
    const { alive, lens } = this;
    const avgdl = this.totalLen / live || 1;
    const found = qterms.map((t) => this.terms.get(t)).filter((p): p is Postings => !!p);
    // Words in most documents say almost nothing (BM25 weight < 0.7) and cost the most to
    // score: they only count when the query has nothing else.
    const rare = found.filter((p) => p.n <= live * COMMON_SHARE);
    for (const p of rare.length ? rare : found) {
      const df = p.n;
      const idf = Math.log(1 + (live - df + 0.5) / (df + 0.5));
      const { slots: ps, tfs } = p;
      const lenFactor = (K1 * B) / avgdl;
      const base = K1 * (1 - B);
      const num = idf * (K1 + 1);
      for (let i = 0; i < p.n; i++) {
        const s = ps[i]!;
        if (!alive[s]) continue;
        const tf = tfs[i]!;
        const prev = scores[s]!;
        if (prev === 0) touched[nTouched++] = s;
        scores[s] = prev + (num * tf) / (tf + base + lenFactor * lens[s]!);
      }
    }
    try {
      return this.top(touched.subarray(0, nTouched), scores, limit, opts.filter);
    } finally {
      for (let i = 0; i < nTouched; i++) scores[touched[i]!] = 0;
    }
  }

  private top(touched: Int32Array, scores: Float64Array, limit: number, filter?: (meta: M) => boolean): SearchHit<M>[] {
    const hit = (s: number): SearchHit<M> => ({ id: this.ids[s]!, score: Math.round(scores[s]! * 1000) / 1000, meta: this.metas[s] as M });
    const passes = (s: number) => !filter || filter(this.metas[s] as M);
    // Cheap path: the best few candidates, then the filter on those alone.
    const k = Math.min(touched.length, limit * PREFILTER_FACTOR);
    const best = selectTop(touched, scores, k);
    const out: SearchHit<M>[] = [];
    for (const s of best) {
      if (passes(s)) out.push(hit(s));
      if (out.length === limit) return out;
    }
    if (best.length === touched.length) return out;
    // The filter rejected most of them: rank everything.
    const seen = new Set(best);
    const rest = Array.from(touched).filter((s) => !seen.has(s) && passes(s));
    rest.sort((a, b) => scores[b]! - scores[a]! || a - b);
    for (const s of rest) {
      out.push(hit(s));
      if (out.length === limit) break;
    }
    return out;
  }

  private compact(): void {
    const remap = new Int32Array(this.ids.length).fill(-1);
    const ids: number[] = [];
    const lens = new Int32Array(this.lens.length);
    const metas: (M | undefined)[] = [];
    for (let s = 0; s < this.ids.length; s++) {
      if (!this.alive[s]) continue;
      remap[s] = ids.length;
      lens[ids.length] = this.lens[s]!;
      ids.push(this.ids[s]!);
      metas.push(this.metas[s]);
    }
    for (const [term, p] of this.terms) {
      let n = 0;
      for (let i = 0; i < p.n; i++) {
        const to = remap[p.slots[i]!]!;
        if (to < 0) continue;
        p.slots[n] = to;
        p.tfs[n] = p.tfs[i]!;
        n++;
      }
      if (!n) {
        this.terms.delete(term);
        continue;
      }
      p.n = n;
      if (p.slots.length > n * 2 && p.slots.length > 8) {
        p.slots = p.slots.slice(0, n);
        p.tfs = p.tfs.slice(0, n);
      }
    }
    this.ids = ids;
    this.lens = lens;
    this.metas = metas;
    this.alive = new Uint8Array(this.alive.length);
    this.alive.fill(1, 0, ids.length);
    this.slotOf = new Map(ids.map((id, s) => [id, s]));
    this.dead = 0;
  }
}

/** The k best slots by score (ties: older first), best first, without sorting them all. */
function selectTop(cands: Int32Array, scores: Float64Array, k: number): number[] {
  if (k <= 0) return [];
  const order = (a: number, b: number) => scores[b]! - scores[a]! || a - b;
  if (cands.length <= k) return Array.from(cands).sort(order);
  // The k-th best score by quickselect on a copy of the scores, then those at or above it.
  const vals = new Float64Array(cands.length);
  for (let i = 0; i < cands.length; i++) vals[i] = scores[cands[i]!]!;
  const kth = quickselectDesc(vals, k - 1);
  const above: number[] = [];
  const ties: number[] = [];
  for (let i = 0; i < cands.length; i++) {
    const sc = scores[cands[i]!]!;
    if (sc > kth) above.push(cands[i]!);
    else if (sc === kth) ties.push(cands[i]!);
  }
  above.sort(order);
  const tied = ties.length > k ? Int32Array.from(ties).sort().subarray(0, k - above.length) : ties.sort((a, b) => a - b);
  for (const s of tied) {
    if (above.length === k) break;
    above.push(s);
  }
  return above;
}

/** The value that would sit at index `k` if `a` were sorted descending (reorders `a`). */
function quickselectDesc(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}
