import type { Db } from "../../prisma/db.ts";
import type { Clock } from "../../bot/core/clock.ts";
import type { Role } from "../../bot/core/context.ts";
import type { PeoplePort } from "../../bot/core/people.ts";

export type RedeemResult = { ok: true; unitId: number; role: Role; already: boolean } | { ok: false };

/** Redeem an invite code: valid, not expired, uses left (checked atomically); the kernel records the membership. */
export async function redeemInvite(prisma: Db, people: PeoplePort, clock: Clock, personId: number, code: string): Promise<RedeemResult> {
  const inv = await prisma.invite.findUnique({ where: { code: code.trim() } });
  const now = clock.now();
  if (!inv || (inv.expiresAt && inv.expiresAt < now)) return { ok: false };
  const role = inv.role as Role;
  if (await people.hasMembership(personId, inv.unitId, role)) return { ok: true, unitId: inv.unitId, role, already: true };
  const taken = await prisma.invite.updateMany({
    where: { id: inv.id, ...(inv.maxUses ? { uses: { lt: inv.maxUses } } : {}) },
    data: { uses: { increment: 1 } },
  });
  if (taken.count !== 1) return { ok: false };
  await people.addMembership(personId, inv.unitId, role, { topics: inv.topics, title: inv.title, now });
  return { ok: true, unitId: inv.unitId, role, already: false };
}
