/**
 * Local time helpers: every date users see is in the configured zone (TZ, Asia/Ho_Chi_Minh by
 * default), dd/mm/yyyy. The zone's offset is computed with Intl for each instant, so a zone
 * with daylight saving time works too. The names keep their "vn" prefix: Vietnam is the
 * default and the call sites stay as they were.
 */

export const VN_TZ = "Asia/Ho_Chi_Minh";

let zone = VN_TZ;
let formatter = makeFormatter(zone);
let extraHolidays = new Set<string>();
/** UTC day index → the zone's offset all through that day and the ones either side (see steadyOffset). */
let steady = new Map<number, number | null>();

function makeFormatter(tz: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    weekday: "short",
  });
}

/**
 * Set the zone and the installation's extra public holidays (YYYY-MM-DD), from the validated
 * configuration. Called by buildServices at start; without it the zone is Asia/Ho_Chi_Minh.
 */
export function configureTime(o: { tz?: string; holidays?: readonly string[] }): void {
  zone = o.tz ?? VN_TZ;
  formatter = makeFormatter(zone);
  steady = new Map();
  extraHolidays = new Set((o.holidays ?? []).map(isoToVn));
}

/** The configured IANA time zone. */
export function timeZone(): string {
  return zone;
}

const pad = (n: number) => String(n).padStart(2, "0");
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

const DAY_MS = 86_400_000;

/** Calendar parts read by Intl (the slow path, near an offset change). */
function intlParts(d: Date): { year: number; month: number; day: number; hour: number; minute: number; weekday: number } {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, weekday: 0 };
  for (const part of formatter.formatToParts(d)) {
    if (part.type === "weekday") out.weekday = WEEKDAYS[part.value] ?? 0;
    else if (part.type === "year" || part.type === "month" || part.type === "day" || part.type === "hour" || part.type === "minute")
      out[part.type] = Number(part.value);
  }
  return out;
}

/** The zone's offset from UTC (ms) at an instant, read by Intl. */
function offsetAt(ms: number): number {
  const d = new Date(ms);
  const p = intlParts(d);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, d.getUTCSeconds(), d.getUTCMilliseconds());
  return wall - ms;
}

/**
 * The zone's offset when it is the same from the start of UTC day `day - 1` to the end of
 * `day + 1` (zones change their offset at most twice a year, never back and forth within
 * three days), else null. Cached, so most conversions are plain arithmetic.
 */
function steadyOffset(day: number): number | null {
  let o = steady.get(day);
  if (o === undefined) {
    const a = offsetAt((day - 1) * DAY_MS);
    o = a === offsetAt((day + 2) * DAY_MS) ? a : null;
    if (steady.size > 4096) steady.clear();
    steady.set(day, o);
  }
  return o;
}

/** Calendar parts of an instant in the configured zone. */
export function vnParts(d: Date): { year: number; month: number; day: number; hour: number; minute: number; weekday: number } {
  const o = steadyOffset(Math.floor(d.getTime() / DAY_MS));
  if (o === null) return intlParts(d);
  const t = new Date(d.getTime() + o);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes(), weekday: t.getUTCDay() };
}

/**
 * The instant of a wall-clock time in the configured zone. Out-of-range parts roll over
 * (day 32 is the 1st of the next month). A time skipped by a daylight-saving jump is moved
 * forward by the jump; a repeated time is the first of the two.
 */
export function vnDate(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // offsets are within ±14 h, so the instant lies in the wall day or the one either side
  const o = steadyOffset(Math.floor(wall / DAY_MS));
  if (o !== null) return new Date(wall - o);
  const before = offsetAt(wall - DAY_MS);
  const candidates = new Set([before, offsetAt(wall), offsetAt(wall + DAY_MS)]);
  const valid = [...candidates].map((x) => wall - x).filter((t) => offsetAt(t) === wall - t);
  // none valid: the time falls in a gap, so it is read with the offset before the jump
  return new Date(valid.length ? Math.min(...valid) : wall - before);
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
 * in lieu. An installation adds its own through the HOLIDAYS setting (comma-separated
 * YYYY-MM-DD, validated in settings.ts and passed to configureTime).
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

const BUILT_IN_HOLIDAYS = new Set(HOLIDAYS);

/** "2026-02-17" → "17/02/2026" (the form formatDate gives). */
function isoToVn(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

export function isWorkingDay(d: Date): boolean {
  const p = vnParts(d);
  if (p.weekday === 0 || p.weekday === 6) return false;
  const key = formatDate(d);
  return !BUILT_IN_HOLIDAYS.has(key) && !extraHolidays.has(key);
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
