import { randomInt } from "node:crypto";
import type { Services, UnitView } from "../../bot/core/context.ts";
import type { Db } from "../../prisma/db.ts";
import { ensureJob } from "../../bot/core/jobs.ts";
import { isInSubtree, pathIds } from "../../bot/domain/org.ts";

export const JOB_REMIND = "volunteer.remind";
export const JOB_OFFER = "volunteer.offer";
export const JOB_EXPIRE = "volunteer.offerExpire";

/** Statuses that hold a place: a confirmed volunteer, or one offered a freed place who has not answered yet. */
export const HOLDING = ["confirmed", "offered"];
/** Hours before the start at which confirmed volunteers are reminded. */
export const REMIND_HOURS = [24, 2];
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
export const MAX_TITLE = 200;
export const MAX_PLACE = 200;
export const MAX_DESCRIPTION = 2000;
export const MAX_CAPACITY = 100_000;
/** Longest campaign (start to end). */
export const MAX_SPAN_DAYS = 60;

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type CampaignRow = Awaited<ReturnType<Db["campaign"]["findUniqueOrThrow"]>>;
export type SignupRow = Awaited<ReturnType<Db["signup"]["findUniqueOrThrow"]>>;

export interface Offer {
  signupId: number;
  campaignId: number;
  personId: number;
  until: Date;
}

export const offerKey = (o: { campaignId: number; signupId: number; until: Date }) => `camp:${o.campaignId}:offer:${o.signupId}:${o.until.getTime()}`;
export const remindKey = (campaignId: number, hours: number) => `camp:${campaignId}:rem:${hours}`;

// ---------------------------------------------------------------- the campaign lock

/**
 * Run `fn` in a transaction that holds the campaign's row lock: the first statement writes
 * the row (a no-op update), which takes the row lock on PostgreSQL (others wait until
 * commit, then re-read under READ COMMITTED) and the write lock on SQLite. Every change of
 * places goes through here, so counting then writing is never raced. Null: no such campaign.
 */
export async function withCampaignLock<T>(s: Pick<Services, "prisma">, campaignId: number, fn: (tx: Tx, c: CampaignRow) => Promise<T>): Promise<T | null> {
  return s.prisma.$transaction(
    async (tx) => {
      const got = await tx.campaign.updateMany({ where: { id: campaignId }, data: { capacity: { increment: 0 } } });
      if (got.count !== 1) return null;
      const c = await tx.campaign.findUniqueOrThrow({ where: { id: campaignId } });
      return fn(tx, c);
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}

async function holdingCount(tx: Tx, campaignId: number, branchUnitId?: number): Promise<number> {
  return tx.signup.count({ where: { campaignId, status: { in: HOLDING }, ...(branchUnitId !== undefined ? { branchUnitId } : {}) } });
}

/**
 * 1-based place of a waitlisted sign-up. First come, first served by row id: rows are
 * inserted under the campaign lock, so ids follow the order of arrival (a re-sign-up after
 * a cancellation gets a new row, at the back).
 */
export async function waitlistPosition(db: Tx | Db, su: Pick<SignupRow, "id" | "campaignId">): Promise<number> {
  const ahead = await (db as Db).signup.count({ where: { campaignId: su.campaignId, status: "waitlist", id: { lt: su.id } } });
  return ahead + 1;
}

/**
 * Offer freed places to the waitlist in order (skipping people whose branch is at its quota).
 * Each offer holds the place for the claim window; its expiry and its notice are durable jobs
 * written in the same transaction.
 */
async function promoteNext(s: Services, tx: Tx, c: CampaignRow, now: Date): Promise<Offer[]> {
  if (now.getTime() >= c.startsAt.getTime()) return [];
  const offers: Offer[] = [];
  const claimMs = s.config.VOLUNTEER_CLAIM_HOURS * HOUR_MS;
  const jobs = { prisma: tx as unknown as Db };
  for (;;) {
    const taken = await holdingCount(tx, c.id);
    if (taken >= c.capacity) break;
    const waiting = await tx.signup.findMany({
      where: { campaignId: c.id, status: "waitlist" },
      orderBy: { id: "asc" },
      take: 500,
    });
    let pick: SignupRow | undefined;
    if (c.quotaPerBranch === null) pick = waiting[0];
    else {
      const byBranch = await tx.signup.groupBy({ by: ["branchUnitId"], where: { campaignId: c.id, status: { in: HOLDING } }, _count: { _all: true } });
      const used = new Map(byBranch.map((g) => [g.branchUnitId, g._count._all]));
      pick = waiting.find((w) => (used.get(w.branchUnitId) ?? 0) < c.quotaPerBranch!);
    }
    if (!pick) break;
    const until = new Date(Math.min(now.getTime() + claimMs, c.startsAt.getTime()));
    await tx.signup.update({ where: { id: pick.id }, data: { status: "offered", offeredUntil: until } });
    const offer = { signupId: pick.id, campaignId: c.id, personId: pick.personId, until };
    const payload = { signupId: pick.id, until: until.getTime() };
    await ensureJob(jobs, { kind: JOB_OFFER, runAt: now, dedupeKey: `${offerKey(offer)}:notify`, payload });
    await ensureJob(jobs, { kind: JOB_EXPIRE, runAt: until, dedupeKey: `${offerKey(offer)}:expire`, payload });
    offers.push(offer);
  }
  return offers;
}

// ---------------------------------------------------------------- scope

/** The person's unit that counts for a campaign (inside its scope; a branch preferred). */
export function unitInScope(units: UnitView[], scope: Pick<UnitView, "path">): UnitView | null {
  const inside = units.filter((u) => isInSubtree(u.path, scope.path));
  return inside.find((u) => u.isBranch) ?? inside[0] ?? null;
}

// ---------------------------------------------------------------- create

export interface NewCampaign {
  title: string;
  description: string;
  place: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  signupDeadline: Date;
  scopeUnitId: number;
  quotaPerBranch: number | null;
  createdById: number;
  /** A shift of an umbrella campaign's activity (programs.ts); absent: a campaign of its own. */
  activityId?: number | null;
}

/** A fresh check-in code for a campaign or shift (6 digits, unique among campaigns). */
export async function freshCheckinCode(db: Db | Tx): Promise<string> {
  for (;;) {
    const code = String(randomInt(100_000, 1_000_000));
    if (!(await (db as Db).campaign.findUnique({ where: { checkinCode: code }, select: { id: true } }))) return code;
  }
}

/**
 * Checks a whole campaign at once (the CLI; the chat flow checks the same rules step by
 * step with Vietnamese answers). Returns an operator-facing error or null.
 */
export function checkCampaign(now: Date, c: Omit<NewCampaign, "createdById" | "scopeUnitId">): string | null {
  if (c.title.length < 3 || c.title.length > MAX_TITLE) return `title must be 3–${MAX_TITLE} characters`;
  if (c.place.length > MAX_PLACE) return `place must be at most ${MAX_PLACE} characters`;
  if (c.description.length > MAX_DESCRIPTION) return `description must be at most ${MAX_DESCRIPTION} characters`;
  if (c.startsAt.getTime() <= now.getTime()) return "start must be in the future";
  const span = c.endsAt.getTime() - c.startsAt.getTime();
  if (span <= 0 || span > MAX_SPAN_DAYS * DAY_MS) return `end must be after the start, within ${MAX_SPAN_DAYS} days`;
  if (!Number.isInteger(c.capacity) || c.capacity < 1 || c.capacity > MAX_CAPACITY) return `capacity must be a whole number 1–${MAX_CAPACITY}`;
  if (c.signupDeadline.getTime() <= now.getTime() || c.signupDeadline.getTime() > c.startsAt.getTime()) {
    return "sign-up deadline must be in the future and not after the start";
  }
  if (c.quotaPerBranch !== null && (!Number.isInteger(c.quotaPerBranch) || c.quotaPerBranch < 1 || c.quotaPerBranch > c.capacity)) {
    return "quota per branch must be a whole number from 1 to the capacity";
  }
  return null;
}

export async function createCampaign(s: Pick<Services, "prisma" | "clock">, input: NewCampaign): Promise<CampaignRow> {
  const now = s.clock.now();
  return s.prisma.$transaction(async (tx) => {
    const c = await tx.campaign.create({ data: { ...input, checkinCode: await freshCheckinCode(tx), createdAt: now } });
    const jobs = { prisma: tx as unknown as Db };
    for (const hours of REMIND_HOURS) {
      const at = new Date(c.startsAt.getTime() - hours * HOUR_MS);
      if (at.getTime() <= now.getTime()) continue;
      await ensureJob(jobs, { kind: JOB_REMIND, runAt: at, dedupeKey: remindKey(c.id, hours), payload: { campaignId: c.id, hours } });
    }
    return c;
  });
}

// ---------------------------------------------------------------- sign up / cancel

export type SignupResult =
  | { kind: "unknown" }
  | { kind: "notInScope" }
  | { kind: "closed"; deadline: Date }
  | { kind: "started" }
  | { kind: "alreadyConfirmed" }
  | { kind: "alreadyWaiting"; position: number }
  | { kind: "confirmed"; campaign: CampaignRow }
  | { kind: "waitlist"; campaign: CampaignRow; position: number }
  | { kind: "accepted"; campaign: CampaignRow }
  | { kind: "offerExpired"; offers: Offer[] };

/**
 * Sign a person up: a place when one is free (within the branch quota), else the waitlist.
 * A person offered a freed place accepts it this way. Serialised per campaign by the lock,
 * so 50 people racing for the last place give exactly one confirmation.
 */
export async function signUp(s: Services, input: { personId: number; units: UnitView[]; campaignId: number }): Promise<SignupResult> {
  const pre = await s.prisma.campaign.findUnique({ where: { id: input.campaignId } });
  if (!pre) return { kind: "unknown" };
  const scope = await s.prisma.unit.findUnique({ where: { id: pre.scopeUnitId } });
  const unit = scope ? unitInScope(input.units, scope) : null;
  if (!unit) return { kind: "notInScope" };
  const now = s.clock.now();
  const r = await withCampaignLock(s, input.campaignId, async (tx, c): Promise<SignupResult> => {
    const mine = await tx.signup.findUnique({ where: { campaignId_personId: { campaignId: c.id, personId: input.personId } } });
    if (mine?.status === "confirmed") return { kind: "alreadyConfirmed" };
    if (mine?.status === "waitlist") return { kind: "alreadyWaiting", position: await waitlistPosition(tx, mine) };
    if (mine?.status === "offered") {
      if (mine.offeredUntil && mine.offeredUntil.getTime() > now.getTime()) {
        await tx.signup.update({ where: { id: mine.id }, data: { status: "confirmed", offeredUntil: null } });
        return { kind: "accepted", campaign: c };
      }
      // the window ran out and its job has not run yet: pass the place on now
      await tx.signup.update({ where: { id: mine.id }, data: { status: "expired", offeredUntil: null } });
      return { kind: "offerExpired", offers: await promoteNext(s, tx, c, now) };
    }
    if (now.getTime() >= c.startsAt.getTime()) return { kind: "started" };
    if (now.getTime() >= c.signupDeadline.getTime()) return { kind: "closed", deadline: c.signupDeadline };
    const free = (await holdingCount(tx, c.id)) < c.capacity;
    const underQuota = c.quotaPerBranch === null || (await holdingCount(tx, c.id, unit.id)) < c.quotaPerBranch;
    const status = free && underQuota ? "confirmed" : "waitlist";
    // a cancelled or lapsed sign-up is replaced by a new row, so its place in line is at the back
    if (mine) await tx.signup.delete({ where: { id: mine.id } });
    const row = await tx.signup.create({ data: { campaignId: c.id, personId: input.personId, status, branchUnitId: unit.id, createdAt: now } });
    if (status === "confirmed") return { kind: "confirmed", campaign: c };
    return { kind: "waitlist", campaign: c, position: await waitlistPosition(tx, row) };
  });
  return r ?? { kind: "unknown" };
}

export type CancelResult =
  | { kind: "unknown" }
  | { kind: "notSigned" }
  | { kind: "started" }
  | { kind: "cancelled" | "leftWaitlist" | "declined"; offers: Offer[] };

/** Free the person's place (or waitlist entry); the first eligible waitlisted person is offered it. */
export async function cancelSignup(s: Services, input: { personId: number; campaignId: number }): Promise<CancelResult> {
  const now = s.clock.now();
  const r = await withCampaignLock(s, input.campaignId, async (tx, c): Promise<CancelResult> => {
    const mine = await tx.signup.findUnique({ where: { campaignId_personId: { campaignId: c.id, personId: input.personId } } });
    if (!mine || mine.status === "cancelled" || mine.status === "expired") return { kind: "notSigned" };
    if (now.getTime() >= c.startsAt.getTime()) return { kind: "started" };
    await tx.signup.update({ where: { id: mine.id }, data: { status: "cancelled", offeredUntil: null } });
    const kind = mine.status === "waitlist" ? "leftWaitlist" : mine.status === "offered" ? "declined" : "cancelled";
    const offers = HOLDING.includes(mine.status) ? await promoteNext(s, tx, c, now) : [];
    return { kind, offers };
  });
  return r ?? { kind: "unknown" };
}

// ---------------------------------------------------------------- offers and reminders (data; notices.ts words them)

/** A current offer and its campaign, or null when the offer was answered, replaced or lapsed. */
export async function currentOffer(s: Pick<Services, "prisma">, signupId: number, until: number): Promise<{ signup: SignupRow; campaign: CampaignRow; until: Date } | null> {
  const su = await s.prisma.signup.findUnique({ where: { id: signupId } });
  if (!su || su.status !== "offered" || !su.offeredUntil || su.offeredUntil.getTime() !== until) return null;
  const campaign = await s.prisma.campaign.findUnique({ where: { id: su.campaignId } });
  return campaign ? { signup: su, campaign, until: su.offeredUntil } : null;
}

export type ExpiryResult = { kind: "lapsed"; campaign: CampaignRow; personId: number; offers: Offer[] } | { kind: "none" };

/** The claim window ran out: the offer lapses and the next on the waitlist is offered the place. */
export async function expireOffer(s: Services, signupId: number, until: number): Promise<ExpiryResult> {
  const su = await s.prisma.signup.findUnique({ where: { id: signupId } });
  if (!su) return { kind: "none" };
  const now = s.clock.now();
  const r = await withCampaignLock(s, su.campaignId, async (tx, c): Promise<ExpiryResult> => {
    const cur = await tx.signup.findUniqueOrThrow({ where: { id: signupId } });
    if (cur.status !== "offered" || cur.offeredUntil?.getTime() !== until || now.getTime() < until) return { kind: "none" };
    await tx.signup.update({ where: { id: signupId }, data: { status: "expired", offeredUntil: null } });
    return { kind: "lapsed", campaign: c, personId: su.personId, offers: await promoteNext(s, tx, c, now) };
  });
  return r ?? { kind: "none" };
}

export type RemindResult = { kind: "send"; campaign: CampaignRow; personIds: number[] } | { kind: "skip" };

/**
 * Who is reminded `hours` before the start. Caught up late, the 24-hour reminder is dropped
 * once the 2-hour one is due, and nothing is sent after the start.
 */
export async function remindTargets(s: Pick<Services, "prisma" | "clock">, campaignId: number, hours: number): Promise<RemindResult> {
  const c = await s.prisma.campaign.findUnique({ where: { id: campaignId } });
  if (!c) return { kind: "skip" };
  const now = s.clock.now().getTime();
  const start = c.startsAt.getTime();
  if (now >= start) return { kind: "skip" };
  if (REMIND_HOURS.some((h) => h < hours && now >= start - h * HOUR_MS)) return { kind: "skip" };
  const people = await s.prisma.signup.findMany({ where: { campaignId, status: "confirmed" }, orderBy: { id: "asc" }, select: { personId: true } });
  return { kind: "send", campaign: c, personIds: people.map((p) => p.personId) };
}

// ---------------------------------------------------------------- views

export interface Counts {
  confirmed: number;
  offered: number;
  waitlist: number;
  attended: number;
  absent: number;
}

export async function countsOf(prisma: Db, ids: number[]): Promise<Map<number, Counts>> {
  const out = new Map<number, Counts>();
  for (const id of ids) out.set(id, { confirmed: 0, offered: 0, waitlist: 0, attended: 0, absent: 0 });
  if (!ids.length) return out;
  const [byStatus, byAttended] = await Promise.all([
    prisma.signup.groupBy({ by: ["campaignId", "status"], where: { campaignId: { in: ids } }, _count: { _all: true } }),
    prisma.signup.groupBy({ by: ["campaignId", "attended"], where: { campaignId: { in: ids }, status: "confirmed", attended: { not: null } }, _count: { _all: true } }),
  ]);
  for (const g of byStatus) {
    const c = out.get(g.campaignId)!;
    if (g.status === "confirmed" || g.status === "offered" || g.status === "waitlist") c[g.status] = g._count._all;
  }
  for (const g of byAttended) {
    const c = out.get(g.campaignId)!;
    if (g.attended === true) c.attended = g._count._all;
    else if (g.attended === false) c.absent = g._count._all;
  }
  return out;
}

/** Campaigns open for sign-up to any of the units (scope is the unit or above), plus those the person is in. */
export async function campaignsFor(prisma: Db, personId: number, units: UnitView[], now: Date, limit = 20): Promise<CampaignRow[]> {
  const scopeIds = [...new Set(units.flatMap((u) => pathIds(u.path)))];
  const mine = await prisma.signup.findMany({ where: { personId, status: { in: ["confirmed", "offered", "waitlist"] } }, select: { campaignId: true } });
  return prisma.campaign.findMany({
    where: {
      OR: [
        { scopeUnitId: { in: scopeIds }, signupDeadline: { gt: now } },
        { id: { in: mine.map((m) => m.campaignId) }, endsAt: { gt: now } },
      ],
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: limit,
  });
}

/** Person-times (lượt) a person actually took part in. */
export async function personTimes(prisma: Db, personId: number): Promise<number> {
  return prisma.signup.count({ where: { personId, status: "confirmed", attended: true } });
}

/** Confirmed volunteers of a campaign in a stable order (sign-up id), numbered for attendance. */
export async function attendanceList(prisma: Db, campaignId: number) {
  const rows = await prisma.signup.findMany({ where: { campaignId, status: "confirmed" }, orderBy: { id: "asc" } });
  const [people, units] = await Promise.all([
    prisma.person.findMany({ where: { id: { in: rows.map((r) => r.personId) } }, select: { id: true, displayName: true } }),
    prisma.unit.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.branchUnitId))] } }, select: { id: true, name: true } }),
  ]);
  const name = new Map(people.map((p) => [p.id, p.displayName]));
  const unit = new Map(units.map((u) => [u.id, u.name]));
  return rows.map((r, i) => ({ n: i + 1, signupId: r.id, personId: r.personId, name: name.get(r.personId) ?? "", branch: unit.get(r.branchUnitId) ?? "", attended: r.attended }));
}

export async function markAttendance(prisma: Db, campaignId: number, signupIds: number[], attended: boolean): Promise<number> {
  const r = await prisma.signup.updateMany({ where: { campaignId, id: { in: signupIds }, status: "confirmed" }, data: { attended } });
  return r.count;
}

/** A person's sign-up of a campaign, if any. */
export async function signupOf(prisma: Db, campaignId: number, personId: number): Promise<SignupRow | null> {
  return prisma.signup.findUnique({ where: { campaignId_personId: { campaignId, personId } } });
}

/** A campaign with the unit it is open to. */
export async function campaignWithScope(prisma: Db, id: number): Promise<{ campaign: CampaignRow; scope: UnitView | null } | null> {
  const campaign = await prisma.campaign.findUnique({ where: { id } });
  if (!campaign) return null;
  return { campaign, scope: await prisma.unit.findUnique({ where: { id: campaign.scopeUnitId } }) };
}

/** Campaigns an organiser created or whose scope is in their units' subtrees, ended at most 30 days ago. */
export async function organiserCampaigns(prisma: Db, personId: number, units: UnitView[], now: Date): Promise<CampaignRow[]> {
  const scopes = units.length ? await prisma.unit.findMany({ where: { OR: units.map((u) => ({ path: { startsWith: u.path } })) }, select: { id: true } }) : [];
  return prisma.campaign.findMany({
    where: {
      OR: [{ createdById: personId }, { scopeUnitId: { in: scopes.map((s) => s.id) } }],
      endsAt: { gt: new Date(now.getTime() - 30 * DAY_MS) },
    },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    take: 20,
  });
}

/** Sign-ups of a person among some campaigns, by campaign. */
export async function signupsByCampaign(prisma: Db, personId: number, campaignIds: number[]): Promise<Map<number, SignupRow>> {
  const rows = await prisma.signup.findMany({ where: { personId, campaignId: { in: campaignIds } } });
  return new Map(rows.map((r) => [r.campaignId, r]));
}
