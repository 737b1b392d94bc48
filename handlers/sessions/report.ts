/**
 * After a session: its report (questions by votes, their answers, the commitments) for the
 * organiser at closing time and on /baocaodoithoai, and the monthly `report sessions`.
 */
import type { Ctx, Services } from "../../bot/core/context.ts";
import { parseId } from "../../bot/core/args.ts";
import { bold, preview } from "../../bot/core/text.ts";
import { formatDate, formatDateTime, parseMonthKey, vnDate } from "../../bot/core/time.ts";
import { sessionText as T } from "../../prompts/vi/sessions.ts";
import { toCsv, REPORTS, type ReportFn } from "../reports.ts";
import { labelOf, lastAnswers, sessionQuestions, topicLabels } from "../dialogue/api.ts";
import { manageableSession } from "./commitments.ts";
import { ClosePayload, job } from "./schemas.ts";
import { JOB_CLOSE, type SessionRow } from "./service.ts";

/** The questions of a session by votes, their answers and the commitments, as text. */
export async function sessionReport(s: Services, session: SessionRow): Promise<string> {
  const [questions, commitments, labels] = await Promise.all([
    sessionQuestions(s, session.id),
    s.prisma.commitment.findMany({ where: { sessionId: session.id }, orderBy: { id: "asc" } }),
    topicLabels(s.prisma),
  ]);
  const approved = questions.filter((q) => q.moderation === "approved");
  const answers = await lastAnswers(s, approved.map((q) => q.id));
  const votes = approved.reduce((a, q) => a + q.votes, 0);
  const lines = [
    bold(T.reportHeader(session.title, formatDateTime(session.opensAt), formatDateTime(session.closesAt))),
    T.reportCounts(questions.length, approved.length, approved.filter((q) => answers.has(q.id)).length, votes),
    "",
  ];
  for (const q of approved) {
    const a = answers.get(q.id);
    lines.push(T.reportQuestion(q.id, q.votes, labelOf(labels, q.topic), preview(q.text, 300), a ? preview(a, 400) : null), "");
  }
  lines.push(bold(T.reportCommitHeader));
  if (!commitments.length) lines.push(T.reportNoCommit);
  for (const c of commitments) lines.push(T.reportCommit(c.id, c.text, c.owner, formatDate(c.dueAt), c.doneAt ? formatDate(c.doneAt) : null));
  return lines.join("\n");
}

export async function report(ctx: Ctx): Promise<void> {
  const session = await manageableSession(ctx, parseId(ctx.args));
  if (!session) return ctx.reply(parseId(ctx.args) === null ? T.reportUsage : T.commitSessionUnknown(parseId(ctx.args)!));
  ctx.reply(await sessionReport(ctx.s, session));
}

/** At closing time the report is kept with the session and sent to its organiser. */
export const onClose = job(JOB_CLOSE, ClosePayload, async (s, { sessionId }) => {
  const session = await s.prisma.dialogueSession.findUnique({ where: { id: sessionId } });
  if (!session) return;
  const text = await sessionReport(s, session);
  await s.prisma.dialogueSession.update({ where: { id: session.id }, data: { summary: text } });
  await s.outbox.toPerson(session.createdById, { text: `${T.closedNotice}\n\n${text}` }, { dedupeKey: `ses:closed:${session.id}`, bulk: true });
});

/** `report sessions`: every question of the sessions held in the unit's subtree that month, and the commitments. */
const sessionsReport: ReportFn = async (deps, unit, month, format) => {
  const { prisma } = deps;
  const m = parseMonthKey(month);
  if (!m) throw new Error(`bad month ${month}`);
  const from = vnDate(m.year, m.month, 1);
  const to = vnDate(m.month === 12 ? m.year + 1 : m.year, m.month === 12 ? 1 : m.month + 1, 1);
  const units = await prisma.unit.findMany({ where: { path: { startsWith: unit.path } }, select: { id: true } });
  const sessions = await prisma.dialogueSession.findMany({
    where: { scopeUnitId: { in: units.map((u) => u.id) }, opensAt: { gte: from, lt: to } },
    orderBy: { opensAt: "asc" },
  });
  const labels = await topicLabels(prisma);
  const rows: Record<string, string | number>[] = [];
  for (const ses of sessions) {
    const qs = await sessionQuestions(deps, ses.id, { approvedOnly: true });
    const answers = await lastAnswers(deps, qs.map((q) => q.id));
    for (const q of qs)
      rows.push({ session: ses.title, kind: "question", id: q.id, topic: labelOf(labels, q.topic), text: q.text, votes: q.votes, answer: answers.get(q.id) ?? "", owner: "", due: "", done: "" });
    const cs = await prisma.commitment.findMany({ where: { sessionId: ses.id }, orderBy: { id: "asc" } });
    for (const c of cs)
      rows.push({ session: ses.title, kind: "commitment", id: c.id, topic: "", text: c.text, votes: "", answer: "", owner: c.owner, due: formatDate(c.dueAt), done: c.doneAt ? formatDate(c.doneAt) : "" });
  }
  if (format === "json") return JSON.stringify({ unit: { code: unit.code, name: unit.name }, month, rows }, null, 2) + "\n";
  return toCsv(rows, ["session", "kind", "id", "topic", "text", "votes", "answer", "owner", "due", "done"]);
};
REPORTS.sessions = sessionsReport;
