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

REPORTS.deadlines = deadlinesReport;

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
        const { id } = idAndRest(ctx.args);
        if (id === null) return ctx.reply(T.doneUsage);
        await showDetail(ctx, id);
      },
    },
    hoanthanh: {
      scope: "own-unit",
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
      async run(ctx, args) {
        const a = doneArgs.safeParse(args);
        if (!a.success) return ctx.reply(coreText.choiceExpired);
        await doComplete(ctx, a.data.taskId, a.data.unitId, null);
      },
    },
    ...taskForm.actions,
  },
  flows: { [taskForm.flow]: taskForm.onText },
  jobs: {
    [JOB_NOTIFY]: runNotify,
    [JOB_REMIND]: runRemind,
    [JOB_OVERDUE]: runOverdue,
  },
};
