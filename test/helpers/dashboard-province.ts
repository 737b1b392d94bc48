/**
 * A province with a few months of activity, written straight into the database (what the
 * features leave behind), for the dashboard and Excel tests: questions by topic (named and
 * anonymous, answered on time, late, open, escalated), meeting reports, tasks with
 * assignments, a volunteer campaign with sign-ups, a live session with a commitment, and
 * indicator targets and figures. TEST_ORG units; the clock of the tests is late November 2026.
 */
import type { Db } from "../../prisma/db.ts";
import { vnDate } from "../../bot/core/time.ts";
import { recordIndicator, setTarget } from "../../handlers/indicators/api.ts";

export const ANON_TEXT = "Em bị bạo lực học đường ở trường, em nên báo ai mà không bị lộ danh tính?";
export const ANON_REF = "A424242";

export async function seedActiveProvince(prisma: Db, o: { youthId: number; cadreId: number }): Promise<void> {
  const unit = async (code: string) => prisma.unit.findUniqueOrThrow({ where: { code } });
  type U = Awaited<ReturnType<typeof unit>>;
  const [tinh, xaA, xaB, a1, a2, b1] = (await Promise.all(["TINH", "XA-A", "XA-B", "CD-A1", "CD-A2", "CD-B1"].map(unit))) as [U, U, U, U, U, U];
  const H = 3_600_000;
  let n = 0;
  const ask = async (at: Date, topic: string, from: { id: number }, holder: { id: number }, answerAfterH: number | null, escalated = false) => {
    const q = await prisma.question.create({
      data: {
        askerId: o.youthId,
        askerKey: `k-${++n}`,
        askerUnitId: from.id,
        text: `Câu hỏi số ${n} về ${topic}`,
        normText: `cau hoi so ${n}`,
        topic,
        status: answerAfterH === null ? "open" : "answered",
        unitId: holder.id,
        dueAt: new Date(at.getTime() + 72 * H),
        answeredAt: answerAfterH === null ? null : new Date(at.getTime() + answerAfterH * H),
        createdAt: at,
      },
    });
    if (answerAfterH !== null) await prisma.answer.create({ data: { questionId: q.id, cadreId: o.cadreId, text: "Trả lời.", signature: "Cán bộ", createdAt: new Date(at.getTime() + answerAfterH * H) } });
    if (escalated) await prisma.questionEvent.create({ data: { questionId: q.id, kind: "escalate", fromUnitId: holder.id, toUnitId: tinh.id, detail: `due:${at.getTime() + 72 * H}`, at: new Date(at.getTime() + 73 * H) } });
  };
  // November: 14 questions from the communes' branches; October and September fewer
  for (let i = 0; i < 7; i++) await ask(vnDate(2026, 11, 2 + i, 9), "viec_lam", a1, xaA, 2 + i);
  for (let i = 0; i < 5; i++) await ask(vnDate(2026, 11, 3 + i, 10), "khoi_nghiep", a2, xaA, i === 4 ? 80 : 5, i === 4);
  await ask(vnDate(2026, 11, 10, 8), "hoc_tap", b1, xaB, null, true);
  await ask(vnDate(2026, 11, 20, 8), "viec_lam", b1, xaB, null);
  for (let i = 0; i < 6; i++) await ask(vnDate(2026, 10, 5 + i, 9), "viec_lam", a1, xaA, 3);
  for (let i = 0; i < 5; i++) await ask(vnDate(2026, 9, 5 + i, 9), "hoc_tap", b1, xaB, 30);
  // a youth's anonymous question, still open: counted under the unit that first held it
  await prisma.question.create({
    data: {
      askerId: null,
      anonymous: true,
      askerKey: "anon-pseudonym",
      askerUnitId: xaA.id,
      text: ANON_TEXT,
      normText: "bao luc hoc duong",
      topic: "hoc_tap",
      unitId: xaA.id,
      dueAt: vnDate(2026, 11, 27, 9),
      publicRef: ANON_REF,
      createdAt: vnDate(2026, 11, 24, 9),
    },
  });

  // meetings: A1 and B1 met in November, A2 did not; every branch met in October
  for (const [u, month, att] of [[a1, "2026-11", 25], [b1, "2026-11", 12], [a1, "2026-10", 20], [a2, "2026-10", 18], [b1, "2026-10", 9]] as const)
    await prisma.meetingReport.create({ data: { unitId: u.id, month, personId: o.cadreId, attendees: att, createdAt: vnDate(2026, Number(month.slice(5)), 6, 20) } });

  // a task due in November: A1 on time, A2 late, B1 overdue
  const task = await prisma.task.create({ data: { title: "Báo cáo công tác tháng 11", dueAt: vnDate(2026, 11, 15, 23, 59), createdById: o.cadreId, unitId: tinh.id, createdAt: vnDate(2026, 11, 1, 8) } });
  await prisma.taskAssignment.create({ data: { taskId: task.id, unitId: a1.id, doneAt: vnDate(2026, 11, 10, 9) } });
  await prisma.taskAssignment.create({ data: { taskId: task.id, unitId: a2.id, doneAt: vnDate(2026, 11, 18, 9) } });
  await prisma.taskAssignment.create({ data: { taskId: task.id, unitId: b1.id } });
  const task2 = await prisma.task.create({ data: { title: "Đăng ký đội hình hiến máu", dueAt: vnDate(2026, 11, 30, 23, 59), createdById: o.cadreId, unitId: xaA.id } });
  await prisma.taskAssignment.create({ data: { taskId: task2.id, unitId: a1.id } });

  // a volunteer campaign of the province in November: 6 confirmed (5 came), 2 on the waitlist
  const c = await prisma.campaign.create({
    data: { title: "Chủ nhật xanh", startsAt: vnDate(2026, 11, 8, 7), endsAt: vnDate(2026, 11, 8, 11), capacity: 6, signupDeadline: vnDate(2026, 11, 7, 7), scopeUnitId: tinh.id, createdById: o.cadreId },
  });
  for (let i = 0; i < 8; i++) {
    const p = await prisma.person.create({ data: { displayName: `Tình nguyện viên ${i + 1}` } });
    await prisma.signup.create({ data: { campaignId: c.id, personId: p.id, branchUnitId: (i % 2 ? a2 : a1).id, status: i < 6 ? "confirmed" : "waitlist", attended: i < 6 ? i !== 3 : null } });
  }

  // a live session of the province with an answered question and a commitment
  const ses = await prisma.dialogueSession.create({
    data: { title: "Đối thoại thanh niên tháng 11", leaders: "Bí thư Tỉnh đoàn", scopeUnitId: tinh.id, opensAt: vnDate(2026, 11, 12, 8), closesAt: vnDate(2026, 11, 12, 11), boardToken: "board-token-seed", createdById: o.cadreId },
  });
  const sq = await prisma.question.create({
    data: { askerId: o.youthId, askerKey: "k-ses", askerUnitId: a1.id, text: "Tỉnh có hỗ trợ vay vốn khởi nghiệp không?", normText: "vay von", topic: "khoi_nghiep", status: "answered", unitId: tinh.id, sessionId: ses.id, votes: 7, dueAt: vnDate(2026, 11, 15, 8), createdAt: vnDate(2026, 11, 12, 8, 30) },
  });
  await prisma.answer.create({ data: { questionId: sq.id, cadreId: o.cadreId, text: "Có, qua Quỹ hỗ trợ thanh niên khởi nghiệp.", signature: "Bí thư", createdAt: vnDate(2026, 11, 12, 9) } });
  await prisma.commitment.create({ data: { sessionId: ses.id, text: "Mở lớp tin học miễn phí", owner: "Đoàn xã A", dueAt: vnDate(2026, 12, 30, 17) } });

  // indicators of the year: targets and figures
  await setTarget(prisma, { unitId: tinh.id, year: 2026, indicator: "volunteer_turns", value: 100 });
  await setTarget(prisma, { unitId: xaA.id, year: 2026, indicator: "volunteer_turns", value: 60 });
  await setTarget(prisma, { unitId: xaB.id, year: 2026, indicator: "volunteer_turns", value: 40 });
  await recordIndicator(prisma, { source: "seed:a", unitId: a1.id, period: "2026-11", indicator: "volunteer_turns", value: 30 });
  await recordIndicator(prisma, { source: "seed:b", unitId: b1.id, period: "2026-10", indicator: "volunteer_turns", value: 10 });
}
