/**
 * Answering, as cadres and askers see it: the queue (/hangdoi), /traloi, /chuyen, "my
 * questions" (/cauhoi), the rating (/danhgia) and the follow-up of a reopened question.
 * Turns the outcomes of answering/service.ts into words of the catalogue.
 */
import type { ActionSpec, CommandSpec, Ctx } from "../../../bot/core/context.ts";
import { idAndRest } from "../../../bot/core/args.ts";
import { bold, preview } from "../../../bot/core/text.ts";
import { formatDate } from "../../../bot/core/time.ts";
import { dialogueKeywords as K, dialogueText as T } from "../../../prompts/vi/dialogue.ts";
import { refusalText } from "../asking/handlers.ts";
import { draftFor } from "../faq/service.ts";
import { action, flowQuestionId, QuestionArgs, RateArgs } from "../schemas.ts";
import { loadTopics } from "../topics.ts";
import {
  answerQuestion,
  askerQuestions,
  cadreQueue,
  followUp,
  loadOpenForCadre,
  rateAnswer,
  transferQuestion,
  type CadreRefusal,
} from "./service.ts";

export const FLOW_ANSWER = "dlg.answer";
export const FLOW_TRANSFER = "dlg.transfer";
export const FLOW_FOLLOWUP = "dlg.followup";

const QUEUE_PAGE = 15;
const MINE_PAGE = 15;

/** Why a cadre may not act on a question, in words. */
export function cadreRefusalText(r: CadreRefusal): string {
  switch (r.kind) {
    case "notFound":
      return T.notFound(r.id);
    case "notYours":
      return T.notYours(r.id);
    case "notOpen":
      return T.notOpen(r.id);
  }
}

async function startAnswer(ctx: Ctx, id: number): Promise<void> {
  const check = await loadOpenForCadre(ctx.s, ctx.person!, ctx.memberships, id);
  if (check.kind !== "ok") return ctx.reply(cadreRefusalText(check));
  await ctx.setFlow(FLOW_ANSWER, { questionId: id });
  ctx.reply(T.answerPrompt(id, check.q.text));
  const draft = await draftFor(ctx.s, check.q);
  if (draft) ctx.reply(`${T.draftHeader}\n\n${draft}`);
}

async function doAnswer(ctx: Ctx, id: number, text: string): Promise<void> {
  const r = await answerQuestion(ctx.s, ctx.person!, ctx.memberships, id, text);
  // keep the flow when only the text was wrong, so the cadre can retype it
  if (r.kind === "empty") return ctx.reply(T.answerEmpty);
  if (r.kind === "tooLong") return ctx.reply(T.answerTooLong(r.max));
  if (ctx.flow?.name === FLOW_ANSWER) await ctx.clearFlow();
  if (r.kind !== "answered") return ctx.reply(cadreRefusalText(r));
  await ctx.audit("question.answer", "question", id);
  ctx.reply(T.answered(id, r.recipients));
}

async function startTransfer(ctx: Ctx, id: number): Promise<void> {
  const check = await loadOpenForCadre(ctx.s, ctx.person!, ctx.memberships, id);
  if (check.kind !== "ok") return ctx.reply(cadreRefusalText(check));
  await ctx.setFlow(FLOW_TRANSFER, { questionId: id });
  const topics = await loadTopics(ctx.s.prisma);
  ctx.reply(T.transferPrompt(id, topics.map((t) => `${t.key} (${t.label})`).join(", ")));
}

async function doTransfer(ctx: Ctx, id: number, rest: string): Promise<void> {
  const m = /^(\S+)(?:\s+([\s\S]*))?$/.exec(rest.trim());
  if (!m) return ctx.reply(T.transferUsage);
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
      return ctx.reply(cadreRefusalText(r));
  }
  if (ctx.flow?.name === FLOW_TRANSFER) await ctx.clearFlow();
  await ctx.audit("question.transfer", "question", id, m[1]);
  ctx.reply(T.transferred(id, r.unitName, r.holder ?? T.unassigned));
}

async function queue(ctx: Ctx): Promise<void> {
  const me = ctx.person!.id;
  const { total, items } = await cadreQueue(ctx.s, me, ctx.withRole("cadre").map((m) => m.unitId), QUEUE_PAGE);
  if (!total) return ctx.reply(T.queueEmpty);
  const now = ctx.s.clock.now().getTime();
  const lines = items.map((q) =>
    T.queueItem(
      q.id,
      q.topicLabel,
      T.age(now - q.createdAt.getTime()),
      formatDate(q.dueAt),
      q.dueAt.getTime() < now,
      q.asker ? `${q.asker.name} (${q.asker.unitName})` : T.anonymous,
      q.holder.kind === "me" ? null : q.holder.kind === "unassigned" ? T.unassigned : q.holder.name,
      preview(q.text, 200),
    ),
  );
  ctx.reply([bold(T.queueHeader(items.length, total)), "", lines.join("\n\n"), "", T.queueFooter].join("\n"));
}

async function mine(ctx: Ctx): Promise<void> {
  const rows = await askerQuestions(ctx.s, ctx.person!.id, MINE_PAGE);
  if (!rows.length) return ctx.reply(T.mineEmpty);
  const items = rows.map((q) => {
    const status = (T.status[q.status] ?? q.status) + (q.status === "open" ? ` (${T.dueLine(formatDate(q.dueAt))})` : "");
    return T.mineItem(q.id, q.anonymous, status, q.topicLabel, formatDate(q.createdAt), preview(q.text, 150));
  });
  ctx.reply([bold(T.mineHeader), "", items.join("\n\n")].join("\n"));
}

async function rate(ctx: Ctx, id: number | null, value: "useful" | "unclear" | null): Promise<void> {
  if (id === null || value === null) return ctx.reply(T.rateUsage);
  const r = await rateAnswer(ctx.s, ctx.person!.id, id, value);
  switch (r.kind) {
    case "thanks":
      return ctx.reply(T.rateThanks);
    case "already":
      return ctx.reply(T.rateAlready);
    case "notYours":
      return ctx.reply(T.rateNotYours(id));
    case "notFound":
      return ctx.reply(T.notFound(id));
    case "notAnswered":
      return ctx.reply(T.rateNotAnswered(id));
    case "reopened":
      await ctx.setFlow(FLOW_FOLLOWUP, { questionId: id });
      return ctx.reply(T.reopenAsk(id));
  }
}

function rateValue(raw: string): "useful" | "unclear" | null {
  const v = raw.trim().toLowerCase().normalize("NFC");
  if ((K.useful as readonly string[]).includes(v)) return "useful";
  if ((K.unclear as readonly string[]).includes(v)) return "unclear";
  return null;
}

async function sendFollowUp(ctx: Ctx, id: number, text: string): Promise<void> {
  const r = await followUp(ctx.s, ctx.person!.id, id, text);
  switch (r.kind) {
    case "sent":
      await ctx.clearFlow();
      return ctx.reply(T.followUpSent);
    case "notYours":
    case "notOpen":
      await ctx.clearFlow();
      return ctx.reply(r.kind === "notOpen" ? T.notOpen(id) : T.rateNotYours(id));
    case "refused":
      return ctx.reply(refusalText(ctx.s, r.reason));
  }
}

export const answeringCommands: Record<string, CommandSpec> = {
  cauhoi: { run: mine },
  danhgia: {
    async run(ctx) {
      const { id, rest } = idAndRest(ctx.args);
      await rate(ctx, id, rateValue(rest));
    },
  },
  hangdoi: { roles: ["cadre"], run: queue },
  traloi: {
    roles: ["cadre"],
    async run(ctx) {
      const { id, rest } = idAndRest(ctx.args);
      if (id === null) return ctx.reply(ctx.args.trim() ? T.badId : T.answerUsage);
      if (!rest) return startAnswer(ctx, id);
      await doAnswer(ctx, id, rest);
    },
  },
  chuyen: {
    roles: ["cadre"],
    async run(ctx) {
      const { id, rest } = idAndRest(ctx.args);
      if (id === null) return ctx.reply(T.transferUsage);
      if (!rest) return startTransfer(ctx, id);
      await doTransfer(ctx, id, rest);
    },
  },
};

export const answeringActions: Record<string, ActionSpec> = {
  "dlg.answer": { roles: ["cadre"], run: action(QuestionArgs, (ctx, a) => startAnswer(ctx, a.questionId)) },
  "dlg.transfer": { roles: ["cadre"], run: action(QuestionArgs, (ctx, a) => startTransfer(ctx, a.questionId)) },
  "dlg.rate": { run: action(RateArgs, (ctx, a) => rate(ctx, a.questionId, a.value)) },
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
    const id = await flowQuestionId(ctx);
    if (id !== null) await sendFollowUp(ctx, id, text);
  },
};
