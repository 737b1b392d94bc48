import type { Db } from "../../prisma/db.ts";
import type { UnitView } from "../../bot/core/context.ts";
import { Secrets } from "../../bot/core/secrets.ts";
import type { OrgFile } from "../../bot/domain/org.ts";

/** Invites of an org file, matched by code (idempotent). */
export async function importInvites(prisma: Db, invites: OrgFile["invites"]): Promise<number> {
  for (const inv of invites) {
    const unit = await prisma.unit.findUnique({ where: { code: inv.unit } });
    if (!unit) throw new Error(`invites: unknown unit ${inv.unit}`);
    const data = { role: inv.role, unitId: unit.id, topics: inv.topics.join(","), title: inv.title ?? null, maxUses: inv.maxUses ?? null };
    await prisma.invite.upsert({ where: { code: inv.code }, create: { code: inv.code, ...data }, update: data });
  }
  return invites.length;
}

export async function createInvite(
  prisma: Db,
  input: { role: string; unitCode: string; topics?: string[]; title?: string; maxUses?: number; createdById?: number; expiresAt?: Date },
): Promise<{ code: string; unit: UnitView }> {
  const unit = await prisma.unit.findUnique({ where: { code: input.unitCode } });
  if (!unit) throw new Error(`unknown unit ${input.unitCode}`);
  const code = Secrets.code(8);
  await prisma.invite.create({
    data: {
      code,
      role: input.role,
      unitId: unit.id,
      topics: (input.topics ?? []).join(","),
      title: input.title ?? null,
      maxUses: input.maxUses ?? null,
      createdById: input.createdById ?? null,
      expiresAt: input.expiresAt ?? null,
    },
  });
  return { code, unit };
}
