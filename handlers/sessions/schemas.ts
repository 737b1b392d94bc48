/**
 * The shapes of the sessions feature's action arguments and job payloads, checked with zod:
 * a tampered or outdated action answers "choice expired"; a bad job payload is logged and dropped.
 */
import { z } from "zod";
import type { ActionSpec, Ctx, Services } from "../../bot/core/context.ts";
import { coreText } from "../../prompts/vi/core.ts";

/** A row id (a 32-bit integer in both databases). */
const Id = z.number().int().positive().max(2_147_483_647);

export const QuestionArgs = z.object({ questionId: Id });
export const ClosePayload = z.object({ sessionId: Id });
export const CommitmentPayload = z.object({ commitmentId: Id, days: z.number().int(), week: z.number().int().min(0).default(0) });
export const PendingBatchPayload = z.object({ sessionId: Id, at: z.number().int() });
export const AskArgs = z.object({ sessionId: Id, anonymous: z.boolean() });

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

/** A job whose payload is parsed first; an invalid one is logged and dropped. */
export function job<S extends z.ZodType>(kind: string, schema: S, run: (s: Services, payload: z.infer<S>) => Promise<void>) {
  return async (s: Services, raw: Record<string, unknown>): Promise<void> => {
    const p = schema.safeParse(raw);
    if (!p.success) {
      s.log.warn({ kind, issues: p.error.issues.length }, "invalid job payload dropped");
      return;
    }
    await run(s, p.data);
  };
}
