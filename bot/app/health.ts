import type { Db } from "../../prisma/db.ts";
import type { Clock } from "../core/clock.ts";
import type { Channel } from "../core/channel.ts";
import type { HttpApp } from "../core/http.ts";
import { metrics, registry } from "../core/metrics.ts";

/** What a channel tells /readyz about its intake (polling alive, or webhook registered). */
export interface IntakeStatus {
  ok: boolean;
  mode?: "polling" | "webhook";
  detail?: string;
}

export interface HealthSources {
  prisma: Db;
  clock: Clock;
  channels: () => Channel[];
  /** Ready only while the oldest due outbox row waits less than this. */
  maxOutboxLagMs: number;
}

export interface Readiness {
  ok: boolean;
  database: { ok: boolean; detail?: string };
  channels: Record<string, IntakeStatus>;
  outbox: { ok: boolean; lagSeconds: Record<string, number> };
}

/** Time limit of each probe: a database that hangs is as good as away. */
const PROBE_MS = 2_000;

function timeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => (t = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)))]).finally(() => clearTimeout(t));
}

/** Seconds the oldest due, unsent outbox row of each channel has been waiting. */
async function outboxLag(prisma: Db, now: Date): Promise<Record<string, number>> {
  const rows = await prisma.outboxMessage.groupBy({ by: ["channel"], where: { status: "pending", nextAttemptAt: { lte: now } }, _min: { nextAttemptAt: true } });
  const out: Record<string, number> = {};
  for (const r of rows) if (r._min.nextAttemptAt) out[r.channel] = Math.max(0, (now.getTime() - r._min.nextAttemptAt.getTime()) / 1000);
  return out;
}

/** Database reachable, every channel taking updates in, outbox lag under the threshold. */
export async function readiness(src: HealthSources): Promise<Readiness> {
  const channels: Record<string, IntakeStatus> = {};
  for (const c of src.channels()) {
    const status = (c as { intakeStatus?: () => IntakeStatus }).intakeStatus?.();
    channels[c.name] = status ?? { ok: true };
  }
  let database: Readiness["database"] = { ok: true };
  let lagSeconds: Record<string, number> = {};
  try {
    await timeout(src.prisma.$queryRawUnsafe("SELECT 1"), PROBE_MS);
    lagSeconds = await timeout(outboxLag(src.prisma, src.clock.now()), PROBE_MS);
  } catch (e) {
    database = { ok: false, detail: e instanceof Error ? e.message.split("\n")[0]!.slice(0, 120) : "unreachable" };
  }
  const outboxOk = database.ok && Object.values(lagSeconds).every((s) => s * 1000 < src.maxOutboxLagMs);
  const ok = database.ok && outboxOk && Object.values(channels).every((c) => c.ok);
  return { ok, database, channels, outbox: { ok: outboxOk, lagSeconds } };
}

/** Set the gauges read from the database (outbox depth and lag, jobs due and late); skipped when it is away. */
async function refreshGauges(src: HealthSources): Promise<void> {
  const { prisma } = src;
  const now = src.clock.now();
  const [depth, lag, due, late] = await timeout(
    Promise.all([
      prisma.outboxMessage.groupBy({ by: ["channel"], where: { status: "pending" }, _count: { _all: true } }),
      outboxLag(prisma, now),
      prisma.scheduledJob.count({ where: { status: "pending", runAt: { lte: now } } }),
      prisma.scheduledJob.count({ where: { status: "pending", runAt: { lte: new Date(now.getTime() - 60_000) } } }),
    ]),
    PROBE_MS,
  );
  metrics.outboxDepth.reset();
  for (const r of depth) metrics.outboxDepth.set({ channel: r.channel }, r._count._all);
  metrics.outboxLag.reset();
  for (const c of src.channels()) metrics.outboxLag.set({ channel: c.name }, lag[c.name] ?? 0);
  metrics.jobsDue.set(due);
  metrics.jobsLate.set(late);
}

/**
 * `/healthz` (liveness: the process answers), `/readyz` (200 when ready, 503 with the failing
 * checks otherwise) and `/metrics` (Prometheus text format).
 */
export function mountHealth(app: HttpApp, src: HealthSources): void {
  app.get("/healthz", (c) => c.json({ ok: true }));
  app.get("/readyz", async (c) => {
    const r = await readiness(src);
    return c.json(r, r.ok ? 200 : 503);
  });
  app.get("/metrics", async (c) => {
    await refreshGauges(src).catch(() => undefined);
    return c.body(await registry.metrics(), 200, { "content-type": registry.contentType });
  });
}
