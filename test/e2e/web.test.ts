import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { BotProcess } from "../helpers/process.ts";
import { freshDatabaseUrl } from "../helpers/db.ts";
import { formatDateTime } from "../../bot/core/time.ts";
import { WebDriver, waitForMessage } from "./drivers.ts";
import { openDatabase } from "../../prisma/db.ts";
import { seedDemo } from "../../bot/app/demo.ts";
import { createInvite } from "../../handlers/onboarding/invites.ts";
import { issueWebCode } from "../../handlers/onboarding/api.ts";
import { seedMember } from "../helpers/cast.ts";
import { systemClock } from "../../bot/core/clock.ts";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

describe("web chat (real bot process, headless Chromium)", () => {
  let bot: BotProcess;
  let browser: Browser;
  let db: { url: string; drop: () => Promise<void> };
  let base = "";

  beforeAll(async () => {
    // never skipped: `npm test` installs Debian's chromium when it is missing
    if (!CHROMIUM) throw new Error("Debian's chromium is required for the browser test (apt-get install chromium)");
    db = await freshDatabaseUrl("sqlite");
    // no channel token: the web chat demo with the demo organisation, on a free port
    // anonymous questions reach the cadre at once (no batches), so an anonymous answer can be waited for
    bot = await BotProcess.start({ DATABASE_URL: db.url, WEB_CHAT: "on", WEB_PORT: "0", ANON_BATCH_MINUTES: "0" });
    base = await bot.webUrl();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await db?.drop();
  });

  it("When a visitor walks the tree to a branch, then its secretary accepts the request in the page and the new member gets the member's help", async () => {
    const page = await browser.newPage();
    await page.goto(base + "/");
    await page.fill("#name", "Khách Thử");
    await page.click("#newBtn");
    // each step waits for the bot's next set of choices (an older set may hold the same label)
    const choiceSets = page.locator(".choices");
    let seen = 0;
    const pick = async (label: string) => {
      await expect.poll(() => choiceSets.count(), { timeout: 30_000 }).toBeGreaterThan(seen);
      seen = await choiceSets.count();
      await choiceSets.last().locator("button", { hasText: label }).click();
    };
    await page.fill("#input", "/start");
    await page.press("#input", "Enter");
    await pick("Tỉnh đoàn Bình An");
    await pick("Đoàn xã Hòa Phú");
    await pick("Chi đoàn ấp Phú Hòa 1");
    await pick("Đây là đơn vị của tôi");
    await page.locator(".msg.bot", { hasText: "Đã gửi yêu cầu tham gia Chi đoàn ấp Phú Hòa 1" }).waitFor();
    // the branch's secretary (a demo persona, in another browser) accepts with the button
    const secretary = await browser.newPage();
    await secretary.goto(base + "/");
    await secretary.locator("#personas button", { hasText: "Trần Thị Bình" }).click();
    const request = secretary.locator(".msg.bot", { hasText: "Khách Thử xin tham gia Chi đoàn ấp Phú Hòa 1" });
    await request.locator("button", { hasText: "Đồng ý" }).click({ timeout: 30_000 });
    await secretary.locator(".msg.bot", { hasText: "Đã nhận Khách Thử vào Chi đoàn ấp Phú Hòa 1" }).waitFor();
    await secretary.close();
    await page.locator(".msg.bot", { hasText: "đã được duyệt" }).waitFor();
    await page.fill("#input", "/trogiup");
    await page.press("#input", "Enter");
    await page.locator(".msg.bot", { hasText: "/hoi <câu hỏi>" }).last().waitFor();
    const text = await page.locator("#log").innerText();
    expect(text).toContain("/cauhoi");
    await page.screenshot({ path: ".tmp/web-chat.png" });
    await page.close();
  });

  it("When a visitor on a 360 px phone asks and leaves, and answers come meanwhile, then back on the page they are the same person and see them; header and buttons whole, used buttons disabled", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 720 } });
    const page = await context.newPage();
    await page.goto(base + "/");
    await page.locator("#personas button", { hasText: "Nguyễn Văn An" }).click();
    await page.locator("#whoName", { hasText: "Nguyễn Văn An" }).waitFor();
    await page.fill("#input", "/theodoi");
    await page.press("#input", "Enter");
    const set = page.locator(".choices").last();
    await set.locator("button").last().waitFor();

    // nothing wider than the screen; the header whole; the buttons inside it and never under the input
    const box = async (sel: string) => (await page.locator(sel).first().boundingBox())!;
    expect(await page.locator("html").evaluate((e) => e.scrollWidth)).toBeLessThanOrEqual(360);
    const [header, title, subtitle, log, form] = [await box("header"), await box("header h1"), await box("header p"), await box("#log"), await box("#form")];
    expect(header.y).toBe(0);
    for (const b of [title, subtitle]) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(360);
      expect(b.y + b.height).toBeLessThanOrEqual(header.y + header.height);
    }
    expect(await page.locator("header h1").evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    expect(form.y + form.height).toBeLessThanOrEqual(720);
    expect(await box("#sendBtn").then((b) => b.x + b.width)).toBeLessThanOrEqual(360);
    const buttons = await set.locator("button").all();
    expect(buttons.length).toBeGreaterThanOrEqual(11);
    for (const b of buttons) {
      const r = (await b.boundingBox())!;
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.x + r.width).toBeLessThanOrEqual(360);
      // in view (not scrolled up out of the log): wholly above the input box
      if (r.y + r.height > log.y) expect(r.y + r.height).toBeLessThanOrEqual(form.y);
    }
    const lastButton = (await buttons.at(-1)!.boundingBox())!;
    expect(lastButton.y).toBeGreaterThanOrEqual(log.y);
    await page.screenshot({ path: ".tmp/web-chat-360.png" });

    // a used set is disabled at once, and stays so after a reload
    await set.locator("button", { hasText: "Việc làm" }).click();
    await page.locator(".msg.bot", { hasText: "Đã theo dõi chủ đề" }).waitFor();
    expect(await set.locator("button:enabled").count()).toBe(0);

    // a named and an anonymous question, then the page is closed
    const ask = async (text: string, send: string, sent: RegExp): Promise<string> => {
      const before = await page.locator(".msg.bot").count();
      await page.fill("#input", text);
      await page.press("#input", "Enter");
      await expect.poll(() => page.locator(".msg.bot").count(), { timeout: 30_000 }).toBeGreaterThan(before);
      if (!sent.test(await page.locator(".msg.bot").last().innerText())) {
        await page.fill("#input", send);
        await page.press("#input", "Enter");
      }
      const done = page.locator(".msg.bot", { hasText: sent }).last();
      await done.waitFor({ timeout: 30_000 });
      return sent.exec(await done.innerText())![1]!;
    };
    const named = "Xã mình có mở lớp dạy bơi miễn phí cho thiếu nhi vào dịp hè năm nay không ạ?";
    const secret = "Em muốn hỏi thủ tục chuyển sinh hoạt Đoàn khi đi làm ở tỉnh khác thế nào ạ?";
    const id = await ask(`/hoi ${named}`, "/gui", /Đã gửi câu hỏi số (\d+)/);
    const ref = await ask(`/hoian ${secret}`, "/guian", /Đã gửi câu hỏi ẩn danh số (A\d{6})/);
    await page.close();

    const d = new WebDriver(base);
    try {
      const cadre = await d.persona("demo-cadre");
      for (const [q, a] of [[id, "Hè này Đoàn xã mở lớp dạy bơi miễn phí tại hồ bơi trung tâm."], [ref, "Bạn xin giấy giới thiệu chuyển sinh hoạt Đoàn tại chi đoàn hiện tại."]] as const) {
        const before = (await d.messages(cadre)).length;
        await d.send(cadre, `/traloi ${q} ${a}`);
        // the bot tells the cadre once the asker's chat has it (sent while their page was closed)
        await waitForMessage(d, cadre, (m) => m.text.includes(`Người hỏi đã nhận câu trả lời cho câu hỏi #${q}`), before, 30_000);
      }
    } finally {
      d.close();
    }

    // back on the page: the same person, their questions, both answers, the used set still disabled
    const again = await context.newPage();
    await again.goto(base + "/");
    await again.locator("#whoName", { hasText: "Nguyễn Văn An" }).waitFor();
    await again.locator(".msg.bot", { hasText: "lớp dạy bơi miễn phí tại hồ bơi" }).waitFor({ timeout: 30_000 });
    await again.locator(".msg.bot", { hasText: "giấy giới thiệu chuyển sinh hoạt Đoàn" }).waitFor({ timeout: 30_000 });
    await again.locator(".msg.me", { hasText: named }).waitFor();
    await again.locator(".msg.me", { hasText: secret }).waitFor();
    const followSet = again.locator(".msg.bot", { hasText: "Các chủ đề bạn có thể theo dõi" }).first().locator(".choices button");
    expect(await followSet.count()).toBeGreaterThan(0);
    expect(await again.locator(".msg.bot", { hasText: "Các chủ đề bạn có thể theo dõi" }).first().locator(".choices button:enabled").count()).toBe(0);
    await again.screenshot({ path: ".tmp/web-chat-360-back.png" });
    await context.close();
  }, 120_000);

  it("When a visitor picks a demo cadre, then the cadre's help lists the queue commands", async () => {
    const page = await browser.newPage();
    await page.goto(base + "/");
    await page.locator("#personas button", { hasText: "Lê Minh Châu" }).click();
    await page.fill("#input", "/trogiup");
    await page.press("#input", "Enter");
    await page.locator(".msg.bot", { hasText: "/hangdoi" }).waitFor();
    await page.close();
  });

  it("When a script tag is sent, then it is shown as text and never runs", async () => {
    const page = await browser.newPage();
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(base + "/");
    await page.click("#newBtn");
    await page.fill("#input", "<img src=x onerror=alert(1)><script>alert(2)</script>");
    await page.press("#input", "Enter");
    await page.locator(".msg.bot").first().waitFor();
    expect(dialogs).toBe(0);
    expect(await page.locator("#log img").count()).toBe(0);
    await page.close();
  });

  it("When the API is called without a session or with a tampered cookie, then it is refused", async () => {
    const r1 = await fetch(`${base}/api/send`, { method: "POST", body: JSON.stringify({ requestId: "abcdefgh12", text: "/trogiup" }) });
    expect(r1.status).toBe(401);
    const r2 = await fetch(`${base}/api/send`, {
      method: "POST",
      headers: { cookie: "sid=eyJ1c2VySWQiOiJkZW1vLWNhZHJlIn0.forged" },
      body: JSON.stringify({ requestId: "abcdefgh12", text: "/trogiup" }),
    });
    expect(r2.status).toBe(401);
  });

  it("When a live session is open, then the stage board shows approved questions and their votes as they come", async () => {
    const d = new WebDriver(base);
    const admin = await d.persona("demo-province");
    const youth = await d.persona("demo-youth");
    const voter = await d.persona("demo-secretary");
    const now = Date.now();
    const ask = async (u: typeof admin, text: string, pred: (t: string) => boolean) => {
      const before = (await d.messages(u)).length;
      await d.send(u, text);
      return (await waitForMessage(d, u, (m) => pred(m.text), before)).text;
    };
    const created = await ask(
      admin,
      `/phienmoi Đối thoại thử | Bí thư Tỉnh đoàn | TD-DEMO | ${formatDateTime(new Date(now - 3_600_000))} | ${formatDateTime(new Date(now + 3_600_000))}`,
      // the confirmation (the session's announcement to its scope, the admin included, also names the board)
      (t) => t.includes("/board/") && t.includes("Đã tạo phiên đối thoại số"),
    );
    // the link names the configured port (0 here: a free one was taken), so open its path on ours
    const boardPath = /http:\/\/\S+(\/board\/\S+)/.exec(created)![1]!;
    const boardUrl = base + boardPath;
    const page = await browser.newPage();
    await page.goto(boardUrl);
    await page.locator("#title", { hasText: "Đối thoại thử" }).waitFor();

    // only a question sent for the session joins it (issue 9)
    const sessionId = Number(/phiên đối thoại số (\d+)/.exec(created)![1]);
    // the announcement's button in the page (one static button for every member): pressed, it asks for the question
    const chat = await browser.newPage();
    await chat.goto(base + "/");
    await chat.locator("#personas button", { hasText: "Nguyễn Văn An" }).click();
    await chat.locator(".msg.bot", { hasText: "Phiên đối thoại “Đối thoại thử”" }).locator("button", { hasText: "Đặt câu hỏi cho phiên này" }).click({ timeout: 30_000 });
    await chat.locator(".msg.bot", { hasText: "Gõ câu hỏi của bạn cho phiên “Đối thoại thử”" }).waitFor();
    await chat.fill("#input", "Xã mình có lớp tin học miễn phí cho thanh niên không ạ?");
    await chat.press("#input", "Enter");
    await chat.locator(".msg.bot", { hasText: "Câu hỏi cũng được đưa vào phiên đối thoại “Đối thoại thử”" }).waitFor({ timeout: 30_000 });
    await chat.close();
    const sent = await ask(youth, `/hoiphien ${sessionId} Tỉnh có hỗ trợ thanh niên học nghề lái máy nông nghiệp không ạ?`, (t) => t.includes("Đã gửi câu hỏi số"));
    const id = Number(/số (\d+)/.exec(sent)![1]);
    expect(await page.locator(`li[data-ref="#${id}"]`).count()).toBe(0); // waiting for approval
    await ask(admin, `/duyet ${id}`, (t) => t.includes(`#${id}`));
    await page.locator(`li[data-ref="#${id}"] .votes`, { hasText: "0" }).waitFor({ timeout: 10_000 });
    await ask(voter, `/binhchon ${id}`, (t) => t.includes(`#${id}`));
    await page.locator(`li[data-ref="#${id}"] .votes`, { hasText: "1" }).waitFor({ timeout: 10_000 });
    expect(await page.locator("body").innerText()).not.toContain("Nguyễn Văn An");
    await page.close();
  });
});

describe("web chat sign-in outside the demo (real bot process, headless Chromium)", () => {
  let bot: BotProcess;
  let browser: Browser;
  let db: { url: string; drop: () => Promise<void> };
  let base = "";
  let invite = "";
  let webCode = "";

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error("Debian's chromium is required for the browser test (apt-get install chromium)");
    db = await freshDatabaseUrl("sqlite", "org");
    // the database once ran the demo: its published codes and personas must not work here
    const conn = await openDatabase(db.url);
    await seedDemo(conn.prisma);
    invite = (await createInvite(conn.prisma, { role: "youth", unitCode: "CD-A1" })).code;
    const cadre = await seedMember(conn.prisma, { channel: "telegram", id: "5551", name: "Lê Văn Cán Bộ" }, [{ role: "cadre", unitCode: "XA-A" }]);
    webCode = await issueWebCode({ prisma: conn.prisma, clock: systemClock }, cadre);
    await conn.close();
    bot = await BotProcess.start({ DATABASE_URL: db.url, WEB_CHAT: "on", WEB_PORT: "0", DEMO: "off" });
    base = await bot.webUrl();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await db?.drop();
  });

  it("When a visitor has no code, then no persona is offered and DEMO-CANBO is refused; an invite code signs them in as a new member", async () => {
    const page = await browser.newPage();
    await page.goto(base + "/");
    await page.locator("#codeForm").waitFor();
    expect(await page.locator("#demo").isVisible()).toBe(false);
    await page.fill("#code", "DEMO-CANBO");
    await page.click("#codeBtn");
    await page.locator("#loginError", { hasText: "Mã không đúng" }).waitFor();
    expect(await page.locator("#chat").isVisible()).toBe(false);
    await page.fill("#code", invite.toLowerCase());
    await page.click("#codeBtn");
    await page.locator(".msg.bot", { hasText: "Bạn đã tham gia Chi đoàn A1" }).waitFor();
    await page.close();
  });

  it("When a cadre opens the link of /web, then the page signs them in as themselves", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/#code=${webCode}`);
    await page.locator("#whoName", { hasText: "Lê Văn Cán Bộ" }).waitFor();
    expect(new URL(page.url()).hash).toBe("");
    await page.fill("#input", "/trogiup");
    await page.press("#input", "Enter");
    await page.locator(".msg.bot", { hasText: "/hangdoi" }).waitFor();
    // a reload keeps the session (kept on the server); signing out ends it
    await page.reload();
    await page.locator("#whoName", { hasText: "Lê Văn Cán Bộ" }).waitFor();
    await page.click("#switch");
    await page.locator("#codeForm").waitFor();
    await page.reload();
    await page.locator("#codeForm").waitFor();
    expect(await page.locator("#chat").isVisible()).toBe(false);
    await page.close();
  });
});
