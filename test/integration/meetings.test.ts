import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { onboarding } from "../../handlers/onboarding/index.ts";
import { meetings } from "../../handlers/meetings/index.ts";
import { volunteers } from "../../handlers/volunteers/index.ts";
import { attendanceFor } from "../../handlers/meetings/api.ts";
import { Scheduler } from "../../scheduler/index.ts";
import { stripMarkup } from "../../bot/core/text.ts";
import { vnDate } from "../../bot/core/time.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { meetingsText as T } from "../../prompts/vi/meetings.ts";
import { reportText } from "../../prompts/vi/guides.ts";
import { guides } from "../../handlers/guides/index.ts";

const text = (msgs: { text: string }[]) => msgs.map((m) => stripMarkup(m.text));
const A1 = "Chi đoàn A1";
const PLACE = "Nhà văn hóa ấp 1";

describe("branch meeting schedules: notice, 24-hour reminder, check-in code, the area's calendar", () => {
  let h: Harness;
  let sec: TestUser, y1: TestUser, y2: TestUser, yA2: TestUser, secA2: TestUser, cadre: TestUser, cadreB: TestUser;

  beforeEach(async (t) => {
    // the monthly report's form is needed by one test only (its guide ticks would slow the others)
    const features = t.task.name.includes("/dasinhhoat") ? [onboarding, volunteers, meetings, guides] : [onboarding, volunteers, meetings];
    // Monday 02/11/2026 09:00 Vietnam time
    h = await Harness.create({ org: TEST_ORG, features, now: vnDate(2026, 11, 2, 9, 0) });
    sec = h.user("Bí thư Lê Thị Thu");
    y1 = h.user("Nguyễn Văn Một");
    y2 = h.user("Trần Thị Hai");
    yA2 = h.user("Phạm Văn Ba");
    secA2 = h.user("Bí thư Võ Thị Tư");
    cadre = h.user("Cán bộ xã A");
    cadreB = h.user("Cán bộ xã B");
    await h.join(sec, "secretary", "CD-A1");
    await h.join(y1, "youth", "CD-A1");
    await h.join(y2, "youth", "CD-A1");
    await h.join(yA2, "youth", "CD-A2");
    await h.join(secA2, "secretary", "CD-A2");
    await h.join(cadre, "cadre", "XA-A");
    await h.join(cadreB, "cadre", "XA-B");
  });
  afterEach(async () => h.close());

  const meeting = () => h.s.prisma.branchMeeting.findFirstOrThrow({ orderBy: { id: "desc" } });

  it("When a secretary sets the branch meeting, then its members are told at once and reminded 24 hours before, once; a move re-times the reminder", async () => {
    const [r] = await h.send(sec, `/lichsinhhoat 12/11 19:30 | ${PLACE}`);
    const m = await meeting();
    // the two youth of CD-A1 are told (the secretary has the answer)
    expect(r!.text).toBe(T.set(A1, "19:30 12/11/2026", PLACE, m.code, 2));
    expect(m.code).toMatch(/^\d{6}$/);
    expect(text(await h.unread(y1))).toEqual([T.notice(A1, "19:30 12/11/2026", PLACE)]);
    expect(text(await h.unread(y2))).toEqual([T.notice(A1, "19:30 12/11/2026", PLACE)]);
    expect(await h.unread(yA2)).toEqual([]);

    await h.at(vnDate(2026, 11, 11, 19, 29));
    expect(await h.unread(y1)).toEqual([]);
    await h.at(vnDate(2026, 11, 11, 19, 30));
    expect(text(await h.unread(y1))).toEqual([T.reminder(A1, "19:30 12/11/2026", PLACE)]);
    expect(text(await h.unread(y2))).toEqual([T.reminder(A1, "19:30 12/11/2026", PLACE)]);
    expect(await h.unread(yA2)).toEqual([]);
    // a second instance ticking at the same time sends nothing again
    const other = new Scheduler(h.s, [onboarding, volunteers, meetings], "second-instance");
    await Promise.all([h.advance(60_000), other.tick()]);
    expect(await h.unread(y1)).toEqual([]);

    // the secretary moves the meeting within the month: everyone is told, the reminder follows
    const [moved] = await h.send(sec, "/lichsinhhoat 12/11 20:00 | Hội trường xã");
    expect(moved!.text).toBe(T.moved(A1, "20:00 12/11/2026", "Hội trường xã", m.code, 2));
    expect(text(await h.unread(y1))).toEqual([T.movedNotice(A1, "20:00 12/11/2026", "Hội trường xã")]);
    expect(await h.s.prisma.branchMeeting.count()).toBe(1);
    await h.at(vnDate(2026, 11, 11, 19, 59));
    expect(await h.unread(y1)).toEqual([]);
    await h.at(vnDate(2026, 11, 11, 20, 0));
    expect(text(await h.unread(y1))).toEqual([T.reminder(A1, "20:00 12/11/2026", "Hội trường xã")]);
    await h.at(vnDate(2026, 11, 12, 19, 0));
    expect(await h.unread(y1)).toEqual([]);
    expect((await h.send(sec, "/lichsinhhoat"))[0]!.text).toBe(T.current(A1, "20:00 12/11/2026", "Hội trường xã", m.code, 0));
  });

  it("When a meeting is moved before its reminder, then the reminder comes 24 hours before the new time only", async () => {
    await h.send(sec, `/lichsinhhoat 12/11 19:30 | ${PLACE}`);
    await h.unread(y1);
    await h.at(vnDate(2026, 11, 3, 9, 0));
    await h.send(sec, `/lichsinhhoat 14/11 19:00 | ${PLACE}`);
    expect(text(await h.unread(y1))).toEqual([T.movedNotice(A1, "19:00 14/11/2026", PLACE)]);
    await h.at(vnDate(2026, 11, 11, 19, 30));
    expect(await h.unread(y1)).toEqual([]);
    await h.at(vnDate(2026, 11, 13, 19, 0));
    expect(text(await h.unread(y1))).toEqual([T.reminder(A1, "19:00 14/11/2026", PLACE)]);
  });

  it("When members type the check-in code at the meeting, then each is counted once, only members of the branch, only during the meeting, and the count is the month's attendance that /dasinhhoat offers", async () => {
    await h.send(sec, `/lichsinhhoat 12/11 19:30 | ${PLACE}`);
    const m = await meeting();
    const a1 = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "CD-A1" } });
    expect(await attendanceFor(h.s.prisma, a1.id, "2026-11")).toBeNull();
    expect((await h.send(y1, `/comat ${m.code}`))[0]!.text).toBe(T.checkinTooEarly("19:30 12/11/2026"));

    h.clock.set(vnDate(2026, 11, 12, 19, 40));
    expect((await h.send(y1, `/comat ${m.code}`))[0]!.text).toBe(T.checkedIn(A1, "19:30 12/11/2026", 1));
    expect((await h.send(y2, `/comat  ${m.code} `))[0]!.text).toBe(T.checkedIn(A1, "19:30 12/11/2026", 2));
    expect((await h.send(y1, `/comat ${m.code}`))[0]!.text).toBe(T.alreadyCheckedIn(A1));
    // a member of another branch, a wrong code, no code
    expect((await h.send(yA2, `/comat ${m.code}`))[0]!.text).toBe(T.checkinUnknown);
    expect((await h.send(y1, "/comat 000000"))[0]!.text).toBe(T.checkinUnknown);
    expect((await h.send(y1, "/comat <b>x</b>"))[0]!.text).toBe(T.checkinUsage);
    expect((await h.send(y1, "/comat"))[0]!.text).toBe(T.checkinUsage);
    expect((await h.send(sec, "/lichsinhhoat"))[0]!.text).toBe(T.current(A1, "19:30 12/11/2026", PLACE, m.code, 2));

    expect(await attendanceFor(h.s.prisma, a1.id, "2026-11")).toBe(2);
    // the secretary's monthly report offers the count of the check-in
    expect(text(await h.send(sec, "/dasinhhoat")).join("\n")).toContain(reportText.prefilled(2));
    await h.send(sec, "/huy");
    expect(await attendanceFor(h.s.prisma, a1.id, "2026-10")).toBeNull();
    expect(await attendanceFor(h.s.prisma, a1.id, "2026-13")).toBeNull();

    h.clock.set(vnDate(2026, 11, 13, 2, 0));
    expect((await h.send(sec, `/comat ${m.code}`))[0]!.text).toBe(T.checkinClosed);
    expect(await h.s.prisma.meetingCheckin.count()).toBe(2);
  });

  it("When an upper-level cadre asks for the area's calendar, then the month's meetings of the branches below are listed with their counts, and nothing of another area", async () => {
    expect((await h.send(cadre, "/lichchidoan"))[0]!.text).toBe(T.areaNone("Đoàn xã A", "11/2026", 2));
    await h.send(sec, `/lichsinhhoat 12/11 19:30 | ${PLACE}`);
    await h.send(secA2, "/lichsinhhoat 08/11 08:00 | Sân bóng ấp 2");
    // next month's meeting is not this month's
    await h.send(secA2, "/lichsinhhoat 05/12 08:00 | Sân bóng ấp 2");
    const a2 = await h.s.prisma.branchMeeting.findFirstOrThrow({ where: { place: "Sân bóng ấp 2" }, orderBy: { id: "asc" } });
    await h.at(vnDate(2026, 11, 8, 8, 10));
    await h.send(yA2, `/comat ${a2.code}`);

    const [list] = await h.send(cadre, "/lichchidoan");
    expect(list!.text).toBe(
      [
        T.areaHeader("Đoàn xã A", "11/2026"),
        T.areaLine("08:00 08/11/2026", "Chi đoàn A2", "Sân bóng ấp 2", 1),
        T.areaLine("19:30 12/11/2026", A1, PLACE, null),
        "",
        T.areaFooter(2, 2),
      ].join("\n"),
    );
    expect((await h.send(cadre, "/lichchidoan CD-A1"))[0]!.text).toContain(T.areaFooter(1, 1));
    expect((await h.send(cadreB, "/lichchidoan"))[0]!.text).toBe(T.areaNone("Đoàn xã B", "11/2026", 1));
    expect((await h.send(cadreB, "/lichchidoan XA-A"))[0]!.text).toBe(T.notInSubtree("XA-A"));
    expect((await h.send(cadre, "/lichchidoan KHONG-CO"))[0]!.text).toBe(T.unknownUnit("KHONG-CO"));
    expect((await h.send(y1, "/lichchidoan"))[0]!.text).toBe(coreText.notAllowed("cán bộ Đoàn, quản trị viên"));
  });

  it("When the wrong person or bad input sets a meeting, then the answer is clear and nothing is set", async () => {
    expect((await h.send(y1, `/lichsinhhoat 12/11 19:30 | ${PLACE}`))[0]!.text).toBe(coreText.notAllowed("bí thư chi đoàn"));
    expect((await h.send(sec, `/lichsinhhoat 32/11 19:30 | ${PLACE}`))[0]!.text).toBe(T.badDate);
    expect((await h.send(sec, `/lichsinhhoat mai | ${PLACE}`))[0]!.text).toBe(T.badDate);
    expect((await h.send(sec, `/lichsinhhoat 02/11/2026 08:00 | ${PLACE}`))[0]!.text).toBe(T.past);
    expect((await h.send(sec, `/lichsinhhoat 12/11/2027 08:00 | ${PLACE}`))[0]!.text).toBe(T.tooFar(90));
    expect((await h.send(sec, "/lichsinhhoat 12/11 19:30"))[0]!.text).toBe(T.placeMissing);
    expect((await h.send(sec, `/lichsinhhoat 12/11 19:30 | ${"x".repeat(201)}`))[0]!.text).toBe(T.placeTooLong(200));
    expect((await h.send(sec, "/lichsinhhoat 12/11 19:30 | a | b"))[0]!.text).toBe(T.usage);
    expect((await h.send(sec, "/lichsinhhoat"))[0]!.text).toBe(T.none(A1) + "\n\n" + T.usage);
    expect(await h.s.prisma.branchMeeting.count()).toBe(0);
    expect(await h.unread(y1)).toEqual([]);
    // a place with markup is shown as typed, never as markup
    await h.send(sec, "/lichsinhhoat 12/11 19:30 | <b>Hội trường</b>");
    expect(text(await h.unread(y1))).toEqual([T.notice(A1, "19:30 12/11/2026", "<b>Hội trường</b>")]);
  });
});
