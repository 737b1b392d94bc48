/**
 * Issue 9: the whole cycle of a "Đảng với thanh niên" forum through the real interfaces of
 * Telegram, Zalo and the web chat at once — the bot runs in-process with every part real
 * (database, router, outbox workers, scheduler, channel adapters over HTTP) against the strict
 * fake Telegram and Zalo APIs and the web chat's HTTP API.
 *
 * A province session opens with an intake window → members in scope get the announcement, a
 * member of another province does not → questions (chosen for the session at /hoi, from the
 * /phien button, by /hoiphien; a normal question stays normal) and votes come in → live period,
 * approval, answer on stage → closing: every asker and voter receives the result, the pending
 * question is in the province's queue with a due date → a commitment is assigned to a commune,
 * its cadre is reminded, reports progress, marks it done, and the asker is told.
 *
 * After the forum, on the same three channels: a photo question reaches the cadre as a photo
 * on Telegram and as an image on Zalo; a question answered, followed up ("chưa rõ") and
 * published holds the cadre's edited text in the FAQ; an anonymous question merged into a
 * named one gets the one answer and stays anonymous. (The session announcement's button:
 * sessions-announce-button.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../bot/app/app.ts";
import { formatDate } from "../../bot/core/time.ts";
import { sessionText as T } from "../../prompts/vi/sessions.ts";
import { dialogueText as D } from "../../prompts/vi/dialogue.ts";
import type { FakeTelegram } from "../fakes/telegram.ts";
import type { FakeZalo } from "../fakes/zalo.ts";
import { waitFor } from "../helpers/wait.ts";
import { JumpClock, seatCast, startThreeChannels } from "../helpers/channel-cast.ts";
import { type ChannelUser, type Driver, WebDriver, waitForMessage } from "../e2e/drivers.ts";


const TITLE = "Đảng với thanh niên tỉnh năm 2026";
const Q1 = "Tỉnh có chính sách gì hỗ trợ thanh niên khởi nghiệp nông nghiệp công nghệ cao không ạ?";
const Q3 = "Bao giờ tỉnh mở thêm lớp dạy nghề điện dân dụng miễn phí cho thanh niên nông thôn?";
const Q4 = "Chi đoàn mình muốn mượn hội trường xã để sinh hoạt thì xin phép ai ạ?";

describe("A dialogue forum from intake to kept commitments, on Telegram, Zalo and the web chat", () => {
  let app: App;
  let clock: JumpClock;
  let tg: FakeTelegram;
  let zalo: FakeZalo;
  let db: { url: string; drop: () => Promise<void> };
  let drivers: { telegram: Driver; zalo: Driver; web: WebDriver };
  const people = {} as Record<"organiser" | "communeCadre" | "cadreB" | "youth1" | "youth2" | "youth3" | "youth4" | "outsider", { d: Driver; u: ChannelUser }>;

  const count = async (p: { d: Driver; u: ChannelUser }) => (await p.d.messages(p.u)).length;
  async function say(p: { d: Driver; u: ChannelUser }, text: string, pred: (t: string) => boolean): Promise<string> {
    const before = await count(p);
    await p.d.send(p.u, text);
    return (await waitForMessage(p.d, p.u, (m) => pred(m.text), before)).text;
  }
  async function choose(p: { d: Driver; u: ChannelUser }, label: string, pred: (t: string) => boolean): Promise<string> {
    const before = await count(p);
    await p.d.choose(p.u, label);
    return (await waitForMessage(p.d, p.u, (m) => pred(m.text), before)).text;
  }
  const waitText = (p: { d: Driver; u: ChannelUser }, pred: (t: string) => boolean, after = 0) => waitForMessage(p.d, p.u, (m) => pred(m.text), after);
  /** Jump to `at` and run the scheduler: durable jobs due by then run; periodic ticks are not under test here (no catch-up of days). */
  async function tick(at: Date): Promise<void> {
    await app.s.prisma.setting.updateMany({ where: { key: { startsWith: "tick:" } }, data: { value: new Date(at.getTime() - 60_000).toISOString() } });
    clock.jumpTo(at);
    await app.scheduler!.tick();
  }

  beforeAll(async () => {
    // Monday 30/11/2026, 09:00 Vietnam time
    clock = new JumpClock(new Date("2026-11-30T02:00:00Z"));
    ({ app, tg, zalo, db } = await startThreeChannels(clock, "sessions-cycle-secret-0123456789"));
    // commune B answers its own questions too (the organisation's file routes only commune A's)
    const xaB = await app.s.prisma.unit.findUniqueOrThrow({ where: { code: "XA-B" } });
    await app.s.prisma.routingRule.create({ data: { unitId: xaB.id, topic: "*" } });
    const cast = [
      ["organiser", "web", "Bí thư Tỉnh đoàn", [{ role: "admin", unitCode: "TINH" }, { role: "cadre", unitCode: "TINH" }]],
      ["communeCadre", "zalo", "Cán bộ Đoàn xã A", [{ role: "cadre", unitCode: "XA-A" }]],
      ["cadreB", "telegram", "Cán bộ Đoàn xã B", [{ role: "cadre", unitCode: "XA-B" }]],
      ["youth1", "telegram", "Thanh niên Một", [{ role: "youth", unitCode: "CD-A1" }]],
      ["youth2", "zalo", "Thanh niên Hai", [{ role: "youth", unitCode: "CD-A2" }]],
      ["youth3", "web", "Thanh niên Ba", [{ role: "youth", unitCode: "CD-B1" }]],
      ["youth4", "zalo", "Thanh niên Bốn", [{ role: "youth", unitCode: "CD-B1" }]],
      ["outsider", "telegram", "Thanh niên Tỉnh Khác", [{ role: "youth", unitCode: "CD-K1" }]],
    ] as const;
    const seated = await seatCast(app, tg, zalo, cast);
    drivers = seated.drivers;
    Object.assign(people, seated.people);
  }, 60_000);

  afterAll(async () => {
    drivers?.web.close();
    await app?.stop();
    await tg?.close();
    await zalo?.close();
    await db?.drop();
  });

  it("When a forum runs from intake to closing, then nothing is stranded and every asker, voter and owner is told", async () => {
    const { organiser, communeCadre, youth1, youth2, youth3, outsider } = people;
    const prisma = app.s.prisma;
    const tinh = await prisma.unit.findUniqueOrThrow({ where: { code: "TINH" } });

    // an intake window from now, the live part tomorrow morning
    const created = await say(organiser, `/phienmoi ${TITLE} | Bí thư Tỉnh ủy | TINH | 30/11/2026 08:00 | 01/12/2026 08:00 | 01/12/2026 11:00`, (t) => t.includes("Đã tạo phiên"));
    const sid = Number(/phiên đối thoại số (\d+)/.exec(created)![1]);
    const session = await prisma.dialogueSession.findUniqueOrThrow({ where: { id: sid } });

    // the announcement reaches the members of the scope on every channel, with how to ask
    for (const p of [youth1, youth2, youth3, communeCadre]) expect(await waitText(p, (t) => t.includes(TITLE) && t.includes(`/hoiphien ${sid}`))).toBeTruthy();
    expect((await outsider.d.messages(outsider.u)).some((m) => m.text.includes(TITLE))).toBe(false);

    // intake: /hoi while choosing the session (Telegram buttons)
    expect(await say(youth1, `/hoi ${Q1}`, (t) => t.includes("phiên đối thoại"))).toBe(T.offerText([TITLE]));
    const sent1 = await choose(youth1, "Gửi cho phiên", (t) => t.includes("Đã gửi câu hỏi số"));
    const q1 = Number(/số (\d+)/.exec(sent1)![1]);
    // the /phien button on the web chat, then the question
    await say(youth3, "/phien", (t) => t.includes(TITLE));
    expect(await choose(youth3, T.askButton(sid), (t) => t.includes("Gõ câu hỏi"))).toBe(T.askPrompt(TITLE, false));
    const sent3 = await say(youth3, Q3, (t) => t.includes("Đã gửi câu hỏi số"));
    const q3 = Number(/số (\d+)/.exec(sent3)![1]);
    // a question that is not for the forum stays a normal question of the commune (Zalo numbered list)
    await say(youth2, `/hoi ${Q4}`, (t) => t.includes(T.offerNormal));
    const sent4 = await choose(youth2, T.offerNormal, (t) => t.includes("Đã gửi câu hỏi số"));
    const q4 = Number(/số (\d+)/.exec(sent4)![1]);

    const rows = new Map((await prisma.question.findMany({ where: { id: { in: [q1, q3, q4] } } })).map((q) => [q.id, q]));
    expect(rows.get(q1)).toMatchObject({ sessionId: sid, moderation: "pending", unitId: tinh.id });
    expect(rows.get(q3)).toMatchObject({ sessionId: sid, moderation: "pending", unitId: tinh.id });
    expect(rows.get(q4)).toMatchObject({ sessionId: null, moderation: "approved" });
    // the commune's cadre gets the normal question at once, and no forum question
    await waitText(communeCadre, (t) => t.includes(`#${q4}`));
    expect((await communeCadre.d.messages(communeCadre.u)).some((m) => m.text.includes(`#${q1}`) || m.text.includes(`#${q3}`))).toBe(false);
    // the session's questions are due after the forum: no reminder or escalation while they wait
    expect(rows.get(q1)!.dueAt.getTime()).toBeGreaterThan(session.closesAt.getTime());
    expect(await prisma.scheduledJob.count({ where: { ref: { in: [`question:${q1}`, `question:${q3}`] } } })).toBe(0);

    // moderation: the organiser approves q1 (q3 is left waiting); votes come in from Zalo and the web
    await waitText(organiser, (t) => t.includes(`#${q3}`) && t.includes("chờ duyệt"));
    // approved: on stage, and with the province's cadre (here the organiser) to answer
    expect(await say(organiser, `/duyet ${q1}`, (t) => t.startsWith("Đã duyệt"))).toBe(T.approved(q1));
    expect(await say(youth2, `/binhchon ${q1}`, (t) => t.includes("bình chọn"))).toBe(T.voted(q1, 1));
    expect(await say(youth3, `/binhchon ${q1}`, (t) => t.includes("bình chọn"))).toBe(T.voted(q1, 2));

    // live: answered on stage; the board shows it
    await tick(new Date("2026-12-01T01:05:00Z"));
    const b1 = await count(youth1);
    await say(organiser, `/traloi ${q1} Tỉnh có Quỹ hỗ trợ khởi nghiệp thanh niên; hồ sơ nộp tại Đoàn xã.`, (t) => t.includes(String(q1)));
    await waitText(youth1, (t) => t.includes("Quỹ hỗ trợ khởi nghiệp"), b1);
    const base = `http://127.0.0.1:${app.webPort}/board/${session.boardToken}`;
    const board = (await (await fetch(`${base}/data`)).json()) as { status: string; questions: { ref: string; votes: number; answered: boolean }[] };
    expect(board.status).toBe("live");
    expect(board.questions).toEqual([expect.objectContaining({ ref: `#${q1}`, votes: 2, answered: true })]);

    // a commitment owned by a commune: its cadre (Zalo) is told at once
    const bc = await count(communeCadre);
    const committed = await say(organiser, `/camket ${sid} | Mở lớp tập huấn khởi nghiệp cho thanh niên | XA-A | 15/12/2026 | ${q1}`, (t) => t.includes("Đã ghi cam kết"));
    const cid = Number(/cam kết số (\d+)/.exec(committed)![1]);
    await waitText(communeCadre, (t) => t.includes(`/xongcamket ${cid}`), bc);

    // closing: every asker and voter gets the result; the waiting question joins the province's queue with a due date
    const [a1, a2, a3] = [await count(youth1), await count(youth2), await count(youth3)];
    await tick(new Date("2026-12-01T04:01:00Z"));
    expect(await waitText(youth1, (t) => t.includes("đã kết thúc") && t.includes("Quỹ hỗ trợ khởi nghiệp"), a1)).toBeTruthy();
    const moved = await prisma.question.findUniqueOrThrow({ where: { id: q3 } });
    expect(moved).toMatchObject({ moderation: "approved", status: "open", unitId: tinh.id });
    const r3 = (await waitText(youth3, (t) => t.includes(`#${q3}`) && t.includes("hạn trả lời"), a3)).text;
    expect(r3).toBe(T.resultQueued(TITLE, q3, tinh.name, formatDate(moved.dueAt), `${base}/ketqua`).replace(/http:\/\/\S+/, r3.match(/http:\/\/\S+/)![0]));
    expect(await prisma.scheduledJob.count({ where: { ref: `question:${q3}`, status: "pending" } })).toBeGreaterThan(0);
    // voters: the questions they voted for and where they went
    for (const [p, after] of [[youth2, a2], [youth3, a3]] as const) await waitText(p, (t) => t.includes("Các câu hỏi bạn bình chọn") && t.includes(`#${q1}`), after);
    await waitText(organiser, (t) => t.startsWith(T.closedNotice));

    // the commune's cadre is reminded three days before, reports progress, marks it done; the asker is told
    const r = await count(communeCadre);
    await tick(new Date("2026-12-12T01:05:00Z"));
    await waitText(communeCadre, (t) => t.includes(`Nhắc cam kết số ${cid}`), r);
    expect(await say(communeCadre, `/tiendocamket ${cid} Đã mở đăng ký, 40 bạn tham gia`, (t) => t.startsWith("Đã ghi tiến độ"))).toBe(T.progressSaved(cid));
    const d1 = await count(youth1);
    expect(await say(communeCadre, `/xongcamket ${cid}`, (t) => t.startsWith("Đã ghi nhận cam kết"))).toBe(T.commitDone(cid, 1));
    await waitText(youth1, (t) => t.includes("đã được thực hiện") && t.includes(`#${q1}`), d1);

    // the public results page: questions, answers and "x/y đã thực hiện"
    const page = await fetch(`${base}/ketqua`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(T.results.pageTitle);
    const results = (await (await fetch(`${base}/ketqua/data`)).json()) as { ratio: string; questions: { ref: string; answer: string | null }[]; commitments: { progress: string | null; done: string | null }[] };
    expect(results.ratio).toBe("1/1 đã thực hiện");
    expect(results.questions.find((q) => q.ref === `#${q1}`)!.answer).toContain("Quỹ hỗ trợ khởi nghiệp");
    expect(results.questions.find((q) => q.ref === `#${q3}`)!.answer).toBeNull();
    expect(results.commitments[0]).toMatchObject({ progress: "Đã mở đăng ký, 40 bạn tham gia", done: "12/12/2026" });
    expect(JSON.stringify(results)).not.toContain("Thanh niên Một");
  }, 60_000);

  /** `/hoi` or `/hoian`; the reply that it was sent (the questions differ enough that no similar ones are offered). */
  async function ask(p: { d: Driver; u: ChannelUser }, line: string): Promise<string> {
    const before = await count(p);
    await p.d.send(p.u, line);
    const first = await waitForMessage(p.d, p.u, (m) => m.text.includes("Đã gửi câu hỏi") || m.text.includes(D.choiceSendAnyway) || m.buttons.includes(D.choiceSendAnyway), before);
    if (first.text.includes("Đã gửi câu hỏi")) return first.text;
    throw new Error(`similar questions were offered to ${p.u.name}: the test's questions must differ`);
  }

  it("When after the forum a photo question, a followed-up published question and an anonymous merged question come in, then each reaches the right person on Telegram, Zalo and the web chat", async () => {
    const { communeCadre, cadreB, youth1, youth2, youth3, youth4 } = people;
    const prisma = app.s.prisma;

    // image questions from Zalo reach a Zalo cadre as an image and a Telegram cadre as a photo (by the image's URL:
    // in polling mode no download links are served, so a Telegram photo reaches a Zalo cadre as a note — attachments.test.ts)
    const sentOf = async (p: { d: Driver; u: ChannelUser }, after: number) => Number(/số (\d+)/.exec((await waitText(p, (t) => t.includes("Đã gửi câu hỏi"), after)).text)![1]);
    const url2 = "https://photo-stal.zadn.vn/jpg/sat-lo-456.jpg";
    const i2 = await count(youth2);
    zalo.sendImage(youth2.u.id, url2, "/hoi Đường vào thôn bị sạt lở như trong ảnh, Đoàn xã có tổ chức thanh niên sửa không ạ?", youth2.u.name);
    const qPhoto = await sentOf(youth2, i2);
    const zImage = await waitFor(() => zalo.messagesTo(communeCadre.u.id).find((m) => m.method === "sendPhoto" && m.text.includes(`#${qPhoto}`)), { what: "the Zalo cadre's image" });
    expect(zImage.photo).toBe(url2);
    const url4 = "https://photo-stal.zadn.vn/jpg/den-hong-123.jpg";
    const i4 = await count(youth4);
    zalo.sendImage(youth4.u.id, url4, "/hoi Tuyến đường thắp sáng của thanh niên ở xóm em bị hỏng đèn như ảnh, ai sửa giúp ạ?", youth4.u.name);
    const qImage = await sentOf(youth4, i4);
    const tgPhoto = await waitFor(() => tg.messagesTo(cadreB.u.id).find((m) => m.method === "sendPhoto" && m.text.includes(`#${qImage}`)), { what: "the Telegram cadre's photo" });
    expect(tgPhoto.photo).toBe(url4);

    // web asker, Telegram cadre: answered, "chưa rõ", a follow-up with personal details, answered again, published as edited
    const sent = await ask(youth3, "/hoi Sinh viên nghèo vượt khó có được xét học bổng của Tỉnh đoàn không ạ?");
    const qPub = Number(/số (\d+)/.exec(sent)![1]);
    await waitText(cadreB, (t) => t.includes(`Câu hỏi mới #${qPub} `));
    const a3 = await count(youth3);
    await say(cadreB, `/traloi ${qPub} Có, mỗi năm Tỉnh đoàn xét 100 suất học bổng.`, (t) => t.startsWith(`Đã lưu câu trả lời cho câu hỏi #${qPub}`));
    await waitText(youth3, (t) => t.includes("100 suất học bổng"), a3);
    // typed, as the answer says (a button would do the same; choice sets are stamped by the wall clock, which this test's clock is days ahead of)
    expect(await say(youth3, `/danhgia ${qPub} chuaro`, (t) => t === D.reopenAsk(qPub))).toBe(D.reopenAsk(qPub));
    const c1 = await count(cadreB);
    await youth3.d.send(youth3.u, "Hồ sơ gồm những gì và nộp trước ngày nào ạ? Em là Nguyễn Văn Minh, SĐT 0912345678.");
    await waitText(cadreB, (t) => t.includes("Hồ sơ gồm những gì"), c1);
    const y3 = await count(youth3);
    await say(cadreB, `/traloi ${qPub} Hồ sơ gồm đơn và giấy xác nhận hộ nghèo, nộp trước 30/12.`, (t) => t.startsWith(`Đã lưu câu trả lời cho câu hỏi #${qPub}`));
    await waitText(youth3, (t) => t.includes("giấy xác nhận hộ nghèo"), y3);
    // the cadre edits the answer to publish (the follow-up's personal details left out), then publishes; the asker is told
    const editedA = "Có, mỗi năm Tỉnh đoàn xét 100 suất học bổng. Hồ sơ gồm đơn và giấy xác nhận hộ nghèo, nộp trước 30/12.";
    const preview = await say(cadreB, `/congbo ${qPub} traloi ${editedA}`, (t) => t.includes("Xem trước"));
    expect(preview).toContain(editedA);
    expect(preview).not.toContain("0912345678");
    const p3 = await count(youth3);
    expect(await say(cadreB, `/congbo ${qPub} ok`, (t) => t.startsWith("Đã công bố"))).toBe(D.published(qPub, "Đoàn xã B"));
    const entry = await prisma.faqEntry.findUniqueOrThrow({ where: { questionId: qPub } });
    expect([entry.question, entry.answer]).toEqual(["Sinh viên nghèo vượt khó có được xét học bổng của Tỉnh đoàn không ạ?", editedA]);
    expect(await waitText(youth3, (t) => t === D.publishedAsker(qPub), p3)).toBeTruthy();

    // Zalo cadre merges an anonymous Zalo question into a named Telegram one: one answer to both, the asker never named
    const mark = await count(communeCadre);
    const qNamed = Number(/số (\d+)/.exec(await ask(youth1, "/hoi Đoàn phí hằng tháng của đoàn viên là bao nhiêu tiền?"))![1]);
    const anonRef = /số (A\d+)/.exec(await ask(youth2, "/hoian Em mới vào Đoàn, mỗi tháng em phải nộp khoản gì và nộp cho ai ạ?"))![1]!;
    await waitText(communeCadre, (t) => t.includes(anonRef), mark);
    expect(await say(communeCadre, `/gop ${qNamed} ${anonRef}`, (t) => t.startsWith("Đã gộp"))).toBe(D.merged(qNamed, anonRef, 1));
    const [n1, n2] = [await count(youth1), await count(youth2)];
    await say(communeCadre, `/traloi ${qNamed} Đoàn phí là 2.000 đồng mỗi tháng, nộp cho bí thư chi đoàn.`, (t) => t.startsWith(`Đã lưu câu trả lời cho câu hỏi #${qNamed}`));
    await waitText(youth1, (t) => t.includes("2.000 đồng"), n1);
    await waitText(youth2, (t) => t.includes("2.000 đồng"), n2);
    const merged = await prisma.question.findFirstOrThrow({ where: { publicRef: anonRef } });
    expect([merged.status, merged.mergedIntoId, merged.askerId]).toEqual(["merged", qNamed, null]);
    const cadreSaw = (await communeCadre.d.messages(communeCadre.u)).slice(mark).map((m) => m.text).join("\n");
    expect(cadreSaw).toContain(anonRef);
    expect(cadreSaw).not.toContain(youth2.u.name);
  }, 60_000);
});
