/**
 * Issue 11 item 3: announcements and subscriptions. A cadre's /thongbao to a commune of 500
 * members goes out through the outbox to a strict fake Telegram (flood limits on, a faster
 * rate configured): one copy each, none to a muted member, the counts to the sender. Then
 * topics followed, roles, units, scheduling, idempotency, the job fair, and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { waitFor } from "../helpers/wait.ts";
import { FakeTelegram } from "../fakes/telegram.ts";
import { TelegramChannel } from "../../bot/channels/telegram/index.ts";
import { OutboxWorker } from "../../bot/core/outbox/worker.ts";
import { MENUS } from "../../bot/app/features.ts";
import { announce } from "../../handlers/announcements/api.ts";
import { jobFairTick } from "../../handlers/announcements/jobfair.ts";
import { announcementsText as T } from "../../prompts/vi/announcements.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { formatDateTime, vnDate } from "../../bot/core/time.ts";

let h: Harness;
let units: Map<string, { id: number; path: string }>;

beforeAll(async () => {
  h = await Harness.create({ org: TEST_ORG });
  units = new Map((await h.s.prisma.unit.findMany()).map((u) => [u.code, u]));
}, 60_000);
afterAll(async () => h?.close());

/** `n` members straight in the database, spread over the commune's branches, on Telegram (numeric chat ids). */
async function seedMembers(n: number, codes: string[], base: number): Promise<{ personId: number; chatId: string }[]> {
  const p = h.s.prisma;
  const people = await p.person.createManyAndReturn({ data: Array.from({ length: n }, (_, i) => ({ displayName: `Đoàn viên ${base + i}` })), select: { id: true } });
  const rows = people.map((x, i) => ({ personId: x.id, chatId: String(base + i) }));
  await p.identity.createMany({ data: rows.map((r) => ({ channel: "telegram", externalId: r.chatId, chatId: r.chatId, personId: r.personId })) });
  await p.membership.createMany({ data: rows.map((r, i) => ({ personId: r.personId, unitId: units.get(codes[i % codes.length]!)!.id, role: "youth" })) });
  return rows;
}

/** Walk /thongbao to its confirmation: units, roles, topic and time by their buttons. */
async function compose(u: TestUser, text: string, picks: { unit?: number; roles?: string; topic?: string; at?: string } = {}) {
  const steps = [await h.send(u, `/thongbao ${text}`)];
  steps.push(await h.press(u, picks.unit ?? 1));
  steps.push(await h.press(u, picks.roles ?? T.allRoles));
  steps.push(await h.press(u, picks.topic ?? T.noTopic));
  steps.push(picks.at ? await h.send(u, picks.at) : await h.press(u, T.sendNow));
  return steps;
}

describe("/thongbao to a commune of 500 members, through the fake Telegram", () => {
  it("When a cadre confirms an announcement, then every member gets exactly one copy, a muted member none, and the sender the counts", async () => {
    const members = await seedMembers(500, ["CD-A1", "CD-A2", "XA-A"], 700_000);
    const cadre = h.user("Cán Bộ Xã A");
    await h.join(cadre, "cadre", "XA-A");
    const muted = h.user("Đoàn Viên Tắt Tin");
    await h.join(muted, "youth", "CD-A1");
    expect((await h.send(muted, "/tatthongbao")).map((m) => m.text)).toEqual([T.muted]);
    const elsewhere = await seedMembers(5, ["CD-B1"], 800_000);

    const text = "Chủ nhật 06/12 ra quân dọn vệ sinh bờ kè ấp 1, mỗi chi đoàn cử 10 đoàn viên.";
    const steps = await compose(cadre, text);
    expect(steps[0]![0]!.text).toContain("Bước 2/5");
    const confirm = steps[4]![0]!;
    // 500 members and the cadre; the muted member is not counted
    expect(confirm.text).toContain(`Số người nhận: ${(501).toLocaleString("vi-VN")}`);
    expect(confirm.text).toContain(text);
    // the sender is a member of the commune: their own copy comes first, then the answer
    const sent = await h.press(cadre, T.btnSend);
    const ann = await h.s.prisma.announcement.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(sent.map((m) => m.text).at(-1)).toBe(T.queued(ann.id, 501));
    // a second press of the used confirmation sends nothing more
    expect((await h.press(cadre, T.btnSend)).map((m) => m.text)).toEqual([T.flowLost]);

    const fake = await FakeTelegram.start({ globalPerSecond: 1000, perChatBurst: 3, perChatPerSecond: 1 });
    const tg = new TelegramChannel({ token: fake.token, apiRoot: fake.url, mode: "polling", ratePerSecond: 500, log: pino({ level: "silent" }), core: h.core, menus: MENUS });
    fake.block(members[7]!.chatId);
    const worker = new OutboxWorker(h.s.outbox, tg.sender(), h.s.log);
    worker.start();
    try {
      const copies = () => fake.sent.filter((m) => m.text.startsWith(T.kinds.announcement!) && m.text.includes(text));
      await waitFor(async () => (await h.s.prisma.outboxMessage.count({ where: { status: "pending" } })) === 0, { what: "the announcement delivered", timeoutMs: 30_000 });
      const perChat = new Map<string, number>();
      for (const m of copies()) perChat.set(m.chat_id, (perChat.get(m.chat_id) ?? 0) + 1);
      for (const m of members) if (m !== members[7]) expect(perChat.get(m.chatId), m.chatId).toBe(1);
      expect(perChat.get(cadre.id)).toBe(1);
      expect(perChat.has(members[7]!.chatId)).toBe(false);
      expect(perChat.has(muted.id)).toBe(false);
      for (const m of elsewhere) expect(perChat.has(m.chatId)).toBe(false);
      expect(copies().length).toBe(499 + 1);
      expect(fake.count429).toBe(0);
      // the message names the kind, the commune, and how to mute
      expect(copies()[0]!.text).toContain("Đoàn xã A");
      expect(copies()[0]!.text).toContain("/tatthongbao");

      // the sender's summary, once nothing is pending
      await h.advance(25_000);
      await waitFor(() => fake.messagesTo(cadre.id).some((m) => m.text.startsWith(`Kết quả thông báo #${ann.id}`)), { what: "the summary" });
      const summary = fake.messagesTo(cadre.id).find((m) => m.text.startsWith(`Kết quả thông báo #${ann.id}`))!;
      expect(summary.text).toBe(T.summary({ id: ann.id, recipients: 501, sent: 500, blocked: 1, failed: 0, pending: 0 }));
      const out = await h.send(cadre, `/ketquathongbao ${ann.id}`);
      expect(out[0]!.text).toContain("501 người nhận — đã gửi 500, bị chặn 1, lỗi 0, đang chờ gửi 0");
      // told once: a later pass of the scheduler sends no second summary
      await h.advance(120_000);
      expect(await h.s.prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: `annsum:${ann.id}` } } })).toBe(1);
    } finally {
      await worker.stop();
      await fake.close();
    }
  }, 60_000);
});

describe("topics, roles, units, time", () => {
  let cadre: TestUser;
  let follower: TestUser;
  let other: TestUser;
  let secretary: TestUser;
  beforeAll(async () => {
    cadre = h.user("Cán Bộ Tỉnh");
    await h.join(cadre, "cadre", "TINH");
    follower = h.user("Người Theo Dõi");
    await h.join(follower, "youth", "CD-B1");
    other = h.user("Người Không Theo Dõi");
    await h.join(other, "youth", "CD-B1");
    secretary = h.user("Bí Thư B1");
    await h.join(secretary, "secretary", "CD-B1");
    await h.join(secretary, "youth", "CD-B1");
  });
  const got = async (u: TestUser, words: string) => (await h.messages(u)).filter((m) => m.text.includes(words)).length;

  it("When a member follows a topic by button, by key and by number, then /theodoi lists it followed and /botheodoi stops it", async () => {
    const list = await h.send(follower, "/theodoi");
    expect(list[0]!.text).toContain("viec_lam");
    expect(list[0]!.buttons!.length).toBeGreaterThanOrEqual(11);
    const [followed] = await h.press(follower, "Việc làm");
    expect(followed!.text).toContain("Đã theo dõi chủ đề “Việc làm, nghề nghiệp”");
    expect((await h.send(follower, "/theodoi viec_lam"))[0]!.text).toContain("Bạn đang theo dõi");
    expect((await h.send(follower, "/theodoi 9"))[0]!.text).toContain("Đã theo dõi chủ đề “Tình nguyện");
    expect((await h.send(follower, "/theodoi"))[0]!.text).toMatch(/✅ Việc làm/);
    expect((await h.send(follower, "/botheodoi 9"))[0]!.text).toContain("Đã bỏ theo dõi");
    expect((await h.send(follower, "/theodoi <b>x</b>"))[0]!.text).toBe(T.bad.unknownTopic);
    expect((await h.send(other, "/botheodoi"))[0]!.text).toBe(T.followsNone);
    expect(await h.s.prisma.topicFollow.count({ where: { personId: await h.personId(follower) } })).toBe(1);
  });

  it("When an announcement names a topic, a role or several units, then only those members get it, each once", async () => {
    const [b1, xaB, a1] = ["CD-B1", "XA-B", "CD-A1"].map((c) => units.get(c)!.id);
    const jobs = await announce(h.s, { key: "t:topic", kind: "announcement", text: "Tin việc làm tháng 12", unitIds: [xaB!], topic: "viec_lam" });
    expect(jobs.recipients).toBe(1);
    expect(await got(follower, "Tin việc làm tháng 12")).toBe(1);
    expect(await got(other, "Tin việc làm tháng 12")).toBe(0);
    expect((await h.messages(follower)).find((m) => m.text.includes("Tin việc làm"))!.text).toContain("Chủ đề: Việc làm, nghề nghiệp");

    await announce(h.s, { key: "t:roles", kind: "announcement", text: "Họp bí thư chi đoàn", unitIds: [xaB!], roles: ["secretary"] });
    expect(await got(secretary, "Họp bí thư chi đoàn")).toBe(1);
    expect(await got(follower, "Họp bí thư chi đoàn")).toBe(0);

    // a unit and its own branch named together: still one copy
    const r = await announce(h.s, { key: "t:units", kind: "announcement", text: "Hai đơn vị một bản", unitIds: [xaB!, b1!, a1!] });
    expect(await got(secretary, "Hai đơn vị một bản")).toBe(1);
    // the same key again: nothing new
    const again = await announce(h.s, { key: "t:units", kind: "announcement", text: "Hai đơn vị một bản", unitIds: [xaB!, b1!, a1!] });
    expect(again).toMatchObject({ id: r.id, created: false, recipients: r.recipients });
    expect(await got(secretary, "Hai đơn vị một bản")).toBe(1);
  });

  it("When a cadre schedules an announcement, then nothing goes before its time and it goes once when the scheduler reaches it", async () => {
    const now = h.clock.now();
    const p = new Date(now.getTime() + 2 * 86_400_000);
    const at = vnDate(p.getUTCFullYear(), p.getUTCMonth() + 1, p.getUTCDate(), 20, 0);
    const when = `${String(p.getUTCDate()).padStart(2, "0")}/${String(p.getUTCMonth() + 1).padStart(2, "0")}/${p.getUTCFullYear()} 20:00`;
    const steps = await compose(cadre, "Thông báo hẹn giờ cho xã B", { unit: 1, at: when });
    expect(steps[4]![0]!.text).toContain(`Thời gian: ${formatDateTime(at)}`);
    const [done] = await h.press(cadre, T.btnSend);
    expect(done!.text).toContain("Đã hẹn gửi thông báo");
    expect(await got(other, "Thông báo hẹn giờ")).toBe(0);
    await h.advance(86_400_000);
    expect(await got(other, "Thông báo hẹn giờ")).toBe(0);
    await h.advance(2 * 86_400_000);
    expect(await got(other, "Thông báo hẹn giờ")).toBe(1);
    await h.advance(60_000);
    expect(await got(other, "Thông báo hẹn giờ")).toBe(1);
  });

  it("When the job fair's day comes near, then followers of jobs hear of it once that month", async () => {
    const tenth = vnDate(2026, 12, 10, 8, 0);
    h.clock.set(tenth);
    await jobFairTick(h.s, tenth);
    await jobFairTick(h.s, tenth);
    const fair = T.jobFair("12/12/2026");
    expect(await got(follower, fair)).toBe(1);
    expect(await got(other, fair)).toBe(0);
    // a tick caught up after the fair never announces it
    await jobFairTick(h.s, vnDate(2026, 11, 10, 8, 0));
    expect(await h.s.prisma.announcement.count({ where: { kind: "jobfair" } })).toBe(1);
  });

  it("When a member mutes, then a topic they follow reaches them no more until they unmute", async () => {
    const xaB = units.get("XA-B")!.id;
    await h.send(follower, "/tatthongbao");
    await announce(h.s, { key: "t:muted", kind: "campaign", text: "Chiến dịch khi tắt tin", unitIds: [xaB], topic: "viec_lam" });
    expect(await got(follower, "Chiến dịch khi tắt tin")).toBe(0);
    expect((await h.send(follower, "/batthongbao"))[0]!.text).toBe(T.unmuted);
    await announce(h.s, { key: "t:unmuted", kind: "campaign", text: "Chiến dịch khi bật tin", unitIds: [xaB], topic: "viec_lam" });
    expect(await got(follower, "Chiến dịch khi bật tin")).toBe(1);
  });
});

describe("bad input changes nothing", () => {
  it("When a youth, a unit outside the subtree, an over-long text or a past time is given, then a clear answer and nothing is sent", async () => {
    const before = await h.s.prisma.announcement.count();
    const youth = h.user("Đoàn Viên Thường");
    await h.join(youth, "youth", "CD-A1");
    expect((await h.send(youth, "/thongbao Xin chào"))[0]!.text).toContain(coreText.notAllowed("").split(" ").slice(0, 4).join(" "));
    const cadre = h.user("Cán Bộ Xã A Hai");
    await h.join(cadre, "cadre", "XA-A");
    expect((await h.send(cadre, `/thongbao ${"x".repeat(3600)}`))[0]!.text).toBe(T.bad.text(3500));
    await h.send(cadre, "/thongbao Nội dung hợp lệ");
    expect((await h.send(cadre, "XA-B"))[0]!.text).toBe(T.bad.notInSubtree("XA-B"));
    expect((await h.send(cadre, "KHONG-CO"))[0]!.text).toBe(T.bad.unknownUnit("KHONG-CO"));
    await h.send(cadre, "CD-A1");
    expect((await h.send(cadre, "bithu"))[0]!.text).toBe(T.bad.roles);
    await h.send(cadre, "-");
    expect((await h.send(cadre, "khong_co_chu_de"))[0]!.text).toContain("Không có chủ đề này");
    await h.send(cadre, "-");
    expect((await h.send(cadre, "01/01/2020 08:00"))[0]!.text).toBe(T.bad.when(60));
    expect((await h.send(cadre, "/huy"))[0]!.text).toBe(coreText.cancelled);
    expect(await h.s.prisma.announcement.count()).toBe(before);
  });

  it("When a cadre on Zalo answers each step with its number, then the announcement is confirmed and queued", async () => {
    const cadre = h.user("Cán Bộ Zalo", "zalo");
    await h.join(cadre, "cadre", "XA-B");
    const first = await h.send(cadre, "/thongbao Thông báo gửi từ Zalo");
    expect(first[0]!.text).toMatch(/1\. Đoàn xã B/);
    await h.send(cadre, "1");
    await h.send(cadre, "1");
    await h.send(cadre, "1");
    const [confirm] = await h.send(cadre, "1");
    expect(confirm!.text).toContain("Số người nhận");
    expect(confirm!.text).toContain(`1. ${T.btnSend}`);
    const done = await h.send(cadre, "1");
    expect(done.map((m) => m.text).at(-1)).toContain("Đã xếp thông báo");
  });
});
