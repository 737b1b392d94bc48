import type { Services } from "../bot/core/context.ts";
import type { Presence } from "../bot/core/outbox/presence.ts";

export type JobHandler = (s: Services, payload: Record<string, unknown>) => Promise<void>;

const MAX_ATTEMPTS = 5;

/**
 * Runs due jobs: found by the (status, runAt) index, claimed one by one with a lease
 * (compare-and-set), so two instances never run the same job and a crashed run is retried.
 */
export class JobRunner {
  constructor(
    private s: Services,
    private handlers: Map<string, JobHandler>,
    private owner: string,
    /** Given, jobs held by instances no longer alive are taken over at once (not after their lease). */
    private presence: Presence | null = null,
  ) {}

  async runDue(limit = 100): Promise<number> {
    const { prisma, clock, log } = this.s;
    const now = clock.now();
    const alive = this.presence ? await this.presence.aliveIds() : null;
    const due = await prisma.scheduledJob.findMany({
      where: {
        status: "pending",
        runAt: { lte: now },
        OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }, ...(alive ? [{ leaseOwner: { notIn: alive } }] : [])],
      },
      orderBy: { runAt: "asc" },
      take: limit,
      select: { id: true, kind: true, payload: true, leaseUntil: true, leaseOwner: true, attempts: true },
    });
    let ran = 0;
    for (const job of due) {
      const lease = new Date(clock.now().getTime() + 10 * 60_000);
      const got = await prisma.scheduledJob.updateMany({
        where: { id: job.id, status: "pending", leaseUntil: job.leaseUntil, leaseOwner: job.leaseOwner },
        data: { leaseOwner: this.owner, leaseUntil: lease, attempts: { increment: 1 } },
      });
      if (got.count !== 1) continue;
      const handler = this.handlers.get(job.kind);
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(this.s, JSON.parse(job.payload) as Record<string, unknown>);
        await prisma.scheduledJob.update({ where: { id: job.id }, data: { status: "done", doneAt: clock.now(), leaseUntil: null } });
        ran++;
      } catch (e) {
        const attempts = job.attempts + 1;
        const msg = e instanceof Error ? e.message : String(e);
        log.error({ err: e, job: job.id, kind: job.kind }, "job failed");
        await prisma.scheduledJob.update({
          where: { id: job.id },
          data:
            attempts >= MAX_ATTEMPTS
              ? { status: "failed", lastError: msg.slice(0, 500), leaseUntil: null, doneAt: clock.now() }
              : { lastError: msg.slice(0, 500), leaseUntil: new Date(clock.now().getTime() + 30_000 * 2 ** attempts) },
        });
      }
    }
    return ran;
  }
}
