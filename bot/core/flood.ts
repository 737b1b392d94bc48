/**
 * Per-user flood control: at most `max` messages in a sliding window of `windowMs`.
 * The first message over the limit gets a polite notice; the rest of the burst is dropped
 * until the window frees up. In-memory per instance (a flood from one user lands on one
 * instance in polling mode; in webhook mode each instance protects itself).
 */
export class FloodGuard {
  private hits = new Map<string, { times: number[]; warned: boolean }>();
  private lastSweep = 0;

  constructor(
    private max: number,
    private windowMs: number,
  ) {}

  /** "ok" to process, "warn" to answer with the notice once, "drop" to ignore. */
  check(key: string, now: number): "ok" | "warn" | "drop" {
    this.sweep(now);
    let e = this.hits.get(key);
    if (!e) {
      e = { times: [], warned: false };
      this.hits.set(key, e);
    }
    while (e.times.length && e.times[0]! <= now - this.windowMs) e.times.shift();
    if (e.times.length < this.max) {
      e.times.push(now);
      if (e.times.length < this.max / 2) e.warned = false;
      return "ok";
    }
    if (!e.warned) {
      e.warned = true;
      return "warn";
    }
    return "drop";
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs * 6) return;
    this.lastSweep = now;
    for (const [k, e] of this.hits) if (!e.times.length || e.times[e.times.length - 1]! <= now - this.windowMs) this.hits.delete(k);
  }
}
