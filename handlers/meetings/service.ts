/**
 * Branch meeting schedules: a secretary sets the branch's meeting, its members are told and
 * reminded 24 hours before (durable jobs), members check in with the meeting's code, and the
 * count feeds the monthly report (`/dasinhhoat`, through api.ts).
 */
import { randomInt } from "node:crypto";
import type { Services, UnitView } from "../../bot/core/context.ts";
import { cancelJobsOf, ensureJob } from "../../bot/core/jobs.ts";
import { parseMonthKey, vnDate, vnParts } from "../../bot/core/time.ts";
import type { Db } from "../../prisma/db.ts";

export const JOB_REMIND = "meeting.remind";
export const HOUR_MS = 3_600_000;
export const REMIND_HOURS = 24;
/** Check-in is open from this long before the start … */
export const CHECKIN_BEFORE_MS = 30 * 60_000;
/** … until this long after it. */
export const CHECKIN_AFTER_MS = 6 * HOUR_MS;
export const MAX_PLACE = 200;
/** How far ahead a meeting may be set. */
export const MAX_AHEAD_DAYS = 90;

export type MeetingRow = Awaited<ReturnType<Db["branchMeeting"]["findUniqueOrThrow"]>>;

export const meetingRef = (id: number) => `meeting:${id}`;

/** Vietnam month bounds [from, to) of a "YYYY-MM" key, or null. */
export function monthBounds(month: string): { from: Date; to: Date } | null {
  const m = parseMonthKey(month);
  if (!m) return null;
  return { from: vnDate(m.year, m.month, 1), to: vnDate(m.month === 12 ? m.year + 1 : m.year, m.month === 12 ? 1 : m.month + 1, 1) };
}

/** "12/11 19:30" (the next such date from now) or "12/11/2026 19:30" → the instant, or null. */
export function parseMeetingTime(text: string, now: Date): Date | null {
  const m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\s+(\d{1,2})[:h](\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, h, mi] = [Number(m[1]), Number(m[2]), Number(m[4]), Number(m[5])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const valid = (y: number) => {
    const at = vnDate(y, mo, d, h, mi);
    const p = vnParts(at);
    return p.day === d && p.month === mo ? at : null;
  };
  if (m[3]) return valid(Number(m[3]));
  const year = vnParts(now).year;
  const thisYear = valid(year);
  // a date already past this year (by more than a day) means next year's
  if (thisYear && thisYear.getTime() > now.getTime() - 24 * HOUR_MS) return thisYear;
  return valid(year + 1);
}

async function freshCode(db: Db): Promise<string> {
  for (;;) {
    const code = String(randomInt(100_000, 1_000_000));
    if (!(await db.branchMeeting.findUnique({ where: { code }, select: { id: true } }))) return code;
  }
}

export type SetResult = { kind: "created" | "moved"; meeting: MeetingRow };

/**
 * Set the branch's meeting. A meeting of the same branch in the same month that has not
 * started yet is moved (its reminder follows); otherwise a new meeting gets a fresh code.
 */
export async function setMeeting(s: Pick<Services, "prisma" | "clock">, input: { unit: UnitView; startsAt: Date; place: string; personId: number }): Promise<SetResult> {
  const now = s.clock.now();
  const p = vnParts(input.startsAt);
  const bounds = monthBounds(`${p.year}-${String(p.month).padStart(2, "0")}`)!;
  const code = await freshCode(s.prisma);
  return s.prisma.$transaction(async (tx) => {
    const open = await tx.branchMeeting.findFirst({
      where: { unitId: input.unit.id, startsAt: { gte: bounds.from, lt: bounds.to, gt: now } },
      orderBy: { startsAt: "asc" },
    });
    const meeting = open
      ? await tx.branchMeeting.update({ where: { id: open.id }, data: { startsAt: input.startsAt, place: input.place } })
      : await tx.branchMeeting.create({ data: { unitId: input.unit.id, startsAt: input.startsAt, place: input.place, code, createdById: input.personId, createdAt: now } });
    const jobs = { prisma: tx as unknown as Db, clock: s.clock };
    if (open) await cancelJobsOf(jobs, meetingRef(meeting.id), { kinds: [JOB_REMIND] });
    const at = new Date(meeting.startsAt.getTime() - REMIND_HOURS * HOUR_MS);
    if (at.getTime() > now.getTime()) {
      await ensureJob(jobs, {
        kind: JOB_REMIND,
        runAt: at,
        dedupeKey: `${meetingRef(meeting.id)}:rem:${meeting.startsAt.getTime()}`,
        ref: meetingRef(meeting.id),
        payload: { meetingId: meeting.id, startsAt: meeting.startsAt.getTime() },
      });
    }
    return { kind: open ? "moved" : "created", meeting };
  });
}

/** The branch's next meeting not yet over for check-in (or null). */
export async function nextMeeting(prisma: Db, unitId: number, now: Date): Promise<MeetingRow | null> {
  return prisma.branchMeeting.findFirst({ where: { unitId, startsAt: { gt: new Date(now.getTime() - CHECKIN_AFTER_MS) } }, orderBy: { startsAt: "asc" } });
}

export async function presentCount(prisma: Db, meetingId: number): Promise<number> {
  return prisma.meetingCheckin.count({ where: { meetingId } });
}

export type CheckinResult =
  | { kind: "unknown" }
  | { kind: "early"; meeting: MeetingRow }
  | { kind: "closed"; meeting: MeetingRow }
  | { kind: "again"; meeting: MeetingRow }
  | { kind: "ok"; meeting: MeetingRow; present: number };

/** A member of the meeting's branch checks in with its code, within the check-in window. */
export async function checkIn(s: Pick<Services, "prisma" | "clock">, input: { code: string; personId: number; unitIds: number[] }): Promise<CheckinResult> {
  const meeting = await s.prisma.branchMeeting.findUnique({ where: { code: input.code } });
  if (!meeting || !input.unitIds.includes(meeting.unitId)) return { kind: "unknown" };
  const now = s.clock.now().getTime();
  if (now < meeting.startsAt.getTime() - CHECKIN_BEFORE_MS) return { kind: "early", meeting };
  if (now > meeting.startsAt.getTime() + CHECKIN_AFTER_MS) return { kind: "closed", meeting };
  const had = await s.prisma.meetingCheckin.findUnique({ where: { meetingId_personId: { meetingId: meeting.id, personId: input.personId } } });
  if (had) return { kind: "again", meeting };
  try {
    await s.prisma.meetingCheckin.create({ data: { meetingId: meeting.id, personId: input.personId, at: new Date(now) } });
  } catch {
    return { kind: "again", meeting }; // a double press raced us to the unique index
  }
  return { kind: "ok", meeting, present: await presentCount(s.prisma, meeting.id) };
}

/** The meetings of a month of the branches below a unit, with their check-in counts. */
export async function areaMeetings(prisma: Db, unit: Pick<UnitView, "path">, month: string) {
  const b = monthBounds(month)!;
  const branches = await prisma.unit.findMany({ where: { path: { startsWith: unit.path }, isBranch: true }, select: { id: true, name: true } });
  const name = new Map(branches.map((u) => [u.id, u.name]));
  const meetings = await prisma.branchMeeting.findMany({
    where: { startsAt: { gte: b.from, lt: b.to }, unitId: { in: branches.map((u) => u.id) } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  const counts = meetings.length
    ? await prisma.meetingCheckin.groupBy({ by: ["meetingId"], where: { meetingId: { in: meetings.map((m) => m.id) } }, _count: { _all: true } })
    : [];
  const count = new Map(counts.map((c) => [c.meetingId, c._count._all]));
  return {
    branches: branches.length,
    withDate: new Set(meetings.map((m) => m.unitId)).size,
    meetings: meetings.map((m) => ({ ...m, branch: name.get(m.unitId) ?? "", present: count.get(m.id) ?? 0 })),
  };
}

/**
 * Members who checked in at the branch's meeting of the month (the latest meeting of the month
 * with check-ins), or null when nobody checked in at any meeting of that month.
 */
export async function attendanceFor(prisma: Db, unitId: number, month: string): Promise<number | null> {
  const b = monthBounds(month);
  if (!b) return null;
  const meetings = await prisma.branchMeeting.findMany({ where: { unitId, startsAt: { gte: b.from, lt: b.to } }, orderBy: { startsAt: "desc" }, select: { id: true } });
  for (const m of meetings) {
    const n = await presentCount(prisma, m.id);
    if (n > 0) return n;
  }
  return null;
}
