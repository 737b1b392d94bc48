// In-memory full-text index of the FAQ and of open questions: MiniSearch (BM25) over the
// normalised tokens of normalize.ts, so search is accent-insensitive and teen-code tolerant
// ("doan phi bn tien" finds "Đoàn phí đóng bao nhiêu tiền"). Metadata stays beside the index;
// a filter on it decides what a reader may see. Removal discards a document at once; MiniSearch
// vacuums the discarded references in the background.
import MiniSearch from "minisearch";
import { tokens } from "./normalize.ts";

interface Doc {
  id: number;
  text: string;
}

export interface SearchHit<M> {
  id: number;
  score: number;
  meta: M;
}

/** Share of documents above which a query word is skipped when the query has rarer ones. */
const COMMON_SHARE = 0.5;
/**
 * (document, word) pairs scored per query, at most: query words are taken rarest first while
 * the documents holding them stay within this budget (the rarest word always counts). Within
 * it the ranking is plain BM25 over every informative query word; beyond it the most common
 * words, which weigh least, are left out, so a search over 100,000 answers stays within a few
 * milliseconds (MiniSearch materialises every matching document before ranking).
 */
const POSTINGS_BUDGET = 2000;

/** MiniSearch that can tell how many documents hold a term. */
class Mini extends MiniSearch<Doc> {
  constructor() {
    super({
      fields: ["text"],
      storeFields: [],
      // Text is normalised and split by normalize.ts; its tokens are final terms.
      tokenize: (text) => tokens(text),
      processTerm: (term) => term,
      // Queries arrive as terms already chosen (see SearchIndex.search), joined by spaces.
      searchOptions: { tokenize: (query) => query.split(" "), processTerm: (term) => term, combineWith: "OR" },
    });
  }

  /** Documents holding the term (discarded ones count until vacuumed: an upper bound). */
  documentFrequency(term: string): number {
    const field = this._fieldIds["text"];
    return field === undefined ? 0 : (this._index.get(term)?.get(field)?.size ?? 0);
  }
}

export class SearchIndex<M> {
  private readonly mini = new Mini();
  private readonly metas = new Map<number, M>();

  /** Number of live documents. */
  get size(): number {
    return this.metas.size;
  }

  /** Index a document; an id already present is replaced. */
  add(id: number, text: string, meta: M): void {
    this.remove(id);
    this.mini.add({ id, text });
    this.metas.set(id, meta);
  }

  /** Drop a document; unknown ids are ignored. */
  remove(id: number): void {
    if (!this.metas.delete(id)) return;
    this.mini.discard(id);
  }

  /** Best matches first (ties: the earlier indexed first); documents the filter rejects are skipped. */
  search(query: string, opts: { limit: number; filter?: (meta: M) => boolean }): SearchHit<M>[] {
    const limit = Math.max(0, Math.floor(opts.limit));
    if (!limit || !this.metas.size) return [];
    const terms = this.informativeTerms(query);
    if (!terms.length) return [];
    const { filter } = opts;
    const metas = this.metas;
    const results = this.mini.search(terms.join(" "), filter ? { filter: (r) => filter(metas.get(r.id as number) as M) } : {});
    const out: SearchHit<M>[] = [];
    for (const r of results) {
      const id = r.id as number;
      out.push({ id, score: Math.round(r.score * 1000) / 1000, meta: metas.get(id) as M });
      if (out.length === limit) break;
    }
    return out;
  }

  /** The query words worth scoring: known ones, rarest first, within POSTINGS_BUDGET. */
  private informativeTerms(query: string): string[] {
    const known = [...new Set(tokens(query))]
      .map((term) => ({ term, df: this.mini.documentFrequency(term) }))
      .filter((t) => t.df > 0)
      .sort((a, b) => a.df - b.df);
    const out: string[] = [];
    let postings = 0;
    for (const { term, df } of known) {
      // Words in most documents say almost nothing (BM25 weight < 0.7) and cost the most to
      // score: they only count when the query has nothing else.
      if (out.length && (postings + df > POSTINGS_BUDGET || df > this.metas.size * COMMON_SHARE)) break;
      out.push(term);
      postings += df;
    }
    return out;
  }
}
