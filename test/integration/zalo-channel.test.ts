import { connect } from "node:net";
import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import { Harness } from "../helpers/harness.ts";
import { waitFor } from "../helpers/wait.ts";
import { FakeZalo, type FakeZaloOptions } from "../fakes/zalo.ts";
import { ZaloChannel, type ZaloOptions } from "../../bot/channels/zalo/index.ts";
import { HttpServer, mountWebhook } from "../../bot/core/http.ts";
import { OutboxWorker } from "../../bot/core/outbox/worker.ts";
import { onboarding } from "../../handlers/onboarding/index.ts";
import { coreText, helpText } from "../../prompts/vi/core.ts";
import type { Feature } from "../../bot/core/context.ts";

/** A reply longer than Zalo's 2,000-character limit: sentences of a known order. */
const LONG = Array.from({ length: 100 }, (_, i) => `Câu số ${String(i + 1).padStart(3, "0")} về công tác Đoàn.`).join(" ");

const longReply: Feature = {
  name: "zalo-test-long",
  commands: { dai: { scope: "any", guest: true, run: async (ctx) => ctx.reply(LONG) } },
};

const SECRET = "zalo-Webhook_secret01";

interface Rig {
  h: Harness;
  fake: FakeZalo;
  channel: ZaloChannel;
  worker: OutboxWorker;
  pending: Promise<unknown>[];
  http?: HttpServer;
  webhookUrl?: string;
}

let rig: Rig | null = null;

async function setup(
  opts: { mode?: "polling" | "webhook"; fake?: FakeZaloOptions; token?: string; pollGraceMs?: number; logLines?: string[] } = {},
): Promise<Rig> {
  const h = await Harness.create({ features: [onboarding, longReply], env: { FLOOD_MAX_MESSAGES: "50", FLOOD_WINDOW_SECONDS: "10" } });
  const fake = await FakeZalo.start(opts.fake);
  const pending: Promise<unknown>[] = [];
  const o: ZaloOptions = {
    token: opts.token ?? fake.token,
    baseUrl: fake.url,
    mode: opts.mode ?? "polling",
    publicUrl: "https://bot.example.org/",
    webhookSecret: SECRET,
    ratePerSecond: 10,
    pollTimeoutSec: 1,
    ...(opts.pollGraceMs ? { pollGraceMs: opts.pollGraceMs } : {}),
    log: opts.logLines ? pino({ level: "info" }, { write: (line: string) => void opts.logLines!.push(line) }) : h.s.log,
    core: h.core,
  };
  const channel = new ZaloChannel(o);
  const worker = new OutboxWorker(h.s.outbox, channel.sender(), h.s.log);
  worker.start();
  const r: Rig = { h, fake, channel, worker, pending };
  rig = r;
  if (o.mode === "webhook") {
    // the same route bot/app/app.ts mounts: secret first, body capped, answered at once, handled after
    const http = new HttpServer(h.s.log);
    mountWebhook(http.app, channel, (p) => pending.push(p.catch(() => undefined)));
    const port = await http.listen(0, "127.0.0.1");
    r.http = http;
    r.webhookUrl = `http://127.0.0.1:${port}/zalo`;
  }
  await channel.start();
  return r;
}

afterEach(async () => {
  const r = rig;
  rig = null;
  if (!r) return;
  await r.channel.stop();
  await r.http?.close();
  await Promise.all(r.pending);
  await r.worker.stop();
  await r.fake.close();
  await r.h.close();
});

/** Send only a request head (the body it announces never comes); resolves with the server's answer head. */
function headOnly(url: string, headers: Record<string, string>): Promise<string> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(u.port), u.hostname, () => {
      const lines = [`POST ${u.pathname} HTTP/1.1`, `host: ${u.host}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      socket.write(lines.join("\r\n") + "\r\n\r\n");
    });
    let got = "";
    socket.on("data", (d: Buffer) => {
      got += d.toString("latin1");
      if (got.includes("\r\n\r\n")) {
        socket.destroy();
        resolve(got.slice(0, got.indexOf("\r\n\r\n")));
      }
    });
    socket.on("error", reject);
    socket.on("close", () => reject(new Error(`closed without an answer: ${got}`)));
  });
}

/** POST a body sent in chunks (no Content-Length), the way a streaming client does. */
function postChunked(url: string, headers: Record<string, string>, chunks: Buffer[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (e) => ((e as NodeJS.ErrnoException).code === "EPIPE" || (e as NodeJS.ErrnoException).code === "ECONNRESET" ? undefined : reject(e)));
    for (const c of chunks) req.write(c);
    req.end();
  });
}

const texts = (fake: FakeZalo, chat: string) => fake.messagesTo(chat).map((m) => m.text);

/** Every stored update handled and every reply to the chat delivered: nothing more is on its way. */
async function settled(h: Harness, chat: string): Promise<void> {
  await waitFor(
    async () =>
      (await h.s.prisma.inboundUpdate.count({ where: { status: "pending" } })) === 0 &&
      (await h.s.prisma.outboxMessage.count({ where: { chatId: chat, status: "pending" } })) === 0,
    { what: `the replies to ${chat} delivered` },
  );
}

describe("Zalo channel by long polling (strict fake Zalo, real core and outbox)", () => {
  it("When a user sends /trogiup, then the help text arrives at Zalo as plain text, and a group message is ignored", async () => {
    const { fake, h } = await setup();
    expect(fake.calls[0]).toMatchObject({ method: "deleteWebhook", status: 200 });
    const inGroup = fake.update("message.text.received", "g-user", "Nhóm", { text: "/trogiup" });
    inGroup.message.chat = { id: "group-1", chat_type: "GROUP" };
    fake.pushUpdate(inGroup);
    fake.sendText("zu1", "/trogiup", "Lan");
    await fake.waitFor(() => fake.messagesTo("zu1").length >= 1);
    const [help] = texts(fake, "zu1");
    expect(help).toContain(helpText.header("Lan"));
    expect(help).toContain("/trogiup");
    expect(help).toContain(coreText.automated);
    expect(help).not.toMatch(/[\u0002\u0003]|<b>/);
    const polls = fake.calls.filter((c) => c.method === "getUpdates");
    expect(polls.every((c) => c.body.timeout === "1")).toBe(true);
    // one update per poll, in order: the group message was seen (and dropped) before zu1's
    await settled(h, "zu1");
    expect(fake.messagesTo("group-1")).toEqual([]);
    expect(await h.s.prisma.inboundUpdate.count({ where: { channel: "zalo" } })).toBe(1);
    const row = await h.s.prisma.outboxMessage.findFirstOrThrow({ where: { channel: "zalo", chatId: "zu1" } });
    expect(row.status).toBe("sent");
    expect(row.platformMessageId).toBe(fake.messagesTo("zu1")[0]!.message_id);
  });

  it("When the answer is 2,500 characters, then it arrives as two Zalo messages of at most 2,000, in order", async () => {
    const { fake, h } = await setup();
    expect(LONG.length).toBeGreaterThan(2400);
    fake.sendText("zu2", "/dai", "Minh");
    await fake.waitFor(() => fake.messagesTo("zu2").length >= 2);
    await settled(h, "zu2");
    const parts = texts(fake, "zu2");
    expect(parts).toHaveLength(2);
    expect(parts.every((p) => p.length <= 2000)).toBe(true);
    expect(parts[0]!.startsWith("Câu số 001")).toBe(true);
    expect(parts[1]!.endsWith("Câu số 100 về công tác Đoàn.")).toBe(true);
    expect(`${parts[0]} ${parts[1]}`).toBe(LONG);
    const [a, b] = fake.messagesTo("zu2");
    expect(a!.at).toBeLessThanOrEqual(b!.at);
  });

  it("When getUpdates answers 500, then 429, then hangs past the timeout, then every message is answered once and in order", async () => {
    // the client gives a hung poll up 1 s past its 1 s timeout (5 s by default)
    const { fake, h } = await setup({ pollGraceMs: 1000 });
    const chat = "zu3";
    // 500: the poll fails, the message pushed after is not lost
    fake.failNext(1, 500, { method: "getUpdates" });
    await fake.waitFor(() => fake.calls.some((c) => c.method === "getUpdates" && c.status === 500), 5000);
    fake.sendText(chat, "/trogiup", "An");
    await fake.waitFor(() => fake.messagesTo(chat).length >= 1);
    // 429 with retry_after: polling waits, then goes on
    fake.failNext(1, 429, { method: "getUpdates", retryAfter: 1 });
    await fake.waitFor(() => fake.calls.some((c) => c.method === "getUpdates" && c.status === 429), 5000);
    fake.sendText(chat, "/khongco1", "An");
    await fake.waitFor(() => fake.messagesTo(chat).length >= 2);
    // a stall longer than poll timeout + grace: the client gives up, the stalled call consumes nothing
    fake.stall(3000, { method: "getUpdates" });
    // the current poll ends (408) and the next one is the stalled one
    await fake.waitFor(() => fake.stalling === 1, 5000);
    fake.sendText(chat, "/khongco2", "An");
    await fake.waitFor(() => fake.messagesTo(chat).length >= 3, 20_000);
    // the same message delivered twice is handled once
    const dup = fake.update("message.text.received", chat, "An", { text: "/khongco3" });
    fake.pushUpdate(dup);
    fake.pushUpdate(dup);
    await fake.waitFor(() => fake.pending === 0 && fake.messagesTo(chat).length >= 4, 10_000);
    // polling is sequential: once a later message is answered, the duplicate was dealt with
    fake.sendText(chat, "/khongco4", "An");
    await fake.waitFor(() => fake.messagesTo(chat).length >= 5, 10_000);
    await settled(h, chat);
    expect(texts(fake, chat)).toEqual([
      expect.stringContaining(helpText.header("An")),
      coreText.unknownCommand("khongco1"),
      coreText.unknownCommand("khongco2"),
      coreText.unknownCommand("khongco3"),
      coreText.unknownCommand("khongco4"),
    ]);
    expect(await h.s.prisma.inboundUpdate.count({ where: { channel: "zalo" } })).toBe(5);
    // the stalled call ends (its client long gone) without having consumed anything
    await fake.waitFor(() => fake.calls.some((c) => c.method === "getUpdates" && c.status === 499), 10_000);
    expect(texts(fake, chat)).toHaveLength(5);
  }, 45_000);

  it("When the token is refused (401), then polling stops instead of hammering the API", async () => {
    const logLines: string[] = [];
    const { fake } = await setup({ token: "1234567890:wrong-token", logLines });
    // the polling loop has ended once it says so: no call can follow
    await waitFor(() => logLines.some((l) => l.includes("polling stopped")), { what: "polling to stop" });
    expect(fake.calls.filter((c) => c.method === "getUpdates")).toHaveLength(1);
    expect(fake.calls.every((c) => c.status === 401)).toBe(true);
  });

  it("When the channel stops during a long poll or a backoff, then it stops at once", async () => {
    const { channel, fake } = await setup();
    await fake.waitFor(() => fake.calls.some((c) => c.method === "getUpdates"), 5000);
    let t0 = Date.now();
    await channel.stop();
    expect(Date.now() - t0).toBeLessThan(500);
    // a second channel caught in a 429 backoff (retry_after 20 s)
    const other = new ZaloChannel({
      token: fake.token,
      baseUrl: fake.url,
      mode: "polling",
      ratePerSecond: 10,
      pollTimeoutSec: 1,
      log: rig!.h.s.log,
      core: rig!.h.core,
    });
    fake.failNext(1, 429, { method: "getUpdates", retryAfter: 20 });
    await other.start();
    await fake.waitFor(() => fake.calls.some((c) => c.status === 429), 5000);
    t0 = Date.now();
    await other.stop();
    expect(Date.now() - t0).toBeLessThan(500);
  });
});

describe("Zalo channel by webhook", () => {
  it("When the channel starts, then the webhook is registered on <PUBLIC_URL>/zalo with the secret", async () => {
    const { fake } = await setup({ mode: "webhook" });
    expect(fake.webhook).toMatchObject({ url: "https://bot.example.org/zalo", secret_token: SECRET });
  });

  it("When the secret header is wrong or missing, then the answer is 401 and nothing is stored or sent", async () => {
    const { fake, h, webhookUrl } = await setup({ mode: "webhook" });
    const u = fake.update("message.text.received", "zw1", "Hòa", { text: "/trogiup" });
    expect((await fake.deliverWebhook(u, { to: webhookUrl, secret: "zalo-Webhook_secret02" })).status).toBe(401);
    expect((await fake.deliverWebhook(u, { to: webhookUrl, secret: null })).status).toBe(401);
    expect((await fake.deliverWebhook(u, { to: webhookUrl, secret: SECRET.slice(0, -1) })).status).toBe(401);
    // work after an answer is tracked by the rig: a refused call left none
    expect(rig!.pending).toHaveLength(0);
    expect(await h.s.prisma.inboundUpdate.count()).toBe(0);
    expect(fake.sent).toEqual([]);
  });

  it("When flat and wrapped bodies arrive with the right secret, then both are answered, and a redelivery only once", async () => {
    const { fake, h, webhookUrl } = await setup({ mode: "webhook" });
    const flat = fake.update("message.text.received", "zw2", "Hòa", { text: "/trogiup" });
    const wrapped = fake.update("message.text.received", "zw2", "Hòa", { text: "/khongco" });
    expect((await fake.deliverWebhook(flat, { to: webhookUrl })).status).toBe(200);
    expect((await fake.deliverWebhook(wrapped, { to: webhookUrl, wrapped: true })).status).toBe(200);
    expect((await fake.deliverWebhook(flat, { to: webhookUrl })).status).toBe(200);
    await fake.waitFor(() => fake.messagesTo("zw2").length >= 2);
    // the work after each answer is done (the redelivery's too) and the replies are out
    await Promise.all(rig!.pending);
    await settled(h, "zw2");
    expect(texts(fake, "zw2")).toEqual([expect.stringContaining(helpText.header("Hòa")), coreText.unknownCommand("khongco")]);
    expect(await h.s.prisma.inboundUpdate.count({ where: { channel: "zalo" } })).toBe(2);
  });

  it("When an unsupported event or a sticker arrives, then the user gets the polite unsupported text", async () => {
    const { fake, webhookUrl } = await setup({ mode: "webhook" });
    expect((await fake.deliverWebhook(fake.update("message.unsupported.received", "zw3", "Bé"), { to: webhookUrl })).status).toBe(200);
    await fake.waitFor(() => fake.messagesTo("zw3").length >= 1);
    expect(texts(fake, "zw3")).toEqual([coreText.unsupported]);
    await fake.deliverWebhook(fake.update("message.sticker.received", "zw4", "Tú", { sticker: "st-1" }), { to: webhookUrl, wrapped: true });
    await fake.waitFor(() => fake.messagesTo("zw4").length >= 1);
    expect(texts(fake, "zw4")).toEqual([coreText.unsupported]);
  });

  it("When the secret is wrong, then the server answers 401 from the headers alone, without waiting for the body", async () => {
    const { h, webhookUrl } = await setup({ mode: "webhook" });
    const head = await headOnly(webhookUrl!, { "content-type": "application/json", "content-length": "5000", "x-bot-api-secret-token": "wrong-secret-123" });
    expect(head).toMatch(/^HTTP\/1\.1 401 /);
    expect(await h.s.prisma.inboundUpdate.count()).toBe(0);
  });

  it("When a webhook body is over 64 KB, then the answer is 413, by its length or while it streams, and nothing is stored", async () => {
    const { fake, h, webhookUrl } = await setup({ mode: "webhook" });
    const update = fake.update("message.text.received", "zw9", "Lớn", { text: "x".repeat(70 * 1024) });
    const headers = { "content-type": "application/json", "x-bot-api-secret-token": SECRET };
    const big = await fetch(webhookUrl!, { method: "POST", headers, body: JSON.stringify(update) });
    expect(big.status).toBe(413);
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    expect(await postChunked(webhookUrl!, headers, [chunk, chunk, chunk, chunk, chunk])).toBe(413);
    expect(await h.s.prisma.inboundUpdate.count()).toBe(0);
    // a small update still goes through on the same server
    expect((await fake.deliverWebhook(fake.update("message.text.received", "zw9", "Lớn", { text: "/trogiup" }), { to: webhookUrl })).status).toBe(200);
    await fake.waitFor(() => fake.messagesTo("zw9").length >= 1);
  });

  it("When the body is not JSON or not an update, then the answer is 400 or an empty 200 and nothing is stored", async () => {
    const { h, webhookUrl } = await setup({ mode: "webhook" });
    const post = (body: string) =>
      fetch(webhookUrl!, { method: "POST", headers: { "content-type": "application/json", "x-bot-api-secret-token": SECRET }, body });
    expect((await post("{not json")).status).toBe(400);
    expect((await post(JSON.stringify({ hello: "world" }))).status).toBe(200);
    expect((await post(JSON.stringify({ ok: true, result: [] }))).status).toBe(200);
    expect(await h.s.prisma.inboundUpdate.count()).toBe(0);
  });
});
