import { existsSync, mkdirSync } from "node:fs";
import { request } from "node:http";
import ExcelJS from "exceljs";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { ANON_REF, ANON_TEXT, seedActiveProvince } from "../helpers/dashboard-province.ts";
import { HttpServer, hostGuard } from "../../bot/core/http.ts";
import { mountDashboard } from "../../bot/app/dashboard/http.ts";
import { dashboardText as T } from "../../prompts/vi/dashboard.ts";
import type { CastKey } from "../helpers/cast.ts";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const SHOTS = ".tmp/dashboard";

/**
 * The leaders' dashboard in a real browser: the bot's core answers /bangdieukhien, the
 * dashboard is served by a real HTTP server (with the web chat's host guard) over a seeded
 * province, and headless Chromium opens the link, every page and an Excel download.
 */
describe("leaders' dashboard (headless Chromium)", () => {
  let h: Harness;
  let cast: Record<CastKey, TestUser>;
  let http: HttpServer;
  let browser: Browser;
  let base = "";
  const errors: string[] = [];

  /** The one-time link /bangdieukhien gives, on this test server. */
  const linkFor = async (u: TestUser, args = "") => {
    const [reply] = await h.send(u, `/bangdieukhien${args ? ` ${args}` : ""}`);
    const m = /\/dashboard\/open\/([A-Za-z0-9_-]{43})/.exec(reply!.text);
    expect(m, reply!.text).not.toBeNull();
    return `${base}/dashboard/open/${m![1]}`;
  };
  const open = async (page: Page, link: string) => {
    await page.goto(link);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/dashboard/open/") || u.pathname === new URL(link).pathname, { waitUntil: "commit" }), page.click("#open")]);
    await page.waitForLoadState();
  };
  const ready = async (page: Page) => {
    await page.waitForSelector("body[data-ready='1']", { timeout: 10_000 }).catch(async (e) => {
      throw new Error(`${String(e)}\n${page.url()}\n${(await page.content()).slice(0, 3000)}\n${errors.join("\n")}`);
    });
    return (await page.locator("main").textContent()) ?? "";
  };
  /** Every chart of the page is drawn, with data points. */
  const charts = async (page: Page) => {
    const points = await page.locator("canvas").evaluateAll((cs) => cs.map((c) => Number(c.getAttribute("data-points") ?? -1)));
    expect(points.length).toBeGreaterThan(0);
    return points;
  };

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error("Debian's chromium is required for the browser test (apt-get install chromium)");
    mkdirSync(SHOTS, { recursive: true });
    h = await Harness.create({ org: TEST_ORG, now: new Date("2026-11-25T02:00:00Z"), env: { WEB_CHAT: "on" } });
    cast = await h.cast();
    await seedActiveProvince(h.s.prisma, { youthId: await h.personId(cast.youth), cadreId: await h.personId(cast.cadre) });
    http = new HttpServer(pino({ level: "silent" }));
    http.app.use("*", hostGuard(["localhost", "127.0.0.1"]));
    mountDashboard(http.app, h.s);
    base = `http://127.0.0.1:${await http.listen(0, "127.0.0.1")}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await http?.close();
    await h?.close();
  });

  it("When the province leader opens the link, then it works once, every page draws its charts, and an anonymous question is nobody's", async () => {
    const link = await linkFor(cast.admin);
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    await open(page, link);
    expect(new URL(page.url()).pathname).toBe("/dashboard/");
    const dialogue = await ready(page);
    expect(dialogue).toContain(T.dialogue.byTopic);
    expect((await charts(page)).every((n) => n >= 0)).toBe(true);
    expect((await charts(page)).filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
    // the anonymous question: by its reference, its text, never a name nor its number
    const anonRow = page.locator("tr", { hasText: ANON_REF });
    await expect.poll(() => anonRow.count()).toBe(1);
    expect(await anonRow.innerText()).toContain(ANON_TEXT.slice(0, 40));
    const anonId = (await h.s.prisma.question.findUniqueOrThrow({ where: { publicRef: ANON_REF } })).id;
    expect(await anonRow.innerText()).not.toContain(`#${anonId}`);
    const html = await page.content();
    expect(html).not.toContain(cast.youth.name);
    await page.screenshot({ path: `${SHOTS}/dialogue.png`, fullPage: true });

    // a table sorts by a click on its header
    const openTable = page.locator("section", { hasText: T.dialogue.open }).locator("table");
    await openTable.locator("th", { hasText: T.dialogue.cols.age }).click();
    const ages = await openTable.locator("tbody tr td:nth-child(6)").allInnerTexts();
    expect(ages.map(Number)).toEqual([...ages.map(Number)].sort((a, b) => a - b));

    // the same link, again (another browser profile): used up
    const other = await browser.newContext();
    const again = await other.newPage();
    await open(again, link);
    expect(await again.locator("#message").innerText()).toBe(T.linkUsed);
    await other.close();

    for (const p of ["guides", "deadlines", "volunteers", "sessions"] as const) {
      await page.click(`nav a[data-page="${p}"]`);
      const text = await ready(page);
      expect(new URL(page.url()).searchParams.get("p")).toBe(p);
      expect((await charts(page)).some((n) => n > 0), p).toBe(true);
      if (p === "guides") expect(text).toContain("Chi đoàn B1");
      if (p === "volunteers") expect(text).toContain("Chủ nhật xanh");
      if (p === "sessions") expect(text).toContain("Đối thoại thanh niên tháng 11");
      await page.screenshot({ path: `${SHOTS}/${p}.png`, fullPage: true });
    }
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("When a commune cadre opens theirs, then nothing outside the commune shows, nor in the Excel download, and another commune is refused", async () => {
    const [refused] = await h.send(cast.cadre, "/bangdieukhien XA-B");
    expect(refused!.text).toBe(T.notYourUnit("XA-B"));
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await open(page, await linkFor(cast.cadre));
    const dialogue = await ready(page);
    expect(dialogue).toContain(ANON_REF);
    expect(dialogue).not.toContain("Đoàn xã B");
    await page.goto(`${base}/dashboard/?p=guides&month=2026-11`);
    const guides = await ready(page);
    expect(guides).toContain("Chi đoàn A2");
    expect(guides).not.toContain("Chi đoàn B1");
    await page.goto(`${base}/dashboard/?p=deadlines`);
    expect(await ready(page)).not.toContain("Chi đoàn B1");

    const r = await page.request.get(`${base}/dashboard/export/deadlines.xlsx?month=2026-11`);
    expect(r.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await r.body()) as unknown as ArrayBuffer);
    const units = wb.getWorksheet("Việc được giao")!.getColumn(5).values.slice(2).map(String);
    expect(units).toContain("Chi đoàn A1");
    expect(units).not.toContain("Chi đoàn B1");
    expect((await page.request.get(`${base}/dashboard/export/deadlines.csv?month=2026-11`)).headers()["content-type"]).toContain("text/csv");
    const ind = await page.request.get(`${base}/dashboard/export/indicators.xlsx?month=2026-11`);
    const iwb = new ExcelJS.Workbook();
    await iwb.xlsx.load((await ind.body()) as unknown as ArrayBuffer);
    expect(String(iwb.getWorksheet("Tổng quan")!.getCell("B2").value)).toContain("XA-A");
    expect((await page.request.get(`${base}/dashboard/export/..%2Fsecret.xlsx`)).status()).toBe(400);

    await ctx.close();
  });

  it("When the dashboard is asked without a session, from another host or from another origin, then it is refused with a strict CSP", async () => {
    const none = await fetch(`${base}/dashboard/?p=dialogue`);
    expect(none.status).toBe(401);
    expect(none.headers.get("content-security-policy")).toMatch(/default-src 'none'; script-src 'self' 'nonce-/);
    expect(await none.text()).toContain(T.sessionOver);
    const forged = await fetch(`${base}/dashboard/`, { headers: { cookie: `dash-${new URL(base).port}=${"x".repeat(43)}` } });
    expect(forged.status).toBe(401);
    expect((await fetch(`${base}/dashboard/export/dialogue.xlsx`)).status).toBe(401);
    const link = await linkFor(cast.admin);
    expect((await fetch(link, { method: "POST", headers: { origin: "http://evil.example" } })).status).toBe(403);
    // node:http, not fetch: fetch may not set Host
    const otherHost = await new Promise<number>((resolve, reject) => {
      const u = new URL(link);
      const req = request({ host: u.hostname, port: u.port, path: u.pathname, headers: { host: "evil.example" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
    expect(otherHost).toBe(421);
    // the link is still good after those refusals, and a press from our own page opens it
    const ok = await fetch(link, { method: "POST", headers: { origin: base }, redirect: "manual" });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    expect((await fetch(link, { method: "POST", redirect: "manual" })).status).toBe(410);
  });
});
