/**
 * The dashboard's pages: /dashboard/open/<token> (a press uses the one-time link up and opens
 * a session), /dashboard/ (the pages), /dashboard/export/<kind>.<xlsx|csv> (the reports of the
 * session's unit), /dashboard/assets/chart.js (Chart.js from node_modules: no internet needed).
 * Strict CSP (scripts of our own by nonce and our own origin only), no data outside the
 * session's subtree, and the Host/Origin checks of the web chat.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Services } from "../../core/context.ts";
import { hostnameOf, type HttpApp, type HttpContext } from "../../core/http.ts";
import { formatDateTime, monthKey, parseMonthKey } from "../../core/time.ts";
import { REPORTS, renderReport, toXlsx } from "../../../handlers/reports.ts";
import { indicatorsReport } from "../../../handlers/indicators/api.ts";
import { dashboardText as T } from "../../../prompts/vi/dashboard.ts";
import { closeSession, openLink, sessionOf, SESSION_HOURS, type DashboardSession } from "./access.ts";
import { pageBlocks, PAGES, type PageKey } from "./data.ts";

const PAGE_FILE = new URL("../../../prompts/web/dashboard.html", import.meta.url);
const OPEN_FILE = new URL("../../../prompts/web/dashboard-open.html", import.meta.url);
const COOKIE_PATH = "/dashboard";
const cookieName = (c: HttpContext) => `dash-${c.env.incoming.socket.localPort ?? 0}`;
/** Kinds offered for download (each feature registers its report kind; the monthly ones). */
const EXPORT_KINDS = ["dialogue", "guides", "deadlines", "volunteers", "sessions", "indicators"];

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
/** JSON inside a <script type="application/json">: nothing in it can close the element. */
const safeJson = (v: unknown) => JSON.stringify(v).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

function headers(nonce: string, type = "text/html; charset=utf-8"): Record<string, string> {
  return {
    "content-type": type,
    "content-security-policy": `default-src 'none'; script-src 'self' 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cache-control": "no-store",
  };
}

/** A POST from a browser must come from a page of this very host (the web chat's server also checks the Host). */
function sameOrigin(c: HttpContext): boolean {
  const origin = c.req.header("origin");
  if (origin === undefined) return true;
  try {
    return new URL(origin).hostname.toLowerCase() === hostnameOf(c.req.header("host") ?? "");
  } catch {
    return false;
  }
}

export function mountDashboard(app: HttpApp, s: Services): void {
  let page: string | null = null;
  let open: string | null = null;
  let chartJs: Buffer | null = null;
  const deps = () => ({ prisma: s.prisma, clock: s.clock });
  const secure = !!s.config.PUBLIC_URL?.startsWith("https:");

  const notice = (c: HttpContext, status: 200 | 400 | 401 | 403 | 410, title: string, text: string, form = "") => {
    open ??= readFileSync(OPEN_FILE, "utf8");
    const nonce = randomBytes(16).toString("base64");
    const html = open.replaceAll("__NONCE__", nonce).replaceAll("__TITLE__", escapeHtml(title)).replace("__TEXT__", escapeHtml(text)).replace("__FORM__", form);
    return c.body(html, status, headers(nonce));
  };
  const session = (c: HttpContext): Promise<DashboardSession | null> => sessionOf(deps(), getCookie(c, cookieName(c)));
  const monthOf = (c: HttpContext) => {
    const m = c.req.query("month") ?? "";
    return /^\d{4}-\d{2}$/.test(m) && parseMonthKey(m) ? m : monthKey(s.clock.now());
  };

  app.get("/dashboard/assets/chart.js", (c) => {
    if (!chartJs) {
      const require = createRequire(import.meta.url);
      chartJs = readFileSync(join(dirname(require.resolve("chart.js")), "chart.umd.min.js"));
    }
    return c.body(new Uint8Array(chartJs), 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400", "x-content-type-options": "nosniff" });
  });

  // the link's page only offers a button: a link preview (a GET) never uses the link up
  app.get("/dashboard/open/:token", (c) => {
    const token = c.req.param("token");
    const form = `<form method="post" action="/dashboard/open/${encodeURIComponent(token)}"><button type="submit" id="open">${escapeHtml(T.openButton)}</button></form>`;
    return notice(c, 200, T.openTitle, T.openLead, form);
  });

  app.post("/dashboard/open/:token", async (c) => {
    if (!sameOrigin(c)) return notice(c, 403, T.title, T.badRequest);
    const r = await openLink(deps(), c.req.param("token"));
    if (!r) return notice(c, 410, T.title, T.linkUsed);
    setCookie(c, cookieName(c), r.token, { httpOnly: true, sameSite: "Strict", path: COOKIE_PATH, secure, maxAge: SESSION_HOURS * 3600 });
    return c.redirect("/dashboard/", 303);
  });

  app.post("/dashboard/logout", async (c) => {
    if (!sameOrigin(c)) return notice(c, 403, T.title, T.badRequest);
    await closeSession(deps(), getCookie(c, cookieName(c)));
    deleteCookie(c, cookieName(c), { path: COOKIE_PATH });
    return notice(c, 200, T.title, T.sessionOver);
  });

  const show = async (c: HttpContext) => {
    const ses = await session(c);
    if (!ses) return notice(c, 401, T.title, T.sessionOver);
    const key = (PAGES as string[]).includes(c.req.query("p") ?? "") ? (c.req.query("p") as PageKey) : "dialogue";
    const month = monthOf(c);
    const blocks = await pageBlocks({ prisma: s.prisma, secrets: s.secrets, now: s.clock.now() }, ses.unit, key, month);
    const kinds = EXPORT_KINDS.filter((k) => REPORTS[k]);
    const data = {
      texts: { title: T.title, logout: T.logout, monthLabel: T.monthLabel, show: T.show, downloads: T.downloads, tableOf: T.tableOf, empty: T.empty, sortHint: T.sortHint },
      unit: ses.unit.name,
      who: ses.name,
      until: T.until(formatDateTime(ses.expiresAt)),
      page: key,
      month,
      pages: PAGES.map((p) => ({ key: p, label: T.pages[p] })),
      // the report of the page, as Excel and as CSV
      exports: [...kinds, "indicators"]
        .filter((k) => k === key || (key === "volunteers" && k === "indicators"))
        .flatMap((k) => [
          { label: `${T.exportNames[k] ?? k} (${T.xlsx})`, href: `/dashboard/export/${k}.xlsx?month=${month}` },
          { label: `${T.exportNames[k] ?? k} (${T.csv})`, href: `/dashboard/export/${k}.csv?month=${month}` },
        ]),
      blocks,
    };
    page ??= readFileSync(PAGE_FILE, "utf8");
    const nonce = randomBytes(16).toString("base64");
    return c.body(page.replaceAll("__NONCE__", nonce).replace("__DATA__", () => safeJson(data)), 200, headers(nonce));
  };
  app.get("/dashboard", show);
  app.get("/dashboard/", show);

  app.get("/dashboard/export/:file", async (c) => {
    const ses = await session(c);
    if (!ses) return notice(c, 401, T.title, T.sessionOver);
    const m = /^([a-z]+)\.(xlsx|csv)$/.exec(c.req.param("file"));
    if (!m || !EXPORT_KINDS.includes(m[1]!) || (m[1] !== "indicators" && !REPORTS[m[1]!])) return notice(c, 400, T.title, T.badRequest);
    const [, kind, format] = m as unknown as [string, string, "xlsx" | "csv"];
    const month = monthOf(c);
    const year = Number(month.slice(0, 4));
    const body =
      kind === "indicators"
        ? format === "csv"
          ? await indicatorsReport(s.prisma, ses.unit, year, "csv")
          : await toXlsx(kind, JSON.parse(await indicatorsReport(s.prisma, ses.unit, year, "json")) as Record<string, unknown>)
        : await renderReport(kind, { prisma: s.prisma, secrets: s.secrets, now: s.clock.now() }, ses.unit, month, format);
    const type = format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
    return c.body(typeof body === "string" ? body : new Uint8Array(body), 200, {
      "content-type": type,
      "content-disposition": `attachment; filename="bao-cao-${kind}-${ses.unit.code.replace(/[^A-Za-z0-9_-]/g, "")}-${month}.${format}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    });
  });
}
