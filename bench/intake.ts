import { Bot } from "grammy";
import { run } from "@grammyjs/runner";
import { pino } from "pino";
import { FakeTelegram } from "../test/fakes/telegram.ts";
import { freshDatabaseUrl } from "../test/helpers/db.ts";
import { loadConfig } from "../bot/app/config.ts";
import { App } from "../bot/app/app.ts";
import { check } from "./targets.ts";
import type { Core } from "../bot/core/router.ts";

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? NaN;
};

interface Target {
  name: string;
  /** `onDone(text)` is called when the update carrying that text is fully handled. */
  start(fake: FakeTelegram, onDone: (text: string) => void): Promise<() => Promise<void>>;
}

/** A bare grammY bot on the runner that echoes every message: the reference. */
const bareGrammy: Target = {
  name: "bare grammY echo",
  async start(fake, onDone) {
    const bot = new Bot(fake.token, { client: { apiRoot: fake.url } });
    bot.on("message:text", async (ctx) => {
      await ctx.reply(ctx.message.text);
      onDone(ctx.message.text);
    });
    const runner = run(bot, { runner: { fetch: { timeout: 1 } } });
    return async () => {
      await runner.stop();
    };
  },
};

/** Our bot: every update stored (inbox), routed, its reply written to the outbox. */
function ourBot(dbUrl: string): Target {
  return {
    name: "dialogue bot (stored)",
    async start(fake, onDone) {
      const config = loadConfig({
        DATABASE_URL: dbUrl,
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.url,
        WEB_CHAT: "off",
        SCHEDULER: "off",
        FLOOD_MAX_MESSAGES: "100000",
        LOG_LEVEL: "silent",
      } as NodeJS.ProcessEnv);
      const app = new App({ config, log: pino({ level: "silent" }) });
      await app.start();
      const core = app.core as Core & { processStored: Core["processStored"] };
      const orig = core.processStored.bind(core);
      core.processStored = async (id, inc) => {
        await orig(id, inc);
        onDone(inc.text ?? "");
      };
      return () => app.stop();
    },
  };
}

async function measure(target: Target, total: number, ratePerSecond: number | null): Promise<{ throughput: number; p50: number; p99: number }> {
  const fake = await FakeTelegram.start({ rateLimits: false });
  const sentAt = new Map<number, number>();
  const lat: number[] = [];
  let done = 0;
  let resolveAll!: () => void;
  const all = new Promise<void>((r) => (resolveAll = r));
  let seq = 0;
  const stop = await target.start(fake, (text) => {
    const seqNo = Number(/(\d+)$/.exec(text)?.[1]);
    const at = sentAt.get(seqNo);
    if (at !== undefined) lat.push(performance.now() - at);
    done++;
    if (done === total) resolveAll();
  });
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    if (ratePerSecond) {
      const due = t0 + (i * 1000) / ratePerSecond;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    const user = { id: 700000 + (i % 500), first_name: `U${i % 500}` };
    fake.sendText(user, `/trogiup ${++seq}`);
    sentAt.set(seq, performance.now());
  }
  await all;
  const elapsed = (performance.now() - t0) / 1000;
  await stop();
  await fake.close();
  return { throughput: total / elapsed, p50: quantile(lat, 0.5), p99: quantile(lat, 0.99) };
}

export async function measureOurs(n: number) {
  const db = await freshDatabaseUrl("sqlite");
  const r = await measure(ourBot(db.url), n, null);
  await db.drop();
  return r;
}

/** Intake throughput and latency of our bot next to a bare grammY echo bot, same fake API, same run. */
export async function runIntakeBench(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const bare = await measure(bareGrammy, 3000, null);
  const db = await freshDatabaseUrl("sqlite");
  const ours = await measure(ourBot(db.url), 3000, null);
  await db.drop();
  const db2 = await freshDatabaseUrl("sqlite");
  const paced = await measure(ourBot(db2.url), 2000, 200);
  await db2.drop();
  console.log(`intake: bare grammY echo ${bare.throughput.toFixed(0)} updates/s (p50 ${bare.p50.toFixed(1)} ms, p99 ${bare.p99.toFixed(1)} ms)`);
  check("intake: dialogue bot (every update stored), share of bare grammY", (100 * ours.throughput) / bare.throughput, ">=", 30, "%", `${ours.throughput.toFixed(0)} updates/s, p50 ${ours.p50.toFixed(1)} ms, p99 ${ours.p99.toFixed(1)} ms`);
  check("intake: dialogue bot at 200 updates/s, p99", paced.p99, "<", 50, "ms", `p50 ${paced.p50.toFixed(1)} ms`);
  out.bare_updates_per_s = bare.throughput;
  out.bot_updates_per_s = ours.throughput;
  out.bot_share_of_bare = ours.throughput / bare.throughput;
  out.bot_p99_ms_at_200 = paced.p99;
  out.bot_p50_ms_at_200 = paced.p50;
  return out;
}
