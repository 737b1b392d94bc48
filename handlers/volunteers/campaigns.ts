/** Umbrella campaigns in the chat: `/chiendichlon`, `/hoatdong`, `/ketqua`, `/chungnhan`, and "lượt của tôi". */
import type { Ctx, UnitView } from "../../bot/core/context.ts";
import { idAndRest, pipeFields } from "../../bot/core/args.ts";
import { createDownload } from "../../bot/core/downloads.ts";
import { formatDate, formatDateTime, parseVnDate, vnDate, vnParts } from "../../bot/core/time.ts";
import { isInSubtree } from "../../bot/domain/org.ts";
import { campaignsText as C, volunteersText as T } from "../../prompts/vi/volunteers.ts";
import { announce } from "../announcements/api.ts";
import { topicLabels } from "../dialogue/api.ts";
import { renderCertificate } from "./certificate.ts";
import {
  MAX_RESULT,
  MAX_SHIFTS,
  addActivity,
  createProgram,
  groupTurns,
  myTurns,
  parseShift,
  recordResults,
  resultsOf,
  type CertificateGroup,
  type ProgramRow,
} from "./programs.ts";
import { MAX_PLACE, MAX_TITLE, type CampaignRow } from "./service.ts";
import { organiserUnits } from "./units.ts";

const DAY_MS = 86_400_000;
const MAX_PROGRAM_DAYS = 366;
const DEFAULT_TOPIC = "tinh_nguyen_van_hoa";
const USAGE_WORDS = new Set(["?", "help", "huongdan", "hướng dẫn"]);

/** Its creator, or a cadre/admin of a unit whose subtree holds the unit, manages it. */
const manages = (ctx: Ctx, unit: Pick<UnitView, "path">, createdById?: number) =>
  createdById === ctx.person!.id || organiserUnits(ctx).some((u) => isInSubtree(unit.path, u.path));

/** A program concerns the cadre when its scope is in their subtree or above one of their units. */
const concerns = (ctx: Ctx, scope: Pick<UnitView, "path">) => organiserUnits(ctx).some((u) => isInSubtree(scope.path, u.path) || isInSubtree(u.path, scope.path));

// ---------------------------------------------------------------- /chiendichlon

async function listPrograms(ctx: Ctx): Promise<void> {
  const { prisma } = ctx.s;
  const since = new Date(ctx.s.clock.now().getTime() - 90 * DAY_MS);
  const rows = await prisma.volunteerProgram.findMany({ where: { endsAt: { gt: since } }, orderBy: [{ startsAt: "desc" }, { id: "desc" }], take: 200 });
  const scopes = new Map((await prisma.unit.findMany({ where: { id: { in: rows.map((p) => p.scopeUnitId) } } })).map((u) => [u.id, u]));
  const mine = rows.filter((p) => scopes.has(p.scopeUnitId) && concerns(ctx, scopes.get(p.scopeUnitId)!)).slice(0, 10);
  if (!mine.length) return ctx.reply(C.programNone);
  const lines: string[] = [C.programHeader];
  for (const p of mine) {
    const activities = await prisma.volunteerActivity.findMany({ where: { programId: p.id } });
    const shifts = activities.length ? await prisma.campaign.findMany({ where: { activityId: { in: activities.map((a) => a.id) } }, select: { id: true } }) : [];
    const turns = shifts.length ? await prisma.signup.count({ where: { campaignId: { in: shifts.map((x) => x.id) }, status: "confirmed", attended: true } }) : 0;
    const sum = activities.map(resultsOf).reduce((a, r) => ({ trees: a.trees + r.trees, blood: a.blood + r.blood, helped: a.helped + r.helped }), { trees: 0, blood: 0, helped: 0 });
    lines.push(C.programLine({ id: p.id, title: p.title, from: formatDate(p.startsAt), to: formatDate(p.endsAt), activities: activities.length, shifts: shifts.length, turns, results: C.results(sum) }));
  }
  ctx.reply(lines.join("\n"));
}

/** A campaign of its own (`/taochiendich`) is announced to the followers of the volunteering topic in its scope. */
export async function announceCampaign(ctx: Ctx, c: Pick<CampaignRow, "id" | "title" | "startsAt" | "place" | "scopeUnitId">): Promise<void> {
  if (!(await topicLabels(ctx.s.prisma)).has(DEFAULT_TOPIC)) return;
  await announce(ctx.s, {
    key: `campaign:${c.id}:open`,
    kind: "campaign",
    text: C.campaignAnnounce(c.id, c.title, formatDateTime(c.startsAt), c.place),
    unitIds: [c.scopeUnitId],
    topic: DEFAULT_TOPIC,
    senderId: ctx.person!.id,
  });
}

export async function programCommand(ctx: Ctx): Promise<void> {
  const args = ctx.args.trim();
  if (!args) return listPrograms(ctx);
  if (USAGE_WORDS.has(args.toLowerCase())) return ctx.reply(C.programUsage);
  const [title = "", from = "", to = "", code = "", topicArg = "", ...extra] = pipeFields(args);
  if (extra.length || !to) return ctx.reply(C.programUsage);
  if (title.length < 3 || title.length > MAX_TITLE) return ctx.reply(C.bad.title(MAX_TITLE));
  const start = parseVnDate(from, 0);
  const endDay = parseVnDate(to, 0);
  const now = ctx.s.clock.now();
  if (!start || !endDay) return ctx.reply(C.bad.dates);
  const p = vnParts(endDay);
  const end = vnDate(p.year, p.month, p.day, 23, 59);
  if (end.getTime() < start.getTime() || end.getTime() - start.getTime() > MAX_PROGRAM_DAYS * DAY_MS || end.getTime() <= now.getTime()) return ctx.reply(C.bad.dates);
  const mine = organiserUnits(ctx);
  let scope: UnitView | undefined = mine[0];
  if (code && code !== "-") {
    const u = await ctx.s.prisma.unit.findUnique({ where: { code } });
    if (!u) return ctx.reply(T.bad.unknownUnit(code.slice(0, 40)));
    if (!manages(ctx, u)) return ctx.reply(T.bad.notInSubtree(code));
    scope = u;
  }
  if (!scope) return ctx.reply(C.programUsage);
  const labels = await topicLabels(ctx.s.prisma);
  let topic: string | null = topicArg && topicArg !== "-" ? topicArg : labels.has(DEFAULT_TOPIC) ? DEFAULT_TOPIC : null;
  if (topic && !labels.has(topic)) return ctx.reply(C.bad.topic(topic.slice(0, 40)));
  const program = await createProgram(ctx.s, { title, topic, scopeUnitId: scope.id, startsAt: start, endsAt: end, createdById: ctx.person!.id });
  await ctx.audit("program.create", "volunteerProgram", program.id);
  let announced = 0;
  if (topic) {
    const r = await announce(ctx.s, {
      key: `program:${program.id}:open`,
      kind: "campaign",
      text: C.programAnnounce(title, formatDate(start), formatDate(end), scope.name),
      unitIds: [scope.id],
      topic,
      senderId: ctx.person!.id,
    });
    announced = r.recipients;
  }
  ctx.reply(C.programCreated(program.id, title, announced));
}

// ---------------------------------------------------------------- /hoatdong

export async function activityCommand(ctx: Ctx): Promise<void> {
  const { id, rest } = idAndRest(ctx.args);
  if (id === null || !rest.startsWith("|")) return ctx.reply(C.activityUsage);
  const [, title = "", code = "", place = "", shiftText = "", ...extra] = pipeFields(rest);
  if (extra.length || !shiftText) return ctx.reply(C.activityUsage);
  const { prisma } = ctx.s;
  const program = await prisma.volunteerProgram.findUnique({ where: { id } });
  if (!program) return ctx.reply(C.bad.unknownProgram(id));
  const scope = await prisma.unit.findUnique({ where: { id: program.scopeUnitId } });
  if (!scope || !concerns(ctx, scope)) return ctx.reply(C.bad.notYourProgram(id));
  const now = ctx.s.clock.now();
  if (program.endsAt.getTime() <= now.getTime()) return ctx.reply(C.bad.programEnded(id));
  if (title.length < 3 || title.length > MAX_TITLE) return ctx.reply(C.bad.title(MAX_TITLE));
  if (place.length > MAX_PLACE) return ctx.reply(T.bad.place(MAX_PLACE));
  const unit = await prisma.unit.findUnique({ where: { code } });
  if (!unit) return ctx.reply(T.bad.unknownUnit(code.slice(0, 40)));
  if (!isInSubtree(unit.path, scope.path)) return ctx.reply(C.bad.unitOutsideProgram(code));
  if (!manages(ctx, unit)) return ctx.reply(T.bad.notInSubtree(code));
  const parts = shiftText.split(";").map((x) => x.trim()).filter(Boolean);
  if (parts.length > MAX_SHIFTS) return ctx.reply(C.bad.tooManyShifts(MAX_SHIFTS));
  const shifts = [];
  for (const [i, t] of parts.entries()) {
    const sh = parseShift(t);
    if (!sh) return ctx.reply(C.bad.shift(i + 1));
    if (sh.startsAt.getTime() <= now.getTime() || sh.startsAt < program.startsAt || sh.endsAt > program.endsAt) return ctx.reply(C.bad.shiftOutside(i + 1));
    shifts.push(sh);
  }
  const r = await addActivity(ctx.s, { program, unitId: unit.id, title, place, shifts, createdById: ctx.person!.id });
  await ctx.audit("activity.shifts", "volunteerActivity", r.activity.id, String(r.shifts.length));
  const lines = r.shifts.map((c) => C.shiftLine(c.id, formatDateTime(c.startsAt), formatDateTime(c.endsAt), c.capacity, c.checkinCode ?? ""));
  ctx.reply(C.activityCreated(r.activity.id, r.activity.title, program.title, lines.join("\n")));
}

// ---------------------------------------------------------------- /ketqua

export async function resultsCommand(ctx: Ctx): Promise<void> {
  const { id, rest } = idAndRest(ctx.args);
  const nums = rest.split(/\s+/).filter(Boolean);
  if (id === null || nums.length !== 3) return ctx.reply(C.resultsUsage);
  if (!nums.every((n) => /^\d{1,8}$/.test(n) && Number(n) <= MAX_RESULT)) return ctx.reply(C.resultsBad(MAX_RESULT));
  const a = await ctx.s.prisma.volunteerActivity.findUnique({ where: { id } });
  if (!a) return ctx.reply(C.unknownActivity(id));
  const unit = await ctx.s.prisma.unit.findUnique({ where: { id: a.unitId } });
  if (!unit || !manages(ctx, unit, a.createdById)) return ctx.reply(C.notYourActivity(id));
  const [trees, blood, helped] = nums.map(Number) as [number, number, number];
  const turns = await recordResults(ctx.s, a.id, { trees, blood, helped });
  await ctx.audit("activity.results", "volunteerActivity", a.id, `${trees}/${blood}/${helped}`);
  ctx.reply(C.resultsSaved(a.id, a.title, C.results({ trees, blood, helped }), turns));
}

// ---------------------------------------------------------------- "lượt của tôi" and /chungnhan

/** The lines of "lượt của tôi" under /tinhnguyen (empty when none). */
export async function myTurnLines(ctx: Ctx, limit = 5): Promise<string[]> {
  const turns = await myTurns(ctx.s.prisma, ctx.person!.id);
  if (!turns.length) return [];
  const lines = [C.myTurnsHeader(turns.length), ...turns.slice(0, limit).map((t) => C.myTurnLine(formatDateTime(t.startsAt), t.title, t.programTitle))];
  if (turns.length > limit) lines.push(C.myTurnsMore(turns.length - limit));
  return lines;
}

async function sendCertificate(ctx: Ctx, g: CertificateGroup): Promise<void> {
  const { prisma, clock } = ctx.s;
  const first = g.turns[0]!;
  const [branch, program] = await Promise.all([
    prisma.unit.findUnique({ where: { id: first.branchUnitId } }),
    first.programId !== null ? prisma.volunteerProgram.findUnique({ where: { id: first.programId } }) : Promise.resolve(null as ProgramRow | null),
  ]);
  const campaign = program ? null : await prisma.campaign.findUnique({ where: { id: first.campaignId } });
  const issuer = await prisma.unit.findUnique({ where: { id: program?.scopeUnitId ?? campaign?.scopeUnitId ?? first.branchUnitId } });
  const now = clock.now();
  const pdf = await renderCertificate({
    name: ctx.person!.displayName,
    unit: branch?.name ?? "",
    campaign: g.title,
    shifts: g.turns.map((t) => ({ title: t.title, when: `${formatDateTime(t.startsAt)} – ${formatDateTime(t.endsAt).slice(0, 5)}` })),
    issuer: issuer?.name ?? "",
    date: formatDate(now),
    id: `${g.key.toUpperCase()}-${ctx.person!.id}`,
  });
  const name = C.certFileName(`${g.key}-${ctx.person!.id}`);
  const token = await createDownload(prisma, clock, { personId: ctx.person!.id, name, data: pdf, mime: "application/pdf" });
  await ctx.audit("certificate.issue", "person", ctx.person!.id, g.key);
  // Telegram gets the document; the web chat shows the link under the text; Zalo adds the link,
  // or without a public server a note that the file is fetched elsewhere (bot/channels/zalo)
  const note = ctx.in.channel === "web" ? `\n${C.certLinkNote}` : "";
  ctx.replyWith({ text: C.certSent(g.title) + note, file: { token, name } });
}

export async function certificateCommand(ctx: Ctx, key?: string): Promise<void> {
  const groups = groupTurns(await myTurns(ctx.s.prisma, ctx.person!.id));
  if (!groups.length) return ctx.reply(C.certNone);
  if (key !== undefined) {
    const g = groups.find((x) => x.key === key);
    return g ? sendCertificate(ctx, g) : ctx.reply(C.certUnknown(Number(key.slice(1)) || 0));
  }
  const arg = ctx.args.trim();
  if (arg) {
    const { id } = idAndRest(arg);
    const g = id === null ? undefined : (groups.find((x) => x.key === `p${id}`) ?? groups.find((x) => x.turns.some((t) => t.campaignId === id)));
    return g ? sendCertificate(ctx, g) : ctx.reply(C.certUnknown(id ?? 0));
  }
  if (groups.length === 1) return sendCertificate(ctx, groups[0]!);
  ctx.reply(C.certChoose, groups.slice(0, 8).map((g) => ({ label: g.title.slice(0, 60), action: "vol.cert", args: { key: g.key } })));
}
