/**
 * `/xoathanhvien <unit>` lists the unit's members, each with a number (their person number);
 * `/xoathanhvien <unit> <number> [role]` removes that member's role there (every role without one).
 * Only an admin at or above the unit, for roles at or below their own; never themselves.
 */
import type { Ctx, Role } from "../../bot/core/context.ts";
import { ROLES } from "../../bot/core/context.ts";
import { onboardingText as T } from "../../prompts/vi/onboarding.ts";
import { mayGrant } from "./invites.ts";

const label = (role: string) => T.roleLabel[role] ?? role;

export async function removeMember(ctx: Ctx): Promise<void> {
  const { prisma } = ctx.s;
  const [unitCode, ref, roleArg, ...extra] = ctx.args.split(/\s+/).filter(Boolean);
  if (!unitCode || extra.length) return ctx.reply(T.removeUsage);
  const unit = await prisma.unit.findUnique({ where: { code: unitCode } });
  if (!unit) return ctx.reply(T.unknownUnit(unitCode));
  if (!mayGrant(ctx.memberships, unit, "youth")) return ctx.reply(T.notYourSubtree);
  const ms = await prisma.membership.findMany({ where: { unitId: unit.id }, orderBy: [{ personId: "asc" }, { id: "asc" }] });
  if (!ref) {
    if (!ms.length) return ctx.reply(T.noMembers(unit.name));
    const people = await prisma.person.findMany({ where: { id: { in: ms.map((m) => m.personId) } }, select: { id: true, displayName: true } });
    const lines = people
      .sort((a, b) => a.id - b.id)
      .map((p) => T.memberLine(p.id, p.displayName, ms.filter((m) => m.personId === p.id).map((m) => label(m.role)).join(", ")));
    return ctx.reply(T.membersHeader(unit.name) + "\n" + lines.join("\n") + "\n\n" + T.removeHint(unit.code));
  }
  const personId = /^#?\d{1,9}$/.test(ref) ? Number(ref.replace("#", "")) : NaN;
  const role = roleArg?.toLowerCase();
  if (!Number.isFinite(personId) || (role !== undefined && !ROLES.includes(role as Role))) return ctx.reply(T.removeUsage);
  const held = ms.filter((m) => m.personId === personId && (!role || m.role === role));
  if (!held.length) return ctx.reply(T.notAMember(ref, unit.name));
  if (personId === ctx.person!.id) return ctx.reply(T.notYourself);
  if (!held.every((m) => mayGrant(ctx.memberships, unit, m.role))) return ctx.reply(T.notYourSubtree);
  const removed = await ctx.s.people.removeMembership(personId, unit.id, role as Role | undefined);
  const roles = held.map((m) => label(m.role)).join(", ");
  await ctx.audit("member.remove", "person", personId, `${unit.code}:${held.map((m) => m.role).join(",")}`);
  const person = await prisma.person.findUnique({ where: { id: personId }, select: { displayName: true } });
  await ctx.s.outbox.toPerson(personId, { text: T.youWereRemoved(unit.name, roles) });
  ctx.reply(removed ? T.memberRemoved(person?.displayName ?? "—", unit.name, roles) : T.notAMember(ref, unit.name));
}
