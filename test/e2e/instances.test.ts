import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeTelegram } from "../fakes/telegram.ts";
import { BotProcess, runCli } from "../helpers/process.ts";
import { freshDatabaseUrl, type FreshDatabase } from "../helpers/db.ts";
import { LoadBalancer } from "../helpers/balancer.ts";
import { waitFor } from "../helpers/wait.ts";
import { openDatabase, type Database } from "../../prisma/db.ts";
import { coreText } from "../../prompts/vi/core.ts";

const SECRET = "instances-webhook-secret_42";
const USERS = 20;
const PER_USER = 4;
const BROADCAST = 2000;
/** Ticks of the features, marked as run up to now: a fresh database would otherwise catch up a whole day first. */
const TICKS = ["tick:guides:dispatch", "tick:guides:reminder", "tick:dialogue:deadlines", "tick:dialogue:anonymous-batches", "tick:core:retention"];
const SECRETARIES = [
  { id: 8801, unit: "CD-A1" },
  { id: 8802, unit: "CD-A2" },
  { id: 8803, unit: "CD-B1" },
];

/** One "cron tick ran" log line: which occurrences of a tick one instance ran in one pass. */
interface TickLine {
  proc: number;
  tick: string;
  first: number;
  last: number;
  time: number;
}

/**
 * Three bot processes on one PostgreSQL database in webhook mode for Telegram, behind a small
 * round-robin load balancer, one of them killed with SIGKILL in the middle of the work.
 */
describe("Several instances on one PostgreSQL (webhook mode behind a load balancer)", () => {
  let fake: FakeTelegram;
  let db: FreshDatabase;
  let read: Database;
  let lb: LoadBalancer;
  const bots: BotProcess[] = [];
  let env: Record<string, string> = {};

  const startBot = async () => {
    const b = await BotProcess.start(env);
    bots.push(b);
    return b;
  };
  const instanceOf = (b: BotProcess) => String(b.logs.find((l) => l.msg === "bot started")?.instance);
  const holder = async (lease: string) => (await read.prisma.lease.findUnique({ where: { name: lease } }))?.owner;

  beforeAll(async () => {
    // a bot with paid broadcasts (up to 1,000/s): the shared limit is what is tested, not its size
    fake = await FakeTelegram.start({ globalPerSecond: 130 });
    db = await freshDatabaseUrl("postgresql", "org");
    read = await openDatabase(db.url);
    const p = read.prisma;
    const units = new Map((await p.unit.findMany()).map((u) => [u.code, u.id]));
    for (const s of SECRETARIES) {
      const person = await p.person.create({ data: { displayName: `Bí thư ${s.unit}` } });
      await p.identity.create({ data: { channel: "telegram", externalId: String(s.id), chatId: String(s.id), personId: person.id } });
      await p.membership.create({ data: { personId: person.id, unitId: units.get(s.unit)!, role: "secretary" } });
    }
    // the members a broadcast reaches (set-based: this is set-up, not what is tested)
    const people = await p.person.createManyAndReturn({ data: Array.from({ length: BROADCAST }, (_, j) => ({ displayName: `Đoàn viên ${j}` })), select: { id: true } });
    await p.identity.createMany({ data: people.map((x, j) => ({ channel: "telegram", externalId: String(200000 + j), chatId: String(200000 + j), personId: x.id })) });
    await p.membership.createMany({ data: people.map((x) => ({ personId: x.id, unitId: units.get("CD-A2")!, role: "youth" })) });
    const now = new Date().toISOString();
    for (const key of TICKS) await p.setting.upsert({ where: { key }, create: { key, value: now }, update: { value: now } });

    env = {
      DATABASE_URL: db.url,
      APP_SECRET: "instances-test-app-secret-0123456789",
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_RATE_PER_SECOND: "100",
      BOT_MODE: "webhook",
      PUBLIC_URL: "https://bot.doan.example.vn",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      PORT: "0",
      HOST: "127.0.0.1",
      // a guide dispatch tick every 2 seconds: leader-only ticks are seen at work
      GUIDE_CRON: "*/2 * * * * *",
    };
    // one after the other: three processes starting at once on two cores are slower than in turn
    for (let i = 0; i < 3; i++) await startBot();
    const ports = bots.map((b) => Number(b.logs.find((l) => l.msg === "webhook server ready")?.port));
    lb = await LoadBalancer.start(ports);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await lb?.close();
    await read?.close();
    await fake?.close();
    await db?.drop();
  });

  /** Telegram's side of a webhook: post the update, and post it again until it is answered 200. */
  let nextUpdate = 500_000;
  async function deliver(chat: number, text: string): Promise<void> {
    const update_id = nextUpdate++;
    const body = JSON.stringify({
      update_id,
      message: { message_id: update_id, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: "private", first_name: "Lan" }, from: { id: chat, is_bot: false, first_name: "Lan" }, text },
    });
    for (let attempt = 0; ; attempt++) {
      const r = await fetch(`${lb.url}/telegram`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body }).catch(() => null);
      if (r?.status === 200) return;
      await new Promise((res) => setTimeout(res, 100 * Math.min(attempt + 1, 10)));
    }
  }

  function tickLines(): TickLine[] {
    const out: TickLine[] = [];
    bots.forEach((b, proc) => {
      for (const l of b.logs) {
        if (l.msg !== "cron tick ran") continue;
        out.push({ proc, tick: String(l.tick), first: Date.parse(String(l.first)), last: Date.parse(String(l.last)), time: Date.parse(String(l.time)) });
      }
    });
    return out;
  }

  it("When one of three instances is killed in a burst, then every update is handled once, guides go out once, cron ticks run on one instance at a time, and the survivors finish", async () => {
    const users = Array.from({ length: USERS }, (_, u) => 8100 + u);
    const expected = (u: number) => Array.from({ length: PER_USER }, (_, i) => coreText.unknownCommand(`m${u}_${i}`));
    const answered = () => users.reduce((n, chat) => n + fake.messagesTo(chat).length, 0);
    // a guide tick has run while all three are up
    await waitFor(() => tickLines().some((t) => t.tick === "tick:guides:dispatch"), { timeoutMs: 30_000, what: "a guide tick" });

    const posting = Promise.all(users.map(async (chat, u) => {
      for (let i = 0; i < PER_USER; i++) await deliver(chat, `/m${u}_${i}`);
    }));
    await waitFor(() => answered() >= (USERS * PER_USER) / 3, { timeoutMs: 60_000, what: "a third of the replies" });
    // kill the instance that runs the cron ticks
    const leader = await holder("leader:cron");
    const victim = bots.findIndex((b) => instanceOf(b) === leader);
    expect(victim).toBeGreaterThanOrEqual(0);
    await bots[victim]!.kill();
    const killedAt = Date.now();
    await posting;

    const totalUpdates = USERS * PER_USER;
    await waitFor(async () => (await read.prisma.inboundUpdate.count({ where: { channel: "telegram", status: "done", updateKey: { gte: "500000" } } })) >= totalUpdates, {
      timeoutMs: 90_000,
      what: "every update handled by the survivors",
    });
    await waitFor(() => users.every((chat, u) => fake.messagesTo(chat).length >= expected(u).length), { timeoutMs: 60_000, what: "every reply" });
    await waitFor(async () => (await read.prisma.outboxMessage.count({ where: { status: "pending" } })) === 0, { timeoutMs: 60_000, what: "an empty outbox" });
    // a tick run by a survivor after the kill: the cron leadership moved on
    await waitFor(() => tickLines().some((t) => t.proc !== victim && t.time > killedAt + 1000), { timeoutMs: 30_000, what: "a tick after the kill" });

    // every update stored once and handled once: each reply present; a second copy only from the killed instance's in-flight send
    expect(await read.prisma.inboundUpdate.count({ where: { channel: "telegram", updateKey: { gte: "500000" } } })).toBe(totalUpdates);
    expect(await read.prisma.inboundUpdate.count({ where: { status: { in: ["pending", "processing"] } } })).toBe(0);
    for (let u = 0; u < USERS; u++) {
      const got = fake.messagesTo(users[u]!).map((m) => m.text);
      expect(new Set(got)).toEqual(new Set(expected(u)));
      expect(got.length - expected(u).length).toBeLessThanOrEqual(1);
    }
    // the month's guide: once to each secretary, whoever ran the dispatch
    for (const s of SECRETARIES) expect(fake.messagesTo(s.id)).toHaveLength(1);
    // no occurrence of a tick ran on two live instances: the ranges of the survivors never overlap
    const ticks = tickLines().filter((t) => t.proc !== victim && t.tick === "tick:guides:dispatch").sort((a, b) => a.first - b.first);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.first).toBeGreaterThan(ticks[i - 1]!.last);
    // while all three were up, one instance ran the ticks
    expect(new Set(tickLines().filter((t) => t.time < killedAt).map((t) => t.proc)).size).toBe(1);
    expect(fake.count429).toBeLessThanOrEqual(5);
  }, 240_000);

  it("When the sending instance is killed in a broadcast of 2,000, then every recipient gets it, a second copy only for what it had in flight", async () => {
    await startBot(); // three alive again
    const cli = await runCli(["broadcast", "--unit", "CD-A2", "--role", "youth", "--text", "Thông báo: ngày hội thanh niên sáng Chủ nhật.", "--key", "instances"], env);
    expect(cli.code).toBe(0);
    const recipients = Array.from({ length: BROADCAST }, (_, j) => String(200000 + j));
    const reached = () => recipients.filter((c) => fake.messagesTo(c).length > 0).length;
    await waitFor(() => reached() >= BROADCAST / 4, { timeoutMs: 90_000, what: "a quarter of the broadcast" });
    const sender = await holder("outbox:telegram");
    const victim = bots.findIndex((b) => b.child.exitCode === null && b.child.signalCode === null && instanceOf(b) === sender);
    expect(victim).toBeGreaterThanOrEqual(0);
    await bots[victim]!.kill();
    // what the killed instance held at that instant: the only rows that may arrive twice
    const inFlight = await read.prisma.outboxMessage.count({ where: { status: "pending", leaseOwner: sender } });

    await waitFor(() => reached() === BROADCAST, { timeoutMs: 150_000, what: "the whole broadcast" });
    await waitFor(async () => (await read.prisma.outboxMessage.count({ where: { status: "pending" } })) === 0, { timeoutMs: 60_000, what: "an empty outbox" });
    const copies = recipients.map((c) => fake.messagesTo(c).length);
    expect(Math.max(...copies)).toBeLessThanOrEqual(2);
    expect(copies.filter((n) => n === 2).length).toBeLessThanOrEqual(inFlight);
    expect(fake.count429).toBeLessThanOrEqual(5);
  }, 300_000);
});
