/**
 * Issues 9 and 13 in live sessions: a province session's questions are held by the province
 * (never a commune's queue); anonymous session questions are named only by their random
 * reference ("A123456") — on the board, in /phien, /duyet, /an and /binhchon — and reach the
 * moderators in batches (ANON_BATCH_MINUTES), never the instant they arrive.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import pino from "pino";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { HttpServer } from "../../bot/core/http.ts";
import { sessions } from "../../handlers/sessions/index.ts";
import { sessionText as T } from "../../prompts/vi/sessions.ts";

const QA = "Thanh niên bị bạo lực học đường thì có thể báo với ai mà không bị lộ danh tính ạ?";
const QB = "Em muốn hỏi về chế độ cho thanh niên tình nguyện đi làm việc ở vùng sâu vùng xa?";
const QN = "Tỉnh có chính sách gì hỗ trợ thanh niên khởi nghiệp nông nghiệp công nghệ cao không ạ?";

describe("Anonymous questions of a live session", () => {
  let h: Harness;
  let admin: TestUser;
  let y1: TestUser;
  let y2: TestUser;
  let y3: TestUser;

  beforeEach(async () => {
    // 2026-11-02 09:01 Vietnam time: the current anonymous batch ends at 09:15
    h = await Harness.create({ org: TEST_ORG, now: new Date("2026-11-02T02:01:00Z"), env: { ANON_BATCH_MINUTES: "15" } });
    admin = h.user("Bí thư Tỉnh đoàn");
    y1 = h.user("Youth One");
    y2 = h.user("Youth Two", "zalo");
    y3 = h.user("Youth Three");
    await h.join(admin, "admin", "TINH");
    await h.join(admin, "cadre", "TINH");
    await h.join(y1, "youth", "CD-A1");
    await h.join(y2, "youth", "CD-A2");
    await h.join(y3, "youth", "CD-B1");
  });
  afterEach(async () => h.close());

  it("When youth ask a province session anonymously, then the province holds them, moderators hear of them only at the batch's end, and no id ever shows", async () => {
    const [created] = (await h.send(admin, "/phienmoi Đối thoại tỉnh | Bí thư Tỉnh ủy | TINH | 02/11/2026 08:00 | 02/11/2026 11:30")).filter((m) => m.text.includes("Đã tạo"));
    const sid = Number(/số (\d+)/.exec(created!.text)![1]);
    const tinh = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "TINH" } });

    // a named question for the session: held by the province (the commune has a routing rule), moderators told at once
    await h.send(y2, `/hoiphien ${sid} ${QN}`);
    const named = await h.s.prisma.question.findFirstOrThrow({ where: { anonymous: false } });
    expect(named).toMatchObject({ sessionId: sid, unitId: tinh.id, moderation: "pending" });
    expect((await h.unread(admin)).some((m) => m.text.includes(`#${named.id}`))).toBe(true);

    // two anonymous ones (one by /hoian choosing the session, one by the /phien button)
    expect((await h.send(y1, `/hoian ${QA}`))[0]!.text).toBe(T.offerText(["Đối thoại tỉnh"]));
    await h.press(y1, "Gửi cho phiên");
    await h.send(y3, "/phien");
    await h.press(y3, T.askAnonButton(sid));
    await h.send(y3, QB);
    const anon = await h.s.prisma.question.findMany({ where: { anonymous: true }, orderBy: { id: "asc" } });
    expect(anon).toHaveLength(2);
    for (const q of anon) expect(q).toMatchObject({ sessionId: sid, unitId: tinh.id, held: true, moderation: "pending", askerId: null });
    const [a, b] = anon as [(typeof anon)[0], (typeof anon)[0]];
    const refA = a.publicRef!;
    const refB = b.publicRef!;
    // nothing reaches the moderator before the batch ends
    await h.advance(5 * 60_000);
    expect(await h.unread(admin)).toEqual([]);
    await h.at(new Date("2026-11-02T02:15:00Z"));
    const notices = (await h.unread(admin)).filter((m) => m.text.includes("chờ duyệt"));
    expect(notices).toHaveLength(2);
    expect(notices.map((m) => m.text).join("\n")).toContain(refA);
    expect(notices.map((m) => m.text).join("\n")).toContain(refB);

    // moderation and votes by reference only; a typed id of an anonymous question names nothing
    expect((await h.send(admin, `/duyet ${a.id}`))[0]!.text).toBe(T.notSessionQuestion(a.id));
    const outputs: string[] = [];
    /** What the command's user reads (the reply is the last message: an approval also tells the cadre holding it). */
    const out = async (u: TestUser, t: string) => {
      const texts = (await h.send(u, t)).map((m) => m.text);
      outputs.push(...texts);
      return texts[texts.length - 1]!;
    };
    expect(await out(admin, `/duyet ${refA.toLowerCase()}`)).toBe(T.approved(refA));
    expect(await out(admin, `/duyet ${refB}`)).toBe(T.approved(refB));
    expect(await out(y2, `/binhchon ${refA}`)).toBe(T.voted(refA, 1));
    expect(await out(y1, `/binhchon ${refA}`)).toBe(T.voteOwn);
    expect(await out(y3, "/phien")).toContain(refA);
    outputs.push(...(await h.press(y3, T.voteButton(refA))).map((m) => m.text));

    // the board: references only, no id field
    const http = new HttpServer(pino({ level: "silent" }));
    sessions.web!(http.app, h.s);
    const port = await http.listen(0, "127.0.0.1");
    try {
      const ses = await h.s.prisma.dialogueSession.findUniqueOrThrow({ where: { id: sid } });
      const raw = await (await fetch(`http://127.0.0.1:${port}/board/${ses.boardToken}/data`)).text();
      const data = JSON.parse(raw) as { questions: Record<string, unknown>[] };
      expect(data.questions.map((q) => q.ref).sort()).toEqual([refA, refB].sort());
      for (const q of data.questions) expect(Object.keys(q).sort()).toEqual(["answered", "ref", "text", "topic", "votes"]);
      const html = await (await fetch(`http://127.0.0.1:${port}/board/${ses.boardToken}`)).text();
      expect(html).not.toMatch(/q\.id\b/);
      outputs.push(raw);

      // an approved question taken off the stage: the asker (anonymous) is told why
      expect(await out(admin, `/an ${refB} Trùng nội dung với câu hỏi khác`)).toBe(T.hidden(refB));
      expect((await h.unread(y3)).some((m) => m.text === T.hiddenAsker(refB, "Trùng nội dung với câu hỏi khác"))).toBe(true);
      const after = JSON.parse(await (await fetch(`http://127.0.0.1:${port}/board/${ses.boardToken}/data`)).text()) as { questions: { ref: string }[] };
      expect(after.questions.map((q) => q.ref)).toEqual([refA]);
    } finally {
      await http.close();
    }
    // no output anywhere names an anonymous question by its id
    for (const t of outputs) for (const q of anon) expect(t).not.toMatch(new RegExp(`#${q.id}\\b`));
    // and the audit log never names them
    expect(await h.s.prisma.auditLog.count({ where: { entityId: { in: anon.map((q) => String(q.id)) } } })).toBe(0);
  });
});
