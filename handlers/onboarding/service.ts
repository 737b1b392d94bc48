import { randomUUID } from "node:crypto";
import type { Db } from "../../prisma/db.ts";
import type { Clock } from "../../bot/core/clock.ts";
import type { Role, Services } from "../../bot/core/context.ts";
import type { PeoplePort } from "../../bot/core/people.ts";
import { Secrets } from "../../bot/core/secrets.ts";
import { inviteState, isDemoCode, normaliseCode } from "./invites.ts";

export type RedeemRefusal = "unknown" | "expired" | "usedUp" | "revoked";
export type RedeemResult = { ok: true; unitId: number; role: Role; already: boolean } | { ok: false; reason: RedeemRefusal };

/** What an invite would give, without using it: null with the reason when it cannot be used. */
export async function checkInvite(prisma: Db, clock: Clock, code: string, demo: boolean) {
  const inv = await prisma.invite.findUnique({ where: { code: normaliseCode(code) } });
  // demo codes and invites to demo units exist only for a demo install: elsewhere they are unknown
  if (!inv) return { inv: null, reason: "unknown" as const };
  if (!demo && (inv.demo || isDemoCode(inv.code))) return { inv: null, reason: "unknown" as const };
  if (!demo) {
    const unit = await prisma.unit.findUnique({ where: { id: inv.unitId }, select: { demo: true } });
    if (!unit || unit.demo) return { inv: null, reason: "unknown" as const };
  }
  const state = inviteState(inv, clock.now());
  return state === "active" ? { inv, reason: null } : { inv: null, reason: state };
}

/**
 * Redeem an invite code: known (a demo code only on a demo install), not revoked, not expired,
 * a use left (taken atomically); the kernel records the membership.
 */
export async function redeemInvite(
  prisma: Db,
  people: PeoplePort,
  clock: Clock,
  personId: number,
  code: string,
  opts: { demo: boolean },
): Promise<RedeemResult> {
  const { inv, reason } = await checkInvite(prisma, clock, code, opts.demo);
  if (!inv) return { ok: false, reason: reason ?? "unknown" };
  const role = inv.role as Role;
  if (await people.hasMembership(personId, inv.unitId, role)) return { ok: true, unitId: inv.unitId, role, already: true };
  const now = clock.now();
  const taken = await prisma.invite.updateMany({
    where: { id: inv.id, revokedAt: null, ...(inv.maxUses !== null ? { uses: { lt: inv.maxUses } } : {}) },
    data: { uses: { increment: 1 } },
  });
  if (taken.count !== 1) return { ok: false, reason: "usedUp" };
  await people.addMembership(personId, inv.unitId, role, { topics: inv.topics, title: inv.title, now });
  return { ok: true, unitId: inv.unitId, role, already: false };
}

/** How long a web sign-in code of `/web` is valid. */
export const WEB_CODE_MINUTES = 10;

/** `/web`: a one-time code (10 minutes) that signs this person in to the web chat. */
export async function issueWebCode(s: Pick<Services, "prisma" | "clock">, personId: number): Promise<string> {
  const code = Secrets.code(10);
  await s.prisma.linkCode.deleteMany({ where: { personId, purpose: "web" } });
  await s.prisma.linkCode.create({ data: { code, personId, purpose: "web", expiresAt: new Date(s.clock.now().getTime() + WEB_CODE_MINUTES * 60_000) } });
  return code;
}

/** Whom a sign-in on the web chat is for: the web identity to act as and its name. */
export type WebSignIn = { ok: true; personId: number; userKey: string; name: string; welcome: string | null } | { ok: false; reason: RedeemRefusal };

/**
 * Sign in to the web chat with a code: a `/web` code of another channel (single use, 10
 * minutes) is that person; an invite code makes a new person who joins the invite's unit.
 * Nothing else makes a person on the web outside the demo.
 */
export async function signInWithCode(
  s: Services,
  raw: string,
  name: string,
  joined: (unitId: number, role: Role) => Promise<string>,
): Promise<WebSignIn> {
  const code = normaliseCode(raw);
  if (!/^[A-Z0-9_-]{4,64}$/.test(code)) return { ok: false, reason: "unknown" };
  const now = s.clock.now();
  const demo = s.config.demo;
  const row = await s.prisma.linkCode.findUnique({ where: { code } });
  if (row && row.purpose === "web") {
    // consume first: it works once
    const used = await s.prisma.linkCode.deleteMany({ where: { code, purpose: "web", expiresAt: { gt: now } } });
    if (used.count !== 1) return { ok: false, reason: "unknown" };
    const person = await s.prisma.person.findUnique({ where: { id: row.personId }, select: { displayName: true, demo: true } });
    if (!person || (person.demo && !demo)) return { ok: false, reason: "unknown" };
    const userKey = await s.people.webIdentity(row.personId, now);
    return { ok: true, personId: row.personId, userKey, name: person.displayName, welcome: null };
  }
  const { inv, reason } = await checkInvite(s.prisma, s.clock, code, demo);
  if (!inv) return { ok: false, reason: reason ?? "unknown" };
  const key = `w-${randomUUID()}`;
  const personId = await s.people.ensure({ channel: "web", chatId: key, userId: key, displayName: name }, now, name);
  const r = await redeemInvite(s.prisma, s.people, s.clock, personId, code, { demo });
  if (!r.ok) {
    // taken by someone else meanwhile: the person made for it goes
    await s.people.erase(personId);
    return r;
  }
  return { ok: true, personId, userKey: key, name, welcome: await joined(r.unitId, r.role) };
}
