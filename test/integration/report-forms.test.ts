import { afterEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { waitFor } from "../helpers/wait.ts";
import { FakeZalo } from "../fakes/zalo.ts";
import { ZaloChannel } from "../../bot/channels/zalo/index.ts";
import { OutboxWorker } from "../../bot/core/outbox/worker.ts";
import { stripMarkup } from "../../bot/core/text.ts";
import { vnDate } from "../../bot/core/time.ts";
import { onboarding } from "../../handlers/onboarding/index.ts";
import { guides } from "../../handlers/guides/index.ts";
import { indicatorProgress } from "../../handlers/indicators/api.ts";
import { parseCsv, renderReport } from "../../handlers/reports.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { fieldText as F, guidesText as T, reportText as R } from "../../prompts/vi/guides.ts";

// before the real date of the runs: choice sets are stamped by the database clock
const DEC = vnDate(2026, 12, 1, 20, 0);
const RATING = "Kết quả tự đánh giá, xếp loại chi đoàn";
const RECRUITS = "Số thanh niên trong diện nhập ngũ được thăm hỏi, động viên";
const AWARDS = "Đề xuất khen thưởng tập thể, cá nhân của chi đoàn";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

async function harness(): Promise<Harness> {
  const h = await Harness.create({ org: TEST_ORG, features: [onboarding, guides], now: DEC });
  closers.push(() => h.close());
  return h;
}

const answersOf = async (h: Harness, code: string) => {
  const unit = await h.s.prisma.unit.findUniqueOrThrow({ where: { code } });
  const row = await h.s.prisma.meetingReport.findUniqueOrThrow({ where: { unitId_month: { unitId: unit.id, month: "2026-12" } } });
  return { row, answers: JSON.parse(row.answers) as Record<string, unknown> };
};

describe("monthly report forms (/dasinhhoat)", () => {
  it("When a Zalo secretary files the five-field December report, then it takes six messages with numbered choices, and the photo is kept", async () => {
    const h = await harness();
    const fake = await FakeZalo.start();
    closers.push(() => fake.close());
    const channel = new ZaloChannel({
      token: fake.token,
      baseUrl: fake.url,
      mode: "polling",
      publicUrl: "https://bot.example.org/",
      webhookSecret: "zalo-Webhook_secret01",
      ratePerSecond: 50,
      pollTimeoutSec: 1,
      log: h.s.log,
      core: h.core,
    });
    const worker = new OutboxWorker(h.s.outbox, channel.sender(), h.s.log);
    worker.start();
    await channel.start();
    closers.push(async () => {
      await channel.stop();
      await worker.stop();
    });
    await h.join({ channel: "zalo", id: "zsec", name: "Bí thư Zalo" }, "secretary", "CD-A1");

    let sent = 0;
    const say = async (text: string | { photo: string }) => {
      const before = fake.messagesTo("zsec").length;
      if (typeof text === "string") fake.sendText("zsec", text, "Bí thư Zalo");
      else fake.sendImage("zsec", text.photo, "", "Bí thư Zalo");
      sent++;
      await fake.waitFor(() => fake.messagesTo("zsec").length > before);
      // the step's question (and, after the last, the summary) has arrived
      await waitFor(async () => (await h.s.prisma.outboxMessage.count({ where: { chatId: "zsec", status: "pending" } })) === 0);
      return fake.messagesTo("zsec").slice(before).map((m) => m.text).join("\n");
    };

    const first = await say("/dasinhhoat");
    expect(first).toContain(R.start("Chi đoàn A1", "2026-12", 5));
    expect(first).toContain("(1/5) Số đoàn viên dự sinh hoạt?");
    const rating = await say("25");
    // no buttons on Zalo: the options come as a numbered list
    expect(rating).toContain(`(2/5) ${RATING}?`);
    expect(rating).toMatch(/1\. Vững mạnh[\s\S]*2\. Khá[\s\S]*3\. Trung bình[\s\S]*4\. Yếu/);
    expect(await say("2")).toContain(`(3/5) ${RECRUITS}?`);
    expect(await say("4")).toContain(`(4/5) ${AWARDS}?`);
    expect(await say("Đề nghị tặng giấy khen cho đồng chí Lê Văn An")).toContain("(5/5) Ảnh buổi sinh hoạt?");
    const done = await say({ photo: "https://photo.zalo.example/sinh-hoat-12.jpg" });
    expect(sent).toBeLessThanOrEqual(6);
    expect(done).toContain(R.saved("Chi đoàn A1", "2026-12"));
    expect(done).toContain(`• ${RATING}: Khá`);
    expect(done).toContain(F.photoValue(1));

    const { row, answers } = await answersOf(h, "CD-A1");
    expect(row.attendees).toBe(25);
    expect(answers).toMatchObject({ attendees: 25, rating: "kha", recruits: 4, awards: "Đề nghị tặng giấy khen cho đồng chí Lê Văn An" });
    expect(JSON.stringify(answers.photo)).toContain("https://photo.zalo.example/sinh-hoat-12.jpg");
    expect(row.photo).toContain("sinh-hoat-12.jpg");
  });

  it("When a Telegram secretary answers with buttons and typed text, bad answers are refused at their step and the report feeds the indicators", async () => {
    const h = await harness();
    const sec = h.user("Bí thư A1");
    await h.join(sec, "secretary", "CD-A1");
    const [start, q1] = await h.send(sec, "/dasinhhoat");
    expect(start!.text).toBe(R.start("Chi đoàn A1", "2026-12", 5));
    expect(q1!.buttons ?? []).toHaveLength(0);
    expect((await h.send(sec, "nhiều"))[0]!.text).toBe(F.badNumber(1000));
    expect((await h.send(sec, "1001"))[0]!.text).toBe(F.badNumber(1000));
    const [q2] = await h.send(sec, "30");
    expect(q2!.buttons!.map((b) => b.label)).toEqual(["Vững mạnh", "Khá", "Trung bình", "Yếu"]);
    expect((await h.send(sec, "xuất sắc"))[0]!.text).toBe(F.badChoice(["Vững mạnh", "Khá", "Trung bình", "Yếu"]));
    expect((await h.send(sec, "7"))[0]!.text).toContain("1 đến 4");
    const [q3] = await h.press(sec, "Vững mạnh");
    expect(q3!.text).toContain(`(3/5) ${RECRUITS}?`);
    await h.send(sec, "2");
    expect((await h.send(sec, "x".repeat(501)))[0]!.text).toBe(F.textTooLong(500));
    await h.send(sec, "-");
    // a text at the photo step is not a photo; the skip button leaves it out
    expect((await h.send(sec, "ảnh đây"))[0]!.text).toBe(F.needPhoto);
    const [summary] = await h.press(sec, F.skip);
    expect(summary!.text).toContain(R.saved("Chi đoàn A1", "2026-12"));
    expect(summary!.text).toContain(`• ${AWARDS}: ${F.none}`);

    const { answers } = await answersOf(h, "CD-A1");
    expect(answers).toEqual({ attendees: 30, rating: "vung_manh", recruits: 2, awards: null, photo: null });
    const root = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "TINH" } });
    const p = await indicatorProgress(h.s.prisma, root, 2026);
    const v = Object.fromEntries(p.unit.rows.map((r) => [r.indicator, r.actual]));
    expect(v).toMatchObject({ meetings_held: 1, meeting_attendance: 30, recruits_visited: 2, branches_good: 100 });

    // an old pressed button after the end answers that the report is over
    expect((await h.press(sec, F.skip))[0]!.text).toBe(R.lost);
  });

  it("When the one-line form is used, then each field is checked and named, and a second line with other figures corrects the report", async () => {
    const h = await harness();
    const sec = h.user("Bí thư B1");
    await h.join(sec, "secretary", "CD-B1");
    expect((await h.send(sec, "/dasinhhoat 20 | Tốt | 3"))[0]!.text).toContain(`Ô “${RATING}”: ${F.badChoice(["Vững mạnh", "Khá", "Trung bình", "Yếu"])}`);
    expect((await h.send(sec, "/dasinhhoat 20 | Khá"))[0]!.text).toContain(R.lineCount(5));
    expect((await h.send(sec, "/dasinhhoat 20 | Khá | 3 | a | - | b"))[0]!.text).toContain(R.lineCount(5));
    expect(await h.s.prisma.meetingReport.count()).toBe(0);
    const [ok] = await h.send(sec, "/dasinhhoat 20 | trung binh | 3");
    expect(ok!.text).toContain(R.saved("Chi đoàn B1", "2026-12"));
    expect((await answersOf(h, "CD-B1")).answers).toEqual({ attendees: 20, rating: "trung_binh", recruits: 3, awards: null, photo: null });
    const [same] = await h.send(sec, "/dasinhhoat 20 | trung binh | 3");
    expect(same!.text).toContain(R.unchanged("Chi đoàn B1", "2026-12"));
    const [upd] = await h.send(sec, "/dasinhhoat 22 | Khá | 3 | Đề nghị khen chi đoàn");
    expect(upd!.text).toContain(R.updated("Chi đoàn B1", "2026-12"));
    expect(await h.s.prisma.meetingReport.count()).toBe(1);
    expect(await h.s.prisma.indicatorValue.count({ where: { indicator: "branches_good", value: 1 } })).toBe(1);
  });

  it("When a secretary corrects one field with /dasinhhoat sua, then only that field changes and the cadre's /sinhhoat shows the report and its photo", async () => {
    const h = await harness();
    const sec = h.user("Bí thư A2");
    const cadre = h.user("Cán bộ xã A");
    const outsider = h.user("Cán bộ xã B");
    await h.join(sec, "secretary", "CD-A2");
    await h.join(cadre, "cadre", "XA-A");
    await h.join(outsider, "cadre", "XA-B");
    expect((await h.send(sec, "/dasinhhoat sua"))[0]!.text).toBe(R.noReport("Chi đoàn A2", "2026-12"));
    await h.core.receive(
      { channel: "telegram", chatId: sec.id, userId: sec.id, displayName: sec.name, text: "/dasinhhoat 18 | Khá | 1 | - |", photo: "AgACAgUAAxkBAAIBZ2" },
      "photo-line",
    );
    expect((await h.unread(sec))[0]!.text).toContain(F.photoValue(1));
    const [pick] = await h.send(sec, "/dasinhhoat sua");
    expect(pick!.text).toBe(R.fixAsk);
    const [ask] = await h.press(sec, RECRUITS);
    expect(ask!.text).toContain(RECRUITS);
    const [fixed] = await h.send(sec, "5");
    expect(fixed!.text).toContain(R.updated("Chi đoàn A2", "2026-12"));
    const { answers } = await answersOf(h, "CD-A2");
    expect(answers).toMatchObject({ attendees: 18, rating: "kha", recruits: 5 });
    // a complete report: /dasinhhoat goes straight to the correction
    expect((await h.send(sec, "/dasinhhoat"))[0]!.text).toBe(R.fixAsk);
    await h.send(sec, "/huy");

    const [list] = await h.send(cadre, "/sinhhoat");
    expect(stripMarkup(list!.text)).toContain(`${T.completionDone("Chi đoàn A2", 18, "01/12/2026")}${R.completionFields(4, 5)}${R.photoMark} [CD-A2]`);
    const [detail] = await h.send(cadre, "/sinhhoat CD-A2");
    expect(detail!.text).toContain(`• ${RECRUITS}: 5`);
    expect(detail!.attachment?.ref ?? JSON.stringify(detail)).toContain("AgACAgUAAxkBAAIBZ2");
    expect((await h.send(outsider, "/sinhhoat CD-A2"))[0]!.text).toBe(R.notInArea("CD-A2"));
    expect((await h.send(cadre, "/sinhhoat CD-B1 2026-12"))[0]!.text).toBe(R.notInArea("CD-B1"));
    expect((await h.send(sec, "/sinhhoat CD-A2"))[0]!.text).toBe(coreText.notAllowed("cán bộ Đoàn, quản trị viên"));

    // `report guides` carries the typed answers: a column per field in CSV, `answers` by key in JSON
    const xa = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "XA-A" } });
    const deps = { prisma: h.s.prisma, secrets: h.s.secrets };
    const [head, ...rows] = parseCsv((await renderReport("guides", deps, xa, "2026-12", "csv")) as string);
    expect(head).toEqual(["Mã chi đoàn", "Chi đoàn", "Đơn vị cấp trên", "Đã sinh hoạt", "Số người dự", RATING, RECRUITS, AWARDS, "Ảnh buổi sinh hoạt", "Ngày báo cáo", "Ghi chú"]);
    expect(rows.find((r) => r[0] === "CD-A2")).toEqual(["CD-A2", "Chi đoàn A2", "Đoàn xã A", "Có", "18", "Khá", "5", "", F.photoValue(1), "01/12/2026", ""]);
    expect(rows.find((r) => r[0] === "CD-A1")!.slice(3, 9)).toEqual(["Không", "", "", "", "", ""]);
    const json = JSON.parse((await renderReport("guides", deps, xa, "2026-12", "json")) as string) as { rows: { branch_code: string; answers: Record<string, unknown> }[] };
    expect(json.rows.find((r) => r.branch_code === "CD-A2")!.answers).toEqual({ rating: "kha", recruits: 5, awards: null, photo: 1 });
  });

  it("When a secretary of two branches starts a report, then the branch is chosen first and a forged branch is refused", async () => {
    const h = await harness();
    const sec: TestUser = h.user("Bí thư hai chi đoàn");
    await h.join(sec, "secretary", "CD-A1");
    await h.join(sec, "secretary", "CD-B1");
    const [choose] = await h.send(sec, "/dasinhhoat 12 | Khá | 0");
    expect(choose!.text).toBe(T.chooseBranch);
    const [saved] = await h.press(sec, "Chi đoàn B1");
    expect(saved!.text).toContain(R.saved("Chi đoàn B1", "2026-12"));
    expect(await h.s.prisma.meetingReport.count()).toBe(1);
  });
});
