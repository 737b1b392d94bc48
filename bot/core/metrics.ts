import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { ChannelSender, DeliveryResult } from "./channel.ts";

/**
 * Prometheus metrics of this process (prom-client), served at /metrics. Counters are
 * incremented where things happen; the gauges read from the database (outbox depth and lag,
 * jobs due and late) are set by the composition root just before each scrape.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: "bot_" });

export const metrics = {
  updatesIn: new Counter({ name: "bot_updates_in_total", help: "Platform updates stored (new, not redeliveries)", labelNames: ["channel"], registers: [registry] }),
  handling: new Histogram({
    name: "bot_update_handling_seconds",
    help: "Time to handle one stored update (replies queued)",
    labelNames: ["channel"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  }),
  outboxDepth: new Gauge({ name: "bot_outbox_depth", help: "Outbox rows waiting to be sent", labelNames: ["channel"], registers: [registry] }),
  outboxLag: new Gauge({ name: "bot_outbox_lag_seconds", help: "Age of the oldest outbox row due and not yet sent", labelNames: ["channel"], registers: [registry] }),
  sends: new Counter({ name: "bot_sends_total", help: "Delivery attempts by result", labelNames: ["channel", "result"], registers: [registry] }),
  tooMany: new Counter({ name: "bot_send_429_total", help: "Sends answered 429 (too many requests) by the platform", labelNames: ["channel"], registers: [registry] }),
  jobsDue: new Gauge({ name: "bot_scheduler_jobs_due", help: "Durable jobs due now and not yet run", registers: [registry] }),
  jobsLate: new Gauge({ name: "bot_scheduler_jobs_late", help: "Durable jobs due for more than a minute and not yet run", registers: [registry] }),
  outages: new Counter({ name: "bot_outage_episodes_total", help: "Episodes of a failing loop (database or network away)", labelNames: ["what"], registers: [registry] }),
};

/** Count one delivery outcome (and 429s apart). */
export function countSend(channel: string, r: DeliveryResult): void {
  const result = r.ok ? "sent" : r.kind;
  metrics.sends.inc({ channel, result });
  if (!r.ok && r.kind === "retry" && (r.retryAfterMs !== undefined || /^429\b/.test(r.error))) metrics.tooMany.inc({ channel });
}

/** A sender whose outcomes are counted (the worker sees the very same results). */
export function instrumentSender<S extends ChannelSender>(s: S): S {
  const send: ChannelSender["send"] = async (chatId, payload, rowId) => {
    try {
      const r = await s.send(chatId, payload, rowId);
      countSend(s.channel, r);
      return r;
    } catch (e) {
      metrics.sends.inc({ channel: s.channel, result: "error" });
      throw e;
    }
  };
  return new Proxy(s, {
    get(target, key) {
      if (key === "send") return send;
      const v: unknown = Reflect.get(target, key);
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
