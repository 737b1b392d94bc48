import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { onboarding } from "../../handlers/onboarding/index.ts";
import { volunteers } from "../../handlers/volunteers/index.ts";
import { REPORTS } from "../../handlers/reports.ts";
import { Scheduler } from "../../scheduler/index.ts";
import { stripMarkup } from "../../bot/core/text.ts";
import { vnDate } from "../../bot/core/time.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { volunteersText as T } from "../../prompts/vi/volunteers.ts";
import { formText } from "../../prompts/vi/forms.ts";
import type { ChannelName } from "../../bot/core/types.ts";

const text = (msgs: { text: string }[]) => msgs.map((m) => stripMarkup(m.text));
const TITLE = "Chủ nhật xanh ấp Phú Hòa";
const START = "07:00 08/11/2026";
// Sunday 08/11/2026 07:00–11:00, 2 places, sign-up until 06/11/2026 23:59, branches of Đoàn xã A
const ONE_LINE = `/taochiendich ${TITLE} | 08/11/2026 07:00 | 08/11/2026 11:00 | Bờ kè ấp 1 | 2 | 06/11/2026 | XA-A`;

describe("volunteer campaigns: sign-up, waitlist, offers, reminders, attendance", () => {
  let h: Harness;
  let cadre: TestUser, cadreB: TestUser, y1: TestUser, y2: TestUser, y3: TestUser, y4: TestUser, yB: TestUser;

  beforeEach(async () => {
    // Monday 02/11/2026 09:00 Vietnam time
    h = await Harness.create({ org: TEST_ORG, features: [onboarding, volunteers], now: vnDate(2026, 11, 2, 9, 0) });
    cadre = h.user("Cán bộ xã A");
    cadreB = h.user("Cán bộ xã B");
    y1 = h.user("Nguyễn Văn Một");
    y2 = h.user("Trần Thị Hai");
    y3 = h.user("Lê Văn Ba");
    y4 = h.user("Phạm Thị Bốn");
    yB = h.user("Võ Văn Bê");
    await h.join(cadre, "cadre", "XA-A");
    await h.join(cadreB, "cadre", "XA-B");
    await h.join(y1, "youth", "CD-A1");
    await h.join(y2, "youth", "CD-A1");
    await h.join(y3, "youth", "CD-A2");
    await h.join(y4, "youth", "CD-A2");
    await h.join(yB, "youth", "CD-B1");
  });
  afterEach(async () => h.close());

  async function createCampaign(line = ONE_LINE): Promise<number> {
    const [r] = await h.send(cadre, line);
    const c = await h.s.prisma.campaign.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(r!.text).toBe(T.created(c.id, c.title));
    return c.id;
  }

  const statusOf = async (u: TestUser, campaignId: number) =>
    (await h.s.prisma.signup.findUnique({ where: { campaignId_personId: { campaignId, personId: await h.personId(u) } } }))?.status;

  it("When more people sign up than there are places, then the rest wait with their position, and a cancellation offers the place to the first waiting", async () => {
    const id = await createCampaign();
    const [list] = await h.send(y1, "/tinhnguyen");
    expect(list!.text).toContain(`#${id} ${TITLE}`);
    expect(list!.text).toContain("còn 2/2 chỗ");
    const [ok] = await h.press(y1, T.btnSignup(id));
    expect(ok!.text).toBe(T.confirmed(id, TITLE, START, "Bờ kè ấp 1"));
    expect((await h.send(y2, `/dangky ${id}`))[0]!.text).toBe(T.confirmed(id, TITLE, START, "Bờ kè ấp 1"));
    expect((await h.send(y3, `/dangky ${id}`))[0]!.text).toBe(T.waitlisted(id, TITLE, 1));
    expect((await h.send(y4, `/dangky ${id}`))[0]!.text).toBe(T.waitlisted(id, TITLE, 2));
    expect((await h.send(y4, `/dangky ${id}`))[0]!.text).toBe(T.alreadyWaiting(id, 2));
    expect((await h.send(y1, `/dangky ${id}`))[0]!.text).toBe(T.alreadyConfirmed(id));
    expect((await h.send(y3, "/tinhnguyen"))[0]!.text).toContain(T.mine.waitlist(1));

    // y1 cancels: y3 is offered the place for 2 hours, y4 moves up
    expect((await h.send(y1, `/huydangky ${id}`))[0]!.text).toBe(T.cancelledConfirmed(id));
    const [offer] = await h.unread(y3);
    expect(stripMarkup(offer!.text)).toBe(T.offer(id, TITLE, START, "11:00 02/11/2026"));
    expect(offer!.buttons!.map((b) => b.label)).toEqual([T.btnAccept, T.btnDecline]);
    expect(await statusOf(y3, id)).toBe("offered");
    expect((await h.send(y4, `/dangky ${id}`))[0]!.text).toBe(T.alreadyWaiting(id, 1));
    // the offer holds the place: a newcomer waits
    expect((await h.send(y1, `/dangky ${id}`))[0]!.text).toBe(T.waitlisted(id, TITLE, 2));

    // nobody answers within the window: the place passes to y4
    await h.at(vnDate(2026, 11, 2, 10, 59));
    expect(await h.unread(y4)).toEqual([]);
    await h.at(vnDate(2026, 11, 2, 11, 0));
    expect(text(await h.unread(y3))).toEqual([T.offerExpired(id, TITLE)]);
    const [offer4] = await h.unread(y4);
    expect(stripMarkup(offer4!.text)).toBe(T.offer(id, TITLE, START, "13:00 02/11/2026"));
    expect(await statusOf(y3, id)).toBe("expired");
    // a late press of the expired offer changes nothing
    expect((await h.press(y3, T.btnAccept))[0]!.text).toBe(T.offerGone(id));
    // y4 accepts in time
    expect((await h.press(y4, T.btnAccept))[0]!.text).toBe(T.accepted(id, TITLE, START));
    expect(await statusOf(y4, id)).toBe("confirmed");
    await h.at(vnDate(2026, 11, 2, 13, 0));
    expect(await h.unread(y4)).toEqual([]);
    expect(await h.s.prisma.signup.count({ where: { campaignId: id, status: { in: ["confirmed", "offered"] } } })).toBe(2);

    // y2 declines by cancelling; y1 (waiting) is offered and declines the offer: the list runs dry
    await h.send(y2, `/huydangky ${id}`);
    const [offer1] = await h.unread(y1);
    expect(stripMarkup(offer1!.text)).toBe(T.offer(id, TITLE, START, "15:00 02/11/2026"));
    expect((await h.press(y1, T.btnDecline))[0]!.text).toBe(T.declined(id));
    expect(await h.s.prisma.signup.count({ where: { campaignId: id, status: { in: ["confirmed", "offered"] } } })).toBe(1);
    // the free place goes to the next person who signs up
    expect((await h.send(y2, `/dangky ${id}`))[0]!.text).toBe(T.confirmed(id, TITLE, START, "Bờ kè ấp 1"));
  });

  it("When 50 people race for the last place, then exactly one gets it and the others wait in distinct positions", async () => {
    const id = await createCampaign(`/taochiendich Hiến máu tình nguyện | 08/11/2026 07:00 | 08/11/2026 11:00 | Nhà văn hóa xã | 10 | 06/11/2026 | XA-A`);
    const a1 = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "CD-A1" } });
    const people: TestUser[] = [];
    for (let i = 0; i < 59; i++) {
      const u = h.user(`Tình nguyện viên ${i + 1}`);
      const p = await h.s.prisma.person.create({ data: { displayName: u.name } });
      await h.s.prisma.identity.create({ data: { channel: u.channel, externalId: u.id, chatId: u.id, personId: p.id } });
      await h.s.prisma.membership.create({ data: { personId: p.id, unitId: a1.id, role: "youth" } });
      people.push(u);
    }
    for (const u of people.slice(0, 9)) await h.send(u, `/dangky ${id}`);
    expect(await h.s.prisma.signup.count({ where: { campaignId: id, status: "confirmed" } })).toBe(9);

    const racers = people.slice(9);
    await Promise.all(
      racers.map((u) => h.core.receive({ channel: u.channel, chatId: u.id, userId: u.id, displayName: u.name, text: `/dangky ${id}` }, `race-${u.id}`)),
    );
    expect(await h.s.prisma.signup.count({ where: { campaignId: id, status: "confirmed" } })).toBe(10);
    expect(await h.s.prisma.signup.count({ where: { campaignId: id, status: "waitlist" } })).toBe(49);
    const replies = (await Promise.all(racers.map((u) => h.unread(u)))).map((m) => stripMarkup(m[0]!.text));
    expect(replies.filter((r) => r === T.confirmed(id, "Hiến máu tình nguyện", START, "Nhà văn hóa xã"))).toHaveLength(1);
    const positions = replies.map((r) => /vị trí (\d+)/.exec(r)?.[1]).filter(Boolean).map(Number);
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));

    // and the same race for a freed place: one cancellation, 49 waiting, one offer
    const winner = racers[replies.findIndex((r) => r.startsWith("✅"))]!;
    await Promise.all([h.send(winner, `/huydangky ${id}`), ...people.slice(0, 5).map((u) => h.send(u, `/dangky ${id}`))]);
    expect(await h.s.prisma.signup.count({ where: { campaignId: id, status: { in: ["confirmed", "offered"] } } })).toBe(10);
    expect(await h.s.prisma.signup.count({ where: { campaignId: id, status: "offered" } })).toBe(1);
  });

  it("When the start nears, then confirmed volunteers are reminded 24 hours and 2 hours before, once, and nobody else is", async () => {
    const id = await createCampaign();
    await h.send(y1, `/dangky ${id}`);
    await h.send(y2, `/dangky ${id}`);
    await h.send(y3, `/dangky ${id}`); // waitlisted
    for (const u of [y1, y2, y3]) await h.unread(u);
    await h.at(vnDate(2026, 11, 7, 6, 59));
    expect(await h.unread(y1)).toEqual([]);
    await h.at(vnDate(2026, 11, 7, 7, 0));
    expect(text(await h.unread(y1))).toEqual([T.reminder(id, TITLE, START, "Bờ kè ấp 1", 24)]);
    expect(text(await h.unread(y2))).toEqual([T.reminder(id, TITLE, START, "Bờ kè ấp 1", 24)]);
    expect(await h.unread(y3)).toEqual([]);
    const other = new Scheduler(h.s, [onboarding, volunteers], "second-instance");
    await Promise.all([h.advance(60_000), other.tick()]);
    expect(await h.unread(y1)).toEqual([]);
    await h.at(vnDate(2026, 11, 8, 5, 0));
    expect(text(await h.unread(y1))).toEqual([T.reminder(id, TITLE, START, "Bờ kè ấp 1", 2)]);
    await h.at(vnDate(2026, 11, 8, 6, 0));
    expect(await h.unread(y1)).toEqual([]);
    expect(await h.unread(y3)).toEqual([]);
  });

  it("When the bot was down through the 24-hour reminder, then only the 2-hour one is sent at start", async () => {
    const id = await createCampaign();
    await h.send(y1, `/dangky ${id}`);
    await h.unread(y1);
    await h.at(vnDate(2026, 11, 8, 6, 0));
    expect(text(await h.unread(y1))).toEqual([T.reminder(id, TITLE, START, "Bờ kè ấp 1", 2)]);
    await h.at(vnDate(2026, 11, 8, 8, 0));
    expect(await h.unread(y1)).toEqual([]);
  });

  it("When a branch quota is set, then a branch at its quota waits while other branches still get places, and the freed place skips over-quota people", async () => {
    const id = await createCampaign(`/taochiendich ${TITLE} | 08/11/2026 07:00 | 08/11/2026 11:00 | Bờ kè | 3 | 06/11/2026 | XA-A | 1`);
    expect((await h.send(y1, `/dangky ${id}`))[0]!.text).toBe(T.confirmed(id, TITLE, START, "Bờ kè"));
    expect((await h.send(y2, `/dangky ${id}`))[0]!.text).toBe(T.waitlisted(id, TITLE, 1)); // CD-A1 is full
    expect((await h.send(y3, `/dangky ${id}`))[0]!.text).toBe(T.confirmed(id, TITLE, START, "Bờ kè"));
    expect((await h.send(y4, `/dangky ${id}`))[0]!.text).toBe(T.waitlisted(id, TITLE, 2)); // CD-A2 is full
    // y3 (CD-A2) cancels: y2 is first but CD-A1 is at its quota, so y4 (CD-A2) is offered
    await h.send(y3, `/huydangky ${id}`);
    expect(await statusOf(y2, id)).toBe("waitlist");
    expect(await statusOf(y4, id)).toBe("offered");
    const su = await h.s.prisma.signup.findMany({ where: { campaignId: id } });
    const a1 = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "CD-A1" } });
    expect(su.filter((s) => s.branchUnitId === a1.id && s.status === "confirmed")).toHaveLength(1);
  });

  it("When the organiser marks attendance, then totals are in person-times and the report lists participants", async () => {
    const id = await createCampaign();
    await h.send(y1, `/dangky ${id}`);
    await h.send(y3, `/dangky ${id}`);
    await h.send(y2, `/dangky ${id}`); // waitlist
    const [early] = await h.send(cadre, `/diemdanh ${id} 1`);
    expect(early!.text).toBe(T.attendTooEarly(id, START));
    const [list] = await h.send(cadre, `/diemdanh ${id}`);
    expect(list!.text).toContain(T.attendLine(1, "Nguyễn Văn Một", "Chi đoàn A1", null));
    expect(list!.text).toContain(T.attendLine(2, "Lê Văn Ba", "Chi đoàn A2", null));
    expect((await h.send(cadreB, `/diemdanh ${id}`))[0]!.text).toBe(T.notOrganiser(id));
    expect((await h.send(y1, `/diemdanh ${id}`))[0]!.text).toBe(coreText.notAllowed("cán bộ Đoàn, quản trị viên"));

    await h.at(vnDate(2026, 11, 8, 10, 0));
    expect((await h.send(cadre, `/diemdanh ${id} 3`))[0]!.text).toBe(T.attendBadNumbers(2) + "\n" + T.attendUsage(id));
    expect((await h.send(cadre, `/diemdanh ${id} 1`))[0]!.text).toBe(T.attendSaved(1, 0, 2));
    expect((await h.send(cadre, `/diemdanh ${id} vang 2`))[0]!.text).toBe(T.attendSaved(1, 1, 2));
    expect((await h.send(y1, `/huydangky ${id}`))[0]!.text).toBe(T.started(id));
    const [summary] = await h.send(cadre, `/chiendich ${id}`);
    expect(summary!.text).toContain("Điểm danh: 1 lượt có mặt (đã điểm danh 2/2)");
    const [org] = await h.send(cadre, "/chiendich");
    expect(org!.text).toContain(T.orgLine({ id, title: TITLE, start: START, confirmed: 2, capacity: 2, waiting: 1, attended: 1 }));
    await h.at(vnDate(2026, 11, 9, 9, 0));
    expect((await h.send(y1, "/tinhnguyen"))[0]!.text).toContain(T.myTotal(1));

    const xa = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "XA-A" } });
    const csv = await REPORTS.volunteers!({ prisma: h.s.prisma, secrets: h.s.secrets }, xa, "2026-11", "csv");
    const lines = csv.replace(/^\ufeff/, "").trim().split("\r\n");
    expect(lines).toEqual([
      "campaign_id,campaign,starts_at,person,branch_code,branch,status,attended",
      `${id},${TITLE},${START},Nguyễn Văn Một,CD-A1,Chi đoàn A1,confirmed,yes`,
      `${id},${TITLE},${START},Lê Văn Ba,CD-A2,Chi đoàn A2,confirmed,no`,
      `${id},${TITLE},${START},Trần Thị Hai,CD-A1,Chi đoàn A1,waitlist,`,
    ]);
    const json = JSON.parse(await REPORTS.volunteers!({ prisma: h.s.prisma, secrets: h.s.secrets }, xa, "2026-11", "json"));
    expect(json.person_times).toBe(1);
    const a2 = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "CD-A2" } });
    const branchCsv = await REPORTS.volunteers!({ prisma: h.s.prisma, secrets: h.s.secrets }, a2, "2026-11", "csv");
    expect(branchCsv.replace(/^\ufeff/, "").trim().split("\r\n")).toHaveLength(2);
  });

  it("When the wrong person, an unknown id or a closed campaign is used, then the answer is clear and nothing changes", async () => {
    expect((await h.send(y1, ONE_LINE))[0]!.text).toBe(coreText.notAllowed("cán bộ Đoàn, quản trị viên"));
    expect((await h.send(cadre, ONE_LINE.replace("| XA-A", "| XA-B")))[0]!.text).toContain(T.bad.notInSubtree("XA-B"));
    expect((await h.send(cadre, ONE_LINE.replace("| 2 |", "| 0 |")))[0]!.text).toContain(T.bad.capacity(100_000));
    expect((await h.send(cadre, ONE_LINE.replace("06/11/2026", "09/11/2026")))[0]!.text).toContain(T.bad.deadline);
    expect((await h.send(cadre, ONE_LINE.replace("08/11/2026 11:00", "08/11/2026 06:00")))[0]!.text).toContain(T.bad.endBeforeStart);
    expect((await h.send(cadre, ONE_LINE.replace("08/11/2026 07:00", "01/11/2026 07:00")))[0]!.text).toContain(T.bad.startPast);
    expect(await h.s.prisma.campaign.count()).toBe(0);

    const id = await createCampaign();
    expect((await h.send(y1, "/dangky 999"))[0]!.text).toBe(T.unknown(999));
    expect((await h.send(y1, "/dangky abc"))[0]!.text).toBe(T.signupUsage);
    expect((await h.send(yB, `/dangky ${id}`))[0]!.text).toBe(T.notInScope(id));
    expect((await h.send(yB, "/tinhnguyen"))[0]!.text).toBe(T.listNone);
    expect((await h.send(y1, `/huydangky ${id}`))[0]!.text).toBe(T.notSigned(id));
    expect((await h.send(y1, "/huydangky 999"))[0]!.text).toBe(T.unknown(999));
    expect((await h.send(cadre, "/diemdanh 999"))[0]!.text).toBe(T.unknown(999));
    await h.at(vnDate(2026, 11, 7, 9, 0));
    expect((await h.send(y1, `/dangky ${id}`))[0]!.text).toBe(T.closed(id, "23:59 06/11/2026"));
    expect(await h.s.prisma.signup.count()).toBe(0);
  });

  it("When a cadre uses the guided flow, then each step is checked and the campaign is created after confirmation", async () => {
    expect((await h.send(cadre, "/taochiendich"))[0]!.text).toBe(T.steps.title);
    expect((await h.send(cadre, "Tiếp sức mùa thi 2027"))[0]!.text).toBe(T.steps.start);
    expect((await h.send(cadre, "hôm nay"))[0]!.text).toBe(T.bad.date);
    expect((await h.send(cadre, "10/11/2026 06:30"))[0]!.text).toBe(T.steps.end);
    expect((await h.send(cadre, "17:00"))[0]!.text).toBe(T.steps.place);
    expect((await h.send(cadre, "Trường THPT Tân Thành"))[0]!.text).toBe(T.steps.capacity);
    expect((await h.send(cadre, "nhiều"))[0]!.text).toBe(T.bad.capacity(100_000));
    expect((await h.send(cadre, "20"))[0]!.text).toBe(T.steps.deadline);
    expect((await h.send(cadre, "-"))[0]!.text).toBe(T.steps.scope("XA-A"));
    expect((await h.send(cadre, "CD-B1"))[0]!.text).toBe(T.bad.notInSubtree("CD-B1"));
    expect((await h.send(cadre, "-"))[0]!.text).toBe(T.steps.quota);
    expect((await h.send(cadre, "50"))[0]!.text).toBe(T.bad.quota);
    expect((await h.send(cadre, "5"))[0]!.text).toBe(T.steps.description);
    const [confirm] = await h.send(cadre, "Hỗ trợ thí sinh và phụ huynh tại điểm thi.");
    expect(confirm!.text).toContain("• Thời gian: 06:30 10/11/2026 – 17:00 10/11/2026");
    expect(confirm!.text).toContain("• Hạn đăng ký: 06:30 09/11/2026");
    expect(confirm!.text).toContain("(tối đa 5 người mỗi chi đoàn)");
    expect(await h.s.prisma.campaign.count()).toBe(0);
    const [done] = await h.press(cadre, T.btnCreate);
    const c = await h.s.prisma.campaign.findFirstOrThrow();
    expect(done!.text).toBe(T.created(c.id, "Tiếp sức mùa thi 2027"));
    expect(c.quotaPerBranch).toBe(5);
    expect(c.capacity).toBe(20);
    expect(await h.s.prisma.scheduledJob.count({ where: { kind: "volunteer.remind" } })).toBe(2);
    await h.press(cadre, T.btnCreate);
    expect(await h.s.prisma.campaign.count()).toBe(1);
  });
  it.each<ChannelName>(["telegram", "zalo"])(
    "When a cadre on %s types a number at every step of /taochiendich after an older list was offered, then each number is that step's answer",
    async (channel) => {
      const first = await createCampaign();
      const c = channel === "telegram" ? cadre : h.user("Cán bộ xã A (Zalo)", channel);
      if (c !== cadre) await h.join(c, "cadre", "XA-A");
      // the latest list offered to the cadre: sign-up buttons (a numbered list on Zalo)
      const [list] = await h.send(c, "/tinhnguyen");
      expect(channel === "zalo" ? list!.text : list!.buttons!.map((b) => b.label).join()).toContain(T.btnSignup(first));
      const say = async (t: string) => stripMarkup((await h.send(c, t))[0]!.text);
      expect(await say("/taochiendich")).toBe(T.steps.title);
      expect(await say("12")).toBe(T.bad.title(200));
      expect(await say("Tiếp sức mùa thi")).toBe(T.steps.start);
      expect(await say("10")).toBe(T.bad.date);
      expect(await say("10/11/2026 06:30")).toBe(T.steps.end);
      expect(await say("17")).toBe(T.bad.date);
      expect(await say("17:00")).toBe(T.steps.place);
      expect(await say("1")).toBe(T.steps.capacity);
      expect(await say("1")).toBe(T.steps.deadline);
      expect(await say("5")).toBe(T.bad.date);
      expect(await say("-")).toBe(T.steps.scope("XA-A"));
      expect(await say("2")).toBe(T.bad.unknownUnit("2"));
      expect(await say("-")).toBe(T.steps.quota);
      expect(await say("1")).toBe(T.steps.description);
      const [confirm] = await h.send(c, "3");
      expect(confirm!.text).toContain("• Số chỗ: 1 (tối đa 1 người mỗi chi đoàn)");
      expect(confirm!.text).toContain("• Mô tả: 3");
      if (channel === "zalo") expect(confirm!.text).toContain(`1. ${T.btnCreate}\n2. ${T.btnCancel}`);
      else expect(confirm!.buttons!.map((b) => b.label)).toEqual([T.btnCreate, T.btnCancel]);
      expect(await say("3")).toBe(formText.pickNumber(2));
      const [done] = await h.send(c, "1");
      const created = await h.s.prisma.campaign.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(done!.text).toBe(T.created(created.id, "Tiếp sức mùa thi"));
      expect(created).toMatchObject({ place: "1", capacity: 1, quotaPerBranch: 1, description: "3" });
      // no number pressed the older sign-up list
      expect(await h.s.prisma.signup.count()).toBe(0);
    },
  );
  it("When a sign-up button or a job payload is tampered with, then the answer is an expired choice, the job is dropped; a merged organiser keeps managing the campaign", async () => {
    const id = await createCampaign();
    const setId = (await h.s.prisma.choiceSet.create({ data: { channel: y1.channel, userKey: h.s.outbox.choiceOwner(y1.channel, y1.id), items: JSON.stringify([{ action: "vol.signup", args: { campaignId: `${id}` } }]) } })).id;
    await h.core.receive({ channel: y1.channel, chatId: y1.id, userId: y1.id, displayName: y1.name, choice: { setId, index: 1 } }, "forged-signup");
    expect(text(await h.unread(y1))).toEqual([coreText.choiceExpired]);
    await h.s.prisma.scheduledJob.create({ data: { kind: "volunteer.offerExpire", runAt: h.clock.now(), dedupeKey: "forged-job", payload: JSON.stringify({ signupId: -1 }) } });
    await h.advance(1000);
    expect((await h.s.prisma.scheduledJob.findUniqueOrThrow({ where: { dedupeKey: "forged-job" } })).status).toBe("done");
    expect(await h.s.prisma.signup.count()).toBe(0);

    const other = await h.s.prisma.person.create({ data: { displayName: "Cán bộ (Zalo)" } });
    await h.s.people.merge(await h.personId(cadre), other.id);
    expect((await h.s.prisma.campaign.findUniqueOrThrow({ where: { id } })).createdById).toBe(other.id);
  });
});
