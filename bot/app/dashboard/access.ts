/**
 * Who may look at the dashboard, and of which unit: a one-time link (15 minutes) opens a
 * server-side session (the web chat's WebSession rows, told apart by their key) limited to
 * one unit's subtree. Nothing but the hash of a token is stored; the link is used up by the
 * first press (an atomic delete), so it works once; a session is refused once it expires, or
 * once its person no longer leads the unit (erased, or their role removed).
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../../prisma/db.ts";
import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/settings.ts";
import type { UnitView } from "../../core/context.ts";

export const LINK_MINUTES = 15;
export const SESSION_HOURS = 8;
/** Roles whose holders see the dashboard of their unit's subtree. */
export const DASHBOARD_ROLES = ["cadre", "admin"] as const;
const LINK_KEY = "dashboard-link:";
const SESSION_KEY = "dashboard:";

type Deps = { prisma: Db; clock: Clock };
const hash = (token: string) => createHash("sha256").update(token).digest("hex");
export const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

/** The address the dashboard is reached at, or null when this install serves no web page. */
export function dashboardBase(config: Pick<Config, "webChat" | "PUBLIC_URL" | "WEB_HOST" | "WEB_PORT" | "BOT_MODE">): string | null {
  if (config.webChat) return (config.PUBLIC_URL ?? `http://${config.WEB_HOST}:${config.WEB_PORT}`).replace(/\/$/, "");
  // without the web chat, feature pages are served by the webhook server (webhook mode only)
  return config.BOT_MODE === "webhook" && config.PUBLIC_URL ? config.PUBLIC_URL.replace(/\/$/, "") : null;
}

/** A new one-time link to a unit's dashboard; `personId` null: asked by an operator (the CLI). */
export async function issueLink(d: Deps, unit: Pick<UnitView, "id">, who: { personId: number | null; name: string }): Promise<{ token: string; expiresAt: Date }> {
  const now = d.clock.now();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + LINK_MINUTES * 60_000);
  await d.prisma.webSession.deleteMany({ where: { expiresAt: { lte: now } } });
  await d.prisma.webSession.create({
    data: { id: hash(token), userKey: `${LINK_KEY}${unit.id}`, name: who.name.slice(0, 100), personId: who.personId, demo: false, createdAt: now, expiresAt },
  });
  return { token, expiresAt };
}

/** Use a link up: a session token for its unit, or null when the link is unknown, used or expired. */
export async function openLink(d: Deps, token: string): Promise<{ token: string; expiresAt: Date } | null> {
  if (!TOKEN_RE.test(token)) return null;
  const now = d.clock.now();
  const row = await d.prisma.webSession.findUnique({ where: { id: hash(token) } });
  if (!row || !row.userKey.startsWith(LINK_KEY) || row.expiresAt <= now) return null;
  // the first to delete it wins: a second press, a second tab or a replay finds nothing
  const used = await d.prisma.webSession.deleteMany({ where: { id: row.id, userKey: row.userKey, expiresAt: { gt: now } } });
  if (used.count !== 1) return null;
  const unitId = Number(row.userKey.slice(LINK_KEY.length));
  const session = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await d.prisma.webSession.create({
    data: { id: hash(session), userKey: `${SESSION_KEY}${unitId}`, name: row.name, personId: row.personId, demo: false, createdAt: now, expiresAt },
  });
  return { token: session, expiresAt };
}

export interface DashboardSession {
  unit: UnitView;
  name: string;
  personId: number | null;
  expiresAt: Date;
}

/** The session of a cookie's token, or null (unknown, expired, or its person no longer leads the unit). */
export async function sessionOf(d: Deps, token: string | undefined): Promise<DashboardSession | null> {
  if (!token || !TOKEN_RE.test(token)) return null;
  const row = await d.prisma.webSession.findUnique({ where: { id: hash(token) } });
  if (!row || !row.userKey.startsWith(SESSION_KEY) || row.expiresAt <= d.clock.now()) return null;
  const unit = await d.prisma.unit.findUnique({ where: { id: Number(row.userKey.slice(SESSION_KEY.length)) } });
  if (!unit) return null;
  if (row.personId !== null && !(await leads(d.prisma, row.personId, unit))) return null;
  return { unit, name: row.name, personId: row.personId, expiresAt: row.expiresAt };
}

/** Sign out: the session row goes. */
export async function closeSession(d: Deps, token: string | undefined): Promise<void> {
  if (token && TOKEN_RE.test(token)) await d.prisma.webSession.deleteMany({ where: { id: hash(token), userKey: { startsWith: SESSION_KEY } } });
}

/** Whether the person is a cadre or admin of the unit or of a unit above it. */
export async function leads(prisma: Db, personId: number, unit: Pick<UnitView, "path">): Promise<boolean> {
  const ms = await prisma.membership.findMany({ where: { personId, role: { in: [...DASHBOARD_ROLES] } }, select: { unitId: true } });
  const units = await prisma.unit.findMany({ where: { id: { in: ms.map((m) => m.unitId) } }, select: { path: true } });
  return units.some((u) => unit.path.startsWith(u.path));
}
