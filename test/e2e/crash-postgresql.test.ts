import { describe, it } from "vitest";
import { crashDrill } from "./crash-drill.ts";

describe("Outbox crash safety on PostgreSQL (real bot process, strict fake Telegram)", () => {
  it("When 50 users send 10 messages each and the bot is killed after about 150 replies and restarted, then nothing is lost, nothing edited, every chat in order with at most one extra copy", async () => {
    await crashDrill("postgresql");
  }, 240_000);
});
