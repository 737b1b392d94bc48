import { z } from "zod";
import { parse as parseYaml } from "yaml";
import type { Db } from "../../prisma/db.ts";
import type { UnitView } from "../core/context.ts";
import { cleanName } from "../core/text.ts";

/** Ids of a unit's ancestors from the root down to the unit itself, read off its path. */
export function pathIds(path: string): number[] {
  return path.split("/").filter(Boolean).map(Number);
}

export function isInSubtree(unitPath: string, rootPath: string): boolean {
  return unitPath.startsWith(rootPath);
}

export async function unitByCode(prisma: Db, code: string): Promise<UnitView | null> {
  return prisma.unit.findUnique({ where: { code } });
}

/** The unit and its ancestors, nearest first. */
export async function ancestry(prisma: Db, unit: Pick<UnitView, "path">): Promise<UnitView[]> {
  const ids = pathIds(unit.path);
  const units = await prisma.unit.findMany({ where: { id: { in: ids } } });
  return units.sort((a, b) => b.depth - a.depth);
}

export async function subtreeUnits(prisma: Db, root: Pick<UnitView, "path">): Promise<UnitView[]> {
  return prisma.unit.findMany({ where: { path: { startsWith: root.path } }, orderBy: [{ depth: "asc" }, { name: "asc" }] });
}

/** "Chi đoàn Ấp 1 › Đoàn xã A › Tỉnh đoàn B" style label from the root down. */
export async function unitTrail(prisma: Db, unit: Pick<UnitView, "path">): Promise<string> {
  const chain = await ancestry(prisma, unit);
  return chain
    .reverse()
    .map((u) => u.name)
    .join(" › ");
}

export async function createUnit(
  prisma: Db,
  input: { code: string; name: string; level: string; parentId: number | null; isBranch?: boolean },
): Promise<UnitView> {
  const existing = await prisma.unit.findUnique({ where: { code: input.code } });
  const parent = input.parentId ? await prisma.unit.findUniqueOrThrow({ where: { id: input.parentId } }) : null;
  if (existing) {
    const moved = existing.parentId !== input.parentId;
    const updated = await prisma.unit.update({
      where: { id: existing.id },
      data: { name: input.name, level: input.level, isBranch: input.isBranch ?? existing.isBranch, parentId: input.parentId },
    });
    if (moved) {
      const newPath = `${parent?.path ?? "/"}${existing.id}/`;
      const depth = parent ? parent.depth + 1 : 0;
      const subtree = await prisma.unit.findMany({ where: { path: { startsWith: existing.path } } });
      for (const u of subtree) {
        await prisma.unit.update({
          where: { id: u.id },
          data: { path: newPath + u.path.slice(existing.path.length), depth: depth + (u.depth - existing.depth) },
        });
      }
      return prisma.unit.findUniqueOrThrow({ where: { id: existing.id } });
    }
    return updated;
  }
  return prisma.$transaction(async (tx) => {
    const created = await tx.unit.create({
      data: { code: input.code, name: input.name, level: input.level, parentId: input.parentId, isBranch: input.isBranch ?? false, path: "", depth: parent ? parent.depth + 1 : 0 },
    });
    return tx.unit.update({ where: { id: created.id }, data: { path: `${parent?.path ?? "/"}${created.id}/` } });
  });
}

// ---------- org:import ----------

const unitSchema: z.ZodType<UnitInput> = z.lazy(() =>
  z.object({
    code: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, "code: letters, digits, _ . - (max 64)"),
    name: z.string().min(1).max(200),
    level: z.string().min(1).max(100),
    branch: z.boolean().optional(),
    children: z.array(unitSchema).optional(),
  }),
);

export interface UnitInput {
  code: string;
  name: string;
  level: string;
  branch?: boolean | undefined;
  children?: UnitInput[] | undefined;
}

export const roleEnum = z.enum(["youth", "secretary", "cadre", "admin"]);

export const orgFileSchema = z.object({
  units: z.array(unitSchema).default([]),
  routing: z
    .array(z.object({ unit: z.string(), topic: z.string().default("*") }))
    .default([]),
  invites: z
    .array(
      z.object({
        code: z.string().regex(/^[A-Za-z0-9_-]{4,64}$/),
        role: roleEnum,
        unit: z.string(),
        topics: z.array(z.string()).default([]),
        title: z.string().optional(),
        maxUses: z.number().int().positive().optional(),
      }),
    )
    .default([]),
});

export type OrgFile = z.infer<typeof orgFileSchema>;

export function parseOrgFile(text: string, fileName: string): OrgFile {
  const raw: unknown = fileName.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  const r = orgFileSchema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new Error(`${fileName}: ${first?.path.join(".") ?? ""} ${first?.message ?? "invalid"}`);
  }
  return r.data;
}

/** An org file that would break the tree (a unit twice, a cycle) or move units without `--move`. */
export class OrgImportError extends Error {}

/**
 * What an org file does to the tree, checked before anything is written: a code listed twice
 * is refused (the tree would hold it in two places, or in a loop); an existing unit placed
 * under another parent (a unit at the file's top level is a root) is a move, refused unless
 * `move` is asked. A unit under its own descendant (a cycle) can only be written in a file by
 * listing it twice; the tree after the import is walked all the same, so no cycle is stored.
 */
export async function checkUnits(prisma: Db, units: UnitInput[], opts: { move?: boolean } = {}): Promise<{ moves: string[] }> {
  const parentOf = new Map<string, string | null>();
  const twice: string[] = [];
  const walk = (list: UnitInput[], parent: string | null) => {
    for (const u of list) {
      if (parentOf.has(u.code)) twice.push(u.code);
      parentOf.set(u.code, parent);
      walk(u.children ?? [], u.code);
    }
  };
  walk(units, null);
  if (twice.length) throw new OrgImportError(`units listed more than once (a unit has one place in the tree; under its own descendant it would make a cycle): ${[...new Set(twice)].join(", ")}`);
  const existing = await prisma.unit.findMany({ select: { id: true, code: true, parentId: true } });
  const codeOf = new Map(existing.map((u) => [u.id, u.code]));
  const current = new Map(existing.map((u) => [u.code, u.parentId === null ? null : (codeOf.get(u.parentId) ?? null)]));
  const moves = [...parentOf].filter(([code, parent]) => current.has(code) && current.get(code) !== parent).map(([code]) => code);
  if (moves.length && !opts.move)
    throw new OrgImportError(`existing units would move to another parent: ${moves.join(", ")} (run again with --move to move them)`);
  // the tree after the import: the file's parents over the database's
  const after = new Map([...current, ...parentOf]);
  for (const start of parentOf.keys()) {
    const seen = new Set<string>([start]);
    for (let p = after.get(start) ?? null; p !== null; p = after.get(p) ?? null) {
      if (seen.has(p)) throw new OrgImportError(`the unit tree would have a cycle through ${[...seen].join(" → ")}`);
      seen.add(p);
    }
  }
  return { moves };
}

/**
 * Units of an org file, matched by code (idempotent). The file is checked first (see
 * `checkUnits`): nothing is written when it is refused. Returns how many were written.
 */
export async function importUnits(
  prisma: Db,
  units: UnitInput[],
  progress?: (done: number, total: number) => void,
  opts: { move?: boolean } = {},
): Promise<number> {
  await checkUnits(prisma, units, opts);
  let count = 0;
  const total = countUnits(units);
  const tick = () => progress?.(count, total);
  // the tree a level at a time (a unit at the file's top level is a root, so a level is a depth):
  // a unit that exists is rewritten only when it changed; the new units of a level go in
  // set-based, then their paths are written by one statement from their parents' paths
  const known = new Map<string, { id: number; code: string; name: string; level: string; parentId: number | null; path: string; depth: number; isBranch: boolean }>();
  const codes = [...codesOf(units)];
  for (let i = 0; i < codes.length; i += IMPORT_CHUNK) {
    for (const u of await prisma.unit.findMany({ where: { code: { in: codes.slice(i, i + IMPORT_CHUNK) } } })) known.set(u.code, u);
  }
  let level: { u: UnitInput; parent: string | null }[] = units.map((u) => ({ u, parent: null }));
  for (let depth = 0; level.length; depth++) {
    const fresh: { code: string; name: string; level: string; parentId: number | null; isBranch: boolean; path: string; depth: number }[] = [];
    for (const { u, parent } of level) {
      const parentId = parent === null ? null : known.get(parent)!.id;
      const data = { code: u.code, name: cleanName(u.name, 200), level: cleanName(u.level), parentId, isBranch: u.branch ?? !u.children?.length };
      const old = known.get(u.code);
      if (!old) {
        fresh.push({ ...data, path: "", depth });
        continue;
      }
      if (old.name !== data.name || old.level !== data.level || old.parentId !== parentId || old.isBranch !== data.isBranch) known.set(u.code, await createUnit(prisma, data));
      count++;
      if (count % 50 === 0) tick();
    }
    for (let i = 0; i < fresh.length; i += IMPORT_CHUNK) {
      const part = fresh.slice(i, i + IMPORT_CHUNK);
      await prisma.$transaction([
        prisma.unit.createMany({ data: part }),
        prisma.$executeRaw`UPDATE "Unit" SET "path" = COALESCE((SELECT p."path" FROM "Unit" p WHERE p."id" = "Unit"."parentId"), '/') || CAST("id" AS TEXT) || '/' WHERE "path" = '' AND "depth" = ${depth}`,
      ]);
      for (const u of await prisma.unit.findMany({ where: { code: { in: part.map((f) => f.code) } } })) known.set(u.code, u);
      count += part.length;
      tick();
    }
    level = level.flatMap(({ u }) => (u.children ?? []).map((c) => ({ u: c, parent: u.code })));
  }
  if (count % 50 !== 0) tick();
  return count;
}

const IMPORT_CHUNK = 500;

function* codesOf(list: UnitInput[]): Generator<string> {
  for (const u of list) {
    yield u.code;
    yield* codesOf(u.children ?? []);
  }
}

function countUnits(list: UnitInput[]): number {
  return list.reduce((n, u) => n + 1 + countUnits(u.children ?? []), 0);
}

