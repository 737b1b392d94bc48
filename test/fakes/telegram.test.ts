import { afterEach, describe, expect, it } from "vitest";
import { Bot, GrammyError, InputFile, InlineKeyboard } from "grammy";
import { FakeTelegram, commandsKey, parseTelegramHtml, type FakeTelegramOptions } from "./telegram.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ApiAnswer = { status: number; ok: boolean; result?: any; error_code?: number; description?: string; parameters?: { retry_after?: number } };

const fakes: FakeTelegram[] = [];
async function startFake(opts?: FakeTelegramOptions): Promise<FakeTelegram> {
  const f = await FakeTelegram.start(opts);
  fakes.push(f);
  return f;
}
afterEach(async () => {
  while (fakes.length) await fakes.pop()!.close();
});

async function call(fake: FakeTelegram, method: string, body: Record<string, unknown> = {}, token = fake.token): Promise<ApiAnswer> {
  const res = await fetch(`${fake.url}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Omit<ApiAnswer, "status">;
  return { status: res.status, ...json };
}

const hoa = { id: 5001, first_name: "Hoa", username: "hoa_nguyen" };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("FakeTelegram: routing and getMe", () => {
  it("When the token is wrong, then the answer is 401 Unauthorized and the call is recorded", async () => {
    const fake = await startFake();
    const r = await call(fake, "getMe", {}, "999:wrong");
    expect(r).toMatchObject({ status: 401, ok: false, error_code: 401, description: "Unauthorized" });
    expect(fake.calls).toEqual([{ method: "getMe", body: {}, status: 401 }]);
  });

  it("When the method does not exist, then the answer is 404 Not Found", async () => {
    const fake = await startFake();
    expect(await call(fake, "sendTelepathy", { chat_id: 1 })).toMatchObject({ status: 404, ok: false, error_code: 404, description: "Not Found" });
    const res = await fetch(`${fake.url}/nothing-here`);
    expect(res.status).toBe(404);
  });

  it("When getMe is called (any case, GET or POST), then a bot user named doan_test_bot comes back", async () => {
    const fake = await startFake();
    const r = await call(fake, "getMe");
    expect(r.status).toBe(200);
    expect(r.result).toMatchObject({ id: 123456, is_bot: true, username: "doan_test_bot", can_join_groups: true });
    expect(typeof r.result.first_name).toBe("string");
    const viaGet = (await (await fetch(`${fake.url}/bot${fake.token}/getme`)).json()) as { result: { username: string } };
    expect(viaGet.result.username).toBe("doan_test_bot");
  });

  it("When parameters come as a query string or form-urlencoded, then they are understood like JSON", async () => {
    const fake = await startFake({ rateLimits: false });
    const q = await (await fetch(`${fake.url}/bot${fake.token}/sendMessage?chat_id=7&text=${encodeURIComponent("xin chào")}`)).json();
    expect(q).toMatchObject({ ok: true, result: { chat: { id: 7 }, text: "xin chào" } });
    const form = await fetch(`${fake.url}/bot${fake.token}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ chat_id: "7", text: "<b>đậm</b>", parse_mode: "HTML", reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "A", callback_data: "a" }]] }) }),
    });
    expect(await form.json()).toMatchObject({ ok: true, result: { text: "đậm", entities: [{ type: "bold", offset: 0, length: 3 }] } });
    expect(fake.messagesTo(7).map((m) => m.text)).toEqual(["xin chào", "đậm"]);
  });
});

describe("FakeTelegram: getUpdates", () => {
  it("When updates are pushed, then getUpdates returns them and an offset confirms the earlier ones", async () => {
    const fake = await startFake();
    const a = fake.sendText(hoa, "/start ABC");
    const b = fake.sendText(hoa, "một");
    const c = fake.sendText(hoa, "hai");
    expect([b - a, c - b]).toEqual([1, 1]);

    const all = await call(fake, "getUpdates");
    expect(all.result.map((u: { update_id: number }) => u.update_id)).toEqual([a, b, c]);
    expect(all.result[0].message).toMatchObject({
      chat: { id: 5001, type: "private", first_name: "Hoa" },
      from: { id: 5001, is_bot: false, username: "hoa_nguyen" },
      text: "/start ABC",
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
    });
    expect(all.result[1].message.entities).toBeUndefined();

    const limited = await call(fake, "getUpdates", { offset: b, limit: 1 });
    expect(limited.result.map((u: { update_id: number }) => u.update_id)).toEqual([b]);
    // `a` is confirmed now and never comes back
    const again = await call(fake, "getUpdates");
    expect(again.result.map((u: { update_id: number }) => u.update_id)).toEqual([b, c]);
    expect((await call(fake, "getUpdates", { offset: c + 1 })).result).toEqual([]);
  });

  it("When nothing is pending, then a long poll is held until an update arrives", async () => {
    const fake = await startFake();
    const t0 = Date.now();
    let answered = false;
    const pending = call(fake, "getUpdates", { timeout: 10 }).finally(() => (answered = true));
    await fake.waitFor(() => fake.polling === 1);
    expect(answered).toBe(false);
    const id = fake.sendText(hoa, "chào");
    const r = await pending;
    expect(r.result.map((u: { update_id: number }) => u.update_id)).toEqual([id]);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it("When nothing arrives before the timeout, then the long poll answers an empty list after it", async () => {
    const fake = await startFake();
    const t0 = Date.now();
    const r = await call(fake, "getUpdates", { timeout: 1 });
    expect(r.result).toEqual([]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it("When a second getUpdates overlaps, then the older one gets 409 Conflict", async () => {
    const fake = await startFake();
    const older = call(fake, "getUpdates", { timeout: 10 });
    await fake.waitFor(() => fake.polling === 1);
    const newer = await call(fake, "getUpdates", { timeout: 0 });
    expect(newer.status).toBe(200);
    const r = await older;
    expect(r).toMatchObject({ status: 409, error_code: 409 });
    expect(r.description).toContain("terminated by other getUpdates request");
  });

  it("When allowed_updates leaves out a type, then those updates are not delivered", async () => {
    const fake = await startFake();
    fake.pushUpdate({ edited_message: { message_id: 1, date: 0, chat: { id: 1, type: "private" }, text: "x" } });
    const keep = fake.sendText(hoa, "giữ");
    const r = await call(fake, "getUpdates", { allowed_updates: ["message", "callback_query"] });
    expect(r.result.map((u: { update_id: number }) => u.update_id)).toEqual([keep]);
  });
});

describe("FakeTelegram: webhooks", () => {
  it("When a webhook is set, then getUpdates answers 409 and getWebhookInfo shows it until deleteWebhook", async () => {
    const fake = await startFake();
    fake.sendText(hoa, "chờ");
    const set = await call(fake, "setWebhook", { url: "https://bot.example.vn/telegram", secret_token: "abc_DEF-123", allowed_updates: ["message"] });
    expect(set).toMatchObject({ status: 200, result: true, description: "Webhook was set" });
    expect(fake.webhook).toEqual({ url: "https://bot.example.vn/telegram", secret_token: "abc_DEF-123" });
    const polled = await call(fake, "getUpdates");
    expect(polled.status).toBe(409);
    expect(polled.description).toContain("webhook is active");
    expect((await call(fake, "getWebhookInfo")).result).toMatchObject({ url: "https://bot.example.vn/telegram", pending_update_count: 1, allowed_updates: ["message"] });

    expect((await call(fake, "deleteWebhook", { drop_pending_updates: true })).result).toBe(true);
    expect(fake.webhook).toBeNull();
    expect((await call(fake, "getWebhookInfo")).result).toEqual({ url: "", has_custom_certificate: false, pending_update_count: 0 });
    expect((await call(fake, "getUpdates")).result).toEqual([]);
  });

  it("When the webhook URL is not https, on a wrong port, or the secret has bad characters, then 400", async () => {
    const fake = await startFake();
    const http = await call(fake, "setWebhook", { url: "http://bot.example.vn/telegram" });
    expect(http).toMatchObject({ status: 400, description: "Bad Request: bad webhook: An HTTPS URL must be provided for webhook" });
    expect((await call(fake, "setWebhook", { url: "https://bot.example.vn:3000/t" })).description).toContain("ports 80, 88, 443 or 8443");
    expect((await call(fake, "setWebhook", { url: "https://bot.example.vn/t", secret_token: "has space!" })).description).toBe(
      "Bad Request: secret token contains unallowed characters",
    );
    expect((await call(fake, "setWebhook", { url: "https://bot.example.vn/t", secret_token: "x".repeat(257) })).status).toBe(400);
    expect(fake.webhook).toBeNull();
  });
});

describe("FakeTelegram: sendMessage text rules", () => {
  it("When chat_id or text is missing or blank, then 400 with Telegram's wording", async () => {
    const fake = await startFake({ rateLimits: false });
    expect((await call(fake, "sendMessage", { text: "x" })).description).toBe("Bad Request: chat_id is empty");
    expect((await call(fake, "sendMessage", { chat_id: "abc", text: "x" })).description).toBe("Bad Request: chat not found");
    expect((await call(fake, "sendMessage", { chat_id: 1 })).description).toBe("Bad Request: message text is empty");
    expect((await call(fake, "sendMessage", { chat_id: 1, text: "  \n " })).description).toBe("Bad Request: message text is empty");
    expect((await call(fake, "sendMessage", { chat_id: 1, text: "<b></b>", parse_mode: "HTML" })).description).toBe("Bad Request: message text is empty");
    expect(fake.sent).toHaveLength(0);
    expect(fake.calls.every((c) => c.status === 400)).toBe(true);
  });

  it("When the text is longer than 4096 UTF-16 units after parsing, then 400 message is too long", async () => {
    const fake = await startFake({ rateLimits: false });
    expect((await call(fake, "sendMessage", { chat_id: 1, text: "a".repeat(4096) })).status).toBe(200);
    expect((await call(fake, "sendMessage", { chat_id: 2, text: "a".repeat(4097) })).description).toBe("Bad Request: message is too long");
    // markup does not count, decoded entities count as one character each
    const html = `<b>${"a".repeat(4000)}</b>${"&amp;".repeat(96)}`;
    expect((await call(fake, "sendMessage", { chat_id: 3, text: html, parse_mode: "HTML" })).status).toBe(200);
    expect((await call(fake, "sendMessage", { chat_id: 4, text: html + "&lt;", parse_mode: "HTML" })).description).toBe("Bad Request: message is too long");
    // an emoji outside the BMP is two UTF-16 units
    expect((await call(fake, "sendMessage", { chat_id: 5, text: "😀".repeat(2048) })).status).toBe(200);
    expect((await call(fake, "sendMessage", { chat_id: 6, text: "😀".repeat(2048) + "a" })).status).toBe(400);
  });

  it("When HTML uses the allowed tags, then the text is stored parsed with entities", async () => {
    const fake = await startFake({ rateLimits: false });
    const text =
      '<b>Đậm</b> <i>nghiêng</i> <u>gạch</u> <s>xoá</s> <tg-spoiler>ẩn</tg-spoiler> <span class="tg-spoiler">ẩn2</span> ' +
      '<a href="https://doan.vn/?a=1&amp;b=2">link</a> <code>x</code> <pre><code class="language-ts">let a</code></pre> ' +
      "<blockquote>trích</blockquote> &lt;3 &quot;q&quot; &#65;&#x42; &nbsp;";
    const r = await call(fake, "sendMessage", { chat_id: 9, text, parse_mode: "HTML" });
    expect(r.status).toBe(200);
    expect(r.result.text).toBe('Đậm nghiêng gạch xoá ẩn ẩn2 link x let a trích <3 "q" AB &nbsp;');
    const types = r.result.entities.map((e: { type: string }) => e.type);
    expect(types).toEqual(["bold", "italic", "underline", "strikethrough", "spoiler", "spoiler", "text_link", "code", "pre", "blockquote"]);
    expect(r.result.entities.find((e: { type: string }) => e.type === "text_link").url).toBe("https://doan.vn/?a=1&b=2");
    expect(r.result.entities.find((e: { type: string }) => e.type === "pre").language).toBe("ts");
    expect(fake.sent[0]).toMatchObject({ chat_id: "9", parse_mode: "HTML", method: "sendMessage", text: r.result.text });
  });

  it("When HTML is broken (bare <, unknown tag, unclosed or misnested tag), then 400 can't parse entities", async () => {
    const fake = await startFake({ rateLimits: false });
    const cases: [string, string][] = [
      ["1 < 2", 'Unsupported start tag "" at byte offset 2'],
      ["<script>alert(1)</script>", 'Unsupported start tag "script" at byte offset 0'],
      ["Tý <b>đậm", 'Can\'t find end tag corresponding to start tag "b"'],
      ["<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'],
      ["x</b>", "Unexpected end tag at byte offset 1"],
      ['<span class="red">x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
      ["<a href=https://x.vn>x</a>", "Unexpected end of name token at byte offset 8"],
      ["ends with <", "Unclosed start tag at byte offset 10"],
    ];
    for (const [text, why] of cases) {
      const r = await call(fake, "sendMessage", { chat_id: 1, text, parse_mode: "HTML" });
      expect(r, text).toMatchObject({ status: 400, description: `Bad Request: can't parse entities: ${why}` });
    }
    // the same texts are fine without parse_mode, and escaped
    expect((await call(fake, "sendMessage", { chat_id: 1, text: "1 < 2" })).result.text).toBe("1 < 2");
    expect((await call(fake, "sendMessage", { chat_id: 2, text: "&lt;b&gt;Tý&lt;/b&gt;", parse_mode: "HTML" })).result.text).toBe("<b>Tý</b>");
    expect((await call(fake, "sendMessage", { chat_id: 3, text: "x", parse_mode: "Klingon" })).description).toBe("Bad Request: unsupported parse_mode");
  });

  it("When parseTelegramHtml is used directly, then byte offsets count UTF-8 bytes", () => {
    expect(() => parseTelegramHtml("Đoàn <x>")).toThrow('Unsupported start tag "x" at byte offset 7');
    expect(parseTelegramHtml("<b>a</b>\u00a0<i></i>")).toEqual({ text: "a\u00a0", entities: [{ type: "bold", offset: 0, length: 1 }] });
  });

  it("When messages go to a chat, then message_id increases per chat and the Message has date and chat", async () => {
    const fake = await startFake({ rateLimits: false });
    fake.sendText(hoa, "xin chào"); // the user's message takes id 1 in this chat
    const a = await call(fake, "sendMessage", { chat_id: 5001, text: "một" });
    const b = await call(fake, "sendMessage", { chat_id: "5001", text: "hai" });
    const other = await call(fake, "sendMessage", { chat_id: 42, text: "khác" });
    expect([a.result.message_id, b.result.message_id, other.result.message_id]).toEqual([2, 3, 1]);
    expect(a.result).toMatchObject({ chat: { id: 5001, type: "private", first_name: "Hoa" }, from: { is_bot: true, username: "doan_test_bot" }, text: "một" });
    expect(Math.abs(a.result.date - Date.now() / 1000)).toBeLessThan(5);
    expect(fake.messagesTo(5001).map((m) => m.message_id)).toEqual([2, 3]);
  });
});

describe("FakeTelegram: reply markup", () => {
  const send = (fake: FakeTelegram, reply_markup: unknown) => call(fake, "sendMessage", { chat_id: 1, text: "chọn", reply_markup });

  it("When an inline keyboard is valid, then it is echoed back and recorded", async () => {
    const fake = await startFake({ rateLimits: false });
    const kb = { inline_keyboard: [[{ text: "Có", callback_data: "c:1:0" }, { text: "Web", url: "https://doan.vn" }]] };
    const r = await send(fake, kb);
    expect(r.result.reply_markup).toEqual(kb);
    expect(fake.sent[0]!.reply_markup).toEqual(kb);
  });

  it("When callback_data is empty or longer than 64 UTF-8 bytes, then 400 BUTTON_DATA_INVALID", async () => {
    const fake = await startFake({ rateLimits: false });
    const kb = (data: string) => ({ inline_keyboard: [[{ text: "x", callback_data: data }]] });
    expect((await send(fake, kb("a".repeat(64)))).status).toBe(200);
    expect((await send(fake, kb("đ".repeat(32)))).status).toBe(200); // 64 bytes
    expect((await send(fake, kb("a".repeat(65)))).description).toBe("Bad Request: BUTTON_DATA_INVALID");
    expect((await send(fake, kb("đ".repeat(33)))).description).toBe("Bad Request: BUTTON_DATA_INVALID"); // 33 chars, 66 bytes
    expect((await send(fake, kb(""))).description).toBe("Bad Request: BUTTON_DATA_INVALID");
  });

  it("When a button has no action, two actions, no text or a bad URL, then 400", async () => {
    const fake = await startFake({ rateLimits: false });
    const one = (b: unknown) => send(fake, { inline_keyboard: [[b]] });
    expect((await one({ text: "x" })).description).toContain("Text buttons are unallowed in the inline keyboard");
    expect((await one({ text: "x", callback_data: "a", url: "https://x.vn" })).description).toBe("Bad Request: BUTTON_DATA_INVALID");
    expect((await one({ callback_data: "a" })).description).toContain('Field "text" must be of type String');
    expect((await one({ text: "x", url: "javascript:alert(1)" })).description).toBe("Bad Request: BUTTON_URL_INVALID");
    expect((await send(fake, { inline_keyboard: [{ text: "x", callback_data: "a" }] })).description).toContain("Array of Arrays");
    expect((await send(fake, "{not json")).description).toBe("Bad Request: can't parse reply keyboard markup JSON object");
    expect(fake.sent).toHaveLength(0);
  });

  it("When a reply keyboard or remove_keyboard is sent, then it is accepted", async () => {
    const fake = await startFake({ rateLimits: false });
    expect((await send(fake, { keyboard: [["Có", { text: "Không" }]], resize_keyboard: true, one_time_keyboard: true })).status).toBe(200);
    expect((await send(fake, { remove_keyboard: true })).status).toBe(200);
    expect((await send(fake, { force_reply: true })).status).toBe(200);
    expect((await send(fake, { remove_keyboard: false })).status).toBe(400);
  });
});

describe("FakeTelegram: editing, deleting, photos", () => {
  it("When the edit changes nothing, then 400 message is not modified; a real change is accepted and recorded", async () => {
    const fake = await startFake({ rateLimits: false });
    const kb = { inline_keyboard: [[{ text: "A", callback_data: "a" }]] };
    const m = await call(fake, "sendMessage", { chat_id: 1, text: "<b>Hỏi</b>", parse_mode: "HTML", reply_markup: kb });
    const id = m.result.message_id;
    const same = await call(fake, "editMessageText", { chat_id: 1, message_id: id, text: "<b>Hỏi</b> ", parse_mode: "HTML", reply_markup: kb });
    expect(same.description).toBe(
      "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
    // same text, but no keyboard any more: modified
    const edited = await call(fake, "editMessageText", { chat_id: 1, message_id: id, text: "<b>Hỏi</b>", parse_mode: "HTML" });
    expect(edited.status).toBe(200);
    expect(edited.result.reply_markup).toBeUndefined();
    expect(typeof edited.result.edit_date).toBe("number");
    // same text without formatting is a change too
    expect((await call(fake, "editMessageText", { chat_id: 1, message_id: id, text: "Hỏi" })).status).toBe(200);
    expect(fake.sent.map((s) => s.method)).toEqual(["sendMessage", "editMessageText", "editMessageText"]);
    expect((await call(fake, "editMessageText", { chat_id: 1, message_id: id, text: "x".repeat(4097) })).description).toBe("Bad Request: message is too long");
  });

  it("When the message to edit or delete does not exist, then 400 not found", async () => {
    const fake = await startFake({ rateLimits: false });
    expect((await call(fake, "editMessageText", { chat_id: 1, message_id: 77, text: "x" })).description).toBe("Bad Request: message to edit not found");
    const m = await call(fake, "sendMessage", { chat_id: 1, text: "xoá tôi" });
    expect((await call(fake, "deleteMessage", { chat_id: 1, message_id: m.result.message_id })).result).toBe(true);
    expect((await call(fake, "deleteMessage", { chat_id: 1, message_id: m.result.message_id })).description).toBe("Bad Request: message to delete not found");
    expect((await call(fake, "editMessageText", { chat_id: 1, message_id: m.result.message_id, text: "y" })).description).toBe(
      "Bad Request: message to edit not found",
    );
    const userMsg = fake.sendText(hoa, "của tôi");
    expect(userMsg).toBeGreaterThan(0);
    expect((await call(fake, "editMessageText", { chat_id: 5001, message_id: 1, text: "sửa" })).description).toBe("Bad Request: message can't be edited");
  });

  it("When sendPhoto has a caption over 1024 characters or no photo, then 400; otherwise a photo message", async () => {
    const fake = await startFake({ rateLimits: false });
    const url = "https://doan.vn/anh.jpg";
    expect((await call(fake, "sendPhoto", { chat_id: 1, photo: url, caption: "c".repeat(1025) })).description).toBe("Bad Request: message caption is too long");
    expect((await call(fake, "sendPhoto", { chat_id: 1, caption: "x" })).description).toBe("Bad Request: there is no photo in the request");
    expect((await call(fake, "sendPhoto", { chat_id: 1, photo: "made-up-file-id" })).description).toBe("Bad Request: wrong file identifier/HTTP URL specified");
    const r = await call(fake, "sendPhoto", { chat_id: 1, photo: url, caption: "<i>Ảnh</i>", parse_mode: "HTML" });
    expect(r.result).toMatchObject({ caption: "Ảnh", caption_entities: [{ type: "italic", offset: 0, length: 3 }] });
    expect(r.result.photo.length).toBeGreaterThan(0);
    // its file_id can be sent again
    expect((await call(fake, "sendPhoto", { chat_id: 2, photo: r.result.photo[0].file_id })).status).toBe(200);
    expect(fake.sent.map((s) => [s.method, s.text])).toEqual([
      ["sendPhoto", "Ảnh"],
      ["sendPhoto", ""],
    ]);
  });
});

describe("FakeTelegram: callbacks, chat actions, commands", () => {
  it("When a button is pressed, then a callback_query arrives and can be answered once with ≤ 200 characters", async () => {
    const fake = await startFake({ rateLimits: false });
    fake.sendText(hoa, "/start");
    const m = await call(fake, "sendMessage", { chat_id: 5001, text: "Chọn", reply_markup: { inline_keyboard: [[{ text: "A1", callback_data: "u:1" }]] } });
    expect(() => fake.pressButton(hoa, m.result.message_id, "u:2")).toThrow(/no button/);
    expect(() => fake.pressButton(hoa, 999, "u:1")).toThrow(/no message/);
    const id = fake.pressButton(hoa, m.result.message_id, "u:1");
    const ups = await call(fake, "getUpdates");
    const q = ups.result.find((u: { update_id: number }) => u.update_id === id).callback_query;
    expect(q).toMatchObject({ from: { id: 5001 }, data: "u:1", message: { message_id: m.result.message_id, chat: { id: 5001 } } });
    expect(typeof q.chat_instance).toBe("string");

    expect((await call(fake, "answerCallbackQuery", { callback_query_id: q.id, text: "x".repeat(201) })).description).toBe("Bad Request: MESSAGE_TOO_LONG");
    expect((await call(fake, "answerCallbackQuery", { callback_query_id: q.id, text: "Đã chọn" })).result).toBe(true);
    expect((await call(fake, "answerCallbackQuery", { callback_query_id: q.id })).description).toContain("query ID is invalid");
    expect((await call(fake, "answerCallbackQuery", { callback_query_id: "123" })).status).toBe(400);
  });

  it("When sendChatAction gets a known action, then true; an unknown action is 400", async () => {
    const fake = await startFake();
    expect((await call(fake, "sendChatAction", { chat_id: 1, action: "typing" })).result).toBe(true);
    expect((await call(fake, "sendChatAction", { chat_id: 1, action: "dancing" })).description).toBe("Bad Request: wrong parameter action in request");
  });

  it("When commands are set per scope and language, then they are stored by key and validated", async () => {
    const fake = await startFake();
    const cmds = [
      { command: "start", description: "Bắt đầu" },
      { command: "trogiup", description: "Trợ giúp" },
    ];
    expect((await call(fake, "setMyCommands", { commands: cmds })).result).toBe(true);
    expect((await call(fake, "setMyCommands", { commands: cmds, language_code: "vi" })).result).toBe(true);
    expect((await call(fake, "setMyCommands", { commands: cmds.slice(0, 1), scope: { type: "chat", chat_id: 5001 } })).result).toBe(true);
    expect([...fake.commands.keys()]).toEqual(["default", "default|vi", "chat:5001"]);
    expect(fake.commands.get(commandsKey({ type: "chat", chat_id: 5001 }))).toEqual(cmds.slice(0, 1));
    expect((await call(fake, "getMyCommands", { language_code: "vi" })).result).toEqual(cmds);

    const bad = async (commands: unknown, extra: Record<string, unknown> = {}) => (await call(fake, "setMyCommands", { commands, ...extra })).description;
    expect(await bad([{ command: "TroGiup", description: "x" }])).toBe("Bad Request: BOT_COMMAND_INVALID");
    expect(await bad([{ command: "/start", description: "x" }])).toBe("Bad Request: BOT_COMMAND_INVALID");
    expect(await bad([{ command: "a".repeat(33), description: "x" }])).toBe("Bad Request: BOT_COMMAND_INVALID");
    expect(await bad([{ command: "ok", description: "" }])).toBe("Bad Request: command description must be non-empty");
    expect(await bad([{ command: "ok", description: "d".repeat(257) }])).toBe("Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
    expect(await bad(Array.from({ length: 101 }, (_, i) => ({ command: `c${i}`, description: "x" })))).toBe("Bad Request: BOT_COMMANDS_TOO_MUCH");
    expect(await bad(cmds, { scope: { type: "somewhere" } })).toContain("BotCommandScope");
    expect(await bad(cmds, { language_code: "vietnamese" })).toBe("Bad Request: invalid language code specified");

    expect((await call(fake, "deleteMyCommands", { language_code: "vi" })).result).toBe(true);
    expect([...fake.commands.keys()]).toEqual(["default", "chat:5001"]);
  });
});

describe("FakeTelegram: flood limits and blocked users", () => {
  it("When more than globalPerSecond messages go out in one second, then 429 with retry_after", async () => {
    const fake = await startFake({ globalPerSecond: 5 });
    const answers = await Promise.all(Array.from({ length: 7 }, (_, i) => call(fake, "sendMessage", { chat_id: 100 + i, text: "tin" })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(5);
    const limited = answers.filter((a) => a.status === 429);
    expect(limited).toHaveLength(2);
    expect(limited[0]).toMatchObject({ ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    expect(fake.count429).toBe(2);
    expect(fake.sent).toHaveLength(5);
    await sleep(1050);
    expect((await call(fake, "sendMessage", { chat_id: 200, text: "tin" })).status).toBe(200);
  });

  it("When one private chat gets more than a burst of 3, then 429 until one second has passed per message", async () => {
    const fake = await startFake();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(fake, "sendMessage", { chat_id: 5001, text: `tin ${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    // other chats are not affected
    expect((await call(fake, "sendMessage", { chat_id: 5002, text: "khác" })).status).toBe(200);
    await sleep(1050);
    expect((await call(fake, "sendMessage", { chat_id: 5001, text: "sau 1 giây" })).status).toBe(200);
    const again = await call(fake, "sendMessage", { chat_id: 5001, text: "ngay" });
    expect(again.status).toBe(429);
    expect(again.parameters?.retry_after).toBeGreaterThanOrEqual(1);
    expect(again.parameters?.retry_after).toBeLessThanOrEqual(5);
    expect(fake.count429).toBe(2);
  });

  it("When a bot keeps to the steady per-chat rate, then it is never limited", async () => {
    // four a second with no burst: the pacing is the point, so the test paces its calls
    const fake = await startFake({ perChatPerSecond: 4, perChatBurst: 1 });
    for (let i = 0; i < 5; i++) {
      expect((await call(fake, "sendMessage", { chat_id: 77, text: `t${i}` })).status).toBe(200);
      await sleep(250);
    }
    expect(fake.count429).toBe(0);
  });

  it("When a group gets more than groupPerMinute messages, then 429 with the wait until the window frees", async () => {
    const fake = await startFake({ groupPerMinute: 3, perChatBurst: 100 });
    for (let i = 0; i < 3; i++) expect((await call(fake, "sendMessage", { chat_id: -1001234, text: `t${i}` })).status).toBe(200);
    const r = await call(fake, "sendMessage", { chat_id: -1001234, text: "nữa" });
    expect(r.status).toBe(429);
    expect(r.parameters?.retry_after).toBeGreaterThan(50);
    expect(r.parameters?.retry_after).toBeLessThanOrEqual(60);
  });

  it("When rate limits are off, then bursts are accepted", async () => {
    const fake = await startFake({ rateLimits: false });
    for (let i = 0; i < 10; i++) expect((await call(fake, "sendMessage", { chat_id: 1, text: `t${i}` })).status).toBe(200);
    expect(fake.count429).toBe(0);
  });

  it("When the user blocked the bot, then sending answers 403 and nothing is recorded as sent", async () => {
    const fake = await startFake();
    fake.block(5001);
    const r = await call(fake, "sendMessage", { chat_id: 5001, text: "chào" });
    expect(r).toMatchObject({ status: 403, ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
    expect((await call(fake, "sendChatAction", { chat_id: "5001", action: "typing" })).status).toBe(403);
    expect(fake.messagesTo(5001)).toHaveLength(0);
    expect(fake.calls.map((c) => c.status)).toEqual([403, 403]);
    fake.unblock(5001);
    expect((await call(fake, "sendMessage", { chat_id: 5001, text: "chào" })).status).toBe(200);
  });
});

describe("FakeTelegram with grammY", () => {
  it("When grammY polls the fake, then it receives a pushed update, answers with HTML and a keyboard, and handles a button press", async () => {
    const fake = await startFake();
    const bot = new Bot(fake.token, { client: { apiRoot: fake.url } });
    const seen: string[] = [];
    bot.command("start", async (ctx) => {
      seen.push(`start:${ctx.match}`);
      await ctx.reply(`Chào <b>${ctx.from!.first_name}</b>`, { parse_mode: "HTML", reply_markup: new InlineKeyboard().text("Chi đoàn A1", "u:1") });
    });
    bot.on("callback_query:data", async (ctx) => {
      seen.push(`press:${ctx.callbackQuery.data}`);
      await ctx.answerCallbackQuery({ text: "Đã chọn" });
      await ctx.editMessageText("Bạn đã chọn Chi đoàn A1");
    });
    bot.catch((e) => seen.push(`error:${String(e.error)}`));
    const running = bot.start({ drop_pending_updates: true, timeout: 5 });
    try {
      // updates pushed before deleteWebhook{drop_pending_updates} would be dropped, as on Telegram
      await fake.waitFor(() => fake.calls.some((c) => c.method === "deleteWebhook"));
      fake.sendText(hoa, "/start MOI-123");
      await fake.waitFor(() => fake.messagesTo(5001).length >= 1);
      const first = fake.messagesTo(5001)[0]!;
      expect(first).toMatchObject({ text: "Chào Hoa", parse_mode: "HTML", entities: [{ type: "bold", offset: 5, length: 3 }] });
      fake.pressButton(hoa, first.message_id, "u:1");
      await fake.waitFor(() => fake.messagesTo(5001).length >= 2);
      expect(fake.messagesTo(5001)[1]).toMatchObject({ method: "editMessageText", message_id: first.message_id, text: "Bạn đã chọn Chi đoàn A1" });
      expect(seen).toEqual(["start:MOI-123", "press:u:1"]);
    } finally {
      await bot.stop();
      await running;
    }
    expect(fake.calls.find((c) => c.method === "answerCallbackQuery")?.status).toBe(200);
    expect(fake.calls.filter((c) => c.status >= 400 && c.status !== 499)).toEqual([]);
  });

  it("When grammY calls the API directly (JSON and multipart uploads), then errors surface as GrammyError", async () => {
    const fake = await startFake();
    const bot = new Bot(fake.token, { client: { apiRoot: fake.url } });
    const sent = await bot.api.sendMessage(5001, "Xin chào");
    expect(sent.text).toBe("Xin chào");
    const photo = await bot.api.sendPhoto(5001, new InputFile(Buffer.from("fake-jpeg-bytes"), "anh.jpg"), { caption: "Ảnh <b>đẹp</b>", parse_mode: "HTML" });
    expect(photo.caption).toBe("Ảnh đẹp");
    expect(fake.calls.at(-1)?.body.photo).toMatch(/^attach:\/\//);
    const err = await bot.api.sendMessage(5001, "<nope>", { parse_mode: "HTML" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect((err as GrammyError).error_code).toBe(400);
    expect((err as GrammyError).description).toContain("can't parse entities");
    await bot.api.setMyCommands([{ command: "start", description: "Bắt đầu" }], { scope: { type: "chat", chat_id: 5001 }, language_code: "vi" });
    expect(fake.commands.has("chat:5001|vi")).toBe(true);
  });
});
