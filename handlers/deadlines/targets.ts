/** Which units a task goes to: branches or direct children of a giver's unit, or units named by code. */
import type { UnitView } from "../../bot/core/context.ts";
import { isInSubtree } from "../../bot/domain/org.ts";
import type { Db } from "../../prisma/db.ts";
import { MAX_CODES } from "./rules.ts";

export type TargetResult =
  | { ok: true; root: UnitView; units: UnitView[] }
  | { ok: false; reason: "unknownUnit" | "notInSubtree"; code: string }
  | { ok: false; reason: "noUnits" | "tooMany"; code?: undefined };

/** Branches strictly below a unit. */
export async function branchesUnder(prisma: Db, root: Pick<UnitView, "id" | "path">): Promise<UnitView[]> {
  const rows = await prisma.unit.findMany({ where: { path: { startsWith: root.path }, isBranch: true, id: { not: root.id } }, orderBy: [{ path: "asc" }] });
  return rows;
}

/** Units directly below a unit. */
export async function childrenOf(prisma: Db, root: Pick<UnitView, "id">): Promise<UnitView[]> {
  return prisma.unit.findMany({ where: { parentId: root.id }, orderBy: { name: "asc" } });
}

/** Units named by code, each strictly inside the subtree of one of the giver's units. */
export async function resolveCodes(prisma: Db, giverUnits: UnitView[], codes: string[]): Promise<TargetResult> {
  const wanted = [...new Set(codes.map((c) => c.trim()).filter(Boolean))];
  if (!wanted.length) return { ok: false, reason: "noUnits" };
  if (wanted.length > MAX_CODES) return { ok: false, reason: "tooMany" };
  const found = await prisma.unit.findMany({ where: { code: { in: wanted } } });
  const byCode = new Map(found.map((u) => [u.code, u]));
  const units: UnitView[] = [];
  for (const code of wanted) {
    const u = byCode.get(code);
    if (!u) return { ok: false, reason: "unknownUnit", code };
    if (!giverUnits.some((g) => g.id !== u.id && isInSubtree(u.path, g.path))) return { ok: false, reason: "notInSubtree", code };
    units.push(u);
  }
  const root = giverUnits.find((g) => units.every((u) => isInSubtree(u.path, g.path))) ?? giverUnits.find((g) => isInSubtree(units[0]!.path, g.path))!;
  return { ok: true, root, units };
}
