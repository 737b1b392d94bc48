import { randomBytes } from "node:crypto";
import { parseId, pipeFields } from "../../bot/core/args.ts";
import { readFileSync } from "node:fs";
import type { Ctx, Feature, MembershipView, Services, UnitView } from "../../bot/core/context.ts";
import { bold, preview } from "../../bot/core/text.ts";
import { formatDate, formatDateTime, parseMonthKey, parseVnDate, vnDate, vnParts } from "../../bot/core/time.ts";
import { isUniqueViolation } from "../../bot/core/outbox/outbox.ts";
import { type HttpServer, sendJson } from "../../bot/core/http.ts";
import { sessionText as T } from "../../prompts/vi/sessions.ts";
import { cancelJobs, ensureJob } from "../../bot/core/jobs.ts";
import { toCsv, REPORTS, type ReportFn } from "../reports.ts";
import { isInSubtree, pathIds, unitByCode } from "../../bot/domain/org.ts";
import { SESSION_HOOK, type SessionHook } from "../dialogue/index.ts";
import { askerKeyOf, askerPersonId, askerUnitOf, notifyHolder, voterKeyOf } from "../dialogue/service.ts";
import { labelOf, topicLabels } from "../dialogue/topics.ts";

const BOARD_PAGE = new URL("../../prompts/web/board.html", import.meta.url);
const JOB_CLOSE = "session.close";
const JOB_COMMIT = "session.commitment";
const DAY_MS = 86_400_000;
const MAX_FIELD = 300;

type SessionRow = {
  id: number;
  title: string;
  leaders: string;
  scopeUnitId: number;
  opensAt: Date;
  closesAt: Date;
  boardToken: string;
  createdById: number;
};



function statusOf(s: Services, row: Pick<SessionRow, "opensAt" | "closesAt">): "open" | "upcoming" | "closed" {
  const now = s.clock.now().getTime();
  if (now < row.opensAt.getTime()) return "upcoming";
  return now < row.closesAt.getTime() ? "open" : "closed";
}

export function boardUrl(s: Services, token: string): string {
  const base = s.config.PUBLIC_URL ?? `http://${s.config.WEB_HOST}:${s.config.WEB_PORT}`;
  return `${base.replace(/\/$/, "")}/board/${token}`;
}

async function scopeUnit(s: Services, id: number): Promise<UnitView | null> {
  return s.prisma.unit.findUnique({ where: { id } });
}

/** Cadres and admins of the session's scope unit or above moderate it and record commitments. */
async function mayManage(s: Services, memberships: MembershipView[], session: Pick<SessionRow, "scopeUnitId">): Promise<boolean> {
  const unit = await scopeUnit(s, session.scopeUnitId);
  return !!unit && memberships.some((m) => (m.role === "cadre" || m.role === "admin") && isInSubtree(unit.path, m.unit.path));
}

// ---------------------------------------------------------------- the hook: questions join an open session

/** The open session nearest to the asker's unit (deepest scope containing it), if any. */
const sessionFor: SessionHook = async (s, asker) => {
  const now = s.clock.now();
  const ids = pathIds(asker.unit.path);
  const open = await s.prisma.dialogueSession.findMany({
    where: { scopeUnitId: { in: ids }, opensAt: { lte: now }, closesAt: { gt: now } },
  });
  if (!open.length) return null;
  const depth = (id: number) => ids.indexOf(id);
  const session = open.sort((a, b) => depth(b.scopeUnitId) - depth(a.scopeUnitId) || a.id - b.id)[0]!;
  return {
    sessionId: session.id,
    moderation: "pending",
    title: session.title,
    announce: (questionId) => announcePending(s, session, questionId),
  };
};

/** Tell the moderators (the session's creator and the scope unit's cadres) about a question to approve. */
async function announcePending(s: Services, session: SessionRow, questionId: number): Promise<void> {
  const q = await s.prisma.question.findUnique({ where: { id: questionId } });
  if (!q) return;
  const labels = await topicLabels(s.prisma);
  const cadres = await s.prisma.membership.findMany({
    where: { unitId: session.scopeUnitId, role: { in: ["cadre", "admin"] } },
    select: { personId: true },
  });
  const recipients = new Set([session.createdById, ...cadres.map((c) => c.personId)]);
  const text = T.pendingForModerator(session.title, q.id, labelOf(labels, q.topic), q.text);
  for (const pid of recipients) {
    await s.outbox.toPerson(
      pid,
      {
        text,
        choices: [
          { label: T.approveButton, action: "ses.approve", args: { questionId: q.id } },
          { label: T.hideButton, action: "ses.hide", args: { questionId: q.id } },
        ],
      },
      { dedupeKey: `ses:pending:${q.id}:${pid}` },
    );
  }
}

// ---------------------------------------------------------------- commands

async function create(ctx: Ctx): Promise<void> {
  const f = pipeFields(ctx.args);
  if (f.length !== 5 || f.some((x) => !x)) return ctx.reply(T.createUsage);
  const [title, leaders, code, opensRaw, closesRaw] = f as [string, string, string, string, string];
  if (title.length > MAX_FIELD || leaders.length > MAX_FIELD) return ctx.reply(T.createTooLong);
  const unit = await unitByCode(ctx.s.prisma, code);
  if (!unit) return ctx.reply(T.createUnknownUnit(preview(code, 40)));
  if (!ctx.withRole("admin").some((m) => isInSubtree(unit.path, m.unit.path))) return ctx.reply(T.createNotSubtree);
  const opensAt = parseVnDate(opensRaw, 8);
  const closesAt = parseVnDate(closesRaw, 17);
  if (!opensAt || !closesAt || closesAt.getTime() <= opensAt.getTime()) return ctx.reply(T.createBadDates);
  const session = await ctx.s.prisma.dialogueSession.create({
    data: { title, leaders, scopeUnitId: unit.id, opensAt, closesAt, boardToken: randomBytes(18).toString("base64url"), createdById: ctx.person!.id },
  });
  await ensureJob(ctx.s, { kind: JOB_CLOSE, runAt: closesAt, dedupeKey: `ses:close:${session.id}`, payload: { sessionId: session.id } });
  await ctx.audit("session.create", "session", session.id, unit.code);
  ctx.reply(T.created(session.id, title, unit.name, formatDateTime(opensAt), formatDateTime(closesAt), boardUrl(ctx.s, session.boardToken)));
}

/** Open and upcoming sessions for my units, with the most voted questions and vote buttons. */
async function show(ctx: Ctx): Promise<void> {
  const { prisma, clock } = ctx.s;
  const ids = [...new Set(ctx.memberships.flatMap((m) => pathIds(m.unit.path)))];
  const sessions = await prisma.dialogueSession.findMany({
    where: { scopeUnitId: { in: ids }, closesAt: { gt: clock.now() } },
    orderBy: { opensAt: "asc" },
    take: 5,
  });
  if (!sessions.length) return ctx.reply(T.none);
  const lines = [bold(T.listHeader), ""];
  const choices = [];
  for (const ses of sessions) {
    const open = statusOf(ctx.s, ses) === "open";
    lines.push(T.item(ses.id, ses.title, ses.leaders, formatDateTime(ses.opensAt), formatDateTime(ses.closesAt), open));
    if (!open) continue;
    const top = await prisma.question.findMany({
      where: { sessionId: ses.id, moderation: "approved", status: { not: "hidden" } },
      orderBy: [{ votes: "desc" }, { id: "asc" }],
      take: 5,
    });
    lines.push(top.length ? T.topHeader : T.noQuestions);
    for (const q of top) {
      lines.push(T.topItem(q.id, q.votes, preview(q.text, 160)));
      choices.push({ label: T.voteButton(q.id), action: "ses.vote", args: { questionId: q.id } });
    }
    lines.push("");
  }
  lines.push(T.askHint);
  ctx.reply(lines.join("\n"), choices.slice(0, 8));
}

/** One upvote per person and question (the unique (question, voter) pair decides races). */
async function vote(ctx: Ctx, id: number | null): Promise<void> {
  if (id === null) return ctx.reply(T.voteUsage);
  const s = ctx.s;
  const unit = askerUnitOf(ctx.memberships);
  const q = await s.prisma.question.findUnique({ where: { id } });
  if (!unit || !q || q.moderation !== "approved" || q.status === "hidden") return ctx.reply(T.voteNotFound(id));
  const scopeIds = pathIds(unit.path);
  let visible = scopeIds.includes(q.unitId) || scopeIds.includes(q.askerUnitId);
  if (!visible && q.sessionId !== null) {
    const ses = await s.prisma.dialogueSession.findUnique({ where: { id: q.sessionId }, select: { scopeUnitId: true } });
    visible = !!ses && scopeIds.includes(ses.scopeUnitId);
  }
  if (!visible) return ctx.reply(T.voteNotFound(id));
  if (q.status !== "open" && q.sessionId === null) return ctx.reply(T.voteClosed(id));
  if (q.askerKey === askerKeyOf(s, ctx.person!.id)) return ctx.reply(T.voteOwn);
  try {
    const [, updated] = await s.prisma.$transaction([
      s.prisma.questionVote.create({ data: { questionId: id, voterKey: voterKeyOf(s, ctx.person!.id), kind: "upvote", createdAt: s.clock.now() } }),
      s.prisma.question.update({ where: { id }, data: { votes: { increment: 1 } }, select: { votes: true } }),
    ]);
    ctx.reply(T.voted(id, updated.votes));
  } catch (e) {
    if (isUniqueViolation(e)) return ctx.reply(T.voteAlready(id));
    throw e;
  }
}

async function moderate(ctx: Ctx, id: number | null, to: "approved" | "hidden", cmd: string): Promise<void> {
  if (id === null) return ctx.reply(T.moderateUsage(cmd));
  const s = ctx.s;
  const q = await s.prisma.question.findUnique({ where: { id } });
  if (!q || q.sessionId === null) return ctx.reply(T.notSessionQuestion(id));
  const session = await s.prisma.dialogueSession.findUnique({ where: { id: q.sessionId } });
  if (!session || !(await mayManage(s, ctx.memberships, session))) return ctx.reply(T.notModerator);
  const r = await s.prisma.question.updateMany({ where: { id, moderation: "pending" }, data: { moderation: to } });
  if (r.count !== 1) return ctx.reply(T.alreadyModerated(id, T.moderationState[q.moderation] ?? q.moderation));
  await s.prisma.questionEvent.create({ data: { questionId: id, kind: to === "approved" ? "approve" : "hide", actorId: ctx.person!.id, at: s.clock.now() } });
  await ctx.audit(to === "approved" ? "session.approve" : "session.hide", "question", id);
  const updated = await s.prisma.question.findUniqueOrThrow({ where: { id } });
  if (to === "approved") {
    await notifyHolder(s, updated, { kind: "new" }, `dlg:new:${id}`);
  } else {
    // a hidden question leaves the queue; its asker is told, and its deadline jobs stop
    await s.prisma.question.update({ where: { id }, data: { status: "hidden" } });
    await cancelJobs(s, `dlg:rem:${id}:`);
    await cancelJobs(s, `dlg:esc:${id}:`);
    const pid = askerPersonId(s, updated);
    if (pid !== null) await s.outbox.toPerson(pid, { text: T.hiddenAsker(id) }, { dedupeKey: `ses:hidden:${id}` });
  }
  ctx.reply(to === "approved" ? T.approved(id) : T.hidden(id));
}

async function manageableSession(ctx: Ctx, id: number | null): Promise<SessionRow | null> {
  if (id === null) return null;
  const session = await ctx.s.prisma.dialogueSession.findUnique({ where: { id } });
  return session && (await mayManage(ctx.s, ctx.memberships, session)) ? session : null;
}

async function commit(ctx: Ctx): Promise<void> {
  const f = pipeFields(ctx.args);
  if (f.length < 4 || f.length > 5 || f.slice(0, 4).some((x) => !x)) return ctx.reply(T.commitUsage);
  const [sid, text, owner, dueRaw, qRaw] = f as [string, string, string, string, string | undefined];
  const session = await manageableSession(ctx, parseId(sid));
  if (!session) return ctx.reply(T.commitSessionUnknown(parseId(sid) ?? 0));
  if (text.length > 1000 || owner.length > MAX_FIELD) return ctx.reply(T.createTooLong);
  const due = parseVnDate(dueRaw, 17);
  if (!due || due.getTime() <= ctx.s.clock.now().getTime()) return ctx.reply(T.commitBadDate);
  let questionId: number | null = null;
  if (qRaw) {
    questionId = parseId(qRaw);
    const q = questionId !== null ? await ctx.s.prisma.question.findUnique({ where: { id: questionId }, select: { sessionId: true } }) : null;
    if (!q || q.sessionId !== session.id) return ctx.reply(T.commitQuestionUnknown(questionId ?? 0));
  }
  const c = await ctx.s.prisma.commitment.create({ data: { sessionId: session.id, questionId, text, owner, dueAt: due } });
  await scheduleCommitment(ctx.s, c);
  await ctx.audit("session.commit", "commitment", c.id);
  ctx.reply(T.committed(c.id, text, owner, formatDate(due)));
}

/** Reminders 3 days before and on the due day at 08:00, then overdue notices the day after and weekly. */
async function scheduleCommitment(s: Services, c: { id: number; dueAt: Date }): Promise<void> {
  const d = vnParts(c.dueAt);
  const dueMorning = vnDate(d.year, d.month, d.day, 8, 0);
  const now = s.clock.now().getTime();
  for (const [days, runAt] of [
    [3, new Date(dueMorning.getTime() - 3 * DAY_MS)],
    [0, dueMorning],
    [-1, new Date(dueMorning.getTime() + DAY_MS)],
  ] as const) {
    if (runAt.getTime() <= now && days >= 0) continue;
    await ensureJob(s, { kind: JOB_COMMIT, runAt, dedupeKey: `ses:commit:${c.id}:${days}`, payload: { commitmentId: c.id, days, week: 0 } });
  }
}

async function runCommitment(s: Services, payload: Record<string, unknown>): Promise<void> {
  const id = Number(payload.commitmentId);
  const days = Number(payload.days);
  const week = Number(payload.week ?? 0);
  const c = await s.prisma.commitment.findUnique({ where: { id } });
  if (!c || c.doneAt) return;
  const session = await s.prisma.dialogueSession.findUnique({ where: { id: c.sessionId } });
  if (!session) return;
  const due = formatDate(c.dueAt);
  const text = days >= 0 ? T.commitReminder(id, c.text, c.owner, due, days) : T.commitOverdue(id, c.text, c.owner, due);
  await s.outbox.toPerson(session.createdById, { text }, { dedupeKey: `ses:commit:${id}:${days}:${week}` });
  if (days < 0) {
    // chased weekly until done
    const next = new Date(s.clock.now().getTime() + 7 * DAY_MS);
    await ensureJob(s, { kind: JOB_COMMIT, runAt: next, dedupeKey: `ses:commit:${id}:-1:${week + 1}`, payload: { commitmentId: id, days: -1, week: week + 1 } });
  }
}

async function commitDone(ctx: Ctx): Promise<void> {
  const id = parseId(ctx.args);
  if (id === null) return ctx.reply(T.commitDoneUsage);
  const c = await ctx.s.prisma.commitment.findUnique({ where: { id } });
  const session = c ? await manageableSession(ctx, c.sessionId) : null;
  if (!c || !session) return ctx.reply(T.commitUnknown(id));
  const r = await ctx.s.prisma.commitment.updateMany({ where: { id, doneAt: null }, data: { doneAt: ctx.s.clock.now() } });
  if (r.count !== 1) return ctx.reply(T.commitAlreadyDone(id));
  await cancelJobs(ctx.s, `ses:commit:${id}:`);
  await ctx.audit("session.commitDone", "commitment", id);
  ctx.reply(T.commitDone(id));
}

// ---------------------------------------------------------------- report

/** The questions of a session by votes, their answers and the commitments, as text. */
export async function sessionReport(s: Services, session: SessionRow): Promise<string> {
  const [questions, commitments, labels] = await Promise.all([
    s.prisma.question.findMany({ where: { sessionId: session.id }, orderBy: [{ votes: "desc" }, { id: "asc" }] }),
    s.prisma.commitment.findMany({ where: { sessionId: session.id }, orderBy: { id: "asc" } }),
    topicLabels(s.prisma),
  ]);
  const approved = questions.filter((q) => q.moderation === "approved");
  const answers = await lastAnswers(s.prisma, approved.map((q) => q.id));
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

async function lastAnswers(prisma: Services["prisma"], ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await prisma.answer.findMany({ where: { questionId: { in: ids } }, orderBy: { id: "asc" }, select: { questionId: true, text: true } });
  return new Map(rows.map((r) => [r.questionId, r.text]));
}

async function report(ctx: Ctx): Promise<void> {
  const session = await manageableSession(ctx, parseId(ctx.args));
  if (!session) return ctx.reply(parseId(ctx.args) === null ? T.reportUsage : T.commitSessionUnknown(parseId(ctx.args)!));
  ctx.reply(await sessionReport(ctx.s, session));
}

async function onClose(s: Services, payload: Record<string, unknown>): Promise<void> {
  const session = await s.prisma.dialogueSession.findUnique({ where: { id: Number(payload.sessionId) } });
  if (!session) return;
  const text = await sessionReport(s, session);
  await s.prisma.dialogueSession.update({ where: { id: session.id }, data: { summary: text } });
  await s.outbox.toPerson(session.createdById, { text: `${T.closedNotice}\n\n${text}` }, { dedupeKey: `ses:closed:${session.id}` });
}

/** `report sessions`: every question of the sessions held in the unit's subtree that month, and the commitments. */
const sessionsReport: ReportFn = async ({ prisma }, unit, month, format) => {
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
    const qs = await prisma.question.findMany({ where: { sessionId: ses.id, moderation: "approved" }, orderBy: [{ votes: "desc" }, { id: "asc" }] });
    const answers = await lastAnswers(prisma, qs.map((q) => q.id));
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

// ---------------------------------------------------------------- the live board

let boardPage: string | null = null;

function mountBoard(http: HttpServer, s: Services): void {
  http.route("GET", "/board/*", async (_req, res, url) => {
    const m = /^\/board\/([A-Za-z0-9_-]{16,64})(\/data)?\/?$/.exec(url.pathname);
    const session = m ? await s.prisma.dialogueSession.findUnique({ where: { boardToken: m[1]! } }) : null;
    if (!m || !session) return sendJson(res, 404, { ok: false });
    if (m[2]) return sendJson(res, 200, await boardData(s, session));
    boardPage ??= readFileSync(BOARD_PAGE, "utf8").replace("/*TEXTS*/{}", JSON.stringify(T.board).replace(/</g, "\\u003c"));
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    });
    res.end(boardPage);
  });
}

/** What the stage screen shows: approved questions by votes (no asker is ever named). */
export async function boardData(s: Services, session: SessionRow) {
  const [qs, labels] = await Promise.all([
    s.prisma.question.findMany({
      where: { sessionId: session.id, moderation: "approved", status: { not: "hidden" } },
      orderBy: [{ votes: "desc" }, { id: "asc" }],
      take: 50,
      select: { id: true, text: true, votes: true, topic: true, status: true },
    }),
    topicLabels(s.prisma),
  ]);
  return {
    title: session.title,
    leaders: session.leaders,
    status: statusOf(s, session),
    opensAt: formatDateTime(session.opensAt),
    closesAt: formatDateTime(session.closesAt),
    questions: qs.map((q) => ({ id: q.id, text: q.text, votes: q.votes, topic: labelOf(labels, q.topic), answered: q.status === "answered" || q.status === "closed" })),
  };
}

export const sessions: Feature = {
  name: "sessions",
  async init(s) {
    s.registry.set(SESSION_HOOK, sessionFor);
  },
  commands: {
    phienmoi: { roles: ["admin"], run: create },
    phien: { run: show },
    binhchon: { run: (ctx) => vote(ctx, parseId(ctx.args)) },
    duyet: { roles: ["cadre", "admin"], run: (ctx) => moderate(ctx, parseId(ctx.args), "approved", "duyet") },
    an: { roles: ["cadre", "admin"], run: (ctx) => moderate(ctx, parseId(ctx.args), "hidden", "an") },
    camket: { roles: ["cadre", "admin"], run: commit },
    xongcamket: { roles: ["cadre", "admin"], run: commitDone },
    baocaodoithoai: { roles: ["cadre", "admin"], run: report },
  },
  actions: {
    "ses.vote": { run: (ctx, a) => vote(ctx, Number(a.questionId)) },
    "ses.approve": { roles: ["cadre", "admin"], run: (ctx, a) => moderate(ctx, Number(a.questionId), "approved", "duyet") },
    "ses.hide": { roles: ["cadre", "admin"], run: (ctx, a) => moderate(ctx, Number(a.questionId), "hidden", "an") },
  },
  jobs: {
    [JOB_CLOSE]: onClose,
    [JOB_COMMIT]: runCommitment,
  },
  web: mountBoard,
};
