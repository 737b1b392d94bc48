import type { Role, Services } from "../../bot/core/context.ts";
import { cancelJobsOf, ensureJob } from "../../bot/core/jobs.ts";
import { enqueueBulk } from "../../bot/core/outbox/bulk.ts";
import { buttonData, type StaticButton } from "../../bot/core/buttons.ts";
import { isUniqueViolation } from "../../bot/core/outbox/outbox.ts";
import { providerOf } from "../../prisma/db.ts";
import { announcementsText as T } from "../../prompts/vi/announcements.ts";
import { labelOf, topicLabels } from "../dialogue/api.ts";
import { audienceOf, type AudienceScope } from "./audience.ts";

export type AnnouncementKind = "announcement" | "session" | "campaign" | "jobfair";
export const KINDS: readonly AnnouncementKind[] = ["announcement", "session", "campaign", "jobfair"];

export const JOB_SEND = "announcements.send";
export const JOB_REPORT = "announcements.report";

/** Longest announcement body (a Telegram message; longer texts are refused by /thongbao). */
export const MAX_TEXT = 3500;

export interface AnnounceRequest extends AudienceScope {
  /** Idempotency key: the same key announces once, however often it is run (namespace it: "session:12:open"). */
  key: string;
  kind: AnnouncementKind;
  /** The body, written by the caller (the header — kind, unit, topic — and the mute hint are added). */
  text: string;
  /** Who is told the sent / blocked / failed counts once delivery is over (none when absent). */
  senderId?: number | null;
  /** Send at this time (a durable job) instead of now. */
  at?: Date | null;
  /** Buttons under the message, the same for every recipient (bot/core/buttons.ts); stored with it. */
  buttons?: StaticButton[];
}

export interface AnnounceResult {
  id: number;
  /** Members it was queued for (scheduled: who would receive it now). */
  recipients: number;
  scheduled: boolean;
  /** False when the key had already been announced (nothing new queued). */
  created: boolean;
}

const ref = (id: number) => `ann:${id}`;
const csvIds = (s: string) => s.split(",").filter(Boolean).map(Number).filter((n) => Number.isInteger(n) && n > 0);
const csv = (s: string) => s.split(",").filter(Boolean);

function scopeOf(row: { unitIds: string; roles: string; topic: string | null }): AudienceScope {
  return { unitIds: csvIds(row.unitIds), roles: csv(row.roles) as Role[], topic: row.topic };
}

/** The buttons as stored in the row (checked now: a bad action or id throws before anything is written). */
function storedButtons(s: Services, buttons: StaticButton[] | undefined): string {
  if (!buttons?.length) return "";
  for (const b of buttons) buttonData(s.secrets, b.action, b.id);
  return JSON.stringify(buttons.map((b) => ({ label: b.label, action: b.action, id: b.id, typed: b.typed })));
}

/** The stored buttons, ready for the bulk send: their data sealed with the bot's key. */
function buttonsOf(s: Services, stored: string): { label: string; data: string; typed: string }[] {
  if (!stored) return [];
  return (JSON.parse(stored) as StaticButton[]).map((b) => ({ label: b.label, data: buttonData(s.secrets, b.action, b.id), typed: b.typed }));
}

/** See api.ts. */
export async function announce(s: Services, req: AnnounceRequest): Promise<AnnounceResult> {
  const now = s.clock.now();
  const sendAt = req.at && req.at.getTime() > now.getTime() ? req.at : now;
  let created = false;
  let row = await s.prisma.announcement.findUnique({ where: { key: req.key } });
  if (!row) {
    try {
      row = await s.prisma.announcement.create({
        data: {
          key: req.key,
          kind: req.kind,
          text: req.text,
          unitIds: [...new Set(req.unitIds)].join(","),
          roles: (req.roles ?? []).join(","),
          topic: req.topic || null,
          senderId: req.senderId ?? null,
          buttons: storedButtons(s, req.buttons),
          sendAt,
          createdAt: now,
        },
      });
      created = true;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      row = await s.prisma.announcement.findUniqueOrThrow({ where: { key: req.key } });
    }
  }
  if (row.status !== "scheduled") return { id: row.id, recipients: row.recipients, scheduled: false, created };
  // the job is the crash guarantee: whatever happens below, the scheduler sends it (idempotently)
  await ensureJob(s, { kind: JOB_SEND, runAt: row.sendAt, dedupeKey: `${ref(row.id)}:send`, payload: { id: row.id }, ref: ref(row.id) });
  if (row.sendAt.getTime() > now.getTime()) {
    const recipients = (await audienceOf(s.prisma, scopeOf(row))).length;
    return { id: row.id, recipients, scheduled: true, created };
  }
  const recipients = await sendAnnouncement(s, row.id);
  await cancelJobsOf(s, ref(row.id), { kinds: [JOB_SEND] });
  return { id: row.id, recipients, scheduled: false, created };
}

/** How many members an announcement to this scope would reach now (the preview of /thongbao). */
export async function countAudience(s: Services, scope: AudienceScope): Promise<number> {
  return (await audienceOf(s.prisma, scope)).length;
}

/**
 * Queue a due announcement to its audience in the bulk lane: one row per recipient and part,
 * keyed `ann:<id>:<person>#<part>`, so a re-run after a crash adds nothing. Returns the
 * number of recipients.
 */
export async function sendAnnouncement(s: Services, id: number): Promise<number> {
  const row = await s.prisma.announcement.findUnique({ where: { id } });
  if (!row) return 0;
  if (row.status !== "scheduled") return row.recipients;
  const scope = scopeOf(row);
  const recipients = await audienceOf(s.prisma, scope);
  const unit = scope.unitIds.length ? await s.prisma.unit.findUnique({ where: { id: scope.unitIds[0]! }, select: { name: true } }) : null;
  const topic = row.topic ? labelOf(await topicLabels(s.prisma), row.topic) : null;
  const text = T.message({ kind: T.kinds[row.kind] ?? T.kinds.announcement!, unit: unit?.name ?? "", topic, text: row.text });
  const now = s.clock.now();
  const buttons = buttonsOf(s, row.buttons);
  await enqueueBulk(s.prisma, s.outbox, recipients, text, { provider: providerOf(s.config.DATABASE_URL), dedupePrefix: ref(id), at: now, ...(buttons.length ? { buttons } : {}) });
  await s.prisma.announcement.updateMany({
    where: { id, status: "scheduled" },
    data: { status: "queued", recipients: recipients.length, queuedAt: now },
  });
  if (row.senderId !== null) {
    await ensureJob(s, { kind: JOB_REPORT, runAt: new Date(now.getTime() + REPORT_DELAYS_S[0]! * 1000), dedupeKey: `${ref(id)}:report:0`, payload: { id, n: 0 }, ref: ref(id) });
  }
  return recipients.length;
}

/** When the sender's summary is looked at again while messages are still on their way (seconds). */
const REPORT_DELAYS_S = [20, 60, 120, 300, 600, 1800, 3600, 3600 * 6, 3600 * 24];

export interface DeliveryCounts {
  recipients: number;
  sent: number;
  blocked: number;
  failed: number;
  pending: number;
}

/** Where an announcement's messages stand, read from the outbox (first part of each recipient's copy). */
export async function deliveryCounts(s: Services, id: number): Promise<DeliveryCounts | null> {
  const row = await s.prisma.announcement.findUnique({ where: { id } });
  if (!row) return null;
  const stored = { recipients: row.recipients, sent: row.sentCount, blocked: row.blockedCount, failed: row.failedCount, pending: 0 };
  if (row.reportedAt) return stored;
  const groups = await s.prisma.outboxMessage.groupBy({
    by: ["status"],
    where: { dedupeKey: { startsWith: `${ref(id)}:`, endsWith: "#1" } },
    _count: { _all: true },
  });
  const n = (st: string) => groups.find((g) => g.status === st)?._count._all ?? 0;
  return { recipients: row.recipients, sent: n("sent"), blocked: n("blocked"), failed: n("failed"), pending: n("pending") };
}

/** The sender's automatic summary: once nothing is pending (or after a day), the counts are stored and told. */
export async function reportAnnouncement(s: Services, id: number, n: number): Promise<void> {
  const row = await s.prisma.announcement.findUnique({ where: { id } });
  if (!row || row.reportedAt || row.senderId === null) return;
  const c = await deliveryCounts(s, id);
  if (!c) return;
  const now = s.clock.now();
  const next = REPORT_DELAYS_S[n + 1];
  if (c.pending > 0 && next !== undefined) {
    await ensureJob(s, { kind: JOB_REPORT, runAt: new Date(now.getTime() + next * 1000), dedupeKey: `${ref(id)}:report:${n + 1}`, payload: { id, n: n + 1 }, ref: ref(id) });
    return;
  }
  const done = await s.prisma.announcement.updateMany({
    where: { id, reportedAt: null },
    data: { reportedAt: now, sentCount: c.sent, blockedCount: c.blocked, failedCount: c.failed },
  });
  if (done.count !== 1) return;
  await s.outbox.toPerson(row.senderId, { text: T.summary({ id, ...c }) }, { dedupeKey: `annsum:${id}` });
}
