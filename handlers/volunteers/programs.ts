/**
 * Umbrella campaigns (VolunteerProgram): activities in several units (VolunteerActivity), each
 * with shifts — Campaign rows with `activityId`, so every shift keeps the sign-up, capacity,
 * waitlist with automatic promotion and reminders of service.ts. A campaign of its own (no
 * activity) is one activity with one shift. Check-in codes mark attendance; attendance and an
 * activity's results feed the indicators (handlers/indicators/api.ts).
 */
import type { Services } from "../../bot/core/context.ts";
import { monthKey, vnDate, vnParts } from "../../bot/core/time.ts";
import type { Db } from "../../prisma/db.ts";
import { recordIndicators } from "../indicators/api.ts";
import { createCampaign, type CampaignRow, type Tx } from "./service.ts";

export type ProgramRow = Awaited<ReturnType<Db["volunteerProgram"]["findUniqueOrThrow"]>>;
export type ActivityRow = Awaited<ReturnType<Db["volunteerActivity"]["findUniqueOrThrow"]>>;

/** Results an activity records, by indicator key (prompts/indicators.yaml). */
export interface Results {
  trees: number;
  blood: number;
  helped: number;
}
export const MAX_RESULT = 10_000_000;
export const MAX_SHIFTS = 12;
/** Check-in opens this long before a shift starts and closes at its end. */
export const CHECKIN_BEFORE_MS = 30 * 60_000;

export function resultsOf(a: Pick<ActivityRow, "results">): Results {
  try {
    const r = JSON.parse(a.results) as Partial<Results>;
    return { trees: Number(r.trees) || 0, blood: Number(r.blood) || 0, helped: Number(r.helped) || 0 };
  } catch {
    return { trees: 0, blood: 0, helped: 0 };
  }
}

// ---------------------------------------------------------------- programs and activities

export async function createProgram(
  s: Pick<Services, "prisma" | "clock">,
  input: { title: string; topic: string | null; scopeUnitId: number; startsAt: Date; endsAt: Date; createdById: number },
): Promise<ProgramRow> {
  return s.prisma.volunteerProgram.create({ data: { ...input, createdAt: s.clock.now() } });
}

export interface NewShift {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

/** "07/06/2027 07:00-11:00 20" → a shift (capacity 1–100,000), or null. */
export function parseShift(text: string): NewShift | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2})[:h](\d{2})\s*[-–]\s*(\d{1,2})[:h](\d{2})\s+(\d{1,6})$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, y, h1, m1, h2, m2, cap] = m.slice(1).map(Number) as [number, number, number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59 || cap < 1 || cap > 100_000) return null;
  const startsAt = vnDate(y, mo, d, h1, m1);
  const p = vnParts(startsAt);
  if (p.day !== d || p.month !== mo) return null;
  const endsAt = vnDate(y, mo, d, h2, m2);
  if (endsAt.getTime() <= startsAt.getTime()) return null;
  return { startsAt, endsAt, capacity: cap };
}

/**
 * Add an activity of a unit to a program with its shifts; the same title in the same unit adds
 * shifts to the existing activity. Each shift is a campaign open to the unit's members until
 * it starts, with its own capacity, waitlist, reminders and check-in code.
 */
export async function addActivity(
  s: Pick<Services, "prisma" | "clock">,
  input: { program: ProgramRow; unitId: number; title: string; place: string; shifts: NewShift[]; createdById: number },
): Promise<{ activity: ActivityRow; shifts: CampaignRow[] }> {
  const found = await s.prisma.volunteerActivity.findFirst({ where: { programId: input.program.id, unitId: input.unitId, title: input.title } });
  const activity =
    found ??
    (await s.prisma.volunteerActivity.create({
      data: { programId: input.program.id, unitId: input.unitId, title: input.title, place: input.place, createdById: input.createdById, createdAt: s.clock.now() },
    }));
  let n = await s.prisma.campaign.count({ where: { activityId: activity.id } });
  const shifts: CampaignRow[] = [];
  for (const sh of input.shifts) {
    n++;
    shifts.push(
      await createCampaign(s, {
        title: `${activity.title} — ca ${n}`,
        description: input.program.title,
        place: input.place || activity.place,
        startsAt: sh.startsAt,
        endsAt: sh.endsAt,
        capacity: sh.capacity,
        signupDeadline: sh.startsAt,
        scopeUnitId: input.unitId,
        quotaPerBranch: null,
        createdById: input.createdById,
        activityId: activity.id,
      }),
    );
  }
  return { activity, shifts };
}

// ---------------------------------------------------------------- indicators

/**
 * Feed the indicators from what happened: an activity's attendance (volunteer person-times over
 * its shifts) and results; a campaign of its own, its attendance. Idempotent per source.
 */
export async function syncIndicators(s: Pick<Services, "prisma">, campaign: Pick<CampaignRow, "id" | "activityId" | "scopeUnitId" | "startsAt">): Promise<void> {
  if (campaign.activityId === null) {
    const turns = await s.prisma.signup.count({ where: { campaignId: campaign.id, status: "confirmed", attended: true } });
    await recordIndicators(s.prisma, { source: `volunteers:campaign:${campaign.id}`, unitId: campaign.scopeUnitId, period: monthKey(campaign.startsAt), values: { volunteer_turns: turns } });
    return;
  }
  await syncActivity(s, campaign.activityId);
}

export async function syncActivity(s: Pick<Services, "prisma">, activityId: number): Promise<number> {
  const a = await s.prisma.volunteerActivity.findUnique({ where: { id: activityId } });
  if (!a) return 0;
  const shifts = await s.prisma.campaign.findMany({ where: { activityId }, orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true } });
  const turns = shifts.length ? await s.prisma.signup.count({ where: { campaignId: { in: shifts.map((x) => x.id) }, status: "confirmed", attended: true } }) : 0;
  const r = resultsOf(a);
  const period = monthKey(shifts[0]?.startsAt ?? a.createdAt);
  await recordIndicators(s.prisma, {
    source: `volunteers:activity:${a.id}`,
    unitId: a.unitId,
    period,
    values: { volunteer_turns: turns, trees_planted: r.trees, blood_units: r.blood, people_helped: r.helped },
  });
  return turns;
}

export async function recordResults(s: Pick<Services, "prisma">, activityId: number, r: Results): Promise<number> {
  await s.prisma.volunteerActivity.update({ where: { id: activityId }, data: { results: JSON.stringify(r) } });
  return syncActivity(s, activityId);
}

// ---------------------------------------------------------------- check-in

export type ShiftCheckin =
  | { kind: "unknown" }
  | { kind: "notSigned" | "early" | "closed" | "again"; campaign: CampaignRow }
  | { kind: "ok"; campaign: CampaignRow; present: number };

/** A volunteer with a place checks in with the shift's code while it runs (from 30 minutes before). */
export async function checkInWithCode(s: Pick<Services, "prisma" | "clock">, code: string, personId: number): Promise<ShiftCheckin> {
  const c = await s.prisma.campaign.findUnique({ where: { checkinCode: code } });
  if (!c) return { kind: "unknown" };
  const su = await s.prisma.signup.findUnique({ where: { campaignId_personId: { campaignId: c.id, personId } } });
  if (!su || su.status !== "confirmed") return { kind: "notSigned", campaign: c };
  const now = s.clock.now();
  if (now.getTime() < c.startsAt.getTime() - CHECKIN_BEFORE_MS) return { kind: "early", campaign: c };
  if (now.getTime() > c.endsAt.getTime()) return { kind: "closed", campaign: c };
  if (su.checkedInAt) return { kind: "again", campaign: c };
  const r = await s.prisma.signup.updateMany({ where: { id: su.id, checkedInAt: null }, data: { attended: true, checkedInAt: now } });
  if (r.count !== 1) return { kind: "again", campaign: c };
  await syncIndicators(s, c);
  return { kind: "ok", campaign: c, present: await s.prisma.signup.count({ where: { campaignId: c.id, status: "confirmed", attended: true } }) };
}

// ---------------------------------------------------------------- my turns, certificates

export interface Turn {
  campaignId: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  branchUnitId: number;
  programId: number | null;
  programTitle: string | null;
}

/** The shifts and campaigns a person took part in (attended), newest first. */
export async function myTurns(prisma: Db | Tx, personId: number): Promise<Turn[]> {
  const db = prisma as Db;
  const signups = await db.signup.findMany({ where: { personId, status: "confirmed", attended: true }, select: { campaignId: true, branchUnitId: true } });
  if (!signups.length) return [];
  const campaigns = await db.campaign.findMany({ where: { id: { in: signups.map((x) => x.campaignId) } }, orderBy: [{ startsAt: "desc" }, { id: "desc" }] });
  const activityIds = [...new Set(campaigns.map((c) => c.activityId).filter((x): x is number => x !== null))];
  const activities = activityIds.length ? await db.volunteerActivity.findMany({ where: { id: { in: activityIds } } }) : [];
  const programIds = [...new Set(activities.map((a) => a.programId))];
  const programs = programIds.length ? await db.volunteerProgram.findMany({ where: { id: { in: programIds } } }) : [];
  const programOf = new Map(activities.map((a) => [a.id, programs.find((p) => p.id === a.programId) ?? null]));
  const branchOf = new Map(signups.map((x) => [x.campaignId, x.branchUnitId]));
  return campaigns.map((c) => {
    const p = c.activityId !== null ? (programOf.get(c.activityId) ?? null) : null;
    return { campaignId: c.id, title: c.title, startsAt: c.startsAt, endsAt: c.endsAt, branchUnitId: branchOf.get(c.id)!, programId: p?.id ?? null, programTitle: p?.title ?? null };
  });
}

/** What a certificate is about: an umbrella campaign ("p<id>") or a campaign of its own ("c<id>"), with the person's turns in it. */
export interface CertificateGroup {
  key: string;
  title: string;
  turns: Turn[];
}

export function groupTurns(turns: Turn[]): CertificateGroup[] {
  const groups = new Map<string, CertificateGroup>();
  for (const t of turns) {
    const key = t.programId !== null ? `p${t.programId}` : `c${t.campaignId}`;
    const g = groups.get(key) ?? { key, title: t.programTitle ?? t.title, turns: [] };
    g.turns.push(t);
    groups.set(key, g);
  }
  for (const g of groups.values()) g.turns.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return [...groups.values()];
}
