import { afterEach, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { onboarding } from "../../handlers/onboarding/index.ts";
import { guides } from "../../handlers/guides/index.ts";
import { dispatchKey, dispatchMonth, dispatchTick, MAX_ATTENDEES } from "../../handlers/guides/service.ts";
import { createUnit } from "../../bot/domain/org.ts";
import { REPORTS } from "../../handlers/reports.ts";
import { Scheduler } from "../../scheduler/index.ts";
import { stripMarkup } from "../../bot/core/text.ts";
import { vnDate } from "../../bot/core/time.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { guidesText as T, reportText as R } from "../../prompts/vi/guides.ts";
import { Llm } from "../../bot/core/llm.ts";
import { pino } from "pino";
import { FakeOpenAI } from "../fakes/openai.ts";
import type { Services, UnitView } from "../../bot/core/context.ts";
import { loadConfig } from "../../bot/app/config.ts";

const TITLE_DEC = T.title("2026-12");
const PROVINCE_NOTE = "Các chi đoàn đăng ký đội hình hiến máu tình nguyện với Tỉnh đoàn trước ngày 15/12/2026.";
const COMMUNE_NOTE = "Chi đoàn nào có thanh niên nhập ngũ năm 2027 báo danh sách về Đoàn xã trước ngày 10/12/2026.";

const text = (msgs: { text: string }[]) => msgs.map((m) => stripMarkup(m.text));
const guidesIn = (msgs: { text: string }[]) => text(msgs).filter((t) => t.includes(TITLE_DEC));

describe("monthly branch-activity guides", () => {
  let h: Harness;
  let secA1: TestUser, secA2: TestUser, secB1: TestUser, province: TestUser, commune: TestUser, youth: TestUser;

  beforeEach(async () => {
    h = await Harness.create({ org: TEST_ORG, features: [onboarding, guides], now: vnDate(2026, 11, 25, 9, 0) });
    secA1 = h.user("Bí thư A1");
    secA2 = h.user("Bí thư A2");
    secB1 = h.user("Bí thư B1");
    province = h.user("Cán bộ tỉnh");
    commune = h.user("Cán bộ xã A");
    youth = h.user("Đoàn viên");
    await h.join(secA1, "secretary", "CD-A1");
    await h.join(secA2, "secretary", "CD-A2");
    await h.join(secB1, "secretary", "CD-B1");
    await h.join(province, "cadre", "TINH");
    await h.join(commune, "cadre", "XA-A");
    await h.join(youth, "youth", "CD-A1");
  });
  afterEach(async () => h.close());

  it("When upper levels add notes and the 1st 07:30 comes, then every secretary gets exactly one guide carrying the notes of every level above", async () => {
    const [p] = await h.send(province, `/ghichu 2026-12 ${PROVINCE_NOTE}`);
    expect(p!.text).toBe(T.noteSaved("Tỉnh đoàn Thử Nghiệm", "2026-12", 3));
    const [c] = await h.send(commune, `/ghichu tháng sau ${COMMUNE_NOTE}`);
    expect(c!.text).toBe(T.noteSaved("Đoàn xã A", "2026-12", 2));

    await h.at(vnDate(2026, 12, 1, 7, 29));
    for (const u of [secA1, secA2, secB1]) expect(await h.unread(u)).toHaveLength(0);

    await h.at(vnDate(2026, 12, 1, 7, 30));
    const a1 = guidesIn(await h.unread(secA1));
    const a2 = guidesIn(await h.unread(secA2));
    const b1 = guidesIn(await h.unread(secB1));
    expect([a1.length, a2.length, b1.length]).toEqual([1, 1, 1]);
    const g = a1[0]!;
    expect(g).toContain("Gửi: Chi đoàn A1");
    expect(g).toContain("22/12/2026 — Kỷ niệm 82 năm Ngày thành lập Quân đội nhân dân Việt Nam");
    expect(g).toContain(PROVINCE_NOTE);
    expect(g).toContain(COMMUNE_NOTE);
    expect(g.indexOf("Lưu ý của Tỉnh đoàn Thử Nghiệm:")).toBeLessThan(g.indexOf("Lưu ý của Đoàn xã A:"));
    expect(a2[0]).toContain(COMMUNE_NOTE);
    expect(b1[0]).toContain(PROVINCE_NOTE);
    expect(b1[0]).not.toContain(COMMUNE_NOTE);
    // nobody else gets a guide, and later ticks of the month send nothing more
    for (const u of [province, commune, youth]) expect(await h.unread(u)).toHaveLength(0);
    await h.advance(3600_000);
    await h.at(vnDate(2026, 12, 2, 7, 30));
    for (const u of [secA1, secA2, secB1]) expect(await h.unread(u)).toHaveLength(0);

    // /huongdan shows the same guide at any time; a commune cadre sees their own note too
    const [again] = await h.send(secA1, "/huongdan");
    expect(stripMarkup(again!.text)).toBe(g);
    const [cg] = await h.send(commune, "/huongdan");
    expect(stripMarkup(cg!.text)).toContain(COMMUNE_NOTE);
    expect(stripMarkup(cg!.text)).toContain(PROVINCE_NOTE);
    const [y] = await h.send(youth, "/huongdan");
    expect(y!.text).toBe(coreText.notAllowed("bí thư chi đoàn, cán bộ Đoàn, quản trị viên"));
  });

  it("When /ghichu gets a bad month, a past month, no text or comes from a secretary, then it is refused and nothing is stored", async () => {
    expect((await h.send(commune, "/ghichu"))[0]!.text).toBe(T.noteUsage);
    expect((await h.send(commune, "/ghichu 2026-13 Nội dung"))[0]!.text).toBe(T.badMonth);
    expect((await h.send(commune, "/ghichu 2026-10 Nội dung"))[0]!.text).toBe(T.pastMonth);
    expect((await h.send(commune, "/ghichu 2028-12 Nội dung"))[0]!.text).toBe(T.tooFar);
    expect((await h.send(commune, "/ghichu 2026-12"))[0]!.text).toBe(T.noteUsage);
    expect((await h.send(commune, `/ghichu 2026-12 ${"a".repeat(1001)}`))[0]!.text).toBe(T.noteTextTooLong(1000));
    expect((await h.send(secA1, "/ghichu 2026-12 Nội dung"))[0]!.text).toBe(coreText.notAllowed("cán bộ Đoàn, quản trị viên"));
    expect(await h.s.prisma.guideNote.count()).toBe(0);
    await h.send(commune, "/ghichu 2026-12 Lưu ý một");
    expect((await h.send(commune, "/ghichu 2026-12 xóa"))[0]!.text).toBe(T.notesDeleted("Đoàn xã A", "2026-12", 1));
    expect(await h.s.prisma.guideNote.count()).toBe(0);
  });

  it("When secretaries confirm with /dasinhhoat, then valid numbers are stored once per branch and month, bad ones get a clear answer", async () => {
    await h.at(vnDate(2026, 12, 5, 20, 0));
    expect((await h.send(secA1, "/dasinhhoat ?"))[0]!.text).toContain("/dasinhhoat 25 | Vững mạnh | 3 | … | -");
    expect((await h.send(secA1, "/dasinhhoat abc"))[0]!.text).toBe(T.badAttendees(MAX_ATTENDEES));
    expect((await h.send(secA1, "/dasinhhoat 0"))[0]!.text).toBe(T.badAttendees(MAX_ATTENDEES));
    expect((await h.send(secA1, "/dasinhhoat -3"))[0]!.text).toBe(T.badAttendees(MAX_ATTENDEES));
    expect((await h.send(secA1, "/dasinhhoat 2.5"))[0]!.text).toBe(T.badAttendees(MAX_ATTENDEES));
    expect((await h.send(secA1, "/dasinhhoat 99999"))[0]!.text).toBe(T.badAttendees(MAX_ATTENDEES));
    expect((await h.send(secA1, `/dasinhhoat 20 ${"x".repeat(501)}`))[0]!.text).toBe(T.noteTooLong(500));
    expect(await h.s.prisma.meetingReport.count()).toBe(0);

    const [ok] = await h.send(secA1, "/dasinhhoat 25 Sinh hoạt chuyên đề, kết nạp 2 đoàn viên");
    // the attendance alone: the rest of the month's form is named as missing
    expect(ok!.text).toBe(`${T.confirmed("Chi đoàn A1", "2026-12", 25)}\n${R.missing(["Kết quả tự đánh giá, xếp loại chi đoàn", "Số thanh niên trong diện nhập ngũ được thăm hỏi, động viên"])}`);
    const [same] = await h.send(secA1, "/dasinhhoat 25 Sinh hoạt chuyên đề, kết nạp 2 đoàn viên");
    expect(same!.text).toBe(T.confirmedSame("Chi đoàn A1", "2026-12", 25, "05/12/2026"));
    const [fixed] = await h.send(secA1, "/dasinhhoat 26");
    expect(fixed!.text.split("\n")[0]).toBe(T.confirmUpdated("Chi đoàn A1", "2026-12", 26));
    const rows = await h.s.prisma.meetingReport.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ month: "2026-12", attendees: 26, note: "Sinh hoạt chuyên đề, kết nạp 2 đoàn viên" });

    // a photo sent with the caption works too
    await h.core.receive(
      { channel: "telegram", chatId: secB1.id, userId: secB1.id, displayName: secB1.name, text: "/dasinhhoat 18 Ra quân Chủ nhật xanh", photo: "AgACAgUAAxkBAAIBZ2" },
      "photo-1",
    );
    const [withPhoto] = await h.unread(secB1);
    expect(withPhoto!.text).toContain(`${T.confirmed("Chi đoàn B1", "2026-12", 18)}\n${T.photoSaved}`);
    const b1 = await h.s.prisma.meetingReport.findFirstOrThrow({ where: { attendees: 18 } });
    expect(b1.photo).toContain("AgACAgUAAxkBAAIBZ2");

    expect((await h.send(youth, "/dasinhhoat 10"))[0]!.text).toBe(coreText.notAllowed("bí thư chi đoàn"));
    expect(await h.s.prisma.meetingReport.count()).toBe(2);
  });

  it("When the 20th comes, then only the secretaries of branches that have not confirmed are reminded, once", async () => {
    await h.at(vnDate(2026, 12, 1, 7, 30));
    for (const u of [secA1, secA2, secB1]) await h.unread(u);
    await h.at(vnDate(2026, 12, 10, 19, 0));
    await h.send(secA1, "/dasinhhoat 25");

    await h.at(vnDate(2026, 12, 20, 7, 59));
    expect(await h.unread(secA2)).toHaveLength(0);
    await h.at(vnDate(2026, 12, 20, 8, 0));
    expect(text(await h.unread(secA1))).toEqual([]);
    expect(text(await h.unread(secA2))).toEqual([T.reminder("Chi đoàn A2", "2026-12")]);
    expect(text(await h.unread(secB1))).toEqual([T.reminder("Chi đoàn B1", "2026-12")]);
    for (const u of [province, commune, youth]) expect(await h.unread(u)).toHaveLength(0);
    await h.at(vnDate(2026, 12, 21, 8, 0));
    expect(await h.unread(secA2)).toHaveLength(0);
  });

  it("When cadres ask /sinhhoat and the report, then they see completion by branch of their own subtree", async () => {
    await h.at(vnDate(2026, 12, 6, 21, 0));
    await h.send(secA1, "/dasinhhoat 25 Sinh hoạt chuyên đề");
    await h.send(secB1, "/dasinhhoat 12");

    const [prov] = await h.send(province, "/sinhhoat");
    const p = stripMarkup(prov!.text);
    expect(p).toContain(T.completionHeader("Tỉnh đoàn Thử Nghiệm", "2026-12", 2, 3));
    expect(p).toContain(T.completionDone("Chi đoàn A1", 25, "06/12/2026"));
    expect(p).toContain(T.completionNotDone("Chi đoàn A2"));
    expect(p).toContain(T.completionDone("Chi đoàn B1", 12, "06/12/2026"));
    expect(p.indexOf("Đoàn xã A:")).toBeLessThan(p.indexOf("Chi đoàn A1"));

    const [com] = await h.send(commune, "/sinhhoat 2026-12");
    expect(com!.text).toContain(T.completionHeader("Đoàn xã A", "2026-12", 1, 2));
    expect(com!.text).not.toContain("Chi đoàn B1");
    const [nov] = await h.send(commune, "/sinhhoat 2026-11");
    expect(nov!.text).toContain(T.completionHeader("Đoàn xã A", "2026-11", 0, 2));
    expect((await h.send(commune, "/sinhhoat hôm qua"))[0]!.text).toBe(T.completionUsage);
    expect((await h.send(secA1, "/sinhhoat"))[0]!.text).toBe(coreText.notAllowed("cán bộ Đoàn, quản trị viên"));

    const tinh = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "TINH" } });
    const csv = await REPORTS.guides!({ prisma: h.s.prisma, secrets: h.s.secrets }, tinh, "2026-12", "csv");
    const lines = csv.replace(/^\ufeff/, "").trim().split("\r\n");
    // after the attendance, a column per other field of the month's report form (headed by its label; empty: not answered)
    expect(lines[0]).toBe(
      'branch_code,branch,parent,confirmed,attendees,"Kết quả tự đánh giá, xếp loại chi đoàn","Số thanh niên trong diện nhập ngũ được thăm hỏi, động viên","Đề xuất khen thưởng tập thể, cá nhân của chi đoàn",Ảnh buổi sinh hoạt,date,note',
    );
    expect(lines).toContain("CD-A1,Chi đoàn A1,Đoàn xã A,yes,25,,,,,06/12/2026,Sinh hoạt chuyên đề");
    expect(lines).toContain("CD-A2,Chi đoàn A2,Đoàn xã A,no,,,,,,,");
    expect(lines).toContain("CD-B1,Chi đoàn B1,Đoàn xã B,yes,12,,,,,06/12/2026,");
    expect(lines).toHaveLength(4);
    const json = JSON.parse(await REPORTS.guides!({ prisma: h.s.prisma, secrets: h.s.secrets }, tinh, "2026-12", "json")) as {
      branches: number;
      confirmed: number;
    };
    expect(json).toMatchObject({ branches: 3, confirmed: 2 });
  });

  it("When a note is added after the month's guide went out, then the secretaries of that subtree get it as a supplement, once", async () => {
    await h.at(vnDate(2026, 12, 1, 7, 30));
    for (const u of [secA1, secA2, secB1]) await h.unread(u);
    const [r] = await h.send(commune, "/ghichu tháng này Họp Ban Chấp hành các chi đoàn ngày 12/12/2026.");
    expect(r!.text).toContain(T.noteSentNow);
    await h.advance(10_000);
    await h.advance(10_000);
    expect(text(await h.unread(secA1))).toEqual([T.noteUpdate("Đoàn xã A", "2026-12", "Họp Ban Chấp hành các chi đoàn ngày 12/12/2026.")]);
    expect(await h.unread(secA2)).toHaveLength(1);
    expect(await h.unread(secB1)).toHaveLength(0);
  });

  it("When finished job rows were cleaned away before a mid-month note, then the note still reaches the subtree's secretaries", async () => {
    await h.at(vnDate(2026, 12, 1, 7, 30));
    for (const u of [secA1, secA2, secB1]) await h.unread(u);
    // retention deletes finished job rows (the dispatch's among them): the note must not depend on them
    await h.s.prisma.scheduledJob.deleteMany({ where: { status: "done" } });
    await h.at(vnDate(2026, 12, 14, 9, 0));
    const [r] = await h.send(province, "/ghichu tháng này Tổng kết công tác Đoàn trước ngày 25/12/2026.");
    expect(r!.text).toContain(T.noteSentNow);
    await h.advance(10_000);
    for (const u of [secA1, secA2, secB1]) expect(text(await h.unread(u))).toEqual([T.noteUpdate("Tỉnh đoàn Thử Nghiệm", "2026-12", "Tổng kết công tác Đoàn trước ngày 25/12/2026.")]);
  });

  it("When a secretary joins mid-month, then they get the month's guide (with the notes) once, and nobody else gets it again", async () => {
    await h.send(province, `/ghichu 2026-12 ${PROVINCE_NOTE}`);
    await h.at(vnDate(2026, 12, 1, 7, 30));
    for (const u of [secA1, secA2, secB1]) expect(guidesIn(await h.unread(u))).toHaveLength(1);
    await h.at(vnDate(2026, 12, 10, 14, 0));
    const late = h.user("Bí thư mới B1");
    await h.join(late, "secretary", "CD-B1");
    await h.advance(10 * 60_000);
    const got = guidesIn(await h.unread(late));
    expect(got).toHaveLength(1);
    expect(got[0]).toContain("Gửi: Chi đoàn B1");
    expect(got[0]).toContain(PROVINCE_NOTE);
    await h.advance(10 * 60_000);
    for (const u of [late, secA1, secA2, secB1]) expect(guidesIn(await h.unread(u))).toHaveLength(0);
  });

  it("When /huongdan names a month with no guide yet or a bad month, then it is refused clearly; a past month is shown", async () => {
    await h.at(vnDate(2026, 12, 2, 9, 0));
    expect((await h.send(secA1, "/huongdan 2027-01"))[0]!.text).toBe(R.futureMonth("2027-01"));
    expect((await h.send(secA1, "/huongdan 2026-13"))[0]!.text).toBe(R.guideUsage);
    expect((await h.send(secA1, "/huongdan abc"))[0]!.text).toBe(R.guideUsage);
    expect((await h.send(secA1, "/huongdan 2024-01"))[0]!.text).toBe(R.tooOld);
    expect(stripMarkup((await h.send(secA1, "/huongdan 2026-11"))[0]!.text)).toContain(T.title("2026-11"));
    expect(stripMarkup((await h.send(secA1, "/huongdan"))[0]!.text)).toContain(TITLE_DEC);
  });

  it("When an LLM is set, then a cadre may have the guide adapted, and only an approved version is sent", async () => {
    await h.close();
    // a real client against the fake OpenAI-compatible server: the notes reach the model
    const fake = await FakeOpenAI.start({ responder: (call) => (call.user.includes(COMMUNE_NOTE) ? "Bản hướng dẫn điều chỉnh cho Đoàn xã A: tập trung hiến máu và giao quân." : "?") });
    onTestFinished(() => fake.close());
    const llm = new Llm({ apiKey: fake.apiKey, baseURL: fake.url, model: "m", timeoutMs: 2000 }, pino({ level: "silent" }));
    h = await Harness.create({ org: TEST_ORG, features: [onboarding, guides], now: vnDate(2026, 11, 25, 9, 0), llm });
    const c = h.user("Cán bộ xã A");
    const s1 = h.user("Bí thư A1");
    const s2 = h.user("Bí thư B1");
    await h.join(c, "cadre", "XA-A");
    await h.join(s1, "secretary", "CD-A1");
    await h.join(s2, "secretary", "CD-B1");
    const [saved] = await h.send(c, `/ghichu 2026-12 ${COMMUNE_NOTE}`);
    expect(saved!.buttons!.map((b) => b.label)).toEqual([T.adaptOffer]);
    // the model failing (500) leaves the common guide and says so
    fake.failNext("500");
    const [unavailable] = await h.press(c, T.adaptOffer);
    expect(unavailable!.text).toBe(T.adaptUnavailable);
    await h.send(c, `/ghichu 2026-12 ${COMMUNE_NOTE} (bổ sung)`);
    const [draft] = await h.press(c, T.adaptOffer);
    expect(draft!.text).toContain("BẢN NHÁP DO AI SOẠN");
    expect(draft!.buttons!.map((b) => b.label)).toEqual([T.adaptApprove, T.adaptReject]);
    // not approved yet: the common guide is what a secretary sees
    expect(stripMarkup((await h.send(s1, "/huongdan"))[0]!.text)).not.toContain("Bản hướng dẫn điều chỉnh");
    const [ok] = await h.press(c, T.adaptApprove);
    expect(ok!.text).toBe(T.adaptApproved("Đoàn xã A", "2026-12"));
    await h.at(vnDate(2026, 12, 1, 7, 30));
    const g1 = guidesIn(await h.unread(s1));
    expect(g1).toHaveLength(1);
    expect(g1[0]).toContain("Bản hướng dẫn điều chỉnh cho Đoàn xã A");
    expect(g1[0]).toContain(T.adaptedBy("Đoàn xã A"));
    const g2 = guidesIn(await h.unread(s2));
    expect(g2[0]).not.toContain("Bản hướng dẫn điều chỉnh");
    expect(g2[0]).toContain("Kỷ niệm 82 năm");
  });

  it("When a guides button or job payload is tampered with, then the answer is an expired choice or the job is dropped; merged people keep their reports and notes", async () => {
    const a1 = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "CD-A1" } });
    const forged = async (u: TestUser, action: string, args: Record<string, unknown>) => {
      const setId = (await h.s.prisma.choiceSet.create({ data: { channel: u.channel, userKey: h.s.outbox.choiceOwner(u.channel, u.id), items: JSON.stringify([{ action, args }]) } })).id;
      await h.core.receive({ channel: u.channel, chatId: u.id, userId: u.id, displayName: u.name, choice: { setId, index: 1 } }, `forged-${setId}`);
      return text(await h.unread(u)).at(-1);
    };
    expect(await forged(secA1, "guides.confirm", { unitId: a1.id, attendees: "12" })).toBe(coreText.choiceExpired);
    expect(await forged(secA1, "guides.confirm", { unitId: a1.id, attendees: 12, note: "x".repeat(5000) })).toBe(coreText.choiceExpired);
    expect(await forged(commune, "guides.note", { unitId: a1.id, month: "2026-13", text: "x" })).toBe(coreText.choiceExpired);
    expect(await h.s.prisma.meetingReport.count()).toBe(0);
    await h.s.prisma.scheduledJob.create({ data: { kind: "guides.dispatch", runAt: h.clock.now(), dedupeKey: "forged-job", payload: JSON.stringify({ month: "tháng này" }) } });
    await h.advance(1000);
    expect((await h.s.prisma.scheduledJob.findUniqueOrThrow({ where: { dedupeKey: "forged-job" } })).status).toBe("done");

    await h.send(secA1, "/dasinhhoat 20");
    await h.send(commune, "/ghichu tháng này Tổ chức ngày hội đọc sách");
    const [sec, cad] = [await h.personId(secA1), await h.personId(commune)];
    const [sec2, cad2] = await Promise.all([h.s.prisma.person.create({ data: { displayName: "A1 (Zalo)" } }), h.s.prisma.person.create({ data: { displayName: "Xã A (Zalo)" } })]);
    await h.s.people.merge(sec, sec2.id);
    await h.s.people.merge(cad, cad2.id);
    expect((await h.s.prisma.meetingReport.findFirstOrThrow()).personId).toBe(sec2.id);
    expect((await h.s.prisma.guideNote.findFirstOrThrow()).authorId).toBe(cad2.id);
    await h.s.people.erase(sec2.id);
    expect(await h.s.prisma.meetingReport.findFirstOrThrow()).toMatchObject({ personId: sec2.id, attendees: 20 });
  });
});

describe("guide schedule configuration", () => {
  it("When GUIDE_CRON is set, then the guide goes out on that schedule instead of the 1st 07:30", async () => {
    const h = await Harness.create({ org: TEST_ORG, features: [onboarding, guides], now: vnDate(2026, 11, 30, 9, 0), env: { GUIDE_CRON: "0 9 2 * *" } });
    try {
      const u = h.user("Bí thư");
      await h.join(u, "secretary", "CD-A1");
      await h.at(vnDate(2026, 12, 1, 7, 30));
      expect(await h.unread(u)).toHaveLength(0);
      await h.at(vnDate(2026, 12, 2, 9, 0));
      expect(guidesIn(await h.unread(u))).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it("When GUIDE_REMINDER_CRON is not a cron expression, then the feature refuses to start with the setting named", async () => {
    const config = loadConfig({ GUIDE_REMINDER_CRON: "ngày 20" } as NodeJS.ProcessEnv);
    await expect(guides.init!({ config } as Services)).rejects.toThrow(/GUIDE_REMINDER_CRON/);
  });
});

describe("monthly dispatch at scale", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.create({ org: TEST_ORG, features: [onboarding, guides], now: vnDate(2026, 11, 30, 12, 0) });
  });
  afterEach(async () => h.close());

  it("When a dispatch to 1,000 secretaries is interrupted and resumed after a restart, and run again, then each gets exactly one guide", async () => {
    const { prisma } = h.s;
    const xa = await prisma.unit.findUniqueOrThrow({ where: { code: "XA-B" } });
    const branches: UnitView[] = [];
    for (let i = 0; i < 20; i++) branches.push(await createUnit(prisma, { code: `CD-S${i}`, name: `Chi đoàn khu phố ${i + 1}`, level: "Chi đoàn", parentId: xa.id, isBranch: true }));
    const N = 1000; // five batches of the dispatch cursor
    await prisma.person.createMany({ data: Array.from({ length: N }, (_, i) => ({ displayName: `Bí thư số ${i + 1}` })) });
    const people = await prisma.person.findMany({ where: { displayName: { startsWith: "Bí thư số " } }, orderBy: { id: "asc" }, select: { id: true } });
    expect(people).toHaveLength(N);
    await prisma.identity.createMany({ data: people.map((p, i) => ({ channel: "telegram", externalId: `s${i}`, chatId: `s${i}`, personId: p.id })) });
    await prisma.membership.createMany({ data: people.map((p, i) => ({ personId: p.id, unitId: branches[i % branches.length]!.id, role: "secretary" })) });

    // the 07:30 tick creates the job; a first instance claims it and dies after ~350 messages, mid-batch
    const at = vnDate(2026, 12, 1, 7, 30);
    h.clock.set(at);
    await dispatchTick(h.s, at);
    await prisma.scheduledJob.update({
      where: { dedupeKey: dispatchKey("2026-12") },
      data: { leaseOwner: "dead-instance", leaseUntil: new Date(at.getTime() + 10 * 60_000), attempts: 1 },
    });
    const outbox = h.s.outbox;
    const enqueue = outbox.enqueue.bind(outbox);
    let calls = 0;
    outbox.enqueue = async (...args) => {
      if (++calls === 350) throw new Error("process killed");
      return enqueue(...args);
    };
    await expect(dispatchMonth(h.s, "2026-12")).rejects.toThrow("process killed");
    outbox.enqueue = enqueue;
    const partial = await prisma.outboxMessage.count();
    expect(partial).toBe(349);

    // a restarted instance: nothing while the dead lease holds, the rest once it has expired
    const restarted = new Scheduler(h.s, [onboarding, guides], "instance-2");
    h.clock.set(new Date(at.getTime() + 5 * 60_000));
    await restarted.tick();
    expect(await prisma.outboxMessage.count()).toBe(partial);
    h.clock.set(new Date(at.getTime() + 11 * 60_000));
    await restarted.tick();
    const job = await prisma.scheduledJob.findUniqueOrThrow({ where: { dedupeKey: dispatchKey("2026-12") } });
    expect(job.status).toBe("done");

    // run again, from the stored cursor and from scratch: dedupe keys keep one guide each
    await dispatchMonth(h.s, "2026-12");
    await prisma.setting.deleteMany({ where: { key: { startsWith: "guides:cursor:dispatch:" } } });
    await dispatchMonth(h.s, "2026-12");
    await restarted.tick();

    const rows = await prisma.outboxMessage.findMany({ select: { chatId: true, dedupeKey: true, payload: true } });
    expect(rows).toHaveLength(N);
    const perChat = new Map<string, number>();
    for (const r of rows) perChat.set(r.chatId, (perChat.get(r.chatId) ?? 0) + 1);
    expect(perChat.size).toBe(N);
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
    expect(rows.every((r) => r.dedupeKey?.startsWith("guide:2026-12:") && r.payload.includes("THÁNG 12/2026"))).toBe(true);
  });
});
