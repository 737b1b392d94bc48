// A cast of people on Telegram, Zalo and the web chat of one running app, for scenarios that
// cross channels (sessions-cycle, sessions-announce-button), and the clock those scenarios jump.
import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { App } from "../../bot/app/app.ts";
import { loadConfig } from "../../bot/app/config.ts";
import { allFeatures } from "../../bot/app/features.ts";
import { createUnit } from "../../bot/domain/org.ts";
import { openDatabase } from "../../prisma/db.ts";
import { freshDatabaseUrl } from "./db.ts";
import type { Clock } from "../../bot/core/clock.ts";
import { issueWebCode } from "../../handlers/onboarding/api.ts";
import { FakeTelegram } from "../fakes/telegram.ts";
import { FakeZalo } from "../fakes/zalo.ts";
import { type ChannelUser, type Driver, TelegramDriver, WebDriver, ZaloDriver } from "../e2e/drivers.ts";
import { seedMember, type CastRole } from "./cast.ts";

/** System time shifted by an offset the test can jump forward: time keeps flowing (retries, leases work). */
export class JumpClock implements Clock {
  private offset: number;
  constructor(start: Date) {
    this.offset = start.getTime() - Date.now();
  }
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  jumpTo(d: Date): void {
    this.offset = Math.max(this.offset, d.getTime() - Date.now());
  }
}

/**
 * The app with all three channels on (the strict fake Telegram and Zalo, the web chat) over a fresh
 * database of the test organisation, plus another province (TINH2, its branch CD-K1) whose members
 * are outside every scope of the test province. A fresh database would catch up a day of every
 * cron tick at start: they are marked as run up to the clock's now.
 */
export async function startThreeChannels(clock: JumpClock, secret: string): Promise<{ app: App; tg: FakeTelegram; zalo: FakeZalo; db: { url: string; drop: () => Promise<void> } }> {
  const db = await freshDatabaseUrl(undefined, "org");
  const tg = await FakeTelegram.start();
  const zalo = await FakeZalo.start();
  const env: Record<string, string> = {
    DATABASE_URL: db.url,
    LOG_LEVEL: process.env.TEST_LOG ?? "silent",
    WEB_PORT: "0",
    WEB_CHAT: "on",
    DEMO: "off",
    ANON_BATCH_MINUTES: "0",
    APP_SECRET: secret,
    TELEGRAM_BOT_TOKEN: tg.token,
    TELEGRAM_API_ROOT: tg.url,
    ZALO_BOT_TOKEN: zalo.token,
    ZALO_API_BASE: zalo.url,
    ZALO_POLL_TIMEOUT: "2",
  };
  const config = loadConfig(env as NodeJS.ProcessEnv);
  const pre = await openDatabase(db.url);
  for (const f of allFeatures()) for (const t of f.ticks ?? []) await pre.prisma.setting.create({ data: { key: `tick:${f.name}:${t.name}`, value: clock.now().toISOString() } });
  await pre.close();
  const app = await new App({ config, log: pino({ level: config.LOG_LEVEL }), clock }).start();
  const other = await createUnit(app.s.prisma, { code: "TINH2", name: "Tỉnh đoàn Khác", level: "Tỉnh đoàn", parentId: null });
  await createUnit(app.s.prisma, { code: "CD-K1", name: "Chi đoàn K1", level: "Chi đoàn", parentId: other.id, isBranch: true });
  return { app, tg, zalo, db };
}

export type ChannelDrivers = { telegram: Driver; zalo: Driver; web: WebDriver };
export type CastLine<K extends string> = readonly [K, keyof ChannelDrivers, string, readonly CastRole[]];

/** Drivers for the three channels and each cast line seated as a member (a web member at its first visit). */
export async function seatCast<K extends string>(
  app: App,
  tg: FakeTelegram,
  zalo: FakeZalo,
  cast: readonly CastLine<K>[],
): Promise<{ drivers: ChannelDrivers; people: Record<K, { d: Driver; u: ChannelUser }> }> {
  const roles: Record<string, CastRole[]> = {};
  const web = new WebDriver(`http://127.0.0.1:${app.webPort}`, async (name, userId) =>
    issueWebCode(app.s, await seedMember(app.s.prisma, { channel: "web", id: userId ?? `w-${randomUUID()}`, name }, roles[name] ?? [])),
  );
  const drivers: ChannelDrivers = { telegram: new TelegramDriver(tg), zalo: new ZaloDriver(zalo), web };
  const people = {} as Record<K, { d: Driver; u: ChannelUser }>;
  for (const [key, channel, name, r] of cast) {
    const d = drivers[channel];
    roles[name] = [...r];
    const u = await d.user(name);
    if (channel !== "web") await seedMember(app.s.prisma, { channel, id: u.id, name }, [...r]);
    people[key] = { d, u };
  }
  return { drivers, people };
}
