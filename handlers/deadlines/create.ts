/** `/giaoviec`: a task as a form — step by step (target chosen by buttons) with a confirmation, or in one line. */
import { z } from "zod";
import type { Ctx, UnitView } from "../../bot/core/context.ts";
import { bad, defineForm, ok, type FormChoice, type Parsed } from "../../bot/core/forms.ts";
import { deadlinesText as T } from "../../prompts/vi/deadlines.ts";
import { runNotify } from "./notices.ts";
import { DEFAULT_REMIND_DAYS, MAX_CODES, MAX_DETAILS, MAX_TITLE, formatDue, parseDue, parseRemindDays, validateDue } from "./rules.ts";
import { createTask } from "./service.ts";
import { branchesUnder, childrenOf, resolveCodes, type TargetResult } from "./targets.ts";
import { giverUnits } from "./units.ts";
import { typedWords } from "../../prompts/vi/commands.ts";
import { anyWord, oneOf } from "../../bot/core/words.ts";
import { deadlineWords as W, deadlinesMoreText as M } from "../../prompts/vi/deadlines.ts";
import { parseFieldSpec } from "./taskfields.ts";
import { describeRecurrence, recurrenceFor } from "./recur.ts";

const RECUR = new RegExp(`^(?:${anyWord(W.recur)})\\s*:?\\s*(.*)$`, "iu");
const MONTHLY = oneOf(W.monthly);
const YEARLY = oneOf(W.yearly);
const SPEC = new RegExp(`^(?:${anyWord(W.fields)})\\s*:\\s*(.*)$`, "iu");
const FILE = oneOf(W.file);

/** "nhắc 7,3,1,0" in a one-line /giaoviec: the reminder days. */
const REMIND = new RegExp(`^(?:${anyWord(typedWords.remind)})\\s*:?\\s*(.*)$`, "iu");

/** Units named in the confirmation (the rest are counted). */
const SUMMARY_UNITS = 10;
/** Giver units offered as targets. */
const TARGET_ROOTS = 4;

const unitIds = z.array(z.number().int().positive()).min(1).max(MAX_CODES);
/** All branches or the direct children of a giver's unit, or units by code (their ids once typed). */
const targetSchema = z.object({
  mode: z.enum(["branches", "children", "codes"]),
  rootId: z.number().int().positive().nullable(),
  unitIds: unitIds.optional(),
});
type Target = z.infer<typeof targetSchema>;

const draftSchema = z.object({
  title: z.string().min(3).max(MAX_TITLE),
  /** Epoch milliseconds. */
  due: z.number().int(),
  details: z.string().max(MAX_DETAILS),
  target: targetSchema,
  /** Asked only when "by code" was chosen. */
  codes: z.object({ rootId: z.number().int().positive(), unitIds }).optional(),
  /** Days before the due day; the default plan unless changed. */
  remind: z.array(z.number().int().min(0).max(60)).min(1).max(6).optional(),
  /** "none" | "monthly" | "yearly" (from the due date) */
  recur: z.enum(["none", "monthly", "yearly"]).optional(),
  /** report fields asked on completion (JSON of ReportField[]) */
  spec: z.string().max(20_000).optional(),
  file: z.boolean().optional(),
});
type Draft = z.infer<typeof draftSchema>;

export function targetError(r: Extract<TargetResult, { ok: false }>): string {
  switch (r.reason) {
    case "unknownUnit":
      return T.unknownUnit(r.code);
    case "notInSubtree":
      return T.notInSubtree(r.code);
    case "tooMany":
      return T.tooManyCodes(MAX_CODES);
    default:
      return T.noUnits;
  }
}

const splitCodes = (text: string) => text.split(/[,\s;]+/).filter(Boolean);

/** The target units, re-checked against the giver's current units. */
async function targetsOf(ctx: Ctx, t: Pick<Target, "mode" | "rootId" | "unitIds">): Promise<TargetResult> {
  const givers = giverUnits(ctx);
  if (t.mode === "codes") {
    const units = t.unitIds?.length ? await ctx.s.prisma.unit.findMany({ where: { id: { in: t.unitIds } } }) : [];
    return resolveCodes(ctx.s.prisma, givers, units.map((u) => u.code));
  }
  const root = givers.find((g) => g.id === t.rootId);
  if (!root) return { ok: false, reason: "noUnits" };
  const units = t.mode === "branches" ? await branchesUnder(ctx.s.prisma, root) : await childrenOf(ctx.s.prisma, root);
  return units.length ? { ok: true, root, units } : { ok: false, reason: "noUnits" };
}

const unitsOfDraft = (ctx: Ctx, d: Draft) => targetsOf(ctx, { ...d.target, unitIds: d.target.unitIds ?? d.codes?.unitIds });

/** Typed at the target step (or the one-line field): unit codes, or "-" / nothing for every branch below my unit. */
async function parseTarget(ctx: Ctx, text: string): Promise<Parsed<Target>> {
  if (text === "" || text === "-") {
    const root = giverUnits(ctx)[0];
    const r = root ? await targetsOf(ctx, { mode: "branches", rootId: root.id }) : ({ ok: false, reason: "noUnits" } as const);
    return r.ok ? ok({ mode: "branches", rootId: r.root.id }) : bad(targetError(r));
  }
  const r = await resolveCodes(ctx.s.prisma, giverUnits(ctx), splitCodes(text));
  return r.ok ? ok({ mode: "codes", rootId: r.root.id, unitIds: r.units.map((u) => u.id) }) : bad(targetError(r));
}

async function targetChoices(ctx: Ctx): Promise<FormChoice[]> {
  const choices: FormChoice[] = [];
  for (const g of giverUnits(ctx).slice(0, TARGET_ROOTS)) {
    const [branches, children] = await Promise.all([branchesUnder(ctx.s.prisma, g), childrenOf(ctx.s.prisma, g)]);
    if (branches.length) choices.push({ label: T.targetAllBranches(g.name, branches.length), value: { mode: "branches", rootId: g.id } });
    const sameAsBranches = children.length === branches.length && children.every((c) => c.isBranch);
    if (children.length && !sameAsBranches) choices.push({ label: T.targetDirect(g.name, children.length), value: { mode: "children", rootId: g.id } });
  }
  choices.push({ label: T.targetCodes, value: { mode: "codes", rootId: null } });
  return choices;
}

function parseDueField(ctx: Ctx, text: string): Parsed<number> {
  const due = parseDue(text);
  if (!due) return bad(T.dueBad);
  const wrong = validateDue(ctx.s.clock.now(), due);
  return wrong ? bad(wrong === "past" ? T.duePast : T.dueTooFar) : ok(due.getTime());
}

async function summaryOf(ctx: Ctx, d: Draft): Promise<string> {
  const r = await unitsOfDraft(ctx, d);
  if (!r.ok) return targetError(r);
  const names = r.units.slice(0, SUMMARY_UNITS).map((u: UnitView) => u.name);
  const base = T.confirm(d.title, formatDue(new Date(d.due)), d.details, names, r.units.length, d.remind ?? DEFAULT_REMIND_DAYS, ctx.s.config.DEADLINE_REMIND_HOUR);
  return [base, ...extrasOf(d)].join("\n");
}

/** The lines of a draft's recurrence, report fields and file. */
function extrasOf(d: Draft): string[] {
  const out: string[] = [];
  const recur = d.recur && d.recur !== "none" ? describeRecurrence(recurrenceFor(d.recur, new Date(d.due))) : null;
  if (recur) out.push(M.recurLine(recur));
  const spec = d.spec ? (JSON.parse(d.spec) as { label: string }[]) : [];
  if (spec.length) out.push(M.fieldsLine(spec.map((f) => f.label)));
  if (d.file) out.push(M.fileLine);
  return out;
}

export const taskForm = defineForm({
  name: "dl.new",
  roles: ["cadre", "admin"],
  schema: draftSchema,
  lost: T.flowLost,
  fields: [
    {
      name: "title",
      label: T.fields.title,
      prompt: () => T.askTitle,
      parse: (_ctx, t) => (t.length < 3 || t.length > MAX_TITLE ? bad(T.titleBad(MAX_TITLE)) : ok(t)),
    },
    { name: "due", label: T.fields.due, prompt: () => T.askDue, parse: parseDueField },
    {
      name: "details",
      label: T.fields.details,
      prompt: () => T.askDetails,
      parse: (_ctx, t) => (t.length > MAX_DETAILS ? bad(T.detailsTooLong(MAX_DETAILS)) : ok(t === "-" ? "" : t)),
    },
    { name: "target", label: T.fields.target, prompt: () => T.askTarget, choices: targetChoices, parse: parseTarget },
    {
      name: "codes",
      label: T.fields.codes,
      skip: (d) => !(d.target?.mode === "codes" && !d.target.unitIds),
      async prompt(ctx) {
        const root = giverUnits(ctx)[0];
        const examples = root ? (await childrenOf(ctx.s.prisma, root)).slice(0, 3).map((u) => u.code) : [];
        return T.askCodes(examples.join(",") || "CD-01,CD-02");
      },
      async parse(ctx, text) {
        const r = await resolveCodes(ctx.s.prisma, giverUnits(ctx), splitCodes(text));
        return r.ok ? ok({ rootId: r.root.id, unitIds: r.units.map((u) => u.id) }) : bad(targetError(r));
      },
    },
    {
      // the default plan; changed from the confirmation or with "nhắc …" in one line
      name: "remind",
      label: T.fields.remind,
      skip: () => true,
      prompt: () => T.askRemind,
      parse(_ctx, t) {
        if (t === "") return ok(DEFAULT_REMIND_DAYS);
        const days = parseRemindDays(t);
        return days ? ok(days) : bad(T.remindBad);
      },
    },
    {
      name: "recur",
      label: M.fields.recur,
      skip: () => true,
      prompt: () => M.askRecur,
      choices: (_ctx, d) =>
        d.due === undefined
          ? []
          : [
              { label: M.recurNone, value: "none" },
              { label: describeRecurrence(recurrenceFor("monthly", new Date(d.due)))!, value: "monthly" },
              { label: describeRecurrence(recurrenceFor("yearly", new Date(d.due)))!, value: "yearly" },
            ],
      parse(_ctx, t) {
        if (t === "" || t === "-") return ok("none");
        const n = t.normalize("NFC");
        return MONTHLY.test(n) ? ok("monthly") : YEARLY.test(n) ? ok("yearly") : bad(M.recurBad);
      },
    },
    {
      name: "spec",
      label: M.fields.spec,
      skip: () => true,
      prompt: () => M.askSpec,
      parse(_ctx, t) {
        if (t === "" || t === "-") return ok("[]");
        const r = parseFieldSpec(t);
        return r.ok ? ok(JSON.stringify(r.fields)) : bad(r.error);
      },
    },
    {
      name: "file",
      label: M.fields.file,
      skip: () => true,
      prompt: () => M.askFile,
      choices: () => [
        { label: M.yes, value: true },
        { label: M.no, value: false },
      ],
      parse: (_ctx, t) => ok(t !== "" && t !== "-"),
    },
  ],
  confirm: {
    summary: summaryOf,
    submit: T.btnCreate,
    cancel: T.btnCancel,
    edits: [
      { label: T.btnChangeRemind, field: "remind" },
      { label: M.btnRecur, field: "recur" },
      { label: M.btnFields, field: "spec" },
      { label: M.btnFile, field: "file" },
    ],
  },
  async submit(ctx, d) {
    const due = new Date(d.due);
    const wrong = validateDue(ctx.s.clock.now(), due);
    if (wrong) return { field: "due", error: wrong === "past" ? T.duePast : T.dueTooFar };
    const r = await unitsOfDraft(ctx, d);
    if (!r.ok) return { field: "target", error: targetError(r) };
    const remind = d.remind ?? DEFAULT_REMIND_DAYS;
    const { id } = await createTask(ctx.s, {
      createdById: ctx.person!.id,
      root: r.root,
      title: d.title,
      details: d.details,
      dueAt: due,
      remindDays: remind,
      unitIds: r.units.map((u) => u.id),
      fields: d.spec ?? "[]",
      fileRequired: d.file ?? false,
      recurrence: d.recur && d.recur !== "none" ? recurrenceFor(d.recur, due) : null,
    });
    await ctx.audit("task.create", "task", id, `${r.units.length} units`);
    const stop = d.recur && d.recur !== "none" ? [M.stopHint(id)] : [];
    ctx.reply([T.created(id, d.title, formatDue(due), r.units.length, remind, ctx.s.config.DEADLINE_REMIND_HOUR), ...extrasOf(d), ...stop].join("\n"));
    // the notice to the units goes now; its job (already queued) finds it sent and does nothing
    await runNotify(ctx.s, { taskId: id });
  },
  // `/giaoviec <dd/mm/yyyy> | <tiêu đề> | <chi tiết> [| mã,...] [| nhắc 7,3,1,0]`
  line: {
    usage: `${T.usage}\n${M.usageMore}`,
    fields: ["due", "title", "details", "remind", "target", "recur", "spec", "file"],
    arrange(parts) {
      const [due = "", title = "", details = "", ...rest] = parts;
      const codes: string[] = [];
      let remind = "";
      let recur = "";
      let spec = "";
      let file = "";
      for (const raw of rest) {
        const part = raw.normalize("NFC");
        const m = REMIND.exec(part);
        const r = RECUR.exec(part);
        const s = SPEC.exec(part);
        if (m) remind = m[1] || "-";
        else if (r) recur = r[1] || "?";
        else if (s) spec = s[1] || "-";
        else if (FILE.test(part)) file = "1";
        else if (part) codes.push(...splitCodes(part));
      }
      return { due, title, details, remind, target: codes.join(","), recur, spec, file };
    },
  },
});
