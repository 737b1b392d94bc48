/**
 * The shapes of the guides feature's action arguments and job payloads, checked with zod:
 * a tampered or outdated button answers "choice expired"; a bad job payload is logged and dropped.
 */
import { z } from "zod";
import type { ActionSpec, Ctx, Services } from "../../bot/core/context.ts";
import { parseMonthKey } from "../../bot/core/time.ts";
import { coreText } from "../../prompts/vi/core.ts";

const Id = z.number().int().positive().max(2_147_483_647);
/** "YYYY-MM" of a real month. */
export const Month = z.string().refine((m) => parseMonthKey(m) !== null);

export const ConfirmArgs = z.object({
  unitId: Id,
  attendees: z.number().int().min(1),
  note: z.string().nullable().default(null),
  photo: z.string().nullable().default(null),
});
export const ReportForArgs = z.object({ unitId: Id, mode: z.enum(["steps", "line", "fix"]), line: z.string().max(2000).default("") });
export const NoteArgs = z.object({ unitId: Id, month: Month, text: z.string().min(1) });
export const AdaptArgs = z.object({ unitId: Id, month: Month });
export const ApproveArgs = z.object({ unitId: Id, month: Month, text: z.string().min(1) });

export const MonthPayload = z.object({ month: Month });
export const NotePayload = z.object({ noteId: Id });

/** An action whose arguments are parsed first; invalid ones answer "choice expired". */
export function action<S extends z.ZodType>(schema: S, run: (ctx: Ctx, args: z.infer<S>) => Promise<void>): ActionSpec["run"] {
  return async (ctx, raw) => {
    const p = schema.safeParse(raw);
    if (!p.success) return ctx.reply(coreText.choiceExpired);
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
