/**
 * Dialogue sessions: the rows this feature owns (DialogueSession, Commitment), their periods
 * (intake: questions collected in advance with votes; live: answered on stage), who may manage
 * a session, and the port the dialogue feature is given: sessions taking questions are offered
 * to an asker, and only a question sent FOR one joins it (see handlers/dialogue/api.ts).
 */
import type { MembershipView, Services, UnitView } from "../../bot/core/context.ts";
import { ensureJob } from "../../bot/core/jobs.ts";
import { formatDateTime } from "../../bot/core/time.ts";
import { isInSubtree, pathIds } from "../../bot/domain/org.ts";
import { sessionText as T } from "../../prompts/vi/sessions.ts";
import { labelOf, questionView, refOf, topicLabels, type QuestionView, type SessionJoin, type SessionOffer, type SessionsPort } from "../dialogue/api.ts";

export const JOB_CLOSE = "session.close";
export const JOB_COMMIT = "session.commitment";
/** Moderators told of a batch of anonymous questions (at the end of the batch, never at arrival). */
export const JOB_PENDING_BATCH = "session.pendingBatch";
export const DAY_MS = 86_400_000;
export const MAX_FIELD = 300;

export type SessionRow = {
  id: number;
  title: string;
  leaders: string;
  scopeUnitId: number;
  opensAt: Date;
  liveAt: Date | null;
  closesAt: Date;
  closedAt: Date | null;
  boardToken: string;
  createdById: number;
};

export type SessionState = "upcoming" | "intake" | "live" | "closed";

export function stateOf(s: Services, row: Pick<SessionRow, "opensAt" | "liveAt" | "closesAt">): SessionState {
  const now = s.clock.now().getTime();
  if (now < row.opensAt.getTime()) return "upcoming";
  if (now >= row.closesAt.getTime()) return "closed";
  return row.liveAt && now < row.liveAt.getTime() ? "intake" : "live";
}

/** The periods as one line of text. */
export function whenText(row: Pick<SessionRow, "opensAt" | "liveAt" | "closesAt">): string {
  const separate = row.liveAt && row.liveAt.getTime() > row.opensAt.getTime();
  return T.when(formatDateTime(row.opensAt), separate ? formatDateTime(row.liveAt!) : null, formatDateTime(row.closesAt));
}

function baseUrl(s: Services): string {
  return (s.config.PUBLIC_URL ?? `http://${s.config.WEB_HOST}:${s.config.WEB_PORT}`).replace(/\/$/, "");
}

export function boardUrl(s: Services, token: string): string {
  return `${baseUrl(s)}/board/${token}`;
}

/** The public results page of a session (beside its board): questions, answers, commitments. */
export function resultsUrl(s: Services, token: string): string {
  return `${baseUrl(s)}/board/${token}/ketqua`;
}

/** How a question is named in this feature's messages: "#12", or "A123456" when anonymous (never its id). */
export const refOfView = (q: Pick<QuestionView, "id" | "anonymous" | "publicRef">) => refOf(q);

/** Cadres and admins of the session's scope unit or above moderate it and record commitments. */
export async function mayManage(s: Services, memberships: MembershipView[], session: Pick<SessionRow, "scopeUnitId">): Promise<boolean> {
  const unit = await s.prisma.unit.findUnique({ where: { id: session.scopeUnitId } });
  return !!unit && memberships.some((m) => (m.role === "cadre" || m.role === "admin") && isInSubtree(unit.path, m.unit.path));
}

/** Sessions of the asker's scope (the asker's unit or above) taking questions now, nearest first. */
export async function takingQuestions(s: Services, unit: Pick<UnitView, "path">): Promise<(SessionRow & { unit: UnitView })[]> {
  const now = s.clock.now();
  const ids = pathIds(unit.path);
  const open = await s.prisma.dialogueSession.findMany({ where: { scopeUnitId: { in: ids }, opensAt: { lte: now }, closesAt: { gt: now }, closedAt: null } });
  const units = new Map((await s.prisma.unit.findMany({ where: { id: { in: open.map((o) => o.scopeUnitId) } } })).map((u) => [u.id, u]));
  const depth = (id: number) => ids.indexOf(id);
  return open
    .sort((a, b) => depth(b.scopeUnitId) - depth(a.scopeUnitId) || a.id - b.id)
    .filter((o) => units.has(o.scopeUnitId))
    .map((o) => ({ ...o, unit: units.get(o.scopeUnitId)! }));
}

/** What a question sent for this session is given: moderation, routing from the session's unit, due after the closing. */
export function joinOf(session: SessionRow & { unit: UnitView }): SessionJoin {
  return { sessionId: session.id, title: session.title, moderation: "pending", unit: session.unit, dueBase: session.closesAt };
}

async function sessionOffer(s: Services, asker: { personId: number; unit: UnitView }): Promise<SessionOffer | null> {
  const open = (await takingQuestions(s, asker.unit)).slice(0, 4);
  if (!open.length) return null;
  return {
    joins: open.map(joinOf),
    text: T.offerText(open.map((o) => o.title)),
    labels: open.map((o) => T.offerChoice(o.id, o.title)),
    normalLabel: T.offerNormal,
  };
}

/** Who moderates a session: its creator and the scope unit's cadres and admins. */
async function moderators(s: Services, session: Pick<SessionRow, "scopeUnitId" | "createdById">): Promise<number[]> {
  const cadres = await s.prisma.membership.findMany({ where: { unitId: session.scopeUnitId, role: { in: ["cadre", "admin"] } }, select: { personId: true } });
  return [...new Set([session.createdById, ...cadres.map((c) => c.personId)])];
}

/** Tell the moderators about one question to approve (named by its reference when anonymous). */
export async function tellModerators(s: Services, session: SessionRow, q: QuestionView, topic: string): Promise<void> {
  const text = T.pendingForModerator(session.title, refOf(q), topic, q.text);
  for (const pid of await moderators(s, session)) {
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

/**
 * A question joined the session and waits for approval. A named one: its moderators are told
 * now. An anonymous one waiting for its batch: they are told at the end of the batch, with the
 * other anonymous questions of that batch in random order (JOB_PENDING_BATCH), so the time of
 * the notice tells nothing about who asked.
 */
async function questionPending(s: Services, sessionId: number, questionId: number): Promise<void> {
  const [session, q] = await Promise.all([s.prisma.dialogueSession.findUnique({ where: { id: sessionId } }), questionView(s, questionId)]);
  if (!session || !q) return;
  if (q.anonymous && q.held) {
    const at = q.createdAt.getTime();
    await ensureJob(s, { kind: JOB_PENDING_BATCH, runAt: q.createdAt, dedupeKey: `ses:pbatch:${sessionId}:${at}`, payload: { sessionId, at } });
    return;
  }
  await tellModerators(s, session, q, labelOf(await topicLabels(s.prisma), q.topic));
}

/** The port the dialogue feature is given (bot/app/features.ts). */
export const sessionsPort: SessionsPort = { sessionOffer, questionPending };
