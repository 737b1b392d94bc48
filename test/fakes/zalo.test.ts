import { afterEach, describe, expect, it } from "vitest";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeZalo, type FakeZaloOptions } from "./zalo.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ApiAnswer = { status: number; ok: boolean; result?: any; error_code?: number; description?: string; parameters?: { retry_after?: number }; retryAfterHeader: string | null };

const fakes: FakeZalo[] = [];
async function startFake(opts?: FakeZaloOptions): Promise<FakeZalo> {
  const f = await FakeZalo.start(opts);
  fakes.push(f);
  return f;
}
afterEach(async () => {
  while (fakes.length) await fakes.pop()!.close();
});

async function call(fake: FakeZalo, method: string, body: Record<string, unknown> = {}, token = fake.token, signal?: AbortSignal): Promise<ApiAnswer> {
  const res = await fetch(`${fake.url}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
  const json = (await res.json()) as Omit<ApiAnswer, "status" | "retryAfterHeader">;
  return { status: res.status, retryAfterHeader: res.headers.get("retry-after"), ...json };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("FakeZalo: routing, token and getMe", () => {
  it("When the token is wrong, then the answer is 401 and the call is recorded", async () => {
    const fake = await startFake();
    const r = await call(fake, "getMe", {}, "1234567890:wrong-secret");
    expect(r).toMatchObject({ status: 401, ok: false, error_code: 401 });
    expect(fake.calls).toEqual([{ method: "getMe", body: {}, status: 401 }]);
  });

  it("When the method is unknown, the verb is GET or the body is not JSON, then the call is refused", async () => {
    const fake = await startFake();
    expect(await call(fake, "sendTelepathy", {})).toMatchObject({ status: 404, ok: false, error_code: 404 });
    const get = await fetch(`${fake.url}/bot${fake.token}/getMe`);
    expect(get.status).toBe(400);
    const form = await fetch(`${fake.url}/bot${fake.token}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "chat_id=u1&text=hi",
    });
    expect(form.status).toBe(400);
    const broken = await fetch(`${fake.url}/bot${fake.token}/sendMessage`, { method: "POST", headers: { "content-type": "application/json" }, body: "{oops" });
    expect(broken.status).toBe(400);
    expect((await fetch(`${fake.url}/elsewhere`, { method: "POST" })).status).toBe(404);
    expect(fake.sent).toEqual([]);
  });

  it("When getMe is called, then the bot account comes back", async () => {
    const fake = await startFake();
    const r = await call(fake, "getMe");
    expect(r).toMatchObject({ status: 200, ok: true, result: { id: "1234567890", account_name: "doan_test_bot", can_join_groups: true } });
  });

  it("When errorsWithHttp200 is set, then errors come with HTTP 200 and the code only in the body", async () => {
    const fake = await startFake({ errorsWithHttp200: true });
    const r = await call(fake, "getMe", {}, "1:nope-nope");
    expect(r).toMatchObject({ status: 200, ok: false, error_code: 401 });
  });
});

describe("FakeZalo: sendMessage and friends", () => {
  it("When a text of 1–2000 characters is sent, then it is recorded with chat_id, text and time, and a hex message_id comes back", async () => {
    const fake = await startFake({ rateLimits: false });
    const before = Date.now();
    const r = await call(fake, "sendMessage", { chat_id: "u1", text: "Xin chào đoàn viên!" });
    expect(r.status).toBe(200);
    expect(r.result.message_id).toMatch(/^[0-9a-f]{32}$/);
    expect(r.result.date).toBeGreaterThanOrEqual(before);
    const full = await call(fake, "sendMessage", { chat_id: "u1", text: "đ".repeat(2000) });
    expect(full.status).toBe(200);
    expect(fake.messagesTo("u1").map((m) => m.text.length)).toEqual([19, 2000]);
    expect(fake.sent[0]).toMatchObject({ chat_id: "u1", text: "Xin chào đoàn viên!", method: "sendMessage", message_id: r.result.message_id });
    expect(fake.sent[0]!.at).toBeGreaterThanOrEqual(before);
  });

  it("When the text is empty, blank or longer than 2000 characters, then the answer is 400 and nothing is sent", async () => {
    const fake = await startFake({ rateLimits: false });
    for (const text of ["", "   \n ", "a".repeat(2001)]) {
      expect(await call(fake, "sendMessage", { chat_id: "u1", text })).toMatchObject({ status: 400, ok: false, error_code: 400 });
    }
    expect(await call(fake, "sendMessage", { chat_id: "u1" })).toMatchObject({ status: 400 });
    expect(await call(fake, "sendMessage", { chat_id: "", text: "x" })).toMatchObject({ status: 400 });
    expect(await call(fake, "sendMessage", { chat_id: 12345, text: "x" })).toMatchObject({ status: 400 });
    expect(fake.sent).toEqual([]);
  });

  it("When parse_mode or a keyboard is sent, then it is refused (or parse_mode ignored when so configured)", async () => {
    const strict = await startFake({ rateLimits: false });
    expect(await call(strict, "sendMessage", { chat_id: "u1", text: "x", parse_mode: "html" })).toMatchObject({ status: 400 });
    expect(await call(strict, "sendMessage", { chat_id: "u1", text: "x", reply_markup: { inline_keyboard: [] } })).toMatchObject({ status: 400 });
    expect(strict.sent).toEqual([]);
    const lenient = await startFake({ rateLimits: false, parseMode: "ignore" });
    expect(await call(lenient, "sendMessage", { chat_id: "u1", text: "<b>x</b>", parse_mode: "html" })).toMatchObject({ status: 200 });
    expect(lenient.sent[0]!.text).toBe("<b>x</b>");
  });

  it("When requireKnownChat is set, then only chats that wrote to the bot may be sent to", async () => {
    const fake = await startFake({ rateLimits: false, requireKnownChat: true });
    expect(await call(fake, "sendMessage", { chat_id: "stranger", text: "x" })).toMatchObject({ status: 400 });
    fake.sendText("friend", "xin chào");
    expect(await call(fake, "sendMessage", { chat_id: "friend", text: "x" })).toMatchObject({ status: 200 });
  });

  it("When photos, stickers and chat actions are sent, then they are validated and recorded", async () => {
    const fake = await startFake({ rateLimits: false });
    expect(await call(fake, "sendPhoto", { chat_id: "u1", photo: "not a url" })).toMatchObject({ status: 400 });
    expect(await call(fake, "sendPhoto", { chat_id: "u1", photo: "https://x.example/a.png", caption: "c".repeat(2001) })).toMatchObject({ status: 400 });
    expect(await call(fake, "sendPhoto", { chat_id: "u1", photo: "https://x.example/a.png", caption: "Ảnh" })).toMatchObject({ status: 200 });
    expect(await call(fake, "sendSticker", { chat_id: "u1", sticker: "" })).toMatchObject({ status: 400 });
    expect(await call(fake, "sendSticker", { chat_id: "u1", sticker: "abc" })).toMatchObject({ status: 200 });
    expect(await call(fake, "sendChatAction", { chat_id: "u1", action: "dancing" })).toMatchObject({ status: 400 });
    expect(await call(fake, "sendChatAction", { chat_id: "u1", action: "typing" })).toMatchObject({ status: 200, result: true });
    expect(fake.sent.map((m) => [m.method, m.text, m.photo ?? m.sticker])).toEqual([
      ["sendPhoto", "Ảnh", "https://x.example/a.png"],
      ["sendSticker", "", "abc"],
    ]);
    expect(fake.chatActions).toMatchObject([{ chat_id: "u1", action: "typing" }]);
  });
});

describe("FakeZalo: rate limits", () => {
  it("When one chat gets more than its burst within a second, then the fake answers 429 and counts it", async () => {
    const fake = await startFake({ perChatBurst: 3, perChatPerSecond: 1 });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await call(fake, "sendMessage", { chat_id: "u1", text: `tin ${i}` })).status);
    expect(answers).toEqual([200, 200, 200, 429, 429]);
    expect(fake.count429).toBe(2);
    expect(fake.messagesTo("u1")).toHaveLength(3);
    // another chat is not affected
    expect((await call(fake, "sendMessage", { chat_id: "u2", text: "x" })).status).toBe(200);
  });

  it("When all chats together exceed the global rate, then the fake answers 429 (with retry_after when so configured)", async () => {
    const fake = await startFake({ globalPerSecond: 2, retryAfterHint: "body" });
    const a = await call(fake, "sendMessage", { chat_id: "a", text: "x" });
    const b = await call(fake, "sendMessage", { chat_id: "b", text: "x" });
    const c = await call(fake, "sendMessage", { chat_id: "c", text: "x" });
    expect([a.status, b.status, c.status]).toEqual([200, 200, 429]);
    expect(c.parameters?.retry_after).toBe(1);
    await sleep(1050);
    expect((await call(fake, "sendMessage", { chat_id: "c", text: "x" })).status).toBe(200);
  });

  it("When no hint is configured, then a rate-limit 429 says nothing about when to retry (Zalo documents nothing)", async () => {
    const fake = await startFake({ globalPerSecond: 1 });
    await call(fake, "sendMessage", { chat_id: "a", text: "x" });
    const r = await call(fake, "sendMessage", { chat_id: "b", text: "x" });
    expect(r.status).toBe(429);
    expect(r.parameters).toBeUndefined();
    expect(r.retryAfterHeader).toBeNull();
  });
});

describe("FakeZalo: getUpdates", () => {
  it("When nothing arrives before the poll timeout, then the answer is 408 {ok:false,error_code:408}", async () => {
    const fake = await startFake();
    const t0 = Date.now();
    const r = await call(fake, "getUpdates", { timeout: "1" });
    expect(r).toMatchObject({ status: 408, ok: false, error_code: 408 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(await call(fake, "getUpdates", { timeout: "0" })).toMatchObject({ status: 408 });
  });

  it("When the timeout is not a string of seconds, then the answer is 400", async () => {
    const fake = await startFake();
    expect(await call(fake, "getUpdates", { timeout: 30 })).toMatchObject({ status: 400 });
    expect(await call(fake, "getUpdates", { timeout: "soon" })).toMatchObject({ status: 400 });
  });

  it("When two updates are queued, then each call returns ONE update (not an array), in order", async () => {
    const fake = await startFake();
    const id1 = fake.sendText("u1", "một", "Lan");
    const id2 = fake.sendImage("u2", "https://img.example/p.jpg", "hai");
    const a = await call(fake, "getUpdates", { timeout: "0" });
    const b = await call(fake, "getUpdates", { timeout: "0" });
    expect(Array.isArray(a.result)).toBe(false);
    expect(a.result).toMatchObject({
      event_name: "message.text.received",
      message: { message_id: id1, text: "một", from: { id: "u1", display_name: "Lan", is_bot: false }, chat: { id: "u1", chat_type: "PRIVATE" } },
    });
    expect(a.result.message.date).toBeGreaterThan(1e12);
    expect(b.result).toMatchObject({ event_name: "message.image.received", message: { message_id: id2, photo_url: "https://img.example/p.jpg", caption: "hai" } });
    expect(fake.pending).toBe(0);
    expect(await call(fake, "getUpdates", { timeout: "0" })).toMatchObject({ status: 408 });
  });

  it("When an update is pushed while a poll waits, then that poll returns it at once", async () => {
    const fake = await startFake();
    const t0 = Date.now();
    const waiting = call(fake, "getUpdates", { timeout: "5" });
    await fake.waitFor(() => fake.polling === 1);
    fake.sendUnsupported("u9");
    const r = await waiting;
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r.result).toMatchObject({ event_name: "message.unsupported.received", message: { from: { id: "u9" } } });
    expect(r.result.message.text).toBeUndefined();
  });

  it("When the same update is pushed twice, then it is delivered twice (redelivery is the bot's problem)", async () => {
    const fake = await startFake({ dateUnit: "s", imageField: "photo" });
    const u = fake.update("message.text.received", "u1", "An", { text: "lặp" });
    fake.pushUpdate(u);
    fake.pushUpdate(u);
    const a = await call(fake, "getUpdates", { timeout: "0" });
    const b = await call(fake, "getUpdates", { timeout: "0" });
    expect(a.result.message.message_id).toBe(b.result.message.message_id);
    expect(a.result.message.date).toBeLessThan(1e11); // seconds, as configured
  });

  it("When failNext(500) and failNext(429) are set, then those calls fail and no update is consumed", async () => {
    const fake = await startFake();
    fake.sendText("u1", "giữ lại");
    fake.failNext(1, 500, { method: "getUpdates" });
    fake.failNext(1, 429, { method: "getUpdates", retryAfter: 2 });
    fake.failNext(1, 429, { method: "getUpdates", retryAfter: 3, retryAfterIn: "header" });
    expect(await call(fake, "getUpdates", { timeout: "0" })).toMatchObject({ status: 500, error_code: 500 });
    expect(await call(fake, "getUpdates", { timeout: "0" })).toMatchObject({ status: 429, parameters: { retry_after: 2 } });
    const h = await call(fake, "getUpdates", { timeout: "0" });
    expect(h).toMatchObject({ status: 429 });
    expect(h.retryAfterHeader).toBe("3");
    expect(fake.count429).toBe(2);
    expect((await call(fake, "getUpdates", { timeout: "0" })).result.message.text).toBe("giữ lại");
  });

  it("When a call stalls and its client gives up, then it is recorded as 499 and the update stays queued", async () => {
    const fake = await startFake();
    fake.stall(600, { method: "getUpdates" });
    fake.sendText("u1", "đợi");
    await expect(call(fake, "getUpdates", { timeout: "0" }, fake.token, AbortSignal.timeout(150))).rejects.toThrow();
    await fake.waitFor(() => fake.calls.some((c) => c.status === 499), 3000);
    expect(fake.pending).toBe(1);
    expect((await call(fake, "getUpdates", { timeout: "0" })).result.message.text).toBe("đợi");
  });

  it("When a waiting poll is aborted by its client, then a later update goes to the next poll", async () => {
    const fake = await startFake();
    await expect(call(fake, "getUpdates", { timeout: "5" }, fake.token, AbortSignal.timeout(100))).rejects.toThrow();
    // the fake has seen the client go
    await fake.waitFor(() => fake.polling === 0);
    fake.sendText("u1", "sau");
    expect((await call(fake, "getUpdates", { timeout: "2" })).result.message.text).toBe("sau");
  });
});

describe("FakeZalo: webhooks", () => {
  it("When setWebhook gets a non-HTTPS url or a bad secret_token, then it answers 400", async () => {
    const fake = await startFake();
    const good = "S3cret_token-ok";
    expect(await call(fake, "setWebhook", { url: "http://bot.example.org/zalo", secret_token: good })).toMatchObject({ status: 400 });
    expect(await call(fake, "setWebhook", { url: "not a url", secret_token: good })).toMatchObject({ status: 400 });
    expect(await call(fake, "setWebhook", { url: "https://bot.example.org/zalo" })).toMatchObject({ status: 400 });
    for (const secret_token of ["short7c", "x".repeat(257), "có dấu cách!!"]) {
      expect(await call(fake, "setWebhook", { url: "https://bot.example.org/zalo", secret_token })).toMatchObject({ status: 400 });
    }
    expect(fake.webhook).toBeNull();
    expect(await call(fake, "setWebhook", { url: "https://bot.example.org/zalo", secret_token: "x".repeat(256) })).toMatchObject({ status: 200 });
    const ok = await call(fake, "setWebhook", { url: "https://bot.example.org/zalo", secret_token: "12345678" });
    expect(ok.result).toMatchObject({ url: "https://bot.example.org/zalo" });
    expect(typeof ok.result.updated_at).toBe("number");
  });

  it("When a webhook is set, then getUpdates is refused until deleteWebhook, and getWebhookInfo reports it", async () => {
    const fake = await startFake();
    await call(fake, "setWebhook", { url: "https://bot.example.org/zalo", secret_token: "S3cret_token-ok" });
    expect((await call(fake, "getWebhookInfo")).result).toMatchObject({ url: "https://bot.example.org/zalo" });
    expect(await call(fake, "getUpdates", { timeout: "0" })).toMatchObject({ status: 400 });
    expect((await call(fake, "deleteWebhook")).result).toMatchObject({ url: "" });
    expect((await call(fake, "getWebhookInfo")).result).toMatchObject({ url: "" });
    expect(await call(fake, "getUpdates", { timeout: "0" })).toMatchObject({ status: 408 });
  });

  it("When deliverWebhook posts an update, then it carries the secret header and the flat or wrapped body", async () => {
    const fake = await startFake();
    await call(fake, "setWebhook", { url: "https://bot.example.org/zalo", secret_token: "S3cret_token-ok" });
    const got: { secret: string | undefined; body: unknown }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        got.push({ secret: req.headers["x-bot-api-secret-token"] as string | undefined, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
        res.end("{}");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const to = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zalo`;
    try {
      const u = fake.update("message.text.received", "u1", "An", { text: "chào" });
      expect((await fake.deliverWebhook(u, { to })).status).toBe(200);
      await fake.deliverWebhook(u, { to, wrapped: true, secret: null });
      expect(got[0]).toMatchObject({ secret: "S3cret_token-ok", body: { event_name: "message.text.received", message: { text: "chào" } } });
      expect(got[1]).toMatchObject({ secret: undefined, body: { ok: true, result: { event_name: "message.text.received" } } });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it("When waitFor times out, then the error names the last calls", async () => {
    const fake = await startFake();
    await call(fake, "getMe");
    await expect(fake.waitFor(() => false, 100)).rejects.toThrow(/getMe→200/);
  });
});
