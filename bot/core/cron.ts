import cron from "node-cron";
import { vnDate, vnParts } from "./time.ts";

const parsedCache = new Map<string, ReturnType<typeof cron.parse>>();

export function validCron(expr: string): boolean {
  return cron.validate(expr);
}

/**
 * Instants in (from, to] at which a cron expression (minute hour dom month dow, Vietnam
 * time) fires. node-cron parses the expression; we enumerate day by day so catching up a
 * month of missed ticks costs microseconds. dom and dow combine as in classic cron (OR
 * when both are restricted).
 */
export function occurrences(expr: string, from: Date, to: Date, limit = 1000): Date[] {
  let f = parsedCache.get(expr);
  if (!f) {
    f = cron.parse(expr);
    parsedCache.set(expr, f);
  }
  const dom = new Set(f.dayOfMonth.filter((x): x is number => typeof x === "number"));
  const dow = new Set(f.dayOfWeek.filter((x): x is number => typeof x === "number").map((d) => d % 7));
  const months = new Set(f.month);
  const domRestricted = dom.size < 31;
  const dowRestricted = dow.size < 7;
  const out: Date[] = [];
  const start = vnParts(from);
  let day = vnDate(start.year, start.month, start.day);
  const hours = [...f.hour].sort((a, b) => a - b);
  const minutes = [...f.minute].sort((a, b) => a - b);
  while (day.getTime() <= to.getTime() && out.length < limit) {
    const p = vnParts(day);
    const domOk = dom.has(p.day);
    const dowOk = dow.has(p.weekday);
    const dayOk = months.has(p.month) && (domRestricted && dowRestricted ? domOk || dowOk : domOk && dowOk);
    if (dayOk) {
      for (const h of hours)
        for (const m of minutes) {
          const t = vnDate(p.year, p.month, p.day, h, m);
          if (t > from && t <= to) out.push(t);
        }
    }
    day = vnDate(p.year, p.month, p.day + 1);
  }
  return out.slice(0, limit);
}
