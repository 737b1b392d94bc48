/**
 * `npm run bench -- rate` (issue 14, "Broadcast at ≥ 95% of the configured platform rate
 * with no more than a handful of 429s, with one instance and with three; during it, a
 * member's message is answered within 2 s"):
 *
 * real bot processes in webhook mode behind the small round-robin balancer of the tests,
 * against the strict fake Telegram whose global flood limit is the rate the bot is configured
 * with (TELEGRAM_RATE_PER_SECOND); a broadcast to BENCH_RATE_N members is queued by the CLI,
 * and while it goes out members who are not among the recipients write to the bot. Measured:
 *   - the broadcast's rate at the platform: messages accepted by the fake per second, from
 *     its first to its last message (target ≥ 95% of the configured rate);
 *   - the 429 answers of the fake (target ≤ 5);
 *   - the longest wait of a member for the answer to their message (target ≤ 2 s).
 * Scenarios: SQLite with one instance, PostgreSQL with one, PostgreSQL with three.
 * BENCH_RATE (default 100/s) and BENCH_RATE_N (default 12 s of sending) size it.
 */
import { FakeTelegram } from "../test/fakes/telegram.ts";
import { BotProcess, runCli } from "../test/helpers/process.ts";
import { freshDatabaseUrl, type Provider } from "../test/helpers/db.ts";
import { LoadBalancer } from "../test/helpers/balancer.ts";
import { openDatabase } from "../prisma/db.ts";
import { check } from "./targets.ts";

const RATE = Number(process.env.BENCH_RATE ?? 100);
const N = Number(process.env.BENCH_RATE_N ?? RATE * 12);
const PROBES = 6;
const SECRET = "bench-rate-webhook-secret_42";
/** Ticks marked as run up to now: a fresh database would otherwise catch up a day of them first. */
const TICKS = ["tick:guides:dispatch", "tick:guides:reminder", "tick:dialogue:deadlines", "tick:dialogue:anonymous-batches", "tick:core:retention"];
const FIRST_CHAT = 300_000;

interface RateFigures {
  perSecond: number;
  share: number;
  count429: number;
  probeMaxMs: number;
  probeMedianMs: number;
  sendingS: number;
}

async function scenario(provider: Provider, instances: number): Promise<RateFigures> {
  const fake = await FakeTelegram.start({ globalPerSecond: RATE });
  const db = await freshDatabaseUrl(provider, "org");
  const bots: BotProcess[] = [];
  let lb: LoadBalancer | null = null;
  try {
    const d = await openDatabase(db.url);
    try {
      const p = d.prisma;
      const unit = await p.unit.findUniqueOrThrow({ where: { code: "CD-A2" } });
      for (let i = 0; i < N; i += 1000) {
        const k = Math.min(1000, N - i);
        const people = await p.person.createManyAndReturn({ data: Array.from({ length: k }, (_, j) => ({ displayName: `Đoàn viên ${i + j}` })), select: { id: true } });
        await p.identity.createMany({ data: people.map((x, j) => ({ channel: "telegram", externalId: String(FIRST_CHAT + i + j), chatId: String(FIRST_CHAT + i + j), personId: x.id })) });
        await p.membership.createMany({ data: people.map((x) => ({ personId: x.id, unitId: unit.id, role: "youth" })) });
      }
      const now = new Date().toISOString();
      for (const key of TICKS) await p.setting.upsert({ where: { key }, create: { key, value: now }, update: { value: now } });
    } finally {
      await d.close();
    }
    const env = {
      DATABASE_URL: db.url,
      APP_SECRET: "bench-rate-app-secret-0123456789abcdef",
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_RATE_PER_SECOND: String(RATE),
      BOT_MODE: "webhook",
      PUBLIC_URL: "https://bot.doan.example.vn",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
    };
    // one after the other: processes starting at once on a loaded machine only slow each other
    for (let i = 0; i < instances; i++) bots.push(await BotProcess.start({ ...env, LOG_LEVEL: "info" }));
    lb = await LoadBalancer.start(bots.map((b) => Number(b.logs.find((l) => l.msg === "webhook server ready")?.port)));
    await Promise.race(bots.map((b) => b.waitForLog((l) => l.msg === "outbox sender active", 30_000)));

    const cli = await runCli(["broadcast", "--unit", "CD-A2", "--role", "youth", "--text", "Thông báo: ngày hội thanh niên sáng Chủ nhật.", "--key", "bench-rate"], env);
    if (cli.code !== 0) throw new Error(`broadcast failed (${cli.code}): ${cli.stderr.slice(-1000)}`);
    const isRecipient = (chat: string) => Number(chat) >= FIRST_CHAT && Number(chat) < FIRST_CHAT + N;
    const broadcastSent = () => fake.sent.filter((m) => isRecipient(m.chat_id));
    await fake.waitFor(() => broadcastSent().length >= N / 10, 120_000);

    // members write while the broadcast goes out: each waits for the answer to their own message
    const probes: number[] = [];
    let update = 900_000;
    for (let i = 0; i < PROBES && broadcastSent().length < N * 0.9; i++) {
      const chat = 7000 + i;
      const body = JSON.stringify({
        update_id: ++update,
        message: { message_id: update, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: "private", first_name: "Lan" }, from: { id: chat, is_bot: false, first_name: "Lan" }, text: `/chao${i}` },
      });
      const t0 = Date.now();
      const r = await fetch(`${lb.url}/telegram`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body });
      if (r.status !== 200) throw new Error(`webhook answered ${r.status}`);
      await fake.waitFor(() => fake.messagesTo(chat).length > 0, 30_000);
      probes.push(fake.messagesTo(chat)[0]!.at - t0);
      await new Promise((res) => setTimeout(res, 700));
    }
    await fake.waitFor(() => broadcastSent().length >= N, 300_000);

    const times = broadcastSent().map((m) => m.at).sort((a, b) => a - b);
    const sendingS = (times[times.length - 1]! - times[0]!) / 1000;
    const perSecond = (times.length - 1) / sendingS;
    const sorted = [...probes].sort((a, b) => a - b);
    return {
      perSecond,
      share: perSecond / RATE,
      count429: fake.count429,
      probeMaxMs: sorted[sorted.length - 1] ?? NaN,
      probeMedianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN,
      sendingS,
    };
  } finally {
    await Promise.all(bots.map((b) => b.stop()));
    await lb?.close();
    await fake.close();
    await db.drop();
  }
}

export async function runRateBench(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const only = process.env.BENCH_RATE_SCENARIO; // e.g. "postgresql:3"
  for (const [provider, instances] of [["sqlite", 1], ["postgresql", 1], ["postgresql", 3]] as const) {
    if (only && only !== `${provider}:${instances}`) continue;
    const f = await scenario(provider, instances);
    const what = `${provider}, ${instances} instance${instances > 1 ? "s" : ""}`;
    console.log(
      `rate (${what}): broadcast of ${N.toLocaleString("en")} at ${f.perSecond.toFixed(1)} msg/s over ${f.sendingS.toFixed(1)} s against a configured rate of ${RATE}/s; ${f.count429} answers 429; members answered in median ${f.probeMedianMs.toFixed(0)} ms, at most ${f.probeMaxMs.toFixed(0)} ms`,
    );
    check(`broadcast rate share (${what})`, 100 * f.share, ">=", 95, "%", `${f.perSecond.toFixed(1)} of ${RATE} msg/s`);
    check(`429 answers during the broadcast (${what})`, f.count429, "<=", 5);
    check(`member answered during the broadcast, slowest (${what})`, f.probeMaxMs, "<=", 2000, "ms", `median ${f.probeMedianMs.toFixed(0)} ms of ${PROBES}`);
    const key = `${provider}_${instances}`;
    Object.assign(out, { [`rate_share_${key}`]: f.share, [`rate_429_${key}`]: f.count429, [`rate_probe_max_ms_${key}`]: f.probeMaxMs });
  }
  return out;
}
