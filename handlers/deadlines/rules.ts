/** The time rules of deadlines: due dates typed by users, reminder and digest instants, days left. */
import { formatDate, formatDateTime, parseVnDate, vnDate, vnDayStart, vnParts } from "../../bot/core/time.ts";

export const DEFAULT_REMIND_DAYS = [7, 3, 1, 0];
export const MAX_TITLE = 200;
export const MAX_DETAILS = 2000;
export const MAX_NOTE = 500;
export const MAX_CODES = 200;
const DAY_MS = 86_400_000;
const WEEK_DAYS = 7;

/** A due date typed by a user: a date alone means the end of that day (23:59 Vietnam time). */
export function parseDue(input: string): Date | null {
  const s = input.trim();
  const withTime = /[ T]\d{1,2}[:h]\d{2}$/.test(s);
  const d = parseVnDate(s, 0);
  if (!d) return null;
  if (withTime) return d;
  const p = vnParts(d);
  return vnDate(p.year, p.month, p.day, 23, 59);
}

/** A due time as shown: the date alone when it is the end of the day, else the time and date. */
export function formatDue(due: Date): string {
  const p = vnParts(due);
  return p.hour === 23 && p.minute === 59 ? formatDate(due) : formatDateTime(due);
}

export function validateDue(now: Date, due: Date): "past" | "tooFar" | null {
  if (due.getTime() <= now.getTime()) return "past";
  if (due.getTime() > now.getTime() + 2 * 366 * DAY_MS) return "tooFar";
  return null;
}

/** "5,2,0" → [5,2,0]: at most 6 distinct whole numbers 0–60, largest first. */
export function parseRemindDays(input: string): number[] | null {
  const parts = input.split(/[,\s;]+/).filter(Boolean);
  if (!parts.length || parts.length > 6 || !parts.every((p) => /^\d{1,2}$/.test(p))) return null;
  const days = [...new Set(parts.map(Number))];
  if (days.some((d) => d > 60)) return null;
  return days.sort((a, b) => b - a);
}

export function remindDaysOf(raw: string): number[] {
  try {
    const v = JSON.parse(raw) as unknown;
    if (Array.isArray(v) && v.every((d) => Number.isInteger(d) && d >= 0 && d <= 60)) return v as number[];
  } catch {
    /* fall through */
  }
  return DEFAULT_REMIND_DAYS;
}

/** The instant of the reminder `days` before the due day, at the configured hour (Vietnam time). */
export function reminderAt(due: Date, days: number, hour: number): Date {
  const p = vnParts(due);
  return vnDate(p.year, p.month, p.day - days, hour);
}

/** The k-th overdue digest: the morning after the due day, then every week. */
export function digestAt(due: Date, k: number, hour: number): Date {
  const p = vnParts(due);
  return vnDate(p.year, p.month, p.day + 1 + WEEK_DAYS * k, hour);
}

/** Whole calendar days (Vietnam) from today to the due day: 0 = due today, negative = overdue. */
export function daysLeft(now: Date, due: Date): number {
  return Math.round((vnDayStart(due).getTime() - vnDayStart(now).getTime()) / DAY_MS);
}
