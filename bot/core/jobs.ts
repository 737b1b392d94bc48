import type { Services } from "./context.ts";

/**
 * The durable job store as features see it: they ensure and cancel jobs by key; the
 * scheduler (scheduler/) finds what is due and runs it.
 */
/** Create a job once: the dedupe key makes re-runs, catch-ups and second instances harmless. */
export async function ensureJob(
  s: Pick<Services, "prisma">,
  job: { kind: string; runAt: Date; dedupeKey: string; payload?: Record<string, unknown> },
): Promise<void> {
  await s.prisma.scheduledJob.upsert({
    where: { dedupeKey: job.dedupeKey },
    create: { kind: job.kind, runAt: job.runAt, dedupeKey: job.dedupeKey, payload: JSON.stringify(job.payload ?? {}) },
    update: {},
  });
}

/** Cancel pending jobs whose key starts with a prefix (e.g. a task completed early), except the keys to keep. */
export async function cancelJobs(s: Pick<Services, "prisma">, dedupePrefix: string, keep: string[] = []): Promise<number> {
  const r = await s.prisma.scheduledJob.updateMany({
    where: { dedupeKey: { startsWith: dedupePrefix, ...(keep.length ? { notIn: keep } : {}) }, status: "pending" },
    data: { status: "cancelled" },
  });
  return r.count;
}

