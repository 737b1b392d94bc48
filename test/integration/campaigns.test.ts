import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { onboarding } from "../../handlers/onboarding/index.ts";
import { volunteers } from "../../handlers/volunteers/index.ts";
import { meetings } from "../../handlers/meetings/index.ts";
import { announcements } from "../../handlers/announcements/index.ts";
import { indicatorProgress } from "../../handlers/indicators/api.ts";
import { seedTopics } from "../../handlers/dialogue/topics.ts";
import { readDownload } from "../../bot/core/downloads.ts";
import { stripMarkup } from "../../bot/core/text.ts";
import { vnDate } from "../../bot/core/time.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { campaignsText as C, volunteersText as T } from "../../prompts/vi/volunteers.ts";

const PROGRAM = "Chiến dịch Thanh niên tình nguyện hè 2027";
const TREES = "Trồng cây bờ kè";

describe("umbrella campaigns: activities in several units, shifts with capacity and waitlist, check-in codes, results into the indicators", () => {
  let h: Harness;
  let admin: TestUser, cadre: TestUser, cadreB: TestUser, y1: TestUser, y2: TestUser, y3: TestUser, y4: TestUser, yB: TestUser;

  beforeEach(async () => {
    // Thursday 20/05/2027 09:00 Vietnam time
    h = await Harness.create({ org: TEST_ORG, features: [onboarding, volunteers, meetings, announcements], now: vnDate(2027, 5, 20, 9, 0) });
    admin = h.user("Lãnh đạo Tỉnh đoàn");
    cadre = h.user("Cán bộ xã A");
    cadreB = h.user("Cán bộ xã B");
    y1 = h.user("Nguyễn Thị Hồng Nhung");
    y2 = h.user("Trần Văn Hai");
    y3 = h.user("Lê Thị Ba");
    y4 = h.user("Phạm Văn Bốn");
    yB = h.user("Võ Thị Bê");
    await h.join(admin, "admin", "TINH");
    await h.join(cadre, "cadre", "XA-A");
    await h.join(cadreB, "cadre", "XA-B");
    for (const u of [y1, y2, y3]) await h.join(u, "youth", "CD-A1");
    await h.join(y4, "youth", "CD-A2");
    await h.join(yB, "youth", "CD-B1");
    // the topics the dialogue feature seeds at start (it is not mounted here)
    await seedTopics(h.s.prisma);
  });
  afterEach(async () => h.close());

  const lastText = async (u: TestUser, line: string) => stripMarkup((await h.send(u, line))[0]!.text);

  it("When a province campaign has activities with shifts, then members sign up per shift, wait and are promoted, check in with the shift's code, and the results and person-times reach the indicators", async () => {
    // a follower of the volunteering topic hears of the campaign; others do not
    await h.send(y4, "/theodoi tinh_nguyen_van_hoa");
    const [made] = await h.send(admin, `/chiendichlon ${PROGRAM} | 01/06/2027 | 31/08/2027 | TINH`);
    const program = await h.s.prisma.volunteerProgram.findFirstOrThrow();
    expect(program.topic).toBe("tinh_nguyen_van_hoa");
    expect(made!.text).toBe(C.programCreated(program.id, PROGRAM, 1));
    expect((await h.unread(y4)).map((m) => stripMarkup(m.text)).join("\n")).toContain(C.programAnnounce(PROGRAM, "01/06/2027", "31/08/2027", "Tỉnh đoàn Thử Nghiệm"));
    expect(await h.unread(y1)).toEqual([]);

    // two units add their activities; a unit of another area cannot add one for XA-A
    const [act] = await h.send(cadre, `/hoatdong ${program.id} | ${TREES} | XA-A | Bờ kè ấp 1 | 07/06/2027 07:00-11:00 2; 07/06/2027 14:00-17:00 1`);
    const activity = await h.s.prisma.volunteerActivity.findFirstOrThrow({ where: { unitId: (await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "XA-A" } })).id } });
    const [morning, afternoon] = await h.s.prisma.campaign.findMany({ where: { activityId: activity.id }, orderBy: { id: "asc" } });
    expect(act!.text).toBe(
      C.activityCreated(
        activity.id,
        TREES,
        PROGRAM,
        [
          C.shiftLine(morning!.id, "07:00 07/06/2027", "11:00 07/06/2027", 2, morning!.checkinCode!),
          C.shiftLine(afternoon!.id, "14:00 07/06/2027", "17:00 07/06/2027", 1, afternoon!.checkinCode!),
        ].join("\n"),
      ),
    );
    expect((await h.send(cadreB, `/hoatdong ${program.id} | Hiến máu | XA-A | Nhà văn hóa | 08/06/2027 07:00-11:00 10`))[0]!.text).toBe(T.bad.notInSubtree("XA-A"));
    await h.send(cadreB, `/hoatdong ${program.id} | Hiến máu tình nguyện | XA-B | Nhà văn hóa xã B | 08/06/2027 07:00-11:00 10`);
    expect(await h.s.prisma.volunteerActivity.count()).toBe(2);

    // shifts: capacity, waitlist, automatic promotion (the existing machinery, per shift)
    expect(await lastText(y1, "/tinhnguyen")).toContain(`#${morning!.id} ${TREES} — ca 1`);
    expect(await lastText(yB, `/dangky ${morning!.id}`)).toBe(T.notInScope(morning!.id));
    expect(await lastText(y1, `/dangky ${morning!.id}`)).toBe(T.confirmed(morning!.id, `${TREES} — ca 1`, "07:00 07/06/2027", "Bờ kè ấp 1"));
    expect(await lastText(y2, `/dangky ${morning!.id}`)).toContain("✅");
    expect(await lastText(y3, `/dangky ${morning!.id}`)).toBe(T.waitlisted(morning!.id, `${TREES} — ca 1`, 1));
    expect(await lastText(y4, `/dangky ${afternoon!.id}`)).toContain("✅");
    await h.send(y2, `/huydangky ${morning!.id}`);
    expect(stripMarkup((await h.unread(y3))[0]!.text)).toContain(`#${morning!.id}`);
    expect(await lastText(y3, `/dangky ${morning!.id}`)).toBe(T.accepted(morning!.id, `${TREES} — ca 1`, "07:00 07/06/2027"));

    // check-in with the shift's code: too early, then counted once; no place, no check-in
    const code = morning!.checkinCode!;
    expect(await lastText(y1, `/comat ${code}`)).toBe(C.shiftTooEarly(morning!.id, "07:00 07/06/2027"));
    await h.at(vnDate(2027, 6, 7, 7, 10));
    expect(await lastText(y1, `/comat ${code}`)).toBe(C.shiftCheckedIn(morning!.id, `${TREES} — ca 1`, 1));
    expect(await lastText(y3, `/comat ${code}`)).toBe(C.shiftCheckedIn(morning!.id, `${TREES} — ca 1`, 2));
    expect(await lastText(y1, `/comat ${code}`)).toBe(C.shiftAgain(morning!.id));
    expect(await lastText(y2, `/comat ${code}`)).toBe(C.shiftNotSigned(morning!.id));
    expect(await lastText(y4, `/comat ${afternoon!.checkinCode}`)).toBe(C.shiftTooEarly(afternoon!.id, "14:00 07/06/2027"));
    await h.at(vnDate(2027, 6, 7, 14, 5));
    expect(await lastText(y4, `/comat ${afternoon!.checkinCode}`)).toBe(C.shiftCheckedIn(afternoon!.id, `${TREES} — ca 2`, 1));
    await h.at(vnDate(2027, 6, 7, 18, 0));
    expect(await lastText(y1, `/comat ${afternoon!.checkinCode}`)).toBe(C.shiftNotSigned(afternoon!.id));

    // results: only its organisers; numbers checked; they and the person-times feed the indicators
    expect(await lastText(cadreB, `/ketqua ${activity.id} 120 0 45`)).toBe(C.notYourActivity(activity.id));
    expect(await lastText(cadre, `/ketqua ${activity.id} 120 -1 45`)).toBe(C.resultsBad(10_000_000));
    expect(await lastText(cadre, `/ketqua ${activity.id} 120`)).toBe(C.resultsUsage);
    expect(await lastText(y1, `/ketqua ${activity.id} 120 0 45`)).toBe(coreText.notAllowed("cán bộ Đoàn, quản trị viên"));
    expect(await lastText(cadre, `/ketqua ${activity.id} 120 0 45`)).toBe(C.resultsSaved(activity.id, TREES, C.results({ trees: 120, blood: 0, helped: 45 }), 3));
    const tinh = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "TINH" } });
    const progress = await indicatorProgress(h.s.prisma, { id: tinh.id, path: tinh.path }, 2027);
    const actual = (key: string) => progress.unit.rows.find((r) => r.indicator === key)?.actual;
    expect([actual("volunteer_turns"), actual("trees_planted"), actual("people_helped"), actual("blood_units")]).toEqual([3, 120, 45, 0]);
    // a correction replaces the figures, it does not add to them
    await h.send(cadre, `/ketqua ${activity.id} 150 0 45`);
    const again = await indicatorProgress(h.s.prisma, { id: tinh.id, path: tinh.path }, 2027);
    expect(again.unit.rows.find((r) => r.indicator === "trees_planted")?.actual).toBe(150);

    // "lượt của tôi" and the organisers' overview
    const mine = await lastText(y1, "/tinhnguyen");
    expect(mine).toContain(C.myTurnsHeader(1));
    expect(mine).toContain(C.myTurnLine("07:00 07/06/2027", `${TREES} — ca 1`, PROGRAM));
    expect(mine).toContain(C.certificateHint);
    const [overview] = await h.send(admin, "/chiendichlon");
    expect(overview!.text).toContain(
      C.programLine({ id: program.id, title: PROGRAM, from: "01/06/2027", to: "31/08/2027", activities: 2, shifts: 3, turns: 3, results: C.results({ trees: 150, blood: 0, helped: 45 }) }),
    );

    // the certificate: a PDF document with the member's name
    const [cert] = await h.send(y1, "/chungnhan");
    expect(cert!.text).toBe(C.certSent(PROGRAM));
    const file = await readDownload(h.s.prisma, h.clock, cert!.file!.token);
    expect(file!.mime).toBe("application/pdf");
    expect(file!.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await lastText(y2, "/chungnhan")).toBe(C.certNone);
  });

  it("When a campaign or an activity is set up badly or by the wrong person, then the answer is clear and nothing is created", async () => {
    expect(await lastText(y1, `/chiendichlon ${PROGRAM} | 01/06/2027 | 31/08/2027`)).toBe(coreText.notAllowed("cán bộ Đoàn, quản trị viên"));
    expect(await lastText(cadre, `/chiendichlon ${PROGRAM} | 01/06/2027 | 31/08/2027 | TINH`)).toBe(T.bad.notInSubtree("TINH"));
    expect(await lastText(cadre, `/chiendichlon ${PROGRAM} | 31/08/2027 | 01/06/2027`)).toBe(C.bad.dates);
    expect(await lastText(cadre, `/chiendichlon ${PROGRAM} | 01/06/2027 | 31/08/2027 | XA-A | khong_co`)).toBe(C.bad.topic("khong_co"));
    expect(await lastText(cadre, "/chiendichlon ?")).toBe(C.programUsage);
    expect(await h.s.prisma.volunteerProgram.count()).toBe(0);
    expect(await lastText(cadre, "/chiendichlon")).toBe(C.programNone);

    await h.send(cadre, `/chiendichlon ${PROGRAM} | 01/06/2027 | 31/08/2027 | XA-A | -`);
    const p = await h.s.prisma.volunteerProgram.findFirstOrThrow();
    expect(p.topic).toBe("tinh_nguyen_van_hoa");
    const base = `/hoatdong ${p.id} | ${TREES} | CD-A1 | Bờ kè`;
    expect(await lastText(cadre, "/hoatdong 999 | x | CD-A1 | y | 07/06/2027 07:00-11:00 5")).toBe(C.bad.unknownProgram(999));
    expect(await lastText(cadre, `${base} | 07/06/2027 11:00-07:00 5`)).toBe(C.bad.shift(1));
    expect(await lastText(cadre, `${base} | 07/06/2027 07:00-11:00 5; 31/06/2027 07:00-11:00 5`)).toBe(C.bad.shift(2));
    expect(await lastText(cadre, `${base} | 07/09/2027 07:00-11:00 5`)).toBe(C.bad.shiftOutside(1));
    expect(await lastText(cadre, `/hoatdong ${p.id} | ${TREES} | CD-B1 | Bờ kè | 07/06/2027 07:00-11:00 5`)).toBe(C.bad.unitOutsideProgram("CD-B1"));
    expect(await lastText(cadreB, `${base} | 07/06/2027 07:00-11:00 5`)).toBe(C.bad.notYourProgram(p.id));
    expect(await lastText(cadre, `/hoatdong ${p.id}`)).toBe(C.activityUsage);
    expect(await h.s.prisma.volunteerActivity.count()).toBe(0);
    expect(await h.s.prisma.campaign.count()).toBe(0);
    // the same activity again adds shifts to it
    await h.send(cadre, `${base} | 07/06/2027 07:00-11:00 5`);
    await h.send(cadre, `${base} | 14/06/2027 07:00-11:00 5`);
    expect(await h.s.prisma.volunteerActivity.count()).toBe(1);
    expect((await h.s.prisma.campaign.findMany({ orderBy: { id: "asc" } })).map((c) => c.title)).toEqual([`${TREES} — ca 1`, `${TREES} — ca 2`]);
    expect(await lastText(cadre, "/ketqua 999 1 2 3")).toBe(C.unknownActivity(999));

    // a campaign of its own is announced to the followers of the volunteering topic in its scope
    await h.send(y4, "/theodoi tinh_nguyen_van_hoa");
    await h.send(yB, "/theodoi tinh_nguyen_van_hoa");
    await h.send(cadre, "/taochiendich Chủ nhật xanh | 06/06/2027 07:00 | 06/06/2027 11:00 | Bờ kè | 30 | 04/06/2027 | XA-A");
    const flat = await h.s.prisma.campaign.findFirstOrThrow({ where: { activityId: null } });
    expect((await h.unread(y4)).map((m) => stripMarkup(m.text)).join("\n")).toContain(C.campaignAnnounce(flat.id, "Chủ nhật xanh", "07:00 06/06/2027", "Bờ kè"));
    expect(await h.unread(yB)).toEqual([]);
  });
});
