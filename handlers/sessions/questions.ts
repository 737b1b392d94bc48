/**
 * The questions of a live session as members and moderators handle them: /phien (open
 * sessions and their most voted questions), /binhchon, /duyet and /an. Every write to a
 * question goes through the dialogue feature's api.
 */
import type { Ctx } from "../../bot/core/context.ts";
import { bold, preview } from "../../bot/core/text.ts";
import { formatDateTime } from "../../bot/core/time.ts";
import { pathIds } from "../../bot/domain/org.ts";
import { sessionText as T } from "../../prompts/vi/sessions.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { askerUnitOf, messageAsker, moderate as moderateQuestion, questionView, sessionQuestions, upvote } from "../dialogue/api.ts";
import { mayManage, statusOf } from "./service.ts";

/** Open and upcoming sessions for my units, with the most voted questions and vote buttons. */
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
  const choices = [];
  for (const ses of sessions) {
    const open = statusOf(ctx.s, ses) === "open";
    lines.push(T.item(ses.id, ses.title, ses.leaders, formatDateTime(ses.opensAt), formatDateTime(ses.closesAt), open));
    if (!open) continue;
    const top = await sessionQuestions(ctx.s, ses.id, { approvedOnly: true, withoutHidden: true, take: 5 });
    lines.push(top.length ? T.topHeader : T.noQuestions);
    for (const q of top) {
      lines.push(T.topItem(q.id, q.votes, preview(q.text, 160)));
      choices.push({ label: T.voteButton(q.id), action: "ses.vote", args: { questionId: q.id } });
    }
    lines.push("");
  }
  lines.push(T.askHint);
  ctx.reply(lines.join("\n"), choices.slice(0, 8));
}

/** An upvote for an approved question visible from my unit (once per person and question). */
export async function vote(ctx: Ctx, id: number | null): Promise<void> {
  if (id === null) return ctx.reply(T.voteUsage);
  if (!ctx.memberships.length) return ctx.reply(coreText.needMembership);
  const s = ctx.s;
  const unit = askerUnitOf(ctx.memberships);
  const q = await questionView(s, id);
  if (!unit || !q || q.moderation !== "approved" || q.status === "hidden") return ctx.reply(T.voteNotFound(id));
  const scopeIds = pathIds(unit.path);
  let visible = scopeIds.includes(q.unitId) || scopeIds.includes(q.askerUnitId);
  if (!visible && q.sessionId !== null) {
    const ses = await s.prisma.dialogueSession.findUnique({ where: { id: q.sessionId }, select: { scopeUnitId: true } });
    visible = !!ses && scopeIds.includes(ses.scopeUnitId);
  }
  if (!visible) return ctx.reply(T.voteNotFound(id));
  if (q.status !== "open" && q.sessionId === null) return ctx.reply(T.voteClosed(id));
  const r = await upvote(s, ctx.person!.id, id);
  switch (r.kind) {
    case "voted":
      return ctx.reply(T.voted(id, r.votes));
    case "already":
      return ctx.reply(T.voteAlready(id));
    case "own":
      return ctx.reply(T.voteOwn);
    case "notFound":
      return ctx.reply(T.voteNotFound(id));
  }
}

/** A moderator approves (the holder is told) or hides (the asker is told) a question waiting in their session. */
export async function moderate(ctx: Ctx, id: number | null, to: "approved" | "hidden", cmd: string): Promise<void> {
  if (id === null) return ctx.reply(T.moderateUsage(cmd));
  const s = ctx.s;
  const q = await questionView(s, id);
  if (!q || q.sessionId === null) return ctx.reply(T.notSessionQuestion(id));
  const session = await s.prisma.dialogueSession.findUnique({ where: { id: q.sessionId } });
  if (!session || !(await mayManage(s, ctx.memberships, session))) return ctx.reply(T.notModerator);
  const r = await moderateQuestion(s, { questionId: id, to, actorId: ctx.person!.id });
  if (r.kind === "notFound") return ctx.reply(T.notSessionQuestion(id));
  if (r.kind === "already") return ctx.reply(T.alreadyModerated(id, T.moderationState[r.state] ?? r.state));
  await ctx.audit(to === "approved" ? "session.approve" : "session.hide", "question", id);
  if (to === "hidden") await messageAsker(s, id, { text: T.hiddenAsker(id) }, `ses:hidden:${id}`);
  ctx.reply(to === "approved" ? T.approved(id) : T.hidden(id));
}
