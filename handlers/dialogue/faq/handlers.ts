/**
 * The FAQ as readers and cadres see it: /faq [words], and /congbo <id> — the cadre sees what
 * would be published (the question and the whole thread's answer), edits either text (to take
 * personal details out) and publishes; the asker is told their question was published.
 */
import type { CommandSpec, Ctx } from "../../../bot/core/context.ts";
import { bold, preview } from "../../../bot/core/text.ts";
import { formatDate } from "../../../bot/core/time.ts";
import { dialogueText as T } from "../../../prompts/vi/dialogue.ts";
import { cadreRefusalText } from "../answering/handlers.ts";
import { MAX_PUBLISHED_ANSWER, MAX_PUBLISHED_QUESTION, publishDraft, publishQuestion, readerPaths, searchFaq } from "./service.ts";
import { findByRef, refAndRest, refOf, typedLabel, type QRef } from "../anon.ts";
import { z } from "zod";
import { nonce } from "../../../bot/core/args.ts";
import type { ActionSpec } from "../../../bot/core/context.ts";
import { dialogueKeywords as K } from "../../../prompts/vi/dialogue.ts";
import { loadForCadre } from "../answering/service.ts";
import { deliverToAsker } from "../notify.ts";
import { action, Nonce, QuestionId } from "../schemas.ts";

async function faq(ctx: Ctx): Promise<void> {
  const words = ctx.args.trim();
  if (words.length > 200) return ctx.reply(T.faqQueryTooLong);
  const paths = await readerPaths(ctx.s, ctx.memberships);
  const rows = await searchFaq(ctx.s, paths, words, 5);
  if (!rows.length) return ctx.reply(words ? T.faqNone(words) : T.faqEmpty);
  const items = rows.map((r) => T.faqItem(preview(r.question, 300), preview(r.answer, 900), formatDate(r.publishedAt)));
  ctx.reply([bold(words ? T.faqHeader(preview(words, 60)) : T.faqLatest), "", items.join("\n\n")].join("\n"));
}

/** The publish flow: the question being published, its draft (as edited so far) and which text is being retyped. */
export const FLOW_PUBLISH = "dlg.publish";
const PublishState = z.object({
  questionId: QuestionId,
  question: z.string().min(1).max(MAX_PUBLISHED_QUESTION),
  answer: z.string().min(1).max(MAX_PUBLISHED_ANSWER),
  nonce: Nonce,
  editing: z.enum(["none", "question", "answer"]).catch("none"),
});
type PublishState = z.infer<typeof PublishState>;

const stateOf = (ctx: Ctx): PublishState | null => {
  if (ctx.flow?.name !== FLOW_PUBLISH) return null;
  const p = PublishState.safeParse(ctx.flow.data);
  return p.success ? p.data : null;
};

const matches = (words: readonly string[], w: string) => words.includes(w.toLowerCase().normalize("NFC"));

/** Show what would be published, with the choices: publish, edit the question, edit the answer, cancel. */
async function showDraft(ctx: Ctx, st: PublishState, label: QRef): Promise<void> {
  await ctx.setFlow(FLOW_PUBLISH, { ...st, editing: "none" });
  ctx.reply(`${T.publishPreview(label, st.question, st.answer)}\n\n${T.publishHint(label)}`, [
    { label: T.btnPublish, action: "dlg.pub", args: { nonce: st.nonce, step: "ok" } },
    { label: T.btnEditQuestion, action: "dlg.pub", args: { nonce: st.nonce, step: "question" } },
    { label: T.btnEditAnswer, action: "dlg.pub", args: { nonce: st.nonce, step: "answer" } },
    { label: T.btnCancel, action: "dlg.pub", args: { nonce: st.nonce, step: "no" } },
  ]);
}

/** Publish the chosen texts; the asker is told (first publication only). */
async function doPublish(ctx: Ctx, id: number, label: QRef, edited: { question: string; answer: string } | undefined): Promise<void> {
  const r = await publishQuestion(ctx.s, ctx.person!, ctx.memberships, id, edited);
  if (r.kind === "notAnswered") return ctx.reply(T.publishNotAnswered(label));
  if (r.kind !== "published") return ctx.reply(cadreRefusalText(r, label));
  if (ctx.flow?.name === FLOW_PUBLISH) await ctx.clearFlow();
  await ctx.audit("question.publish", "question", id);
  if (!r.updated) await deliverToAsker(ctx.s, r.question, { text: T.publishedAsker(label) }, `dlg:pub:${id}:asker`);
  ctx.reply(r.updated ? T.republished(label, r.unitName) : T.published(label, r.unitName));
}

/**
 * /congbo <number> — preview; /congbo <number> hoi|traloi <text> — edit; /congbo <number> ok —
 * publish (the draft as edited so far, or as offered).
 */
async function publish(ctx: Ctx): Promise<void> {
  const { ref: typed, rest } = refAndRest(ctx.args);
  if (typed === null) return ctx.reply(T.publishUsage);
  const q = await findByRef(ctx.s, typed);
  const label = q ? refOf(q) : typedLabel(typed);
  if (!q) return ctx.reply(T.notFound(label));
  const check = await loadForCadre(ctx.s, ctx.person!, ctx.memberships, q.id);
  if (check.kind !== "ok") return ctx.reply(cadreRefusalText(check, label));
  const draft = await publishDraft(ctx.s, q);
  if (!draft) return ctx.reply(T.publishNotAnswered(label));
  const kept = stateOf(ctx);
  const st: PublishState = kept && kept.questionId === q.id ? kept : { questionId: q.id, ...draft, nonce: nonce(), editing: "none" };
  const m = /^(\S+)(?:\s+([\s\S]*))?$/.exec(rest);
  if (!m) return showDraft(ctx, st, label);
  const word = m[1]!;
  const text = (m[2] ?? "").trim();
  if (matches(K.publishOk, word) && !text) return doPublish(ctx, q.id, label, { question: st.question, answer: st.answer });
  const which = matches(K.publishQuestion, word) ? "question" : matches(K.publishAnswer, word) ? "answer" : null;
  if (!which || !text) return ctx.reply(T.publishUsage);
  return edit(ctx, st, label, which, text);
}

async function edit(ctx: Ctx, st: PublishState, label: QRef, which: "question" | "answer", text: string): Promise<void> {
  const max = which === "question" ? MAX_PUBLISHED_QUESTION : MAX_PUBLISHED_ANSWER;
  if (text.length > max) return ctx.reply(T.publishTooLong(max));
  await showDraft(ctx, { ...st, [which]: text }, label);
}

async function labelOf(ctx: Ctx, id: number): Promise<QRef> {
  const q = await ctx.s.prisma.question.findUnique({ where: { id }, select: { id: true, anonymous: true, publicRef: true } });
  return q ? refOf(q) : id;
}

const PubArgs = z.object({ nonce: Nonce, step: z.enum(["ok", "question", "answer", "no"]) });

export const publishActions: Record<string, ActionSpec> = {
  "dlg.pub": {
    roles: ["cadre"],
    run: action(PubArgs, async (ctx, a) => {
      const st = stateOf(ctx);
      if (!st || st.nonce !== a.nonce) return ctx.reply(T.publishNothing);
      const label = await labelOf(ctx, st.questionId);
      if (a.step === "no") {
        await ctx.clearFlow();
        return ctx.reply(T.publishCancelled);
      }
      if (a.step === "ok") return doPublish(ctx, st.questionId, label, { question: st.question, answer: st.answer });
      await ctx.setFlow(FLOW_PUBLISH, { ...st, editing: a.step });
      ctx.reply(a.step === "question" ? T.publishEditQuestion(label) : T.publishEditAnswer(label));
    }),
  },
};

export const publishFlows: Record<string, (ctx: Ctx, text: string) => Promise<void>> = {
  async [FLOW_PUBLISH](ctx, text) {
    const st = stateOf(ctx);
    if (!st) return ctx.clearFlow();
    const label = await labelOf(ctx, st.questionId);
    if (st.editing === "none" || !text.trim()) return showDraft(ctx, st, label);
    await edit(ctx, st, label, st.editing, text.trim());
  },
};

export const faqCommands: Record<string, CommandSpec> = {
  faq: { scope: "any", guest: true, run: faq },
  congbo: { scope: "own-subtree", roles: ["cadre"], run: publish },
};
