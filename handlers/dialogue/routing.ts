import type { Db } from "../../prisma/db.ts";
import { pathIds } from "../../bot/domain/org.ts";

export interface Route {
  /** The unit that holds the question. */
  unitId: number;
  /** The cadre it is assigned to (null: nobody can take it yet). */
  assigneeId: number | null;
}

type UnitLike = { id: number; path: string };

/** Cadres of a unit able to answer a topic: an empty topic list means "all topics". */
export async function cadrePool(prisma: Db, unitId: number, topic: string): Promise<number[]> {
  const ms = await prisma.membership.findMany({ where: { unitId, role: "cadre" }, select: { personId: true, topics: true } });
  const fits = ms.filter((m) => {
    const list = m.topics.split(",").map((t) => t.trim()).filter(Boolean);
    return list.length === 0 || list.includes(topic);
  });
  return [...new Set(fits.map((m) => m.personId))];
}

/** Fair assignment: the cadre with the fewest open assigned questions, ties by id. */
export async function leastLoaded(prisma: Db, people: number[], exclude: number[] = []): Promise<number | null> {
  const candidates = people.filter((p) => !exclude.includes(p));
  const pool = candidates.length ? candidates : people;
  if (!pool.length) return null;
  const loads = await prisma.question.groupBy({
    by: ["assigneeId"],
    where: { assigneeId: { in: pool }, status: "open" },
    _count: { _all: true },
  });
  const load = new Map(loads.map((l) => [l.assigneeId, l._count._all]));
  return [...pool].sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || a - b)[0] ?? null;
}

/**
 * Pick a cadre of one unit for a topic: those whose topics fit, else any cadre of the unit.
 * Null when the unit has no cadre at all.
 */
export async function pickAtUnit(prisma: Db, unitId: number, topic: string, exclude: number[] = []): Promise<number | null> {
  let pool = await cadrePool(prisma, unitId, topic);
  if (!pool.length) {
    const all = await prisma.membership.findMany({ where: { unitId, role: "cadre" }, select: { personId: true } });
    pool = [...new Set(all.map((m) => m.personId))];
  }
  return leastLoaded(prisma, pool, exclude);
}

/** Ids of the units on a path that have at least one cadre (one query). */
async function unitsWithCadres(prisma: Db, ids: number[]): Promise<Set<number>> {
  const rows = await prisma.membership.findMany({ where: { unitId: { in: ids }, role: "cadre" }, select: { unitId: true }, distinct: ["unitId"] });
  return new Set(rows.map((r) => r.unitId));
}

/**
 * Nearest unit (the given one first, then up the tree) that has a cadre, with the cadre
 * picked fairly. Null when no unit on the way up has a cadre.
 */
export async function nearestWithCadres(prisma: Db, unit: UnitLike, topic: string, exclude: number[] = []): Promise<Route | null> {
  const chain = pathIds(unit.path).reverse();
  const staffed = await unitsWithCadres(prisma, chain);
  for (const id of chain) {
    if (!staffed.has(id)) continue;
    const who = await pickAtUnit(prisma, id, topic, exclude);
    if (who !== null) return { unitId: id, assigneeId: who };
  }
  return null;
}

/**
 * Route a question of `topic` asked in `askerUnit`: the nearest unit up the tree with a
 * matching routing rule (a rule for the topic beats "*" at the same unit). The rule's
 * assignee when set (and still a cadre there or above), else the unit's cadre pool, least
 * loaded first. A rule unit without cadres, or no rule at all, falls back to the nearest
 * unit with cadres. With no cadre anywhere, the question waits at the asker's root unit.
 */
export async function resolveRoute(prisma: Db, askerUnit: UnitLike, topic: string): Promise<Route> {
  const chain = pathIds(askerUnit.path).reverse();
  const rules = await prisma.routingRule.findMany({ where: { unitId: { in: chain }, topic: { in: [topic, "*"] } } });
  for (const unitId of chain) {
    const here = rules.filter((r) => r.unitId === unitId);
    const rule = here.find((r) => r.topic === topic) ?? here.find((r) => r.topic === "*");
    if (!rule) continue;
    const unit = await prisma.unit.findUnique({ where: { id: unitId }, select: { id: true, path: true } });
    if (!unit) continue;
    if (rule.assigneeId !== null && (await isCadreAtOrAbove(prisma, rule.assigneeId, unit.path))) {
      return { unitId, assigneeId: rule.assigneeId };
    }
    const picked = await nearestWithCadres(prisma, unit, topic);
    if (picked) return picked;
    break;
  }
  const nearest = await nearestWithCadres(prisma, askerUnit, topic);
  if (nearest) return nearest;
  return { unitId: chain[chain.length - 1] ?? askerUnit.id, assigneeId: null };
}

/**
 * Route an anonymous question. Routing rules are not followed for it (a rule may give one
 * branch's questions to one person, who could then tell who asked): it goes to the nearest
 * unit at or above the commune (never a branch) that has at least two cadres, else to the
 * commune itself (its cadre), else up to the nearest unit with a cadre. A cadre who holds it
 * may still hand it on (/chuyen).
 */
export async function resolveAnonRoute(prisma: Db, askerUnit: UnitLike, topic: string): Promise<Route> {
  const chain = pathIds(askerUnit.path).reverse();
  const units = await prisma.unit.findMany({ where: { id: { in: chain } }, select: { id: true, path: true, isBranch: true } });
  const byId = new Map(units.map((u) => [u.id, u]));
  const above = chain.filter((id) => byId.get(id)?.isBranch === false);
  if (!above.length) return resolveRoute(prisma, askerUnit, topic);
  const ladder = above;
  const cadres = await prisma.membership.groupBy({ by: ["unitId"], where: { unitId: { in: ladder }, role: "cadre" }, _count: { _all: true } });
  const count = new Map(cadres.map((c) => [c.unitId, c._count._all]));
  const floor = ladder[0]!;
  const target = ladder.find((id) => (count.get(id) ?? 0) >= 2) ?? floor;
  if ((count.get(target) ?? 0) > 0) return { unitId: target, assigneeId: await pickAtUnit(prisma, target, topic) };
  const unit = byId.get(target)!;
  return (await nearestWithCadres(prisma, unit, topic)) ?? { unitId: target, assigneeId: null };
}

/** Whether a person is a cadre of the unit with this path or of one of its ancestors. */
export async function isCadreAtOrAbove(prisma: Db, personId: number, unitPath: string): Promise<boolean> {
  const n = await prisma.membership.count({ where: { personId, role: "cadre", unitId: { in: pathIds(unitPath) } } });
  return n > 0;
}

/** Routing rules of an org file: each routes a unit's questions (of a topic, or "*") to its cadre pool. Idempotent. */
export async function importRouting(prisma: Db, rules: { unit: string; topic: string }[]): Promise<number> {
  for (const r of rules) {
    const unit = await prisma.unit.findUnique({ where: { code: r.unit } });
    if (!unit) throw new Error(`routing: unknown unit ${r.unit}`);
    // a rule from a file routes to the unit's cadre pool; admins may name one cadre later (/dinhtuyen)
    await prisma.routingRule.upsert({
      where: { unitId_topic: { unitId: unit.id, topic: r.topic } },
      create: { unitId: unit.id, topic: r.topic },
      update: {},
    });
  }
  return rules.length;
}
