import { afterEach, describe, expect, it } from "vitest";
import { addWorkingDays, configureTime, formatDate, formatDateTime, isWorkingDay, monthKey, parseVnDate, vnDate, vnParts } from "../../bot/core/time.ts";
import { occurrences, validCron } from "../../bot/core/cron.ts";
import { ConfigError, loadConfig } from "../../bot/app/config.ts";

/** The 08:00 reminder `days` before a due day, the way the deadline feature computes it. */
function reminderAt(due: Date, days: number, hour: number): Date {
  const p = vnParts(due);
  return vnDate(p.year, p.month, p.day - days, hour);
}

// every test starts from the default zone (Vietnam) without extra holidays
afterEach(() => configureTime({}));

describe("Vietnam time", () => {
  it("When an instant is late evening UTC, then the Vietnam date is the next day, shown dd/mm/yyyy", () => {
    const d = new Date("2026-11-30T18:30:00Z");
    expect(formatDate(d)).toBe("01/12/2026");
    expect(formatDateTime(d)).toBe("01:30 01/12/2026");
    expect(monthKey(d)).toBe("2026-12");
  });

  it("When a user types dd/mm/yyyy, then it is read as Vietnam time and invalid dates are refused", () => {
    expect(parseVnDate("15/10/2026", 8)?.toISOString()).toBe("2026-10-15T01:00:00.000Z");
    expect(parseVnDate("31/02/2026")).toBeNull();
    // the order the bot itself prints (formatDateTime) is read back too
    expect(parseVnDate(formatDateTime(vnDate(2026, 11, 30, 10, 52)))?.toISOString()).toBe("2026-11-30T03:52:00.000Z");
    expect(parseVnDate("25:00 30/11/2026")).toBeNull();
    expect(parseVnDate("hôm nay")).toBeNull();
  });

  it("When counting 3 working days from a Friday, then the weekend is skipped", () => {
    const fri = vnDate(2026, 11, 20, 10);
    expect(formatDate(addWorkingDays(fri, 3))).toBe("25/11/2026");
  });

  it("When counting across Tết 2026, then the public holidays are skipped", () => {
    const d = vnDate(2026, 2, 13, 9);
    expect(isWorkingDay(vnDate(2026, 2, 17))).toBe(false);
    expect(formatDate(addWorkingDays(d, 1))).toBe("23/02/2026");
  });

  it("When the bot was down across the 1st at 07:30, then the missed occurrence is found once", () => {
    const from = vnDate(2026, 11, 28);
    const to = vnDate(2026, 12, 3);
    expect(occurrences("30 7 1 * *", from, to).map(formatDateTime)).toEqual(["07:30 01/12/2026"]);
    expect(occurrences("30 7 1 * *", to, vnDate(2026, 12, 4))).toEqual([]);
  });

  it("When a cron has several hours and weekdays, then every occurrence in range is listed in order", () => {
    const r = occurrences("0 8,17 * * 1", vnDate(2026, 11, 22), vnDate(2026, 12, 1));
    expect(r.map(formatDateTime)).toEqual(["08:00 23/11/2026", "17:00 23/11/2026", "08:00 30/11/2026", "17:00 30/11/2026"]);
  });
});

describe("another time zone (TZ)", () => {
  it("When TZ=Asia/Tokyo, then 08:00 reminders and cron ticks fall two hours earlier in UTC than in Vietnam", () => {
    const due = new Date("2026-11-20T05:00:00Z");
    const vn = reminderAt(due, 3, 8);
    expect(vn.toISOString()).toBe("2026-11-17T01:00:00.000Z");
    configureTime({ tz: "Asia/Tokyo" });
    const tokyo = reminderAt(due, 3, 8);
    expect(tokyo.toISOString()).toBe("2026-11-16T23:00:00.000Z");
    expect(formatDateTime(tokyo)).toBe("08:00 17/11/2026");
    expect(formatDate(new Date("2026-11-30T15:30:00Z"))).toBe("01/12/2026");
    expect(parseVnDate("15/10/2026", 8)?.toISOString()).toBe("2026-10-14T23:00:00.000Z");
    expect(occurrences("0 8 * * *", vnDate(2026, 11, 16), vnDate(2026, 11, 18)).map((d) => d.toISOString())).toEqual([
      "2026-11-15T23:00:00.000Z",
      "2026-11-16T23:00:00.000Z",
    ]);
  });

  it("When the zone has daylight saving time, then wall-clock times and cron ticks follow the offset of each day", () => {
    configureTime({ tz: "Europe/Berlin" });
    // 29/03/2026: clocks go from 02:00 to 03:00 (UTC+1 → UTC+2)
    expect(vnDate(2026, 3, 28, 8).toISOString()).toBe("2026-03-28T07:00:00.000Z");
    expect(vnDate(2026, 3, 29, 8).toISOString()).toBe("2026-03-29T06:00:00.000Z");
    expect(vnDate(2026, 3, 29, 2, 30).toISOString()).toBe("2026-03-29T01:30:00.000Z"); // skipped: read as 03:30
    // 25/10/2026: 02:00–03:00 happens twice; the first one is meant
    expect(vnDate(2026, 10, 25, 2, 30).toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(vnParts(new Date("2026-10-25T01:30:00Z"))).toMatchObject({ day: 25, hour: 2, minute: 30 });
    expect(formatDate(addWorkingDays(vnDate(2026, 3, 27, 9), 1))).toBe("30/03/2026");
    expect(occurrences("0 8 * * *", vnDate(2026, 3, 28), vnDate(2026, 3, 30)).map((d) => d.toISOString())).toEqual([
      "2026-03-28T07:00:00.000Z",
      "2026-03-29T06:00:00.000Z",
    ]);
  });
});

describe("HOLIDAYS setting", () => {
  it("When HOLIDAYS lists extra days, then they are parsed from the configuration and skipped as days off", () => {
    const c = loadConfig({ HOLIDAYS: "2026-11-23, 2026-11-24,," });
    expect(c.HOLIDAYS).toEqual(["2026-11-23", "2026-11-24"]);
    expect(loadConfig({}).HOLIDAYS).toEqual([]);
    const fri = vnDate(2026, 11, 20, 10);
    expect(formatDate(addWorkingDays(fri, 1))).toBe("23/11/2026");
    configureTime({ tz: c.TZ, holidays: c.HOLIDAYS });
    expect(isWorkingDay(vnDate(2026, 11, 24, 12))).toBe(false);
    expect(formatDate(addWorkingDays(fri, 1))).toBe("25/11/2026");
    // the built-in public holidays still count
    expect(isWorkingDay(vnDate(2026, 2, 17))).toBe(false);
  });

  it("When HOLIDAYS is written as the bot shows dates (dd/mm/yyyy), then it is read the same", () => {
    expect(loadConfig({ HOLIDAYS: "23/11/2026,2026-11-24" }).HOLIDAYS).toEqual(["2026-11-23", "2026-11-24"]);
  });

  it("When an entry of HOLIDAYS is not a real date, then start fails naming HOLIDAYS and the entry", () => {
    for (const bad of ["2026-02-30", "2026-11-23,31/02/2026", "2026-13-01", "tomorrow"]) {
      let err: unknown;
      try {
        loadConfig({ HOLIDAYS: bad });
      } catch (e) {
        err = e;
      }
      expect(err, bad).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/HOLIDAYS: entry \d+ is not a date dd\/mm\/yyyy or YYYY-MM-DD/);
    }
    expect(() => loadConfig({ HOLIDAYS: "2026-11-23,31/02/2026" })).toThrow(/HOLIDAYS: entry 2 /);
  });
});

describe("cron through croner", () => {
  it("When an expression is malformed, then it is refused, and a valid one is accepted", () => {
    expect(validCron("30 7 1 * *")).toBe(true);
    expect(validCron("*/5 * * * * *")).toBe(true);
    expect(validCron("61 7 1 * *")).toBe(false);
    expect(validCron("30 7 1 *")).toBe(false);
    expect(validCron("every day")).toBe(false);
  });

  it("When both day of month and weekday are restricted, then either one fires (classic cron), and the range is (from, to]", () => {
    const r = occurrences("0 9 1,15 * 1", vnDate(2026, 11, 1, 9), vnDate(2026, 11, 16, 9));
    expect(r.map(formatDateTime)).toEqual(["09:00 02/11/2026", "09:00 09/11/2026", "09:00 15/11/2026", "09:00 16/11/2026"]);
    expect(occurrences("* * * * *", vnDate(2026, 11, 1), vnDate(2026, 12, 1), 5)).toHaveLength(5);
  });
});
