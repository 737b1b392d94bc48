/**
 * Hardening (issue 13, item 6): the webhook's secret is checked from the headers before a
 * byte of body is read; the web server answers only for its own hosts and origins and caps
 * event streams per session; names are cleaned before storage; org:import refuses cycles and
 * moves unless asked; each channel has its own webhook secret.
 */
import { request } from "node:http";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG } from "../helpers/harness.ts";
import { HttpServer, hostGuard, mountWebhook, WEBHOOK_MAX_BYTES } from "../../bot/core/http.ts";
import type { Channel } from "../../bot/core/channel.ts";
import { WebChannel, MAX_STREAMS_PER_SESSION } from "../../bot/channels/web/index.ts";
import { onboarding } from "../../handlers/onboarding/index.ts";
import { issueWebCode, webSignIn } from "../../handlers/onboarding/api.ts";
import { seedMember } from "../helpers/cast.ts";
import { importUnits, OrgImportError, parseOrgFile } from "../../bot/domain/org.ts";
import { loadConfig } from "../../bot/app/config.ts";
import { webHosts } from "../../bot/app/app.ts";
import { pino } from "pino";

const log = pino({ level: "silent" });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A channel whose webhook counts what it was handed. */
function countingChannel(secret: string) {
  const seen = { handled: 0 };
  const channel = {
    name: "telegram",
    webhookPath: "/telegram",
    webhookAuthorized: (headers: Record<string, unknown>) => headers["x-telegram-bot-api-secret-token"] === secret,
    handleWebhook: async () => {
      seen.handled++;
      return { status: 200 };
    },
  } as unknown as Channel;
  return { channel, seen };
}

async function server(setup: (http: HttpServer) => void): Promise<number> {
  const http = new HttpServer(log);
  setup(http);
  const port = await http.listen(0, "127.0.0.1");
  cleanups.push(() => http.close());
  return port;
}

/** Raw HTTP: headers announcing `length` bytes, then `sent` of them; the status line as soon as it comes. */
function rawPost(port: number, headers: Record<string, string>, length: number, sent: number): Promise<{ status: number; bodyWritten: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      const head = Object.entries({ Host: `127.0.0.1:${port}`, "Content-Type": "application/json", "Content-Length": String(length), ...headers })
        .map(([k, v]) => `${k}: ${v}`)
        .join("\r\n");
      socket.write(`POST /telegram HTTP/1.1\r\n${head}\r\n\r\n`);
      if (sent) socket.write(Buffer.alloc(sent, 0x20));
    });
    let got = "";
    socket.on("data", (d: Buffer) => {
      got += d.toString("latin1");
      const m = /^HTTP\/1\.1 (\d{3})/.exec(got);
      if (m) {
        socket.destroy();
        resolve({ status: Number(m[1]), bodyWritten: sent });
      }
    });
    socket.on("error", reject);
  });
}

describe("webhook", () => {
  it("When a call without the secret announces 1 MB and sends none of it, then 401 comes at once and the channel is never handed a body", async () => {
    const { channel, seen } = countingChannel("right-secret-1");
    const port = await server((http) => mountWebhook(http.app, channel, () => undefined));
    // the body never comes: only an answer from the headers alone can arrive
    const r = await rawPost(port, { "X-Telegram-Bot-Api-Secret-Token": "wrong-secret" }, 1024 * 1024, 0);
    expect(r.status).toBe(401);
    expect(seen.handled).toBe(0);
  });

  it("When a call with the secret announces more than 64 KB, then 413 and the channel is not handed it", async () => {
    const { channel, seen } = countingChannel("right-secret-1");
    const port = await server((http) => mountWebhook(http.app, channel, () => undefined));
    const r = await rawPost(port, { "X-Telegram-Bot-Api-Secret-Token": "right-secret-1" }, WEBHOOK_MAX_BYTES + 1, 0);
    expect(r.status).toBe(413);
    expect(seen.handled).toBe(0);
    const ok = await fetch(`http://127.0.0.1:${port}/telegram`, { method: "POST", headers: { "x-telegram-bot-api-secret-token": "right-secret-1" }, body: "{}" });
    expect(ok.status).toBe(200);
    expect(seen.handled).toBe(1);
  });

  it("When Telegram and Zalo are given one secret, or the old shared WEBHOOK_SECRET, then the start is refused naming the variable", () => {
    const base = { TELEGRAM_BOT_TOKEN: "123:abcdefgh", ZALO_BOT_TOKEN: "456:abcdefgh", BOT_MODE: "webhook", PUBLIC_URL: "https://x.vn" };
    expect(() => loadConfig({ ...base, TELEGRAM_WEBHOOK_SECRET: "same-secret-1", ZALO_WEBHOOK_SECRET: "same-secret-1" })).toThrow(/ZALO_WEBHOOK_SECRET/);
    expect(() => loadConfig({ ...base, TELEGRAM_WEBHOOK_SECRET: "tg-secret-1", ZALO_WEBHOOK_SECRET: "zl-secret-1", WEBHOOK_SECRET: "old-secret-1" })).toThrow(/WEBHOOK_SECRET/);
    expect(() => loadConfig({ ...base, TELEGRAM_WEBHOOK_SECRET: "tg-secret-1" })).toThrow(/ZALO_WEBHOOK_SECRET/);
    const ok = loadConfig({ ...base, TELEGRAM_WEBHOOK_SECRET: "tg-secret-1", ZALO_WEBHOOK_SECRET: "zl-secret-1" });
    expect([ok.TELEGRAM_WEBHOOK_SECRET, ok.ZALO_WEBHOOK_SECRET]).toEqual(["tg-secret-1", "zl-secret-1"]);
  });
});

describe("web server", () => {
  it("When a request names another host, or a browser posts from another origin, then it is refused; its own host and origin pass", async () => {
    const port = await server((http) => {
      http.app.use("*", hostGuard(webHosts({ WEB_HOST: "127.0.0.1", PUBLIC_URL: "https://chat.doan.vn" })));
      http.app.all("/x", (c) => c.json({ ok: true }));
    });
    // node:http, not fetch: fetch may not set Host
    const call = (headers: Record<string, string>, method = "GET") =>
      new Promise<{ status: number }>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port, path: "/x", method, headers }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0 });
        });
        req.on("error", reject);
        req.end(method === "POST" ? "{}" : undefined);
      });
    expect((await call({})).status).toBe(200);
    expect((await call({ host: "evil.example" })).status).toBe(421);
    expect((await call({ host: "chat.doan.vn" })).status).toBe(200);
    expect((await call({ origin: "http://evil.example" }, "POST")).status).toBe(403);
    expect((await call({ origin: `http://127.0.0.1:${port}` }, "POST")).status).toBe(200);
    expect((await call({ origin: "https://chat.doan.vn" }, "POST")).status).toBe(200);
  });

  it(`When a session opens more than ${MAX_STREAMS_PER_SESSION} event streams, then the next is refused with 429 until one closes`, async () => {
    const h = await Harness.create({ features: [onboarding] });
    cleanups.push(() => h.close());
    const web = new WebChannel(h.s, h.core, { demo: false, signIn: webSignIn(h.s) });
    cleanups.push(() => web.stop());
    const port = await server((http) => web.mount(http.app));
    const personId = await seedMember(h.s.prisma, { channel: "telegram", id: "tg-streams", name: "Nhiều Thẻ" }, []);
    const code = await issueWebCode(h.s, personId);
    const login = await fetch(`http://127.0.0.1:${port}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    expect(cookie).toMatch(new RegExp(`^sid-${port}=`));
    const open = () => {
      const ac = new AbortController();
      return fetch(`http://127.0.0.1:${port}/api/events`, { headers: { cookie }, signal: ac.signal }).then((r) => ({ r, ac }));
    };
    const streams = [];
    for (let i = 0; i < MAX_STREAMS_PER_SESSION; i++) streams.push(await open());
    expect(streams.map((s) => s.r.status)).toEqual(Array(MAX_STREAMS_PER_SESSION).fill(200));
    const extra = await open();
    expect(extra.r.status).toBe(429);
    streams[0]!.ac.abort();
    // the closed one is given back: a new stream opens
    const end = Date.now() + 10_000;
    let again = await open();
    while (again.r.status === 429 && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 20));
      again = await open();
    }
    expect(again.r.status).toBe(200);
    for (const s of [...streams.slice(1), again]) s.ac.abort();
  });
});

describe("names and texts", () => {
  it("When a display name carries bidirectional overrides and control characters, then the stored name and the question text have none", async () => {
    const h = await Harness.create({ org: TEST_ORG });
    cleanups.push(() => h.close());
    const u = { channel: "telegram" as const, id: "5550001", name: "\u202eNguyễn\u0002 \u2066Văn\u2069\u200f A\u0085" };
    await h.join(u, "youth", "CD-A1");
    // a newcomer: the kernel stores the name it was given by the channel
    const v = { channel: "telegram" as const, id: "5550002", name: "\u202eTrần\u0003\u061c Thị\u200b B" };
    await h.send(v, "/start");
    const person = await h.s.prisma.person.findFirstOrThrow({ where: { id: await h.personId(v) } });
    expect(person.displayName).toBe("Trần Thị B");
    await h.send(u, "/hoi Thủ tục \u202evay vốn\u202c khởi nghiệp\u0007 cho thanh niên ở xã mình thế nào ạ?");
    const q = await h.s.prisma.question.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(q.text).toBe("Thủ tục vay vốn khởi nghiệp cho thanh niên ở xã mình thế nào ạ?");
  });
});

describe("org:import", () => {
  it("When a file lists a unit twice, moves an existing unit, or would make a cycle, then nothing is written unless a move is asked, and a cycle never", async () => {
    const h = await Harness.create({ org: TEST_ORG });
    cleanups.push(() => h.close());
    const { prisma } = h.s;
    const count = () => prisma.unit.count();
    const before = await count();
    const twice = parseOrgFile("units:\n  - { code: NEW-1, name: Mới, level: Chi đoàn }\n  - { code: NEW-1, name: Mới lần hai, level: Chi đoàn }\n", "o.yaml");
    await expect(importUnits(prisma, twice.units)).rejects.toThrow(/NEW-1/);
    // CD-A1 (under XA-A) listed under XA-B: a move
    const move = parseOrgFile(
      "units:\n  - code: XA-B\n    name: Đoàn xã B\n    level: Đoàn cơ sở\n    children:\n      - { code: NEW-2, name: Chi đoàn mới, level: Chi đoàn, branch: true }\n      - { code: CD-A1, name: Chi đoàn A1, level: Chi đoàn, branch: true }\n",
      "o.yaml",
    );
    await expect(importUnits(prisma, move.units)).rejects.toThrow(OrgImportError);
    await expect(importUnits(prisma, move.units)).rejects.toThrow(/CD-A1.*--move/);
    expect(await count()).toBe(before);
    expect((await prisma.unit.findUniqueOrThrow({ where: { code: "XA-B" } })).parentId).not.toBeNull();
    await importUnits(prisma, move.units, undefined, { move: true });
    const xaB = await prisma.unit.findUniqueOrThrow({ where: { code: "XA-B" } });
    const cd = await prisma.unit.findUniqueOrThrow({ where: { code: "CD-A1" } });
    expect(cd.parentId).toBe(xaB.id);
    expect(cd.path.startsWith(xaB.path)).toBe(true);
    // TINH under its own child: a cycle, refused even with --move
    const cycle = parseOrgFile(
      "units:\n  - code: TINH\n    name: Tỉnh\n    level: Tỉnh đoàn\n    children:\n      - code: XA-A\n        name: Đoàn xã A\n        level: Đoàn cơ sở\n        children:\n          - { code: TINH, name: Tỉnh, level: Tỉnh đoàn }\n",
      "o.yaml",
    );
    await expect(importUnits(prisma, cycle.units, undefined, { move: true })).rejects.toThrow(/cycle.*TINH/);
    expect((await prisma.unit.findUniqueOrThrow({ where: { code: "TINH" } })).parentId).toBeNull();
  });
});
