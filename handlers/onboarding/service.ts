import { coreText } from "../../prompts/vi/core.ts";
import type { Db } from "../../prisma/db.ts";
import type { Clock } from "../../bot/core/clock.ts";
import type { Incoming } from "../../bot/core/types.ts";
import type { Role } from "../../bot/core/context.ts";

/** The person behind a channel identity, created on first contact. */
export async function ensurePerson(prisma: Db, clock: Clock, inc: Incoming): Promise<number> {
  const key = { channel: inc.channel, externalId: inc.userId };
  const found = await prisma.identity.findUnique({ where: { channel_externalId: key } });
  if (found) return found.personId;
  const name = inc.displayName.trim().slice(0, 100) || coreText.anonymousName;
  return prisma.$transaction(async (tx) => {
    const person = await tx.person.create({ data: { displayName: name, createdAt: clock.now() } });
    await tx.identity.create({ data: { ...key, chatId: inc.chatId, personId: person.id, createdAt: clock.now() } });
    return person.id;
  });
}

export type RedeemResult = { ok: true; unitId: number; role: Role; already: boolean } | { ok: false };

/** Redeem an invite code: valid, not expired, uses left (checked atomically). */
export async function redeemInvite(prisma: Db, clock: Clock, personId: number, code: string): Promise<RedeemResult> {
  const inv = await prisma.invite.findUnique({ where: { code: code.trim() } });
  const now = clock.now();
  if (!inv || (inv.expiresAt && inv.expiresAt < now)) return { ok: false };
  const role = inv.role as Role;
  const existing = await prisma.membership.findUnique({ where: { personId_unitId_role: { personId, unitId: inv.unitId, role } } });
  if (existing) return { ok: true, unitId: inv.unitId, role, already: true };
  const taken = await prisma.invite.updateMany({
    where: { id: inv.id, ...(inv.maxUses ? { uses: { lt: inv.maxUses } } : {}) },
    data: { uses: { increment: 1 } },
  });
  if (taken.count !== 1) return { ok: false };
  await prisma.$transaction([
    prisma.membership.create({ data: { personId, unitId: inv.unitId, role, topics: inv.topics, createdAt: now } }),
    ...(inv.title ? [prisma.person.update({ where: { id: personId }, data: { title: inv.title } })] : []),
  ]);
  return { ok: true, unitId: inv.unitId, role, already: false };
}

/** A youth belongs to one unit: choosing another moves them. */
export async function setYouthUnit(prisma: Db, personId: number, unitId: number): Promise<void> {
  await prisma.$transaction([
    prisma.membership.deleteMany({ where: { personId, role: "youth", unitId: { not: unitId } } }),
    prisma.membership.upsert({
      where: { personId_unitId_role: { personId, unitId, role: "youth" } },
      create: { personId, unitId, role: "youth" },
      update: {},
    }),
  ]);
}

/** Erase a person's personal data (Decree 13/2023): identities, memberships, name. Questions stay, unlinked. */
