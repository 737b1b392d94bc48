// Unit-length text embeddings kept in memory, by id, with the text they were computed from (a
// changed text is embedded again) and the metadata a search filters on. Nearest neighbours by
// brute-force dot product: a few milliseconds for tens of thousands of vectors.

interface Entry<M> {
  text: string;
  vec: Float32Array;
  meta: M;
}

/** Entries kept at most; the oldest are dropped first (they are recomputed on demand). */
const MAX_ENTRIES = 200_000;

export class VectorStore<M> {
  private readonly entries = new Map<number, Entry<M>>();

  get size(): number {
    return this.entries.size;
  }

  /** Whether the vector of this id was computed from this text. */
  has(id: number, text: string): boolean {
    return this.entries.get(id)?.text === text;
  }

  put(id: number, text: string, vec: Float32Array, meta: M): void {
    this.entries.delete(id);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(id, { text, vec, meta });
  }

  remove(id: number): void {
    this.entries.delete(id);
  }

  /** Cosine similarity of a unit query vector with a stored one (0 when unknown or of another size). */
  cosine(query: Float32Array, id: number): number {
    const e = this.entries.get(id);
    return e ? dot(query, e.vec) : 0;
  }

  /** The k nearest stored vectors the filter accepts, best first. */
  nearest(query: Float32Array, k: number, filter: (meta: M) => boolean): { id: number; score: number }[] {
    const best: { id: number; score: number }[] = [];
    for (const [id, e] of this.entries) {
      if (!filter(e.meta)) continue;
      const score = dot(query, e.vec);
      if (best.length < k) {
        best.push({ id, score });
        best.sort((a, b) => b.score - a.score);
      } else if (score > best[k - 1]!.score) {
        best[k - 1] = { id, score };
        best.sort((a, b) => b.score - a.score);
      }
    }
    return best;
  }
}

function dot(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
