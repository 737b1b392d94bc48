/**
 * Live dialogue sessions: the rows this feature owns (DialogueSession, Commitment), who may
 * manage a session, and the port the dialogue feature is given to send new questions of a
 * session's scope into it (see handlers/dialogue/api.ts, SessionsPort).
 */
import type { MembershipView, Services } from "../../bot/core/context.ts";
import { isInSubtree, pathIds } from "../../bot/domain/org.ts";
import { sessionText as T } from "../../prompts/vi/sessions.ts";
import { labelOf, questionView, topicLabels, type SessionJoin, type SessionsPort } from "../dialogue/api.ts";

export const JOB_CLOSE = "session.close";
export const JOB_COMMIT = "session.commitment";
export const DAY_MS = 86_400_000;
export const MAX_FIELD = 300;

export type SessionRow = {
  id: number;
  title: string;
  leaders: string;
  scopeUnitId: number;
  opensAt: Date;
  closesAt: Date;
  boardToken: string;
  createdById: number;
};

export function statusOf(s: Services, row: Pick<SessionRow, "opensAt" | "closesAt">): "open" | "upcoming" | "closed" {
  const now = s.clock.now().getTime();
  if (now < row.opensAt.getTime()) return "upcoming";
  return now < row.closesAt.getTime() ? "open" : "closed";
}

export function boardUrl(s: Services, token: string): string {
  const base = s.config.PUBLIC_URL ?? `http://${s.config.WEB_HOST}:${s.config.WEB_PORT}`;
  return `${base.replace(/\/$/, "")}/board/${token}`;
}

/** Cadres and admins of the session's scope unit or above moderate it and record commitments. */
export async function mayManage(s: Services, memberships: MembershipView[], session: Pick<SessionRow, "scopeUnitId">): Promise<boolean> {
  const unit = await s.prisma.unit.findUnique({ where: { id: session.scopeUnitId } });
  return !!unit && memberships.some((m) => (m.role === "cadre" || m.role === "admin") && isInSubtree(unit.path, m.unit.path));
}

/** The open session nearest to the asker's unit (deepest scope containing it), if any: its questions wait for approval. */
async function sessionFor(s: Services, asker: { personId: number; unit: { path: string } }): Promise<SessionJoin | null> {
  const now = s.clock.now();
  const ids = pathIds(asker.unit.path);
  const open = await s.prisma.dialogueSession.findMany({
    where: { scopeUnitId: { in: ids }, opensAt: { lte: now }, closesAt: { gt: now } },
  });
  if (!open.length) return null;
  const depth = (id: number) => ids.indexOf(id);
  const session = open.sort((a, b) => depth(b.scopeUnitId) - depth(a.scopeUnitId) || a.id - b.id)[0]!;
  return { sessionId: session.id, moderation: "pending", title: session.title };
}

/** Tell the moderators (the session's creator and the scope unit's cadres and admins) about a question to approve. */
async function questionPending(s: Services, sessionId: number, questionId: number): Promise<void> {
  const [session, q] = await Promise.all([s.prisma.dialogueSession.findUnique({ where: { id: sessionId } }), questionView(s, questionId)]);
  if (!session || !q) return;
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

/** The port the dialogue feature is given (bot/app/features.ts). */
export const sessionsPort: SessionsPort = { sessionFor, questionPending };
