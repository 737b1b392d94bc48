import { describe, expect, it } from "vitest";
import { FakeTelegram } from "../fakes/telegram.ts";
import { BotProcess, runCli } from "../helpers/process.ts";
import { freshDatabaseUrl } from "../helpers/db.ts";
import { waitFor } from "../helpers/wait.ts";
import { openDatabase } from "../../prisma/db.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { botDatabase, botEnv } from "./crash-drill.ts";

/** Milliseconds from a user's message to the bot's reply (the first message to the chat after it). */
function latency(fake: FakeTelegram, chatId: number, sentAt: number): number {
  const reply = fake.messagesTo(chatId).find((m) => m.at >= sentAt);
  return reply ? reply.at - sentAt : Infinity;
}

describe("Outbox under a stalled chat and a broadcast (real bot process, strict fake Telegram)", () => {
  it("When one chat's sends hang for 60 s, then the other chats are answered meanwhile with their usual latency, and the stalled chat keeps its order", async () => {
    const fake = await FakeTelegram.start({ globalPerSecond: 35 });
    const db = await botDatabase("sqlite");
    let bot: BotProcess | null = null;
    try {
      bot = await BotProcess.start(botEnv(fake, db.url));
      const slow = { id: 720_000, first_name: "Chậm" };
      fake.hang(slow.id, 60_000);
      fake.sendText(slow, "/m1");
      fake.sendText(slow, "/m2");
      await waitFor(() => fake.hanging === 1, { what: "the stalled send held" });
      const others = Array.from({ length: 10 }, (_, i) => ({ id: 720_001 + i, first_name: `Người ${i}` }));
      const sentAt = new Map<number, number>();
      for (const u of others) {
        sentAt.set(u.id, Date.now());
        fake.sendText(u, "/trogiup");
      }
      await waitFor(() => others.every((u) => fake.messagesTo(u.id).length === 1), { timeoutMs: 20_000, what: "the other chats answered" });
      // answered while the stalled send is still held, each within the usual time
      expect(fake.hanging).toBe(1);
      expect(fake.messagesTo(slow.id)).toEqual([]);
      for (const u of others) expect(latency(fake, u.id, sentAt.get(u.id)!)).toBeLessThan(2_000);
      fake.unhang(slow.id);
      await waitFor(() => fake.messagesTo(slow.id).length >= 2, { what: "the stalled chat's replies" });
      expect(fake.messagesTo(slow.id).map((m) => m.text)).toEqual([coreText.unknownCommand("m1"), coreText.unknownCommand("m2")]);
    } finally {
      await bot?.stop();
      await fake.close();
      await db.drop();
    }
  }, 90_000);

  it("When a broadcast of 1,000 is going out, then a member who writes in (a recipient too) is answered within 2 s", async () => {
    const N = 1000;
    const fake = await FakeTelegram.start({ globalPerSecond: 35 });
    const db = await freshDatabaseUrl("sqlite", "org");
    let bot: BotProcess | null = null;
    try {
      const conn = await openDatabase(db.url);
      const unit = await conn.prisma.unit.findUniqueOrThrow({ where: { code: "CD-B1" } });
      await conn.prisma.$transaction(async (tx) => {
        for (let j = 0; j < N; j++) {
          const p = await tx.person.create({ data: { displayName: `Đoàn viên ${j}` } });
          await tx.identity.create({ data: { channel: "telegram", externalId: String(730_000 + j), chatId: String(730_000 + j), personId: p.id } });
          await tx.membership.create({ data: { personId: p.id, unitId: unit.id, role: "youth" } });
        }
      });
      await conn.close();
      const env = botEnv(fake, db.url);
      const queued = await runCli(["broadcast", "--unit", "CD-B1", "--text", "Thông báo: họp chi đoàn tối thứ Bảy.", "--key", "lanes"], env);
      expect(queued.code).toBe(0);
      expect(JSON.parse(queued.stdout.trim().split("\n").pop()!)).toMatchObject({ recipients: N, queued: N });
      bot = await BotProcess.start(env);
      await waitFor(() => fake.sent.length >= 100, { timeoutMs: 30_000, what: "the broadcast under way" });
      // the last recipient in line writes in: the reply follows their broadcast row, both ahead of the rest
      const member = { id: 730_000 + N - 1, first_name: "Đoàn viên" };
      const at = Date.now();
      fake.sendText(member, "/trogiup");
      await waitFor(() => fake.messagesTo(member.id).length >= 2, { timeoutMs: 10_000, what: "the member's reply" });
      const texts = fake.messagesTo(member.id).map((m) => m.text);
      expect(texts[0]).toContain("họp chi đoàn");
      expect(texts[1]).toContain("/trogiup");
      expect(fake.messagesTo(member.id)[1]!.at - at).toBeLessThan(2_000);
      // the broadcast was still going out
      expect(fake.sent.length).toBeLessThan(N);
      expect(fake.count429).toBeLessThanOrEqual(5);
    } finally {
      await bot?.stop();
      await fake.close();
      await db.drop();
    }
  }, 120_000);
});
