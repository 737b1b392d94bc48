/** The organiser's side: `/chiendich` (list, detail) and `/diemdanh` (attendance). */
import type { Ctx } from "../../bot/core/context.ts";
import { formatDateTime, vnDayStart } from "../../bot/core/time.ts";
import { campaignsText as C, volunteersText as T } from "../../prompts/vi/volunteers.ts";
import { attendanceList, campaignWithScope, countsOf, markAttendance, organiserCampaigns } from "./service.ts";
import { canManage, organiserUnits } from "./units.ts";
import { syncIndicators } from "./programs.ts";
import { typedWords } from "../../prompts/vi/commands.ts";
import { anyWord } from "../../bot/core/words.ts";

export async function organiserList(ctx: Ctx): Promise<void> {
  const list = await organiserCampaigns(ctx.s.prisma, ctx.person!.id, organiserUnits(ctx), ctx.s.clock.now());
  if (!list.length) return ctx.reply(T.orgNone);
  const counts = await countsOf(ctx.s.prisma, list.map((c) => c.id));
  const lines: string[] = [T.orgHeader];
  for (const c of list) {
    const k = counts.get(c.id)!;
    lines.push(T.orgLine({ id: c.id, title: c.title, start: formatDateTime(c.startsAt), confirmed: k.confirmed, capacity: c.capacity, waiting: k.waitlist, attended: k.attended }));
  }
  lines.push("", T.orgFooter);
  ctx.reply(lines.join("\n"));
}

export async function organiserDetail(ctx: Ctx, id: number): Promise<void> {
  const found = await campaignWithScope(ctx.s.prisma, id);
  if (!found) return ctx.reply(T.unknown(id));
  const { campaign: c, scope } = found;
  if (!canManage(ctx, c, scope)) return ctx.reply(T.notOrganiser(id));
  const k = (await countsOf(ctx.s.prisma, [id])).get(id)!;
  const summary = T.summary({
    title: `#${c.id} ${c.title}`,
    start: formatDateTime(c.startsAt),
    end: formatDateTime(c.endsAt),
    place: c.place,
    capacity: c.capacity,
    deadline: formatDateTime(c.signupDeadline),
    scope: scope?.name ?? "",
    quota: c.quotaPerBranch,
    description: c.description,
  });
  const code = c.checkinCode ? `\n${C.checkinCode(c.checkinCode)}` : "";
  ctx.reply(T.orgDetail(summary, k.confirmed, k.offered, k.waitlist, k.attended, k.attended + k.absent) + code);
}

/** "1,3 5" → [1,3,5] within 1..max, or null. */
function parseNumbers(text: string, max: number): number[] | null {
  const parts = text.split(/[,\s;]+/).filter(Boolean);
  if (!parts.length || !parts.every((p) => /^\d{1,6}$/.test(p))) return null;
  const ns = [...new Set(parts.map(Number))];
  return ns.every((n) => n >= 1 && n <= max) ? ns : null;
}

const ALL = new RegExp(`^(${anyWord(typedWords.all)})$`, "u");
const ABSENT = new RegExp(`^(${anyWord(typedWords.absent)})\\s+(.+)$`, "u");

/** What `/diemdanh <số> …` asks: everyone, the listed numbers present, or ("vang") absent. */
function parseMarks(rest: string, count: number): { present: boolean; nums: number[] | null } {
  const lower = rest.toLowerCase().normalize("NFC");
  if (ALL.test(lower)) return { present: true, nums: Array.from({ length: count }, (_, i) => i + 1) };
  const m = ABSENT.exec(lower);
  return { present: !m, nums: parseNumbers(m ? m[2]! : lower, count) };
}

export async function attendance(ctx: Ctx, id: number, rest: string): Promise<void> {
  const found = await campaignWithScope(ctx.s.prisma, id);
  if (!found) return ctx.reply(T.unknown(id));
  const { campaign: c, scope } = found;
  if (!canManage(ctx, c, scope)) return ctx.reply(T.notOrganiser(id));
  let list = await attendanceList(ctx.s.prisma, id);
  if (!list.length) return ctx.reply(T.attendEmpty(id));
  const totals = () => ({ yes: list.filter((r) => r.attended === true).length, no: list.filter((r) => r.attended === false).length });
  if (rest) {
    if (ctx.s.clock.now().getTime() < vnDayStart(c.startsAt).getTime()) return ctx.reply(T.attendTooEarly(id, formatDateTime(c.startsAt)));
    const { present, nums } = parseMarks(rest, list.length);
    if (!nums) return ctx.reply(T.attendBadNumbers(list.length) + "\n" + T.attendUsage(id));
    const byN = new Map(list.map((r) => [r.n, r.signupId]));
    await markAttendance(ctx.s.prisma, id, nums.map((n) => byN.get(n)!), present);
    await syncIndicators(ctx.s, c);
    await ctx.audit("campaign.attendance", "campaign", id, `${present ? "present" : "absent"}:${nums.length}`);
    list = await attendanceList(ctx.s.prisma, id);
    const t = totals();
    return ctx.reply(T.attendSaved(t.yes, t.no, list.length));
  }
  const t = totals();
  const lines = [T.attendList(id, c.title), ...list.map((r) => T.attendLine(r.n, r.name, r.branch, r.attended)), "", T.attendTotals(t.yes, t.no, list.length), T.attendUsage(id)];
  ctx.reply(lines.join("\n"));
}
