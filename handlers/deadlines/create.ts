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
import { anyWord } from "../../bot/core/words.ts";

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
  return T.confirm(d.title, formatDue(new Date(d.due)), d.details, names, r.units.length, d.remind ?? DEFAULT_REMIND_DAYS, ctx.s.config.DEADLINE_REMIND_HOUR);
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
  ],
  confirm: {
    summary: summaryOf,
    submit: T.btnCreate,
    cancel: T.btnCancel,
    edits: [{ label: T.btnChangeRemind, field: "remind" }],
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
    });
    await ctx.audit("task.create", "task", id, `${r.units.length} units`);
    ctx.reply(T.created(id, d.title, formatDue(due), r.units.length, remind, ctx.s.config.DEADLINE_REMIND_HOUR));
    // the notice to the units goes now; its job (already queued) finds it sent and does nothing
    await runNotify(ctx.s, { taskId: id });
  },
  // `/giaoviec <dd/mm/yyyy> | <tiêu đề> | <chi tiết> [| mã,...] [| nhắc 7,3,1,0]`
  line: {
    usage: T.usage,
    fields: ["due", "title", "details", "remind", "target"],
    arrange(parts) {
      const [due = "", title = "", details = "", ...rest] = parts;
      const codes: string[] = [];
      let remind = "";
      for (const part of rest) {
        const m = REMIND.exec(part.normalize("NFC"));
        if (m) remind = m[1] || "-";
        else if (part) codes.push(...splitCodes(part));
      }
      return { due, title, details, remind, target: codes.join(",") };
    },
  },
});
