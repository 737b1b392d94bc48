/** Sliding-window limit: at most `max` events in any `windowMs`. */
export class SlidingWindow {
  private times: number[] = [];
  constructor(
    private max: number,
    private windowMs: number,
  ) {}

  /** Milliseconds to wait before the next event is allowed (0 = now). */
  wait(now: number): number {
    while (this.times.length && this.times[0]! <= now - this.windowMs) this.times.shift();
    if (this.times.length < this.max) return 0;
    return this.times[0]! + this.windowMs - now + 1;
  }

  /** Events allowed right now. */
  available(now: number): number {
    while (this.times.length && this.times[0]! <= now - this.windowMs) this.times.shift();
    return Math.max(0, this.max - this.times.length);
  }

  take(now: number): void {
    this.times.push(now);
  }

  /**
   * Milliseconds until `k` more events fit (0 = now). Events not yet taken (sends in flight)
   * end inside the window, so when they alone fill it the answer is a full window.
   */
  waitFor(k: number, now: number): number {
    const keep = this.max - k;
    if (keep < 0) return this.windowMs;
    this.available(now);
    if (this.times.length <= keep) return 0;
    return this.times[this.times.length - keep - 1]! + this.windowMs - now + 1;
  }
}

/** Token bucket: bursts of `capacity`, refilled at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private capacity: number,
    private perSecond: number,
    now = Date.now(),
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  wait(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
  }

  /** Whole tokens available right now. */
  available(now: number): number {
    this.refill(now);
    return Math.max(0, Math.floor(this.tokens));
  }

  take(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }

  /** Nothing may be sent for `ms` (a 429 retry_after). */
  pause(now: number, ms: number): void {
    this.refill(now);
    this.tokens = Math.min(this.tokens, 0) - (ms / 1000) * this.perSecond;
  }

  idleSince(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.capacity;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }
}
