/** `/sinhhoat`: completion of the month for a cadre's subtree, and one branch's report with its photo. */
import type { Ctx, UnitView } from "../../bot/core/context.ts";
import { formatDate } from "../../bot/core/time.ts";
import { isInSubtree } from "../../bot/domain/org.ts";
import { guidesText as T, reportText as R } from "../../prompts/vi/guides.ts";
import { answerLines } from "./fields.ts";
import { fieldsOf, readReport, reportAttachment } from "./reporting.ts";
import { completion } from "./service.ts";

/** Lines of /sinhhoat before the list is cut (the report has everything). */
const COMPLETION_LINES = 150;

export async function showCompletion(ctx: Ctx, unit: UnitView, month: string): Promise<void> {
  const rows = await completion(ctx.s.prisma, unit, month);
  if (!rows.length) return ctx.reply(T.completionNone);
  const done = rows.filter((r) => r.confirmed).length;
  const lines = [T.completionHeader(unit.name, month, done, rows.length), ""];
  let shown = 0;
  let group: string | null = null;
  for (const r of rows) {
    if (shown >= COMPLETION_LINES) break;
    if (r.parentPath !== group) {
      group = r.parentPath;
      lines.push(T.completionGroup(r.parentName));
    }
    if (!r.confirmed) lines.push(T.completionNotDone(r.name));
    else {
      const extra = R.completionFields(Math.min(r.answered, r.fields), r.fields) + (r.hasPhoto ? R.photoMark : "");
      lines.push(`${T.completionDone(r.name, r.attendees ?? 0, r.date ?? "")}${extra} [${r.code}]`);
    }
    shown++;
  }
  if (rows.length > shown) lines.push(T.completionMore(rows.length - shown));
  if (done) lines.push("", R.detailHint);
  ctx.reply(lines.join("\n"));
}

/** One branch's report of the month, every field, with its photo (upper levels see what was sent). */
export async function showBranchReport(ctx: Ctx, mine: UnitView[], code: string, month: string): Promise<void> {
  const unit = await ctx.s.prisma.unit.findUnique({ where: { code } });
  const all = [...mine, ...ctx.withRole("cadre", "admin").map((m) => m.unit)];
  if (!unit || !all.some((u) => isInSubtree(unit.path, u.path))) return ctx.reply(R.notInArea(code));
  const r = await readReport(ctx.s, unit.id, month);
  if (!r) return ctx.reply(R.noReport(unit.name, month));
  const lines = [R.detailTitle(unit.name, month, formatDate(r.createdAt)), ...answerLines(fieldsOf(month), r.answers)];
  if (r.note) lines.push(R.noteLine(r.note));
  const photo = reportAttachment(r);
  ctx.replyWith({ text: lines.join("\n"), ...(photo ? { attachment: photo } : {}) });
}
