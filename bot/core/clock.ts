/** Injected time source: tests move it forward, production reads the system clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export class ManualClock implements Clock {
  constructor(private t: Date = new Date()) {}
  now(): Date {
    return new Date(this.t.getTime());
  }
  set(d: Date): void {
    this.t = new Date(d.getTime());
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

/**
 * A clock that is the system clock shifted by an offset read from the environment
 * (CLOCK_OFFSET_MS, or CLOCK_START as an ISO date). End-to-end tests use it to start
 * the real bot process "in the future".
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const start = env.CLOCK_START ? Date.parse(env.CLOCK_START) : NaN;
  const offset = Number.isFinite(start) ? start - Date.now() : Number(env.CLOCK_OFFSET_MS ?? 0) || 0;
  if (!offset) return systemClock;
  return { now: () => new Date(Date.now() + offset) };
}
