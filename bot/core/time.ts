/** Vietnam time helpers: all dates users see are Asia/Ho_Chi_Minh, dd/mm/yyyy. */

export const VN_TZ = "Asia/Ho_Chi_Minh";
/** Vietnam has no daylight saving time: UTC+7 all year. */
const VN_OFFSET_MS = 7 * 3600_000;

const pad = (n: number) => String(n).padStart(2, "0");

/** Calendar parts of an instant in Vietnam time. */
export function vnParts(d: Date): { year: number; month: number; day: number; hour: number; minute: number; weekday: number } {
  const t = new Date(d.getTime() + VN_OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    weekday: t.getUTCDay(),
  };
}

/** The instant of a Vietnam wall-clock time. */
export function vnDate(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - VN_OFFSET_MS);
}

export function formatDate(d: Date): string {
  const p = vnParts(d);
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

export function formatDateTime(d: Date): string {
  const p = vnParts(d);
  return `${pad(p.hour)}:${pad(p.minute)} ${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** "YYYY-MM" of the Vietnam month containing d. */
export function monthKey(d: Date): string {
  const p = vnParts(d);
  return `${p.year}-${pad(p.month)}`;
}

export function parseMonthKey(s: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year: Number(m[1]), month };
}

/**
 * Parse a date typed by a user: dd/mm/yyyy, dd/mm/yyyy hh:mm, hh:mm dd/mm/yyyy, or ISO yyyy-mm-dd[ hh:mm].
 * The time defaults to `defaultHour`:00 Vietnam time. Returns null when invalid.
 */
export function parseVnDate(input: string, defaultHour = 0): Date | null {
  const s = input.trim();
  let y: number, mo: number, d: number, h = defaultHour, mi = 0;
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2})[:h](\d{2}))?$/.exec(s);
  if (m) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[4] !== undefined) [h, mi] = [Number(m[4]), Number(m[5])];
  } else if ((m = /^(\d{1,2})[:h](\d{2})\s+(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s))) {
    // "hh:mm dd/mm/yyyy", the way the bot itself writes date-times
    [h, mi, d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(s))) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[4] !== undefined) [h, mi] = [Number(m[4]), Number(m[5])];
  } else return null;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const date = vnDate(y, mo, d, h, mi);
  const p = vnParts(date);
  if (p.day !== d || p.month !== mo) return null;
  return date;
}

/** Start of the Vietnam day containing d, plus `days`. */
export function vnDayStart(d: Date, days = 0): Date {
  const p = vnParts(d);
  return vnDate(p.year, p.month, p.day + days);
}

/**
 * Vietnamese public holidays (dd/mm/yyyy, solar) for the years the product runs in,
 * including the lunar ones (Tết Nguyên Đán, Giỗ Tổ Hùng Vương) as announced, and days off
 * in lieu. An installation extends the list through the HOLIDAYS environment variable
 * (comma-separated dd/mm/yyyy).
 */
const HOLIDAYS = [
  // 2025
  "01/01/2025", "25/01/2025", "26/01/2025", "27/01/2025", "28/01/2025", "29/01/2025", "30/01/2025", "31/01/2025",
  "01/02/2025", "02/02/2025", "07/04/2025", "30/04/2025", "01/05/2025", "01/09/2025", "02/09/2025",
  // 2026
  "01/01/2026", "14/02/2026", "15/02/2026", "16/02/2026", "17/02/2026", "18/02/2026", "19/02/2026", "20/02/2026",
  "21/02/2026", "22/02/2026", "26/04/2026", "27/04/2026", "30/04/2026", "01/05/2026", "01/09/2026", "02/09/2026",
  // 2027
  "01/01/2027", "05/02/2027", "06/02/2027", "07/02/2027", "08/02/2027", "09/02/2027", "10/02/2027", "16/04/2027",
  "30/04/2027", "01/05/2027", "02/09/2027", "03/09/2027",
  // 2028
  "01/01/2028", "25/01/2028", "26/01/2028", "27/01/2028", "28/01/2028", "29/01/2028", "04/04/2028", "30/04/2028",
  "01/05/2028", "01/09/2028", "02/09/2028",
];

let holidaySet: Set<string> | null = null;
function holidays(): Set<string> {
  if (!holidaySet) {
    const extra = (process.env.HOLIDAYS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    holidaySet = new Set([...HOLIDAYS, ...extra]);
  }
  return holidaySet;
}

export function isWorkingDay(d: Date): boolean {
  const p = vnParts(d);
  if (p.weekday === 0 || p.weekday === 6) return false;
  return !holidays().has(formatDate(d));
}

/**
 * The instant `days` working days after `from` (same wall-clock time), skipping weekends
 * and public holidays. A question asked on Friday afternoon with 3 days is due Wednesday.
 */
export function addWorkingDays(from: Date, days: number): Date {
  let d = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    d = new Date(d.getTime() + 86_400_000);
    if (isWorkingDay(d)) left--;
  }
  return d;
}
