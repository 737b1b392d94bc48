import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotProcess, runCli } from "../helpers/process.ts";
import { freshDatabaseUrl, testProvider, type FreshDatabase } from "../helpers/db.ts";

/**
 * Issue 14 item 3: every CLI command works while the bot runs. The CLI checks for pending
 * migrations with a plain query (no schema engine, no exclusive lock) and writes under the
 * database's normal locking with a busy timeout. Timings are in `npm run bench -- scale`.
 */
describe(`CLI beside a running bot (${testProvider()})`, () => {
  let db: FreshDatabase;
  let bot: BotProcess;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await freshDatabaseUrl(undefined, "org");
    env = { DATABASE_URL: db.url, APP_SECRET: "cli-test-secret-0123456789", DEMO: "off", WEB_CHAT: "off", LOG_LEVEL: "info" };
    // the real bot process, scheduler on: it holds the database open and writes to it
    bot = await BotProcess.start({ ...env, SCHEDULER: "on" });
  }, 90_000);

  afterAll(async () => {
    await bot?.stop();
    await db?.drop();
  });

  it("When the bot runs, then `report dialogue` answers with the report and `invite:create` with a new code", async () => {
    const report = await runCli(["report", "dialogue", "--unit", "TINH", "--month", "2026-11", "--format", "json"], env);
    expect(report.stderr).toBe("");
    expect(report.code).toBe(0);
    const json = JSON.parse(report.stdout) as { unit: { code: string }; totals: { questions: number } };
    expect(json.unit.code).toBe("TINH");
    expect(json.totals.questions).toBe(0);

    const invite = await runCli(["invite:create", "--role", "youth", "--unit", "CD-A1"], env);
    expect(invite.code).toBe(0);
    const inv = JSON.parse(invite.stdout.trim().split("\n").pop()!) as { code: string; unit: string };
    expect(inv.unit).toBe("CD-A1");
    expect(inv.code).toMatch(/^[A-Z0-9-]{6,}$/);

    // nothing pending: the migration step only reads the list of applied migrations
    const migrate = await runCli(["db:migrate"], env);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout.trim()).toBe("database is up to date");

    // the bot is still running and was not disturbed
    expect(bot.child.exitCode).toBeNull();
  }, 120_000);

  it("When a CLI command fails on bad input while the bot runs, then it says why and exits non-zero", async () => {
    const r = await runCli(["invite:create", "--role", "youth", "--unit", "KHONG-CO"], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).not.toBe("");
    expect(bot.child.exitCode).toBeNull();
  }, 60_000);
});
