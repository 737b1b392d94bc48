import { expect } from "vitest";
import { FakeTelegram } from "../fakes/telegram.ts";
import { BotProcess } from "../helpers/process.ts";
import { freshDatabaseUrl, testProvider, type Provider } from "../helpers/db.ts";
import { waitFor } from "../helpers/wait.ts";
import { coreText } from "../../prompts/vi/core.ts";

/** A fresh database for the bot process: a migrated copy when the run has a template, else empty (the bot migrates it). */
export async function botDatabase(provider: Provider): Promise<{ url: string; drop: () => Promise<void> }> {
  return freshDatabaseUrl(provider, provider === "sqlite" || testProvider() === provider ? "migrated" : "empty");
}

/** The environment of a bot process talking to the fake. */
export function botEnv(fake: FakeTelegram, url: string, extra: Record<string, string> = {}): Record<string, string> {
  return { DATABASE_URL: url, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url, APP_SECRET: "e2e-app-secret-0123456789", ...extra };
}

const USERS = 50;
const EACH = 10;
/** The reply to the user's k-th message names it: "/m<k>" is an unknown command, answered with its name. */
const question = (k: number) => `/m${k}`;
const answerTo = (k: number) => coreText.unknownCommand(`m${k}`);

/**
 * 50 users send 10 messages each; the bot is killed (SIGKILL) after about 150 replies and
 * started again. Every user must get every reply, in the order of their messages, with at
 * most one extra copy (the one in flight at the kill), and no message may be edited.
 */
export async function crashDrill(provider: Provider): Promise<void> {
  // Telegram's per-chat limits (a burst of 3, then 1 a second); a global limit above the bot's rate
  const fake = await FakeTelegram.start({ globalPerSecond: 35 });
  const db = await botDatabase(provider);
  let bot: BotProcess | null = null;
  try {
    const env = botEnv(fake, db.url, { TELEGRAM_RATE_PER_SECOND: "30" });
    bot = await BotProcess.start(env);
    const users = Array.from({ length: USERS }, (_, i) => ({ id: 710_000 + i, first_name: `Người ${i}` }));
    for (let k = 0; k < EACH; k++) for (const u of users) fake.sendText(u, question(k));
    await waitFor(() => fake.sent.length >= 150, { timeoutMs: 60_000, what: "150 replies" });
    await bot.kill();
    expect(fake.sent.length).toBeLessThan(USERS * EACH);
    bot = await BotProcess.start(env);
    // every reply arrived (repeats counted apart)
    const missing = () => users.filter((u) => new Set(fake.messagesTo(u.id).map((m) => m.text)).size < EACH).length;
    await waitFor(() => missing() === 0, { timeoutMs: 90_000, what: "every reply after the restart" });
    await bot.stop();
    bot = null;

    expect(fake.calls.filter((c) => c.method === "editMessageText" || c.method === "deleteMessage")).toEqual([]);
    const extra: Record<string, number> = {};
    for (const u of users) {
      const texts = fake.messagesTo(u.id).map((m) => m.text);
      // a repeat can only be the message in flight at the kill, arriving again right after itself
      const collapsed = texts.filter((t, i) => i === 0 || t !== texts[i - 1]);
      expect(collapsed, `chat ${u.id}`).toEqual(Array.from({ length: EACH }, (_, k) => answerTo(k)));
      if (texts.length > EACH) extra[u.id] = texts.length - EACH;
    }
    expect(Object.values(extra).filter((n) => n > 1)).toEqual([]);
    expect(fake.count429).toBeLessThanOrEqual(5);
  } finally {
    await bot?.stop();
    await fake.close();
    await db.drop();
  }
}
