/** `/taochiendich`: a campaign as a form — step by step with a confirmation, or in one line. */
import { z } from "zod";
import type { Ctx } from "../../bot/core/context.ts";
import { bad, defineForm, ok, type Parsed } from "../../bot/core/forms.ts";
import { formatDateTime, parseVnDate, vnDate, vnDayStart, vnParts } from "../../bot/core/time.ts";
import { isInSubtree } from "../../bot/domain/org.ts";
import { volunteersText as T } from "../../prompts/vi/volunteers.ts";
import { MAX_CAPACITY, MAX_DESCRIPTION, MAX_PLACE, MAX_SPAN_DAYS, MAX_TITLE, createCampaign } from "./service.ts";
import { organiserUnits } from "./units.ts";
import { announceCampaign } from "./campaigns.ts";

const DAY_MS = 86_400_000;

/** The draft as kept in the conversation: instants as epoch milliseconds. */
const draftSchema = z.object({
  title: z.string().min(3).max(MAX_TITLE),
  startsAt: z.number().int(),
  endsAt: z.number().int(),
  place: z.string().max(MAX_PLACE),
  capacity: z.number().int().min(1).max(MAX_CAPACITY),
  signupDeadline: z.number().int(),
  scopeUnitId: z.number().int().positive(),
  quotaPerBranch: z.number().int().min(1).nullable(),
  description: z.string().max(MAX_DESCRIPTION),
});
type Draft = z.infer<typeof draftSchema>;

/** "-" (or a left-out one-line field) means "none" / "the default". */
const none = (t: string) => t === "-" || t === "";
const wholeNumber = (t: string) => (/^\d{1,6}$/.test(t) ? Number(t) : NaN);

function parseStart(ctx: Ctx, text: string): Parsed<number> {
  const at = parseVnDate(text, 7);
  if (!at) return bad(T.bad.date);
  if (at.getTime() <= ctx.s.clock.now().getTime()) return bad(T.bad.startPast);
  return ok(at.getTime());
}

/** A full date and time, or only "hh:mm" on the start day. */
function parseEnd(text: string, startsAt: number): Parsed<number> {
  const hm = /^(\d{1,2})[:h](\d{2})$/.exec(text);
  let at: Date | null;
  if (hm) {
    const p = vnParts(new Date(startsAt));
    const [h, m] = [Number(hm[1]), Number(hm[2])];
    at = h <= 23 && m <= 59 ? vnDate(p.year, p.month, p.day, h, m) : null;
  } else at = parseVnDate(text, 17);
  if (!at) return bad(T.bad.date);
  const span = at.getTime() - startsAt;
  if (span <= 0 || span > MAX_SPAN_DAYS * DAY_MS) return bad(T.bad.endBeforeStart);
  return ok(at.getTime());
}

/** A date alone means the end of that day (but not after the start); "-" one day before the start. */
function parseDeadline(ctx: Ctx, text: string, startsAt: number): Parsed<number> {
  let at: number;
  if (none(text)) at = startsAt - DAY_MS;
  else {
    const withTime = /[ T]\d{1,2}[:h]\d{2}$/.test(text);
    const parsed = parseVnDate(text, 0);
    if (!parsed) return bad(T.bad.date);
    const p = vnParts(parsed);
    at = withTime ? parsed.getTime() : vnDate(p.year, p.month, p.day, 23, 59).getTime();
    // "until the start day" means until the start
    if (!withTime && vnDayStart(parsed).getTime() === vnDayStart(new Date(startsAt)).getTime()) at = Math.min(at, startsAt);
  }
  if (at <= ctx.s.clock.now().getTime() || at > startsAt) return bad(T.bad.deadline);
  return ok(at);
}

async function parseScope(ctx: Ctx, text: string): Promise<Parsed<number>> {
  const mine = organiserUnits(ctx);
  if (none(text)) return mine[0] ? ok(mine[0].id) : bad(T.bad.fields);
  const u = await ctx.s.prisma.unit.findUnique({ where: { code: text } });
  if (!u) return bad(T.bad.unknownUnit(text));
  if (!mine.some((m) => isInSubtree(u.path, m.path))) return bad(T.bad.notInSubtree(text));
  return ok(u.id);
}

async function summaryOf(ctx: Ctx, d: Draft): Promise<string> {
  const scope = await ctx.s.prisma.unit.findUnique({ where: { id: d.scopeUnitId } });
  return T.summary({
    title: d.title,
    start: formatDateTime(new Date(d.startsAt)),
    end: formatDateTime(new Date(d.endsAt)),
    place: d.place,
    capacity: d.capacity,
    deadline: formatDateTime(new Date(d.signupDeadline)),
    scope: scope?.name ?? "",
    quota: d.quotaPerBranch,
    description: d.description,
  });
}

export const campaignForm = defineForm({
  name: "vol.new",
  roles: ["cadre", "admin"],
  schema: draftSchema,
  lost: T.flowLost,
  fields: [
    {
      name: "title",
      label: T.fields.title,
      prompt: () => T.steps.title,
      parse: (_ctx, t) => (t.length < 3 || t.length > MAX_TITLE ? bad(T.bad.title(MAX_TITLE)) : ok(t)),
    },
    { name: "startsAt", label: T.fields.startsAt, prompt: () => T.steps.start, parse: parseStart },
    { name: "endsAt", label: T.fields.endsAt, prompt: () => T.steps.end, parse: (_ctx, t, d) => parseEnd(t, d.startsAt!) },
    {
      name: "place",
      label: T.fields.place,
      prompt: () => T.steps.place,
      parse: (_ctx, t) => (t.length > MAX_PLACE ? bad(T.bad.place(MAX_PLACE)) : ok(none(t) ? "" : t)),
    },
    {
      name: "capacity",
      label: T.fields.capacity,
      prompt: () => T.steps.capacity,
      parse(_ctx, t) {
        const n = wholeNumber(t);
        return Number.isInteger(n) && n >= 1 && n <= MAX_CAPACITY ? ok(n) : bad(T.bad.capacity(MAX_CAPACITY));
      },
    },
    { name: "signupDeadline", label: T.fields.signupDeadline, prompt: () => T.steps.deadline, parse: (ctx, t, d) => parseDeadline(ctx, t, d.startsAt!) },
    {
      name: "scopeUnitId",
      label: T.fields.scopeUnitId,
      prompt: (ctx) => T.steps.scope(organiserUnits(ctx).map((u) => u.code).slice(0, 5).join(", ")),
      parse: parseScope,
    },
    {
      name: "quotaPerBranch",
      label: T.fields.quotaPerBranch,
      prompt: () => T.steps.quota,
      parse(_ctx, t, d) {
        if (none(t)) return ok(null);
        const n = wholeNumber(t);
        return Number.isInteger(n) && n >= 1 && n <= d.capacity! ? ok(n) : bad(T.bad.quota);
      },
    },
    {
      name: "description",
      label: T.fields.description,
      prompt: () => T.steps.description,
      parse: (_ctx, t) => (t.length > MAX_DESCRIPTION ? bad(T.bad.description(MAX_DESCRIPTION)) : ok(none(t) ? "" : t)),
    },
  ],
  confirm: {
    summary: async (ctx, d) => T.confirm(await summaryOf(ctx, d)),
    submit: T.btnCreate,
    cancel: T.btnCancel,
  },
  async submit(ctx, d) {
    // the sign-up deadline may have passed while the draft waited
    if (d.signupDeadline <= ctx.s.clock.now().getTime()) return { field: "signupDeadline", error: T.bad.deadline };
    const c = await createCampaign(ctx.s, {
      title: d.title,
      description: d.description,
      place: d.place,
      startsAt: new Date(d.startsAt),
      endsAt: new Date(d.endsAt),
      capacity: d.capacity,
      signupDeadline: new Date(d.signupDeadline),
      scopeUnitId: d.scopeUnitId,
      quotaPerBranch: d.quotaPerBranch,
      createdById: ctx.person!.id,
    });
    await ctx.audit("campaign.create", "campaign", c.id);
    ctx.reply(T.created(c.id, c.title));
    await announceCampaign(ctx, c);
  },
  // `/taochiendich a | b | …`: optional trailing fields are left out ("-")
  line: {
    usage: T.usage,
    fields: ["title", "startsAt", "endsAt", "place", "capacity", "signupDeadline", "scopeUnitId", "quotaPerBranch", "description"],
    min: 6,
    countError: T.bad.fields,
  },
});
