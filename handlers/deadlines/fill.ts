/**
 * Completing a task that asks for a report (`/giaoviec … | mục: …`) or a file (`| kèm tệp`):
 * `/hoanthanh <số>` asks the fields one by one (or `/hoanthanh <số> a | b | c` in one line), then
 * marks the unit's assignment done with the answers and the file; figures that name an
 * indicator feed it (source `task:<taskId>:<unitId>`, the month of the due date).
 */
import { z } from "zod";
import { refsJson } from "../../bot/core/attachments.ts";
import type { Ctx } from "../../bot/core/context.ts";
import { defineForm, delegatesToForm, type Form, type Json } from "../../bot/core/forms.ts";
import { monthKey, formatDateTime } from "../../bot/core/time.ts";
import type { AttachmentRef } from "../../bot/core/types.ts";
import { deadlinesMoreText as M, deadlinesText as T } from "../../prompts/vi/deadlines.ts";
import { answerLines, answersShape, firstAttachment, formFields, indicatorValues, type Answers, type ReportField } from "../guides/api.ts";
import { recordIndicators } from "../indicators/api.ts";
import { sendAllDone } from "./notices.ts";
import { completeTask, type TaskRow } from "./service.ts";
import { completionFields } from "./taskfields.ts";

export const FILL_FLOW = "dl.fill";

function example(defs: ReportField[]): string {
  return defs
    .map((f) => (f.type === "number" ? "12" : f.type === "yesno" ? "có" : f.type === "choice" ? f.options[0]!.label : f.type === "text" ? "…" : "-"))
    .join(" | ");
}

function fillForm(task: TaskRow): Form {
  const defs = completionFields(task);
  return defineForm({
    name: FILL_FLOW,
    roles: ["secretary", "cadre"],
    schema: z.object({ taskId: z.number().int().positive(), unitId: z.number().int().positive(), ...answersShape(defs) }) as z.ZodObject<Record<string, z.ZodType>>,
    lost: M.fillLost,
    fields: formFields(defs),
    async submit(ctx, d) {
      const answers: Answers = {};
      for (const f of defs) if (d[f.key] !== undefined) answers[f.key] = d[f.key] as Json;
      await finish(ctx, task, d.unitId as number, defs, answers);
    },
    line: {
      usage: M.fillUsage(task.id, example(defs)),
      fields: defs.map((f) => f.key),
      countError: M.fillCount(defs.length),
    },
  });
}

async function finish(ctx: Ctx, task: TaskRow, unitId: number, defs: ReportField[], answers: Answers): Promise<void> {
  const file = firstAttachment(defs, answers);
  const r = await completeTask(ctx.s, {
    personId: ctx.person!.id,
    myUnitIds: [unitId],
    taskId: task.id,
    unitId,
    note: null,
    answers: defs.length ? JSON.stringify(answers) : null,
    file: file ? refsJson([file]) : null,
  });
  if (r.kind === "unknown") return ctx.reply(T.unknownTask(task.id));
  if (r.kind === "notYours") return ctx.reply(T.notYourTask(task.id));
  if (r.kind === "already") return ctx.reply(T.alreadyDone(task.id, r.unitName, formatDateTime(r.doneAt)));
  await ctx.audit("task.done", "task", task.id, r.unitName);
  const figures = indicatorValues(defs, answers);
  if (Object.keys(figures).length) {
    await recordIndicators(ctx.s.prisma, { source: `task:${task.id}:${unitId}`, unitId, period: monthKey(task.dueAt), values: figures, at: ctx.s.clock.now() });
  }
  const lines = [T.done(task.id, r.task.title, r.unitName, r.onTime)];
  if (defs.length) lines.push(M.answersTitle, ...answerLines(defs, answers));
  ctx.reply(lines.join("\n"));
  if (r.allDone !== null) await sendAllDone(ctx.s, r.task, r.allDone);
}

/** The unit of mine whose assignment of the task is still open (or the named one). */
async function myOpenUnit(ctx: Ctx, taskId: number, myUnitIds: number[], unitId?: number): Promise<number | null> {
  const ids = unitId !== undefined ? myUnitIds.filter((u) => u === unitId) : myUnitIds;
  if (!ids.length) return null;
  const a = await ctx.s.prisma.taskAssignment.findFirst({ where: { taskId, unitId: { in: ids } }, orderBy: [{ doneAt: { sort: "asc", nulls: "first" } }, { id: "asc" }] });
  return a?.unitId ?? null;
}

/**
 * `/hoanthanh <id> [text]` for a task with fields or a file: the form (steps, or one line when
 * the text has "|"). Returns false when the task asks for nothing (the plain completion answers).
 */
export async function startFill(ctx: Ctx, task: TaskRow, myUnitIds: number[], rest: string, unitId?: number): Promise<boolean> {
  const defs = completionFields(task);
  if (!defs.length) return false;
  const unit = await myOpenUnit(ctx, task.id, myUnitIds, unitId);
  if (unit === null) {
    ctx.reply(T.notYourTask(task.id));
    return true;
  }
  const done = await ctx.s.prisma.taskAssignment.findUnique({ where: { taskId_unitId: { taskId: task.id, unitId: unit } } });
  if (done?.doneAt) {
    const name = (await ctx.s.prisma.unit.findUnique({ where: { id: unit } }))?.name ?? "";
    ctx.reply(T.alreadyDone(task.id, name, formatDateTime(done.doneAt)));
    return true;
  }
  const seed = { taskId: task.id, unitId: unit };
  const form = fillForm(task);
  if (rest.includes("|") || (defs.length === 1 && (rest || ctx.in.photo || ctx.in.document))) return form.fromLine(ctx, rest, seed).then(() => true);
  const name = (await ctx.s.prisma.unit.findUnique({ where: { id: unit } }))?.name ?? "";
  ctx.reply(M.fillStart(task.id, task.title, name, defs.length));
  await form.begin(ctx, undefined, seed);
  return true;
}

const taskOfFlow = async (ctx: Ctx): Promise<TaskRow | null> => {
  const d = (ctx.flow?.data as { draft?: { taskId?: unknown } } | undefined)?.draft;
  return typeof d?.taskId === "number" ? ctx.s.prisma.task.findUnique({ where: { id: d.taskId } }) : null;
};

export const fillFlow = delegatesToForm(async (ctx: Ctx, text: string): Promise<void> => {
  const task = await taskOfFlow(ctx);
  if (!task) {
    await ctx.clearFlow();
    return ctx.reply(M.fillLost);
  }
  await fillForm(task).onText(ctx, text);
});

export async function fillPick(ctx: Ctx, args: Record<string, string | number | boolean | null>): Promise<void> {
  const task = await taskOfFlow(ctx);
  if (!task) return ctx.reply(M.fillLost);
  await fillForm(task).actions[`${FILL_FLOW}.pick`]!.run(ctx, args);
}

/** A file sent with a plain `/hoanthanh` (a task that does not require one): kept with the completion. */
export function fileOf(refs: AttachmentRef[]): string | null {
  return refs.length ? refsJson(refs) : null;
}
