/** Actual against target for a unit's subtree, by indicator, for the unit and each direct child. */
import type { Db } from "../../prisma/db.ts";
import { pathIds } from "../../bot/domain/org.ts";
import { indicatorCatalogue, type IndicatorDef } from "./catalogue.ts";

const CHUNK = 5000;

export interface ProgressRow {
  indicator: string;
  label: string;
  /** unit of measure ("cây", "%", …) */
  measure: string;
  kind: IndicatorDef["kind"];
  /** sum of the subtree's figures; for a share: % of reporting units that count (null: none reported) */
  actual: number | null;
  /** figures recorded (sum) or units that reported (share) */
  reported: number;
  target: number | null;
  /** sum of the targets assigned to the direct children (sum kind only) */
  assigned: number | null;
  /** actual / target × 100, one decimal */
  percent: number | null;
}

export interface UnitProgress {
  unit: { id: number; code: string; name: string };
  rows: ProgressRow[];
}

export interface IndicatorProgress {
  year: number;
  unit: UnitProgress;
  children: UnitProgress[];
}

interface Acc {
  sum: number;
  /** figures recorded */
  count: number;
  /** units with at least one figure */
  units: number;
  /** units whose highest figure is above 0 (a share: the unit counts) */
  yes: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * One pass: the subtree's units (one query), the year's figures grouped by unit and indicator
 * (chunked `IN` lists), the targets of the unit and its children; everything else in memory.
 */
export async function indicatorProgress(
  prisma: Db,
  root: { id: number; path: string },
  year: number,
): Promise<IndicatorProgress> {
  const units = await prisma.unit.findMany({
    where: { path: { startsWith: root.path } },
    select: { id: true, code: true, name: true, path: true, depth: true, parentId: true },
  });
  const me = units.find((u) => u.id === root.id);
  if (!me) throw new Error(`unit ${root.id} not found`);
  const children = units.filter((u) => u.parentId === me.id).sort((a, b) => a.name.localeCompare(b.name, "vi"));
  /** unit id → the direct child of the root it lies under (null: the root itself) */
  const bucketOf = new Map<number, number | null>();
  for (const u of units) bucketOf.set(u.id, u.id === me.id ? null : (pathIds(u.path)[me.depth + 1] ?? null));

  // per unit and indicator: the share kinds need each unit once
  const perUnit = new Map<string, { unitId: number; indicator: string; sum: number; max: number; count: number }>();
  const isWhole = me.parentId === null;
  const ids = units.map((u) => u.id);
  for (let i = 0; i < (isWhole ? 1 : ids.length); i += CHUNK) {
    const groups = await prisma.indicatorValue.groupBy({
      by: ["unitId", "indicator"],
      where: isWhole ? { year } : { year, unitId: { in: ids.slice(i, i + CHUNK) } },
      _sum: { value: true },
      _max: { value: true },
      _count: { _all: true },
    });
    for (const g of groups) {
      if (!bucketOf.has(g.unitId)) continue; // a unit of another tree (whole-tree read)
      perUnit.set(`${g.unitId}:${g.indicator}`, { unitId: g.unitId, indicator: g.indicator, sum: g._sum.value ?? 0, max: g._max.value ?? 0, count: g._count._all });
    }
  }

  const total = new Map<string, Acc>();
  const byChild = new Map<number, Map<string, Acc>>();
  const add = (m: Map<string, Acc>, key: string, v: { sum: number; max: number; count: number }) => {
    const a = m.get(key) ?? { sum: 0, count: 0, units: 0, yes: 0 };
    a.sum += v.sum;
    a.count += v.count;
    a.units += 1;
    a.yes += v.max > 0 ? 1 : 0;
    m.set(key, a);
  };
  for (const v of perUnit.values()) {
    add(total, v.indicator, v);
    const b = bucketOf.get(v.unitId);
    if (b !== null && b !== undefined) {
      const m = byChild.get(b) ?? new Map<string, Acc>();
      add(m, v.indicator, v);
      byChild.set(b, m);
    }
  }

  const targetRows = await prisma.indicatorTarget.findMany({ where: { year, unitId: { in: [me.id, ...children.map((c) => c.id)] } } });
  const targetOf = new Map(targetRows.map((t) => [`${t.unitId}:${t.indicator}`, t.value]));
  const catalogue = indicatorCatalogue();

  function rowsFor(unitId: number, acc: Map<string, Acc>, withAssigned: boolean): ProgressRow[] {
    return catalogue.map((d) => {
      const a = acc.get(d.key);
      const share = d.kind === "share";
      // a share is over units that reported it: each unit once, whatever its number of figures
      const reported = (share ? a?.units : a?.count) ?? 0;
      const actual = share ? (a && reported ? round1((a.yes * 100) / reported) : null) : (a?.sum ?? 0);
      const target = targetOf.get(`${unitId}:${d.key}`) ?? null;
      let assigned: number | null = null;
      if (withAssigned && !share) {
        const parts = children.map((c) => targetOf.get(`${c.id}:${d.key}`)).filter((x): x is number => x !== undefined);
        assigned = parts.length ? parts.reduce((s, x) => s + x, 0) : null;
      }
      const percent = target && actual !== null ? round1((actual * 100) / target) : null;
      return { indicator: d.key, label: d.label, measure: d.unit, kind: d.kind, actual, reported, target, assigned, percent };
    });
  }
  return {
    year,
    unit: { unit: { id: me.id, code: me.code, name: me.name }, rows: rowsFor(me.id, total, true) },
    children: children.map((c) => ({ unit: { id: c.id, code: c.code, name: c.name }, rows: rowsFor(c.id, byChild.get(c.id) ?? new Map(), false) })),
  };
}
