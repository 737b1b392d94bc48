import type { Ctx, Feature, UnitView } from "../../bot/core/context.ts";
import { monthKey } from "../../bot/core/time.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { guideKeywords, guidesText as T, reportText as R } from "../../prompts/vi/guides.ts";
import { saveAttachment } from "../../bot/core/attachments.ts";
import { FIX_FLOW, REPORT_FLOW, flowHandler, lineExampleOf, pickHandler, quickReport, startReport } from "./reporting.ts";
import { showBranchReport, showCompletion } from "./views.ts";
import { REPORTS } from "../reports.ts";
import { validCron } from "../../bot/core/cron.ts";
import { guidesPersonHooks } from "./person.ts";
import { guidesReport } from "./report.ts";
import { AdaptArgs, ApproveArgs, ConfirmArgs, MonthPayload, NoteArgs, NotePayload, ReportForArgs, action, job } from "./schemas.ts";
import {
  JOB_DISPATCH,
  JOB_NOTE_UPDATE,
  JOB_REMIND,
  MAX_ATTENDEES,
  MAX_NOTE,
  MAX_NOTES_PER_UNIT,
  MAX_REPORT_NOTE,
  addNote,
  adaptationInput,
  approveAdaptation,
  deleteNotes,
  dispatchMonth,
  dispatchTick,
  guideForUnit,
  latecomersTick,
  monthDiff,
  parseConfirm,
  remindMonth,
  remindTick,
  resolveMonth,
  sendNoteUpdate,
} from "./service.ts";
import { typedWords } from "../../prompts/vi/commands.ts";
import { anyWord, oneOf } from "../../bot/core/words.ts";

REPORTS.guides = guidesReport;

/** An adapted guide longer than this is not offered (it would not fit the choice store sensibly). */
const MAX_ADAPTED = 8000;
const MAX_PHOTO_REF = 1000;

function currentMonth(ctx: Ctx): string {
  return monthKey(ctx.s.clock.now());
}

/** Units where I am a cadre or admin above branch level. */
function upperUnits(ctx: Ctx): UnitView[] {
  const seen = new Map<number, UnitView>();
  for (const m of ctx.withRole("cadre", "admin")) if (!m.unit.isBranch) seen.set(m.unitId, m.unit);
  return [...seen.values()];
}

function isUpperCadreOf(ctx: Ctx, unitId: number): UnitView | null {
  return upperUnits(ctx).find((u) => u.id === unitId) ?? null;
}

function secretaryUnits(ctx: Ctx): UnitView[] {
  const seen = new Map<number, UnitView>();
  for (const m of ctx.withRole("secretary")) seen.set(m.unitId, m.unit);
  return [...seen.values()];
}

// ---------------------------------------------------------------- /dasinhhoat

async function doConfirm(ctx: Ctx, unit: UnitView, attendees: number, note: string | null, photo: string | null): Promise<void> {
  const ref = photo ? await saveAttachment(ctx.s.prisma, ctx.s.clock, { origin: ctx.in.channel, kind: "photo", ref: photo, personId: ctx.person!.id }) : null;
  await quickReport(ctx, unit, currentMonth(ctx), attendees, note, ref);
}

const FIX = oneOf(guideKeywords.fix);
const USAGE = oneOf(typedWords.usage);
/** Longest one-line report. */
const MAX_LINE = 2000;
const reportUsage = (month: string) => R.usage(lineExampleOf(month));

// ---------------------------------------------------------------- /ghichu

const MONTH_WORDS = new RegExp(`^(${anyWord([...guideKeywords.thisMonth, ...guideKeywords.nextMonth])})(?:\\s+([\\s\\S]*))?$`, "i");

function parseNoteArgs(args: string): { month: string; text: string } | null {
  const a = args.trim();
  if (!a) return null;
  const w = MONTH_WORDS.exec(a);
  if (w) return { month: w[1]!, text: (w[2] ?? "").trim() };
  const first = a.split(/\s+/)[0] ?? "";
  return { month: first, text: a.slice(first.length).trim() };
}

const REMOVE = oneOf(typedWords.remove);
const isDelete = (text: string) => REMOVE.test(text.normalize("NFC"));

async function doNote(ctx: Ctx, unit: UnitView, month: string, text: string): Promise<void> {
  if (isDelete(text)) {
    const n = await deleteNotes(ctx.s.prisma, unit.id, month);
    await ctx.audit("guides.note.delete", "unit", unit.id, month);
    return ctx.reply(T.notesDeleted(unit.name, month, n));
  }
  const r = await addNote(ctx.s, { unit, month, text, authorId: ctx.person!.id });
  if (!r.ok) return ctx.reply(T.tooManyNotes(MAX_NOTES_PER_UNIT));
  await ctx.audit("guides.note.add", "guideNote", r.noteId, `${unit.code}:${month}`);
  const msg = T.noteSaved(unit.name, month, r.branches) + (r.sentNow ? `\n${T.noteSentNow}` : "");
  if (ctx.s.llm) return ctx.reply(msg, [{ label: T.adaptOffer, action: "guides.adapt", args: { unitId: unit.id, month } }]);
  ctx.reply(msg);
}

// ---------------------------------------------------------------- the feature

export const guides: Feature = {
  name: "guides",
  person: guidesPersonHooks,
  commands: {
    huongdan: {
      scope: "own-unit",
      roles: ["secretary", "cadre", "admin"],
      async run(ctx) {
        const unit = secretaryUnits(ctx)[0] ?? ctx.withRole("cadre", "admin")[0]?.unit;
        if (!unit) return ctx.reply(T.noUnit);
        let month = currentMonth(ctx);
        if (ctx.args) {
          // a month that has no guide yet is refused, never replaced by another month
          const m = resolveMonth(ctx.args, ctx.s.clock.now());
          if (!m) return ctx.reply(R.guideUsage);
          const diff = monthDiff(month, m);
          if (diff > 0) return ctx.reply(R.futureMonth(m));
          if (diff < -12) return ctx.reply(R.tooOld);
          month = m;
        }
        ctx.reply(await guideForUnit(ctx.s.prisma, unit, month));
      },
    },
    dasinhhoat: {
      scope: "own-unit",
      roles: ["secretary"],
      async run(ctx) {
        const units = secretaryUnits(ctx);
        if (!units.length) return ctx.reply(T.notSecretary);
        const args = ctx.args.trim();
        const month = currentMonth(ctx);
        const choose = (mode: "steps" | "line" | "fix", line = "") =>
          ctx.reply(T.chooseBranch, units.map((u) => ({ label: u.name, action: "guides.reportFor", args: { unitId: u.id, mode, line } })));
        if (USAGE.test(args)) return ctx.reply(reportUsage(month));
        if (!args || FIX.test(args.normalize("NFC"))) {
          const mode = args ? "fix" : "steps";
          return units.length === 1 ? startReport(ctx, units[0]!, month, mode) : choose(mode);
        }
        if (args.includes("|")) {
          if (args.length > MAX_LINE) return ctx.reply(T.noteTooLong(MAX_LINE));
          return units.length === 1 ? startReport(ctx, units[0]!, month, "line", args) : choose("line", args);
        }
        const p = parseConfirm(args);
        if (!p.ok) {
          if (p.reason === "usage") return ctx.reply(reportUsage(month));
          if (p.reason === "note") return ctx.reply(T.noteTooLong(MAX_REPORT_NOTE));
          return ctx.reply(T.badAttendees(MAX_ATTENDEES));
        }
        const photo = ctx.in.photo ? ctx.in.photo.slice(0, MAX_PHOTO_REF) : null;
        if (units.length === 1) return doConfirm(ctx, units[0]!, p.attendees, p.note, photo);
        ctx.reply(
          T.chooseBranch,
          units.map((u) => ({ label: u.name, action: "guides.confirm", args: { unitId: u.id, attendees: p.attendees, note: p.note, photo } })),
        );
      },
    },
    ghichu: {
      scope: "own-subtree",
      roles: ["cadre", "admin"],
      async run(ctx) {
        const units = upperUnits(ctx);
        if (!units.length) return ctx.reply(T.notCadreOfUnit);
        const parsed = parseNoteArgs(ctx.args);
        if (!parsed || !parsed.text) return ctx.reply(T.noteUsage);
        const month = resolveMonth(parsed.month, ctx.s.clock.now());
        if (!month) return ctx.reply(T.badMonth);
        const diff = monthDiff(currentMonth(ctx), month);
        if (diff < 0) return ctx.reply(T.pastMonth);
        if (diff > 12) return ctx.reply(T.tooFar);
        if (parsed.text.length > MAX_NOTE) return ctx.reply(T.noteTextTooLong(MAX_NOTE));
        if (units.length === 1) return doNote(ctx, units[0]!, month, parsed.text);
        ctx.reply(
          T.chooseNoteUnit,
          units.map((u) => ({ label: u.name, action: "guides.note", args: { unitId: u.id, month, text: parsed.text } })),
        );
      },
    },
    sinhhoat: {
      scope: "own-subtree",
      roles: ["cadre", "admin"],
      async run(ctx) {
        const unit = upperUnits(ctx)[0] ?? ctx.withRole("cadre", "admin")[0]?.unit;
        if (!unit) return ctx.reply(T.notCadre);
        let month = currentMonth(ctx);
        let code: string | null = null;
        for (const part of ctx.args.split(/\s+/).filter(Boolean)) {
          const m = resolveMonth(part, ctx.s.clock.now());
          if (m) month = m;
          else if (!code && /^[A-Za-z0-9_.-]{1,40}$/.test(part)) code = part;
          else return ctx.reply(T.completionUsage);
        }
        if (code) return showBranchReport(ctx, upperUnits(ctx), code, month);
        await showCompletion(ctx, unit, month);
      },
    },
  },
  actions: {
    "guides.reportFor": {
      roles: ["secretary"],
      run: action(ReportForArgs, async (ctx, a) => {
        const unit = secretaryUnits(ctx).find((u) => u.id === a.unitId);
        if (!unit) return ctx.reply(coreText.choiceExpired);
        await startReport(ctx, unit, currentMonth(ctx), a.mode, a.line);
      }),
    },
    [`${REPORT_FLOW}.pick`]: { roles: ["secretary"], run: pickHandler("report") },
    [`${FIX_FLOW}.pick`]: { roles: ["secretary"], run: pickHandler("fix") },
    "guides.confirm": {
      roles: ["secretary"],
      run: action(ConfirmArgs, async (ctx, a) => {
        const unit = secretaryUnits(ctx).find((u) => u.id === a.unitId);
        const tooLong = (a.note?.length ?? 0) > MAX_REPORT_NOTE || (a.photo?.length ?? 0) > MAX_PHOTO_REF;
        if (!unit || a.attendees > MAX_ATTENDEES || tooLong) return ctx.reply(coreText.choiceExpired);
        await doConfirm(ctx, unit, a.attendees, a.note, a.photo);
      }),
    },
    "guides.note": {
      roles: ["cadre", "admin"],
      run: action(NoteArgs, async (ctx, a) => {
        const unit = isUpperCadreOf(ctx, a.unitId);
        const diff = monthDiff(currentMonth(ctx), a.month);
        if (!unit || a.text.length > MAX_NOTE || diff < 0 || diff > 12) return ctx.reply(coreText.choiceExpired);
        await doNote(ctx, unit, a.month, a.text);
      }),
    },
    "guides.adapt": {
      roles: ["cadre", "admin"],
      run: action(AdaptArgs, async (ctx, a) => {
        const unit = isUpperCadreOf(ctx, a.unitId);
        if (!unit) return ctx.reply(coreText.choiceExpired);
        if (!ctx.s.llm) return ctx.reply(T.adaptUnavailable);
        const input = await adaptationInput(ctx.s.prisma, unit, a.month);
        const draft = await ctx.s.llm.adaptGuide(input.guide, input.notes);
        if (!draft || draft.length > MAX_ADAPTED) return ctx.reply(T.adaptUnavailable);
        ctx.reply(T.adaptDraft(a.month, draft), [
          { label: T.adaptApprove, action: "guides.approve", args: { unitId: unit.id, month: a.month, text: draft } },
          { label: T.adaptReject, action: "guides.reject", args: {} },
        ]);
      }),
    },
    "guides.approve": {
      roles: ["cadre", "admin"],
      run: action(ApproveArgs, async (ctx, a) => {
        const unit = isUpperCadreOf(ctx, a.unitId);
        if (!unit || a.text.length > MAX_ADAPTED) return ctx.reply(coreText.choiceExpired);
        await approveAdaptation(ctx.s.prisma, unit.id, a.month, a.text, ctx.person!.id, ctx.s.clock.now());
        await ctx.audit("guides.adapt.approve", "unit", unit.id, a.month);
        ctx.reply(T.adaptApproved(unit.name, a.month));
      }),
    },
    "guides.reject": { roles: ["cadre", "admin"], run: async (ctx) => ctx.reply(T.adaptRejected) },
  },
  flows: { [REPORT_FLOW]: flowHandler("report"), [FIX_FLOW]: flowHandler("fix") },
  jobs: {
    [JOB_DISPATCH]: job(JOB_DISPATCH, MonthPayload, (s, p) => dispatchMonth(s, p.month)),
    [JOB_REMIND]: job(JOB_REMIND, MonthPayload, (s, p) => remindMonth(s, p.month)),
    [JOB_NOTE_UPDATE]: job(JOB_NOTE_UPDATE, NotePayload, (s, p) => sendNoteUpdate(s, p.noteId)),
  },
  async init(s) {
    // a bad schedule is a configuration error at start, not a log line every tick
    for (const key of ["GUIDE_CRON", "GUIDE_REMINDER_CRON"] as const) {
      if (!validCron(s.config[key])) throw new Error(`${key}: invalid cron expression (minute hour day month weekday, e.g. "30 7 1 * *")`);
    }
  },
  ticks: [
    { name: "dispatch", cron: (c) => c.GUIDE_CRON, run: dispatchTick },
    { name: "reminder", cron: (c) => c.GUIDE_REMINDER_CRON, run: remindTick },
    // a secretary who joins after the month's guide went out gets it too
    { name: "latecomers", cron: "*/10 * * * *", run: latecomersTick },
  ],
};
