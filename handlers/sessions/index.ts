/**
 * Live dialogue sessions ("Đảng với thanh niên" on stage): an admin opens a session for a
 * unit's subtree; while it is open, questions asked there join it and wait for a moderator
 * (the dialogue feature asks through the port in api.ts); members upvote; the stage board
 * shows them; commitments made are chased; the organiser gets the report at closing time.
 */
import { parseId } from "../../bot/core/args.ts";
import type { Feature } from "../../bot/core/context.ts";
import { mountBoard } from "./board.ts";
import { commit, commitDone, runCommitment } from "./commitments.ts";
import { sessionForm } from "./create.ts";
import { sessionsPersonHooks } from "./person.ts";
import { moderate, show, vote } from "./questions.ts";
import { onClose, report } from "./report.ts";
import { action, QuestionArgs } from "./schemas.ts";
import { JOB_CLOSE, JOB_COMMIT } from "./service.ts";

export const sessions: Feature = {
  name: "sessions",
  person: sessionsPersonHooks,
  commands: {
    phienmoi: { scope: "own-subtree", roles: ["admin"], run: (ctx) => sessionForm.command(ctx) },
    phien: { scope: "own-unit", run: show },
    binhchon: { scope: "own-unit", run: (ctx) => vote(ctx, parseId(ctx.args)) },
    duyet: { scope: "own-subtree", roles: ["cadre", "admin"], run: (ctx) => moderate(ctx, parseId(ctx.args), "approved", "duyet") },
    an: { scope: "own-subtree", roles: ["cadre", "admin"], run: (ctx) => moderate(ctx, parseId(ctx.args), "hidden", "an") },
    camket: { scope: "own-subtree", roles: ["cadre", "admin"], run: commit },
    xongcamket: { scope: "own-subtree", roles: ["cadre", "admin"], run: commitDone },
    baocaodoithoai: { scope: "own-subtree", roles: ["cadre", "admin"], run: report },
  },
  actions: {
    "ses.vote": { run: action(QuestionArgs, (ctx, a) => vote(ctx, a.questionId)) },
    "ses.approve": { roles: ["cadre", "admin"], run: action(QuestionArgs, (ctx, a) => moderate(ctx, a.questionId, "approved", "duyet")) },
    "ses.hide": { roles: ["cadre", "admin"], run: action(QuestionArgs, (ctx, a) => moderate(ctx, a.questionId, "hidden", "an")) },
    ...sessionForm.actions,
  },
  flows: { [sessionForm.flow]: sessionForm.onText },
  jobs: {
    [JOB_CLOSE]: onClose,
    [JOB_COMMIT]: runCommitment,
  },
  web: mountBoard,
};
