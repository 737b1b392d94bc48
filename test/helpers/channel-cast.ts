// A cast of people on Telegram, Zalo and the web chat of one running app, for scenarios that
// cross channels (sessions-cycle, sessions-announce-button), and the clock those scenarios jump.
import { randomUUID } from "node:crypto";
import type { App } from "../../bot/app/app.ts";
import type { Clock } from "../../bot/core/clock.ts";
import { issueWebCode } from "../../handlers/onboarding/api.ts";
import type { FakeTelegram } from "../fakes/telegram.ts";
import type { FakeZalo } from "../fakes/zalo.ts";
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
