// `npm run bench -- start`: the production start, measured on the real compiled process
// (package.json's `start` command, the image's CMD) against the fake Telegram, on SQLite.
//   - ready: spawn → the "bot started" log line, on an empty database (migrations applied)
//     and on a restart (the usual case); goal < 2 s;
//   - idle RSS once started and the offline NLP is loaded; goal < 200 MB;
//   - the first /hoi after a start, sent the moment "bot started" is logged → its answer;
//     goal < 1 s.
import { performance } from "node:perf_hooks";
import { FakeTelegram } from "../test/fakes/telegram.ts";
import { CompiledBot, ensureBuilt } from "../test/helpers/compiled.ts";
import { freshDatabaseUrl } from "../test/helpers/db.ts";
import { TEST_ORG } from "../test/helpers/org.ts";
import { openDatabase } from "../prisma/db.ts";
import { parseOrgFile } from "../bot/domain/org.ts";
import { importOrg } from "../bot/app/org-import.ts";
import { check } from "./targets.ts";

const INVITES = `
invites:
  - { code: BENCH-CANBO, role: cadre, unit: XA-A }
  - { code: BENCH-DOANVIEN, role: youth, unit: CD-A1 }
`;
const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function runStartBench(): Promise<Record<string, number>> {
  const tb = performance.now();
  ensureBuilt();
  console.log(`dist/ up to date (${((performance.now() - tb) / 1000).toFixed(1)} s, a build included when it was stale)`);
  const fake = await FakeTelegram.start();
  const db = await freshDatabaseUrl("sqlite", "empty");
  const env = { DATABASE_URL: db.url, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url, LOG_LEVEL: "info" };
  const readyMs = (bot: CompiledBot, line: { arrivedAt: number }) => line.arrivedAt - bot.spawnedAt;
  try {
    // 1. first start on an empty database: every migration applied
    let bot = CompiledBot.spawn(env);
    const firstReady = readyMs(bot, await bot.waitForLog((l) => l.msg === "bot started", 60_000));
    await bot.stop();
    const d = await openDatabase(db.url);
    await importOrg(d.prisma, parseOrgFile(TEST_ORG + INVITES, "org.yaml"));
    await d.close();

    // 2. restarts: time to ready, idle RSS, then members join
    const ready: number[] = [];
    const readyCpu: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bot = CompiledBot.spawn(env);
      ready.push(readyMs(bot, await bot.waitForLog((l) => l.msg === "bot started", 60_000)));
      readyCpu.push(bot.cpuMs());
      await bot.waitForLog((l) => l.msg === "offline nlp ready", 60_000);
      await new Promise((r) => setTimeout(r, 1000)); // idle a moment: the start's garbage collected
      rss.push(bot.rss());
      if (i === 0) {
        fake.sendText({ id: 9101, first_name: "Lan" }, "/start BENCH-CANBO");
        fake.sendText({ id: 9102, first_name: "Nam" }, "/start BENCH-DOANVIEN");
        await fake.waitFor(() => fake.messagesTo(9101).length >= 1 && fake.messagesTo(9102).length >= 1, 30_000);
      }
      await bot.stop();
    }

    // 3. the first question after a start, sent as soon as the bot says it is started
    const firstAnswer: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bot = CompiledBot.spawn(env);
      await bot.waitForLog((l) => l.msg === "bot started", 60_000);
      const before = fake.messagesTo(9102).length;
      const t = performance.now();
      fake.sendText({ id: 9102, first_name: "Nam" }, `/hoi Thanh niên muốn vay vốn khởi nghiệp nuôi bò lần ${i + 1} thì cần thủ tục gì ạ?`);
      await fake.waitFor(() => fake.messagesTo(9102).length > before, 30_000);
      firstAnswer.push(performance.now() - t);
      await bot.stop();
    }

    const out = {
      start_first_ready_ms: firstReady,
      start_ready_ms: median(ready),
      start_ready_cpu_ms: median(readyCpu),
      start_idle_rss_mb: median(rss) / 1024 / 1024,
      start_first_hoi_ms: median(firstAnswer),
    };
    console.log(`ready after spawn, empty database (migrations): ${firstReady.toFixed(0)} ms`);
    console.log(`CPU time used by then (user + system, every thread; about the wall time on an idle machine): ${readyCpu.join(", ")} ms`);
    check("start: ready after spawn (restart, median)", out.start_ready_ms, "<", 2000, "ms", `runs ${ready.map((x) => x.toFixed(0)).join(", ")} ms; CPU ${out.start_ready_cpu_ms} ms`);
    check("start: idle RSS once started (median)", out.start_idle_rss_mb, "<=", 200, "MB", `runs ${rss.map((x) => (x / 1048576).toFixed(0)).join(", ")} MB`);
    check("start: first /hoi after a start answered in (median)", out.start_first_hoi_ms, "<", 1000, "ms", `runs ${firstAnswer.map((x) => x.toFixed(0)).join(", ")} ms`);
    return out;
  } finally {
    await fake.close();
    await db.drop();
  }
}
