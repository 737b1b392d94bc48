import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../bot/app/config.ts";
import { FloodGuard } from "../../bot/core/flood.ts";
import { createLogger, registerSecret } from "../../bot/core/logger.ts";
import { Writable } from "node:stream";

describe("configuration", () => {
  it("When nothing is set, then defaults give SQLite, Vietnam time and the web chat demo", () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBe("file:./data/bot.db");
    expect(c.TZ).toBe("Asia/Ho_Chi_Minh");
    expect(c.webChat).toBe(true);
    expect(c.demo).toBe(true);
    expect(c.WEB_PORT).toBe(8080);
  });

  it("When a value is wrong, then one clear line names the variable and never echoes the value", () => {
    const secret = "999:very-secret-token-value";
    let err: unknown;
    try {
      loadConfig({ TELEGRAM_BOT_TOKEN: "not a token " + secret, WEB_PORT: "99999" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).toContain("TELEGRAM_BOT_TOKEN");
    expect(msg).toContain("WEB_PORT");
    expect(msg).not.toContain("very-secret");
    expect(msg.split("\n")).toHaveLength(1);
  });

  it("When webhook mode has no secret, then start is refused naming TELEGRAM_WEBHOOK_SECRET", () => {
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: "123:abcdefgh", BOT_MODE: "webhook", PUBLIC_URL: "https://x.vn" })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });

  it("When a channel token is set, then the demo is off unless asked for", () => {
    const c = loadConfig({ TELEGRAM_BOT_TOKEN: "123:abcdefgh" });
    expect(c.demo).toBe(false);
    expect(c.webChat).toBe(false);
  });
});

describe("logging", () => {
  it("When a secret would be logged, then it is redacted by path and scrubbed from text", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) });
    registerSecret("123456:SECRET-abcdef");
    const log = createLogger("info", sink);
    log.info({ token: "123456:SECRET-abcdef", url: "https://api.telegram.org/bot123456:SECRET-abcdef/getMe" }, "calling 123456:SECRET-abcdef");
    const all = lines.join("");
    expect(all).not.toContain("SECRET-abcdef");
    expect(all).toContain("***");
  });
});

describe("flood guard", () => {
  it("When one user sends 200 messages in 10 seconds, then 20 pass, one gets a notice and the rest are dropped", () => {
    const g = new FloodGuard(20, 10_000);
    const verdicts = Array.from({ length: 200 }, (_, i) => g.check("u1", 1_000 + i * 50));
    expect(verdicts.filter((v) => v === "ok")).toHaveLength(20);
    expect(verdicts.filter((v) => v === "warn")).toHaveLength(1);
    expect(g.check("u2", 2_000)).toBe("ok");
    expect(g.check("u1", 30_000)).toBe("ok");
  });
});
