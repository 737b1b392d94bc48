/**
 * Dialogue sessions ("Đảng với thanh niên"): an admin opens a session for a unit's subtree with
 * an intake period (questions collected in advance, with votes) and a live period; the members
 * of the scope are told how to ask. Only questions sent FOR the session join it (chosen at /hoi
 * through the port in api.ts, its button in /phien, or /hoiphien) and wait for a moderator;
 * members upvote; the stage board shows them. At closing every question gets an owner, askers
 * and voters receive the results, and commitments are chased with their owners until done.
 */
import type { Feature } from "../../bot/core/context.ts";
import { mountBoard } from "./board.ts";
import { commit, commitDone, commitProgress, runCommitment } from "./commitments.ts";
import { ASK_ACTION, sessionForm } from "./create.ts";
import { sessionsPersonHooks } from "./person.ts";
import { askCommand, FLOW_ASK, moderate, onAskText, runPendingBatch, show, startAsk, vote } from "./questions.ts";
import { onClose, report } from "./report.ts";
import { action, AskArgs, QuestionArgs } from "./schemas.ts";
import { JOB_CLOSE, JOB_COMMIT, JOB_PENDING_BATCH } from "./service.ts";

export const sessions: Feature = {
  name: "sessions",
  person: sessionsPersonHooks,
  commands: {
    phienmoi: { scope: "own-subtree", roles: ["admin"], run: (ctx) => sessionForm.command(ctx) },
    phien: { scope: "own-unit", run: show },
    hoiphien: { scope: "own-unit", run: askCommand },
    binhchon: { scope: "own-unit", run: (ctx) => vote(ctx, ctx.args) },
    duyet: { scope: "own-subtree", roles: ["cadre", "admin"], run: (ctx) => moderate(ctx, ctx.args, "approved", "duyet") },
    an: { scope: "own-subtree", roles: ["cadre", "admin"], run: (ctx) => moderate(ctx, ctx.args, "hidden", "an") },
    camket: { scope: "own-subtree", roles: ["cadre", "admin"], run: commit },
    tiendocamket: { scope: "own-subtree", roles: ["secretary", "cadre", "admin"], run: commitProgress },
    xongcamket: { scope: "own-subtree", roles: ["secretary", "cadre", "admin"], run: commitDone },
    baocaodoithoai: { scope: "own-subtree", roles: ["cadre", "admin"], run: report },
  },
  actions: {
    "ses.vote": { run: action(QuestionArgs, (ctx, a) => vote(ctx, "", a.questionId)) },
    // also the announcement's static button (create.ts): startAsk checks the presser's scope and that the session takes questions
    [ASK_ACTION]: { button: (sessionId) => ({ sessionId, anonymous: false }), run: action(AskArgs, (ctx, a) => startAsk(ctx, a.sessionId, a.anonymous)) },
    "ses.approve": { roles: ["cadre", "admin"], run: action(QuestionArgs, (ctx, a) => moderate(ctx, "", "approved", "duyet", a.questionId)) },
    "ses.hide": { roles: ["cadre", "admin"], run: action(QuestionArgs, (ctx, a) => moderate(ctx, "", "hidden", "an", a.questionId)) },
    ...sessionForm.actions,
  },
  flows: { [sessionForm.flow]: sessionForm.onText, [FLOW_ASK]: onAskText },
  jobs: {
    [JOB_CLOSE]: onClose,
    [JOB_COMMIT]: runCommitment,
    [JOB_PENDING_BATCH]: runPendingBatch,
  },
  web: mountBoard,
};
