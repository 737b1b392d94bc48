/** Writes of indicator values (idempotent per source) and yearly targets. */
import { join, sqltag as sql } from "@prisma/client/runtime/client";
import type { Db } from "../../prisma/db.ts";
import { indicatorDef } from "./catalogue.ts";

/** "YYYY" (a figure of the whole year) or "YYYY-MM". */
export function parsePeriod(period: string): { year: number; month: number } | null {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(period.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 0 : Number(m[2]);
  if (year < 2000 || year > 2100 || month < 0 || month > 12 || (m[2] !== undefined && month === 0)) return null;
  return { year, month };
}

export const MAX_VALUE = 100_000_000;

function check(indicator: string, value: number): void {
  const def = indicatorDef(indicator);
  if (!def) throw new Error(`unknown indicator "${indicator}"`);
  if (!Number.isInteger(value) || value < 0 || value > MAX_VALUE) throw new Error(`indicator ${indicator}: value must be a whole number 0–${MAX_VALUE}`);
  if (def.kind === "share" && value > 1) throw new Error(`indicator ${indicator} is a share: record 1 (the unit counts) or 0`);
}

export interface RecordInput {
  /** Who feeds the figures, unique per origin: "guides:report:<unitId>:<YYYY-MM>", "campaign:12", … */
  source: string;
  unitId: number;
  /** "YYYY" or "YYYY-MM" */
  period: string;
  /** indicator key → value; the source's other indicators are removed. */
  values: Record<string, number>;
  at?: Date;
}

/** Replace every figure of a source by these (a repeat changes nothing, a correction replaces). */
export async function recordIndicators(prisma: Db, input: RecordInput): Promise<void> {
  const p = parsePeriod(input.period);
  if (!p) throw new Error(`bad period "${input.period}" (YYYY or YYYY-MM)`);
  if (!input.source || input.source.length > 200) throw new Error("source must be 1–200 characters");
  const entries = Object.entries(input.values);
  for (const [k, v] of entries) check(k, v);
  const at = input.at ?? new Date();
  await prisma.$transaction(async (tx) => {
    await tx.indicatorValue.deleteMany({ where: { source: input.source, indicator: { notIn: entries.map(([k]) => k) } } });
    for (const [indicator, value] of entries) {
      const data = { unitId: input.unitId, year: p.year, month: p.month, value, updatedAt: at };
      await tx.indicatorValue.upsert({
        where: { source_indicator: { source: input.source, indicator } },
        create: { ...data, indicator, source: input.source },
        update: data,
      });
    }
  });
}

/**
 * Many sources at once (a bulk filing): each source's figures replace what it had, in chunks
 * of set-based statements — the same result as `recordIndicators` for each, far fewer queries.
 */
export async function recordIndicatorsBulk(prisma: Db, inputs: RecordInput[], chunk = 400): Promise<void> {
  const rows: { unitId: number; indicator: string; year: number; month: number; value: number; source: string; updatedAt: Date }[] = [];
  for (const input of inputs) {
    const p = parsePeriod(input.period);
    if (!p) throw new Error(`bad period "${input.period}" (YYYY or YYYY-MM)`);
    if (!input.source || input.source.length > 200) throw new Error("source must be 1–200 characters");
    for (const [indicator, value] of Object.entries(input.values)) {
      check(indicator, value);
      rows.push({ unitId: input.unitId, indicator, year: p.year, month: p.month, value, source: input.source, updatedAt: input.at ?? new Date() });
    }
  }
  const sources = [...new Set(inputs.map((i) => i.source))];
  for (let i = 0; i < sources.length; i += chunk) {
    const part = new Set(sources.slice(i, i + chunk));
    const data = rows.filter((r) => part.has(r.source));
    // one multi-row INSERT (placeholders per provider by Prisma): createMany spends far longer
    // turning thousands of rows into its query than the database spends writing them
    const insert = sql`INSERT INTO "IndicatorValue" ("unitId", "indicator", "year", "month", "value", "source", "updatedAt") VALUES ${join(
      data.map((r) => sql`(${r.unitId}, ${r.indicator}, ${r.year}, ${r.month}, ${r.value}, ${r.source}, ${r.updatedAt})`),
    )}`;
    await prisma.$transaction([prisma.indicatorValue.deleteMany({ where: { source: { in: [...part] } } }), ...(data.length ? [prisma.$executeRaw(insert)] : [])]);
  }
}

/** One figure of a source (the source's other indicators are kept). */
export async function recordIndicator(
  prisma: Db,
  input: { source: string; unitId: number; period: string; indicator: string; value: number; at?: Date },
): Promise<void> {
  const p = parsePeriod(input.period);
  if (!p) throw new Error(`bad period "${input.period}" (YYYY or YYYY-MM)`);
  check(input.indicator, input.value);
  const data = { unitId: input.unitId, year: p.year, month: p.month, value: input.value, updatedAt: input.at ?? new Date() };
  await prisma.indicatorValue.upsert({
    where: { source_indicator: { source: input.source, indicator: input.indicator } },
    create: { ...data, indicator: input.indicator, source: input.source },
    update: data,
  });
}

/** Forget every figure of a source (a report or a campaign withdrawn). */
export async function removeIndicatorSource(prisma: Db, source: string): Promise<number> {
  return (await prisma.indicatorValue.deleteMany({ where: { source } })).count;
}

/** Set (or with null clear) a unit's yearly target for one indicator. */
export async function setTarget(
  prisma: Db,
  input: { unitId: number; year: number; indicator: string; value: number | null; setById?: number | null; at?: Date },
): Promise<void> {
  const def = indicatorDef(input.indicator);
  if (!def) throw new Error(`unknown indicator "${input.indicator}"`);
  const where = { unitId_year_indicator: { unitId: input.unitId, year: input.year, indicator: input.indicator } };
  if (input.value === null) {
    await prisma.indicatorTarget.deleteMany({ where: { unitId: input.unitId, year: input.year, indicator: input.indicator } });
    return;
  }
  const max = def.kind === "share" ? 100 : MAX_VALUE;
  if (!Number.isInteger(input.value) || input.value < 0 || input.value > max) throw new Error(`target must be a whole number 0–${max}`);
  const data = { value: input.value, setById: input.setById ?? null, updatedAt: input.at ?? new Date() };
  await prisma.indicatorTarget.upsert({ where, create: { ...where.unitId_year_indicator, ...data }, update: data });
}
