import { Cron } from "croner";
import type { Feature, Services } from "../bot/core/context.ts";
import { JobRunner, type JobHandler } from "./jobs.ts";
import { occurrences } from "../bot/core/cron.ts";

/** How far back missed ticks are caught up after downtime. */
const MAX_CATCH_UP_MS = 35 * 86_400_000;

/**
 * croner ticks (every few seconds) and, through bot/core/cron.ts, tells which occurrences of
 * each feature's cron fell since the last pass. Each tick runs the features' periodic ticks
 * for every occurrence since the last processed one (stored in the database, so ticks missed
 * while the process was down are caught up at start), then runs the durable jobs that are due. Ticks only ensure jobs by dedupe key, so two instances never double work.
 */
export class Scheduler {
  private task: Cron | null = null;
  private busy: Promise<void> | null = null;
  readonly runner: JobRunner;

  constructor(
    private s: Services,
    private features: Feature[],
    owner: string,
    private tickEvery = "*/5 * * * * *",
  ) {
    const handlers = new Map<string, JobHandler>();
    for (const f of features) for (const [k, h] of Object.entries(f.jobs ?? {})) handlers.set(k, h);
    this.runner = new JobRunner(s, handlers, owner);
  }

  async start(): Promise<void> {
    await this.tick();
    this.task = new Cron(this.tickEvery, { protect: true }, () => this.tick());
  }

  async stop(): Promise<void> {
    this.task?.stop();
    this.task = null;
    await this.busy;
  }

  /** One pass: periodic ticks since the last pass, then due jobs (until none is left). */
  tick(): Promise<void> {
    if (this.busy) return this.busy;
    this.busy = this.pass().finally(() => {
      this.busy = null;
    });
    return this.busy;
  }

  private async pass(): Promise<void> {
    const { prisma, clock, log } = this.s;
    const now = clock.now();
    for (const f of this.features) {
      for (const t of f.ticks ?? []) {
        const key = `tick:${f.name}:${t.name}`;
        try {
          const row = await prisma.setting.findUnique({ where: { key } });
          const last = row ? new Date(row.value) : new Date(now.getTime() - 86_400_000);
          const from = new Date(Math.max(last.getTime(), now.getTime() - MAX_CATCH_UP_MS));
          const expr = typeof t.cron === "function" ? t.cron(this.s.config) : t.cron;
          for (const at of occurrences(expr, from, now)) await t.run(this.s, at);
          await prisma.setting.upsert({ where: { key }, create: { key, value: now.toISOString() }, update: { value: now.toISOString() } });
        } catch (e) {
          log.error({ err: e, tick: key }, "tick failed");
        }
      }
    }
    try {
      while ((await this.runner.runDue(100)) > 0) {
        /* keep going while jobs are due */
      }
    } catch (e) {
      log.error({ err: e }, "job runner failed");
    }
  }
}
