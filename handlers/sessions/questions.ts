/**
 * The questions of a session as members and moderators handle them: /phien (sessions and
 * their most voted questions, with a button to ask), /hoiphien and that button (a question
 * sent FOR the session), /binhchon, /duyet and /an (also taking an approved question off the
 * stage). Anonymous questions are named by their reference ("A123456"), never by their id.
 * Every write to a question goes through the dialogue feature's api.
 */
import { randomInt } from "node:crypto";
import type { Ctx, Services } from "../../bot/core/context.ts";
import type { Choice } from "../../bot/core/types.ts";
import { bold, preview } from "../../bot/core/text.ts";
import { pathIds } from "../../bot/domain/org.ts";
import { sessionText as T } from "../../prompts/vi/sessions.ts";
import { coreText } from "../../prompts/vi/core.ts";
import {
  askerUnitOf,
  askInSession,
  labelOf,
  messageAsker,
  moderate as moderateQuestion,
  questionByRef,
  questionView,
  refOf,
  sessionQuestions,
  topicLabels,
  upvote,
  type QRef,
  type QuestionView,
} from "../dialogue/api.ts";
import { job, PendingBatchPayload } from "./schemas.ts";
import { joinOf, JOB_PENDING_BATCH, mayManage, MAX_FIELD, sessionsPort, stateOf, takingQuestions, tellModerators, whenText } from "./service.ts";

export const FLOW_ASK = "ses.ask";

/** Sessions for my units (upcoming, collecting questions, live), their most voted questions, buttons to ask and vote. */
export async function show(ctx: Ctx): Promise<void> {
  const { prisma, clock } = ctx.s;
  const ids = [...new Set(ctx.memberships.flatMap((m) => pathIds(m.unit.path)))];
  const sessions = await prisma.dialogueSession.findMany({
    where: { scopeUnitId: { in: ids }, closesAt: { gt: clock.now() } },
    orderBy: { opensAt: "asc" },
    take: 5,
  });
  if (!sessions.length) return ctx.reply(T.none);
  const lines = [bold(T.listHeader), ""];
  const choices: Choice[] = [];
  for (const ses of sessions) {
    const state = stateOf(ctx.s, ses);
    lines.push(T.item(ses.id, ses.title, ses.leaders, whenText(ses), T.stateLabel[state] ?? state));
    if (state === "upcoming") continue;
    choices.push({ label: T.askButton(ses.id), action: "ses.ask", args: { sessionId: ses.id, anonymous: false } });
    choices.push({ label: T.askAnonButton(ses.id), action: "ses.ask", args: { sessionId: ses.id, anonymous: true } });
    const top = await sessionQuestions(ctx.s, ses.id, { approvedOnly: true, withoutHidden: true, take: 5 });
    lines.push(top.length ? T.topHeader : T.noQuestions);
    for (const q of top) {
      lines.push(T.topItem(refOf(q), q.votes, preview(q.text, 160)));
      choices.push({ label: T.voteButton(refOf(q)), action: "ses.vote", args: { questionId: q.id } });
    }
    lines.push(T.askHint(ses.id), "");
  }
  ctx.reply(lines.join("\n").trim(), choices.slice(0, 10));
}

/** The session this person may send a question for now, or null. */
async function sessionForAsker(ctx: Ctx, sessionId: number) {
  const unit = askerUnitOf(ctx.memberships);
  if (!unit) return null;
  return (await takingQuestions(ctx.s, unit)).find((x) => x.id === sessionId) ?? null;
}

/** `/hoiphien <số phiên> <câu hỏi>` (the number may be left out when exactly one session takes questions). */
export async function askCommand(ctx: Ctx): Promise<void> {
  if (!ctx.memberships.length) return ctx.reply(coreText.needMembership);
  const unit = askerUnitOf(ctx.memberships)!;
  const m = /^(\d{1,9})(?:\s+([\s\S]*))?$/.exec(ctx.args.trim());
  const open = await takingQuestions(ctx.s, unit);
  let session = m ? (open.find((x) => x.id === Number(m[1])) ?? null) : null;
  const text = m ? (m[2] ?? "").trim() : ctx.args.trim();
  // a number first names the session: one this person may not send to now is refused
  if (m && !session) return ctx.reply(T.askNoSession(Number(m[1])));
  if (!session) {
    if (open.length !== 1) return ctx.reply(T.askUsage);
    session = open[0]!;
  }
  if (!text) return startAsk(ctx, session.id, false);
  await askInSession(ctx, { sessions: sessionsPort }, joinOf(session), text, false);
}

/** The "send a question" button: the next text is the question, for that session. */
export async function startAsk(ctx: Ctx, sessionId: number, anonymous: boolean): Promise<void> {
  if (!ctx.memberships.length) return ctx.reply(coreText.needMembership);
  const session = await sessionForAsker(ctx, sessionId);
  if (!session) return ctx.reply(T.askNoSession(sessionId));
  await ctx.setFlow(FLOW_ASK, { sessionId, anonymous });
  ctx.reply(T.askPrompt(session.title, anonymous));
}

export async function onAskText(ctx: Ctx, text: string): Promise<void> {
  const data = ctx.flow?.data as { sessionId?: unknown; anonymous?: unknown } | undefined;
  await ctx.clearFlow();
  if (typeof data?.sessionId !== "number") return ctx.reply(T.askFlowLost);
  const session = await sessionForAsker(ctx, data.sessionId);
  if (!session) return ctx.reply(T.askNoSession(data.sessionId));
  await askInSession(ctx, { sessions: sessionsPort }, joinOf(session), text, data.anonymous === true);
}

/** A question as typed ("12" or "A123456"): the view, and how to name it back. */
async function typed(ctx: Ctx, raw: string): Promise<{ ref: QRef; q: QuestionView | null } | null> {
  const found = await questionByRef(ctx.s, raw.trim());
  return found ? { ref: found.ref, q: found.view } : null;
}

/** An upvote for an approved question visible from my unit (once per person and question). */
export async function vote(ctx: Ctx, raw: string, pressed?: number): Promise<void> {
  const t = pressed !== undefined ? { q: await questionView(ctx.s, pressed), ref: 0 as QRef } : await typed(ctx, raw);
  if (!t) return ctx.reply(T.voteUsage);
  if (!ctx.memberships.length) return ctx.reply(coreText.needMembership);
  const s = ctx.s;
  const unit = askerUnitOf(ctx.memberships);
  const q = t.q;
  const ref = q ? refOf(q) : t.ref;
  if (!unit || !q || q.moderation !== "approved" || q.status === "hidden") return ctx.reply(T.voteNotFound(ref));
  const scopeIds = pathIds(unit.path);
  let visible = scopeIds.includes(q.unitId) || scopeIds.includes(q.askerUnitId);
  if (q.sessionId !== null) {
    const ses = await s.prisma.dialogueSession.findUnique({ where: { id: q.sessionId }, select: { scopeUnitId: true, closedAt: true } });
    visible = !!ses && scopeIds.includes(ses.scopeUnitId);
    if (visible && ses!.closedAt) return ctx.reply(T.voteClosed(ref));
  }
  if (!visible) return ctx.reply(T.voteNotFound(ref));
  if (q.status !== "open" && q.sessionId === null) return ctx.reply(T.voteClosed(ref));
  const r = await upvote(s, ctx.person!.id, q.id);
  switch (r.kind) {
    case "voted":
      return ctx.reply(T.voted(ref, r.votes));
    case "already":
      return ctx.reply(T.voteAlready(ref));
    case "own":
      return ctx.reply(T.voteOwn);
    case "notFound":
      return ctx.reply(T.voteNotFound(ref));
  }
}

/**
 * A moderator approves (the holder is told) or hides (the asker is told why) a question of
 * their session; an approved question can be taken off the stage the same way.
 * `/an <số> [lý do]`.
 */
export async function moderate(ctx: Ctx, raw: string, to: "approved" | "hidden", cmd: string, pressed?: number): Promise<void> {
  const s = ctx.s;
  let q: QuestionView | null;
  let ref: QRef;
  let reason = "";
  if (pressed !== undefined) {
    q = await questionView(s, pressed);
    ref = q ? refOf(q) : pressed;
  } else {
    const m = /^(\S+)(?:\s+([\s\S]*))?$/.exec(raw.trim());
    const t = m ? await typed(ctx, m[1]!) : null;
    if (!t) return ctx.reply(T.moderateUsage(cmd));
    ({ q, ref } = t);
    reason = to === "hidden" ? (m![2] ?? "").trim() : "";
    if (reason.length > MAX_FIELD) return ctx.reply(T.reasonTooLong);
  }
  if (!q || q.sessionId === null) return ctx.reply(T.notSessionQuestion(ref));
  const session = await s.prisma.dialogueSession.findUnique({ where: { id: q.sessionId } });
  if (!session || !(await mayManage(s, ctx.memberships, session))) return ctx.reply(T.notModerator);
  const r = await moderateQuestion(s, { questionId: q.id, to, actorId: ctx.person!.id });
  if (r.kind === "notFound") return ctx.reply(T.notSessionQuestion(ref));
  if (r.kind === "already") return ctx.reply(T.alreadyModerated(ref, T.moderationState[r.state] ?? r.state));
  // an anonymous question's id is never written next to the moderator in the audit log
  await ctx.audit(to === "approved" ? "session.approve" : "session.hide", "question", q.anonymous ? undefined : q.id);
  // a hidden question that was never answered: its asker is told why (an answered one keeps its answer)
  if (to === "hidden" && r.question.status === "hidden") {
    await messageAsker(s, q.id, { text: T.hiddenAsker(ref, reason || T.defaultHideReason) }, `ses:hidden:${q.id}`);
  }
  ctx.reply(to === "approved" ? T.approved(ref) : T.hidden(ref));
}

function shuffled<X>(items: X[]): X[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(0, i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** The end of an anonymous batch: its moderators are told of the batch's questions of this session, in random order. */
export const runPendingBatch = job(JOB_PENDING_BATCH, PendingBatchPayload, async (s: Services, { sessionId, at }) => {
  const session = await s.prisma.dialogueSession.findUnique({ where: { id: sessionId } });
  if (!session) return;
  const batch = (await sessionQuestions(s, sessionId)).filter((q) => q.anonymous && q.moderation === "pending" && q.createdAt.getTime() === at);
  const labels = await topicLabels(s.prisma);
  for (const q of shuffled(batch)) await tellModerators(s, session, q, labelOf(labels, q.topic));
});
