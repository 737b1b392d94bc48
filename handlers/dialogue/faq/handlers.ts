/** The FAQ as readers and cadres see it: /faq [words] and /congbo <id>. */
import type { CommandSpec, Ctx } from "../../../bot/core/context.ts";
import { bold, preview } from "../../../bot/core/text.ts";
import { formatDate } from "../../../bot/core/time.ts";
import { dialogueText as T } from "../../../prompts/vi/dialogue.ts";
import { cadreRefusalText } from "../answering/handlers.ts";
import { publishQuestion, readerPaths, searchFaq } from "./service.ts";
import { findByRef, parseRef, refOf, typedLabel } from "../anon.ts";

async function faq(ctx: Ctx): Promise<void> {
  const words = ctx.args.trim();
  if (words.length > 200) return ctx.reply(T.faqQueryTooLong);
  const paths = await readerPaths(ctx.s, ctx.memberships);
  const rows = await searchFaq(ctx.s, paths, words, 5);
  if (!rows.length) return ctx.reply(words ? T.faqNone(words) : T.faqEmpty);
  const items = rows.map((r) => T.faqItem(preview(r.question, 300), preview(r.answer, 900), formatDate(r.publishedAt)));
  ctx.reply([bold(words ? T.faqHeader(preview(words, 60)) : T.faqLatest), "", items.join("\n\n")].join("\n"));
}

async function publish(ctx: Ctx): Promise<void> {
  const typed = parseRef(ctx.args.trim());
  if (typed === null) return ctx.reply(T.publishUsage);
  const q = await findByRef(ctx.s, typed);
  const label = q ? refOf(q) : typedLabel(typed);
  if (!q) return ctx.reply(T.notFound(label));
  const id = q.id;
  const r = await publishQuestion(ctx.s, ctx.person!, ctx.memberships, id);
  if (r.kind === "notAnswered") return ctx.reply(T.publishNotAnswered(label));
  if (r.kind !== "published") return ctx.reply(cadreRefusalText(r, label));
  await ctx.audit("question.publish", "question", id);
  ctx.reply(r.updated ? T.republished(label, r.unitName) : T.published(label, r.unitName));
}

export const faqCommands: Record<string, CommandSpec> = {
  faq: { scope: "any", guest: true, run: faq },
  congbo: { scope: "own-subtree", roles: ["cadre"], run: publish },
};
