/** `/phienmoi`: a dialogue session as a form — step by step (the unit offered as choices), or in one line. */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Ctx, UnitView } from "../../bot/core/context.ts";
import { bad, defineForm, ok, type Parsed } from "../../bot/core/forms.ts";
import { ensureJob } from "../../bot/core/jobs.ts";
import { preview } from "../../bot/core/text.ts";
import { parseVnDate } from "../../bot/core/time.ts";
import { isInSubtree, unitByCode } from "../../bot/domain/org.ts";
import { sessionText as T } from "../../prompts/vi/sessions.ts";
import { announce } from "../announcements/api.ts";
import { boardUrl, JOB_CLOSE, MAX_FIELD, resultsUrl, whenText, type SessionRow } from "./service.ts";

/** Units offered as buttons at the unit step (any other by its code). */
const UNIT_CHOICES = 5;

const draftSchema = z.object({
  title: z.string().min(1).max(MAX_FIELD),
  leaders: z.string().min(1).max(MAX_FIELD),
  scopeUnitId: z.number().int().positive(),
  /** Epoch milliseconds. */
  opensAt: z.number().int(),
  /** Start of the live part; equal to opensAt when there is no separate intake. */
  liveAt: z.number().int(),
  closesAt: z.number().int(),
});

const adminUnits = (ctx: Ctx): UnitView[] => [...new Map(ctx.withRole("admin").map((m) => [m.unit.id, m.unit])).values()];
const mayOpenFor = (ctx: Ctx, unit: Pick<UnitView, "path">) => adminUnits(ctx).some((u) => isInSubtree(unit.path, u.path));

function text(t: string): Parsed<string> {
  if (!t) return bad(T.createEmpty);
  return t.length > MAX_FIELD ? bad(T.createTooLong) : ok(t);
}

async function parseUnit(ctx: Ctx, code: string): Promise<Parsed<number>> {
  if (!code) return bad(T.createEmpty);
  const unit = await unitByCode(ctx.s.prisma, code);
  if (!unit) return bad(T.createUnknownUnit(preview(code, 40)));
  return mayOpenFor(ctx, unit) ? ok(unit.id) : bad(T.createNotSubtree);
}

function parseOpens(t: string): Parsed<number> {
  const at = parseVnDate(t, 8);
  return at ? ok(at.getTime()) : bad(T.createBadDates);
}

/** "-" (or left out of a one-line form): live from the opening. */
function parseLive(t: string, opensAt: number): Parsed<number> {
  if (t === "" || t === "-") return ok(opensAt);
  const at = parseVnDate(t, 8);
  return at && at.getTime() >= opensAt ? ok(at.getTime()) : bad(T.createBadDates);
}

function parseCloses(t: string, liveAt: number): Parsed<number> {
  const at = parseVnDate(t, 17);
  return at && at.getTime() > liveAt ? ok(at.getTime()) : bad(T.createBadDates);
}

/** The action of the announcement's button (and of the /phien buttons): starts asking for the session. */
export const ASK_ACTION = "ses.ask";

/** Tell the members of the scope (not those who muted announcements) that the session exists and how to ask, with a button to ask. */
export async function announceSession(ctx: Ctx, session: SessionRow, unitName: string): Promise<number> {
  const text = T.announce(session.id, session.title, session.leaders, unitName, whenText(session), boardUrl(ctx.s, session.boardToken));
  // one button for everyone (checked at press time: scope, still taking questions); on Zalo the line "/hoiphien <số>"
  const buttons = [{ label: T.announceButton, action: ASK_ACTION, id: session.id, typed: `/hoiphien ${session.id}` }];
  const r = await announce(ctx.s, { key: `session:${session.id}:open`, kind: "session", text, unitIds: [session.scopeUnitId], senderId: ctx.person?.id ?? null, buttons });
  return r.recipients;
}

export const sessionForm = defineForm({
  name: "ses.new",
  roles: ["admin"],
  schema: draftSchema,
  lost: T.createFlowLost,
  fields: [
    { name: "title", label: T.createFields.title, prompt: () => T.createSteps.title, parse: (_ctx, t) => text(t) },
    { name: "leaders", label: T.createFields.leaders, prompt: () => T.createSteps.leaders, parse: (_ctx, t) => text(t) },
    {
      name: "scopeUnitId",
      label: T.createFields.scopeUnitId,
      prompt: () => T.createSteps.unit,
      choices: (ctx) => adminUnits(ctx).slice(0, UNIT_CHOICES).map((u) => ({ label: T.createUnitChoice(u.name, u.code), value: u.id })),
      parse: parseUnit,
    },
    { name: "opensAt", label: T.createFields.opensAt, prompt: () => T.createSteps.opens, parse: (_ctx, t) => parseOpens(t) },
    { name: "liveAt", label: T.createFields.liveAt, prompt: () => T.createSteps.live, parse: (_ctx, t, d) => parseLive(t, d.opensAt!) },
    { name: "closesAt", label: T.createFields.closesAt, prompt: () => T.createSteps.closes, parse: (_ctx, t, d) => parseCloses(t, d.liveAt ?? d.opensAt!) },
  ],
  async submit(ctx, d) {
    const unit = await ctx.s.prisma.unit.findUnique({ where: { id: d.scopeUnitId } });
    if (!unit || !mayOpenFor(ctx, unit)) return { field: "scopeUnitId", error: T.createNotSubtree };
    const [opensAt, closesAt] = [new Date(d.opensAt), new Date(d.closesAt)];
    const liveAt = d.liveAt > d.opensAt ? new Date(d.liveAt) : null;
    const session = await ctx.s.prisma.dialogueSession.create({
      data: { title: d.title, leaders: d.leaders, scopeUnitId: unit.id, opensAt, liveAt, closesAt, boardToken: randomBytes(18).toString("base64url"), createdById: ctx.person!.id },
    });
    await ensureJob(ctx.s, { kind: JOB_CLOSE, runAt: closesAt, dedupeKey: `ses:close:${session.id}`, payload: { sessionId: session.id } });
    await ctx.audit("session.create", "session", session.id, unit.code);
    const recipients = await announceSession(ctx, session, unit.name);
    ctx.reply(T.created(session.id, d.title, unit.name, whenText(session), boardUrl(ctx.s, session.boardToken), resultsUrl(ctx.s, session.boardToken), recipients));
  },
  // `/phienmoi <tiêu đề> | <lãnh đạo> | <mã đơn vị> | <mở> | [<trực tiếp>] | <kết thúc>`; `/phienmoi` alone goes step by step
  line: {
    usage: T.createUsage,
    fields: ["title", "leaders", "scopeUnitId", "opensAt", "liveAt", "closesAt"],
    arrange: (p) =>
      p.length === 5
        ? { title: p[0]!, leaders: p[1]!, scopeUnitId: p[2]!, opensAt: p[3]!, liveAt: "", closesAt: p[4]! }
        : p.length === 6
          ? { title: p[0]!, leaders: p[1]!, scopeUnitId: p[2]!, opensAt: p[3]!, liveAt: p[4]!, closesAt: p[5]! }
          : null,
    argsStartSteps: false,
  },
});
