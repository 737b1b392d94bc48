import type { Services } from "./context.ts";

/** Who cancels: the clock stamps when (the system clock when none is given). */
type Canceller = Pick<Services, "prisma"> & { clock?: Services["clock"] };

/**
 * The durable job store as features see it: they ensure and cancel jobs by key or by
 * reference; the scheduler (scheduler/) finds what is due and runs it.
 *
 * Every job carries a `ref` (indexed with its status): what it is about. A feature may give
 * it ("question:12"); otherwise it is derived from the dedupe key — the key up to and
 * including its first all-digit segment ("task:12:rem:7" → "task:12"), or the whole key when
 * it has none. Cancelling by prefix ("task:12:") then reads the jobs of that ref through the
 * index instead of every pending job.
 */
export function refOfKey(key: string): string {
  const parts = key.split(":");
  const i = parts.findIndex((p) => /^\d+$/.test(p));
  return i < 0 ? key : parts.slice(0, i + 1).join(":");
}

/** The ref every key starting with `prefix` shares, when the prefix fixes one (it has an all-digit segment before its last ':'). */
function refOfPrefix(prefix: string): string | null {
  const complete = prefix.slice(0, prefix.lastIndexOf(":") + 1);
  const parts = complete.split(":").slice(0, -1);
  const i = parts.findIndex((p) => /^\d+$/.test(p));
  return i < 0 ? null : parts.slice(0, i + 1).join(":");
}

/** Create a job once: the dedupe key makes re-runs, catch-ups and second instances harmless. */
export async function ensureJob(
  s: Pick<Services, "prisma">,
  job: { kind: string; runAt: Date; dedupeKey: string; payload?: Record<string, unknown>; ref?: string },
): Promise<void> {
  await s.prisma.scheduledJob.upsert({
    where: { dedupeKey: job.dedupeKey },
    create: {
      kind: job.kind,
      runAt: job.runAt,
      dedupeKey: job.dedupeKey,
      ref: job.ref ?? refOfKey(job.dedupeKey),
      payload: JSON.stringify(job.payload ?? {}),
    },
    update: {},
  });
}

/**
 * Cancel pending jobs whose key starts with a prefix (e.g. a task completed early), except the
 * keys to keep. Read through the ref index when the prefix fixes a ref (rows written before
 * refs existed have none and are matched by key).
 */
export async function cancelJobs(s: Canceller, dedupePrefix: string, keep: string[] = []): Promise<number> {
  const ref = refOfPrefix(dedupePrefix);
  const r = await s.prisma.scheduledJob.updateMany({
    where: {
      ...(ref !== null ? { OR: [{ ref }, { ref: null }] } : {}),
      status: "pending",
      dedupeKey: { startsWith: dedupePrefix, ...(keep.length ? { notIn: keep } : {}) },
    },
    data: { status: "cancelled", doneAt: s.clock?.now() ?? new Date() },
  });
  return r.count;
}

/** Cancel the pending jobs of a ref (optionally of some kinds only), except the keys to keep. Exact index look-up. */
export async function cancelJobsOf(
  s: Canceller,
  ref: string,
  opts: { kinds?: string[]; keep?: string[] } = {},
): Promise<number> {
  const r = await s.prisma.scheduledJob.updateMany({
    where: {
      ref,
      status: "pending",
      ...(opts.kinds ? { kind: { in: opts.kinds } } : {}),
      ...(opts.keep?.length ? { dedupeKey: { notIn: opts.keep } } : {}),
    },
    data: { status: "cancelled", doneAt: s.clock?.now() ?? new Date() },
  });
  return r.count;
}
