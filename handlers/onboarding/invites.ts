import type { Db } from "../../prisma/db.ts";
import type { MembershipView, Role, UnitView } from "../../bot/core/context.ts";
import { ROLES } from "../../bot/core/context.ts";
import { Secrets } from "../../bot/core/secrets.ts";
import { isInSubtree, type OrgFile } from "../../bot/domain/org.ts";

/** Invites last this long unless told otherwise (`INVITE_DAYS`). */
export const DEFAULT_INVITE_DAYS = 14;
const DAY_MS = 86_400_000;

/** Codes are compared without case: stored and looked up in upper case. */
export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Demo codes are published (README, demo page): an install without DEMO never honours them. */
export function isDemoCode(code: string): boolean {
  return normaliseCode(code).startsWith("DEMO-");
}

/**
 * Invites of an org file, matched by code (idempotent). One use unless the file says
 * otherwise; a new invite expires after the default days (a re-import never extends it).
 */
export async function importInvites(prisma: Db, invites: OrgFile["invites"], opts: { now?: Date; days?: number } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  for (const inv of invites) {
    const unit = await prisma.unit.findUnique({ where: { code: inv.unit } });
    if (!unit) throw new Error(`invites: unknown unit ${inv.unit}`);
    const code = normaliseCode(inv.code);
    const data = { role: inv.role, unitId: unit.id, topics: inv.topics.join(","), title: inv.title ?? null, maxUses: inv.maxUses ?? 1 };
    const expiresAt = new Date(now.getTime() + (opts.days ?? DEFAULT_INVITE_DAYS) * DAY_MS);
    await prisma.invite.upsert({ where: { code }, create: { code, ...data, expiresAt, createdAt: now }, update: data });
  }
  return invites.length;
}

export interface NewInvite {
  role: string;
  unitCode: string;
  topics?: string[];
  title?: string;
  /** Uses (default 1). */
  maxUses?: number;
  createdById?: number;
  /** Days it stays valid (default 14) from `now` (default: the system time). */
  days?: number;
  now?: Date;
}

export async function createInvite(prisma: Db, input: NewInvite): Promise<{ code: string; unit: UnitView; expiresAt: Date; maxUses: number }> {
  const unit = await prisma.unit.findUnique({ where: { code: input.unitCode } });
  if (!unit) throw new Error(`unknown unit ${input.unitCode}`);
  const now = input.now ?? new Date();
  const code = Secrets.code(8);
  const maxUses = input.maxUses ?? 1;
  const expiresAt = new Date(now.getTime() + (input.days ?? DEFAULT_INVITE_DAYS) * DAY_MS);
  await prisma.invite.create({
    data: {
      code,
      role: input.role,
      unitId: unit.id,
      topics: (input.topics ?? []).join(","),
      title: input.title ?? null,
      maxUses,
      createdById: input.createdById ?? null,
      expiresAt,
      createdAt: now,
    },
  });
  return { code, unit, expiresAt, maxUses };
}

const rank = (r: string) => ROLES.indexOf(r as Role);

/**
 * Whether someone may mint an invite (or remove a role) of `role` in `unit`: an admin whose
 * unit is the target or above it, for a role at or below the one they hold there. Plain
 * cadres and secretaries never may; an admin of another subtree never may.
 */
export function mayGrant(memberships: readonly MembershipView[], unit: Pick<UnitView, "path">, role: string): boolean {
  if (rank(role) < 0) return false;
  return memberships.some((m) => m.role === "admin" && isInSubtree(unit.path, m.unit.path) && rank(m.role) >= rank(role));
}

export type InviteState = "active" | "expired" | "usedUp" | "revoked";

export function inviteState(inv: { revokedAt: Date | null; expiresAt: Date | null; maxUses: number | null; uses: number }, now: Date): InviteState {
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt && inv.expiresAt <= now) return "expired";
  if (inv.maxUses !== null && inv.uses >= inv.maxUses) return "usedUp";
  return "active";
}

/** Invites someone created, newest first (the last 30). */
export async function invitesBy(prisma: Db, personId: number) {
  const rows = await prisma.invite.findMany({ where: { createdById: personId }, orderBy: { id: "desc" }, take: 30 });
  const units = await prisma.unit.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.unitId))] } }, select: { id: true, name: true, path: true } });
  const byId = new Map(units.map((u) => [u.id, u]));
  return rows.map((r) => ({ ...r, unit: byId.get(r.unitId) ?? null }));
}

export type RevokeOutcome = { kind: "revoked"; code: string } | { kind: "unknown" } | { kind: "notYours" } | { kind: "already" };

/** `/huymoi`: its creator, or an admin at or above its unit, revokes an invite; later uses are refused. */
export async function revokeInvite(prisma: Db, by: { personId: number; memberships: readonly MembershipView[] }, rawCode: string, now: Date): Promise<RevokeOutcome> {
  const code = normaliseCode(rawCode);
  const inv = await prisma.invite.findUnique({ where: { code } });
  if (!inv) return { kind: "unknown" };
  const unit = await prisma.unit.findUnique({ where: { id: inv.unitId }, select: { path: true } });
  const mine = inv.createdById === by.personId || (!!unit && mayGrant(by.memberships, unit, inv.role));
  if (!mine) return { kind: "notYours" };
  const r = await prisma.invite.updateMany({ where: { id: inv.id, revokedAt: null }, data: { revokedAt: now } });
  return r.count === 1 ? { kind: "revoked", code } : { kind: "already" };
}
