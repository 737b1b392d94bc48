/**
 * After a session: at closing time every question gets an owner for good (answered, in the
 * normal queue with its due date, or hidden), askers and voters receive the results, and the
 * organiser the report (also on /baocaodoithoai). `report sessions`: per unit of a subtree, the
 * forums held this year against the rule of at least one a year for every district-level unit.
 */
import type { Ctx, Services, UnitView } from "../../bot/core/context.ts";
import { parseId } from "../../bot/core/args.ts";
import { bold, preview } from "../../bot/core/text.ts";
import { formatDate, formatDateTime, parseMonthKey, vnDate } from "../../bot/core/time.ts";
import { sessionText as T } from "../../prompts/vi/sessions.ts";
import { toCsv, REPORTS, type ReportFn } from "../reports.ts";
import { labelOf, lastAnswers, messageAsker, messageVoters, refOf, sessionQuestions, settleQuestion, topicLabels, type SettleOutcome } from "../dialogue/api.ts";
import { manageableSession } from "./commitments.ts";
import { ClosePayload, job } from "./schemas.ts";
import { JOB_CLOSE, resultsUrl, type SessionRow } from "./service.ts";

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
    lines.push(T.reportQuestion(refOf(q), q.votes, labelOf(labels, q.topic), preview(q.text, 300), a ? preview(a, 400) : null), "");
  }
  lines.push(bold(T.reportCommitHeader(commitments.filter((c) => c.doneAt).length, commitments.length)));
  if (!commitments.length) lines.push(T.reportNoCommit);
  for (const c of commitments) lines.push(T.reportCommit(c.id, c.text, c.owner, formatDate(c.dueAt), c.doneAt ? formatDate(c.doneAt) : null));
  lines.push("", resultsUrl(s, session.boardToken));
  return lines.join("\n");
}

export async function report(ctx: Ctx): Promise<void> {
  const session = await manageableSession(ctx, parseId(ctx.args));
  if (!session) return ctx.reply(parseId(ctx.args) === null ? T.reportUsage : T.commitSessionUnknown(parseId(ctx.args)!));
  ctx.reply(await sessionReport(ctx.s, session));
}

/**
 * At closing time: every question of the session settled (none left without an owner), each
 * asker told their question's outcome and each voter the outcome of the questions they voted
 * for (with the results page), the report kept with the session and sent to its organiser.
 * Every message is keyed: a re-run sends nothing twice.
 */
export const onClose = job(JOB_CLOSE, ClosePayload, async (s, { sessionId }) => {
  const session = await s.prisma.dialogueSession.findUnique({ where: { id: sessionId } });
  if (!session) return;
  const link = resultsUrl(s, session.boardToken);
  const questions = await sessionQuestions(s, session.id);
  const outcomes = new Map<number, SettleOutcome>();
  const count = { answered: 0, queued: 0, hidden: 0, told: 0 };
  for (const q of questions) {
    const o = await settleQuestion(s, q.id);
    outcomes.set(q.id, o);
    const ref = refOf(q);
    let text: string | null = null;
    if (o.kind === "answered") text = T.resultAnswered(session.title, ref, preview(o.answer, 1500), link);
    else if (o.kind === "queued") text = T.resultQueued(session.title, ref, o.unitName, formatDate(o.dueAt), link);
    else if (o.kind === "hidden") text = T.resultHidden(session.title, ref, link);
    if (o.kind !== "none") count[o.kind]++;
    if (text && (await messageAsker(s, q.id, { text }, `ses:result:${session.id}:${q.id}`))) count.told++;
  }
  // voters: the questions they voted for that reached the stage
  const byId = new Map(questions.map((q) => [q.id, q]));
  const shown = questions.filter((q) => q.moderation === "approved").map((q) => q.id);
  count.told += await messageVoters(
    s,
    shown,
    (ids) => {
      const lines = ids.map((id) => {
        const q = byId.get(id)!;
        const o = outcomes.get(id);
        const outcome = o?.kind === "answered" ? T.outcomeAnswered : o?.kind === "queued" ? T.outcomeQueued(o.unitName, formatDate(o.dueAt)) : T.outcomeHidden;
        return T.voterLine(refOf(q), preview(q.text, 120), outcome);
      });
      return { text: T.resultVoter(session.title, lines, link) };
    },
    `ses:result:${session.id}:voter`,
  );
  const text = await sessionReport(s, session);
  await s.prisma.dialogueSession.update({ where: { id: session.id }, data: { summary: text, closedAt: session.closedAt ?? s.clock.now() } });
  const counts = T.closedCounts(count.answered, count.queued, count.hidden, count.told);
  await s.outbox.toPerson(session.createdById, { text: `${T.closedNotice}\n${counts}\n\n${text}` }, { dedupeKey: `ses:closed:${session.id}`, bulk: true });
});

/**
 * District-level units: units whose level names a district-level Union (huyện, quận, thị,
 * thành phố thuộc tỉnh, đoàn trực thuộc, khối); in a tree without any (two-level local
 * government since 2025), the units right under the tree's root.
 */
const DISTRICT_LEVEL = /huyện|quận|thị đoàn|thị xã|thành đoàn thuộc|thành phố thuộc|trực thuộc|khối/i;

async function districtLevelIds(prisma: Services["prisma"]): Promise<Set<number>> {
  const all = await prisma.unit.findMany({ select: { id: true, level: true, depth: true, isBranch: true } });
  const named = all.filter((u) => DISTRICT_LEVEL.test(u.level));
  if (named.length) return new Set(named.map((u) => u.id));
  return new Set(all.filter((u) => u.depth === 1 && !u.isBranch).map((u) => u.id));
}

/** `report sessions --unit X --month YYYY-MM`: per unit of the subtree, forums held in that year up to that month (and planned). */
const sessionsReport: ReportFn = async (deps, unit, month, format) => {
  const { prisma } = deps;
  const m = parseMonthKey(month);
  if (!m) throw new Error(`bad month ${month}`);
  const yearStart = vnDate(m.year, 1, 1);
  const monthEnd = vnDate(m.month === 12 ? m.year + 1 : m.year, m.month === 12 ? 1 : m.month + 1, 1);
  const yearEnd = vnDate(m.year + 1, 1, 1);
  const now = deps.now ?? new Date();
  const asOf = new Date(Math.min(monthEnd.getTime(), now.getTime()));
  const units: UnitView[] = await prisma.unit.findMany({ where: { path: { startsWith: unit.path } }, orderBy: [{ depth: "asc" }, { name: "asc" }] });
  const sessions = await prisma.dialogueSession.findMany({
    where: { scopeUnitId: { in: units.map((u) => u.id) }, closesAt: { gte: yearStart, lt: yearEnd } },
    select: { scopeUnitId: true, closesAt: true, title: true, id: true },
  });
  const required = await districtLevelIds(prisma);
  const rows: Record<string, string | number>[] = [];
  for (const u of units) {
    if (u.isBranch && !required.has(u.id)) continue;
    const mine = sessions.filter((x) => x.scopeUnitId === u.id);
    const held = mine.filter((x) => x.closesAt.getTime() <= asOf.getTime()).length;
    const planned = mine.length - held;
    const req = required.has(u.id);
    rows.push({ code: u.code, unit: u.name, level: u.level, held, planned, required: req ? 1 : 0, status: req ? (held >= 1 ? "đạt" : "chưa đạt") : "" });
  }
  const needed = rows.filter((r) => r.required === 1);
  const summary = { year: m.year, asOf: formatDate(asOf), requiredUnits: needed.length, unitsMet: needed.filter((r) => r.status === "đạt").length };
  if (format === "json") return JSON.stringify({ unit: { code: unit.code, name: unit.name }, ...summary, rule: "≥1/năm cho mỗi đơn vị cấp huyện", rows }, null, 2) + "\n";
  return toCsv(rows, ["code", "unit", "level", "held", "planned", "required", "status"]);
};
REPORTS.sessions = sessionsReport;
