import { freshDatabaseUrl } from "../test/helpers/db.ts";
import { migrate } from "../prisma/migrate.ts";
import { check } from "./targets.ts";
import { openDatabase } from "../prisma/db.ts";

/** Finding what is due among 100,000 scheduled reminders (the runner's indexed query). */
export async function runSchedulerBench(provider: "sqlite" | "postgresql" = "sqlite"): Promise<Record<string, number>> {
  const { url, drop } = await freshDatabaseUrl(provider);
  try {
    await migrate(url);
    const db = await openDatabase(url);
    const now = Date.now();
    const N = 100_000;
    const BATCH = 2_000;
    for (let i = 0; i < N; i += BATCH) {
      const rows = Array.from({ length: BATCH }, (_, j) => {
        const k = i + j;
        // spread over the next 60 days; one in 500 is due now
        const runAt = new Date(k % 500 === 0 ? now - 60_000 - k : now + 60_000 + ((k * 7919) % (60 * 86_400)) * 1000);
        return { kind: "deadline.remind", runAt, dedupeKey: `bench:${k}`, payload: "{}", status: k % 3 === 0 ? "done" : "pending" };
      });
      await db.prisma.scheduledJob.createMany({ data: rows });
    }
    const times: number[] = [];
    let found = 0;
    for (let r = 0; r < 200; r++) {
      const t0 = performance.now();
      const due = await db.prisma.scheduledJob.findMany({
        where: { status: "pending", runAt: { lte: new Date(now) }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: new Date(now) } }] },
        orderBy: { runAt: "asc" },
        take: 100,
        select: { id: true, kind: true, payload: true, leaseUntil: true, attempts: true },
      });
      times.push(performance.now() - t0);
      found = due.length;
    }
    await db.close();
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length * 0.5)]!;
    const p95 = times[Math.floor(times.length * 0.95)]!;
    check(`scheduler (${provider}): due reminders among ${N.toLocaleString("en")}, p95`, p95, "<", 20, "ms", `found ${found}, p50 ${p50.toFixed(2)} ms`);
    return { [`due_query_p50_ms_${provider}`]: p50, [`due_query_p95_ms_${provider}`]: p95 };
  } finally {
    await drop();
  }
}
