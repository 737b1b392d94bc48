import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { App } from "../../bot/app/app.ts";
import { loadConfig } from "../../bot/app/config.ts";
import { JumpClock } from "../helpers/channel-cast.ts";
import { randomUUID } from "node:crypto";
import { createInvite } from "../../handlers/onboarding/invites.ts";
import { issueWebCode } from "../../handlers/onboarding/api.ts";
import { dialogueText as D } from "../../prompts/vi/dialogue.ts";
import { TopicClassifier } from "../../handlers/dialogue/nlp/classifier.ts";
import { FakeTelegram } from "../fakes/telegram.ts";
import { FakeZalo } from "../fakes/zalo.ts";
import { freshDatabaseUrl } from "../helpers/db.ts";
import { seedMember } from "../helpers/cast.ts";
import { type ChannelUser, type Driver, TelegramDriver, WebDriver, ZaloDriver, waitForMessage } from "./drivers.ts";

const CHANNELS = ["telegram", "zalo", "web"] as const;

/**
 * The same user stories through each channel's real interface: the bot runs in-process with
 * every part real (database, router, outbox workers, scheduler, channel adapters over HTTP),
 * against the strict fake Telegram and Zalo APIs, and the web chat's HTTP API.
 */
describe.each(CHANNELS)("Scenario suite on %s", (channel) => {
  let app: App;
  let d: Driver;
  let clock: JumpClock;
  let tg: FakeTelegram | null = null;
  let zalo: FakeZalo | null = null;
  let db: { url: string; drop: () => Promise<void> };
  const people: Record<string, ChannelUser> = {};
  const count = async (u: ChannelUser) => (await d.messages(u)).length;

  /** Send and wait for the next message that satisfies pred. */
  async function say(u: ChannelUser, text: string, pred: (t: string) => boolean) {
    const before = await count(u);
    await d.send(u, text);
    return (await waitForMessage(d, u, (m) => pred(m.text), before)).text;
  }

  async function tick(at: Date): Promise<void> {
    clock.jumpTo(at);
    await app.scheduler!.tick();
  }

  beforeAll(async () => {
    // Run from source there is no build-time model: the classifier is trained at the first
    // question (seconds on a loaded machine), which belongs to the start (test/e2e/start.test.ts
    // times the compiled bot's first question), not to the first scenario's wait.
    TopicClassifier.default();
    // Monday 30/11/2026, 09:00 Vietnam time
    clock = new JumpClock(new Date("2026-11-30T02:00:00Z"));
    db = await freshDatabaseUrl(undefined, "org");
    // anonymous questions at once (batches are tested in test/integration/anonymity-batches.test.ts); a key for PostgreSQL
    const env: Record<string, string> = { DATABASE_URL: db.url, LOG_LEVEL: process.env.TEST_LOG ?? "silent", WEB_PORT: "0", DEMO: "off", ANON_BATCH_MINUTES: "0", APP_SECRET: "scenario-secret-0123456789" };
    if (channel === "telegram") {
      tg = await FakeTelegram.start();
      Object.assign(env, { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.url, WEB_CHAT: "off" });
    } else if (channel === "zalo") {
      zalo = await FakeZalo.start();
      Object.assign(env, { ZALO_BOT_TOKEN: zalo.token, ZALO_API_BASE: zalo.url, ZALO_POLL_TIMEOUT: "2", WEB_CHAT: "off" });
    } else {
      env.WEB_CHAT = "on";
    }
    const config = loadConfig(env as NodeJS.ProcessEnv);
    app = await new App({ config, log: pino({ level: config.LOG_LEVEL }), clock }).start();
    // outside the demo the web chat signs in only with a code: each web user is a person given a `/web` code
    const mint = async (name: string, userId?: string) =>
      issueWebCode(app.s, await seedMember(app.s.prisma, { channel: "web", id: userId ?? `w-${randomUUID()}`, name }, []));
    d = tg ? new TelegramDriver(tg) : zalo ? new ZaloDriver(zalo) : new WebDriver(`http://127.0.0.1:${app.webPort}`, mint);

    // the youth joins through /start with an invite on each channel; the others are seeded
    // as /start would leave them (test/helpers/cast.ts)
    const cast = [
      ["youth", "youth", "CD-A1", undefined],
      ["youth2", "youth", "CD-A1", undefined],
      ["youth3", "youth", "CD-A2", undefined],
      ["secretary", "secretary", "CD-A1", undefined],
      ["cadre", "cadre", "XA-A", "Phó Bí thư Đoàn xã A"],
      ["province", "cadre", "TINH", "Bí thư Tỉnh đoàn"],
    ] as const;
    for (const [key, role, unitCode, title] of cast) {
      const u = await d.user(`Người ${key}`);
      people[key] = u;
      if (key === "youth") {
        const { code } = await createInvite(app.s.prisma, { role, unitCode });
        const welcome = await say(u, `/start ${code}`, (t) => t.includes("Chi đoàn A1"));
        expect(welcome).toContain("đoàn viên");
      } else {
        await seedMember(app.s.prisma, { channel, id: u.id, name: u.name }, [{ role, unitCode, title }]);
      }
    }
  }, 120_000);

  afterAll(async () => {
    if (d instanceof WebDriver) d.close();
    await app?.stop();
    await tg?.close();
    await zalo?.close();
    await db?.drop();
  });

  it("When a youth asks, then the right cadre gets it, answers, the asker receives the signed answer and rates it", async () => {
    const { youth, cadre, province } = people as Record<string, ChannelUser>;
    const sent = await say(youth!, "/hoi Thanh niên ở xã muốn vay vốn khởi nghiệp nuôi bò thì cần thủ tục gì ạ?", (t) => t.includes("Đã gửi câu hỏi số"));
    const id = Number(/số (\d+)/.exec(sent)![1]);
    const note = await waitForMessage(d, cadre!, (m) => m.text.includes(`#${id}`));
    expect(note.text).toContain("Người youth");
    expect((await d.messages(province!)).some((m) => m.text.includes(`#${id}`))).toBe(false);

    const before = await count(youth!);
    await say(cadre!, `/traloi ${id} Bạn liên hệ Tổ tiết kiệm và vay vốn của xã, mang theo CCCD.`, (t) => t.includes(`${id}`));
    const answer = await waitForMessage(d, youth!, (m) => m.text.includes("Tổ tiết kiệm"), before);
    expect(answer.text).toContain("Phó Bí thư Đoàn xã A");
    const b2 = await count(youth!);
    await d.choose(youth!, "Hữu ích");
    expect((await waitForMessage(d, youth!, () => true, b2)).text).toBe(D.rateThanks);
  });

  it("When a youth asks anonymously, then the cadre never sees who asked, yet the answer comes back", async () => {
    const { youth2, cadre } = people as Record<string, ChannelUser>;
    const before = await count(cadre!);
    await say(youth2!, "/hoian Đoàn phí hằng tháng của đoàn viên là bao nhiêu tiền và nộp cho ai?", (t) => t.includes("ẩn danh"));
    const note = await waitForMessage(d, cadre!, (m) => m.text.includes("Đoàn phí"), before);
    expect(note.text).toContain(D.anonymous);
    expect(note.text).not.toContain("Người youth2");
    // an anonymous question is named by a random reference (A123456), never its sequential id
    const id = /#(A\d{6})/.exec(note.text)![1];
    const queue = await say(cadre!, "/hangdoi", (t) => t.includes(`#${id}`));
    expect(queue).not.toContain("Người youth2");
    const b = await count(youth2!);
    await d.send(cadre!, `/traloi ${id} Mức đoàn phí theo quy định, nộp cho bí thư chi đoàn.`);
    await waitForMessage(d, youth2!, (m) => m.text.includes("nộp cho bí thư chi đoàn"), b);
  });

  it("When another youth asks the same thing, then they can join it and receive the same answer", async () => {
    const { youth, youth3, cadre } = people as Record<string, ChannelUser>;
    const sent = await say(youth!, "/hoi Làm thế nào để đăng ký tham gia chiến dịch Mùa hè xanh năm nay ạ?", (t) => t.includes("Đã gửi câu hỏi số"));
    const id = Number(/số (\d+)/.exec(sent)![1]);
    await say(youth3!, "/hoi Làm sao để đăng ký tham gia chiến dịch Mùa hè xanh năm nay?", (t) => t.includes(D.similarHeader));
    const b = await count(youth3!);
    await d.choose(youth3!, "Tôi cũng hỏi vậy");
    expect((await waitForMessage(d, youth3!, () => true, b)).text).toBe(D.meTooJoined(id));
    const b3 = await count(youth3!);
    await d.send(cadre!, `/traloi ${id} Các bạn đăng ký với bí thư chi đoàn trước ngày 15/6.`);
    await waitForMessage(d, youth3!, (m) => m.text.includes("trước ngày 15/6"), b3);
  });

  it("When the deadline passes without an answer, then the question escalates to the province and the asker is told", async () => {
    const { youth2, province } = people as Record<string, ChannelUser>;
    const sent = await say(youth2!, "/hoi Xã mình có kế hoạch làm sân bóng mini cho thanh niên không ạ?", (t) => t.includes("Đã gửi câu hỏi số"));
    const id = Number(/số (\d+)/.exec(sent)![1]);
    const b = await count(youth2!);
    // three working days later (Thursday 03/12 09:00) plus a little
    await tick(new Date("2026-12-03T02:10:00Z"));
    await waitForMessage(d, province!, (m) => m.text.includes(`#${id}`));
    const late = await waitForMessage(d, youth2!, (m) => m.text.includes(`${id}`), b);
    expect(late.text).toContain("Tỉnh đoàn Thử Nghiệm");
  });

  it("When the 1st of the month comes, then the secretary gets the guide once and confirms the meeting", async () => {
    const { secretary, cadre } = people as Record<string, ChannelUser>;
    await say(cadre!, "/ghichu 2027-01 Các chi đoàn đăng ký đội hình hiến máu trước ngày 15/01.", (t) => t.length > 0);
    const b = await count(secretary!);
    await tick(new Date("2027-01-01T00:35:00Z")); // 07:35 Vietnam time
    await waitForMessage(d, secretary!, (m) => m.text.includes("hiến máu trước ngày 15/01"), b);
    await tick(new Date("2027-01-01T01:00:00Z"));
    // on Zalo a long guide arrives in several parts of at most 2,000 characters
    const texts = (await d.messages(secretary!)).slice(b).map((m) => m.text);
    expect(texts.join("\n")).toContain("01/2027");
    expect(texts.filter((t) => t.includes("hiến máu trước ngày 15/01"))).toHaveLength(1);
    expect(await say(secretary!, "/dasinhhoat 18 Sinh hoạt chủ đề đầu năm", (t) => t.includes("18"))).toContain("Chi đoàn A1");
  });

  it("When a cadre gives a task, then the secretary is reminded on the planned day and marks it done", async () => {
    const { secretary, cadre } = people as Record<string, ChannelUser>;
    const b = await count(secretary!);
    const created = await say(cadre!, "/giaoviec 15/01/2027 | Báo cáo tổng kết năm | Gửi file qua email | CD-A1", (t) => t.includes("Báo cáo tổng kết năm"));
    const id = Number(/#(\d+)/.exec(created)?.[1] ?? /số (\d+)/.exec(created)?.[1]);
    expect(Number.isInteger(id)).toBe(true);
    await waitForMessage(d, secretary!, (m) => m.text.includes("Báo cáo tổng kết năm"), b);
    const b2 = await count(secretary!);
    await tick(new Date("2027-01-08T01:05:00Z")); // 08:05 on 08/01, seven days before
    await waitForMessage(d, secretary!, (m) => m.text.includes("Báo cáo tổng kết năm") && m.text.includes("15/01/2027"), b2);
    expect(await say(secretary!, `/hoanthanh ${id} https://drive.example.vn/baocao`, (t) => t.includes(`${id}`))).toBeTruthy();
    const row = await app.s.prisma.taskAssignment.findFirstOrThrow({ where: { taskId: id } });
    expect(row.doneAt).not.toBeNull();
  });

  it("When a campaign opens, then a youth lists it, signs up and is reminded the day before", async () => {
    const { youth, cadre } = people as Record<string, ChannelUser>;
    const created = await say(
      cadre!,
      "/taochiendich Chủ nhật xanh | 17/01/2027 07:00 | 17/01/2027 11:00 | Bờ kè ấp 1 | 30 | 15/01/2027 | XA-A",
      (t) => t.includes("Chủ nhật xanh"),
    );
    if (!/Đã tạo chiến dịch/.test(created)) {
      const b0 = await count(cadre!);
      await d.choose(cadre!, "Tạo chiến dịch");
      await waitForMessage(d, cadre!, (m) => m.text.includes("Đã tạo chiến dịch"), b0);
    }
    const campaign = await app.s.prisma.campaign.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(await say(youth!, "/tinhnguyen", (t) => t.includes("Chủ nhật xanh"))).toContain(`${campaign.id}`);
    await say(youth!, `/dangky ${campaign.id}`, (t) => t.includes("Chủ nhật xanh"));
    expect(await app.s.prisma.signup.count({ where: { campaignId: campaign.id, status: "confirmed" } })).toBe(1);
    const b = await count(youth!);
    await tick(new Date("2027-01-16T00:05:00Z")); // 24 hours before the start
    await waitForMessage(d, youth!, (m) => m.text.includes("Chủ nhật xanh"), b);
  });
});
