import { idAndRest, nonce, pipeFields } from "../../bot/core/args.ts";
import type { Ctx, Feature, UnitView } from "../../bot/core/context.ts";
import type { Choice } from "../../bot/core/types.ts";
import { formatDateTime } from "../../bot/core/time.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { daysLeftText, deadlinesText as T } from "../../prompts/vi/deadlines.ts";
import { isInSubtree } from "../../bot/domain/org.ts";
import { REPORTS } from "../reports.ts";
import { deadlinesReport } from "./report.ts";
import {
  DEFAULT_REMIND_DAYS,
  JOB_NOTIFY,
  JOB_OVERDUE,
  JOB_REMIND,
  MAX_CODES,
  MAX_DETAILS,
  MAX_NOTE,
  MAX_TITLE,
  branchesUnder,
  childrenOf,
  completeTask,
  createTask,
  daysLeft,
  doneRecently,
  formatDue,
  givenBy,
  openForUnits,
  parseDue,
  parseRemindDays,
  resolveCodes,
  runNotify,
  runOverdue,
  runRemind,
  taskDetail,
  validateDue,
  type TargetResult,
} from "./service.ts";

REPORTS.deadlines = deadlinesReport;

const FLOW_NEW = "dl.new";
const DONE_BUTTONS = 8;
const DETAIL_LINES = 30;
const SUMMARY_UNITS = 10;

type Step = "title" | "due" | "details" | "target" | "codes" | "remind" | "confirm";
type TargetMode = "branches" | "children" | "codes";

interface NewState {
  step: Step;
  nonce: string;
  title?: string;
  due?: number;
  details?: string;
  remind?: number[];
  mode?: TargetMode;
  rootId?: number;
  unitIds?: number[];
}




function giverUnits(ctx: Ctx): UnitView[] {
  const seen = new Map<number, UnitView>();
  for (const m of ctx.withRole("cadre", "admin")) seen.set(m.unit.id, m.unit);
  return [...seen.values()];
}

/** Units whose tasks this person answers for (exact units where they are secretary or cadre). */
function assigneeUnitIds(ctx: Ctx): number[] {
  return [...new Set(ctx.withRole("secretary", "cadre").map((m) => m.unitId))];
}

function stateOf(ctx: Ctx): NewState | null {
  if (ctx.flow?.name !== FLOW_NEW) return null;
  return ctx.flow.data as unknown as NewState;
}

async function saveState(ctx: Ctx, st: NewState): Promise<void> {
  await ctx.setFlow(FLOW_NEW, st as unknown as Record<string, unknown>);
}

function targetError(r: Extract<TargetResult, { ok: false }>): string {
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

/** The target units of a mode, re-checked against the giver's current units. */
async function targetsOf(ctx: Ctx, mode: TargetMode, rootId: number | undefined, unitIds: number[] | undefined): Promise<TargetResult> {
  const givers = giverUnits(ctx);
  if (mode === "codes") {
    const units = unitIds?.length ? await ctx.s.prisma.unit.findMany({ where: { id: { in: unitIds } } }) : [];
    return resolveCodes(ctx.s.prisma, givers, units.map((u) => u.code));
  }
  const root = givers.find((g) => g.id === rootId);
  if (!root) return { ok: false, reason: "noUnits" };
  const units = mode === "branches" ? await branchesUnder(ctx.s.prisma, root) : await childrenOf(ctx.s.prisma, root);
  if (!units.length) return { ok: false, reason: "noUnits" };
  return { ok: true, root, units };
}

async function askTarget(ctx: Ctx, st: NewState): Promise<void> {
  const choices: Choice[] = [];
  for (const g of giverUnits(ctx).slice(0, 4)) {
    const [branches, children] = await Promise.all([branchesUnder(ctx.s.prisma, g), childrenOf(ctx.s.prisma, g)]);
    if (branches.length) choices.push({ label: T.targetAllBranches(g.name, branches.length), action: "dl.target", args: { nonce: st.nonce, mode: "branches", rootId: g.id } });
    const sameAsBranches = children.length === branches.length && children.every((c) => c.isBranch);
    if (children.length && !sameAsBranches) {
      choices.push({ label: T.targetDirect(g.name, children.length), action: "dl.target", args: { nonce: st.nonce, mode: "children", rootId: g.id } });
    }
  }
  choices.push({ label: T.targetCodes, action: "dl.target", args: { nonce: st.nonce, mode: "codes", rootId: null } });
  await saveState(ctx, { ...st, step: "target" });
  ctx.reply(T.askTarget, choices);
}

async function askConfirm(ctx: Ctx, st: NewState, units: UnitView[]): Promise<void> {
  await saveState(ctx, { ...st, step: "confirm" });
  const plan = st.remind ?? DEFAULT_REMIND_DAYS;
  ctx.reply(
    T.confirm(st.title ?? "", formatDue(new Date(st.due ?? 0)), st.details ?? "", units.slice(0, SUMMARY_UNITS).map((u) => u.name), units.length, plan, ctx.s.config.DEADLINE_REMIND_HOUR),
    [
      { label: T.btnCreate, action: "dl.create", args: { nonce: st.nonce } },
      { label: T.btnChangeRemind, action: "dl.remind", args: { nonce: st.nonce } },
      { label: T.btnCancel, action: "dl.cancel", args: { nonce: st.nonce } },
    ],
  );
}

async function finish(ctx: Ctx, input: { root: UnitView; units: UnitView[]; title: string; details: string; due: Date; remind: number[] }): Promise<void> {
  const { id } = await createTask(ctx.s, {
    createdById: ctx.person!.id,
    root: input.root,
    title: input.title,
    details: input.details,
    dueAt: input.due,
    remindDays: input.remind,
    unitIds: input.units.map((u) => u.id),
  });
  await ctx.audit("task.create", "task", id, `${input.units.length} units`);
  ctx.reply(T.created(id, input.title, formatDue(input.due), input.units.length, input.remind, ctx.s.config.DEADLINE_REMIND_HOUR));
  // the notice to the units goes now; its job (already queued) finds it sent and does nothing
  await runNotify(ctx.s, { taskId: id });
}

function checkTitle(title: string): string | null {
  return title.length < 3 || title.length > MAX_TITLE ? T.titleBad(MAX_TITLE) : null;
}

function checkDue(ctx: Ctx, raw: string): { due: Date } | { error: string } {
  const due = parseDue(raw);
  if (!due) return { error: T.dueBad };
  const bad = validateDue(ctx.s.clock.now(), due);
  if (bad) return { error: bad === "past" ? T.duePast : T.dueTooFar };
  return { due };
}

/** `/giaoviec <dd/mm/yyyy> | <tiêu đề> | <chi tiết> [| mã,...] [| nhắc 7,3,1,0]` in one go. */
async function oneLine(ctx: Ctx): Promise<void> {
  const parts = pipeFields(ctx.args);
  const [dueRaw = "", title = "", detailsRaw = "", ...rest] = parts;
  const d = checkDue(ctx, dueRaw);
  if ("error" in d) return ctx.reply(d.error + "\n\n" + T.usage);
  const titleErr = checkTitle(title);
  if (titleErr) return ctx.reply(titleErr + "\n\n" + T.usage);
  const details = detailsRaw === "-" ? "" : detailsRaw;
  if (details.length > MAX_DETAILS) return ctx.reply(T.detailsTooLong(MAX_DETAILS));
  let remind = DEFAULT_REMIND_DAYS;
  let codes: string[] | null = null;
  for (const part of rest) {
    const m = /^nhắc\s*:?\s*(.*)$/iu.exec(part.normalize("NFC"));
    if (m) {
      const r = parseRemindDays(m[1] ?? "");
      if (!r) return ctx.reply(T.remindBad);
      remind = r;
    } else if (part) codes = [...(codes ?? []), ...part.split(/[,\s;]+/).filter(Boolean)];
  }
  let target: TargetResult;
  if (codes) target = await resolveCodes(ctx.s.prisma, giverUnits(ctx), codes);
  else {
    const root = giverUnits(ctx)[0];
    target = root ? await targetsOf(ctx, "branches", root.id, undefined) : { ok: false, reason: "noUnits" };
  }
  if (!target.ok) return ctx.reply(targetError(target));
  await finish(ctx, { root: target.root, units: target.units, title, details, due: d.due, remind });
}

function flowGuard(ctx: Ctx, args: Record<string, unknown>, step?: Step): NewState | null {
  const st = stateOf(ctx);
  if (!st || st.nonce !== args.nonce || (step && st.step !== step)) return null;
  return st;
}

async function showDetail(ctx: Ctx, id: number): Promise<void> {
  const d = await taskDetail(ctx.s.prisma, id);
  if (!d) return ctx.reply(T.unknownTask(id));
  const now = ctx.s.clock.now();
  const { task, from, assignments } = d;
  const full =
    task.createdById === ctx.person!.id || (from !== null && ctx.withRole("cadre", "admin").some((m) => isInSubtree(from.path, m.unit.path)));
  const mine = new Set(assigneeUnitIds(ctx));
  const shown = full ? assignments : assignments.filter((a) => mine.has(a.unitId));
  if (!shown.length) return ctx.reply(T.notVisible(id));
  const done = assignments.filter((a) => a.doneAt !== null);
  const lines = [T.detail(id, task.title, formatDue(task.dueAt), from?.name ?? "", task.details, done.length, assignments.length)];
  const pending = shown.filter((a) => a.doneAt === null);
  const left = daysLeft(now, task.dueAt);
  if (pending.length) {
    lines.push("", T.detailPending);
    for (const a of pending.slice(0, DETAIL_LINES)) lines.push(T.detailPendingLine(a.unit.name, a.unit.code, daysLeftText(left)));
    if (pending.length > DETAIL_LINES) lines.push(T.detailMore(pending.length - DETAIL_LINES));
  }
  const shownDone = shown.filter((a) => a.doneAt !== null);
  if (shownDone.length) {
    lines.push("", T.detailDone);
    for (const a of shownDone.slice(0, DETAIL_LINES)) {
      lines.push(T.detailDoneLine(a.unit.name, formatDateTime(a.doneAt!), a.doneAt!.getTime() <= task.dueAt.getTime(), a.note));
    }
    if (shownDone.length > DETAIL_LINES) lines.push(T.detailMore(shownDone.length - DETAIL_LINES));
  }
  const choices = pending.filter((a) => mine.has(a.unitId)).slice(0, 1).map((a) => ({ label: T.btnDone(id), action: "dl.done", args: { taskId: id, unitId: a.unitId } }));
  ctx.reply(lines.join("\n"), choices);
}

async function doComplete(ctx: Ctx, taskId: number, unitId: number | undefined, note: string | null): Promise<void> {
  const r = await completeTask(ctx.s, { personId: ctx.person!.id, myUnitIds: assigneeUnitIds(ctx), taskId, unitId, note });
  switch (r.kind) {
    case "unknown":
      return ctx.reply(T.unknownTask(taskId));
    case "notYours":
      return ctx.reply(T.notYourTask(taskId));
    case "already":
      return ctx.reply(T.alreadyDone(taskId, r.unitName, formatDateTime(r.doneAt)));
    case "done":
      await ctx.audit("task.done", "task", taskId, r.unitName);
      return ctx.reply(T.done(taskId, r.title, r.unitName, r.onTime));
  }
}

export const deadlines: Feature = {
  name: "deadlines",
  commands: {
    giaoviec: {
      roles: ["cadre", "admin"],
      async run(ctx) {
        const args = ctx.args.trim();
        if (args === "?" || /^(help|huongdan|hướng dẫn)$/iu.test(args)) return ctx.reply(T.usage);
        if (args.includes("|")) return oneLine(ctx);
        const st: NewState = { step: "title", nonce: nonce() };
        if (args) {
          const err = checkTitle(args);
          if (err) return ctx.reply(err);
          await saveState(ctx, { ...st, step: "due", title: args });
          return ctx.reply(T.askDue);
        }
        await saveState(ctx, st);
        ctx.reply(T.askTitle);
      },
    },
    nhacviec: {
      roles: ["secretary", "cadre", "admin"],
      async run(ctx) {
        const { id } = idAndRest(ctx.args);
        if (ctx.args.trim()) {
          if (id === null) return ctx.reply(T.doneUsage);
          return showDetail(ctx, id);
        }
        const now = ctx.s.clock.now();
        const lines: string[] = [];
        const choices: Choice[] = [];
        const myUnits = assigneeUnitIds(ctx);
        if (myUnits.length) {
          const open = await openForUnits(ctx.s.prisma, myUnits);
          const several = myUnits.length > 1;
          if (open.length) {
            lines.push(T.mineHeader);
            for (const o of open) lines.push(T.mineLine(o.taskId, o.title, formatDue(o.dueAt), daysLeft(now, o.dueAt), several ? o.unitName : null));
            for (const o of open.slice(0, DONE_BUTTONS)) choices.push({ label: T.btnDone(o.taskId), action: "dl.done", args: { taskId: o.taskId, unitId: o.unitId } });
            lines.push("", T.footerSecretary);
          } else lines.push(T.mineNone);
          const recent = await doneRecently(ctx.s.prisma, myUnits, new Date(now.getTime() - 30 * 86_400_000));
          if (recent) lines.push(T.mineDoneRecently(recent));
        }
        if (ctx.hasRole("cadre", "admin")) {
          const given = await givenBy(ctx.s.prisma, ctx.person!.id, now);
          if (lines.length) lines.push("");
          if (given.length) {
            lines.push(T.givenHeader);
            for (const g of given) lines.push(T.givenLine(g.id, g.title, formatDue(g.dueAt), g.done, g.total, g.overdue));
            lines.push("", T.footerCadre);
          } else lines.push(T.givenNone);
        }
        ctx.reply(lines.join("\n"), choices);
      },
    },
    hoanthanh: {
      roles: ["secretary", "cadre"],
      async run(ctx) {
        const { id, rest } = idAndRest(ctx.args);
        if (id === null) return ctx.reply(T.doneUsage);
        if (rest.length > MAX_NOTE) return ctx.reply(T.noteTooLong(MAX_NOTE));
        await doComplete(ctx, id, undefined, rest || null);
      },
    },
  },
  actions: {
    "dl.done": {
      roles: ["secretary", "cadre"],
      async run(ctx, a) {
        const taskId = Number(a.taskId);
        const unitId = Number(a.unitId);
        if (!Number.isInteger(taskId) || !Number.isInteger(unitId)) return ctx.reply(coreText.choiceExpired);
        await doComplete(ctx, taskId, unitId, null);
      },
    },
    "dl.target": {
      roles: ["cadre", "admin"],
      async run(ctx, a) {
        const st = flowGuard(ctx, a, "target");
        if (!st) return ctx.reply(T.flowLost);
        const mode = a.mode as TargetMode;
        if (mode === "codes") {
          await saveState(ctx, { ...st, step: "codes", mode });
          const examples = (await childrenOf(ctx.s.prisma, giverUnits(ctx)[0]!)).slice(0, 3).map((u) => u.code);
          return ctx.reply(T.askCodes(examples.join(",") || "CD-01,CD-02"));
        }
        if (mode !== "branches" && mode !== "children") return ctx.reply(coreText.choiceExpired);
        const rootId = Number(a.rootId);
        const r = await targetsOf(ctx, mode, rootId, undefined);
        if (!r.ok) return ctx.reply(targetError(r));
        await askConfirm(ctx, { ...st, mode, rootId, unitIds: undefined }, r.units);
      },
    },
    "dl.remind": {
      roles: ["cadre", "admin"],
      async run(ctx, a) {
        const st = flowGuard(ctx, a, "confirm");
        if (!st) return ctx.reply(T.flowLost);
        await saveState(ctx, { ...st, step: "remind" });
        ctx.reply(T.askRemind);
      },
    },
    "dl.cancel": {
      roles: ["cadre", "admin"],
      async run(ctx, a) {
        if (!flowGuard(ctx, a)) return ctx.reply(T.flowLost);
        await ctx.clearFlow();
        ctx.reply(coreText.cancelled);
      },
    },
    "dl.create": {
      roles: ["cadre", "admin"],
      async run(ctx, a) {
        const st = flowGuard(ctx, a, "confirm");
        if (!st || !st.title || !st.due || !st.mode) return ctx.reply(T.flowLost);
        const due = new Date(st.due);
        const bad = validateDue(ctx.s.clock.now(), due);
        if (bad) {
          await saveState(ctx, { ...st, step: "due" });
          return ctx.reply(bad === "past" ? T.duePast : T.dueTooFar);
        }
        const r = await targetsOf(ctx, st.mode, st.rootId, st.unitIds);
        if (!r.ok) return ctx.reply(targetError(r));
        await ctx.clearFlow();
        await finish(ctx, { root: r.root, units: r.units, title: st.title, details: st.details ?? "", due, remind: st.remind ?? DEFAULT_REMIND_DAYS });
      },
    },
  },
  flows: {
    async [FLOW_NEW](ctx, text) {
      const st = stateOf(ctx);
      if (!st || !ctx.hasRole("cadre", "admin")) {
        await ctx.clearFlow();
        return ctx.reply(T.flowLost);
      }
      switch (st.step) {
        case "title": {
          const err = checkTitle(text);
          if (err) return ctx.reply(err);
          await saveState(ctx, { ...st, step: "due", title: text });
          return ctx.reply(T.askDue);
        }
        case "due": {
          const d = checkDue(ctx, text);
          if ("error" in d) return ctx.reply(d.error);
          await saveState(ctx, { ...st, step: "details", due: d.due.getTime() });
          return ctx.reply(T.askDetails);
        }
        case "details": {
          const details = text === "-" ? "" : text;
          if (details.length > MAX_DETAILS) return ctx.reply(T.detailsTooLong(MAX_DETAILS));
          return askTarget(ctx, { ...st, details });
        }
        case "codes": {
          const r = await resolveCodes(ctx.s.prisma, giverUnits(ctx), text.split(/[,\s;]+/));
          if (!r.ok) return ctx.reply(targetError(r));
          return askConfirm(ctx, { ...st, mode: "codes", rootId: r.root.id, unitIds: r.units.map((u) => u.id) }, r.units);
        }
        case "remind": {
          const remind = parseRemindDays(text);
          if (!remind) return ctx.reply(T.remindBad);
          const next = { ...st, remind };
          const r = await targetsOf(ctx, st.mode ?? "branches", st.rootId, st.unitIds);
          if (!r.ok) return ctx.reply(targetError(r));
          return askConfirm(ctx, next, r.units);
        }
        default:
          // waiting for a button: repeat the question
          if (st.step === "target") return askTarget(ctx, st);
          {
            const r = await targetsOf(ctx, st.mode ?? "branches", st.rootId, st.unitIds);
            if (!r.ok) return ctx.reply(targetError(r));
            return askConfirm(ctx, st, r.units);
          }
      }
    },
  },
  jobs: {
    [JOB_NOTIFY]: runNotify,
    [JOB_REMIND]: runRemind,
    [JOB_OVERDUE]: runOverdue,
  },
};
