/**
 * Issue 9, item 1: the session's announcement carries "ask a question for this session" — a
 * button on Telegram and the web chat (one static button, the same data for every recipient
 * of the set-based send, bot/core/buttons.ts), and on Zalo (no buttons) the exact command to
 * send. Pressing it (or sending the command) starts the /hoiphien asking flow; the question
 * joins the session and waits for moderation. The press is checked at press time: a member
 * outside the scope, a closed session or altered data is refused and nothing changes.
 * Through the real interfaces: the strict fake Telegram and Zalo APIs and the web chat's HTTP API.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../bot/app/app.ts";
import { sessionText as T } from "../../prompts/vi/sessions.ts";
import { coreText } from "../../prompts/vi/core.ts";
import type { FakeTelegram } from "../fakes/telegram.ts";
import type { FakeZalo } from "../fakes/zalo.ts";
import { JumpClock, seatCast, startThreeChannels } from "../helpers/channel-cast.ts";
import { type ChannelUser, type Driver, WebDriver, waitForMessage } from "../e2e/drivers.ts";


const TITLE = "Thanh niên hỏi, lãnh đạo tỉnh trả lời 2026";
const Q_TG = "Tỉnh có hỗ trợ thanh niên học nghề lái xe tải để làm việc ở khu công nghiệp không ạ?";
const Q_WEB = "Bao giờ xã có điểm truy cập internet miễn phí cho thanh niên ôn thi ạ?";
const Q_ZALO = "Thanh niên hoàn thành nghĩa vụ quân sự về địa phương được hỗ trợ việc làm thế nào ạ?";

type Who = { d: Driver; u: ChannelUser };

describe("The session announcement's button: ask a question for this session", () => {
  let app: App;
  let clock: JumpClock;
  let tg: FakeTelegram;
  let zalo: FakeZalo;
  let db: { url: string; drop: () => Promise<void> };
  let web: WebDriver;
  const people = {} as Record<"organiser" | "youthTg" | "youthZalo" | "youthWeb" | "outsiderTg" | "outsiderWeb", Who>;
  let sid = 0;
  let buttonData = "";

  const count = async (p: Who) => (await p.d.messages(p.u)).length;
  async function say(p: Who, text: string, pred: (t: string) => boolean): Promise<string> {
    const before = await count(p);
    await p.d.send(p.u, text);
    return (await waitForMessage(p.d, p.u, (m) => pred(m.text), before)).text;
  }
  async function choose(p: Who, label: string, pred: (t: string) => boolean): Promise<string> {
    const before = await count(p);
    await p.d.choose(p.u, label);
    return (await waitForMessage(p.d, p.u, (m) => pred(m.text), before)).text;
  }
  async function pressWeb(p: Who, data: string, pred: (t: string) => boolean): Promise<string> {
    const before = await count(p);
    await web.press(p.u, data);
    return (await waitForMessage(p.d, p.u, (m) => pred(m.text), before)).text;
  }
  const sessionQuestions = () => app.s.prisma.question.count({ where: { sessionId: sid } });

  beforeAll(async () => {
    // Monday 30/11/2026, 09:00 Vietnam time
    clock = new JumpClock(new Date("2026-11-30T02:00:00Z"));
    ({ app, tg, zalo, db } = await startThreeChannels(clock, "sessions-button-secret-0123456789"));
    const cast = [
      ["organiser", "web", "Bí thư Tỉnh đoàn", [{ role: "admin", unitCode: "TINH" }, { role: "cadre", unitCode: "TINH" }]],
      ["youthTg", "telegram", "Thanh niên Telegram", [{ role: "youth", unitCode: "CD-A1" }]],
      ["youthZalo", "zalo", "Thanh niên Zalo", [{ role: "youth", unitCode: "CD-A2" }]],
      ["youthWeb", "web", "Thanh niên Web", [{ role: "youth", unitCode: "CD-B1" }]],
      ["outsiderTg", "telegram", "Ngoài Tỉnh Telegram", [{ role: "youth", unitCode: "CD-K1" }]],
      ["outsiderWeb", "web", "Ngoài Tỉnh Web", [{ role: "youth", unitCode: "CD-K1" }]],
    ] as const;
    const seated = await seatCast(app, tg, zalo, cast);
    web = seated.drivers.web;
    Object.assign(people, seated.people);
  }, 60_000);

  afterAll(async () => {
    web?.close();
    await app?.stop();
    await tg?.close();
    await zalo?.close();
    await db?.drop();
  });

  it("When a session is announced, then a member in scope presses its button (Telegram, web) or sends the command it names (Zalo), writes a question, and the question joins the session", async () => {
    const { organiser, youthTg, youthZalo, youthWeb, outsiderTg, outsiderWeb } = people;
    const prisma = app.s.prisma;
    const created = await say(organiser, `/phienmoi ${TITLE} | Bí thư Tỉnh ủy | TINH | 30/11/2026 08:00 | 01/12/2026 08:00 | 01/12/2026 11:00`, (t) => t.includes("Đã tạo phiên"));
    sid = Number(/phiên đối thoại số (\d+)/.exec(created)![1]);

    // Telegram: the announcement with one inline button whose data names the session, sealed (≤ 64 bytes)
    await waitForMessage(youthTg.d, youthTg.u, (m) => m.text.includes(TITLE));
    const tgMsg = tg.messagesTo(youthTg.u.id).find((m) => m.text.includes(TITLE))!;
    const kb = (tgMsg.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard;
    expect(kb.flat().map((b) => b.text)).toEqual([T.announceButton]);
    buttonData = kb[0]![0]!.callback_data;
    expect(buttonData).toMatch(new RegExp(`^b:ses\\.ask:${sid}:[A-Za-z0-9_-]{22}$`));
    expect(Buffer.byteLength(buttonData)).toBeLessThanOrEqual(64);
    // the web chat: the same button, the same data for every recipient (one set-based send)
    await waitForMessage(youthWeb.d, youthWeb.u, (m) => m.text.includes(TITLE) && m.buttons.includes(T.announceButton));
    expect(await web.buttonData(youthWeb.u, T.announceButton)).toBe(buttonData);
    // Zalo: no buttons; the text says exactly what to send
    const zText = (await waitForMessage(youthZalo.d, youthZalo.u, (m) => m.text.includes(TITLE))).text;
    expect(zText).toContain(coreText.typedButton(T.announceButton, `/hoiphien ${sid}`));
    expect(zalo.messagesTo(youthZalo.u.id).find((m) => m.text.includes(TITLE))!.text).not.toContain("b:ses.ask");
    // members of another province receive nothing
    for (const o of [outsiderTg, outsiderWeb]) expect((await o.d.messages(o.u)).some((m) => m.text.includes(TITLE))).toBe(false);

    // Telegram: press, write, sent for the session
    expect(await choose(youthTg, T.announceButton, (t) => t.includes("Gõ câu hỏi"))).toBe(T.askPrompt(TITLE, false));
    const qTg = Number(/số (\d+)/.exec(await say(youthTg, Q_TG, (t) => t.includes("Đã gửi câu hỏi số")))![1]);
    // web: the same
    expect(await choose(youthWeb, T.announceButton, (t) => t.includes("Gõ câu hỏi"))).toBe(T.askPrompt(TITLE, false));
    const qWeb = Number(/số (\d+)/.exec(await say(youthWeb, Q_WEB, (t) => t.includes("Đã gửi câu hỏi số")))![1]);
    // Zalo: the command the announcement names starts the same flow
    expect(await say(youthZalo, `/hoiphien ${sid}`, (t) => t.includes("Gõ câu hỏi"))).toBe(T.askPrompt(TITLE, false));
    const qZalo = Number(/số (\d+)/.exec(await say(youthZalo, Q_ZALO, (t) => t.includes("Đã gửi câu hỏi số")))![1]);

    const tinh = await prisma.unit.findUniqueOrThrow({ where: { code: "TINH" } });
    const rows = await prisma.question.findMany({ where: { id: { in: [qTg, qWeb, qZalo] } }, orderBy: { id: "asc" } });
    expect(rows.map((q) => [q.sessionId, q.moderation, q.unitId])).toEqual([
      [sid, "pending", tinh.id],
      [sid, "pending", tinh.id],
      [sid, "pending", tinh.id],
    ]);
    // in the session's moderation: the organiser is asked to approve each
    for (const q of [qTg, qWeb, qZalo]) await waitForMessage(organiser.d, organiser.u, (m) => m.text.includes(`#${q}`) && m.text.includes("chờ duyệt"));
  }, 60_000);

  it("When a member outside the scope presses the genuine button, or anyone presses altered data, then it is refused and nothing changes", async () => {
    const { youthWeb, outsiderWeb } = people;
    const before = await sessionQuestions();
    // the genuine data, pressed by a member of another province (passed on to them): the scope is checked at press time
    expect(await pressWeb(outsiderWeb, buttonData, (t) => t.includes(String(sid)))).toBe(T.askNoSession(sid));
    // and no asking flow was started: their next text is not a session question
    await say(outsiderWeb, "Cho em hỏi lịch sinh hoạt chi đoàn tháng này ạ?", () => true);
    // another session's number with the same seal, a broken seal, an action never offered as a button
    const [, , , mac] = buttonData.split(":");
    for (const forged of [`b:ses.ask:${sid + 1}:${mac}`, `b:ses.ask:${sid}:${"A".repeat(22)}`, `b:ses.approve:${sid}:${mac}`, "b:ses.ask"])
      expect(await pressWeb(youthWeb, forged, (t) => t === coreText.buttonInvalid || t.includes("không"))).toBe(coreText.buttonInvalid);
    expect(await sessionQuestions()).toBe(before);
    const conv = await app.s.prisma.conversation.findMany({ where: { channel: "web", userKey: { in: [outsiderWeb.u.id, youthWeb.u.id] } } });
    expect(conv.filter((c) => c.flow === "ses.ask")).toEqual([]);
  }, 30_000);

  it("When the session has closed, then pressing the old announcement button (or sending its command) is refused and nothing joins it", async () => {
    const { youthTg, youthZalo, youthWeb } = people;
    const closing = new Date("2026-12-01T04:01:00Z");
    await app.s.prisma.setting.updateMany({ where: { key: { startsWith: "tick:" } }, data: { value: new Date(closing.getTime() - 60_000).toISOString() } });
    clock.jumpTo(closing);
    await app.scheduler!.tick();
    expect((await app.s.prisma.dialogueSession.findUniqueOrThrow({ where: { id: sid } })).closedAt).not.toBeNull();
    const before = await sessionQuestions();
    expect(await choose(youthTg, T.announceButton, (t) => t.includes(String(sid)) && t.includes("không nhận"))).toBe(T.askNoSession(sid));
    expect(await choose(youthWeb, T.announceButton, (t) => t.includes(String(sid)) && t.includes("không nhận"))).toBe(T.askNoSession(sid));
    expect(await say(youthZalo, `/hoiphien ${sid}`, (t) => t.includes(String(sid)) && t.includes("không nhận"))).toBe(T.askNoSession(sid));
    // what they type next is not taken for the closed session
    await say(youthTg, "Em cảm ơn ạ", () => true);
    expect(await sessionQuestions()).toBe(before);
  }, 30_000);
});
