/** `/ketquathongbao [số]`: where the sender's announcements stand (sent, blocked, failed, still on their way). */
import { idAndRest } from "../../bot/core/args.ts";
import type { Ctx } from "../../bot/core/context.ts";
import { formatDateTime } from "../../bot/core/time.ts";
import { announcementsText as T } from "../../prompts/vi/announcements.ts";
import { deliveryCounts } from "./service.ts";

export async function ketquathongbao(ctx: Ctx): Promise<void> {
  const personId = ctx.person!.id;
  if (ctx.args.trim()) {
    const { id } = idAndRest(ctx.args);
    const row = id === null ? null : await ctx.s.prisma.announcement.findUnique({ where: { id } });
    if (!row || row.senderId !== personId) return ctx.reply(T.resultUnknown(ctx.args.trim().slice(0, 20)));
    return ctx.reply(await lineOf(ctx, row));
  }
  const rows = await ctx.s.prisma.announcement.findMany({ where: { senderId: personId }, orderBy: { id: "desc" }, take: 5 });
  if (!rows.length) return ctx.reply(T.resultsNone);
  const lines: string[] = [];
  for (const row of rows) lines.push(await lineOf(ctx, row));
  ctx.reply(T.results(lines.join("\n\n")));
}

async function lineOf(ctx: Ctx, row: { id: number; text: string; status: string; sendAt: Date; recipients: number }): Promise<string> {
  if (row.status === "scheduled") return T.resultScheduled(row.id, row.text, formatDateTime(row.sendAt));
  const c = (await deliveryCounts(ctx.s, row.id))!;
  return T.resultLine(row.id, row.text, formatDateTime(row.sendAt), c);
}
