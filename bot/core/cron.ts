import { Cron } from "croner";
import { timeZone } from "./time.ts";

/** Parsed patterns by zone and expression (a pattern is parsed once, not at every pass). */
const parsed = new Map<string, Cron>();

function pattern(expr: string): Cron {
  const tz = timeZone();
  const key = `${tz}\u0000${expr}`;
  let c = parsed.get(key);
  if (!c) {
    // no callback: croner only evaluates the pattern, it schedules nothing
    c = new Cron(expr, { timezone: tz, mode: "5-or-6-parts" });
    parsed.set(key, c);
  }
  return c;
}

/** Whether an expression is a cron pattern (minute hour day month weekday, seconds optional first). */
export function validCron(expr: string): boolean {
  try {
    pattern(expr);
    return true;
  } catch {
    return false;
  }
}

/**
 * Instants in (from, to] at which a cron expression fires, in the configured time zone
 * (croner evaluates it; day of month and day of week combine as in classic cron, OR when
 * both are restricted). At most `limit` instants, the earliest first.
 */
export function occurrences(expr: string, from: Date, to: Date, limit = 1000): Date[] {
  const out: Date[] = [];
  for (const at of pattern(expr).enumerate(from)) {
    if (at.getTime() > to.getTime() || out.length >= limit) break;
    out.push(at);
  }
  return out;
}
