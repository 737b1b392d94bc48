import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { defaultTopics, dialogueText as T } from "../../prompts/vi/dialogue.ts";
import { REPORTS } from "../../handlers/reports.ts";
import "../../handlers/dialogue/index.ts";
import { buildDialogueReport } from "../../handlers/dialogue/report.ts";

const Q_LOAN = "Thanh niên ở xã muốn vay vốn khởi nghiệp nuôi bò thì cần thủ tục gì và vay ở đâu ạ?";
const Q_SUMMER = "Làm thế nào để đăng ký tham gia chiến dịch Mùa hè xanh năm nay ạ?";
const Q_SUMMER_2 = "Làm sao để đăng ký tham gia chiến dịch Mùa hè xanh năm nay?";
const Q_SCHOLAR = "Sinh viên nghèo vượt khó có được xét học bổng của Tỉnh đoàn không ạ?";
const Q_FEES = "Đoàn phí hằng tháng của đoàn viên là bao nhiêu tiền và nộp cho ai?";

const label = (key: string) => defaultTopics.find((t) => t.key === key)?.label ?? key;

describe("dialogue Q&A", () => {
  let h: Harness;
  let youth: TestUser;
  let cadreA: TestUser;
  let cadreT: TestUser;

  beforeEach(async () => {
    h = await Harness.create({ org: TEST_ORG });
    youth = h.user("Trần Văn Hỏi");
    cadreA = h.user("Lê Cán Bộ A");
    cadreT = h.user("Phạm Tỉnh Đoàn");
    await h.join(youth, "youth", "CD-A1");
    await h.join(cadreA, "cadre", "XA-A", undefined, "Phó Bí thư Đoàn xã A");
    await h.join(cadreT, "cadre", "TINH");
  });
  afterEach(async () => h.close());

  async function lastQuestion() {
    return h.s.prisma.question.findFirstOrThrow({ orderBy: { id: "desc" } });
  }

  it("When the feature starts, then the 11 default topics are seeded and an added topic is kept", async () => {
    const topics = await h.s.prisma.topic.findMany();
    expect(topics.map((t) => t.key).sort()).toEqual(defaultTopics.map((t) => t.key).sort());
    await h.s.prisma.topic.create({ data: { key: "nha_o", label: "Nhà ở xã hội", sortOrder: 200 } });
    const { createDialogue } = await import("../../handlers/dialogue/index.ts");
    await createDialogue().init!(h.s);
    expect(await h.s.prisma.topic.count()).toBe(12);
  });

  it("When a youth asks, then the cadre of the right unit gets it and the answer reaches the youth, signed with the title", async () => {
    const [sent] = await h.send(youth, `/hoi ${Q_LOAN}`);
    const q = await lastQuestion();
    expect(sent!.text).toContain(T.sent(q.id, label(q.topic), "Đoàn xã A", "05/11/2026"));
    const xa = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "XA-A" } });
    expect(q.unitId).toBe(xa.id);
    expect(q.assigneeId).toBe(await h.personId(cadreA));
    expect(q.askerId).toBe(await h.personId(youth));

    const [note] = await h.unread(cadreA);
    expect(note!.text).toContain(`#${q.id}`);
    expect(note!.text).toContain(label(q.topic));
    expect(note!.text).toContain("Trần Văn Hỏi");
    expect(note!.text).toContain("05/11/2026");
    expect(note!.buttons!.map((b) => b.label)).toEqual([T.btnAnswer, T.btnTransfer, T.btnMerge]);
    expect(await h.unread(cadreT)).toEqual([]);

    // answer through the button and the answer flow
    const [prompt] = await h.press(cadreA, T.btnAnswer);
    expect(prompt!.text).toContain(`#${q.id}`);
    const [done] = await h.send(cadreA, "Bạn liên hệ Tổ tiết kiệm và vay vốn của xã, mang theo CCCD và phương án sản xuất.");
    expect(done!.text).toBe(T.answered(q.id, 1));

    const [answer] = await h.unread(youth);
    expect(answer!.text).toContain("Tổ tiết kiệm và vay vốn");
    expect(answer!.text).toContain("— Phó Bí thư Đoàn xã A");
    expect(answer!.buttons!.map((b) => b.label)).toEqual([T.btnUseful, T.btnUnclear]);
    const row = await h.s.prisma.question.findUniqueOrThrow({ where: { id: q.id } });
    expect(row.status).toBe("answered");
    expect(await h.s.prisma.answer.count({ where: { questionId: q.id } })).toBe(1);

    // a second answer to the same question is refused
    const [again] = await h.send(cadreA, `/traloi ${q.id} Trả lời lần hai`);
    expect(again!.text).toBe(T.notOpen(q.id));

    const [thanks] = await h.press(youth, T.btnUseful);
    expect(thanks!.text).toBe(T.rateThanks);
    const [twice] = await h.send(youth, `/danhgia ${q.id} huuich`);
    expect(twice!.text).toBe(T.rateAlready);
    expect((await h.s.prisma.question.findUniqueOrThrow({ where: { id: q.id } })).rating).toBe("useful");
  });

  it("When a youth asks anonymously, then no cadre message, queue, report or row ties the question to them, yet the answer reaches them", async () => {
    const secret = h.user("Nguyễn Thị Bí Mật");
    await h.join(secret, "youth", "CD-A2");
    const secretId = await h.personId(secret);
    h.clock.advance(7 * 60_000); // 09:07: the batch ends at 09:15
    const [sent] = await h.send(secret, `/hoian ${Q_FEES}`);
    const q = await lastQuestion();
    expect(q.publicRef).toMatch(/^A\d{6}$/);
    expect(sent!.text).toContain(T.sentAnon(q.publicRef!, label(q.topic), "Đoàn xã A", "05/11/2026"));
    expect(sent!.text).toContain(T.anonBatchNote(15));

    expect(q.askerId).toBeNull();
    expect(q.anonymous).toBe(true);
    // dated at the end of its batch, filed under the commune that holds it (never the branch)
    expect(q.createdAt.toISOString()).toBe("2026-11-02T02:15:00.000Z");
    expect(q.askerUnitId).toBe((await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "XA-A" } })).id);
    // the delivery address is sealed: only the server's key opens it
    expect(q.anonDelivery).toBeTruthy();
    expect(q.anonDelivery).not.toBe(String(secretId));
    expect(h.s.secrets.open(q.anonDelivery!)).toBe(String(secretId));
    const events = await h.s.prisma.questionEvent.findMany({ where: { questionId: q.id } });
    expect(events.every((e) => e.actorId === null)).toBe(true);
    const audits = await h.s.prisma.auditLog.findMany({ where: { actorId: secretId } });
    expect(audits.some((a) => a.entity === "question")).toBe(false);
    // the stored update that carried it keeps no text once handled
    const inbox = await h.s.prisma.inboundUpdate.findMany({ where: { status: "done" } });
    expect(inbox.some((u) => u.payload.includes(q.text.slice(0, 20)))).toBe(false);
    // the confirmation went to the anonymous target: no row holds the asker's chat or person
    const toChat = await h.s.prisma.outboxMessage.findMany({ where: { OR: [{ chatId: secret.id }, { personId: secretId }] } });
    expect(toChat).toEqual([]);

    // the cadre hears of it only when the batch ends, by its reference
    expect(await h.unread(cadreA)).toEqual([]);
    expect((await h.send(cadreA, "/hangdoi"))[0]!.text).toBe(T.queueEmpty);
    await h.advance(8 * 60_000);
    const [note] = await h.unread(cadreA);
    expect(note!.text).toContain(`#${q.publicRef}`);
    expect(note!.text).not.toContain(`#${q.id}`);
    expect(note!.text).toContain(T.anonymous);
    expect(note!.text).not.toContain("Bí Mật");
    expect(note!.text).not.toContain("Chi đoàn A2");
    const [queue] = await h.send(cadreA, "/hangdoi");
    expect(queue!.text).toContain(`#${q.publicRef}`);
    expect(queue!.text).toContain(T.anonymous);
    expect(queue!.text).not.toContain("Bí Mật");
    // its sequential number names nothing to a cadre
    expect((await h.send(cadreA, `/traloi ${q.id} Thử`))[0]!.text).toBe(T.notFound(q.id));

    const tinh = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "TINH" } });
    for (const format of ["csv", "json"] as const) {
      const out = await REPORTS.dialogue!({ prisma: h.s.prisma, secrets: h.s.secrets }, tinh, "2026-11", format);
      expect(out).not.toContain("Bí Mật");
      expect(out).not.toContain(q.text.slice(0, 20));
      expect(out).not.toContain(q.askerKey);
    }

    // "my questions" finds it through the pseudonym (and tells it through the anonymous target)
    const [mine] = await h.send(secret, "/cauhoi");
    expect(mine!.text).toContain(`Số ${q.publicRef} (ẩn danh)`);

    await h.send(cadreA, `/traloi ${q.publicRef!.toLowerCase()} Mức đoàn phí theo quy định của Trung ương Đoàn, bạn nộp cho bí thư chi đoàn.`);
    const [answer] = await h.unread(secret);
    expect(answer!.text).toContain("Mức đoàn phí");
    expect(answer!.text).toContain(`số ${q.publicRef}`);
    // the asker can still rate through the pseudonym, with the button too
    const [rated] = await h.press(secret, T.btnUseful);
    expect(rated!.text).toBe(T.rateThanks);
    const after = await h.s.prisma.questionEvent.findMany({ where: { questionId: q.id, kind: "rate" } });
    expect(after[0]!.actorId).toBeNull();
    expect(await h.s.prisma.outboxMessage.count({ where: { OR: [{ chatId: secret.id }, { personId: secretId }] } })).toBe(0);
    // the rating buttons are kept under a hash of the user of their own, not the plain id
    expect(await h.s.prisma.choiceSet.count({ where: { userKey: secret.id } })).toBe(0);
  });

  it("When the deadline passes, then the holder is reminded, the question escalates up the tree and the asker is told who holds it", async () => {
    await h.send(youth, `/hoi ${Q_SCHOLAR}`);
    const q = await lastQuestion();
    expect(q.dueAt.toISOString()).toBe("2026-11-05T02:00:00.000Z"); // Monday 09:00 + 3 working days
    await h.unread(cadreA);
    await h.unread(youth);

    await h.at(new Date("2026-11-04T03:00:00Z"));
    const reminders = await h.unread(cadreA);
    expect(reminders.map((m) => m.text)).toEqual([T.reminder(q.id, "09:00 05/11/2026", q.text)]);
    await h.at(new Date("2026-11-04T05:00:00Z"));
    expect(await h.unread(cadreA)).toEqual([]);

    await h.at(new Date("2026-11-05T02:20:00Z"));
    const up = await h.s.prisma.question.findUniqueOrThrow({ where: { id: q.id } });
    const tinh = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "TINH" } });
    expect(up.unitId).toBe(tinh.id);
    expect(up.assigneeId).toBe(await h.personId(cadreT));
    expect(up.escalationLevel).toBe(1);
    expect(up.dueAt.toISOString()).toBe("2026-11-10T02:20:00.000Z");
    const [escalated] = await h.unread(cadreT);
    expect(escalated!.text).toContain(`#${q.id}`);
    expect(escalated!.text).toContain("Đoàn xã A");
    expect((await h.unread(cadreA)).map((m) => m.text)).toEqual([T.escalatedAway(q.id, "Tỉnh đoàn Thử Nghiệm")]);
    const late = await h.unread(youth);
    expect(late.map((m) => m.text)).toEqual([T.lateAsker(q.id, "Tỉnh đoàn Thử Nghiệm", "10/11/2026")]);

    // running the scheduler again changes nothing
    await h.advance(60_000);
    expect(await h.unread(youth)).toEqual([]);
    expect(await h.unread(cadreT)).toEqual([]);

    // the commune cadre no longer holds it
    const [refused] = await h.send(cadreA, `/traloi ${q.id} Muộn rồi`);
    expect(refused!.text).toBe(T.notYours(q.id));

    // at the root it stays, with a new deadline and the asker told again
    await h.at(new Date("2026-11-10T03:00:00Z"));
    const root = await h.s.prisma.question.findUniqueOrThrow({ where: { id: q.id } });
    expect(root.unitId).toBe(tinh.id);
    expect(root.escalationLevel).toBe(2);
    const again = await h.unread(youth);
    expect(again.map((m) => m.text)).toContain(T.lateAskerSame(q.id, "Tỉnh đoàn Thử Nghiệm", "13/11/2026"));
    expect(await h.s.prisma.questionEvent.count({ where: { questionId: q.id, kind: "escalate" } })).toBe(2);

    await h.send(cadreT, `/traloi ${q.id} Có, bạn nộp hồ sơ qua Đoàn trường.`);
    expect((await h.unread(youth)).some((m) => m.text.includes("Đoàn trường"))).toBe(true);
    const jobs = await h.s.prisma.scheduledJob.count({ where: { dedupeKey: { startsWith: `dlg:` }, status: "pending" } });
    expect(jobs).toBe(0);
  });

  it("When another youth of the same commune asks the same thing, then it is offered and a me-too joiner gets the answer", async () => {
    await h.send(youth, `/hoi ${Q_SUMMER}`);
    const q = await lastQuestion();
    const other = h.user("Võ Cùng Hỏi");
    await h.join(other, "youth", "CD-A2");
    const [offer] = await h.send(other, `/hoi ${Q_SUMMER_2}`);
    expect(offer!.text).toContain(T.similarHeader);
    expect(offer!.text).toContain(`Câu hỏi số ${q.id}`);
    expect(offer!.buttons!.map((b) => b.label)).toEqual([T.choiceMeToo(q.id), T.choiceSendAnyway]);
    const flow = await h.s.prisma.conversation.findFirstOrThrow({ where: { userKey: other.id } });
    expect(flow.data).toContain("Mùa hè xanh");

    const [joined] = await h.press(other, T.choiceMeToo(q.id));
    expect(joined!.text).toBe(T.meTooJoined(q.id));
    const [again] = await h.press(other, T.choiceMeToo(q.id));
    expect(again!.text).toBe(T.nothingPending);
    expect(await h.s.prisma.question.count()).toBe(1);
    expect((await h.s.prisma.question.findUniqueOrThrow({ where: { id: q.id } })).votes).toBe(1);
    const vote = await h.s.prisma.questionVote.findFirstOrThrow({ where: { questionId: q.id } });
    expect(vote.kind).toBe("metoo");
    // the joiner's address is sealed: only the application secret opens it
    expect(vote.deliverTo).not.toBe(String(await h.personId(other)));
    expect(h.s.secrets.open(vote.deliverTo!)).toBe(String(await h.personId(other)));

    // the typed command does the same, and is idempotent
    const [typed] = await h.send(other, `/cunghoi ${q.id}`);
    expect(typed!.text).toBe(T.meTooAlready(q.id));

    // a youth of another commune is not offered a question held by commune A
    const far = h.user("Xa Lắm");
    await h.join(far, "youth", "CD-B1");
    const [direct] = await h.send(far, `/hoi ${Q_SUMMER_2}`);
    expect(direct!.text).toContain("Đã gửi câu hỏi số");
    const [notVisible] = await h.send(far, `/cunghoi ${q.id}`);
    expect(notVisible!.text).toBe(T.notFound(q.id));

    await h.send(cadreA, `/traloi ${q.id} Các bạn đăng ký với bí thư chi đoàn trước ngày 15/6.`);
    expect((await h.unread(youth)).some((m) => m.text.includes("trước ngày 15/6"))).toBe(true);
    const toOther = await h.unread(other);
    expect(toOther.map((m) => m.text)).toEqual([expect.stringContaining("trước ngày 15/6")]);
  });

  it("When a youth chooses to send anyway, then the question is queued once even if the button is pressed twice", async () => {
    await h.send(youth, `/hoi ${Q_SUMMER}`);
    const other = h.user("Đặng Vẫn Gửi");
    await h.join(other, "youth", "CD-A1");
    await h.send(other, `/hoian ${Q_SUMMER_2}`);
    const [sent] = await h.press(other, T.choiceSendAnyway);
    const last = await lastQuestion();
    expect(sent!.text).toContain(T.sentAnon(last.publicRef!, label(last.topic), "Đoàn xã A", "05/11/2026"));
    const [twice] = await h.press(other, T.choiceSendAnyway);
    expect(twice!.text).toBe(T.nothingPending);
    expect(await h.s.prisma.question.count()).toBe(2);
    expect((await lastQuestion()).askerId).toBeNull();
  });

  it("When an answer is published, then it is found accent-insensitively within the publishing unit's subtree only, and offered to a new asker", async () => {
    await h.send(youth, `/hoi ${Q_SUMMER}`);
    const q = await lastQuestion();
    await h.send(cadreA, `/traloi ${q.id} Bạn đăng ký với bí thư chi đoàn, hạn chót ngày 15/6.`);
    const youthB = h.user("Bùi Xã B");
    await h.join(youthB, "youth", "CD-B1");
    const [notYet] = await h.send(youthB, "/faq mua he xanh");
    expect(notYet!.text).toBe(T.faqNone("mua he xanh"));

    const [pub] = await h.send(cadreA, `/congbo ${q.id} ok`);
    expect(pub!.text).toBe(T.published(q.id, "Đoàn xã A"));
    const entry = await h.s.prisma.faqEntry.findUniqueOrThrow({ where: { questionId: q.id } });
    expect(entry.question).toBe(Q_SUMMER);
    expect(entry.answer).not.toContain("Trần Văn Hỏi");

    const youthA2 = h.user("Cao Xã A");
    await h.join(youthA2, "youth", "CD-A2");
    const [found] = await h.send(youthA2, "/faq mua he xanh dang ky");
    expect(found!.text).toContain("Mùa hè xanh");
    expect(found!.text).toContain("hạn chót ngày 15/6");
    const [latest] = await h.send(youthA2, "/faq");
    expect(latest!.text).toContain(T.faqLatest);
    expect(latest!.text).toContain("Mùa hè xanh");

    const [hidden] = await h.send(youthB, "/faq mùa hè xanh");
    expect(hidden!.text).toBe(T.faqNone("mùa hè xanh"));
    const [hiddenLatest] = await h.send(youthB, "/faq");
    expect(hiddenLatest!.text).toBe(T.faqEmpty);

    // a new asker in the subtree is shown the published answer
    const [offer] = await h.send(youthA2, `/hoi ${Q_SUMMER_2}`);
    expect(offer!.text).toContain("hạn chót ngày 15/6");
    expect(offer!.buttons!.map((b) => b.label)).toEqual([T.choiceDone, T.choiceSendAnyway]);
    const [done] = await h.press(youthA2, T.choiceDone);
    expect(done!.text).toBe(T.doneThanks);
    expect(await h.s.prisma.question.count()).toBe(1);

    // published by the province: visible everywhere, also to guests
    await h.send(youthB, `/hoi ${Q_SCHOLAR}`);
    const qb = await lastQuestion();
    await h.send(cadreT, `/traloi ${qb.id} Có, mỗi năm Tỉnh đoàn xét 100 suất học bổng.`);
    await h.send(cadreT, `/congbo ${qb.id} ok`);
    const [province] = await h.send(youthB, "/faq hoc bong");
    expect(province!.text).toContain("100 suất học bổng");
    const guest = h.user("Khách");
    const [g] = await h.send(guest, "/faq học bổng");
    expect(g!.text).toContain("100 suất học bổng");
  });

  it("When a cadre transfers a question to another unit or topic, then it is re-routed with the reason and the new holder is told", async () => {
    const cadreB = h.user("Hồ Cán Bộ B");
    await h.join(cadreB, "cadre", "XA-B");
    const cadreA2 = h.user("Đỗ Cán Bộ Trẻ");
    await h.join(cadreA2, "cadre", "XA-A", ["can_bo_tre"]);
    await h.send(youth, `/hoi ${Q_LOAN}`);
    const q = await lastQuestion();
    expect(q.topic).not.toBe("can_bo_tre");
    expect(q.assigneeId).toBe(await h.personId(cadreA));
    await h.unread(youth);

    const [bad] = await h.send(cadreA, `/chuyen ${q.id} KHONGCO lý do`);
    expect(bad!.text).toBe(T.unknownTarget("KHONGCO"));
    const [ok] = await h.send(cadreA, `/chuyen ${q.id} XA-B Hộ khẩu của bạn ở xã B`);
    expect(ok!.text).toBe(T.transferred(q.id, "Đoàn xã B", "Hồ Cán Bộ B"));
    const moved = await h.s.prisma.question.findUniqueOrThrow({ where: { id: q.id } });
    const xb = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "XA-B" } });
    expect(moved.unitId).toBe(xb.id);
    expect(moved.assigneeId).toBe(await h.personId(cadreB));
    const ev = await h.s.prisma.questionEvent.findFirstOrThrow({ where: { questionId: q.id, kind: "transfer" } });
    expect(ev.detail).toBe("Hộ khẩu của bạn ở xã B");
    const [toB] = await h.unread(cadreB);
    expect(toB!.text).toContain("Hộ khẩu của bạn ở xã B");
    expect(toB!.text).toContain(`#${q.id}`);
    expect((await h.unread(youth)).map((m) => m.text)).toEqual([T.transferredAsker(q.id, "Đoàn xã B", "05/11/2026")]);
    const [gone] = await h.send(cadreA, `/traloi ${q.id} Thử trả lời`);
    expect(gone!.text).toBe(T.notYours(q.id));

    // by topic: re-routed from the asker's unit to the cadre covering that topic
    await h.send(youth, `/hoi ${Q_FEES}`);
    const q2 = await lastQuestion();
    expect(q2.assigneeId).toBe(await h.personId(cadreA));
    await h.unread(cadreA2);
    await h.press(cadreA, T.btnTransfer);
    const [t2] = await h.send(cadreA, "can_bo_tre Về tuyển dụng cán bộ");
    expect(t2!.text).toBe(T.transferred(q2.id, "Đoàn xã A", "Đỗ Cán Bộ Trẻ"));
    const re = await h.s.prisma.question.findUniqueOrThrow({ where: { id: q2.id } });
    expect(re.topic).toBe("can_bo_tre");
    expect(re.assigneeId).toBe(await h.personId(cadreA2));
    expect((await h.unread(cadreA2)).some((m) => m.text.includes(`#${q2.id}`))).toBe(true);
  });

  it("When the asker finds the answer unclear, then the question reopens to the same cadre with a follow-up text", async () => {
    await h.send(youth, `/hoi ${Q_LOAN}`);
    const q = await lastQuestion();
    await h.send(cadreA, `/traloi ${q.id} Bạn hỏi Ngân hàng Chính sách xã hội.`);
    await h.unread(cadreA);
    const [ask] = await h.press(youth, T.btnUnclear);
    expect(ask!.text).toBe(T.reopenAsk(q.id));
    const reopened = await h.s.prisma.question.findUniqueOrThrow({ where: { id: q.id } });
    expect(reopened.status).toBe("open");
    expect(reopened.rating).toBe("unclear");
    expect(reopened.assigneeId).toBe(await h.personId(cadreA));
    const [back] = await h.unread(cadreA);
    expect(back!.text).toContain(`#${q.id}`);

    const [ok] = await h.send(youth, "Em cần biết cụ thể mức vay tối đa là bao nhiêu ạ?");
    expect(ok!.text).toBe(T.followUpSent);
    const [fu] = await h.unread(cadreA);
    expect(fu!.text).toBe(T.followUp(q.id, "Em cần biết cụ thể mức vay tối đa là bao nhiêu ạ?"));

    // pressing "unclear" again on the old message changes nothing
    const [again] = await h.press(youth, T.btnUnclear);
    expect(again!.text).toBe(T.rateAlready);

    await h.send(cadreA, `/traloi ${q.id} Mức vay tối đa 100 triệu đồng.`);
    expect((await h.unread(youth)).some((m) => m.text.includes("100 triệu"))).toBe(true);
    const [rated] = await h.send(youth, `/danhgia ${q.id} huuich`);
    expect(rated!.text).toBe(T.rateThanks);
    expect(await h.s.prisma.answer.count({ where: { questionId: q.id } })).toBe(2);
  });

  it("When someone outside the role or the unit acts on a question, then it is refused and nothing changes", async () => {
    const cadreB = h.user("Hồ Cán Bộ B");
    await h.join(cadreB, "cadre", "XA-B");
    await h.send(youth, `/hoi ${Q_LOAN}`);
    const q = await lastQuestion();

    const [y] = await h.send(youth, `/traloi ${q.id} Tự trả lời`);
    expect(y!.text).toBe(coreText.notAllowed("cán bộ Đoàn"));
    expect((await h.send(youth, "/hangdoi"))[0]!.text).toBe(coreText.notAllowed("cán bộ Đoàn"));
    const [b] = await h.send(cadreB, `/traloi ${q.id} Xã khác trả lời`);
    expect(b!.text).toBe(T.notYours(q.id));
    const [bt] = await h.send(cadreB, `/chuyen ${q.id} XA-B lấy về`);
    expect(bt!.text).toBe(T.notYours(q.id));
    expect((await h.send(cadreB, "/hangdoi"))[0]!.text).toBe(T.queueEmpty);
    expect((await h.send(cadreB, "/traloi 999999 abc"))[0]!.text).toBe(T.notFound(999999));
    expect((await h.send(cadreB, "/traloi abc"))[0]!.text).toBe(T.badId);
    expect((await h.send(cadreB, `/congbo ${q.id}`))[0]!.text).toBe(T.notYours(q.id));
    const other = h.user("Người Lạ");
    await h.join(other, "youth", "CD-A2");
    expect((await h.send(other, `/danhgia ${q.id} chuaro`))[0]!.text).toBe(T.rateNotYours(q.id));
    const still = await h.s.prisma.question.findUniqueOrThrow({ where: { id: q.id } });
    expect(still.status).toBe("open");
    expect(still.assigneeId).toBe(await h.personId(cadreA));
    expect(await h.s.prisma.answer.count()).toBe(0);

    // an ancestor unit's cadre may answer; the cadre's queue lists it
    const [queue] = await h.send(cadreA, "/hangdoi");
    expect(queue!.text).toContain(`#${q.id}`);
    expect(queue!.text).toContain("Trần Văn Hỏi");
    const [ok] = await h.send(cadreT, `/traloi ${q.id} Tỉnh đoàn trả lời thay.`);
    expect(ok!.text).toBe(T.answered(q.id, 1));
    const [pubEarly] = await h.send(cadreA, `/congbo 999999`);
    expect(pubEarly!.text).toBe(T.notFound(999999));
  });

  it("When a question is empty, over-long, abusive or spam, then it is refused with a clear answer and not queued", async () => {
    expect((await h.send(youth, "/hoi"))[0]!.text).toBe(T.askUsage);
    expect((await h.send(youth, "/hoian   "))[0]!.text).toBe(T.askAnonUsage);
    expect((await h.send(youth, `/hoi ${"Xin hỏi về việc làm. ".repeat(120)}`))[0]!.text).toBe(T.tooLong(2000));
    expect((await h.send(youth, "/hoi Mấy thằng cán bộ đồ chó sao không trả lời"))[0]!.text).toBe(T.abusive);
    expect((await h.send(youth, "/hoi dm sao lâu vậy, ai trả lời đi chứ"))[0]!.text).toBe(T.abusive);
    expect((await h.send(youth, "/hoi Xem ngay http://a.example.com và http://b.example.com nhé"))[0]!.text).toBe(T.spamLinks);
    expect((await h.send(youth, "/hoi https://spam.example.xyz"))[0]!.text).toBe(T.spamLinks);
    expect((await h.send(youth, "/hoi aaaaaaaaaaaaaaaaaaaa"))[0]!.text).toBe(T.spamNoise);
    expect((await h.send(youth, "/hoi ?"))[0]!.text).toBe(T.tooShort);
    expect(await h.s.prisma.question.count()).toBe(0);
    expect(await h.unread(cadreA)).toEqual([]);

    // ordinary accented words are not mistaken for slang
    await h.send(youth, "/hoi Lớn tuổi rồi có được đăng ký học nghề miễn phí không, đi đâu để hỏi?");
    expect(await h.s.prisma.question.count()).toBe(1);
    const q = await lastQuestion();
    const [repeat] = await h.send(youth, "/hoi Lớn tuổi rồi có được đăng ký học nghề miễn phí không, đi đâu để hỏi?");
    expect(repeat!.text).toBe(T.spamRepeat(q.id));
    expect(await h.s.prisma.question.count()).toBe(1);
  });

  it("When plain text comes from a registered youth, then it is offered as a question and can be sent anonymously", async () => {
    const [offer] = await h.send(youth, Q_FEES);
    expect(offer!.text).toContain("Gửi câu hỏi này?");
    expect(offer!.buttons!.map((b) => b.label)).toEqual([T.offerSend, T.offerAnon, T.offerNo]);
    const [sent] = await h.press(youth, T.offerAnon);
    expect(sent!.text).toContain("ẩn danh");
    const q = await lastQuestion();
    expect(q.askerId).toBeNull();
    expect(q.text).toBe(Q_FEES);
    expect((await h.press(youth, T.offerSend))[0]!.text).toBe(T.nothingPending);

    const [offer2] = await h.send(youth, Q_LOAN);
    expect(offer2!.text).toContain("Gửi câu hỏi này?");
    const [typed] = await h.send(youth, "/gui");
    expect(typed!.text).toContain("Đã gửi câu hỏi số");
    expect((await lastQuestion()).askerId).toBe(await h.personId(youth));

    const [offer3] = await h.send(youth, "Cho em hỏi lịch sinh hoạt chi đoàn tháng này vào ngày nào?");
    expect(offer3!.text).toContain("Gửi câu hỏi này?");
    expect((await h.press(youth, T.offerNo))[0]!.text).toBe(T.notSent);
    expect(await h.s.prisma.question.count()).toBe(2);

    // a cadre's plain text is not offered; a short greeting neither
    expect((await h.send(cadreA, Q_FEES))[0]!.text).toBe(coreText.plainTextHint);
    expect((await h.send(youth, "ok"))[0]!.text).toBe(coreText.plainTextHint);
  });

  it("When a member has the maximum of open questions, then a new one is refused until one is answered", async () => {
    await h.close();
    h = await Harness.create({ org: TEST_ORG, env: { MAX_OPEN_QUESTIONS: "2" } });
    const y = h.user("Giới Hạn");
    const c = h.user("Cán Bộ");
    await h.join(y, "youth", "CD-A1");
    await h.join(c, "cadre", "XA-A");
    await h.send(y, `/hoi ${Q_LOAN}`);
    await h.send(y, `/hoian ${Q_FEES}`);
    const [refused] = await h.send(y, `/hoi ${Q_SCHOLAR}`);
    expect(refused!.text).toBe(T.tooManyOpen(2));
    expect(await h.s.prisma.question.count()).toBe(2);
    const first = await h.s.prisma.question.findFirstOrThrow({ orderBy: { id: "asc" } });
    await h.send(c, `/traloi ${first.id} Đã trả lời.`);
    const [ok] = await h.send(y, `/hoi ${Q_SCHOLAR}`);
    expect(ok!.text).toContain("Đã gửi câu hỏi số");
  });

  it("When an admin changes a routing rule, then new questions follow it, and only within the admin's subtree", async () => {
    const admin = h.user("Quản Trị Tỉnh");
    await h.join(admin, "admin", "TINH");
    const adminA = h.user("Quản Trị Xã A");
    await h.join(adminA, "admin", "XA-A");
    const cadreB = h.user("Hồ Cán Bộ B");
    await h.join(cadreB, "cadre", "XA-B");
    const cadreB2 = h.user("Mai Cán Bộ B2");
    await h.join(cadreB2, "cadre", "XA-B");
    const b2 = await h.personId(cadreB2);
    const youthB = h.user("Bùi Xã B");
    await h.join(youthB, "youth", "CD-B1");

    expect((await h.send(youth, "/dinhtuyen XA-B *"))[0]!.text).toBe(coreText.notAllowed("quản trị viên"));
    expect((await h.send(adminA, "/dinhtuyen XA-B *"))[0]!.text).toBe(T.routeNotSubtree);
    expect((await h.send(admin, "/dinhtuyen XA-B khongco"))[0]!.text).toContain("Không có chủ đề “khongco”");
    expect((await h.send(admin, "/dinhtuyen XA-B * 999999"))[0]!.text).toBe(T.routeBadPerson("999999"));
    expect((await h.send(admin, `/dinhtuyen XA-B * ${await h.personId(cadreA)}`))[0]!.text).toBe(
      T.routeBadPerson(String(await h.personId(cadreA))),
    );
    expect((await h.send(admin, "/dinhtuyen"))[0]!.text).toBe(T.routeUsage);

    // without a rule at XA-B, questions from CD-B1 go to the province ("*" rule there)
    await h.send(youthB, `/hoi ${Q_LOAN}`);
    expect((await lastQuestion()).assigneeId).toBe(await h.personId(cadreT));

    const [set] = await h.send(admin, `/dinhtuyen XA-B * ${b2}`);
    expect(set!.text).toBe(`${T.routeSet("Đoàn xã B", T.allTopics, "Mai Cán Bộ B2")}\n${T.routeAnonNote}`);
    await h.send(youthB, `/hoi ${Q_FEES}`);
    expect((await lastQuestion()).assigneeId).toBe(b2);

    // a pool rule spreads the load: the cadre with fewer open questions first
    await h.send(admin, "/dinhtuyen XA-B *");
    await h.send(youthB, `/hoi ${Q_SUMMER}`);
    expect((await lastQuestion()).assigneeId).toBe(await h.personId(cadreB));
    expect((await h.send(admin, "/dinhtuyen XA-B * xoa"))[0]!.text).toBe(T.routeRemoved("Đoàn xã B", T.allTopics));
    expect(await h.s.prisma.routingRule.count({ where: { unitId: (await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "XA-B" } })).id } })).toBe(0);
  });

  it("When the monthly report runs, then it counts by topic, on-time share, median hours and overdue units of the subtree", async () => {
    const youthB = h.user("Bùi Xã B");
    await h.join(youthB, "youth", "CD-B1");
    await h.send(youth, `/hoi ${Q_LOAN}`);
    const q1 = await lastQuestion();
    await h.send(youth, `/hoian ${Q_FEES}`);
    const q2 = await lastQuestion();
    await h.send(youthB, `/hoi ${Q_SCHOLAR}`);
    await h.advance(2 * 3_600_000);
    await h.send(cadreA, `/traloi ${q1.id} Trả lời sau hai giờ.`);
    await h.at(new Date("2026-11-05T02:30:00Z")); // q2 and q3 overdue: q2 escalates from XA-A, q3 is re-noticed at TINH
    await h.send(cadreT, `/traloi ${q2.publicRef} Trả lời muộn.`);

    // the figures before small counts are hidden (below: what a report shows)
    const tinh = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "TINH" } });
    const json = await buildDialogueReport(h.s.prisma, tinh, "2026-11", { suppress: false });
    expect(json.totals.questions).toBe(3);
    expect(json.totals.answered).toBe(2);
    expect(json.totals.answeredOnTime).toBe(1);
    expect(json.totals.onTimeShare).toBe(0.5);
    const byUnit = Object.fromEntries(json.overdueByUnit.map((o) => [o.unitCode, o.overdue]));
    expect(byUnit).toEqual({ "XA-A": 1, TINH: 1 });
    const sum = json.byTopic.reduce((n, t) => n + Number(t.questions), 0);
    expect(sum).toBe(3);

    const xa = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "XA-A" } });
    const sub = await buildDialogueReport(h.s.prisma, xa, "2026-11", { suppress: false });
    expect(sub.totals.questions).toBe(2);
    const other = JSON.parse(await REPORTS.dialogue!({ prisma: h.s.prisma, secrets: h.s.secrets }, tinh, "2026-10", "json"));
    expect(other.totals.questions).toBe(0);
    // a report hides every count from 1 to 4, and the share and median of fewer than 5 answers
    const shown = JSON.parse(await REPORTS.dialogue!({ prisma: h.s.prisma, secrets: h.s.secrets }, tinh, "2026-11", "json"));
    expect(shown.totals).toEqual({ questions: "<5", answered: "<5", answeredOnTime: "<5", onTimeShare: null, medianHoursToAnswer: null });
    expect(shown.overdueByUnit.map((o: { overdue: unknown }) => o.overdue)).toEqual(["<5", "<5"]);

    const csv = await REPORTS.dialogue!({ prisma: h.s.prisma, secrets: h.s.secrets }, tinh, "2026-11", "csv");
    const lines = csv.replace(/^\ufeff/, "").trim().split("\r\n");
    expect(lines[0]).toBe("section,key,label,questions,answered,answered_on_time,on_time_share,median_hours_to_answer,overdue");
    expect(lines[1]).toMatch(/^total,TINH,Tỉnh đoàn Thử Nghiệm,<5,<5,<5,,,/);
    expect(csv).toContain("overdue_by_unit,XA-A,Đoàn xã A,,,,,,<5");
    expect(csv).not.toContain("Trần Văn Hỏi");
  });
  it("When a button, a flow or a job carries a tampered payload, then the choice is said to be expired or the job is dropped, and nothing changes", async () => {
    await h.send(youth, `/hoi ${Q_LOAN}`);
    const q = await lastQuestion();
    const [note] = await h.unread(cadreA);
    expect(note!.buttons!.map((b) => b.label)).toEqual([T.btnAnswer, T.btnTransfer, T.btnMerge]);

    // a button whose stored arguments were altered (the question id is no longer a number)
    const set = await h.s.prisma.choiceSet.findFirstOrThrow({
      where: { channel: cadreA.channel, userKey: h.s.outbox.choiceOwner(cadreA.channel, cadreA.id) },
      orderBy: { id: "desc" },
    });
    await h.s.prisma.choiceSet.update({ where: { id: set.id }, data: { items: set.items.replaceAll(`"questionId":${q.id}`, `"questionId":"${q.id}; drop"`) } });
    const [expired] = await h.press(cadreA, T.btnAnswer);
    expect(expired!.text).toBe(coreText.choiceExpired);
    expect(await h.s.prisma.conversation.count({ where: { userKey: cadreA.id } })).toBe(0);

    // an answer flow whose data was altered: the flow ends, the question stays open
    await h.send(cadreA, `/traloi ${q.id}`);
    await h.s.prisma.conversation.updateMany({ where: { userKey: cadreA.id }, data: { data: JSON.stringify({ questionId: -1 }) } });
    const [flowExpired] = await h.send(cadreA, "Bạn liên hệ Tổ tiết kiệm và vay vốn của xã.");
    expect(flowExpired!.text).toBe(coreText.choiceExpired);
    expect(await h.s.prisma.conversation.count({ where: { userKey: cadreA.id } })).toBe(0);
    expect((await h.s.prisma.question.findUniqueOrThrow({ where: { id: q.id } })).status).toBe("open");

    // deadline jobs with impossible payloads are logged and dropped, never retried as failures
    for (const [kind, payload] of [
      ["dialogue.escalate", { questionId: 1e12, due: 0 }],
      ["dialogue.remind", { questionId: String(q.id), due: q.dueAt.getTime() }],
    ] as const) {
      await h.s.prisma.scheduledJob.create({ data: { kind, runAt: h.clock.now(), dedupeKey: `tampered:${kind}`, payload: JSON.stringify(payload) } });
    }
    await h.advance(0);
    const jobs = await h.s.prisma.scheduledJob.findMany({ where: { dedupeKey: { startsWith: "tampered:" } } });
    expect(jobs.map((j) => [j.status, j.lastError])).toEqual([
      ["done", null],
      ["done", null],
    ]);
    expect(await h.unread(cadreA)).toEqual([]);
    expect((await h.s.prisma.question.findUniqueOrThrow({ where: { id: q.id } })).escalationLevel).toBe(0);
  });
});
