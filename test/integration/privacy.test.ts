/**
 * A person's data (issue 13, item 5; Decree 13/2023): `/dulieu` sends everything kept about
 * the person as a JSON file — the document itself on Telegram, an unguessable expiring link
 * on Zalo and the web — and `/xoadulieu` leaves the person's chat id and name in no row of
 * any table.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Hono } from "hono";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { FakeTelegram } from "../fakes/telegram.ts";
import { TelegramChannel } from "../../bot/channels/telegram/index.ts";
import { ZaloChannel } from "../../bot/channels/zalo/index.ts";
import { mountDownloads, readDownload } from "../../bot/core/downloads.ts";
import type { HttpEnv } from "../../bot/core/http.ts";
import type { OutboxPayload } from "../../bot/core/types.ts";
import { MENUS } from "../../bot/app/features.ts";
import { privacyText } from "../../prompts/vi/privacy.ts";

let h: Harness;
const youth: TestUser = { channel: "telegram", id: "730019284461", name: "Trần Thị Riêng Tư" };
let cadre: TestUser;
let secretary: TestUser;

/** Every model of the schema, as the client names it. */
const MODELS = [...readFileSync(resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8").matchAll(/^model (\w+)/gm)].map(
  (m) => m[1]![0]!.toLowerCase() + m[1]!.slice(1),
);

/** Every row of every table, as text, with the table's name: where does `needle` appear? */
async function rowsHolding(needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const model of MODELS) {
    const rows = (await (h.s.prisma as unknown as Record<string, { findMany(): Promise<unknown[]> }>)[model]!.findMany()) as unknown[];
    for (const r of rows) {
      const text = JSON.stringify(r);
      if (text.includes(needle) || text.includes(JSON.stringify(needle).slice(1, -1))) hits.push(`${model}: ${text.slice(0, 200)}`);
    }
  }
  return hits;
}

async function lastFile(u: TestUser): Promise<OutboxPayload["file"]> {
  const msgs = await h.messages(u);
  return [...msgs].reverse().find((m) => m.file)?.file;
}

beforeAll(async () => {
  h = await Harness.create({ org: TEST_ORG, env: { ANON_BATCH_MINUTES: "0" } });
  cadre = h.user("Cán Bộ Xã A");
  secretary = h.user("Bí Thư A1");
  await h.join(youth, "youth", "CD-A1");
  await h.join(cadre, "cadre", "XA-A");
  await h.join(secretary, "secretary", "CD-A1");
  // a named question answered, an anonymous one, a sign-up, a choice set and a flow of their own
  await h.send(youth, "/hoi Thủ tục vay vốn khởi nghiệp cho thanh niên ở xã mình như thế nào ạ?");
  await h.send(youth, "/gui");
  await h.send(youth, "/hoian Đoàn phí hằng tháng của đoàn viên là bao nhiêu vậy ạ?");
  await h.send(youth, "/guian");
  const named = await h.s.prisma.question.findFirstOrThrow({ where: { askerId: await h.personId(youth) } });
  await h.send(cadre, `/traloi ${named.id} Bạn liên hệ Ngân hàng Chính sách xã hội huyện để được hướng dẫn hồ sơ.`);
  const now = h.clock.now();
  const xa = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "XA-A" } });
  const campaign = await h.s.prisma.campaign.create({
    data: { title: "Chủ nhật xanh", startsAt: new Date(now.getTime() + 5 * 86_400_000), endsAt: new Date(now.getTime() + 5.2 * 86_400_000), capacity: 10, signupDeadline: new Date(now.getTime() + 4 * 86_400_000), scopeUnitId: xa.id, createdById: await h.personId(cadre) },
  });
  await h.send(youth, `/dangky ${campaign.id}`);
  await h.send(youth, "/start");
}, 120_000);

afterAll(async () => h?.close());

describe("/dulieu", () => {
  it("When a member asks for their data, then a JSON file holds their profile, memberships, questions with answers, anonymous ones without name, and sign-ups", async () => {
    const out = await h.send(youth, "/dulieu");
    expect(out).toHaveLength(1);
    expect(out[0]!.text).toContain(youth.name);
    const file = out[0]!.file!;
    expect(file.name).toMatch(/^du-lieu-ca-nhan-\d{2}-\d{2}-\d{4}\.json$/);
    const data = JSON.parse((await readDownload(h.s.prisma, h.s.clock, file.token))!.content) as Record<string, any>;
    expect(data.profile.displayName).toBe(youth.name);
    expect(data.identities).toEqual([expect.objectContaining({ channel: "telegram", userId: youth.id })]);
    expect(data.memberships).toEqual([expect.objectContaining({ unit: "CD-A1", role: "youth" })]);
    expect(data.questions).toHaveLength(1);
    expect(data.questions[0].text).toContain("vay vốn khởi nghiệp");
    expect(data.questions[0].answers[0].text).toContain("Ngân hàng Chính sách xã hội");
    expect(data.anonymousQuestions).toHaveLength(1);
    expect(data.anonymousQuestions[0].text).toContain("Đoàn phí");
    expect(Object.keys(data.anonymousQuestions[0]).sort()).toEqual(["answers", "askedAt", "id", "status", "text", "topic"]);
    expect(data.signups).toEqual([expect.objectContaining({ campaign: "Chủ nhật xanh" })]);
  });

  it("When a secretary asks, then the meeting report they filed is in their file", async () => {
    await h.send(secretary, "/dasinhhoat 25 Sinh hoạt chuyên đề tháng 11");
    const [m] = await h.send(secretary, "/dulieu");
    const data = JSON.parse((await readDownload(h.s.prisma, h.s.clock, m!.file!.token))!.content) as Record<string, any>;
    expect(data.meetingReports).toEqual([expect.objectContaining({ unit: "Chi đoàn A1", attendees: 25 })]);
  });

  it("When the file goes to Telegram, then the document itself is sent with the text as its caption", async () => {
    const fake = await FakeTelegram.start({ rateLimits: false });
    try {
      const tg = new TelegramChannel({ token: fake.token, apiRoot: fake.url, mode: "polling", ratePerSecond: 30, log: pino({ level: "silent" }), core: h.core, menus: MENUS });
      const file = await lastFile(youth);
      const r = await tg.send(youth.id, { text: "Dữ liệu của bạn", file });
      expect(r.ok).toBe(true);
      const sent = fake.messagesTo(youth.id).at(-1)!;
      expect(sent.method).toBe("sendDocument");
      expect(sent.text).toBe("Dữ liệu của bạn");
      expect(sent.document!.filename).toBe(file!.name);
      expect(JSON.parse(sent.document!.content!.toString("utf8")).profile.displayName).toBe(youth.name);
    } finally {
      await fake.close();
    }
  });

  it("When the file goes to Zalo, then the message carries its download link, which serves the file until it expires", async () => {
    const zalo = new ZaloChannel({ token: "1:zalo-token", baseUrl: "http://127.0.0.1:9", mode: "webhook", ratePerSecond: 5, log: pino({ level: "silent" }), core: h.core, downloadBase: "https://bot.doan.vn/" });
    const texts: string[] = [];
    zalo.client.sendMessage = async (_chat: string, text: string) => {
      texts.push(text);
      return { message_id: String(texts.length) } as Awaited<ReturnType<typeof zalo.client.sendMessage>>;
    };
    const file = (await lastFile(youth))!;
    expect((await zalo.send("z-1", { text: "Dữ liệu của bạn", file })).ok).toBe(true);
    expect(texts).toEqual([`Dữ liệu của bạn\n\nhttps://bot.doan.vn/download/${file.token}`]);
    const app = new Hono<HttpEnv>();
    mountDownloads(app, h.s.prisma, h.s.clock);
    const ok = await app.request(`/download/${file.token}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toContain(file.name);
    expect(((await ok.json()) as { profile: { displayName: string } }).profile.displayName).toBe(youth.name);
    expect((await app.request(`/download/${file.token.slice(0, -2)}xx`)).status).toBe(404);
    h.clock.advance(25 * 3_600_000);
    expect((await app.request(`/download/${file.token}`)).status).toBe(404);
  });

  it("When a Zalo member asks and no public server serves links, then the data comes as text and no link is promised", async () => {
    const z: TestUser = { channel: "zalo", id: "zl-riengtu-2", name: "Lê Văn Zalo" };
    await h.join(z, "youth", "CD-A1");
    const [m] = await h.send(z, "/dulieu");
    expect(m!.text).not.toContain(privacyText.linkNote);
    const zalo = new ZaloChannel({ token: "1:zalo-token", baseUrl: "http://127.0.0.1:9", mode: "webhook", ratePerSecond: 5, log: pino({ level: "silent" }), core: h.core });
    const texts: string[] = [];
    zalo.client.sendMessage = async (_chat: string, text: string) => {
      texts.push(text);
      return { message_id: String(texts.length) } as Awaited<ReturnType<typeof zalo.client.sendMessage>>;
    };
    expect((await zalo.send(z.id, { text: m!.text, file: m!.file })).ok).toBe(true);
    expect(texts[0]).toBe(m!.text);
    expect(texts.join("")).not.toMatch(/https?:\/\//);
    expect(JSON.parse(texts.slice(1).join("")).profile.displayName).toBe(z.name);
    const web: TestUser = { channel: "web", id: "w-riengtu-3", name: "Phạm Thị Web" };
    await h.join(web, "youth", "CD-A1");
    const [w] = await h.send(web, "/dulieu");
    expect(w!.text).toContain(privacyText.linkNote);
  });
});

describe("/xoadulieu", () => {
  it("When a member confirms the erasure, then their chat id and name are in no row of any table", async () => {
    expect((await rowsHolding(youth.id)).length).toBeGreaterThan(0);
    expect((await rowsHolding(youth.name)).length).toBeGreaterThan(0);
    const [confirm] = await h.send(youth, "/xoadulieu");
    expect(confirm!.text).toBe(privacyText.deleteConfirm);
    await h.press(youth, privacyText.yes);
    expect(await rowsHolding(youth.id)).toEqual([]);
    expect(await rowsHolding(youth.name)).toEqual([]);
    // the cadre's copy of the question keeps its words, not the asker's name
    const toCadre = (await h.messages(cadre)).map((m) => m.text).join("\n");
    expect(toCadre).toContain("vay vốn khởi nghiệp");
    // the questions stay, tied to nobody
    const qs = await h.s.prisma.question.findMany({ where: { text: { contains: "khởi nghiệp" } } });
    expect(qs.map((q) => q.askerId)).toEqual([null]);
  });
});
