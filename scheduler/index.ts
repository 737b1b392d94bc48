import { Cron } from "croner";
import type { Feature, Services } from "../bot/core/context.ts";
import { JobRunner, type JobHandler } from "./jobs.ts";
import { occurrences } from "../bot/core/cron.ts";
import { retentionTick } from "../bot/core/retention.ts";
import { Episode, backoffDelay, isTransientError } from "../bot/core/backoff.ts";
import type { Presence } from "../bot/core/outbox/presence.ts";

/** The lease of the instance that runs the cron ticks (one at a time; durable jobs run everywhere). */
export const CRON_LEADER = "leader:cron";

/** The core's own periodic work, run beside the features' ticks. */
const CORE: Feature = { name: "core", ticks: [retentionTick] };

/** How far back missed ticks are caught up after downtime. */
const MAX_CATCH_UP_MS = 35 * 86_400_000;

/**
 * croner ticks (every few seconds) and, through bot/core/cron.ts, tells which occurrences of
 * each feature's cron fell since the last pass. Each tick runs the features' periodic ticks
 * for every occurrence since the last processed one (stored in the database, so ticks missed
 * while the process was down are caught up at start), then runs the durable jobs that are due.
 * With several instances (a Presence given), the ticks run only on the instance holding the
 * `leader:cron` lease; durable jobs are claimed one by one by any instance. Ticks also only
 * ensure jobs by dedupe key, so even two leaders would not double work.
 *
 * A database outage is logged once per episode and the passes back off until it ends.
 */
export class Scheduler {
  private task: Cron | null = null;
  private busy: Promise<void> | null = null;
  readonly runner: JobRunner;
  private features: Feature[];
  private episodes = new Map<string, Episode>();
  private outage: Episode;
  /** Passes are skipped until then after a pass hit an outage (backoff). */
  private pauseUntil = 0;
  private failedPasses = 0;

  constructor(
    private s: Services,
    features: Feature[],
    owner: string,
    private tickEvery = "*/5 * * * * *",
    /** This instance's heartbeat and leases: given, the cron ticks are leader-only. */
    private presence: Presence | null = null,
  ) {
    this.features = [...features, CORE];
    const handlers = new Map<string, JobHandler>();
    for (const f of features) for (const [k, h] of Object.entries(f.jobs ?? {})) handlers.set(k, h);
    this.runner = new JobRunner(s, handlers, owner, presence);
    this.outage = new Episode(s.log, "scheduler");
  }

  private episode(key: string): Episode {
    let e = this.episodes.get(key);
    if (!e) this.episodes.set(key, (e = new Episode(this.s.log, key)));
    return e;
  }

  /** Whether this instance runs the cron ticks now (always without a Presence). */
  private async leader(): Promise<boolean> {
    if (!this.presence) return true;
    if (this.presence.holds(CRON_LEADER)) return true;
    return this.presence.acquire(CRON_LEADER);
  }

  async start(): Promise<void> {
    await this.tick();
    this.task = new Cron(this.tickEvery, { protect: true }, () => this.tick());
  }

  async stop(): Promise<void> {
    this.task?.stop();
    this.task = null;
    await this.busy;
    // another instance takes the ticks over at once
    if (this.presence?.holds(CRON_LEADER)) await this.presence.release(CRON_LEADER).catch(() => undefined);
  }

  /** One pass: periodic ticks since the last pass, then due jobs (until none is left). */
  tick(): Promise<void> {
    if (this.busy) return this.busy;
    if (Date.now() < this.pauseUntil) return Promise.resolve();
    this.busy = this.pass().finally(() => {
      this.busy = null;
    });
    return this.busy;
  }

  private async pass(): Promise<void> {
    let outage: unknown = null;
    const note = (e: unknown) => {
      if (isTransientError(e)) outage ??= e;
    };
    try {
      if (await this.leader()) await this.runTicks(note);
    } catch (e) {
      // the lease could not be read: no ticks this time
      note(e);
      if (!isTransientError(e)) this.episode("cron leader lease").fail(e);
    }
    try {
      while ((await this.runner.runDue(100)) > 0) {
        /* keep going while jobs are due */
      }
      this.episode("durable jobs").ok();
    } catch (e) {
      note(e);
      if (!isTransientError(e)) this.episode("durable jobs").fail(e);
    }
    if (outage) {
      this.pauseUntil = Date.now() + this.outage.fail(outage) + backoffDelay(this.failedPasses++, 1000, 30_000);
    } else {
      this.outage.ok();
      this.failedPasses = 0;
      this.pauseUntil = 0;
    }
  }

  /** Every feature's periodic ticks, for each occurrence since the last one processed. */
  private async runTicks(note: (e: unknown) => void): Promise<void> {
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
          const due = occurrences(expr, from, now);
          for (const at of due) await t.run(this.s, at);
          // one line per tick and pass (a catch-up after downtime runs many occurrences)
          if (due.length) log.info({ tick: key, count: due.length, first: due[0]!.toISOString(), last: due[due.length - 1]!.toISOString() }, "cron tick ran");
          await prisma.setting.upsert({ where: { key }, create: { key, value: now.toISOString() }, update: { value: now.toISOString() } });
          this.episode(key).ok();
        } catch (e) {
          note(e);
          if (isTransientError(e)) return; // the database is away: the other ticks would fail alike
          this.episode(key).fail(e);
        }
      }
    }
  }
}
