import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeTelegram } from "../fakes/telegram.ts";
import { BotProcess, runCli } from "../helpers/process.ts";
import { freshDatabaseUrl } from "../helpers/db.ts";
import { waitFor } from "../helpers/wait.ts";
import { openDatabase, type Database } from "../../prisma/db.ts";
import { parseOrgFile } from "../../bot/domain/org.ts";
import { importOrg } from "../../bot/app/org-import.ts";
import { TEST_ORG } from "../helpers/harness.ts";
import { coreText } from "../../prompts/vi/core.ts";

const INVITES = `
invites:
  - { code: E2E-BITHU, role: secretary, unit: CD-A1 }
  - { code: E2E-DOANVIEN, role: youth, unit: CD-A2 }
`;

/** A migrated SQLite database (a copy of the run's template) with TEST_ORG and the invites. */
async function seeded(): Promise<{ url: string; drop: () => Promise<void> }> {
  const fresh = await freshDatabaseUrl("sqlite");
  const db = await openDatabase(fresh.url);
  await importOrg(db.prisma, parseOrgFile(TEST_ORG + INVITES, "org.yaml"));
  await db.close();
  return fresh;
}

/**
 * Wait until the bot process has handled every one of these Telegram updates and delivered
 * every reply it queued to the chat: after that, nothing more can arrive for it.
 */
async function settled(db: Database, updateIds: number[], chatId: number): Promise<void> {
  const keys = updateIds.map(String);
  await waitFor(
    async () =>
      (await db.prisma.inboundUpdate.count({ where: { channel: "telegram", updateKey: { in: keys }, status: { not: "pending" } } })) === keys.length &&
      (await db.prisma.outboxMessage.count({ where: { channel: "telegram", chatId: String(chatId), status: "pending" } })) === 0,
    { timeoutMs: 30_000, what: `updates ${keys[0]}… handled and their replies sent` },
  );
}

describe("Telegram end to end (real bot process, strict fake Bot API)", () => {
  let fake: FakeTelegram;
  let bot: BotProcess;
  let db: { url: string; drop: () => Promise<void> };
  let read: Database;

  beforeAll(async () => {
    fake = await FakeTelegram.start();
    db = await seeded();
    // a low flood limit: the replies a flooder gets before the notice go out at Telegram's
    // one message per second per chat, so the default 20 would take 20 s to show the notice
    bot = await BotProcess.start({ DATABASE_URL: db.url, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url, FLOOD_MAX_MESSAGES: "5" });
    read = await openDatabase(db.url);
  });
  afterAll(async () => {
    await read?.close();
    await bot?.stop();
    await fake?.close();
    await db?.drop();
  });

  it("When a user sends /start with an invite, then they join the right unit with the right role", async () => {
    const from = { id: 5001, first_name: "Hoa" };
    fake.sendText(from, "/start E2E-BITHU");
    await fake.waitFor(() => fake.messagesTo(5001).length >= 1);
    const reply = fake.messagesTo(5001)[0]!;
    expect(reply.text).toContain("Chi đoàn A1");
    expect(reply.text).toContain("bí thư chi đoàn");
    const ident = await read.prisma.identity.findUniqueOrThrow({ where: { channel_externalId: { channel: "telegram", externalId: "5001" } } });
    const ms = await read.prisma.membership.findMany({ where: { personId: ident.personId } });
    expect(ms.map((m) => m.role)).toEqual(["secretary"]);
  });

  it("When a newcomer presses buttons to walk the unit tree, then the callback data fits 64 bytes and joining works", async () => {
    const from = { id: 5002, first_name: "Minh" };
    fake.sendText(from, "/start");
    await fake.waitFor(() => fake.messagesTo(5002).length >= 1);
    const first = fake.messagesTo(5002)[0]!;
    const kb = (first.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard;
    fake.pressButton(from, first.message_id, kb[0]![0]!.callback_data);
    await fake.waitFor(() => fake.messagesTo(5002).length >= 2);
    expect(fake.messagesTo(5002)[1]!.text).toContain("Tỉnh đoàn Thử Nghiệm");
  });

  it("When a message holds <script> or 5,000 characters, then the answer is clear and the bot keeps working", async () => {
    const from = { id: 5003, first_name: "<b>Tý</b>" };
    fake.sendText(from, "<script>alert('x')</script>");
    fake.sendText(from, "a".repeat(5000));
    fake.sendText(from, "/trogiup");
    await fake.waitFor(() => fake.messagesTo(5003).length >= 3);
    const texts = fake.messagesTo(5003).map((m) => m.text);
    expect(texts[0]).toContain("/start");
    expect(texts[1]).toBe(coreText.tooLong(4096));
    expect(texts[2]).toContain("/trogiup");
    expect(texts[2]).toContain("<b>Tý</b>");
    expect(fake.calls.filter((c) => c.method === "sendMessage" && c.status === 400)).toHaveLength(0);
  });

  it("When one user sends 200 messages in 10 seconds, then they are slowed down politely", async () => {
    const from = { id: 5004, first_name: "Nhanh" };
    const ids: number[] = [];
    for (let i = 0; i < 200; i++) ids.push(fake.sendText(from, `/trogiup`));
    await fake.waitFor(() => fake.messagesTo(5004).some((m) => m.text === coreText.flood), 20_000);
    await settled(read, ids, 5004);
    expect(await read.prisma.inboundUpdate.count({ where: { updateKey: { in: ids.map(String) }, status: "throttled" } })).toBeGreaterThan(100);
    const texts = fake.messagesTo(5004).map((m) => m.text);
    expect(texts.filter((t) => t === coreText.flood).length).toBeGreaterThanOrEqual(1);
    expect(texts.length).toBeLessThan(60);
    expect(fake.count429).toBeLessThanOrEqual(5);
  });
});

describe("Telegram webhook", () => {
  let fake: FakeTelegram;
  let bot: BotProcess;
  let db: { url: string; drop: () => Promise<void> };
  let read: Database;
  let port = 0;
  const secret = "e2e-webhook-secret_123";

  beforeAll(async () => {
    fake = await FakeTelegram.start();
    db = await seeded();
    bot = await BotProcess.start({
      DATABASE_URL: db.url,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.url,
      BOT_MODE: "webhook",
      PUBLIC_URL: "https://bot.doan.example.vn",
      TELEGRAM_WEBHOOK_SECRET: secret,
      PORT: "0",
      HOST: "127.0.0.1",
    });
    port = Number((await bot.waitForLog((l) => l.msg === "webhook server ready")).port);
    read = await openDatabase(db.url);
  });
  afterAll(async () => {
    await read?.close();
    await bot?.stop();
    await fake?.close();
    await db?.drop();
  });

  const update = (id: number, text: string, chat = 6001) => ({
    update_id: id,
    message: { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: "private", first_name: "Web" }, from: { id: chat, is_bot: false, first_name: "Web" }, text },
  });
  const post = (body: unknown, headers: Record<string, string>) =>
    fetch(`http://127.0.0.1:${port}/telegram`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  it("When the bot starts in webhook mode, then it registers the webhook with the secret", () => {
    expect(fake.webhook?.url).toBe("https://bot.doan.example.vn/telegram");
    expect(fake.webhook?.secret_token).toBe(secret);
  });

  it("When a webhook call has no or a wrong secret, then it gets 401 and nothing is processed", async () => {
    expect((await post(update(1, "/trogiup"), {})).status).toBe(401);
    expect((await post(update(2, "/trogiup"), { "x-telegram-bot-api-secret-token": "wrong-secret" })).status).toBe(401);
    // a good call after them is answered alone: the refused ones left nothing behind
    expect((await post(update(9, "/trogiup"), { "x-telegram-bot-api-secret-token": secret })).status).toBe(200);
    await settled(read, [9], 6001);
    expect(fake.messagesTo(6001)).toHaveLength(1);
    expect(await read.prisma.inboundUpdate.count({ where: { updateKey: { in: ["1", "2"] } } })).toBe(0);
  });

  it("When the right secret comes with an update twice, then it is answered 200 and handled once", async () => {
    const h = { "x-telegram-bot-api-secret-token": secret };
    expect((await post(update(3, "/trogiup", 6002), h)).status).toBe(200);
    expect((await post(update(3, "/trogiup", 6002), h)).status).toBe(200);
    await fake.waitFor(() => fake.messagesTo(6002).length >= 1);
    await settled(read, [3], 6002);
    expect(fake.messagesTo(6002)).toHaveLength(1);
  });
});

describe("Crash safety of the outbox", () => {
  it("When a broadcast of 200 messages is killed part way and restarted, then every recipient gets it, at most one extra copy per chat, and nothing is edited", async () => {
    const N = 200;
    // the bot sends at its highest allowed rate; the fake allows more, so a 429 means a real fault
    const fake = await FakeTelegram.start({ globalPerSecond: 40 });
    const db = await seeded();
    let read: Database | null = null;
    try {
      const conn = await openDatabase(db.url);
      const unit = await conn.prisma.unit.findUniqueOrThrow({ where: { code: "CD-B1" } });
      await conn.prisma.$transaction(async (tx) => {
        for (let j = 0; j < N; j++) {
          const p = await tx.person.create({ data: { displayName: `Đoàn viên ${j}` } });
          await tx.identity.create({ data: { channel: "telegram", externalId: String(100000 + j), chatId: String(100000 + j), personId: p.id } });
          await tx.membership.create({ data: { personId: p.id, unitId: unit.id, role: "youth" } });
        }
      });
      await conn.close();
      const env = { DATABASE_URL: db.url, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url, TELEGRAM_RATE_PER_SECOND: "30", APP_SECRET: "e2e-app-secret-0123456789" };
      const queued = await runCli(["broadcast", "--unit", "CD-B1", "--text", "Thông báo: họp chi đoàn tối thứ Bảy.", "--key", "crash"], env);
      expect(queued.code).toBe(0);
      expect(JSON.parse(queued.stdout.trim().split("\n").pop()!)).toMatchObject({ recipients: N, queued: N });

      let bot = await BotProcess.start(env);
      await waitFor(() => fake.sent.length >= N * 0.4, { timeoutMs: 60_000, what: "40% of the broadcast" });
      await bot.kill();
      expect(fake.sent.length).toBeLessThan(N);
      // the killed instance's claims (the sends in flight) are released by the next sender: no lease to wait out by hand
      bot = await BotProcess.start(env);
      read = await openDatabase(db.url);
      await waitFor(() => new Set(fake.sent.map((m) => m.chat_id)).size >= N, { timeoutMs: 60_000, what: "the whole broadcast" });
      // every row settled: nothing more can be sent
      await waitFor(async () => (await read!.prisma.outboxMessage.count({ where: { status: "pending" } })) === 0, { what: "an empty outbox" });
      await bot.stop();
      const perChat = new Map<string, number>();
      for (const m of fake.sent) perChat.set(String(m.chat_id), (perChat.get(String(m.chat_id)) ?? 0) + 1);
      expect(perChat.size).toBe(N);
      expect([...perChat.values()].filter((n) => n > 2)).toEqual([]);
      expect(await read.prisma.outboxMessage.count({ where: { status: "sent" } })).toBe(N);
      expect(fake.calls.filter((c) => c.method === "editMessageText" || c.method === "deleteMessage")).toEqual([]);
      expect(fake.count429).toBeLessThanOrEqual(5);
    } finally {
      await read?.close();
      await fake.close();
      await db.drop();
    }
  }, 180_000);
});
