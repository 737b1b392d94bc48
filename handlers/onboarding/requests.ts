/**
 * Joining a unit without an invite: the tree walk of /start leaves a request that one of the
 * unit's secretaries or cadres (or a cadre or admin above it) accepts or refuses; only then is
 * the person a member.
 */
import type { MembershipView, Services, UnitView } from "../../bot/core/context.ts";
import { isInSubtree, pathIds } from "../../bot/domain/org.ts";
import { onboardingText as T } from "../../prompts/vi/onboarding.ts";

export type JoinOutcome =
  | { kind: "requested"; requestId: number; approvers: number }
  | { kind: "pending"; requestId: number }
  | { kind: "already" };

/** Who decides a request for a unit: its secretaries and cadres, else the cadres (then admins) of the nearest unit above. */
export async function approversOf(s: Services, unit: Pick<UnitView, "id" | "path">): Promise<number[]> {
  const own = await s.prisma.membership.findMany({ where: { unitId: unit.id, role: { in: ["secretary", "cadre"] } }, orderBy: { id: "asc" } });
  if (own.length) return [...new Set(own.map((m) => m.personId))];
  const above = pathIds(unit.path).filter((id) => id !== unit.id).reverse();
  for (const roles of [["cadre"], ["admin"]]) {
    const ms = await s.prisma.membership.findMany({ where: { unitId: { in: above }, role: { in: roles } }, orderBy: { id: "asc" } });
    for (const id of above) {
      const here = ms.filter((m) => m.unitId === id);
      if (here.length) return [...new Set(here.map((m) => m.personId))];
    }
  }
  return [];
}

/** A secretary of the unit itself, or a cadre or admin of it or of a unit above it. */
export function mayDecide(memberships: readonly MembershipView[], unit: Pick<UnitView, "id" | "path">): boolean {
  return memberships.some(
    (m) => (m.role === "secretary" && m.unitId === unit.id) || ((m.role === "cadre" || m.role === "admin") && isInSubtree(unit.path, m.unit.path)),
  );
}

/** The request of a tree walk: one pending request per person (a new unit replaces the old request). */
export async function requestJoin(s: Services, personId: number, unit: UnitView): Promise<JoinOutcome> {
  const { prisma } = s;
  if (await s.people.hasMembership(personId, unit.id, "youth")) return { kind: "already" };
  const pending = await prisma.joinRequest.findFirst({ where: { personId, status: "pending" }, orderBy: { id: "desc" } });
  if (pending?.unitId === unit.id) return { kind: "pending", requestId: pending.id };
  const now = s.clock.now();
  if (pending) await prisma.joinRequest.updateMany({ where: { personId, status: "pending" }, data: { status: "withdrawn", decidedAt: now } });
  const req = await prisma.joinRequest.create({ data: { personId, unitId: unit.id, createdAt: now } });
  const person = await prisma.person.findUniqueOrThrow({ where: { id: personId }, select: { displayName: true } });
  const approvers = await approversOf(s, unit);
  for (const a of approvers) {
    await s.outbox.toPerson(
      a,
      {
        text: T.requestToApprover(req.id, person.displayName, unit.name),
        choices: [
          { label: T.accept, action: "onb.jr", args: { requestId: req.id, accept: true } },
          { label: T.refuse, action: "onb.jr", args: { requestId: req.id, accept: false } },
        ],
      },
      { dedupeKey: `joinreq:${req.id}:${a}` },
    );
  }
  return { kind: "requested", requestId: req.id, approvers: approvers.length };
}

export type DecideOutcome =
  | { kind: "decided"; accept: boolean; name: string; unit: string }
  | { kind: "unknown" }
  | { kind: "notYours" }
  | { kind: "already"; status: string };

/** Accept or refuse a request (once: a replayed button or a second approver finds it decided); the person is told. */
export async function decideJoin(s: Services, by: { personId: number; memberships: readonly MembershipView[] }, requestId: number, accept: boolean): Promise<DecideOutcome> {
  const { prisma } = s;
  const req = await prisma.joinRequest.findUnique({ where: { id: requestId } });
  const unit = req && (await prisma.unit.findUnique({ where: { id: req.unitId } }));
  if (!req || !unit) return { kind: "unknown" };
  if (!mayDecide(by.memberships, unit)) return { kind: "notYours" };
  const now = s.clock.now();
  const r = await prisma.joinRequest.updateMany({
    where: { id: req.id, status: "pending" },
    data: { status: accept ? "accepted" : "refused", decidedAt: now, decidedById: by.personId },
  });
  if (r.count !== 1) return { kind: "already", status: req.status === "pending" ? "decided" : req.status };
  if (accept) await s.people.setYouthUnit(req.personId, unit.id);
  await s.outbox.toPerson(req.personId, { text: accept ? T.requestAccepted(unit.name) : T.requestRefused(unit.name) }, { dedupeKey: `joinreq:${req.id}:decided` });
  const person = await prisma.person.findUnique({ where: { id: req.personId }, select: { displayName: true } });
  return { kind: "decided", accept, name: person?.displayName ?? "—", unit: unit.name };
}

/** Pending requests this person may decide (oldest first, at most 50). */
export async function pendingFor(s: Services, memberships: readonly MembershipView[]) {
  const rows = await s.prisma.joinRequest.findMany({ where: { status: "pending" }, orderBy: { id: "asc" }, take: 500 });
  const units = await s.prisma.unit.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.unitId))] } } });
  const byId = new Map(units.map((u) => [u.id, u]));
  const mine = rows.filter((r) => {
    const u = byId.get(r.unitId);
    return !!u && mayDecide(memberships, u);
  }).slice(0, 50);
  const people = await s.prisma.person.findMany({ where: { id: { in: mine.map((r) => r.personId) } }, select: { id: true, displayName: true } });
  const names = new Map(people.map((p) => [p.id, p.displayName]));
  return mine.map((r) => ({ id: r.id, name: names.get(r.personId) ?? "—", unit: byId.get(r.unitId)!.name, at: r.createdAt }));
}
