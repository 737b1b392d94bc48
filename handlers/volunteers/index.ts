import { volunteerPersonHooks } from "./person.ts";
import { idAndRest, nonce, pipeFields } from "../../bot/core/args.ts";
import type { Ctx, Feature, UnitView } from "../../bot/core/context.ts";
import type { Choice } from "../../bot/core/types.ts";
import { formatDateTime, parseVnDate, vnDate, vnDayStart, vnParts } from "../../bot/core/time.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { volunteersText as T } from "../../prompts/vi/volunteers.ts";
import { isInSubtree } from "../../bot/domain/org.ts";
import { REPORTS } from "../reports.ts";
import { volunteersReport } from "./report.ts";
import {
  JOB_EXPIRE,
  JOB_OFFER,
  JOB_REMIND,
  MAX_CAPACITY,
  MAX_DESCRIPTION,
  MAX_PLACE,
  MAX_SPAN_DAYS,
  MAX_TITLE,
  attendanceList,
  campaignsFor,
  cancelSignup,
  countsOf,
  createCampaign,
  markAttendance,
  personTimes,
  runOfferExpiry,
  runOfferNotice,
  runRemind,
  signUp,
  waitlistPosition,
  type CampaignRow,
  type SignupResult,
} from "./service.ts";

REPORTS.volunteers = volunteersReport;

const FLOW_NEW = "vol.new";
const DAY_MS = 86_400_000;
const SIGNUP_BUTTONS = 6;



function myUnits(ctx: Ctx): UnitView[] {
  const seen = new Map<number, UnitView>();
  for (const m of ctx.memberships) seen.set(m.unit.id, m.unit);
  return [...seen.values()];
}

function organiserUnits(ctx: Ctx): UnitView[] {
  const seen = new Map<number, UnitView>();
  for (const m of ctx.withRole("cadre", "admin")) seen.set(m.unit.id, m.unit);
  return [...seen.values()];
}

async function canManage(ctx: Ctx, c: CampaignRow): Promise<boolean> {
  if (c.createdById === ctx.person!.id) return true;
  const scope = await ctx.s.prisma.unit.findUnique({ where: { id: c.scopeUnitId } });
  return !!scope && organiserUnits(ctx).some((u) => isInSubtree(scope.path, u.path));
}

// ---------------------------------------------------------------- creation steps

interface Draft {
  title?: string;
  startsAt?: number;
  endsAt?: number;
  place?: string;
  capacity?: number;
  signupDeadline?: number;
  scopeUnitId?: number;
  quotaPerBranch?: number | null;
  description?: string;
}

type StepResult = { ok: true; patch: Draft } | { ok: false; error: string };
type StepName = "title" | "start" | "end" | "place" | "capacity" | "deadline" | "scope" | "quota" | "description";
const STEPS: StepName[] = ["title", "start", "end", "place", "capacity", "deadline", "scope", "quota", "description"];

const none = (t: string) => t === "-" || t === "";

function parseWhen(text: string, defaultHour: number): Date | null {
  return parseVnDate(text, defaultHour);
}

async function runStep(ctx: Ctx, step: StepName, raw: string, d: Draft): Promise<StepResult> {
  const text = raw.trim();
  const now = ctx.s.clock.now();
  switch (step) {
    case "title":
      return text.length < 3 || text.length > MAX_TITLE ? { ok: false, error: T.bad.title(MAX_TITLE) } : { ok: true, patch: { title: text } };
    case "start": {
      const at = parseWhen(text, 7);
      if (!at) return { ok: false, error: T.bad.date };
      if (at.getTime() <= now.getTime()) return { ok: false, error: T.bad.startPast };
      return { ok: true, patch: { startsAt: at.getTime() } };
    }
    case "end": {
      const start = new Date(d.startsAt!);
      let at: Date | null;
      const hm = /^(\d{1,2})[:h](\d{2})$/.exec(text);
      if (hm) {
        const p = vnParts(start);
        const [h, m] = [Number(hm[1]), Number(hm[2])];
        at = h <= 23 && m <= 59 ? vnDate(p.year, p.month, p.day, h, m) : null;
      } else at = parseWhen(text, 17);
      if (!at) return { ok: false, error: T.bad.date };
      if (at.getTime() <= start.getTime() || at.getTime() - start.getTime() > MAX_SPAN_DAYS * DAY_MS) return { ok: false, error: T.bad.endBeforeStart };
      return { ok: true, patch: { endsAt: at.getTime() } };
    }
    case "place":
      if (text.length > MAX_PLACE) return { ok: false, error: T.bad.place(MAX_PLACE) };
      return { ok: true, patch: { place: none(text) ? "" : text } };
    case "capacity": {
      const n = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
      if (!Number.isInteger(n) || n < 1 || n > MAX_CAPACITY) return { ok: false, error: T.bad.capacity(MAX_CAPACITY) };
      return { ok: true, patch: { capacity: n } };
    }
    case "deadline": {
      const start = d.startsAt!;
      let at: number;
      if (none(text)) at = start - DAY_MS;
      else {
        const withTime = /[ T]\d{1,2}[:h]\d{2}$/.test(text);
        const parsed = parseWhen(text, 0);
        if (!parsed) return { ok: false, error: T.bad.date };
        const p = vnParts(parsed);
        at = withTime ? parsed.getTime() : vnDate(p.year, p.month, p.day, 23, 59).getTime();
        // "until the start day" means until the start
        if (!withTime && vnDayStart(parsed).getTime() === vnDayStart(new Date(start)).getTime()) at = Math.min(at, start);
      }
      if (at <= now.getTime() || at > start) return { ok: false, error: T.bad.deadline };
      return { ok: true, patch: { signupDeadline: at } };
    }
    case "scope": {
      const mine = organiserUnits(ctx);
      if (none(text)) return mine[0] ? { ok: true, patch: { scopeUnitId: mine[0].id } } : { ok: false, error: T.bad.fields };
      const u = await ctx.s.prisma.unit.findUnique({ where: { code: text } });
      if (!u) return { ok: false, error: T.bad.unknownUnit(text) };
      if (!mine.some((m) => isInSubtree(u.path, m.path))) return { ok: false, error: T.bad.notInSubtree(text) };
      return { ok: true, patch: { scopeUnitId: u.id } };
    }
    case "quota": {
      if (none(text)) return { ok: true, patch: { quotaPerBranch: null } };
      const n = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
      if (!Number.isInteger(n) || n < 1 || n > d.capacity!) return { ok: false, error: T.bad.quota };
      return { ok: true, patch: { quotaPerBranch: n } };
    }
    case "description":
      if (text.length > MAX_DESCRIPTION) return { ok: false, error: T.bad.description(MAX_DESCRIPTION) };
      return { ok: true, patch: { description: none(text) ? "" : text } };
  }
}

function askStep(ctx: Ctx, step: StepName): string {
  if (step === "scope") return T.steps.scope(organiserUnits(ctx).map((u) => u.code).slice(0, 5).join(", "));
  return T.steps[step];
}

async function summaryOf(ctx: Ctx, d: Required<Draft>): Promise<string> {
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

async function create(ctx: Ctx, d: Required<Draft>): Promise<void> {
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
}

/** `/taochiendich a | b | …` — the same steps in one line; optional trailing fields default to "-". */
async function oneLine(ctx: Ctx): Promise<void> {
  const parts = pipeFields(ctx.args);
  if (parts.length < 6 || parts.length > STEPS.length) return ctx.reply(T.bad.fields + "\n\n" + T.usage);
  const order: StepName[] = ["title", "start", "end", "place", "capacity", "deadline", "scope", "quota", "description"];
  let d: Draft = {};
  for (let i = 0; i < order.length; i++) {
    const r = await runStep(ctx, order[i]!, parts[i] ?? "-", d);
    if (!r.ok) return ctx.reply(r.error + "\n\n" + T.usage);
    d = { ...d, ...r.patch };
  }
  await create(ctx, d as Required<Draft>);
}

interface FlowData extends Draft {
  step: number;
  nonce: string;
}

const flowOf = (ctx: Ctx): FlowData | null => (ctx.flow?.name === FLOW_NEW ? (ctx.flow.data as unknown as FlowData) : null);

// ---------------------------------------------------------------- sign-up answers

async function answerSignup(ctx: Ctx, id: number, r: SignupResult): Promise<void> {
  switch (r.kind) {
    case "unknown":
      return ctx.reply(T.unknown(id));
    case "notInScope":
      return ctx.reply(T.notInScope(id));
    case "closed":
      return ctx.reply(T.closed(id, formatDateTime(r.deadline)));
    case "started":
      return ctx.reply(T.started(id));
    case "alreadyConfirmed":
      return ctx.reply(T.alreadyConfirmed(id));
    case "alreadyWaiting":
      return ctx.reply(T.alreadyWaiting(id, r.position));
    case "confirmed":
      await ctx.audit("signup.confirmed", "campaign", id);
      return ctx.reply(T.confirmed(id, r.campaign.title, formatDateTime(r.campaign.startsAt), r.campaign.place));
    case "waitlist":
      await ctx.audit("signup.waitlist", "campaign", id);
      return ctx.reply(T.waitlisted(id, r.campaign.title, r.position));
    case "accepted":
      await ctx.audit("signup.accepted", "campaign", id);
      return ctx.reply(T.accepted(id, r.campaign.title, formatDateTime(r.campaign.startsAt)));
    case "offerExpired":
      return ctx.reply(T.offerGone(id));
  }
}

async function doSignup(ctx: Ctx, id: number): Promise<void> {
  const r = await signUp(ctx.s, { personId: ctx.person!.id, units: myUnits(ctx), campaignId: id });
  await answerSignup(ctx, id, r);
}

async function doCancel(ctx: Ctx, id: number): Promise<void> {
  const r = await cancelSignup(ctx.s, { personId: ctx.person!.id, campaignId: id });
  switch (r.kind) {
    case "unknown":
      return ctx.reply(T.unknown(id));
    case "notSigned":
      return ctx.reply(T.notSigned(id));
    case "started":
      return ctx.reply(T.started(id));
    default:
      await ctx.audit(`signup.${r.kind}`, "campaign", id);
      return ctx.reply(r.kind === "cancelled" ? T.cancelledConfirmed(id) : r.kind === "declined" ? T.declined(id) : T.cancelledWaiting(id));
  }
}

// ---------------------------------------------------------------- organiser views

async function organiserList(ctx: Ctx): Promise<void> {
  const units = organiserUnits(ctx);
  const now = ctx.s.clock.now();
  const scopes = units.length
    ? await ctx.s.prisma.unit.findMany({ where: { OR: units.map((u) => ({ path: { startsWith: u.path } })) }, select: { id: true } })
    : [];
  const list = await ctx.s.prisma.campaign.findMany({
    where: {
      OR: [{ createdById: ctx.person!.id }, { scopeUnitId: { in: scopes.map((s) => s.id) } }],
      endsAt: { gt: new Date(now.getTime() - 30 * DAY_MS) },
    },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    take: 20,
  });
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

async function organiserDetail(ctx: Ctx, id: number): Promise<void> {
  const c = await ctx.s.prisma.campaign.findUnique({ where: { id } });
  if (!c) return ctx.reply(T.unknown(id));
  if (!(await canManage(ctx, c))) return ctx.reply(T.notOrganiser(id));
  const scope = await ctx.s.prisma.unit.findUnique({ where: { id: c.scopeUnitId } });
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
  ctx.reply(T.orgDetail(summary, k.confirmed, k.offered, k.waitlist, k.attended, k.attended + k.absent));
}

/** "1,3 5" → [1,3,5] within 1..max, or null. */
function parseNumbers(text: string, max: number): number[] | null {
  const parts = text.split(/[,\s;]+/).filter(Boolean);
  if (!parts.length || !parts.every((p) => /^\d{1,6}$/.test(p))) return null;
  const ns = [...new Set(parts.map(Number))];
  return ns.every((n) => n >= 1 && n <= max) ? ns : null;
}

async function attendance(ctx: Ctx, id: number, rest: string): Promise<void> {
  const c = await ctx.s.prisma.campaign.findUnique({ where: { id } });
  if (!c) return ctx.reply(T.unknown(id));
  if (!(await canManage(ctx, c))) return ctx.reply(T.notOrganiser(id));
  let list = await attendanceList(ctx.s.prisma, id);
  if (!list.length) return ctx.reply(T.attendEmpty(id));
  if (rest) {
    if (ctx.s.clock.now().getTime() < vnDayStart(c.startsAt).getTime()) return ctx.reply(T.attendTooEarly(id, formatDateTime(c.startsAt)));
    const lower = rest.toLowerCase().normalize("NFC");
    let present = true;
    let nums: number[] | null;
    if (/^(tatca|tất cả|all)$/u.test(lower)) nums = list.map((r) => r.n);
    else {
      const m = /^(vang|vắng)\s+(.+)$/u.exec(lower);
      if (m) present = false;
      nums = parseNumbers(m ? m[2]! : lower, list.length);
    }
    if (!nums) return ctx.reply(T.attendBadNumbers(list.length) + "\n" + T.attendUsage(id));
    const byN = new Map(list.map((r) => [r.n, r.signupId]));
    await markAttendance(ctx.s.prisma, id, nums.map((n) => byN.get(n)!), present);
    await ctx.audit("campaign.attendance", "campaign", id, `${present ? "present" : "absent"}:${nums.length}`);
    list = await attendanceList(ctx.s.prisma, id);
    const yes = list.filter((r) => r.attended === true).length;
    const no = list.filter((r) => r.attended === false).length;
    return ctx.reply(T.attendSaved(yes, no, list.length));
  }
  const yes = list.filter((r) => r.attended === true).length;
  const no = list.filter((r) => r.attended === false).length;
  const lines = [T.attendList(id, c.title), ...list.map((r) => T.attendLine(r.n, r.name, r.branch, r.attended)), "", T.attendTotals(yes, no, list.length), T.attendUsage(id)];
  ctx.reply(lines.join("\n"));
}

// ---------------------------------------------------------------- the feature

export const volunteers: Feature = {
  name: "volunteers",
  person: volunteerPersonHooks,
  commands: {
    tinhnguyen: {
      async run(ctx) {
        const now = ctx.s.clock.now();
        const units = myUnits(ctx);
        const list = await campaignsFor(ctx.s.prisma, ctx.person!.id, units, now);
        const total = await personTimes(ctx.s.prisma, ctx.person!.id);
        if (!list.length) return ctx.reply(T.listNone + (total ? "\n\n" + T.myTotal(total) : ""));
        const counts = await countsOf(ctx.s.prisma, list.map((c) => c.id));
        const mine = await ctx.s.prisma.signup.findMany({ where: { personId: ctx.person!.id, campaignId: { in: list.map((c) => c.id) } } });
        const mineBy = new Map(mine.map((m) => [m.campaignId, m]));
        const lines: string[] = [T.listHeader];
        const choices: Choice[] = [];
        for (const c of list) {
          const k = counts.get(c.id)!;
          const su = mineBy.get(c.id);
          let status: string | null = null;
          if (su?.status === "confirmed") status = T.mine.confirmed;
          else if (su?.status === "waitlist") status = T.mine.waitlist(await waitlistPosition(ctx.s.prisma, su));
          else if (su?.status === "offered" && su.offeredUntil) status = T.mine.offered(formatDateTime(su.offeredUntil));
          lines.push(
            "",
            T.campaignLine({
              id: c.id,
              title: c.title,
              start: formatDateTime(c.startsAt),
              end: formatDateTime(c.endsAt),
              place: c.place,
              deadline: formatDateTime(c.signupDeadline),
              left: Math.max(0, c.capacity - k.confirmed - k.offered),
              capacity: c.capacity,
              waiting: k.waitlist,
              mine: status,
            }),
          );
          const open = c.signupDeadline.getTime() > now.getTime();
          if (open && (!su || su.status === "cancelled" || su.status === "expired") && choices.length < SIGNUP_BUTTONS) {
            choices.push({ label: T.btnSignup(c.id), action: "vol.signup", args: { campaignId: c.id } });
          }
        }
        lines.push("", T.listFooter);
        if (total) lines.push(T.myTotal(total));
        ctx.reply(lines.join("\n"), choices);
      },
    },
    dangky: {
      async run(ctx) {
        const { id } = idAndRest(ctx.args);
        if (id === null) return ctx.reply(T.signupUsage);
        await doSignup(ctx, id);
      },
    },
    huydangky: {
      async run(ctx) {
        const { id } = idAndRest(ctx.args);
        if (id === null) return ctx.reply(T.cancelUsage);
        await doCancel(ctx, id);
      },
    },
    taochiendich: {
      roles: ["cadre", "admin"],
      async run(ctx) {
        const args = ctx.args.trim();
        if (args === "?" || /^(help|huongdan|hướng dẫn)$/iu.test(args)) return ctx.reply(T.usage);
        if (args.includes("|")) return oneLine(ctx);
        const data: FlowData = { step: 0, nonce: nonce() };
        if (args) {
          const r = await runStep(ctx, "title", args, data);
          if (!r.ok) return ctx.reply(r.error);
          await ctx.setFlow(FLOW_NEW, { ...data, ...r.patch, step: 1 } as unknown as Record<string, unknown>);
          return ctx.reply(askStep(ctx, STEPS[1]!));
        }
        await ctx.setFlow(FLOW_NEW, data as unknown as Record<string, unknown>);
        ctx.reply(askStep(ctx, "title"));
      },
    },
    chiendich: {
      roles: ["cadre", "admin"],
      async run(ctx) {
        if (!ctx.args.trim()) return organiserList(ctx);
        const { id } = idAndRest(ctx.args);
        if (id === null) return ctx.reply(T.orgFooter);
        await organiserDetail(ctx, id);
      },
    },
    diemdanh: {
      roles: ["cadre", "admin"],
      async run(ctx) {
        const { id, rest } = idAndRest(ctx.args);
        if (id === null) return ctx.reply(T.attendUsageGeneric);
        await attendance(ctx, id, rest);
      },
    },
  },
  actions: {
    "vol.signup": {
      async run(ctx, a) {
        const id = Number(a.campaignId);
        if (!Number.isInteger(id)) return ctx.reply(coreText.choiceExpired);
        await doSignup(ctx, id);
      },
    },
    "vol.accept": {
      async run(ctx, a) {
        const id = Number(a.campaignId);
        if (!Number.isInteger(id)) return ctx.reply(coreText.choiceExpired);
        const su = await ctx.s.prisma.signup.findUnique({ where: { campaignId_personId: { campaignId: id, personId: ctx.person!.id } } });
        if (!su || su.status !== "offered") return ctx.reply(su?.status === "confirmed" ? T.alreadyConfirmed(id) : T.offerGone(id));
        await doSignup(ctx, id);
      },
    },
    "vol.decline": {
      async run(ctx, a) {
        const id = Number(a.campaignId);
        if (!Number.isInteger(id)) return ctx.reply(coreText.choiceExpired);
        const su = await ctx.s.prisma.signup.findUnique({ where: { campaignId_personId: { campaignId: id, personId: ctx.person!.id } } });
        if (!su || su.status !== "offered") return ctx.reply(T.offerGone(id));
        await doCancel(ctx, id);
      },
    },
    "vol.create": {
      roles: ["cadre", "admin"],
      async run(ctx, a) {
        const d = flowOf(ctx);
        if (!d || d.nonce !== a.nonce || d.step !== STEPS.length) return ctx.reply(T.flowLost);
        // the sign-up deadline may have passed while the draft waited
        if (d.signupDeadline! <= ctx.s.clock.now().getTime()) {
          await ctx.clearFlow();
          return ctx.reply(T.bad.deadline + "\n" + T.flowLost);
        }
        await ctx.clearFlow();
        await create(ctx, d as Required<Draft>);
      },
    },
    "vol.cancelNew": {
      roles: ["cadre", "admin"],
      async run(ctx, a) {
        const d = flowOf(ctx);
        if (!d || d.nonce !== a.nonce) return ctx.reply(T.flowLost);
        await ctx.clearFlow();
        ctx.reply(coreText.cancelled);
      },
    },
  },
  flows: {
    async [FLOW_NEW](ctx, text) {
      const d = flowOf(ctx);
      if (!d || !ctx.hasRole("cadre", "admin")) {
        await ctx.clearFlow();
        return ctx.reply(T.flowLost);
      }
      const step = STEPS[d.step];
      if (!step) return confirmDraft(ctx, d);
      const r = await runStep(ctx, step, text, d);
      if (!r.ok) return ctx.reply(r.error);
      const next: FlowData = { ...d, ...r.patch, step: d.step + 1 };
      await ctx.setFlow(FLOW_NEW, next as unknown as Record<string, unknown>);
      const nextStep = STEPS[next.step];
      if (nextStep) return ctx.reply(askStep(ctx, nextStep));
      await confirmDraft(ctx, next);
    },
  },
  jobs: {
    [JOB_REMIND]: runRemind,
    [JOB_OFFER]: runOfferNotice,
    [JOB_EXPIRE]: runOfferExpiry,
  },
};

async function confirmDraft(ctx: Ctx, d: FlowData): Promise<void> {
  ctx.reply(T.confirm(await summaryOf(ctx, d as Required<Draft>)), [
    { label: T.btnCreate, action: "vol.create", args: { nonce: d.nonce } },
    { label: T.btnCancel, action: "vol.cancelNew", args: { nonce: d.nonce } },
  ]);
}
