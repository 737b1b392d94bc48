// In-memory full-text index of the FAQ and of open questions: BM25 over the normalised tokens of
// normalize.ts, so search is accent-insensitive and teen-code tolerant ("doan phi bn tien" finds
// "Đoàn phí đóng bao nhiêu tiền"). Metadata stays beside the index; a filter on it decides what a
// reader may see.
//
// A plain inverted index over typed arrays (it replaced MiniSearch, whose per-result objects cost
// ~10 µs a document: 50 ms for a common word over 100,000 open questions). Scoring is MiniSearch's
// (BM25+, k 1.2, b 0.7, d 0.5, times the number of query words matched), so the ranking did not
// change. Removal marks a document dead at once (its words leave the document frequencies);
// postings of dead documents are dropped when they outnumber the live ones.
import { tokens } from "./normalize.ts";

export interface SearchHit<M> {
  id: number;
  score: number;
  meta: M;
}

/**
 * Share of documents above which a query word is skipped when the query has rarer ones — in a
 * large index only (more than COMMON_MIN_DF documents hold it): in a small one (a commune's
 * handful of open questions) the words two similar questions share are held by most of them,
 * and skipping those left only the words the query alone has, so the one similar question
 * was never found.
 */
const COMMON_SHARE = 0.5;
const COMMON_MIN_DF = 200;
/**
 * (document, word) pairs scored per query, at most: query words are taken rarest first while
 * the documents holding them stay within this budget (the rarest word always counts). Within
 * it the ranking is plain BM25 over every informative query word; beyond it the most common
 * words, which weigh least, are left out. When even the rarest word is held by more documents,
 * only its newest POSTINGS_BUDGET documents are scored.
 */
const POSTINGS_BUDGET = 2000;
const K = 1.2;
const B = 0.7;
const D = 0.5;
/** Term frequency kept per posting (low bits); more occurrences count as this many. */
const TF_BITS = 6;
const TF_MAX = (1 << TF_BITS) - 1;

/** A word's postings: internal document numbers shifted left by TF_BITS, with the frequency in the low bits. */
interface Postings {
  buf: Int32Array;
  n: number;
  /** Live documents holding the word. */
  df: number;
}

export class SearchIndex<M> {
  private readonly terms = new Map<string, Postings>();
  /** Internal document number → external id, metadata, length, words (unique), liveness. */
  private ids: number[] = [];
  private metas: (M | undefined)[] = [];
  private lengths = new Uint32Array(1024);
  /** 1 while the document is live. */
  private alive = new Uint8Array(1024);
  private words: (Postings[] | null)[] = [];
  private readonly byId = new Map<number, number>();
  private totalLength = 0;
  private deadPostings = 0;
  private livePostings = 0;
  /** Scratch space of a query: score and matched-word count per internal document. */
  private scores = new Float64Array(0);
  private matched = new Uint8Array(0);

  /** Number of live documents. */
  get size(): number {
    return this.byId.size;
  }

  /** Index a document; an id already present is replaced. */
  add(id: number, text: string, meta: M): void {
    this.remove(id);
    const toks = tokens(text);
    const doc = this.ids.length;
    if (doc >= 1 << (31 - TF_BITS)) this.compact();
    const d = this.ids.length;
    const tf = new Map<string, number>();
    for (const t of toks) tf.set(t, (tf.get(t) ?? 0) + 1);
    const list: Postings[] = [];
    for (const [t, f] of tf) {
      let p = this.terms.get(t);
      if (!p) {
        p = { buf: new Int32Array(2), n: 0, df: 0 };
        this.terms.set(t, p);
      }
      if (p.n === p.buf.length) {
        const grown = new Int32Array(p.buf.length * 2);
        grown.set(p.buf);
        p.buf = grown;
      }
      p.buf[p.n++] = (d << TF_BITS) | Math.min(f, TF_MAX);
      p.df++;
      list.push(p);
    }
    if (d >= this.alive.length) {
      const alive = new Uint8Array(this.alive.length * 2);
      alive.set(this.alive);
      this.alive = alive;
      const lengths = new Uint32Array(this.lengths.length * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.ids.push(id);
    this.metas.push(meta);
    this.lengths[d] = toks.length;
    this.alive[d] = 1;
    this.words.push(list);
    this.byId.set(id, d);
    this.totalLength += toks.length;
    this.livePostings += list.length;
  }

  /** Drop a document; unknown ids are ignored. */
  remove(id: number): void {
    const d = this.byId.get(id);
    if (d === undefined) return;
    this.byId.delete(id);
    const list = this.words[d]!;
    for (const p of list) p.df--;
    this.livePostings -= list.length;
    this.deadPostings += list.length;
    this.totalLength -= this.lengths[d]!;
    this.words[d] = null;
    this.metas[d] = undefined;
    this.alive[d] = 0;
    if (this.deadPostings > 10_000 && this.deadPostings > this.livePostings) this.compact();
  }

  /** Renumber the live documents and drop the postings of dead ones. */
  private compact(): void {
    const remap = new Int32Array(this.ids.length).fill(-1);
    const ids: number[] = [];
    const metas: (M | undefined)[] = [];
    const lengths = new Uint32Array(this.lengths.length);
    const alive = new Uint8Array(this.alive.length);
    const words: (Postings[] | null)[] = [];
    for (let d = 0; d < this.ids.length; d++) {
      if (!this.words[d]) continue;
      remap[d] = ids.length;
      lengths[ids.length] = this.lengths[d]!;
      alive[ids.length] = 1;
      ids.push(this.ids[d]!);
      metas.push(this.metas[d]);
      words.push(this.words[d]!);
    }
    for (const [t, p] of this.terms) {
      if (!p.df) {
        this.terms.delete(t);
        continue;
      }
      const buf = new Int32Array(Math.max(2, p.df));
      let n = 0;
      for (let i = 0; i < p.n; i++) {
        const v = p.buf[i]!;
        const nd = remap[v >>> TF_BITS]!;
        if (nd >= 0) buf[n++] = (nd << TF_BITS) | (v & TF_MAX);
      }
      p.buf = buf;
      p.n = n;
    }
    this.ids = ids;
    this.metas = metas;
    this.lengths = lengths;
    this.alive = alive;
    this.words = words;
    this.byId.clear();
    ids.forEach((id, d) => this.byId.set(id, d));
    this.deadPostings = 0;
  }

  /** Documents holding the term. */
  documentFrequency(term: string): number {
    return this.terms.get(term)?.df ?? 0;
  }

  /** Best matches first (ties: the earlier indexed first); documents the filter rejects are skipped. */
  search(query: string, opts: { limit: number; filter?: (meta: M) => boolean }): SearchHit<M>[] {
    const limit = Math.max(0, Math.floor(opts.limit));
    const n = this.byId.size;
    if (!limit || !n) return [];
    const terms = this.informativeTerms(query);
    if (!terms.length) return [];
    if (this.scores.length < this.ids.length) {
      this.scores = new Float64Array(this.ids.length * 2);
      this.matched = new Uint8Array(this.ids.length * 2);
    }
    const scores = this.scores;
    const matched = this.matched;
    const touched: number[] = [];
    const avg = this.totalLength / n || 1;
    const alive = this.alive;
    const lengths = this.lengths;
    const kb = (K * B) / avg;
    const k1b = K * (1 - B);
    for (const p of terms) {
      const idf = Math.log(1 + (n - p.df + 0.5) / (p.df + 0.5));
      const buf = p.buf;
      // newest first; a word held by more documents than the budget (the rarest of the query
      // still is) counts for the newest POSTINGS_BUDGET of them: the cost stays bounded however
      // large the index grows
      let left = Math.min(p.df, POSTINGS_BUDGET);
      for (let i = p.n - 1; i >= 0 && left > 0; i--) {
        const v = buf[i]!;
        const d = v >>> TF_BITS;
        if (alive[d] === 0) continue;
        left--;
        const tf = v & TF_MAX;
        if (matched[d] === 0) touched.push(d);
        matched[d]!++;
        scores[d]! += idf * (D + (tf * (K + 1)) / (tf + k1b + kb * lengths[d]!));
      }
    }
    // The best `limit` the filter accepts, kept in a min-heap (worst on top): the filter is only
    // asked about documents that would make the cut.
    const { filter } = opts;
    const heap: { d: number; score: number }[] = [];
    const worse = (a: { d: number; score: number }, b: { d: number; score: number }) => a.score < b.score || (a.score === b.score && a.d > b.d);
    for (const d of touched) {
      const score = scores[d]! * matched[d]!;
      scores[d] = 0;
      matched[d] = 0;
      if (heap.length === limit) {
        const top = heap[0]!;
        if (score < top.score || (score === top.score && d > top.d)) continue;
      }
      const cand = { d, score };
      if (filter && !filter(this.metas[d] as M)) continue;
      if (heap.length < limit) {
        heap.push(cand);
        for (let i = heap.length - 1; i > 0; ) {
          const up = (i - 1) >> 1;
          if (!worse(heap[i]!, heap[up]!)) break;
          [heap[i], heap[up]] = [heap[up]!, heap[i]!];
          i = up;
        }
      } else {
        heap[0] = cand;
        for (let i = 0; ; ) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
          if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
          if (m === i) break;
          [heap[i], heap[m]] = [heap[m]!, heap[i]!];
          i = m;
        }
      }
    }
    heap.sort((a, b) => b.score - a.score || a.d - b.d);
    return heap.map((r) => ({ id: this.ids[r.d]!, score: Math.round(r.score * 1000) / 1000, meta: this.metas[r.d] as M }));
  }

  /** The query words worth scoring: known ones, rarest first, within POSTINGS_BUDGET. */
  private informativeTerms(query: string): Postings[] {
    const known = [...new Set(tokens(query))]
      .map((term) => this.terms.get(term))
      .filter((p): p is Postings => p !== undefined && p.df > 0)
      .sort((a, b) => a.df - b.df);
    const out: Postings[] = [];
    let postings = 0;
    for (const p of known) {
      // Words in most documents say almost nothing (BM25 weight < 0.7) and cost the most to
      // score: they only count when the query has nothing else.
      if (out.length && (postings + p.df > POSTINGS_BUDGET || (p.df > COMMON_MIN_DF && p.df > this.byId.size * COMMON_SHARE))) break;
      out.push(p);
      postings += p.df;
    }
    return out;
  }
}
