import { afterEach, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { ZaloApiError, ZaloClient, ZaloNetworkError, parseZaloWebhookBody, toEpochMs } from "../../bot/channels/zalo/client.ts";
import { FakeZalo, type FakeZaloOptions } from "../fakes/zalo.ts";

const TOKEN = "987654321:SuperSecret-zalo_TOKEN";
const SECRET_PART = "SuperSecret-zalo_TOKEN";

const fakes: FakeZalo[] = [];
const servers: Server[] = [];
async function startFake(opts: FakeZaloOptions = {}): Promise<FakeZalo> {
  const f = await FakeZalo.start({ token: TOKEN, ...opts });
  fakes.push(f);
  return f;
}
afterEach(async () => {
  while (fakes.length) await fakes.pop()!.close();
  while (servers.length) {
    const s = servers.pop()!;
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
});

/** A tiny server answering every request with `handler`'s status, headers and body. */
async function rawServer(handler: (url: string) => { status: number; body: string; headers?: Record<string, string> }): Promise<string> {
  const s = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const r = handler(req.url ?? "");
      res.writeHead(r.status, { "content-type": "application/json", ...(r.headers ?? {}) });
      res.end(r.body);
    });
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

const client = (fake: FakeZalo, extra: Partial<ConstructorParameters<typeof ZaloClient>[0]> = {}) =>
  new ZaloClient({ token: fake.token, baseUrl: fake.url, ...extra });

async function caught(p: Promise<unknown>): Promise<ZaloApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ZaloApiError);
    return e as ZaloApiError;
  }
  throw new Error("expected a rejection");
}

/** Every way an error might be logged or serialised: none may hold the token or its secret part. */
function expectNoToken(e: unknown): void {
  const err = e as Error;
  const views = [String(err.message), String(err.stack), JSON.stringify(err), inspect(err, { depth: 10, showHidden: true }), String(err)];
  for (const v of views) {
    expect(v).not.toContain(TOKEN);
    expect(v).not.toContain(SECRET_PART);
  }
  expect((err as { cause?: unknown }).cause).toBeUndefined();
  expect((err as { config?: unknown }).config).toBeUndefined();
}

describe("ZaloClient: every method against the strict fake", () => {
  it("When getMe is called, then the bot account comes back", async () => {
    const fake = await startFake();
    expect(await client(fake).getMe()).toEqual({ id: "987654321", account_name: "doan_test_bot", account_type: "BASIC", can_join_groups: true });
  });

  it("When a Vietnamese text is sent, then the fake records it and a message_id and a date in ms come back", async () => {
    const fake = await startFake();
    const before = Date.now();
    const r = await client(fake).sendMessage("u1", "Chào bạn, đây là hệ thống tự động của Đoàn.");
    expect(r.message_id).toMatch(/^[0-9a-f]{32}$/);
    expect(r.date).toBeGreaterThanOrEqual(before);
    expect(fake.messagesTo("u1").map((m) => m.text)).toEqual(["Chào bạn, đây là hệ thống tự động của Đoàn."]);
    expect(fake.calls.at(-1)!.body).toEqual({ chat_id: "u1", text: "Chào bạn, đây là hệ thống tự động của Đoàn." });
  });

  it("When the text is empty, blank or over 2000 characters, then it is refused with a 400 before any call", async () => {
    const fake = await startFake();
    const c = client(fake);
    for (const text of ["", "  \n", "x".repeat(2001)]) {
      const e = await caught(c.sendMessage("u1", text));
      expect(e.code).toBe(400);
    }
    expect((await caught(c.sendMessage("", "x"))).code).toBe(400);
    expect(fake.calls).toEqual([]);
    await c.sendMessage("u1", "x".repeat(2000));
    expect(fake.sent).toHaveLength(1);
  });

  it("When a photo, a chat action and webhook calls are made, then the fake sees exactly what Zalo expects", async () => {
    const fake = await startFake();
    const c = client(fake);
    const p = await c.sendPhoto("u1", "https://img.example/a.jpg", "Ảnh hoạt động");
    expect(p.message_id).toMatch(/^[0-9a-f]{32}$/);
    await c.sendPhoto("u1", "https://img.example/b.jpg");
    expect(fake.calls.at(-1)!.body).toEqual({ chat_id: "u1", photo: "https://img.example/b.jpg" });
    expect((await caught(c.sendPhoto("u1", "ftp://nope"))).code).toBe(400);
    await c.sendChatAction("u1");
    expect(fake.chatActions).toMatchObject([{ chat_id: "u1", action: "typing" }]);
    const set = await c.setWebhook("https://bot.example.org/zalo", "S3cret_token-ok");
    expect(set.url).toBe("https://bot.example.org/zalo");
    expect(set.updated_at).toBeGreaterThan(1e12);
    expect((await c.getWebhookInfo()).url).toBe("https://bot.example.org/zalo");
    expect((await c.deleteWebhook()).url).toBe("");
    expect((await c.getWebhookInfo()).url).toBe("");
    const bad = await caught(c.setWebhook("http://bot.example.org/zalo", "S3cret_token-ok"));
    expect(bad.code).toBe(400);
    expect(bad.message).not.toContain("S3cret_token-ok");
  });
});

describe("ZaloClient: getUpdates", () => {
  it("When nothing arrives, then getUpdates resolves null on the 408, having sent the timeout as a string", async () => {
    const fake = await startFake();
    expect(await client(fake).getUpdates(1)).toBeNull();
    expect(fake.calls).toEqual([{ method: "getUpdates", body: { timeout: "1" }, status: 408 }]);
  });

  it("When errors come with HTTP 200 and the code in the body, then a 408 is still null and a 401 still an error", async () => {
    const fake = await startFake({ errorsWithHttp200: true });
    expect(await client(fake).getUpdates(0)).toBeNull();
    const e = await caught(new ZaloClient({ token: "1:wrong-token", baseUrl: fake.url }).getMe());
    expect(e.code).toBe(401);
  });

  it("When updates are queued, then each call returns one parsed update with the date in milliseconds", async () => {
    const fake = await startFake({ dateUnit: "s", imageField: "photo" });
    const id = fake.sendText("u1", "Xin chào", "Lan");
    fake.sendImage("u2", "https://img.example/p.jpg", "chú thích");
    const c = client(fake);
    const a = await c.getUpdates(0);
    expect(a).toMatchObject({
      event_name: "message.text.received",
      message: { message_id: id, text: "Xin chào", from: { id: "u1", display_name: "Lan", is_bot: false }, chat: { id: "u1", chat_type: "PRIVATE" } },
    });
    expect(a!.message.date).toBeGreaterThan(1e12);
    expect(Math.abs(a!.message.date - Date.now())).toBeLessThan(5000);
    expect(await c.getUpdates(0)).toMatchObject({ event_name: "message.image.received", message: { photo: "https://img.example/p.jpg", caption: "chú thích" } });
    expect(await c.getUpdates(0)).toBeNull();
  });

  it("When the poll is aborted, then getUpdates rejects at once with an 'aborted' network error and nothing is consumed", async () => {
    const fake = await startFake();
    const c = client(fake);
    const ac = new AbortController();
    const t0 = Date.now();
    const p = c.getUpdates(10, ac.signal);
    setTimeout(() => ac.abort(), 100);
    const e = await caught(p);
    expect(e).toBeInstanceOf(ZaloNetworkError);
    expect((e as ZaloNetworkError).reason).toBe("aborted");
    expect(e.code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(2000);
    const already = await caught(c.getUpdates(10, AbortSignal.abort()));
    expect((already as ZaloNetworkError).reason).toBe("aborted");
    fake.sendText("u1", "sau khi hủy");
    expect((await c.getUpdates(2))!.message.text).toBe("sau khi hủy");
  });

  it("When the API hangs past the poll timeout plus the grace, then a 'timeout' network error comes back and the update is kept", async () => {
    const fake = await startFake();
    fake.stall(3000, { method: "getUpdates" });
    fake.sendText("u1", "đang chờ");
    const c = client(fake, { pollGraceMs: 300 });
    const t0 = Date.now();
    const e = await caught(c.getUpdates(0));
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(e).toBeInstanceOf(ZaloNetworkError);
    expect((e as ZaloNetworkError).reason).toBe("timeout");
    expectNoToken(e);
    expect((await c.getUpdates(0))!.message.text).toBe("đang chờ");
  });
});

describe("ZaloClient: typed errors", () => {
  it("When the token is wrong, then a ZaloApiError 401 comes back whose message, JSON and stack hold no token", async () => {
    const fake = await startFake();
    const c = new ZaloClient({ token: "987654321:Wrong-but-secret", baseUrl: fake.url });
    const e = await caught(c.sendMessage("u1", "x"));
    expect(e.code).toBe(401);
    expect(e.method).toBe("sendMessage");
    for (const v of [e.message, e.stack ?? "", JSON.stringify(e), inspect(e, { showHidden: true })]) expect(v).not.toContain("Wrong-but-secret");
  });

  it("When the server fails with 500, then the error is typed with its code and holds no token", async () => {
    const fake = await startFake();
    fake.failNext(1, 500);
    const e = await caught(client(fake).getMe());
    expect(e.code).toBe(500);
    expect(e.retryAfter).toBeUndefined();
    expectNoToken(e);
  });

  it("When the server answers 429, then retryAfter comes from the body, else the Retry-After header, else is undefined", async () => {
    const fake = await startFake();
    const c = client(fake);
    fake.failNext(1, 429, { retryAfter: 7 });
    expect(await caught(c.getMe())).toMatchObject({ code: 429, retryAfter: 7 });
    fake.failNext(1, 429, { retryAfter: 4, retryAfterIn: "header" });
    expect(await caught(c.getMe())).toMatchObject({ code: 429, retryAfter: 4 });
    fake.failNext(1, 429);
    const none = await caught(c.getMe());
    expect(none.code).toBe(429);
    expect(none.retryAfter).toBeUndefined();
    const date = new Date(Date.now() + 3000).toUTCString();
    const base = await rawServer(() => ({ status: 429, body: JSON.stringify({ ok: false, error_code: 429 }), headers: { "retry-after": date } }));
    const fromDate = await caught(new ZaloClient({ token: TOKEN, baseUrl: base }).getMe());
    expect(fromDate.retryAfter).toBeGreaterThanOrEqual(1);
    expect(fromDate.retryAfter).toBeLessThanOrEqual(4);
  });

  it("When the sending rate is exceeded, then the fake's 429 surfaces as a ZaloApiError 429", async () => {
    const fake = await startFake({ perChatBurst: 1, retryAfterHint: "body" });
    const c = client(fake);
    await c.sendMessage("u1", "một");
    const e = await caught(c.sendMessage("u1", "hai"));
    expect(e).toMatchObject({ code: 429, retryAfter: 1 });
    expect(fake.count429).toBe(1);
  });

  it("When the server echoes the URL in its description, then the token is redacted", async () => {
    const base = await rawServer((url) => ({ status: 400, body: JSON.stringify({ ok: false, error_code: 400, description: `bad call to ${url} (token ${TOKEN})` }) }));
    const e = await caught(new ZaloClient({ token: TOKEN, baseUrl: base }).sendMessage("u1", "x"));
    expect(e.code).toBe(400);
    expect(e.description).toContain("/bot<redacted>/sendMessage");
    expectNoToken(e);
  });

  it("When the answer is not JSON (a proxy page), then the error carries the HTTP status", async () => {
    const base = await rawServer(() => ({ status: 502, body: "<html>Bad gateway</html>" }));
    const e = await caught(new ZaloClient({ token: TOKEN, baseUrl: base }).getMe());
    expect(e.code).toBe(502);
    expectNoToken(e);
    const ok200 = await rawServer(() => ({ status: 200, body: "not json" }));
    expect((await caught(new ZaloClient({ token: TOKEN, baseUrl: ok200 }).getMe())).code).toBe(502);
  });

  it("When nothing listens at the base URL, then a ZaloNetworkError (code 0) comes back without the token", async () => {
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
    const port = (s.address() as AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    const e = await caught(new ZaloClient({ token: TOKEN, baseUrl: `http://127.0.0.1:${port}` }).getUpdates(1));
    expect(e).toBeInstanceOf(ZaloNetworkError);
    expect(e.code).toBe(0);
    expect((e as ZaloNetworkError).reason).toBe("network");
    expect((e as ZaloNetworkError).errno).toBe("ECONNREFUSED");
    expectNoToken(e);
  });

  it("When an ordinary call exceeds timeoutMs, then a 'timeout' network error comes back without the token", async () => {
    const fake = await startFake();
    fake.stall(2000);
    const e = await caught(client(fake, { timeoutMs: 200 }).sendMessage("u1", "chậm"));
    expect((e as ZaloNetworkError).reason).toBe("timeout");
    expectNoToken(e);
  });
});

describe("parseZaloWebhookBody", () => {
  const flat = {
    event_name: "message.text.received",
    message: { message_id: "a1b2", date: 1767225600000, from: { id: "u1", display_name: "Lan", is_bot: false }, chat: { id: "u1", chat_type: "PRIVATE" }, text: "chào" },
  };

  it("When the body is flat or wrapped, then the same update comes back", () => {
    const a = parseZaloWebhookBody(flat);
    expect(a).toEqual(flat);
    expect(parseZaloWebhookBody({ ok: true, result: flat })).toEqual(flat);
  });

  it("When dates are seconds, ids numbers and chat_type lower case, then they are normalised", () => {
    const u = parseZaloWebhookBody({
      event_name: "message.text.received",
      message: { message_id: 42, date: 1767225600, from: { id: 7, display_name: null }, chat: { id: 7, chat_type: "private" }, text: "x", extra: { y: 1 } },
    });
    expect(u).toEqual({
      event_name: "message.text.received",
      message: { message_id: "42", date: 1767225600000, from: { id: "7" }, chat: { id: "7", chat_type: "PRIVATE" }, text: "x" },
    });
    expect(toEpochMs(1767225600)).toBe(1767225600000);
    expect(toEpochMs(1767225600123)).toBe(1767225600123);
  });

  it("When the body is anything else, then null comes back", () => {
    for (const junk of [
      null,
      "text",
      42,
      [flat],
      {},
      { ok: true },
      { ok: true, result: [flat] },
      { event_name: "message.text.received" },
      { event_name: "", message: flat.message },
      { event_name: "message.text.received", message: { ...flat.message, from: undefined } },
      { event_name: "message.text.received", message: { ...flat.message, chat: { id: "" } } },
      { event_name: "message.text.received", message: { ...flat.message, message_id: {} } },
    ]) {
      expect(parseZaloWebhookBody(junk)).toBeNull();
    }
  });

  it("When content fields have odd types, then the update is kept without them", () => {
    const u = parseZaloWebhookBody({ event_name: "message.image.received", message: { ...flat.message, text: undefined, photo: { big: 1 }, photo_url: "https://x/p.jpg" } });
    expect(u?.message.photo).toBeUndefined();
    expect(u?.message.photo_url).toBe("https://x/p.jpg");
  });
});
