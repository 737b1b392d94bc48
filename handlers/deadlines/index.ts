/** Deadlines given to units: the feature's commands, buttons and jobs (each use case in its own file). */
import { z } from "zod";
import { idAndRest } from "../../bot/core/args.ts";
import type { Feature } from "../../bot/core/context.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { deadlinesText as T } from "../../prompts/vi/deadlines.ts";
import { REPORTS } from "../reports.ts";
import { taskForm } from "./create.ts";
import { runNotify, runOverdue, runRemind } from "./notices.ts";
import { deadlinePersonHooks } from "./person.ts";
import { deadlinesReport } from "./report.ts";
import { MAX_NOTE } from "./rules.ts";
import { JOB_NOTIFY, JOB_OVERDUE, JOB_REMIND } from "./service.ts";
import { doComplete, overview, showDetail } from "./views.ts";
import { JOB_RECUR, runRecur } from "./recur.ts";
import { FILL_FLOW, fileOf, fillFlow, fillPick, startFill } from "./fill.ts";
import { assigneeUnitIds } from "./units.ts";
import { stopSeries } from "./recur.ts";
import { oneOf } from "../../bot/core/words.ts";
import { deadlineWords } from "../../prompts/vi/deadlines.ts";
import { saveIncoming } from "../../bot/core/attachments.ts";

REPORTS.deadlines = deadlinesReport;

const STOP = oneOf(deadlineWords.stop);

/** The "done" button of a notice (checked: a bad one is an expired choice; the unit must be one of mine). */
const doneArgs = z.object({ taskId: z.number().int().positive(), unitId: z.number().int().positive() });

export const deadlines: Feature = {
  name: "deadlines",
  person: deadlinePersonHooks,
  commands: {
    giaoviec: { scope: "own-subtree", roles: ["cadre", "admin"], run: (ctx) => taskForm.command(ctx) },
    nhacviec: {
      scope: "own-subtree",
      roles: ["secretary", "cadre", "admin"],
      async run(ctx) {
        if (!ctx.args.trim()) return overview(ctx);
        const { id, rest } = idAndRest(ctx.args);
        if (id === null) return ctx.reply(T.doneUsage);
        if (rest && STOP.test(rest.normalize("NFC"))) return stopSeries(ctx, id);
        await showDetail(ctx, id);
      },
    },
    hoanthanh: {
      scope: "own-unit",
      roles: ["secretary", "cadre"],
      async run(ctx) {
        const { id, rest } = idAndRest(ctx.args);
        if (id === null) return ctx.reply(T.doneUsage);
        const task = await ctx.s.prisma.task.findUnique({ where: { id } });
        if (task && (await startFill(ctx, task, assigneeUnitIds(ctx), rest))) return;
        if (rest.length > MAX_NOTE) return ctx.reply(T.noteTooLong(MAX_NOTE));
        // a document or photo sent with the command is kept with the completion
        const files = task && (ctx.in.photo || ctx.in.document) ? await saveIncoming(ctx.s.prisma, ctx.s.clock, ctx.in, ctx.person!.id) : [];
        await doComplete(ctx, id, undefined, rest || null, fileOf(files));
      },
    },
  },
  actions: {
    "dl.done": {
      roles: ["secretary", "cadre"],
      async run(ctx, args) {
        const a = doneArgs.safeParse(args);
        if (!a.success) return ctx.reply(coreText.choiceExpired);
        const task = await ctx.s.prisma.task.findUnique({ where: { id: a.data.taskId } });
        if (task && (await startFill(ctx, task, assigneeUnitIds(ctx), "", a.data.unitId))) return;
        await doComplete(ctx, a.data.taskId, a.data.unitId, null);
      },
    },
    ...taskForm.actions,
    [`${FILL_FLOW}.pick`]: { roles: ["secretary", "cadre"], run: fillPick },
  },
  flows: { [taskForm.flow]: taskForm.onText, [FILL_FLOW]: fillFlow },
  jobs: {
    [JOB_NOTIFY]: runNotify,
    [JOB_REMIND]: runRemind,
    [JOB_OVERDUE]: runOverdue,
    [JOB_RECUR]: runRecur,
  },
};
