/** Branch meeting schedules: `/lichsinhhoat`, `/lichchidoan`, `/comat` and the 24-hour reminder. */
import { z } from "zod";
import type { Ctx, Feature, Services, UnitView } from "../../bot/core/context.ts";
import { pipeFields } from "../../bot/core/args.ts";
import { formatDateTime, monthKey } from "../../bot/core/time.ts";
import { enqueueBulk } from "../../bot/core/outbox/bulk.ts";
import { subtreeAudience } from "../../bot/domain/audience.ts";
import { isInSubtree } from "../../bot/domain/org.ts";
import { providerOf } from "../../prisma/db.ts";
import { meetingsText as T } from "../../prompts/vi/meetings.ts";
import { checkInShift } from "../volunteers/api.ts";
import { meetingPersonHooks } from "./person.ts";
import {
  JOB_REMIND,
  MAX_AHEAD_DAYS,
  MAX_PLACE,
  areaMeetings,
  checkIn,
  meetingRef,
  nextMeeting,
  parseMeetingTime,
  presentCount,
  setMeeting,
  type MeetingRow,
} from "./service.ts";

/** Lines of `/lichchidoan` before "… và N buổi khác". */
const AREA_LINES = 60;

const branchesOf = (ctx: Ctx): UnitView[] => ctx.withRole("secretary").map((m) => m.unit).filter((u) => u.isBranch);

/** Tell every member of the branch but the one who set it (set-based, bulk lane); returns how many were queued. */
async function tellBranch(s: Services, meeting: MeetingRow, text: string, key: string, except?: number): Promise<number> {
  const unit = await s.prisma.unit.findUnique({ where: { id: meeting.unitId } });
  if (!unit) return 0;
  const people = (await subtreeAudience(s.prisma, unit.path)).filter((p) => p.personId !== except);
  await enqueueBulk(s.prisma, s.outbox, people, text, { provider: providerOf(s.config.DATABASE_URL), dedupePrefix: key, at: s.clock.now() });
  return people.length;
}

async function setCommand(ctx: Ctx, unit: UnitView): Promise<void> {
  const now = ctx.s.clock.now();
  if (!ctx.args.trim()) {
    const m = await nextMeeting(ctx.s.prisma, unit.id, now);
    if (!m) return ctx.reply(T.none(unit.name) + "\n\n" + T.usage);
    return ctx.reply(T.current(unit.name, formatDateTime(m.startsAt), m.place, m.code, await presentCount(ctx.s.prisma, m.id)));
  }
  const [when = "", place = "", ...extra] = pipeFields(ctx.args);
  if (extra.length) return ctx.reply(T.usage);
  const startsAt = parseMeetingTime(when, now);
  if (!startsAt) return ctx.reply(T.badDate);
  if (startsAt.getTime() <= now.getTime()) return ctx.reply(T.past);
  if (startsAt.getTime() > now.getTime() + MAX_AHEAD_DAYS * 86_400_000) return ctx.reply(T.tooFar(MAX_AHEAD_DAYS));
  if (!place) return ctx.reply(T.placeMissing);
  if (place.length > MAX_PLACE) return ctx.reply(T.placeTooLong(MAX_PLACE));
  const r = await setMeeting(ctx.s, { unit, startsAt, place, personId: ctx.person!.id });
  const m = r.meeting;
  await ctx.audit(`meeting.${r.kind}`, "meeting", m.id, formatDateTime(m.startsAt));
  const whenText = formatDateTime(m.startsAt);
  const notice = r.kind === "created" ? T.notice(unit.name, whenText, m.place) : T.movedNotice(unit.name, whenText, m.place);
  const told = await tellBranch(ctx.s, m, notice, `${meetingRef(m.id)}:notice:${m.startsAt.getTime()}`, ctx.person!.id);
  ctx.reply((r.kind === "created" ? T.set : T.moved)(unit.name, whenText, m.place, m.code, told));
}

async function areaCommand(ctx: Ctx): Promise<void> {
  const mine = ctx.withRole("cadre", "admin").map((m) => m.unit);
  const code = ctx.args.trim();
  let unit = mine[0];
  if (code) {
    const u = await ctx.s.prisma.unit.findUnique({ where: { code } });
    if (!u) return ctx.reply(T.unknownUnit(code.slice(0, 40)));
    if (!mine.some((m) => isInSubtree(u.path, m.path))) return ctx.reply(T.notInSubtree(code));
    unit = u;
  }
  if (!unit) return ctx.reply(T.areaNotCadre);
  const now = ctx.s.clock.now();
  const month = monthKey(now);
  const monthText = `${month.slice(5)}/${month.slice(0, 4)}`;
  const r = await areaMeetings(ctx.s.prisma, unit, month);
  if (!r.meetings.length) return ctx.reply(T.areaNone(unit.name, monthText, r.branches));
  const lines = [T.areaHeader(unit.name, monthText)];
  for (const m of r.meetings.slice(0, AREA_LINES)) {
    const started = m.startsAt.getTime() <= now.getTime();
    lines.push(T.areaLine(formatDateTime(m.startsAt), m.branch, m.place, started ? m.present : null));
  }
  if (r.meetings.length > AREA_LINES) lines.push(T.areaMore(r.meetings.length - AREA_LINES));
  lines.push("", T.areaFooter(r.withDate, r.branches));
  ctx.reply(lines.join("\n"));
}

async function checkinCommand(ctx: Ctx): Promise<void> {
  const code = ctx.args.trim().toUpperCase();
  if (!/^[A-Z0-9]{4,8}$/.test(code)) return ctx.reply(T.checkinUsage);
  const personId = ctx.person!.id;
  const r = await checkIn(ctx.s, { code, personId, unitIds: ctx.memberships.map((m) => m.unitId) });
  if (r.kind === "unknown") {
    // not a meeting of mine: perhaps a volunteer shift's code
    const shift = await checkInShift(ctx.s, { code, personId });
    return ctx.reply(shift ?? T.checkinUnknown);
  }
  const branch = (await ctx.s.prisma.unit.findUnique({ where: { id: r.meeting.unitId } }))?.name ?? "";
  const when = formatDateTime(r.meeting.startsAt);
  if (r.kind === "early") return ctx.reply(T.checkinTooEarly(when));
  if (r.kind === "closed") return ctx.reply(T.checkinClosed);
  if (r.kind === "again") return ctx.reply(T.alreadyCheckedIn(branch));
  await ctx.audit("meeting.checkin", "meeting", r.meeting.id);
  ctx.reply(T.checkedIn(branch, when, r.present));
}

const remindPayload = z.object({ meetingId: z.number().int().positive(), startsAt: z.number().int() });

/** 24 hours before: every member of the branch, unless the meeting moved or is gone. */
async function runRemind(s: Services, payload: Record<string, unknown>): Promise<void> {
  const p = remindPayload.safeParse(payload);
  if (!p.success) return s.log.warn({ kind: JOB_REMIND }, "invalid job payload dropped");
  const m = await s.prisma.branchMeeting.findUnique({ where: { id: p.data.meetingId } });
  if (!m || m.startsAt.getTime() !== p.data.startsAt || s.clock.now().getTime() >= m.startsAt.getTime()) return;
  const unit = await s.prisma.unit.findUnique({ where: { id: m.unitId } });
  await tellBranch(s, m, T.reminder(unit?.name ?? "", formatDateTime(m.startsAt), m.place), `${meetingRef(m.id)}:rem:${m.startsAt.getTime()}`);
}

export const meetings: Feature = {
  name: "meetings",
  person: meetingPersonHooks,
  commands: {
    lichsinhhoat: {
      scope: "own-unit",
      roles: ["secretary"],
      async run(ctx) {
        const unit = branchesOf(ctx)[0];
        if (!unit) return ctx.reply(T.notSecretary);
        await setCommand(ctx, unit);
      },
    },
    lichchidoan: { scope: "own-subtree", roles: ["cadre", "admin"], run: areaCommand },
    comat: { scope: "own-unit", run: checkinCommand },
  },
  jobs: { [JOB_REMIND]: runRemind },
};
