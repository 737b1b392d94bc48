import { request, type IncomingMessage } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG } from "../helpers/harness.ts";
import { WebChannel } from "../../bot/channels/web/index.ts";
import { webTranscriptFeature } from "../../bot/channels/web/transcript.ts";
import { onboarding } from "../../handlers/onboarding/index.ts";
import { createDialogue } from "../../handlers/dialogue/index.ts";
import { announcements } from "../../handlers/announcements/index.ts";
import { HttpServer } from "../../bot/core/http.ts";
import { OutboxWorker } from "../../bot/core/outbox/worker.ts";
import { issueWebCode, webSignIn } from "../../handlers/onboarding/api.ts";
import { seedMember } from "../helpers/cast.ts";
import { helpText } from "../../prompts/vi/core.ts";
import { webText } from "../../prompts/vi/web.ts";
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { mountDownloads } from "../../bot/core/downloads.ts";
import { registerFileSource, saveAttachment } from "../../bot/core/attachments.ts";

/** The web chat's HTTP API over a real socket: the real core, outbox and worker behind it. */
let h: Harness;
let web: WebChannel;
let http: HttpServer;
let worker: OutboxWorker;
let base: string;

beforeEach(async () => {
  // the test organisation (an anonymous question needs a unit and a cadre), anonymous questions at once
  h = await Harness.create({ org: TEST_ORG, env: { ANON_BATCH_MINUTES: "0" }, features: [onboarding, createDialogue(), announcements, webTranscriptFeature] });
  web = new WebChannel(h.s, h.core, { demo: false, signIn: webSignIn(h.s) });
  http = new HttpServer(h.s.log);
  web.mount(http.app);
  mountDownloads(http.app, h.s.prisma, h.s.clock);
  base = `http://127.0.0.1:${await http.listen(0, "127.0.0.1")}`;
  worker = new OutboxWorker(h.s.outbox, web.sender(), h.s.log);
  worker.start();
});

afterEach(async () => {
  await web.stop();
  await http.close();
  await worker.stop();
  await h.close();
});

/** Sign in as a new person with a `/web` code (outside the demo the web chat takes nothing else). */
async function login(name: string, roles: Parameters<typeof seedMember>[2] = []): Promise<string> {
  const personId = await seedMember(h.s.prisma, { channel: "telegram", id: `tg-${name}-${++seq}`, name }, roles);
  const code = await issueWebCode(h.s, personId);
  const r = await fetch(`${base}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });
  expect(r.status).toBe(200);
  return (r.headers.get("set-cookie") ?? "").split(";")[0]!;
}

let seq = 0;
const send = (cookie: string, text: string) =>
  fetch(`${base}/api/send`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ requestId: `req-${++seq}-abcdef`, text }) });

async function until<T>(get: () => T | Promise<T>, ok: (v: T) => boolean, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** An open event stream: every event's id and parsed data, as they arrive. */
function openEvents(cookie: string, lastEventId?: number) {
  const events: { id: number; data: { id: number; text: string } }[] = [];
  let res: IncomingMessage | null = null;
  let buf = "";
  const req = request(`${base}/api/events`, { headers: { cookie, ...(lastEventId ? { "last-event-id": String(lastEventId) } : {}) } }, (r) => {
    res = r;
    r.setEncoding("utf8");
    r.on("data", (chunk: string) => {
      buf += chunk;
      let cut: number;
      while ((cut = buf.indexOf("\n\n")) >= 0) {
        const block = buf.slice(0, cut);
        buf = buf.slice(cut + 2);
        const id = /^id: ?(.*)$/m.exec(block)?.[1];
        const data = /^data: ?(.*)$/m.exec(block)?.[1];
        if (id !== undefined && data !== undefined) events.push({ id: Number(id), data: JSON.parse(data) as { id: number; text: string } });
      }
    });
    r.on("error", () => undefined);
  });
  req.on("error", () => undefined);
  req.end();
  return {
    events,
    status: () => res?.statusCode,
    type: () => res?.headers["content-type"],
    close: () => req.destroy(),
  };
}

describe("web chat HTTP API (Hono over a real socket)", () => {
  it("When a body is not JSON, then the answer is 400 with the polite text, never a 500", async () => {
    const cookie = await login("Lan");
    for (const body of ["{not json", "", "[1,", "null"]) {
      const r = await fetch(`${base}/api/send`, { method: "POST", headers: { "content-type": "application/json", cookie }, body });
      expect(r.status).toBe(400);
      expect(await r.json()).toEqual({ error: webText.badRequest });
    }
    const r = await fetch(`${base}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: "{\"name\":" });
    expect(r.status).toBe(400);
    expect(await r.text()).not.toMatch(/at .*\.ts|SyntaxError/);
  });

  it("When a body is over the route's limit, then the answer is 413 and nothing is received", async () => {
    const cookie = await login("Lan");
    const big = await fetch(`${base}/api/send`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ requestId: "req-big-abcdef", text: "x".repeat(70 * 1024) }),
    });
    expect(big.status).toBe(413);
    const login413 = await fetch(`${base}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "y".repeat(5000) }) });
    expect(login413.status).toBe(413);
    expect(await h.s.prisma.inboundUpdate.count()).toBe(0);
  });

  it("When the cookie is missing or its token is forged, then the API answers 401", async () => {
    const cookie = await login("Lan");
    const [name, value] = cookie.split("=");
    const forged = `${name}=${value!.slice(0, -1)}${value!.endsWith("A") ? "B" : "A"}`;
    expect((await send(forged, "/trogiup")).status).toBe(401);
    expect((await send("sid=garbage", "/trogiup")).status).toBe(401);
    expect((await fetch(`${base}/api/messages`)).status).toBe(401);
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    expect((await send(cookie, "/trogiup")).status).toBe(202);
  });

  it("When a message is queued for an open event stream, then it arrives as an SSE event, and a reconnect with Last-Event-ID resumes after it", async () => {
    const cookie = await login("Lan");
    const stream = openEvents(cookie);
    await until(stream.status, (s) => s === 200, "the stream to open");
    expect(stream.type()).toMatch(/^text\/event-stream/);
    expect((await send(cookie, "/trogiup")).status).toBe(202);
    const [first] = await until(() => stream.events, (e) => e.length >= 1, "the first event");
    expect(first!.data.text).toContain(helpText.header("Lan"));
    expect(first!.data.id).toBe(first!.id);
    stream.close();

    expect((await send(cookie, "/trogiup")).status).toBe(202);
    const history = async () => ((await (await fetch(`${base}/api/messages?after=0`, { headers: { cookie } })).json()) as { messages: { id: number }[] }).messages;
    const ids = (await until(history, (m) => m.length >= 2, "the second answer")).map((m) => m.id);
    const again = openEvents(cookie, first!.id);
    const resumed = await until(() => again.events, (e) => e.length >= ids.length - 1, "the backlog after the last event");
    again.close();
    expect(resumed.map((e) => e.id)).toEqual(ids.filter((id) => id > first!.id));
  });
});

describe("web chat that keeps its visitor", () => {
  type Line = { id?: number; mine?: boolean; text: string; buttons?: { label: string; data: string }[]; used?: boolean };
  const history = async (cookie: string) => ((await (await fetch(`${base}/api/messages?mine=1`, { headers: { cookie } })).json()) as { messages: Line[] }).messages;
  const press = (cookie: string, data: string, label: string) => {
    const [, setId, index] = data.split(":");
    return fetch(`${base}/api/send`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ requestId: `req-${++seq}-abcdef`, choice: { setId: Number(setId), index: Number(index) }, label }),
    });
  };

  it("When a signed-in visitor comes back, then the session is the same person and the history holds their messages and the bot's, a pressed set marked used", async () => {
    const cookie = await login("Hoa", [{ role: "youth", unitCode: "CD-A1" }]);
    const me = await (await fetch(`${base}/api/session`, { headers: { cookie } })).json();
    expect((await send(cookie, "/theodoi")).status).toBe(202);
    const offer = await until(() => history(cookie), (m) => m.some((l) => l.buttons?.length), "the topics offered");
    const set = offer.find((l) => l.buttons?.length)!;
    expect(set.used).toBeUndefined();
    expect((await press(cookie, set.buttons![0]!.data, set.buttons![0]!.label)).status).toBe(202);
    const lines = await until(() => history(cookie), (m) => m.some((l) => !l.mine && l.text.includes("Đã theo dõi")), "the follow confirmed");
    // a reload reads the same session: the same person, the whole conversation in order
    expect(await (await fetch(`${base}/api/session`, { headers: { cookie } })).json()).toEqual(me);
    expect(lines.map((l) => (l.mine ? `me:${l.text}` : `bot:${l.text.split("\n")[0]}`))).toEqual([
      "me:/theodoi",
      `bot:${offer.find((l) => !l.mine)!.text.split("\n")[0]}`,
      `me:${set.buttons![0]!.label}`,
      `bot:${lines.at(-1)!.text.split("\n")[0]}`,
    ]);
    expect(lines.find((l) => l.buttons?.length)!.used).toBe(true);
  });

  it("When an anonymous question is answered while no page is open, then the visitor sees the answer after coming back, and no row holds its words next to them", async () => {
    const cookie = await login("Mai", [{ role: "youth", unitCode: "CD-A1" }]);
    const { userId } = (await (await fetch(`${base}/api/session`, { headers: { cookie } })).json()) as { userId: string };
    const personId = (await h.s.prisma.identity.findFirstOrThrow({ where: { channel: "web", externalId: userId } })).personId;
    const cadre = h.user("Cán Bộ Xã A");
    await h.join(cadre, "cadre", "XA-A");
    const question = "Người khuyết tật ở xã mình được hỗ trợ học nghề miễn phí không ạ?";
    await send(cookie, `/hoian ${question}`);
    await send(cookie, "/guian");
    const q = await until(() => h.s.prisma.question.findFirst({ where: { anonymous: true } }), (x) => x !== null, "the anonymous question");
    // no page open: the answer is sent to nobody's screen, and its outbox row forgets it
    const answer = "Bạn liên hệ Phòng Văn hóa xã hội của xã để được hướng dẫn hồ sơ học nghề.";
    await h.send(cadre, `/traloi ${q!.publicRef} ${answer}`);
    await until(() => h.s.prisma.outboxMessage.count({ where: { channel: "web", status: "pending" } }), (n) => n === 0, "the web rows sent");
    const lines = await history(cookie);
    expect(lines.some((l) => l.mine && l.text.includes(question))).toBe(true);
    const got = lines.find((l) => !l.mine && l.text.includes("Phòng Văn hóa xã hội"));
    expect(got?.id).toBeGreaterThan(0);
    // a reconnecting stream after an older event gets it again in its backlog
    const stream = openEvents(cookie, 1);
    await until(() => stream.events, (e) => e.some((x) => x.data.text.includes("Phòng Văn hóa xã hội")), "the answer in the backlog");
    stream.close();
    // nothing stored holds the words next to the visitor's id, chat or person
    const marks = ["Phòng Văn hóa xã hội", "khuyết tật ở xã mình"];
    const outbox = await h.s.prisma.outboxMessage.findMany({ where: { channel: "web" } });
    for (const r of outbox) {
      const words = marks.some((w) => r.payload.includes(w));
      if (words) expect({ chatId: r.chatId, personId: r.personId }).toEqual({ chatId: "", personId: null });
    }
    const transcript = await h.s.prisma.webTranscript.findMany();
    expect(transcript.length).toBeGreaterThan(0);
    for (const r of transcript) {
      const cells = Object.values(r).map(String).join("\u0000");
      expect(marks.some((w) => cells.includes(w))).toBe(false);
      expect(cells.includes(userId) || r.box === String(personId)).toBe(false);
    }
  });

  it("When a person asks for their data and then erases it, then their web transcript is in the export and goes with them", async () => {
    const cookie = await login("Lan", [{ role: "youth", unitCode: "CD-A1" }]);
    await send(cookie, "/trogiup");
    await until(() => h.s.prisma.webTranscript.count(), (n) => n > 0, "the transcript kept");
    const { userId } = (await (await fetch(`${base}/api/session`, { headers: { cookie } })).json()) as { userId: string };
    const personId = (await h.s.prisma.identity.findFirstOrThrow({ where: { channel: "web", externalId: userId } })).personId;
    // `/dulieu` first: the person's web lines are part of their data
    const data = (await h.s.people.exportData(personId)) as { webChat?: { from: string; text: string }[] } | null;
    expect(data?.webChat?.some((l) => l.from === "you" && l.text === "/trogiup")).toBe(true);
    await h.s.people.erase(personId);
    expect(await h.s.prisma.webTranscript.count()).toBe(0);
    expect((await fetch(`${base}/api/messages`, { headers: { cookie } })).status).toBe(401);
  });

  it("When the daily retention tick runs, then expired transcript lines go and current ones stay", async () => {
    const cookie = await login("Mai", [{ role: "youth", unitCode: "CD-A1" }]);
    await send(cookie, "/trogiup");
    const kept = await until(() => h.s.prisma.webTranscript.count(), (n) => n > 0, "the transcript kept");
    await h.s.prisma.webTranscript.create({ data: { box: "expired-box", kind: "out", sealed: "x", createdAt: new Date(0), expiresAt: new Date(1000) } });
    await webTranscriptFeature.ticks![0]!.run(h.s, h.s.clock.now());
    expect(await h.s.prisma.webTranscript.count({ where: { box: "expired-box" } })).toBe(0);
    expect(await h.s.prisma.webTranscript.count()).toBe(kept);
  });

  it("When a cadre on the web chat is sent a question's photo, then the page shows the image itself, served by its unguessable link", async () => {
    // a 2×2 red PNG the Telegram side would give for its file id (the cadre reads on the web)
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==", "base64");
    registerFileSource(h.s.prisma, "telegram", async (ref) => (ref === "tg-file-1" ? { content: png, mime: "image/png", name: "cau-hoi.png" } : null));
    const personId = await seedMember(h.s.prisma, { channel: "telegram", id: "tg-cadre-photo", name: "Cán Bộ Ảnh" }, [{ role: "cadre", unitCode: "XA-A" }]);
    const code = await issueWebCode(h.s, personId);
    const chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
    if (!chromiumPath) throw new Error("Debian's chromium is required (npm test installs it)");
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
    try {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(`${base}/#code=${code}`);
      await page.locator("#whoName", { hasText: "Cán Bộ Ảnh" }).waitFor();
      const web = await h.s.prisma.identity.findFirstOrThrow({ where: { personId, channel: "web" } });
      const attachment = await saveAttachment(h.s.prisma, h.s.clock, { origin: "telegram", kind: "photo", ref: "tg-file-1" });
      await h.s.outbox.enqueue({ channel: "web", chatId: web.chatId, userKey: web.externalId, personId }, { text: "❓ Câu hỏi số 9 kèm ảnh", attachment });
      const img = page.locator(".msg.bot img.photo");
      await img.waitFor();
      await expect.poll(() => img.evaluate((e) => (e as unknown as { naturalWidth: number }).naturalWidth)).toBe(2);
      expect(await img.getAttribute("src")).toBe(`/attachment/${attachment.token}`);
      // a guessed or altered link shows nothing
      expect((await fetch(`${base}/attachment/${attachment.token.slice(0, -2)}xx`)).status).toBe(404);
    } finally {
      await browser.close();
    }
  });
});
