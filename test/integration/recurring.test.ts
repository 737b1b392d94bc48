import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { stripMarkup } from "../../bot/core/text.ts";
import { vnDate } from "../../bot/core/time.ts";
import { onboarding } from "../../handlers/onboarding/index.ts";
import { deadlines } from "../../handlers/deadlines/index.ts";
import { runRecur } from "../../handlers/deadlines/recur.ts";
import { deadlinesMoreText as M } from "../../prompts/vi/deadlines.ts";

const texts = (msgs: { text: string }[]) => msgs.map((m) => stripMarkup(m.text));

describe("recurring deadlines", () => {
  let h: Harness;
  let cadre: TestUser, secA1: TestUser, secA2: TestUser;

  beforeEach(async () => {
    h = await Harness.create({ org: TEST_ORG, features: [onboarding, deadlines], now: vnDate(2026, 10, 1, 9, 0) });
    cadre = h.user("Cán bộ xã A");
    secA1 = h.user("Bí thư A1");
    secA2 = h.user("Bí thư A2");
    await h.join(cadre, "cadre", "XA-A");
    await h.join(secA1, "secretary", "CD-A1");
    await h.join(secA2, "secretary", "CD-A2");
  });
  afterEach(async () => h.close());

  it("When a yearly task on 15/10 falls due, then next year's occurrence exists with its own reminders, and the late branch's secretary is told", async () => {
    const [created] = await h.send(cadre, "/giaoviec 15/10/2026 | Báo cáo kết quả tháng Thanh niên | Gửi về Đoàn xã | CD-A1,CD-A2 | lặp hằng năm");
    expect(created!.text).toContain(M.recurLine(M.recurYearly("15/10")));
    const first = await h.s.prisma.task.findFirstOrThrow();
    expect(first).toMatchObject({ recurrence: "yearly:15/10", seriesId: first.id });
    await h.advance(1000);
    await h.unread(secA1);
    await h.unread(secA2);
    await h.send(secA1, `/hoanthanh ${first.id} Đã gửi`);

    // the due time: the next occurrence, due 15/10/2027, to the same branches
    await h.at(vnDate(2026, 10, 15, 23, 59));
    const tasks = await h.s.prisma.task.findMany({ orderBy: { id: "asc" } });
    expect(tasks).toHaveLength(2);
    const next = tasks[1]!;
    expect(next).toMatchObject({ title: first.title, recurrence: "yearly:15/10", seriesId: first.id, dueAt: vnDate(2027, 10, 15, 23, 59) });
    expect((await h.s.prisma.taskAssignment.findMany({ where: { taskId: next.id } })).map((a) => a.unitId).sort()).toEqual(
      (await h.s.prisma.taskAssignment.findMany({ where: { taskId: first.id } })).map((a) => a.unitId).sort(),
    );
    const jobs = await h.s.prisma.scheduledJob.findMany({ where: { dedupeKey: { startsWith: `task:${next.id}:rem:` } }, orderBy: { runAt: "asc" } });
    expect(jobs.map((j) => j.runAt)).toEqual([vnDate(2027, 10, 8, 8), vnDate(2027, 10, 12, 8), vnDate(2027, 10, 14, 8), vnDate(2027, 10, 15, 8)]);
    expect(await h.s.prisma.scheduledJob.count({ where: { dedupeKey: `taskrecur:${next.id}` } })).toBe(1);
    // running the job again adds nothing
    await runRecur(h.s, { taskId: first.id });
    expect(await h.s.prisma.task.count()).toBe(2);

    // the morning after: the giver's digest, and the late branch's own secretary is told
    await h.at(vnDate(2026, 10, 16, 8, 0));
    const a2 = texts(await h.unread(secA2));
    expect(a2.some((t) => t.includes(`Việc #${first.id}`) && t.includes("đã quá hạn 1 ngày") && t.includes("Chi đoàn A2"))).toBe(true);
    expect(texts(await h.unread(secA1)).some((t) => t.includes("quá hạn"))).toBe(false);
    expect(texts(await h.unread(cadre)).some((t) => t.includes(`#${first.id}`))).toBe(true);

    // a year on: the 7-day reminder of the new occurrence reaches both branches
    h.clock.set(vnDate(2027, 10, 8, 8, 0));
    await h.scheduler.tick();
    for (const u of [secA1, secA2]) expect(texts(await h.unread(u)).some((t) => t.includes(`#${next.id}`) && t.includes("15/10/2027"))).toBe(true);

    // the giver ends the series: this occurrence stays, no 2028 one comes
    expect((await h.send(secA1, `/nhacviec ${next.id} dunglap`))[0]!.text).not.toContain(M.stopped(next.id, next.title));
    expect((await h.send(cadre, `/nhacviec ${next.id} dunglap`))[0]!.text).toBe(M.stopped(next.id, next.title));
    h.clock.set(vnDate(2027, 10, 16, 9, 0));
    await h.scheduler.tick();
    expect(await h.s.prisma.task.count()).toBe(2);
  });

  it("When a task asks for report fields and a file, then /hoanthanh asks them step by step or in one line, checks them, and feeds the indicators", async () => {
    const [made] = await h.send(cadre, "/giaoviec 20/10/2026 | Kết quả trồng cây | Báo số cây và ảnh | CD-A1,CD-A2 | mục: Số cây:số:trees_planted; Xếp loại:Tốt/Khá/Đạt | kèm tệp");
    expect(made!.text).toContain(M.fieldsLine(["Số cây", "Xếp loại"]));
    expect(made!.text).toContain(M.fileLine);
    const task = await h.s.prisma.task.findFirstOrThrow();
    expect(task.fileRequired).toBe(true);
    // step by step on Telegram: a number, a button, then the document
    const [start] = await h.send(secA1, `/hoanthanh ${task.id}`);
    expect(start!.text).toBe(M.fillStart(task.id, task.title, "Chi đoàn A1", 3));
    expect((await h.send(secA1, "nhiều lắm"))[0]!.text).toContain("số nguyên");
    await h.send(secA1, "150");
    await h.press(secA1, "Khá");
    expect((await h.send(secA1, "đây ạ"))[0]!.text).toContain("tệp");
    await h.core.receive(
      { channel: "telegram", chatId: secA1.id, userId: secA1.id, displayName: secA1.name, text: "Báo cáo kèm theo", document: { id: "BQACAgUAAxkBAAIC", name: "bao-cao-trong-cay.pdf", mime: "application/pdf" } },
      "doc-1",
    );
    const [done] = await h.unread(secA1);
    expect(done!.text).toContain("• Số cây: 150");
    expect(done!.text).toContain("bao-cao-trong-cay.pdf");
    const a1 = await h.s.prisma.taskAssignment.findFirstOrThrow({ where: { taskId: task.id, doneAt: { not: null } } });
    expect(JSON.parse(a1.answers!)).toMatchObject({ f1: 150, f2: "o2" });
    expect(a1.file).toContain("BQACAgUAAxkBAAIC");
    // one line with the photo as the file
    await h.core.receive(
      { channel: "telegram", chatId: secA2.id, userId: secA2.id, displayName: secA2.name, text: `/hoanthanh ${task.id} 80 | Tốt |`, photo: "AgACAgUAAxkBAAIBZ2" },
      "photo-2",
    );
    expect((await h.unread(secA2)).map((m) => m.text).join("\n")).toContain("• Xếp loại: Tốt");
    expect(await h.s.prisma.taskAssignment.count({ where: { taskId: task.id, doneAt: { not: null } } })).toBe(2);
    const detail = stripMarkup((await h.send(cadre, `/nhacviec ${task.id}`))[0]!.text);
    expect(detail).toContain(M.fieldsLine(["Số cây", "Xếp loại", M.fileField]));
    expect(detail).toContain("• Số cây: 150");
    const trees = await h.s.prisma.indicatorValue.aggregate({ where: { indicator: "trees_planted" }, _sum: { value: true } });
    expect(trees._sum.value).toBe(230);
    expect((await h.send(cadre, "/giaoviec 20/10/2026 | Việc | - | CD-A1 | mục: Số cây:nhiều"))[0]!.text).toContain("Số cây:nhiều");
  });

  it("When a monthly task is due on the 31st, then the next occurrences fall on the last day of shorter months", async () => {
    await h.send(cadre, "/giaoviec 31/10/2026 | Báo cáo tháng | - | CD-A1 | lặp hằng tháng");
    const first = await h.s.prisma.task.findFirstOrThrow();
    expect(first.recurrence).toBe("monthly:31");
    await h.at(vnDate(2026, 10, 31, 23, 59));
    await h.at(vnDate(2026, 11, 30, 23, 59));
    const dues = (await h.s.prisma.task.findMany({ orderBy: { id: "asc" } })).map((t) => t.dueAt);
    expect(dues).toEqual([vnDate(2026, 10, 31, 23, 59), vnDate(2026, 11, 30, 23, 59), vnDate(2026, 12, 31, 23, 59)]);
    expect((await h.send(cadre, "/giaoviec 31/01/2027 | Việc lạ | - | CD-A1 | lặp mỗi tuần"))[0]!.text).toContain(M.recurBad);
  });
});
