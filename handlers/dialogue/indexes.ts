import type { Services } from "../../bot/core/context.ts";
import { SearchIndex } from "./nlp/search.ts";
import { features } from "./nlp/similarity.ts";

/** How often an instance looks for rows written by other instances (on use, not on a timer). */
const REFRESH_MS = 30_000;
const BATCH = 2000;

/** Texts read ahead for the duplicate detector after a build, at most (newest first), and per turn of the event loop. */
const WARM_MAX = 10_000;
const WARM_SLICE = 8;

/**
 * Read the texts of a freshly built index for the duplicate detector, a few at a time in the
 * background (similarity.ts keeps what it read of a text): the me-too checks after a start then
 * cost the same whatever the size of the pool, instead of each first paying ~0.5 ms for every
 * candidate it has not seen yet. Questions asked later are read as they are asked.
 */
function readAhead(texts: string[]): void {
  const queue = texts.slice(-WARM_MAX).reverse();
  let i = 0;
  const step = () => {
    for (const end = Math.min(queue.length, i + WARM_SLICE); i < end; i++) features(queue[i]!);
    if (i < queue.length) setImmediate(step).unref();
  };
  if (queue.length) setImmediate(step).unref();
}

export interface FaqMeta {
  unitPath: string;
  topic: string;
}

export interface OpenMeta {
  unitId: number;
  askerKey: string;
}

/**
 * The published FAQ, searchable accent-insensitively. Built at start from FaqEntry rows;
 * entries published here are added at once, entries published by another instance are
 * picked up by id (and republished ones by publication time) at most REFRESH_MS later.
 */
export class FaqIndex {
  readonly index = new SearchIndex<FaqMeta>();
  private maxId = 0;
  private lastRefresh = 0;
  private lastPublishedAt = new Date(0);

  constructor(private s: Pick<Services, "prisma" | "clock">) {}

  /** Load every entry (in batches) at start. */
  async build(): Promise<void> {
    let cursor = 0;
    const texts: string[] = [];
    for (;;) {
      const rows = await this.s.prisma.faqEntry.findMany({ where: { id: { gt: cursor } }, orderBy: { id: "asc" }, take: BATCH });
      if (!rows.length) break;
      for (const r of rows) this.put(r);
      texts.push(...rows.map((r) => r.question));
      cursor = rows[rows.length - 1]!.id;
    }
    this.lastRefresh = Date.now();
    readAhead(texts);
  }

  put(r: { id: number; question: string; answer: string; unitPath: string; topic: string; publishedAt: Date }): void {
    if (r.id > this.maxId) this.maxId = r.id;
    if (r.publishedAt > this.lastPublishedAt) this.lastPublishedAt = r.publishedAt;
    this.index.remove(r.id);
    this.index.add(r.id, `${r.question}\n${r.answer}`, { unitPath: r.unitPath, topic: r.topic });
  }

  /** Pick up entries written by other instances. */
  async refresh(force = false): Promise<void> {
    if (!force && Date.now() - this.lastRefresh < REFRESH_MS) return;
    this.lastRefresh = Date.now();
    for (;;) {
      const rows = await this.s.prisma.faqEntry.findMany({
        where: { OR: [{ id: { gt: this.maxId } }, { publishedAt: { gt: this.lastPublishedAt } }] },
        orderBy: { id: "asc" },
        take: BATCH,
      });
      for (const r of rows) this.put(r);
      if (rows.length < BATCH) break;
    }
  }

  /** Best matches visible from any of the reader's unit paths (an entry is visible to its publisher's subtree). */
  async search(query: string, readerPaths: string[], limit = 5): Promise<{ id: number; score: number }[]> {
    await this.refresh();
    const hits = this.index.search(query, {
      limit,
      filter: (meta: FaqMeta) => readerPaths.some((p) => p.startsWith(meta.unitPath)),
    });
    return hits.map((h) => ({ id: Number(h.id), score: h.score }));
  }
}

/**
 * Open questions, searchable to find someone already asking the same thing. Answered
 * questions are dropped here at once; elsewhere, candidates are re-checked in the database,
 * so a stale entry only costs a lookup.
 */
export class OpenIndex {
  readonly index = new SearchIndex<OpenMeta>();
  private maxId = 0;
  private lastRefresh = 0;

  constructor(private s: Pick<Services, "prisma">) {}

  async build(): Promise<void> {
    let cursor = 0;
    const texts: string[] = [];
    for (;;) {
      const rows = await this.s.prisma.question.findMany({
        where: { id: { gt: cursor }, status: "open" },
        orderBy: { id: "asc" },
        take: BATCH,
        select: { id: true, text: true, unitId: true, askerKey: true },
      });
      if (!rows.length) break;
      for (const r of rows) this.put(r);
      texts.push(...rows.map((r) => r.text));
      cursor = rows[rows.length - 1]!.id;
    }
    readAhead(texts);
    const last = await this.s.prisma.question.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    this.maxId = Math.max(this.maxId, last?.id ?? 0);
    this.lastRefresh = Date.now();
  }

  put(r: { id: number; text: string; unitId: number; askerKey: string }): void {
    if (r.id > this.maxId) this.maxId = r.id;
    this.index.remove(r.id);
    this.index.add(r.id, r.text, { unitId: r.unitId, askerKey: r.askerKey });
  }

  remove(id: number): void {
    this.index.remove(id);
  }

  async refresh(force = false): Promise<void> {
    if (!force && Date.now() - this.lastRefresh < REFRESH_MS) return;
    this.lastRefresh = Date.now();
    for (;;) {
      const rows = await this.s.prisma.question.findMany({
        where: { id: { gt: this.maxId } },
        orderBy: { id: "asc" },
        take: BATCH,
        select: { id: true, text: true, unitId: true, askerKey: true, status: true },
      });
      if (!rows.length) break;
      for (const r of rows) {
        if (r.status === "open") this.put(r);
        else if (r.id > this.maxId) this.maxId = r.id;
      }
      if (rows.length < BATCH) break;
    }
  }

  async search(query: string, unitIds: number[], excludeKey: string, limit = 5): Promise<{ id: number; score: number }[]> {
    await this.refresh();
    const units = new Set(unitIds);
    const hits = this.index.search(query, {
      limit,
      filter: (meta: OpenMeta) => units.has(meta.unitId) && meta.askerKey !== excludeKey,
    });
    return hits.map((h) => ({ id: Number(h.id), score: h.score }));
  }
}

/** The indexes of one running bot (one Services object): kept here, not in the services. */
interface Indexes {
  faq: FaqIndex;
  open: OpenIndex;
}

const byServices = new WeakMap<Services, Indexes>();

function indexesOf(s: Services): Indexes {
  let idx = byServices.get(s);
  if (!idx) {
    idx = { faq: new FaqIndex(s), open: new OpenIndex(s) };
    byServices.set(s, idx);
  }
  return idx;
}

/** The FAQ index of this instance. */
export function faqIndex(s: Services): FaqIndex {
  return indexesOf(s).faq;
}

/** The open-question index of this instance. */
export function openIndex(s: Services): OpenIndex {
  return indexesOf(s).open;
}

/** Build both indexes (Feature.init); a second call rebuilds them. */
export async function buildIndexes(s: Services): Promise<void> {
  const faq = new FaqIndex(s);
  await faq.build();
  const open = new OpenIndex(s);
  await open.build();
  byServices.set(s, { faq, open });
}
