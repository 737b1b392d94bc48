/**
 * Answering, as cadres and askers see it: the queue (/hangdoi), /traloi, /chuyen, "my
 * questions" (/cauhoi), the rating (/danhgia) and the follow-up of a reopened question.
 * Turns the outcomes of answering/service.ts into words of the catalogue.
 */
import type { ActionSpec, CommandSpec, Ctx } from "../../../bot/core/context.ts";
import { bold, preview } from "../../../bot/core/text.ts";
import { formatDate } from "../../../bot/core/time.ts";
import { dialogueKeywords as K, dialogueText as T } from "../../../prompts/vi/dialogue.ts";
import { refusalText } from "../asking/handlers.ts";
import { draftFor } from "../faq/service.ts";
import { action, flowQuestionId, QuestionArgs, QuestionId, RateArgs } from "../schemas.ts";
import { findByRef, parseRef, refAndRest, refOf, replyAnon, typedLabel, type QRef, type TypedRef } from "../anon.ts";
import { filesOf } from "../files.ts";
import { z } from "zod";
import { loadTopics } from "../topics.ts";
import {
  answerQuestion,
  askerQuestions,
  cadreQueue,
  followUp,
  joinedQuestions,
  loadOpenForCadre,
  wantFollowUps,
  rateAnswer,
  transferQuestion,
  type CadreRefusal,
} from "./service.ts";

export const FLOW_ANSWER = "dlg.answer";
export const FLOW_TRANSFER = "dlg.transfer";
export const FLOW_FOLLOWUP = "dlg.followup";

const QUEUE_PAGE = 15;
const MINE_PAGE = 15;

/** Why a cadre may not act on a question, in words (`label`: how the cadre named it). */
export function cadreRefusalText(r: CadreRefusal, label: QRef = r.id): string {
  switch (r.kind) {
    case "notFound":
      return T.notFound(label);
    case "notYours":
      return T.notYours(label);
    case "notOpen":
      return T.notOpen(label);
  }
}

/** How a question is named to people, from its id (a flow or a button holds the id). */
async function labelOfId(ctx: Ctx, id: number): Promise<QRef> {
  const q = await ctx.s.prisma.question.findUnique({ where: { id }, select: { id: true, anonymous: true, publicRef: true } });
  return q ? refOf(q) : id;
}

/** A typed number or reference → the question, or a "not found" answer. */
async function typedQuestion(ctx: Ctx, typed: TypedRef) {
  const q = await findByRef(ctx.s, typed);
  if (!q) ctx.reply(T.notFound(typedLabel(typed)));
  return q;
}

async function startAnswer(ctx: Ctx, id: number): Promise<void> {
  const check = await loadOpenForCadre(ctx.s, ctx.person!, ctx.memberships, id);
  if (check.kind !== "ok") return ctx.reply(cadreRefusalText(check, await labelOfId(ctx, id)));
  await ctx.setFlow(FLOW_ANSWER, { questionId: id });
  ctx.reply(T.answerPrompt(refOf(check.q), check.q.text));
  const draft = await draftFor(ctx.s, check.q);
  if (draft) ctx.reply(`${T.draftHeader}\n\n${draft}`);
}

async function doAnswer(ctx: Ctx, id: number, text: string): Promise<void> {
  const label = await labelOfId(ctx, id);
  const r = await answerQuestion(ctx.s, ctx.person!, ctx.memberships, id, text);
  // keep the flow when only the text was wrong, so the cadre can retype it
  if (r.kind === "empty") return ctx.reply(T.answerEmpty);
  if (r.kind === "tooLong") return ctx.reply(T.answerTooLong(r.max));
  if (ctx.flow?.name === FLOW_ANSWER) await ctx.clearFlow();
  if (r.kind !== "answered") return ctx.reply(cadreRefusalText(r, label));
  await ctx.audit("question.answer", "question", id);
  // told as it is: queued for the asker (the outcome follows), or not reachable at all
  ctx.reply(r.askerReached ? T.answered(label, r.recipients) : T.askerUnreachable(label));
}

async function startTransfer(ctx: Ctx, id: number): Promise<void> {
  const check = await loadOpenForCadre(ctx.s, ctx.person!, ctx.memberships, id);
  if (check.kind !== "ok") return ctx.reply(cadreRefusalText(check, await labelOfId(ctx, id)));
  await ctx.setFlow(FLOW_TRANSFER, { questionId: id });
  const topics = await loadTopics(ctx.s.prisma);
  ctx.reply(T.transferPrompt(refOf(check.q), topics.map((t) => `${t.key} (${t.label})`).join(", ")));
}

async function doTransfer(ctx: Ctx, id: number, rest: string): Promise<void> {
  const m = /^(\S+)(?:\s+([\s\S]*))?$/.exec(rest.trim());
  if (!m) return ctx.reply(T.transferUsage);
  const label = await labelOfId(ctx, id);
  const r = await transferQuestion(ctx.s, ctx.person!, ctx.memberships, id, m[1]!, (m[2] ?? "").trim());
  switch (r.kind) {
    case "transferred":
      break;
    case "reasonTooLong":
      return ctx.reply(T.reasonTooLong);
    case "same":
      return ctx.reply(T.transferSame);
    case "unknownTarget":
      return ctx.reply(T.unknownTarget(r.target));
    case "noCadre":
      return ctx.reply(T.targetNoCadre(r.unitName));
    default:
      return ctx.reply(cadreRefusalText(r, label));
  }
  if (ctx.flow?.name === FLOW_TRANSFER) await ctx.clearFlow();
  await ctx.audit("question.transfer", "question", id, m[1]);
  ctx.reply(T.transferred(label, r.unitName, r.holder ?? T.unassigned));
}

async function queue(ctx: Ctx): Promise<void> {
  const me = ctx.person!.id;
  const { total, items } = await cadreQueue(ctx.s, me, ctx.withRole("cadre").map((m) => m.unitId), QUEUE_PAGE);
  if (!total) return ctx.reply(T.queueEmpty);
  const now = ctx.s.clock.now().getTime();
  const lines = items.map((q) =>
    T.queueItem(
      q.ref,
      q.topicLabel,
      T.age(now - q.createdAt.getTime()),
      formatDate(q.dueAt),
      q.dueAt.getTime() < now,
      q.asker ? `${q.asker.name} (${q.asker.unitName})` : T.anonymous,
      q.holder.kind === "me" ? null : q.holder.kind === "unassigned" ? T.unassigned : q.holder.name,
      preview(q.text, 200) + (q.files ? `\n${T.withFiles(q.files)}` : ""),
    ),
  );
  ctx.reply([bold(T.queueHeader(items.length, total)), "", lines.join("\n\n"), "", T.queueFooter].join("\n"));
}

/**
 * "My questions", then the questions I joined ("tôi cũng hỏi vậy"): with an anonymous question
 * among them, the list goes through the anonymous target.
 */
async function mine(ctx: Ctx): Promise<void> {
  const [rows, joined] = await Promise.all([askerQuestions(ctx.s, ctx.person!.id, MINE_PAGE), joinedQuestions(ctx.s, ctx.person!.id, MINE_PAGE)]);
  if (!rows.length && !joined.length) return ctx.reply(T.mineEmpty);
  const items = rows.map((q) => {
    const status =
      (T.status[q.status] ?? q.status) +
      (q.status === "open" ? ` (${T.dueLine(formatDate(q.dueAt))})` : q.mergedInto !== null ? ` (${T.mergedInto(q.mergedInto)})` : "");
    return T.mineItem(q.ref, q.anonymous, status, q.topicLabel, formatDate(q.createdAt), preview(q.text, 150));
  });
  const joinedItems = joined.map((j) => {
    const status = T.status[j.status] ?? j.status;
    return j.text === null ? T.joinedAnonItem(j.ref, status, j.topicLabel, j.followUps) : T.joinedItem(j.ref, status, j.topicLabel, preview(j.text, 150), j.followUps);
  });
  const parts: string[] = [];
  if (items.length) parts.push(bold(T.mineHeader), "", items.join("\n\n"));
  if (joinedItems.length) parts.push(...(parts.length ? [""] : []), bold(T.joinedHeader), "", joinedItems.join("\n\n"));
  const text = parts.join("\n");
  if (rows.some((q) => q.anonymous) || joined.some((j) => j.anonymous)) return replyAnon(ctx, text);
  ctx.reply(text);
}

/** /nhanthem <number>, or the button under a joiner's answer: receive follow-up answers too. */
async function followUps(ctx: Ctx, id: number, label: QRef): Promise<void> {
  const r = await wantFollowUps(ctx.s, ctx.person!.id, id);
  // the joiner may have come anonymously (a merged anonymous question): said through the anonymous target
  if (r.kind === "on") return replyAnon(ctx, T.followUpsOn(label));
  return ctx.reply(T.followUpsNotJoined(label));
}

/** Data of the follow-up flow: the question id, sealed when the question is anonymous (the state is keyed by the chat's user). */
const FollowUpFlow = z.union([z.object({ questionId: QuestionId }), z.object({ sealed: z.string().min(1).max(200) })]);

async function followUpId(ctx: Ctx): Promise<number | null> {
  const p = FollowUpFlow.safeParse(ctx.flow?.data);
  if (p.success) {
    if ("questionId" in p.data) return p.data.questionId;
    const opened = Number(ctx.s.secrets.open(p.data.sealed));
    if (Number.isInteger(opened) && opened > 0) return opened;
  }
  return flowQuestionId(ctx);
}

/** A rating (typed or pressed) of the answer to the asker's own question; about an anonymous one, every reply goes through the anonymous target. */
async function rate(ctx: Ctx, id: number, label: QRef, anonymous: boolean, value: "useful" | "unclear" | null): Promise<void> {
  const say = (text: string) => (anonymous ? replyAnon(ctx, text) : Promise.resolve(ctx.reply(text)));
  if (value === null) return ctx.reply(T.rateUsage);
  const r = await rateAnswer(ctx.s, ctx.person!.id, id, value);
  switch (r.kind) {
    case "thanks":
      return say(T.rateThanks);
    case "already":
      return say(T.rateAlready);
    case "notYours":
      return ctx.reply(T.rateNotYours(label));
    case "notFound":
      return ctx.reply(T.notFound(label));
    case "notAnswered":
      return say(T.rateNotAnswered(label));
    case "reopened":
      await ctx.setFlow(FLOW_FOLLOWUP, anonymous ? { sealed: ctx.s.secrets.seal(String(id)) } : { questionId: id });
      return say(T.reopenAsk(label));
  }
}

function rateValue(raw: string): "useful" | "unclear" | null {
  const v = raw.trim().toLowerCase().normalize("NFC");
  if ((K.useful as readonly string[]).includes(v)) return "useful";
  if ((K.unclear as readonly string[]).includes(v)) return "unclear";
  return null;
}

async function sendFollowUp(ctx: Ctx, id: number, text: string): Promise<void> {
  const q = await ctx.s.prisma.question.findUnique({ where: { id }, select: { id: true, anonymous: true, publicRef: true } });
  const label = q ? refOf(q) : id;
  const say = (t: string) => (q?.anonymous ? replyAnon(ctx, t) : Promise.resolve(ctx.reply(t)));
  const r = await followUp(ctx.s, ctx.person!.id, id, text, filesOf(ctx.in));
  switch (r.kind) {
    case "sent":
      await ctx.clearFlow();
      return say(T.followUpSent);
    case "anonDocument":
      return say(T.anonNoDocuments);
    case "notYours":
    case "notOpen":
      await ctx.clearFlow();
      return ctx.reply(r.kind === "notOpen" ? T.notOpen(label) : T.rateNotYours(label));
    case "refused":
      return ctx.reply(refusalText(ctx.s, r.reason));
  }
}

export const answeringCommands: Record<string, CommandSpec> = {
  cauhoi: { scope: "any", run: mine },
  nhanthem: {
    scope: "any",
    async run(ctx) {
      const typed = parseRef(ctx.args.trim());
      if (typed === null) return ctx.reply(T.followUpsUsage);
      const q = await findByRef(ctx.s, typed);
      if (!q) return ctx.reply(T.notFound(typedLabel(typed)));
      await followUps(ctx, q.id, refOf(q));
    },
  },
  danhgia: {
    scope: "any",
    async run(ctx) {
      const { ref, rest } = refAndRest(ctx.args);
      const value = rateValue(rest);
      if (ref === null || value === null) return ctx.reply(T.rateUsage);
      const q = await typedQuestion(ctx, ref);
      if (q) await rate(ctx, q.id, refOf(q), q.anonymous, value);
    },
  },
  hangdoi: { scope: "own-subtree", roles: ["cadre"], run: queue },
  traloi: {
    scope: "own-subtree",
    roles: ["cadre"],
    async run(ctx) {
      const { ref, rest } = refAndRest(ctx.args);
      if (ref === null) return ctx.reply(ctx.args.trim() ? T.badId : T.answerUsage);
      const q = await typedQuestion(ctx, ref);
      if (!q) return;
      if (!rest) return startAnswer(ctx, q.id);
      await doAnswer(ctx, q.id, rest);
    },
  },
  chuyen: {
    scope: "own-subtree",
    roles: ["cadre"],
    async run(ctx) {
      const { ref, rest } = refAndRest(ctx.args);
      if (ref === null) return ctx.reply(T.transferUsage);
      const q = await typedQuestion(ctx, ref);
      if (!q) return;
      if (!rest) return startTransfer(ctx, q.id);
      await doTransfer(ctx, q.id, rest);
    },
  },
};

export const answeringActions: Record<string, ActionSpec> = {
  "dlg.answer": { roles: ["cadre"], run: action(QuestionArgs, (ctx, a) => startAnswer(ctx, a.questionId)) },
  "dlg.transfer": { roles: ["cadre"], run: action(QuestionArgs, (ctx, a) => startTransfer(ctx, a.questionId)) },
  "dlg.followups": {
    run: action(QuestionArgs, async (ctx, a) => {
      const q = await ctx.s.prisma.question.findUnique({ where: { id: a.questionId }, select: { id: true, anonymous: true, publicRef: true } });
      if (!q) return ctx.reply(T.notFound(a.questionId));
      await followUps(ctx, q.id, refOf(q));
    }),
  },
  "dlg.rate": {
    run: action(RateArgs, async (ctx, a) => {
      const q = await ctx.s.prisma.question.findUnique({ where: { id: a.questionId }, select: { id: true, anonymous: true, publicRef: true } });
      if (!q) return ctx.reply(T.notFound(a.questionId));
      await rate(ctx, q.id, refOf(q), q.anonymous, a.value);
    }),
  },
};

export const answeringFlows: Record<string, (ctx: Ctx, text: string) => Promise<void>> = {
  async [FLOW_ANSWER](ctx, text) {
    const id = await flowQuestionId(ctx);
    if (id !== null) await doAnswer(ctx, id, text);
  },
  async [FLOW_TRANSFER](ctx, text) {
    const id = await flowQuestionId(ctx);
    if (id !== null) await doTransfer(ctx, id, text);
  },
  async [FLOW_FOLLOWUP](ctx, text) {
    const id = await followUpId(ctx);
    if (id !== null) await sendFollowUp(ctx, id, text);
  },
};
