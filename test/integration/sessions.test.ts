import { afterEach, beforeEach, describe, expect, it } from "vitest";
import pino from "pino";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { HttpServer } from "../../bot/core/http.ts";
import { sessions } from "../../handlers/sessions/index.ts";
import { REPORTS } from "../../handlers/reports.ts";
import { sessionText as T } from "../../prompts/vi/sessions.ts";
import { formText } from "../../prompts/vi/forms.ts";
import type { ChannelName } from "../../bot/core/types.ts";
import { coreText } from "../../prompts/vi/core.ts";

const Q1 = "Tỉnh có chính sách gì hỗ trợ thanh niên khởi nghiệp nông nghiệp công nghệ cao không ạ?";
const Q2 = "Khi nào xã mình có sân bóng đá mini cho thanh niên chơi thể thao buổi tối?";

describe("Live dialogue sessions", () => {
  let h: Harness;
  let admin: TestUser;
  let y1: TestUser;
  let y2: TestUser;
  let y3: TestUser;
  let outsider: TestUser;

  beforeEach(async () => {
    // 2026-11-02 09:00 Vietnam time
    h = await Harness.create({ org: TEST_ORG });
    admin = h.user("Bí thư Tỉnh đoàn");
    y1 = h.user("Youth One");
    y2 = h.user("Youth Two");
    y3 = h.user("Youth Three");
    outsider = h.user("Youth Outside");
    await h.join(admin, "admin", "XA-A");
    await h.join(admin, "cadre", "XA-A");
    for (const y of [y1, y2, y3]) await h.join(y, "youth", "CD-A1");
    await h.join(outsider, "youth", "CD-B1");
  });
  afterEach(async () => h.close());

  async function createSession(): Promise<number> {
    const msgs = await h.send(admin, "/phienmoi Đảng với thanh niên xã A | Bí thư Đảng ủy xã | XA-A | 02/11/2026 08:00 | 02/11/2026 11:30");
    expect(msgs.some((m) => m.text.includes("Đã tạo phiên đối thoại số"))).toBe(true);
    // the members of the scope are told (the outsider is not)
    for (const y of [y1, y2, y3]) expect((await h.unread(y)).some((m) => m.text.includes("/hoiphien"))).toBe(true);
    expect(await h.unread(outsider)).toEqual([]);
    return (await h.s.prisma.dialogueSession.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
  }

  it("When an admin gives bad fields or a unit outside their subtree, then nothing is created", async () => {
    expect((await h.send(admin, "/phienmoi chỉ có tiêu đề"))[0]!.text).toBe(T.createUsage);
    // the one-line form names its first bad field
    const badField = (field: string, error: string) => `${formText.lineBad(field, error)}\n\n${T.createUsage}`;
    expect((await h.send(admin, "/phienmoi A | B | XA-B | 02/11/2026 08:00 | 02/11/2026 11:00"))[0]!.text).toBe(badField(T.createFields.scopeUnitId, T.createNotSubtree));
    expect((await h.send(admin, "/phienmoi A | B | XA-A | 02/11/2026 11:00 | 02/11/2026 08:00"))[0]!.text).toBe(badField(T.createFields.closesAt, T.createBadDates));
    expect((await h.send(admin, "/phienmoi A |  | XA-A | 02/11/2026 08:00 | 02/11/2026 11:00"))[0]!.text).toBe(badField(T.createFields.leaders, T.createEmpty));
    expect((await h.send(y1, "/phienmoi A | B | XA-A | 02/11/2026 08:00 | 02/11/2026 11:00"))[0]!.text).toContain("chỉ dành cho");
    expect(await h.s.prisma.dialogueSession.count()).toBe(0);
  });

  it("When a session is open, then questions sent for it wait for approval, votes count once per person, and the board shows them by votes", async () => {
    const id = await createSession();
    // /hoi while a session takes questions: the asker chooses the session or a normal question
    const [offer] = await h.send(y1, `/hoi ${Q1}`);
    expect(offer!.text).toBe(T.offerText(["Đảng với thanh niên xã A"]));
    const [sent] = await h.press(y1, "Gửi cho phiên");
    expect(sent!.text).toContain("phiên đối thoại");
    const q1 = await h.s.prisma.question.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(q1.sessionId).toBe(id);
    expect(q1.moderation).toBe("pending");
    // the moderator is asked; the cadre queue does not show it yet
    const [pending] = await h.unread(admin);
    expect(pending!.text).toContain(`#${q1.id}`);
    expect((await h.send(admin, "/hangdoi"))[0]!.text).not.toContain(`#${q1.id}`);
    // a youth may not moderate; a vote on a pending question is refused
    expect((await h.send(y2, `/duyet ${q1.id}`))[0]!.text).toContain("chỉ dành cho");
    expect((await h.send(y2, `/binhchon ${q1.id}`))[0]!.text).toBe(T.voteNotFound(q1.id));

    // approving hands it to the cadre (here the organiser is also the commune's cadre)
    const approvedMsgs = (await h.press(admin, T.approveButton)).map((m) => m.text);
    expect(approvedMsgs).toContain(T.approved(q1.id));
    expect(approvedMsgs.some((t) => t.includes(`#${q1.id}`) && t.includes("Youth One"))).toBe(true);
    expect((await h.send(admin, `/duyet ${q1.id}`))[0]!.text).toBe(T.alreadyModerated(q1.id, "đã duyệt"));

    await h.send(y2, `/hoiphien ${id} ${Q2}`);
    const q2 = await h.s.prisma.question.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(q2.sessionId).toBe(id);
    await h.send(admin, `/an ${q2.id} Câu hỏi thuộc thẩm quyền của xã, không phải của phiên`);
    expect((await h.unread(y2)).some((m) => m.text === T.hiddenAsker(q2.id, "Câu hỏi thuộc thẩm quyền của xã, không phải của phiên"))).toBe(true);

    // votes: once per person, never for one's own question, nobody outside the scope
    expect((await h.send(y2, `/binhchon ${q1.id}`))[0]!.text).toBe(T.voted(q1.id, 1));
    expect((await h.send(y2, `/binhchon ${q1.id}`))[0]!.text).toBe(T.voteAlready(q1.id));
    expect((await h.send(y1, `/binhchon ${q1.id}`))[0]!.text).toBe(T.voteOwn);
    expect((await h.send(outsider, `/binhchon ${q1.id}`))[0]!.text).toBe(T.voteNotFound(q1.id));
    const list = await h.send(y3, "/phien");
    expect(list[0]!.text).toContain(`#${q1.id}`);
    expect(list[0]!.text).not.toContain(`#${q2.id}`);
    const [v3] = await h.press(y3, T.voteButton(q1.id));
    expect(v3!.text).toBe(T.voted(q1.id, 2));
    // a race of the same person's votes counts once
    await Promise.all(Array.from({ length: 5 }, () => h.send(y3, `/binhchon ${q1.id}`)));
    expect((await h.s.prisma.question.findUniqueOrThrow({ where: { id: q1.id } })).votes).toBe(2);

    // the live board over HTTP: approved questions only, by votes, no names
    const http = new HttpServer(pino({ level: "silent" }));
    sessions.web!(http.app, h.s);
    const port = await http.listen(0, "127.0.0.1");
    try {
      const ses = await h.s.prisma.dialogueSession.findUniqueOrThrow({ where: { id } });
      const page = await fetch(`http://127.0.0.1:${port}/board/${ses.boardToken}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(T.board.pageTitle);
      const data = (await (await fetch(`http://127.0.0.1:${port}/board/${ses.boardToken}/data`)).json()) as {
        status: string;
        questions: { ref: string; votes: number; text: string }[];
      };
      expect(data.status).toBe("live");
      expect(data.questions).toEqual([expect.objectContaining({ ref: `#${q1.id}`, votes: 2, text: Q1 })]);
      expect(JSON.stringify(data)).not.toContain("Youth One");
      expect((await fetch(`http://127.0.0.1:${port}/board/not-a-real-token-123456`)).status).toBe(404);
    } finally {
      await http.close();
    }
  });

  it("When the session closes, then the organiser gets the report and commitments are chased until done", async () => {
    const id = await createSession();
    await h.send(y1, `/hoiphien ${id} ${Q1}`);
    const q1 = await h.s.prisma.question.findFirstOrThrow({ orderBy: { id: "desc" } });
    await h.send(admin, `/duyet ${q1.id}`);
    await h.send(y2, `/binhchon ${q1.id}`);
    await h.send(admin, `/traloi ${q1.id} Tỉnh có Quỹ hỗ trợ khởi nghiệp thanh niên, xã sẽ hướng dẫn hồ sơ.`);
    expect((await h.send(admin, `/camket ${id} | Mở lớp tập huấn khởi nghiệp | XA-A | 31/12/2025`))[0]!.text).toBe(T.commitBadDate);
    expect((await h.send(admin, `/camket ${id} | Mở lớp tập huấn khởi nghiệp | Đoàn xã A | 20/11/2026`))[0]!.text).toBe(T.commitOwnerUnknown("Đoàn xã A"));
    expect((await h.send(admin, `/camket ${id} | Mở lớp tập huấn khởi nghiệp | XA-B | 20/11/2026`))[0]!.text).toBe(T.commitOwnerNotSubtree);
    const cm = await h.send(admin, `/camket ${id} | Mở lớp tập huấn khởi nghiệp | XA-A | 20/11/2026 | ${q1.id}`);
    // the owner (the commune's cadres: here the organiser) is told, then the reply
    expect(cm.map((m) => m.text)).toEqual([expect.stringContaining("được giao thực hiện cam kết"), expect.stringContaining("Đã ghi cam kết số")]);
    expect((await h.send(y1, `/camket ${id} | x | y | 20/11/2026`))[0]!.text).toContain("chỉ dành cho");
    await h.unread(admin);

    await h.at(new Date("2026-11-02T05:00:00Z")); // 12:00, after closing
    const closed = await h.unread(admin);
    const report = closed.find((m) => m.text.startsWith(T.closedNotice));
    expect(report!.text).toContain(Q1);
    expect(report!.text).toContain("Quỹ hỗ trợ khởi nghiệp");
    expect(report!.text).toContain("Mở lớp tập huấn khởi nghiệp — Đoàn xã A, hạn 20/11/2026");
    // the asker gets the answer with the results page, the voter the questions they voted for
    expect((await h.unread(y1)).some((m) => m.text.startsWith(`Phiên đối thoại “Đảng với thanh niên xã A” đã kết thúc.\nCâu hỏi #${q1.id}`) && m.text.includes("/ketqua"))).toBe(true);
    expect((await h.unread(y2)).some((m) => m.text.includes("Các câu hỏi bạn bình chọn") && m.text.includes(`#${q1.id}`))).toBe(true);

    // reminders: 3 days before (17/11 08:00), on the day, then overdue the day after, weekly
    await h.at(new Date("2026-11-17T01:00:00Z"));
    expect((await h.unread(admin)).map((m) => m.text).filter((t) => t.includes("Nhắc cam kết"))).toHaveLength(1);
    await h.at(new Date("2026-11-20T01:00:00Z"));
    expect((await h.unread(admin)).filter((m) => m.text.includes("Hôm nay (20/11/2026)"))).toHaveLength(1);
    await h.at(new Date("2026-11-21T01:00:00Z"));
    expect((await h.unread(admin)).filter((m) => m.text.includes("QUÁ HẠN"))).toHaveLength(1);
    await h.at(new Date("2026-11-21T02:00:00Z"));
    expect(await h.unread(admin)).toEqual([]);
    await h.at(new Date("2026-11-28T02:00:00Z"));
    expect((await h.unread(admin)).filter((m) => m.text.includes("QUÁ HẠN"))).toHaveLength(1);
    const cid = (await h.s.prisma.commitment.findFirstOrThrow()).id;
    expect((await h.send(admin, `/xongcamket ${cid}`))[0]!.text).toBe(T.commitDone(cid, 1));
    expect((await h.unread(y1)).some((m) => m.text.includes("đã được thực hiện"))).toBe(true);
    await h.at(new Date("2026-12-06T02:00:00Z"));
    expect((await h.unread(admin)).filter((m) => m.text.includes("cam kết"))).toEqual([]);

    // the annual rule: every district-level unit (here the communes right under the province) holds at least one forum a year
    const csv = await REPORTS.sessions!({ ...h.s, now: h.clock.now() }, (await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "TINH" } })) as never, "2026-12", "csv");
    const lines = csv.replace(/^\ufeff/, "").trim().split("\r\n");
    expect(lines).toEqual([
      "code,unit,level,held,planned,required,status",
      "TINH,Tỉnh đoàn Thử Nghiệm,Tỉnh đoàn,0,0,0,",
      "XA-A,Đoàn xã A,Đoàn cơ sở,1,0,1,đạt",
      "XA-B,Đoàn xã B,Đoàn cơ sở,0,0,1,chưa đạt",
    ]);
    const json = JSON.parse(await REPORTS.sessions!({ ...h.s, now: h.clock.now() }, (await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "TINH" } })) as never, "2026-12", "json"));
    expect(json).toMatchObject({ year: 2026, requiredUnits: 2, unitsMet: 1 });
  });
  it("When a vote button or a closing job is tampered with, then nothing is counted or sent; when the organiser is merged or erased, then the session keeps its organiser", async () => {
    const id = await createSession();
    await h.send(y1, `/hoiphien ${id} ${Q1}`);
    const q1 = await h.s.prisma.question.findFirstOrThrow({ orderBy: { id: "desc" } });
    await h.send(admin, `/duyet ${q1.id}`);
    await h.send(y2, "/phien");
    const set = await h.s.prisma.choiceSet.findFirstOrThrow({ where: { channel: y2.channel, userKey: h.s.outbox.choiceOwner(y2.channel, y2.id) }, orderBy: { id: "desc" } });
    await h.s.prisma.choiceSet.update({ where: { id: set.id }, data: { items: set.items.replaceAll(`"questionId":${q1.id}`, `"questionId":${q1.id}.5`) } });
    expect((await h.press(y2, T.voteButton(q1.id)))[0]!.text).toBe(coreText.choiceExpired);
    expect((await h.s.prisma.question.findUniqueOrThrow({ where: { id: q1.id } })).votes).toBe(0);
    expect(await h.s.prisma.questionVote.count()).toBe(0);

    await h.s.prisma.scheduledJob.create({ data: { kind: "session.close", runAt: h.clock.now(), dedupeKey: "tampered:close", payload: JSON.stringify({ sessionId: "all" }) } });
    await h.unread(admin);
    await h.advance(0);
    const job = await h.s.prisma.scheduledJob.findUniqueOrThrow({ where: { dedupeKey: "tampered:close" } });
    expect([job.status, job.lastError]).toEqual(["done", null]);
    expect((await h.s.prisma.dialogueSession.findUniqueOrThrow({ where: { id } })).summary).toBeNull();
    expect(await h.unread(admin)).toEqual([]);

    // the organiser's two accounts become one person: the session follows; erasure keeps the organiser id
    const zalo: TestUser = { channel: "zalo", id: "organiser-zalo", name: "Bí thư trên Zalo" };
    await h.join(zalo, "youth", "CD-A1");
    const [from, to] = [await h.personId(admin), await h.personId(zalo)];
    await h.s.people.merge(from, to);
    expect((await h.s.prisma.dialogueSession.findUniqueOrThrow({ where: { id } })).createdById).toBe(to);
    await h.s.people.erase(to);
    expect((await h.s.prisma.dialogueSession.findUniqueOrThrow({ where: { id } })).createdById).toBe(to);
  });
  it.each<ChannelName>(["telegram", "zalo"])(
    "When an admin on %s types a number at every step of /phienmoi after a moderation list was offered, then each number is that step's answer",
    async (channel) => {
      const a = channel === "telegram" ? admin : h.user("Quản trị Zalo", channel);
      if (a !== admin) {
        await h.join(a, "admin", "XA-A");
        await h.join(a, "cadre", "XA-A");
      }
      const sid = await createSession();
      await h.send(y1, `/hoiphien ${sid} ${Q1}`);
      const q = await h.s.prisma.question.findFirstOrThrow({ orderBy: { id: "desc" } });
      // the latest list offered to the admin: approve / hide the question (a numbered list on Zalo)
      const pending = (await h.unread(a)).filter((m) => m.text.includes(`#${q.id}`));
      expect(pending).toHaveLength(1);
      const say = async (t: string) => (await h.send(a, t))[0]!;
      expect((await say("/phienmoi")).text).toBe(T.createSteps.title);
      expect((await say("1")).text).toBe(T.createSteps.leaders);
      const unitStep = await say("2");
      const label = T.createUnitChoice("Đoàn xã A", "XA-A");
      expect(unitStep.text.startsWith(T.createSteps.unit)).toBe(true);
      if (channel === "zalo") expect(unitStep.text).toContain(`1. ${label}`);
      else expect(unitStep.buttons!.map((b) => b.label)).toEqual([label]);
      expect((await say("3")).text).toBe(formText.pickNumber(1));
      expect((await say("1")).text).toBe(T.createSteps.opens);
      expect((await say("8")).text).toBe(T.createBadDates);
      expect((await say("03/11/2026 08:00")).text).toBe(T.createSteps.live);
      expect((await say("-")).text).toBe(T.createSteps.closes);
      expect((await say("11")).text).toBe(T.createBadDates);
      expect((await h.send(a, "03/11/2026 11:30")).some((m) => m.text.includes("Đã tạo phiên đối thoại số"))).toBe(true);
      const ses = await h.s.prisma.dialogueSession.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(ses).toMatchObject({ title: "1", leaders: "2" });
      // no number pressed the moderation list
      expect((await h.s.prisma.question.findUniqueOrThrow({ where: { id: q.id } })).moderation).toBe("pending");
    },
  );
});
