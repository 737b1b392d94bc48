/** `/nhacviec` (my units' open tasks, the tasks I gave, one task's detail) and `/hoanthanh`. */
import type { Ctx } from "../../bot/core/context.ts";
import { formatDateTime } from "../../bot/core/time.ts";
import type { Choice } from "../../bot/core/types.ts";
import { isInSubtree } from "../../bot/domain/org.ts";
import { daysLeftText, deadlinesMoreText as M, deadlinesText as T } from "../../prompts/vi/deadlines.ts";
import { sendAllDone } from "./notices.ts";
import { daysLeft, formatDue } from "./rules.ts";
import { completeTask, doneRecently, givenBy, openForUnits, taskDetail } from "./service.ts";
import { assigneeUnitIds } from "./units.ts";
import { describeRecurrence } from "./recur.ts";
import { completionFields } from "./taskfields.ts";
import { answerLines } from "../guides/api.ts";

function answersOf(json: string): Record<string, unknown> {
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const DONE_BUTTONS = 8;
const DETAIL_LINES = 30;
const RECENT_DAYS = 30;

export async function overview(ctx: Ctx): Promise<void> {
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
    const recent = await doneRecently(ctx.s.prisma, myUnits, new Date(now.getTime() - RECENT_DAYS * 86_400_000));
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
}

/** A task's detail: everything for its giver and the levels above, my own units' part for an assignee. */
export async function showDetail(ctx: Ctx, id: number): Promise<void> {
  const d = await taskDetail(ctx.s.prisma, id);
  if (!d) return ctx.reply(T.unknownTask(id));
  const now = ctx.s.clock.now();
  const { task, from, assignments } = d;
  const full = task.createdById === ctx.person!.id || (from !== null && ctx.withRole("cadre", "admin").some((m) => isInSubtree(from.path, m.unit.path)));
  // an admin follows the tasks given to their own unit too (they do not report them: /hoanthanh)
  const mine = new Set([...assigneeUnitIds(ctx), ...ctx.withRole("admin").map((m) => m.unitId)]);
  const shown = full ? assignments : assignments.filter((a) => mine.has(a.unitId));
  if (!shown.length) return ctx.reply(T.notVisible(id));
  const done = assignments.filter((a) => a.doneAt !== null);
  const lines = [T.detail(id, task.title, formatDue(task.dueAt), from?.name ?? "", task.details, done.length, assignments.length)];
  const recur = describeRecurrence(task.recurrence);
  if (recur) lines.push(M.recurLine(recur), ...(full ? [M.stopHint(id)] : []));
  const defs = completionFields(task);
  if (defs.length) lines.push(M.fieldsLine(defs.map((f) => f.label)));
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
      // the unit's report, when the task asked for one
      if (defs.length && a.answers) lines.push(...answerLines(defs, answersOf(a.answers)).map((l) => `   ${l}`));
    }
    if (shownDone.length > DETAIL_LINES) lines.push(T.detailMore(shownDone.length - DETAIL_LINES));
  }
  const choices = pending
    .filter((a) => mine.has(a.unitId))
    .slice(0, 1)
    .map((a) => ({ label: T.btnDone(id), action: "dl.done", args: { taskId: id, unitId: a.unitId } }));
  ctx.reply(lines.join("\n"), choices);
}

/** A unit reports a task done (by command, or by the button of one of its notices). */
export async function doComplete(ctx: Ctx, taskId: number, unitId: number | undefined, note: string | null, file: string | null = null): Promise<void> {
  const r = await completeTask(ctx.s, { personId: ctx.person!.id, myUnitIds: assigneeUnitIds(ctx), taskId, unitId, note, file });
  switch (r.kind) {
    case "unknown":
      return ctx.reply(T.unknownTask(taskId));
    case "notYours":
      return ctx.reply(T.notYourTask(taskId));
    case "already":
      return ctx.reply(T.alreadyDone(taskId, r.unitName, formatDateTime(r.doneAt)));
    case "done":
      await ctx.audit("task.done", "task", taskId, r.unitName);
      ctx.reply(file ? `${T.done(taskId, r.task.title, r.unitName, r.onTime)}\n${M.fileSaved}` : T.done(taskId, r.task.title, r.unitName, r.onTime));
      if (r.allDone !== null) await sendAllDone(ctx.s, r.task, r.allDone);
  }
}
