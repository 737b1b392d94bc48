/**
 * Issue 9, items 5 and 6, through the real channels against the strict fakes: a photo (or a
 * document) sent with a question reaches the cadre on any channel — by file id on Telegram,
 * by URL or by an unguessable, expiring link on Zalo — and the cadre is told how the answer's
 * delivery ended (a blocked asker is a failure, not "sent").
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { waitFor } from "../helpers/wait.ts";
import { FakeTelegram, type FakeUser } from "../fakes/telegram.ts";
import { FakeZalo } from "../fakes/zalo.ts";
import { TelegramChannel } from "../../bot/channels/telegram/index.ts";
import { ZaloChannel } from "../../bot/channels/zalo/index.ts";
import { OutboxWorker } from "../../bot/core/outbox/worker.ts";
import { HttpServer } from "../../bot/core/http.ts";
import { mountDownloads } from "../../bot/core/downloads.ts";
import { parseRefs } from "../../bot/core/attachments.ts";
import { dialogueText as T } from "../../prompts/vi/dialogue.ts";

const Q_PHOTO = "Đường vào thôn bị sạt lở như trong ảnh, Đoàn xã có tổ chức thanh niên tình nguyện sửa không ạ?";
const Q_DOC = "Em gửi kèm hồ sơ xin vay vốn khởi nghiệp, nhờ Đoàn xã xem giúp hồ sơ đã đủ chưa ạ?";
const Q_PLAIN = "Thủ tục chuyển sinh hoạt Đoàn khi đi làm ở tỉnh khác như thế nào ạ?";
const Q_BRIDGE = "Cầu tre qua kênh ở ấp em bị gãy như ảnh này, Đoàn xã có kế hoạch làm lại cầu không ạ?";
const Q_LIGHT = "Tuyến đường thắp sáng của thanh niên ở xóm em bị hỏng đèn như ảnh, ai sửa giúp ạ?";
const Q_FEES = "Đoàn phí hằng tháng của đoàn viên là bao nhiêu tiền và nộp cho ai?";

let cleanup: (() => Promise<void>)[] = [];
let w: Awaited<ReturnType<typeof world>>;
let before = 0;
// one bot for the file (its start is the slow part); each test brings its own people
beforeAll(async () => {
  w = await world();
}, 60_000);
afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});
beforeEach(async () => {
  // the cadres of earlier tests leave XA-A: each test's question goes to its own cadre
  const xa = await w.h.s.prisma.unit.findUniqueOrThrow({ where: { code: "XA-A" } });
  await w.h.s.prisma.membership.deleteMany({ where: { unitId: xa.id, role: "cadre" } });
  before = (await w.h.s.prisma.question.findFirst({ orderBy: { id: "desc" } }))?.id ?? 0;
});
/** The test's first new question, once it exists. */
const newQuestion = (after = before) => waitFor(() => w.h.s.prisma.question.findFirst({ where: { id: { gt: after } }, orderBy: { id: "asc" } }), { what: "the question" });

const menus = { guest: [], youth: [], secretary: [], cadre: [], admin: [] };

/** A bot on a real database with both channels polling the fakes, their outbox senders, and a public server for links. */
async function world() {
  const h = await Harness.create({ org: TEST_ORG, env: { ANON_BATCH_MINUTES: "0" } });
  cleanup.push(() => h.close());
  const tg = await FakeTelegram.start({ rateLimits: false });
  cleanup.push(() => tg.close());
  const zl = await FakeZalo.start({ rateLimits: false });
  cleanup.push(() => zl.close());
  const log = h.s.log;
  const http = new HttpServer(log);
  mountDownloads(http.app, h.s.prisma, h.s.clock);
  const base = `http://127.0.0.1:${await http.listen(0, "127.0.0.1")}`;
  cleanup.push(() => http.close());
  const telegram = new TelegramChannel({ token: tg.token, apiRoot: tg.url, mode: "polling", ratePerSecond: 30, log, core: h.core, menus });
  const zalo = new ZaloChannel({ token: zl.token, baseUrl: zl.url, mode: "polling", ratePerSecond: 30, pollTimeoutSec: 1, log, core: h.core, downloadBase: base });
  await telegram.start();
  cleanup.push(() => telegram.stop());
  await zalo.start();
  cleanup.push(() => zalo.stop());
  for (const ch of [telegram, zalo]) {
    const w = new OutboxWorker(h.s.outbox, ch.sender(), log);
    w.start();
    cleanup.push(() => w.stop());
  }
  return { h, tg, zl, base };
}

const tgUser = (u: TestUser): FakeUser => ({ id: Number(u.id), first_name: u.name });

async function people(h: Harness, cadreChannel: "telegram" | "zalo", youthChannel: "telegram" | "zalo" = "telegram") {
  const youth = h.user("Trần Văn Ảnh", youthChannel);
  await h.join(youth, "youth", "CD-A1");
  const cadre = h.user("Lê Thị Cán Bộ", cadreChannel);
  await h.join(cadre, "cadre", "XA-A");
  return { youth, cadre };
}

describe("attachments: a photo or document sent with a question reaches the cadre on any channel", () => {
  it("When a Telegram youth sends a photo with /hoi, then the Telegram cadre gets it as a photo by file id, the notice as its caption with the buttons", async () => {
    const { h, tg } = w;
    const { youth, cadre } = await people(h, "telegram");
    const { fileId } = tg.sendPhotoFrom(tgUser(youth), { caption: `/hoi ${Q_PHOTO}` });
    const q = await newQuestion();
    expect(parseRefs(q.attachments).map((r) => [r.origin, r.kind, r.ref])).toEqual([["telegram", "photo", fileId]]);
    const photo = await waitFor(() => tg.messagesTo(cadre.id).find((m) => m.method === "sendPhoto"), { what: "the cadre's photo" });
    expect(photo.photo).toBe(fileId);
    expect(photo.text).toContain(`Câu hỏi mới #${q.id}`);
    expect(photo.text).toContain(T.withFiles(1));
    const labels = (photo.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard.flat().map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining([T.btnAnswer, T.btnMerge]));
    // no copy was needed: the file id went as it was
    expect(tg.downloads.size).toBe(0);
  });

  it("When the cadre is on Zalo, then the Telegram photo arrives as an image through an unguessable link that expires", async () => {
    const { h, tg, zl, base } = w;
    const { youth, cadre } = await people(h, "zalo");
    tg.sendPhotoFrom(tgUser(youth), { caption: `/hoi ${Q_BRIDGE}`, content: Buffer.from("\xff\xd8\xffREAL-PHOTO-BYTES\xff\xd9", "latin1") });
    const q = await newQuestion();
    const img = await waitFor(() => zl.messagesTo(cadre.id).find((m) => m.method === "sendPhoto"), { what: "the Zalo cadre's image" });
    expect(img.text).toContain(`Câu hỏi mới #${q.id}`);
    const m = new RegExp(`^${base}/attachment/([A-Za-z0-9_-]{43})$`).exec(img.photo!);
    expect(m).not.toBeNull();
    const res = await fetch(img.photo!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(Buffer.from(await res.arrayBuffer()).toString("latin1")).toBe("\xff\xd8\xffREAL-PHOTO-BYTES\xff\xd9");
    // fetched once from Telegram (getFile + the file endpoint), then served from the store
    await fetch(img.photo!).then((r) => r.arrayBuffer());
    expect([...tg.downloads.values()]).toEqual([1]);
    expect(tg.calls.some((c) => c.method === "getFile" && c.status === 200)).toBe(true);
    // a forged token and an expired link give nothing
    expect((await fetch(`${base}/attachment/${"A".repeat(43)}`)).status).toBe(404);
    await h.advance(31 * 86_400_000);
    expect((await fetch(img.photo!)).status).toBe(404);
  });

  it("When a Zalo youth sends an image question, then a Telegram cadre gets a photo and the Zalo follow-up photo reaches them too", async () => {
    const { h, tg, zl } = w;
    const { youth, cadre } = await people(h, "telegram", "zalo");
    const url = "https://photo-stal.zadn.vn/jpg/abc123.jpg";
    zl.sendImage(youth.id, url, `/hoi ${Q_LIGHT}`, youth.name);
    const q = await newQuestion();
    const photo = await waitFor(() => tg.messagesTo(cadre.id).find((m) => m.method === "sendPhoto"), { what: "the cadre's photo" });
    expect(photo.photo).toBe(url);
    expect(photo.text).toContain(`#${q.id}`);

    // answered, "chưa rõ" (typed as the number of the choice on Zalo), then a follow-up photo
    tg.sendText(tgUser(cadre), `/traloi ${q.id} Đoàn xã sẽ cử tổ thanh niên xung kích kiểm tra trong tuần này.`);
    await waitFor(() => zl.messagesTo(youth.id).some((m) => m.text.includes("thanh niên xung kích")), { what: "the answer on Zalo" });
    zl.sendText(youth.id, "2", youth.name);
    await waitFor(() => zl.messagesTo(youth.id).some((m) => m.text === T.reopenAsk(q.id)), { what: "the follow-up asked for" });
    const closer = "https://photo-stal.zadn.vn/jpg/closer456.jpg";
    zl.sendImage(youth.id, closer, "Em gửi thêm ảnh chụp gần, chỗ sạt lở ngày càng rộng.", youth.name);
    const second = await waitFor(() => tg.messagesTo(cadre.id).find((m) => m.method === "sendPhoto" && m.photo === closer), { what: "the follow-up photo" });
    expect(second.text).toContain("chỗ sạt lở ngày càng rộng");
    const ev = await h.s.prisma.questionEvent.findFirstOrThrow({ where: { questionId: q.id, kind: "followup" } });
    expect(parseRefs(ev.attachments).map((r) => r.ref)).toEqual([closer]);
  });

  it("When a document comes with a question, then the cadre gets the document by file id; an anonymous question refuses documents", async () => {
    const { h, tg } = w;
    const { youth, cadre } = await people(h, "telegram");
    const { fileId } = tg.sendDocumentFrom(tgUser(youth), { name: "ho-so-vay-von.pdf", mime: "application/pdf", caption: `/hoi ${Q_DOC}` });
    const q = await newQuestion();
    const doc = await waitFor(() => tg.messagesTo(cadre.id).find((m) => m.method === "sendDocument"), { what: "the cadre's document" });
    expect(doc.document).toEqual({ filename: fileId });
    expect(doc.text).toContain(`#${q.id}`);

    tg.sendDocumentFrom(tgUser(youth), { name: "cccd-nguyen-van-a.pdf", caption: `/hoian ${Q_PLAIN}` });
    const refused = await waitFor(() => tg.messagesTo(youth.id).find((m) => m.text.includes("chỉ kèm được ảnh")), { what: "the refusal" });
    expect(refused.text).toBe(T.anonNoDocuments);
    expect(await h.s.prisma.question.count({ where: { id: { gt: before } } })).toBe(1);
  });
});

describe("delivery told truthfully", () => {
  it("When the asker has blocked the bot, then the cadre is told the answer did not reach them; a delivered answer is confirmed", async () => {
    const { h, tg } = w;
    const { youth, cadre } = await people(h, "telegram");
    tg.sendText(tgUser(youth), `/hoi ${Q_PLAIN}`);
    const q1 = await newQuestion();
    await waitFor(() => tg.messagesTo(cadre.id).some((m) => m.text.includes(`#${q1.id}`)), { what: "the notice" });
    tg.sendText(tgUser(cadre), `/traloi ${q1.id} Bạn xin giấy giới thiệu ở chi đoàn cũ rồi nộp cho chi đoàn mới.`);
    await waitFor(() => tg.messagesTo(cadre.id).some((m) => m.text === T.deliveredAsker(q1.id)), { what: "the delivery confirmed" });
    expect(tg.messagesTo(youth.id).some((m) => m.text.includes("giấy giới thiệu"))).toBe(true);

    tg.sendText(tgUser(youth), `/hoi ${Q_FEES}`);
    const q2 = await newQuestion(q1.id);
    await waitFor(() => tg.messagesTo(cadre.id).some((m) => m.text.includes(`#${q2.id}`)), { what: "the second notice" });
    // the youth's own receipt is out before they block the bot (else that send meets the block
    // first, and the answer is then never attempted: "unreachable", another truthful notice)
    await waitFor(() => tg.messagesTo(youth.id).some((m) => m.text.includes(`số ${q2.id}`)), { what: "the second receipt" });
    tg.block(youth.id);
    tg.sendText(tgUser(cadre), `/traloi ${q2.id} Hồ sơ cần thêm bản sao sổ hộ khẩu.`);
    const told = await waitFor(() => tg.messagesTo(cadre.id).find((m) => m.text.startsWith("⚠️")), { what: "the failure told" });
    expect(told.text).toBe(T.deliveryBlocked(q2.id));
    expect(tg.messagesTo(cadre.id).some((m) => m.text === T.deliveredAsker(q2.id))).toBe(false);
    // the confirmation said "being sent", never "sent"
    const confirmation = tg.messagesTo(cadre.id).find((m) => m.text.startsWith(`Đã lưu câu trả lời cho câu hỏi #${q2.id}`));
    expect(confirmation).toBeDefined();
    // nothing watches any more
    expect(await h.s.prisma.deliveryWatch.count()).toBe(0);
  });
});
