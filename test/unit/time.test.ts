import { describe, expect, it } from "vitest";
import { addWorkingDays, formatDate, formatDateTime, isWorkingDay, monthKey, parseVnDate, vnDate } from "../../bot/core/time.ts";
import { occurrences } from "../../bot/core/cron.ts";

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
