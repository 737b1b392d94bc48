import { z } from "zod";
import { parse as parseYaml } from "yaml";
import type { Db } from "../../prisma/db.ts";
import type { UnitView } from "../core/context.ts";

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

/** Units of an org file, matched by code (idempotent). Returns how many were written. */
export async function importUnits(prisma: Db, units: UnitInput[], progress?: (done: number, total: number) => void): Promise<number> {
  let count = 0;
  const total = countUnits(units);
  const walk = async (list: UnitInput[], parentId: number | null) => {
    for (const u of list) {
      const created = await createUnit(prisma, { code: u.code, name: u.name, level: u.level, parentId, isBranch: u.branch ?? !u.children?.length });
      count++;
      if (progress && (count % 50 === 0 || count === total)) progress(count, total);
      if (u.children) await walk(u.children, created.id);
    }
  };
  await walk(units, null);
  return count;
}

function countUnits(list: UnitInput[]): number {
  return list.reduce((n, u) => n + 1 + countUnits(u.children ?? []), 0);
}

