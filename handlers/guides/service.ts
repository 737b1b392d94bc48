import type { Services, UnitView } from "../../bot/core/context.ts";
import { kv } from "../../bot/core/kv.ts";
import type { Target } from "../../bot/core/outbox/outbox.ts";
import { formatDate, monthKey, parseMonthKey } from "../../bot/core/time.ts";
import type { Db } from "../../prisma/db.ts";
import { guideKeywords, guidesText as T } from "../../prompts/vi/guides.ts";
import { ensureJob } from "../../bot/core/jobs.ts";
import { pathIds } from "../../bot/domain/org.ts";
import { renderCommon, renderGuide, type LevelNotes } from "./content.ts";
import { fieldsOf } from "./reporting.ts";

export const JOB_DISPATCH = "guides.dispatch";
export const JOB_REMIND = "guides.remind";
export const JOB_NOTE_UPDATE = "guides.noteUpdate";

export const MAX_ATTENDEES = 1000;
export const MAX_REPORT_NOTE = 500;
export const MAX_NOTE = 1000;
export const MAX_NOTES_PER_UNIT = 10;
const BATCH = 200;
const CHUNK = 5000;

export const dispatchKey = (month: string) => `guides:dispatch:${month}`;
export const remindKey = (month: string) => `guides:remind:${month}`;
/** Set when a month's dispatch starts (the instant, ISO): kept in the settings, unlike finished job rows. */
export const dispatchedKey = (month: string) => `guides:dispatched:${month}`;
const lateCursorKey = (month: string) => `guides:cursor:late:${month}`;
const cursorKey = (kind: string, month: string) => `guides:cursor:${kind}:${month}`;
const adaptedKey = (month: string, unitId: number) => `guides:adapted:${month}:${unitId}`;
/** One guide per secretary and branch and month, whatever is re-run. */
export const guideMessageKey = (month: string, personId: number, unitId: number) => `guide:${month}:${personId}:${unitId}`;
export const reminderMessageKey = (month: string, personId: number, unitId: number) => `guide-remind:${month}:${personId}:${unitId}`;

type Deps = Pick<Services, "prisma" | "clock">;

// ---------------------------------------------------------------- months

function shiftMonth(month: string, by: number): string {
  const p = parseMonthKey(month)!;
  const idx = p.year * 12 + (p.month - 1) + by;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`;
}

/** "YYYY-MM", "MM/YYYY", "tháng này", "tháng sau" (with or without diacritics) → "YYYY-MM", or null. */
export function resolveMonth(arg: string, now: Date): string | null {
  const a = arg.trim().toLowerCase().normalize("NFC");
  const current = monthKey(now);
  if ((guideKeywords.thisMonth as readonly string[]).includes(a)) return current;
  if ((guideKeywords.nextMonth as readonly string[]).includes(a)) return shiftMonth(current, 1);
  let m = /^(\d{4})-(\d{1,2})$/.exec(a);
  if (!m) {
    const alt = /^(\d{1,2})\/(\d{4})$/.exec(a);
    if (alt) m = [a, alt[2]!, alt[1]!] as unknown as RegExpExecArray;
  }
  if (!m) return null;
  const key = `${m[1]}-${m[2]!.padStart(2, "0")}`;
  return parseMonthKey(key) ? key : null;
}

/** Months between two keys (b − a). */
export function monthDiff(a: string, b: string): number {
  const pa = parseMonthKey(a)!;
  const pb = parseMonthKey(b)!;
  return pb.year * 12 + pb.month - (pa.year * 12 + pa.month);
}

// ---------------------------------------------------------------- rendering for a unit

interface UnitLite {
  id: number;
  name: string;
  path: string;
  depth: number;
}

/**
 * Renders guides for many units of one month with shared look-ups: the month's notes are
 * read once, ancestors are loaded in bulk and cached, approved adaptations are read once.
 */
export class GuideRenderer {
  private units = new Map<number, UnitLite>();
  private notes: Map<number, string[]> | null = null;
  private adapted: Map<number, string> | null = null;

  constructor(
    private prisma: Db,
    readonly month: string,
  ) {}

  private async load(): Promise<void> {
    if (this.notes) return;
    const rows = await this.prisma.guideNote.findMany({ where: { month: this.month }, orderBy: { id: "asc" } });
    this.notes = new Map();
    for (const r of rows) this.notes.set(r.unitId, [...(this.notes.get(r.unitId) ?? []), r.text]);
    const settings = await kv.list(this.prisma, `guides:adapted:${this.month}:`);
    this.adapted = new Map();
    for (const s of settings) {
      const id = Number(s.key.slice(s.key.lastIndexOf(":") + 1));
      try {
        const v = JSON.parse(s.value) as { text?: unknown };
        if (typeof v.text === "string") this.adapted.set(id, v.text);
      } catch {
        /* ignore a damaged setting */
      }
    }
  }

  /** Make sure the ancestors of these units are cached (one query for all missing ones). */
  async prefetch(units: UnitLite[]): Promise<void> {
    await this.load();
    for (const u of units) this.units.set(u.id, u);
    const missing = new Set<number>();
    for (const u of units) for (const id of pathIds(u.path)) if (!this.units.has(id)) missing.add(id);
    if (!missing.size) return;
    const rows = await this.prisma.unit.findMany({ where: { id: { in: [...missing] } }, select: { id: true, name: true, path: true, depth: true } });
    for (const r of rows) this.units.set(r.id, r);
  }

  /** Notes of every level on the unit's path (the unit itself included: a cadre sees their own notes). */
  async render(unit: UnitLite): Promise<string> {
    await this.prefetch([unit]);
    const chain = pathIds(unit.path)
      .map((id) => this.units.get(id))
      .filter((u): u is UnitLite => !!u);
    const levels: LevelNotes[] = chain.map((u) => ({ unitName: u.name, depth: u.depth, notes: this.notes!.get(u.id) ?? [] }));
    const adaptedAt = [...chain].reverse().find((u) => this.adapted!.has(u.id));
    const adapted = adaptedAt ? { unitName: adaptedAt.name, depth: adaptedAt.depth, text: this.adapted!.get(adaptedAt.id)! } : null;
    return renderGuide({ month: this.month, unitName: unit.name, levels, adapted });
  }
}

export async function guideForUnit(prisma: Db, unit: UnitLite, month: string): Promise<string> {
  return new GuideRenderer(prisma, month).render(unit);
}

// ---------------------------------------------------------------- targets in bulk

/** Delivery targets of many people at once (preferred reachable channel, else the latest identity). */
/**
 * Walk the secretary memberships in id order, in batches, from a cursor kept in the database,
 * so a run interrupted by a crash resumes where it stopped; the per-message dedupe keys make
 * the batch that was in flight harmless to repeat.
 */
async function forEachSecretary(
  s: Services,
  cursorName: string,
  where: { unitId?: { in: number[] } },
  fn: (batch: { id: number; personId: number; unitId: number }[], units: Map<number, UnitLite>, targets: Map<number, Target>) => Promise<void>,
): Promise<void> {
  const { prisma } = s;
  let cursor = Number((await kv.get(prisma, cursorName)) ?? 0) || 0;
  for (;;) {
    const batch = await prisma.membership.findMany({
      where: { role: "secretary", id: { gt: cursor }, ...where },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, personId: true, unitId: true },
    });
    if (!batch.length) break;
    const unitRows = await prisma.unit.findMany({
      where: { id: { in: [...new Set(batch.map((m) => m.unitId))] } },
      select: { id: true, name: true, path: true, depth: true },
    });
    const units = new Map(unitRows.map((u) => [u.id, u]));
    const targets = await s.people.addressesOf([...new Set(batch.map((m) => m.personId))]);
    await fn(batch, units, targets);
    cursor = batch[batch.length - 1]!.id;
    await kv.set(prisma, cursorName, String(cursor));
  }
}

// ---------------------------------------------------------------- jobs

/** The monthly dispatch: exactly one guide per secretary (and branch) through the outbox. */
export async function dispatchMonth(s: Services, month: string): Promise<void> {
  // marked before the walk: a note added from now on is sent on its own, and secretaries
  // who join from now on get the guide from the latecomers tick
  if (!(await kv.get(s.prisma, dispatchedKey(month)))) await kv.set(s.prisma, dispatchedKey(month), s.clock.now().toISOString());
  const renderer = new GuideRenderer(s.prisma, month);
  await forEachSecretary(s, cursorKey("dispatch", month), {}, async (batch, units, targets) => {
    await renderer.prefetch([...units.values()]);
    for (const m of batch) {
      const unit = units.get(m.unitId);
      const target = targets.get(m.personId);
      if (!unit || !target) continue;
      await s.outbox.enqueue(target, { text: await renderer.render(unit) }, { dedupeKey: guideMessageKey(month, m.personId, m.unitId), bulk: true });
    }
  });
  // from here on, newer secretary memberships are the latecomers tick's
  await kv.set(s.prisma, lateCursorKey(month), (await kv.get(s.prisma, cursorKey("dispatch", month))) ?? "0");
  s.log.info({ month }, "monthly guides dispatched");
}

/** The reminder of the 20th: only the secretaries of units without a meeting report this month. */
export async function remindMonth(s: Services, month: string): Promise<void> {
  const reported = new Set(
    (await s.prisma.meetingReport.findMany({ where: { month }, select: { unitId: true } })).map((r) => r.unitId),
  );
  await forEachSecretary(s, cursorKey("remind", month), {}, async (batch, units, targets) => {
    for (const m of batch) {
      if (reported.has(m.unitId)) continue;
      const unit = units.get(m.unitId);
      const target = targets.get(m.personId);
      if (!unit || !target) continue;
      await s.outbox.enqueue(target, { text: T.reminder(unit.name, month) }, { dedupeKey: reminderMessageKey(month, m.personId, m.unitId), bulk: true });
    }
  });
}

/** A note added after the month's dispatch is sent on its own to the secretaries of the subtree. */
export async function sendNoteUpdate(s: Services, noteId: number): Promise<void> {
  const note = await s.prisma.guideNote.findUnique({ where: { id: noteId } });
  if (!note) return;
  const unit = await s.prisma.unit.findUnique({ where: { id: note.unitId } });
  if (!unit) return;
  const subtree = await s.prisma.unit.findMany({ where: { path: { startsWith: unit.path } }, select: { id: true } });
  const ids = subtree.map((u) => u.id);
  for (let i = 0; i < ids.length; i += CHUNK) {
    await forEachSecretary(s, `guides:cursor:note:${noteId}:${i}`, { unitId: { in: ids.slice(i, i + CHUNK) } }, async (batch, _units, targets) => {
      for (const m of batch) {
        const target = targets.get(m.personId);
        if (!target) continue;
        await s.outbox.enqueue(target, { text: T.noteUpdate(unit.name, note.month, note.text) }, { dedupeKey: `guide-note:${noteId}:${m.personId}:${m.unitId}`, bulk: true });
      }
    });
  }
}

/**
 * Every few minutes once the month's dispatch has finished: secretary memberships newer than
 * the last one it (or this tick) handled — a secretary who joined mid-month — get the current
 * guide, with the dispatch's dedupe key, so nobody gets it twice.
 */
export async function latecomersTick(s: Services, at: Date): Promise<void> {
  const month = monthKey(at);
  const start = await kv.get(s.prisma, lateCursorKey(month));
  if (start === null) return; // the dispatch has not finished yet
  let cursor = Number(start) || 0;
  const renderer = new GuideRenderer(s.prisma, month);
  for (;;) {
    const batch = await s.prisma.membership.findMany({
      where: { role: "secretary", id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, personId: true, unitId: true },
    });
    if (!batch.length) break;
    const units = await s.prisma.unit.findMany({ where: { id: { in: [...new Set(batch.map((m) => m.unitId))] } }, select: { id: true, name: true, path: true, depth: true } });
    const byId = new Map(units.map((u) => [u.id, u]));
    await renderer.prefetch(units);
    const targets = await s.people.addressesOf([...new Set(batch.map((m) => m.personId))]);
    for (const m of batch) {
      const unit = byId.get(m.unitId);
      const target = targets.get(m.personId);
      if (!unit || !target) continue;
      await s.outbox.enqueue(target, { text: await renderer.render(unit) }, { dedupeKey: guideMessageKey(month, m.personId, m.unitId), bulk: true });
    }
    cursor = batch[batch.length - 1]!.id;
    await kv.set(s.prisma, lateCursorKey(month), String(cursor));
  }
}

/** Tick of GUIDE_CRON: one dispatch job per month (the dedupe key absorbs catch-ups and other instances). */
export async function dispatchTick(s: Services, at: Date): Promise<void> {
  const month = monthKey(at);
  await ensureJob(s, { kind: JOB_DISPATCH, runAt: at, dedupeKey: dispatchKey(month), payload: { month } });
}

export async function remindTick(s: Services, at: Date): Promise<void> {
  const month = monthKey(at);
  await ensureJob(s, { kind: JOB_REMIND, runAt: at, dedupeKey: remindKey(month), payload: { month } });
}

// ---------------------------------------------------------------- meeting reports

/** "/dasinhhoat 25 ghi chú" → attendees and note, or the reason it is refused. */
export function parseConfirm(args: string): { ok: true; attendees: number; note: string | null } | { ok: false; reason: "usage" | "number" | "note" } {
  const a = args.trim();
  if (!a) return { ok: false, reason: "usage" };
  const [first = "", ...rest] = a.split(/\s+/);
  if (!/^\d{1,6}$/.test(first)) return { ok: false, reason: "number" };
  const n = Number(first);
  if (n < 1 || n > MAX_ATTENDEES) return { ok: false, reason: "number" };
  const note = rest.join(" ").trim();
  if (note.length > MAX_REPORT_NOTE) return { ok: false, reason: "note" };
  return { ok: true, attendees: n, note: note || null };
}

// ---------------------------------------------------------------- notes

export type AddNoteResult = { ok: true; noteId: number; branches: number; sentNow: boolean } | { ok: false; reason: "tooMany" };

/** Add a note of an upper-level unit for a month; after that month's dispatch it is sent on its own. */
export async function addNote(s: Deps, input: { unit: UnitView; month: string; text: string; authorId: number }): Promise<AddNoteResult> {
  const { prisma, clock } = s;
  const count = await prisma.guideNote.count({ where: { unitId: input.unit.id, month: input.month } });
  if (count >= MAX_NOTES_PER_UNIT) return { ok: false, reason: "tooMany" };
  const note = await prisma.guideNote.create({
    data: { unitId: input.unit.id, month: input.month, text: input.text, authorId: input.authorId, createdAt: clock.now() },
  });
  const branches = await prisma.unit.count({ where: { path: { startsWith: input.unit.path }, isBranch: true } });
  const dispatched = await kv.get(prisma, dispatchedKey(input.month));
  if (dispatched) await ensureJob(s, { kind: JOB_NOTE_UPDATE, runAt: clock.now(), dedupeKey: `guides:note:${note.id}`, payload: { noteId: note.id } });
  return { ok: true, noteId: note.id, branches, sentNow: !!dispatched };
}

export async function deleteNotes(prisma: Db, unitId: number, month: string): Promise<number> {
  const r = await prisma.guideNote.deleteMany({ where: { unitId, month } });
  await kv.delete(prisma, adaptedKey(month, unitId));
  return r.count;
}

/** Common text and the notes of the unit's chain, for the LLM to adapt. */
export async function adaptationInput(prisma: Db, unit: UnitLite, month: string): Promise<{ guide: string; notes: string[] }> {
  const ids = pathIds(unit.path);
  const [units, notes] = await Promise.all([
    prisma.unit.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, depth: true } }),
    prisma.guideNote.findMany({ where: { month, unitId: { in: ids } }, orderBy: { id: "asc" } }),
  ]);
  const byId = new Map(units.map((u) => [u.id, u]));
  const sorted = [...notes].sort((a, b) => (byId.get(a.unitId)?.depth ?? 0) - (byId.get(b.unitId)?.depth ?? 0) || a.id - b.id);
  return { guide: renderCommon(month), notes: sorted.map((n) => `${byId.get(n.unitId)?.name ?? ""}: ${n.text}`) };
}

export async function approveAdaptation(prisma: Db, unitId: number, month: string, text: string, by: number, at: Date): Promise<void> {
  const key = adaptedKey(month, unitId);
  const value = JSON.stringify({ text, by, at: at.toISOString() });
  await kv.set(prisma, key, value);
}

// ---------------------------------------------------------------- completion

export interface CompletionRow {
  unitId: number;
  code: string;
  name: string;
  parentName: string;
  parentPath: string;
  confirmed: boolean;
  attendees: number | null;
  date: string | null;
  note: string | null;
  /** answered report fields, and how many the month's form has */
  answered: number;
  fields: number;
  hasPhoto: boolean;
  answers: Record<string, unknown>;
}

function answersOf(json: string): Record<string, unknown> {
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Every branch of a subtree and whether it reported its meeting of the month. */
export async function completion(prisma: Db, root: Pick<UnitView, "path">, month: string): Promise<CompletionRow[]> {
  const branches = await prisma.unit.findMany({
    where: { path: { startsWith: root.path }, isBranch: true },
    select: { id: true, code: true, name: true, path: true, parentId: true },
  });
  const parentIds = [...new Set(branches.map((b) => b.parentId).filter((x): x is number => x !== null))];
  const parents = new Map<number, { name: string; path: string }>();
  const reports = new Map<number, { attendees: number; createdAt: Date; note: string | null; answers: string; photo: string | null }>();
  const formSize = fieldsOf(month).length;
  for (let i = 0; i < parentIds.length; i += CHUNK) {
    for (const p of await prisma.unit.findMany({ where: { id: { in: parentIds.slice(i, i + CHUNK) } }, select: { id: true, name: true, path: true } }))
      parents.set(p.id, p);
  }
  const ids = branches.map((b) => b.id);
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const r of await prisma.meetingReport.findMany({ where: { month, unitId: { in: ids.slice(i, i + CHUNK) } } })) reports.set(r.unitId, r);
  }
  const rows = branches.map((b) => {
    const p = b.parentId !== null ? parents.get(b.parentId) : undefined;
    const r = reports.get(b.id);
    return {
      unitId: b.id,
      code: b.code,
      name: b.name,
      parentName: p?.name ?? "",
      parentPath: p?.path ?? "",
      confirmed: !!r,
      attendees: r?.attendees ?? null,
      date: r ? formatDate(r.createdAt) : null,
      note: r?.note ?? null,
      answered: r ? Object.values(answersOf(r.answers)).filter((v) => v !== null).length : 0,
      fields: formSize,
      hasPhoto: !!r?.photo,
      answers: r ? { attendees: r.attendees, ...answersOf(r.answers) } : {},
    };
  });
  return rows.sort((a, b) => a.parentPath.localeCompare(b.parentPath) || a.name.localeCompare(b.name, "vi"));
}
