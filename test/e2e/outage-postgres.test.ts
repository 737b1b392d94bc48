import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeTelegram } from "../fakes/telegram.ts";
import { BotProcess } from "../helpers/process.ts";
import { freshDatabaseUrl, PG_ADMIN_URL, type FreshDatabase } from "../helpers/db.ts";
import { TcpProxy } from "../helpers/proxy.ts";
import { waitFor } from "../helpers/wait.ts";
import { coreText } from "../../prompts/vi/core.ts";

/** The outage is the scenario itself (PostgreSQL away for this long), not a wait for a condition. */
const OUTAGE_MS = 20_000;
const USERS = 10;
const PER_USER = 6;

/** Each message is an unknown command of its own, so each reply names the message it answers. */
const command = (u: number, i: number) => `k${u}_${i}`;

describe("PostgreSQL outage (the real bot process, polling a strict fake Telegram, PostgreSQL behind a TCP proxy)", () => {
  let fake: FakeTelegram;
  let db: FreshDatabase;
  let proxy: TcpProxy;
  let bot: BotProcess;
  let web = "";

  beforeAll(async () => {
    db = await freshDatabaseUrl("postgresql", "org");
    const target = new URL(PG_ADMIN_URL);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(db.url);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(proxy.port);
    fake = await FakeTelegram.start();
    bot = await BotProcess.start({
      DATABASE_URL: viaProxy.toString(),
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.url,
      APP_SECRET: "outage-test-app-secret-0123456789",
      WEB_CHAT: "on",
      WEB_PORT: "0",
    });
    web = await bot.webUrl();
  });
  afterAll(async () => {
    await bot?.stop();
    await proxy?.close();
    await fake?.close();
    await db?.drop();
  });

  it("When PostgreSQL refuses connections for 20 s in the middle of a burst, then every message is answered once, in order, with no restart", async () => {
    const users = Array.from({ length: USERS }, (_, u) => ({ id: 7100 + u, first_name: `Người ${u}` }));
    const send = (i: number) => {
      for (let u = 0; u < USERS; u++) fake.sendText(users[u]!, `/${command(u, i)}`);
    };
    const expected = (u: number) => Array.from({ length: PER_USER }, (_, i) => coreText.unknownCommand(command(u, i)));
    const answered = () => users.reduce((n, x) => n + fake.messagesTo(x.id).length, 0);

    // a first part of the burst, answered while the database is there
    send(0);
    send(1);
    await waitFor(() => answered() >= USERS, { timeoutMs: 30_000, what: "the first replies" });
    expect((await fetch(`${web}/readyz`)).status).toBe(200);

    const logsBefore = bot.logs.length;
    await proxy.down();
    const outageEnds = Date.now() + OUTAGE_MS;
    // the rest of the burst arrives while PostgreSQL is away
    send(2);
    send(3);
    const ready = await waitFor(async () => {
      const r = await fetch(`${web}/readyz`);
      return r.status === 503 ? ((await r.json()) as { database: { ok: boolean } }) : null;
    }, { timeoutMs: 10_000, what: "/readyz to report the database away" });
    expect(ready.database.ok).toBe(false);
    expect((await fetch(`${web}/healthz`)).status).toBe(200);
    send(4);
    send(5);
    await new Promise((r) => setTimeout(r, Math.max(0, outageEnds - Date.now())));
    const outageLogs = bot.logs.slice(logsBefore);
    await proxy.up();

    await waitFor(() => users.every((x, u) => fake.messagesTo(x.id).length >= expected(u).length), {
      timeoutMs: 60_000,
      what: "every message answered after PostgreSQL returned",
    }).catch(async (e: Error) => {
      const { openDatabase } = await import("../../prisma/db.ts");
      const d = await openDatabase(db.url);
      const inbound = await d.prisma.inboundUpdate.groupBy({ by: ["status"], _count: { _all: true } });
      const outbox = await d.prisma.outboxMessage.groupBy({ by: ["status", "leaseOwner"], _count: { _all: true } });
      const leases = await d.prisma.lease.findMany();
      await d.close();
      const got = users.map((x) => fake.messagesTo(x.id).length);
      throw new Error(`${e.message}\n${JSON.stringify({ got, inbound, outbox, leases })}\n${bot.raw.slice(-3000)}`);
    });
    await waitFor(async () => (await fetch(`${web}/readyz`)).status === 200, { timeoutMs: 30_000, what: "/readyz to be ready again" });

    // each message answered exactly once, in the order sent, by the same process
    for (let u = 0; u < USERS; u++) expect(fake.messagesTo(users[u]!.id).map((m) => m.text)).toEqual(expected(u));
    expect(bot.child.exitCode).toBeNull();
    expect(fake.calls.filter((c) => c.method === "getUpdates").at(-1)?.status).toBe(200);
    // logged once per episode, not at every attempt: a failing loop retried for 20 s would write dozens
    const noisy = outageLogs.filter((l) => Number(l.level) >= 40);
    expect(noisy.length).toBeLessThanOrEqual(12);
    expect(bot.logs.some((l) => typeof l.msg === "string" && l.msg.endsWith("recovered"))).toBe(true);

    const metrics = await (await fetch(`${web}/metrics`)).text();
    const updatesIn = /^bot_updates_in_total\{channel="telegram"\} (\d+)/m.exec(metrics);
    expect(Number(updatesIn?.[1])).toBe(USERS * PER_USER);
    expect(metrics).toMatch(/^bot_update_handling_seconds_count\{channel="telegram"\} \d+/m);
    expect(metrics).toMatch(/^bot_sends_total\{channel="telegram",result="sent"\} \d+/m);
    expect(metrics).toMatch(/^bot_outbox_lag_seconds\{channel="telegram"\} /m);
    expect(metrics).toMatch(/^bot_scheduler_jobs_due \d+/m);
  }, 150_000);
});
