import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { onboarding } from "../../handlers/onboarding/index.ts";
import { deadlines } from "../../handlers/deadlines/index.ts";
import { REPORTS } from "../../handlers/reports.ts";
import { Scheduler } from "../../scheduler/index.ts";
import { stripMarkup } from "../../bot/core/text.ts";
import { vnDate } from "../../bot/core/time.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { deadlinesMoreText as M, deadlinesText as T } from "../../prompts/vi/deadlines.ts";
import { formText } from "../../prompts/vi/forms.ts";
import type { ChannelName } from "../../bot/core/types.ts";

const text = (msgs: { text: string }[]) => msgs.map((m) => stripMarkup(m.text));
const TITLE = "Báo cáo sơ kết công tác Đoàn 6 tháng";
const DUE = "12/11/2026";

describe("deadlines: tasks given to units, reminders, overdue digests", () => {
  let h: Harness;
  let cadre: TestUser, secA1: TestUser, secA2: TestUser, secB1: TestUser, youth: TestUser;

  beforeEach(async () => {
    // Monday 02/11/2026 09:00 Vietnam time
    h = await Harness.create({ org: TEST_ORG, features: [onboarding, deadlines], now: vnDate(2026, 11, 2, 9, 0) });
    cadre = h.user("Cán bộ xã A");
    secA1 = h.user("Bí thư A1");
    secA2 = h.user("Bí thư A2");
    secB1 = h.user("Bí thư B1");
    youth = h.user("Đoàn viên");
    await h.join(cadre, "cadre", "XA-A");
    await h.join(secA1, "secretary", "CD-A1");
    await h.join(secA2, "secretary", "CD-A2");
    await h.join(secB1, "secretary", "CD-B1");
    await h.join(youth, "youth", "CD-A1");
  });
  afterEach(async () => h.close());

  const lastTask = () => h.s.prisma.task.findFirstOrThrow({ orderBy: { id: "desc" } });

  async function give(line = `/giaoviec 12/11/2026 | ${TITLE} | Gửi file báo cáo qua email Đoàn xã`, due = DUE): Promise<number> {
    const [r] = await h.send(cadre, line);
    const t = await lastTask();
    expect(r!.text).toBe(T.created(t.id, TITLE, due, 2, [7, 3, 1, 0], 8));
    return t.id;
  }

  /** Give the standard task and drop the new-task notices from the secretaries' unread messages. */
  async function giveQuietly(): Promise<number> {
    const id = await give();
    for (const u of [secA1, secA2, secB1]) await h.unread(u);
    return id;
  }

  it("When a cadre gives a task to the subtree, then each branch secretary is told at once and reminded at 08:00 on 7, 3, 1 and 0 days before, exactly once each", async () => {
    const id = await give();
    for (const u of [secA1, secA2]) {
      const [n] = await h.unread(u);
      expect(n!.text).toContain(`Việc mới #${id}`);
      expect(n!.text).toContain(TITLE);
      expect(n!.text).toContain(`Hạn: ${DUE}`);
      expect(n!.buttons!.map((b) => b.label)).toEqual([T.btnDone(id)]);
    }
    expect(await h.unread(secB1)).toEqual([]);
    expect(await h.unread(youth)).toEqual([]);

    const plan: [number, number][] = [
      [5, 7],
      [9, 3],
      [11, 1],
      [12, 0],
    ];
    for (const [day, left] of plan) {
      await h.at(vnDate(2026, 11, day, 7, 59));
      expect(await h.unread(secA1)).toEqual([]);
      await h.at(vnDate(2026, 11, day, 8, 0));
      const got = text(await h.unread(secA1));
      expect(got).toEqual([T.reminder(id, TITLE, DUE, left, "Chi đoàn A1")]);
      expect(text(await h.unread(secA2))).toEqual([T.reminder(id, TITLE, DUE, left, "Chi đoàn A2")]);
      // more ticks the same minute (and a second instance) send nothing more
      const other = new Scheduler(h.s, [onboarding, deadlines], "second-instance");
      await Promise.all([h.advance(30_000), other.tick()]);
      expect(await h.unread(secA1)).toEqual([]);
      expect(await h.unread(secA2)).toEqual([]);
    }
    expect(await h.unread(secB1)).toEqual([]);
  });

  it("When some units are late, then the giver gets the overdue list the next morning and weekly after, and it stops when all are done", async () => {
    const id = await give();
    await h.unread(cadre);
    // A2 finishes early: its reminders stop, A1 keeps getting them
    await h.at(vnDate(2026, 11, 4, 10, 0));
    await h.unread(secA2);
    const [done] = await h.send(secA2, `/hoanthanh ${id} https://drive.example/bao-cao-a2.pdf`);
    expect(done!.text).toBe(T.done(id, TITLE, "Chi đoàn A2", true));
    await h.at(vnDate(2026, 11, 5, 8, 0));
    expect(await h.unread(secA2)).toEqual([]);
    expect(text(await h.unread(secA1))).toHaveLength(2); // the new-task notice and the 7-day reminder

    await h.at(vnDate(2026, 11, 13, 7, 59));
    expect(await h.unread(cadre)).toEqual([]);
    await h.at(vnDate(2026, 11, 13, 8, 0));
    const digest = text(await h.unread(cadre));
    expect(digest).toEqual([T.overdueDigest(id, TITLE, DUE, 1, 2, [T.overdueLine("Chi đoàn A1", "CD-A1", 1)], 0)]);
    await h.advance(3600_000);
    expect(await h.unread(cadre)).toEqual([]);

    await h.at(vnDate(2026, 11, 20, 8, 0));
    expect(text(await h.unread(cadre))).toEqual([T.overdueDigest(id, TITLE, DUE, 1, 2, [T.overdueLine("Chi đoàn A1", "CD-A1", 8)], 0)]);

    // the cadre sees done/total in /nhacviec
    const [list] = await h.send(cadre, "/nhacviec");
    expect(list!.text).toContain(T.givenLine(id, TITLE, DUE, 1, 2, 1));

    await h.at(vnDate(2026, 11, 21, 9, 0));
    const [late] = await h.press(secA1, T.btnDone(id));
    expect(late!.text).toBe(T.done(id, TITLE, "Chi đoàn A1", false));
    expect(text(await h.unread(cadre))).toEqual([T.allDone(id, TITLE, 2)]);
    await h.at(vnDate(2026, 11, 27, 8, 0));
    await h.at(vnDate(2026, 12, 4, 8, 0));
    expect(await h.unread(cadre)).toEqual([]);
    expect(await h.s.prisma.scheduledJob.count({ where: { dedupeKey: { startsWith: `task:${id}:` }, status: "pending" } })).toBe(0);
  });

  it("When a unit reports done, then its later reminders stop, and a second report changes nothing", async () => {
    const id = await give();
    await h.unread(secA1);
    const [first] = await h.send(secA1, `/hoanthanh ${id} Đã gửi qua email`);
    expect(first!.text).toBe(T.done(id, TITLE, "Chi đoàn A1", true));
    const row = await h.s.prisma.taskAssignment.findFirstOrThrow({ where: { taskId: id, doneAt: { not: null } } });
    expect(row.note).toBe("Đã gửi qua email");
    const [again] = await h.send(secA1, `/hoanthanh ${id} lần hai`);
    expect(again!.text).toBe(T.alreadyDone(id, "Chi đoàn A1", "09:00 02/11/2026"));
    expect((await h.s.prisma.taskAssignment.findUniqueOrThrow({ where: { id: row.id } })).note).toBe("Đã gửi qua email");
    for (const day of [5, 9, 11, 12]) await h.at(vnDate(2026, 11, day, 8, 0));
    expect(await h.unread(secA1)).toEqual([]);
    expect(text(await h.unread(secA2))).toHaveLength(5);
    // the secretary's list no longer shows it
    const [mine] = await h.send(secA1, "/nhacviec");
    expect(mine!.text).toContain(T.mineNone);
  });

  it("When the bot was down across reminder times, then at start only the latest due reminder is sent, once", async () => {
    const id = await give();
    await h.unread(secA1);
    await h.at(vnDate(2026, 11, 9, 10, 30)); // missed the 7-day and the 3-day reminders
    expect(text(await h.unread(secA1))).toEqual([T.reminder(id, TITLE, DUE, 3, "Chi đoàn A1")]);
    await h.at(vnDate(2026, 11, 25, 9, 0)); // missed the rest, the due day and the first digests
    // no stale reminder: one overdue notice to the late branch, like the giver's single digest
    expect(text(await h.unread(secA1))).toEqual([M.overdueUnit(id, TITLE, DUE, "Chi đoàn A1", 13)]);
    const digests = text(await h.unread(cadre)).filter((t) => t.includes("chưa hoàn thành"));
    expect(digests).toHaveLength(1);
    expect(digests[0]).toContain(T.overdueLine("Chi đoàn A1", "CD-A1", 13));
    const next = await h.s.prisma.scheduledJob.findFirstOrThrow({ where: { kind: "deadline.overdue", status: "pending" } });
    expect(next.runAt).toEqual(vnDate(2026, 11, 27, 8, 0));
  });

  it("When a task is due in two days, then reminders already in the past are skipped and the plan can be changed", async () => {
    const [r] = await h.send(cadre, `/giaoviec 04/11/2026 17:00 | Danh sách đoàn viên ưu tú | | CD-A1 | nhắc 3,1,0`);
    const t = await lastTask();
    expect(r!.text).toBe(T.created(t.id, "Danh sách đoàn viên ưu tú", "17:00 04/11/2026", 1, [3, 1, 0], 8));
    const jobs = await h.s.prisma.scheduledJob.findMany({ where: { kind: "deadline.remind" }, orderBy: { runAt: "asc" } });
    expect(jobs.map((j) => j.runAt)).toEqual([vnDate(2026, 11, 3, 8, 0), vnDate(2026, 11, 4, 8, 0)]);
    expect(await h.s.prisma.taskAssignment.count({ where: { taskId: t.id } })).toBe(1);
  });

  it("When the cadre uses the guided flow, then choices pick the subtree and the reminder plan can be changed before giving", async () => {
    expect((await h.send(cadre, "/giaoviec"))[0]!.text).toBe(T.askTitle);
    expect((await h.send(cadre, "Kế hoạch Tháng Thanh niên"))[0]!.text).toBe(T.askDue);
    expect((await h.send(cadre, "31/02/2026"))[0]!.text).toBe(T.dueBad);
    expect((await h.send(cadre, "01/11/2026"))[0]!.text).toBe(T.duePast);
    expect((await h.send(cadre, "20/11/2026"))[0]!.text).toBe(T.askDetails);
    const [target] = await h.send(cadre, "-");
    expect(target!.text).toBe(T.askTarget);
    expect(target!.buttons!.map((b) => b.label)).toEqual([T.targetAllBranches("Đoàn xã A", 2), T.targetCodes]);
    const [confirm] = await h.press(cadre, T.targetAllBranches("Đoàn xã A", 2));
    expect(confirm!.text).toContain("Chi đoàn A1, Chi đoàn A2");
    await h.press(cadre, T.btnChangeRemind);
    expect((await h.send(cadre, "5,99"))[0]!.text).toBe(T.remindBad);
    const [again] = await h.send(cadre, "5, 0");
    expect(again!.text).toContain("5 ngày trước hạn và đúng ngày hạn");
    const [created] = await h.press(cadre, T.btnCreate);
    const t = await lastTask();
    expect(created!.text).toBe(T.created(t.id, "Kế hoạch Tháng Thanh niên", "20/11/2026", 2, [5, 0], 8));
    expect(t.remindDays).toBe("[5,0]");
    // pressing "create" again does nothing
    await h.press(cadre, 1);
    expect(await h.s.prisma.task.count()).toBe(1);
  });

  it("When the wrong person or bad input is used, then the answer is clear and nothing changes", async () => {
    expect((await h.send(youth, "/giaoviec 12/11/2026 | Việc | x"))[0]!.text).toBe(coreText.notAllowed("cán bộ Đoàn, quản trị viên"));
    expect((await h.send(secA1, "/giaoviec 12/11/2026 | Việc | x"))[0]!.text).toBe(coreText.notAllowed("cán bộ Đoàn, quản trị viên"));
    expect((await h.send(youth, "/hoanthanh 1"))[0]!.text).toBe(coreText.notAllowed("bí thư chi đoàn, cán bộ Đoàn"));
    // the one-line form names its first bad field
    const badField = (field: string, error: string) => `${formText.lineBad(field, error)}\n\n${T.usage}\n${M.usageMore}`;
    expect((await h.send(cadre, "/giaoviec 12/11/2026 | Việc ngoài phạm vi | x | CD-B1"))[0]!.text).toBe(badField(T.fields.target, T.notInSubtree("CD-B1")));
    expect((await h.send(cadre, "/giaoviec 12/11/2026 | Việc lạ | x | KHONGCO"))[0]!.text).toBe(badField(T.fields.target, T.unknownUnit("KHONGCO")));
    expect((await h.send(cadre, "/giaoviec 12/11/2026 | Việc của chính mình | x | XA-A"))[0]!.text).toBe(badField(T.fields.target, T.notInSubtree("XA-A")));
    expect((await h.send(cadre, "/giaoviec 32/11/2026 | Việc | x"))[0]!.text).toBe(badField(T.fields.due, T.dueBad));
    expect((await h.send(cadre, `/giaoviec 12/11/2026 | ${"x".repeat(201)} | x`))[0]!.text).toBe(badField(T.fields.title, T.titleBad(200)));
    expect((await h.send(cadre, "/giaoviec 12/11/2026 | Việc | x | nhắc 99"))[0]!.text).toBe(badField(T.fields.remind, T.remindBad));
    expect(await h.s.prisma.task.count()).toBe(0);

    const id = await giveQuietly();
    expect((await h.send(secA1, "/hoanthanh 999"))[0]!.text).toBe(T.unknownTask(999));
    expect((await h.send(secA1, "/hoanthanh abc"))[0]!.text).toBe(T.doneUsage);
    expect((await h.send(secB1, `/hoanthanh ${id}`))[0]!.text).toBe(T.notYourTask(id));
    expect((await h.send(secA1, `/hoanthanh ${id} ${"y".repeat(501)}`))[0]!.text).toBe(T.noteTooLong(500));
    expect((await h.send(secB1, `/nhacviec ${id}`))[0]!.text).toBe(T.notVisible(id));
    expect(await h.s.prisma.taskAssignment.count({ where: { doneAt: { not: null } } })).toBe(0);
    // a forged button for another unit is refused too
    const a1 = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "CD-A1" } });
    const setId = (
      await h.s.prisma.choiceSet.create({
        data: { channel: "telegram", userKey: h.s.outbox.choiceOwner("telegram", secB1.id), createdAt: h.clock.now(), items: JSON.stringify([{ action: "dl.done", args: { taskId: id, unitId: a1.id } }]) },
      })
    ).id;
    await h.core.receive({ channel: "telegram", chatId: secB1.id, userId: secB1.id, displayName: "B1", choice: { setId, index: 1 } }, "forged-1");
    expect(text(await h.unread(secB1)).at(-1)).toBe(T.notYourTask(id));
    expect(await h.s.prisma.taskAssignment.count({ where: { doneAt: { not: null } } })).toBe(0);
  });

  it("When secretaries and the cadre open /nhacviec, then they see due dates and days left, and the detail lists who is missing", async () => {
    const id = await giveQuietly();
    const [mine] = await h.send(secA1, "/nhacviec");
    expect(mine!.text).toContain(T.mineLine(id, TITLE, DUE, 10, null));
    expect(mine!.buttons!.map((b) => b.label)).toEqual([T.btnDone(id)]);
    await h.send(secA2, `/hoanthanh ${id}`);
    const [detail] = await h.send(cadre, `/nhacviec ${id}`);
    expect(detail!.text).toContain("Đã hoàn thành: 1/2 đơn vị.");
    expect(detail!.text).toContain(T.detailPendingLine("Chi đoàn A1", "CD-A1", "còn 10 ngày"));
  });

  it("When the deadlines report is asked, then each task and unit has its due date, done time and on time / late / overdue", async () => {
    const id = await give();
    await h.send(secA2, `/hoanthanh ${id} xong`);
    const other = await give(`/giaoviec 20/11/2026 | ${TITLE} | Lần 2 | CD-A1,CD-A2`, "20/11/2026");
    await h.at(vnDate(2026, 11, 14, 9, 0));
    await h.send(secA1, `/hoanthanh ${other}`);
    await h.send(secA2, `/hoanthanh ${id}`); // already done: no change
    await h.at(vnDate(2026, 11, 15, 9, 0));
    await h.send(secA1, `/hoanthanh ${id}`); // late
    await h.at(vnDate(2026, 11, 25, 9, 0));
    const xa = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "XA-A" } });
    const csv = await REPORTS.deadlines!({ prisma: h.s.prisma, secrets: h.s.secrets, now: h.clock.now() }, xa, "2026-11", "csv");
    const lines = csv.replace(/^\ufeff/, "").trim().split("\r\n");
    expect(lines[0]).toBe("task_id,title,given_by,unit_code,unit_name,due,done_at,status,note");
    expect(lines).toHaveLength(5);
    expect(lines).toContain(`${id},${TITLE},Đoàn xã A,CD-A2,Chi đoàn A2,${DUE},09:00 02/11/2026,on_time,xong`);
    expect(lines).toContain(`${id},${TITLE},Đoàn xã A,CD-A1,Chi đoàn A1,${DUE},09:00 15/11/2026,late,`);
    expect(lines).toContain(`${other},${TITLE},Đoàn xã A,CD-A2,Chi đoàn A2,20/11/2026,,overdue,`);
    const json = JSON.parse(await REPORTS.deadlines!({ prisma: h.s.prisma, secrets: h.s.secrets, now: h.clock.now() }, xa, "2026-11", "json"));
    expect(json.totals).toEqual({ on_time: 2, late: 1, overdue: 1, open: 0 });
    const b = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "XA-B" } });
    const none = await REPORTS.deadlines!({ prisma: h.s.prisma, secrets: h.s.secrets, now: h.clock.now() }, b, "2026-11", "csv");
    expect(none.replace(/^\ufeff/, "").trim().split("\r\n")).toHaveLength(1);
  });
  it.each<ChannelName>(["telegram", "zalo"])(
    "When a cadre on %s types a number at every step of /giaoviec after an older list was offered, then each number is that step's answer",
    async (channel) => {
      const id = await giveQuietly();
      const c = channel === "telegram" ? cadre : h.user("Cán bộ xã A (Zalo)", channel);
      if (c !== cadre) await h.join(c, "cadre", "XA-A");
      const a1 = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "CD-A1" } });
      // an older list offered to the cadre (a "done" button of the first task)
      await h.s.prisma.choiceSet.create({ data: { channel: c.channel, userKey: h.s.outbox.choiceOwner(c.channel, c.id), items: JSON.stringify([{ action: "dl.done", args: { taskId: id, unitId: a1.id } }]) } });
      const say = async (t: string) => (await h.send(c, t))[0]!;
      expect((await say("/giaoviec")).text).toBe(T.askTitle);
      expect((await say("12")).text).toBe(T.titleBad(200));
      expect((await say("Kế hoạch Tháng Thanh niên")).text).toBe(T.askDue);
      expect((await say("20")).text).toBe(T.dueBad);
      expect((await say("20/11/2026")).text).toBe(T.askDetails);
      const target = await say("5");
      expect(target.text.startsWith(T.askTarget)).toBe(true);
      const labels = [T.targetAllBranches("Đoàn xã A", 2), T.targetCodes];
      if (channel === "zalo") expect(target.text).toContain(`1. ${labels[0]}\n2. ${labels[1]}`);
      else expect(target.buttons!.map((b) => b.label)).toEqual(labels);
      expect((await say("3")).text).toBe(formText.pickNumber(2));
      expect((await say("2")).text).toBe(T.askCodes("CD-A1,CD-A2"));
      expect((await say("7")).text).toBe(T.unknownUnit("7"));
      const confirm = await say("CD-A1");
      expect(confirm.text).toContain("• Đơn vị nhận (1): Chi đoàn A1");
      expect(confirm.text).toContain("• Chi tiết: 5");
      expect((await say("2")).text).toBe(T.askRemind);
      expect((await say("3")).text).toContain("• Nhắc: 3 ngày trước hạn, lúc 08:00");
      const created = await say("1");
      const t = await lastTask();
      expect(created.text).toBe(T.created(t.id, "Kế hoạch Tháng Thanh niên", "20/11/2026", 1, [3], 8));
      expect(t).toMatchObject({ details: "5", remindDays: "[3]" });
      // no number pressed the older list
      expect(await h.s.prisma.taskAssignment.count({ where: { doneAt: { not: null } } })).toBe(0);
    },
  );
  it("When a done button or a job payload is tampered with, then the answer is an expired choice, the job is dropped, and nothing changes", async () => {
    const id = await giveQuietly();
    const forged = async (u: TestUser, args: Record<string, unknown>) => {
      const setId = (await h.s.prisma.choiceSet.create({ data: { channel: u.channel, userKey: h.s.outbox.choiceOwner(u.channel, u.id), items: JSON.stringify([{ action: "dl.done", args }]) } })).id;
      await h.core.receive({ channel: u.channel, chatId: u.id, userId: u.id, displayName: u.name, choice: { setId, index: 1 } }, `forged-${setId}`);
      return text(await h.unread(u)).at(-1);
    };
    expect(await forged(secA1, { taskId: String(id), unitId: "x" })).toBe(coreText.choiceExpired);
    expect(await forged(secA1, { taskId: id })).toBe(coreText.choiceExpired);
    await h.s.prisma.scheduledJob.create({ data: { kind: "deadline.remind", runAt: h.clock.now(), dedupeKey: "forged-job", payload: JSON.stringify({ taskId: "1; drop" }) } });
    await h.advance(1000);
    expect((await h.s.prisma.scheduledJob.findUniqueOrThrow({ where: { dedupeKey: "forged-job" } })).status).toBe("done");
    expect(await h.unread(secA1)).toEqual([]);
    expect(await h.s.prisma.taskAssignment.count({ where: { doneAt: { not: null } } })).toBe(0);
  });

  it("When the giver is merged into another person or a secretary is erased, then tasks follow the merge and completions stay as the unit's records", async () => {
    const id = await giveQuietly();
    await h.send(secA1, `/hoanthanh ${id} đã nộp`);
    const [giver, sec] = [await h.personId(cadre), await h.personId(secA1)];
    const other = await h.s.prisma.person.create({ data: { displayName: "Cán bộ (tài khoản Zalo)" } });
    await h.s.people.merge(giver, other.id);
    expect((await h.s.prisma.task.findUniqueOrThrow({ where: { id } })).createdById).toBe(other.id);
    const sec2 = await h.s.prisma.person.create({ data: { displayName: "Bí thư A1 (Zalo)" } });
    await h.s.people.merge(sec, sec2.id);
    const done = await h.s.prisma.taskAssignment.findFirstOrThrow({ where: { taskId: id, doneAt: { not: null } } });
    expect(done.doneById).toBe(sec2.id);
    await h.s.people.erase(sec2.id);
    const kept = await h.s.prisma.taskAssignment.findUniqueOrThrow({ where: { id: done.id } });
    expect(kept).toMatchObject({ doneById: sec2.id, note: "đã nộp" });
    expect(kept.doneAt).not.toBeNull();
    expect((await h.s.prisma.person.findUniqueOrThrow({ where: { id: sec2.id } })).displayName).toBe("—");
  });
});
