/**
 * Retention (Decree 13/2023: keep personal data no longer than needed). Once a day the
 * scheduler deletes, in batches, what the core kept only to do its work:
 * - handled inbound updates after RETENTION_INBOUND_DAYS (7),
 * - delivered (or finally failed / blocked) outbox rows after RETENTION_OUTBOX_DAYS (30),
 * - conversation state (a flow left half-way) RETENTION_CONVERSATION_DAYS (7) after its last message,
 * - choice sets once expired (RETENTION_CHOICE_DAYS, at least their 7 days of validity),
 * - handled, cancelled and failed jobs after RETENTION_JOBS_DAYS (30),
 * - audit rows after RETENTION_AUDIT_DAYS (365; they hold ids and codes, never message text).
 * Pending work is never touched. Each batch is one short statement, so a running bot is not
 * held up; the figures are logged.
 */
import type { Services } from "./context.ts";

const DAY_MS = 86_400_000;
const BATCH = 1000;

export interface RetentionCounts {
  inbound: number;
  outbox: number;
  conversations: number;
  choiceSets: number;
  jobs: number;
  audit: number;
}

/** Delete rows found `BATCH` ids at a time until none is left; yields to the event loop between batches. */
async function inBatches(find: (take: number) => Promise<{ id: number }[]>, del: (ids: number[]) => Promise<{ count: number }>): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = (await find(BATCH)).map((r) => r.id);
    if (!ids.length) return total;
    total += (await del(ids)).count;
    if (ids.length < BATCH) return total;
    await new Promise((r) => setImmediate(r));
  }
}

/** One retention pass at `now` (the service clock by default). */
export async function runRetention(s: Pick<Services, "prisma" | "config" | "clock">, now: Date = s.clock.now()): Promise<RetentionCounts> {
  const { prisma, config: c } = s;
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const inboundCut = before(c.RETENTION_INBOUND_DAYS);
  const outboxCut = before(c.RETENTION_OUTBOX_DAYS);
  const convCut = before(c.RETENTION_CONVERSATION_DAYS);
  const choiceCut = before(Math.max(7, c.RETENTION_CHOICE_DAYS));
  const jobsCut = before(c.RETENTION_JOBS_DAYS);
  const auditCut = before(c.RETENTION_AUDIT_DAYS);
  const select = { id: true } as const;
  const asc = { id: "asc" } as const;

  const inboundWhere = {
    status: { not: "pending" },
    OR: [{ processedAt: { lt: inboundCut } }, { processedAt: null, receivedAt: { lt: inboundCut } }],
  };
  const inbound = await inBatches(
    (take) => prisma.inboundUpdate.findMany({ where: inboundWhere, select, orderBy: asc, take }),
    (ids) => prisma.inboundUpdate.deleteMany({ where: { id: { in: ids }, status: { not: "pending" } } }),
  );
  const outboxWhere = {
    OR: [
      { status: "sent", sentAt: { lt: outboxCut } },
      { status: { in: ["failed", "blocked"] }, createdAt: { lt: outboxCut } },
    ],
  };
  const outbox = await inBatches(
    (take) => prisma.outboxMessage.findMany({ where: outboxWhere, select, orderBy: asc, take }),
    (ids) => prisma.outboxMessage.deleteMany({ where: { id: { in: ids }, status: { not: "pending" } } }),
  );
  const conversations = await inBatches(
    (take) => prisma.conversation.findMany({ where: { updatedAt: { lt: convCut } }, select, orderBy: asc, take }),
    (ids) => prisma.conversation.deleteMany({ where: { id: { in: ids }, updatedAt: { lt: convCut } } }),
  );
  const choiceSets = await inBatches(
    (take) => prisma.choiceSet.findMany({ where: { createdAt: { lt: choiceCut } }, select, orderBy: asc, take }),
    (ids) => prisma.choiceSet.deleteMany({ where: { id: { in: ids } } }),
  );
  const finished = ["done", "cancelled", "failed"];
  const jobs = await inBatches(
    (take) =>
      prisma.scheduledJob.findMany({
        where: { status: { in: finished }, OR: [{ doneAt: { lt: jobsCut } }, { doneAt: null, runAt: { lt: jobsCut } }] },
        select,
        orderBy: asc,
        take,
      }),
    (ids) => prisma.scheduledJob.deleteMany({ where: { id: { in: ids }, status: { in: finished } } }),
  );
  const audit = await inBatches(
    (take) => prisma.auditLog.findMany({ where: { at: { lt: auditCut } }, select, orderBy: asc, take }),
    (ids) => prisma.auditLog.deleteMany({ where: { id: { in: ids } } }),
  );
  return { inbound, outbox, conversations, choiceSets, jobs, audit };
}

/** The scheduler's daily tick (RETENTION_CRON); after downtime only the latest occurrence does the work. */
export const retentionTick = {
  name: "retention",
  cron: (c: Services["config"]) => c.RETENTION_CRON,
  async run(s: Services, at: Date): Promise<void> {
    if (s.clock.now().getTime() - at.getTime() > DAY_MS) return;
    const counts = await runRetention(s);
    s.log.info({ retention: counts }, "retention pass done");
  },
};
