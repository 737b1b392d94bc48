/**
 * The shapes of the dialogue feature's action arguments and flow data, checked with zod:
 * a tampered or outdated payload answers "choice expired" instead of failing.
 */
import { z } from "zod";
import type { ActionSpec, Ctx } from "../../bot/core/context.ts";
import { coreText } from "../../prompts/vi/core.ts";

/** A row id (a 32-bit integer in both databases). */
export const QuestionId = z.number().int().positive().max(2_147_483_647);
export const Nonce = z.string().min(1).max(64);

export const QuestionArgs = z.object({ questionId: QuestionId });
export const NonceArgs = z.object({ nonce: Nonce });
export const SubmitArgs = z.object({ nonce: Nonce, anonymous: z.boolean() });
/** A live session chosen for a pending question (0: a normal question). */
export const SessionChoiceArgs = z.object({ nonce: Nonce, sessionId: z.number().int().min(0).max(2_147_483_647) });
export const MeTooArgs = z.object({ questionId: QuestionId, nonce: Nonce });
export const RateArgs = z.object({ questionId: QuestionId, value: z.enum(["useful", "unclear"]) });

/** Data of the flows that wait for a text about one question (answer, transfer, follow-up). */
export const QuestionFlow = z.object({ questionId: QuestionId });

/** An action whose arguments are parsed first; invalid ones answer "choice expired". */
export function action<S extends z.ZodType>(schema: S, run: (ctx: Ctx, args: z.infer<S>) => Promise<void>): ActionSpec["run"] {
  return async (ctx, raw) => {
    const p = schema.safeParse(raw);
    if (!p.success) {
      ctx.log.warn({ issues: p.error.issues.length }, "invalid action arguments");
      return ctx.reply(coreText.choiceExpired);
    }
    await run(ctx, p.data);
  };
}

/** The question id of the current flow, or null (the flow is cleared and the user told) when its data is invalid. */
export async function flowQuestionId(ctx: Ctx): Promise<number | null> {
  const p = QuestionFlow.safeParse(ctx.flow?.data);
  if (p.success) return p.data.questionId;
  ctx.log.warn("invalid flow data");
  await ctx.clearFlow();
  ctx.reply(coreText.choiceExpired);
  return null;
}
