/**
 * The certificate of participation, checked as a person would look at it: the PDF sent in the
 * chat is rendered to an image (pdf.js on a skia canvas, in process) and the band where the
 * name is printed is compared, pixel by pixel, with the name rendered alone in the same font
 * at the same place: identical with the diacritics, different from the same name without them
 * (so the marks are really drawn, not dropped or replaced by boxes). The text layer must hold
 * the exact name with its diacritics (NFC), the campaign, the shift and the unit.
 */
import { Hono } from "hono";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCanvas } from "@napi-rs/canvas";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { onboarding } from "../../handlers/onboarding/index.ts";
import { volunteers } from "../../handlers/volunteers/index.ts";
import { NAME_STYLE, PAGE, drawName, newDocument, toBuffer } from "../../handlers/volunteers/certificate.ts";
import { mountDownloads, readDownload } from "../../bot/core/downloads.ts";
import type { HttpEnv } from "../../bot/core/http.ts";
import type { FileRef } from "../../bot/core/types.ts";
import { TelegramChannel } from "../../bot/channels/telegram/index.ts";
import { ZaloChannel } from "../../bot/channels/zalo/index.ts";
import { attachmentText } from "../../prompts/vi/attachments.ts";
import { MENUS } from "../../bot/app/features.ts";
import { FakeTelegram } from "../fakes/telegram.ts";
import { stripMarkup } from "../../bot/core/text.ts";
import { vnDate } from "../../bot/core/time.ts";
import { campaignsText as C } from "../../prompts/vi/volunteers.ts";

const NAME = "Nguyễn Thị Hồng Nhung";
const NAME_ASCII = "Nguyen Thi Hong Nhung";
const TITLE = "Chủ nhật xanh ấp Phú Hòa";
const SCALE = 2;

/** The PDF's first page: its text, and the ink (dark pixels) of the name's band, margins left out. */
async function look(pdf: Uint8Array): Promise<{ text: string; ink: Uint8Array }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(1);
    const text = (await page.getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join("\n");
    const vp = page.getViewport({ scale: SCALE });
    const canvas = createCanvas(Math.ceil(vp.width), Math.ceil(vp.height));
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: ctx as never, viewport: vp, canvas: canvas as never }).promise;
    // from just under the line above to just above the line below; inside the frame
    const [x0, x1] = [40 * SCALE, (PAGE.width - 40) * SCALE];
    const [y0, y1] = [(NAME_STYLE.y - 8) * SCALE, (NAME_STYLE.y + 42) * SCALE];
    const img = ctx.getImageData(x0, y0, x1 - x0, y1 - y0);
    const ink = new Uint8Array(img.width * img.height);
    for (let i = 0; i < ink.length; i++) ink[i] = img.data[i * 4]! + img.data[i * 4 + 1]! + img.data[i * 4 + 2]! < 3 * 160 ? 1 : 0;
    return { text, ink };
  } finally {
    await doc.destroy();
  }
}

async function nameAlone(name: string): Promise<Uint8Array> {
  const doc = newDocument("reference");
  drawName(doc, name);
  return (await look(await toBuffer(doc))).ink;
}

const count = (a: Uint8Array) => a.reduce((n, v) => n + v, 0);
const differ = (a: Uint8Array, b: Uint8Array) => a.reduce((n, v, i) => n + (v !== b[i] ? 1 : 0), 0);

describe("certificate of participation", () => {
  let h: Harness;
  let cadre: TestUser, nhung: TestUser, other: TestUser;
  let pdf: Buffer;
  let sentFile: FileRef;

  beforeAll(async () => {
    h = await Harness.create({ org: TEST_ORG, features: [onboarding, volunteers], now: vnDate(2026, 11, 2, 9, 0) });
    cadre = h.user("Cán bộ xã A");
    nhung = h.user(NAME, "zalo");
    other = h.user("Trần Văn Hai");
    await h.join(cadre, "cadre", "XA-A");
    await h.join(nhung, "youth", "CD-A1");
    await h.join(other, "youth", "CD-A1");
  }, 60_000);
  afterAll(async () => h?.close());

  it("When a volunteer of a one-event campaign was marked present, then /chungnhan sends a PDF with their name, the campaign, the shift and the unit", async () => {
    // the one-event flow: a campaign of its own is one activity with one shift
    await h.send(cadre, `/taochiendich ${TITLE} | 08/11/2026 07:00 | 08/11/2026 11:00 | Bờ kè ấp 1 | 5 | 06/11/2026 | XA-A`);
    const c = await h.s.prisma.campaign.findFirstOrThrow();
    await h.send(nhung, `/dangky ${c.id}`);
    await h.send(other, `/dangky ${c.id}`);
    expect((await h.send(nhung, "/chungnhan"))[0]!.text).toBe(C.certNone);
    await h.at(vnDate(2026, 11, 8, 10, 0));
    await h.send(cadre, `/diemdanh ${c.id} 1`);

    const [sent] = await h.send(nhung, "/chungnhan");
    // on Zalo the channel adds the link (or says where to get the file): the text promises neither
    expect(stripMarkup(sent!.text)).toBe(C.certSent(TITLE));
    const file = await readDownload(h.s.prisma, h.clock, sent!.file!.token);
    expect(file).toMatchObject({ mime: "application/pdf", binary: true });
    expect(sent!.file!.name).toMatch(/^giay-chung-nhan-c\d+-\d+\.pdf$/);
    pdf = file!.bytes;
    sentFile = sent!.file!;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    const { text } = await look(pdf);
    expect(text.normalize("NFC")).toContain(NAME);
    expect(text).toContain(C.cert.joined(TITLE));
    expect(text).toContain(C.cert.of("Chi đoàn A1"));
    expect(text).toContain(C.cert.shift(TITLE, "07:00 08/11/2026 – 11:00"));
    expect(text).toContain(C.cert.total(1));
    // attendance is the campaign's volunteer person-times in the indicators
    expect(await h.s.prisma.indicatorValue.findMany({ where: { source: `volunteers:campaign:${c.id}` }, select: { indicator: true, value: true } })).toEqual([
      { indicator: "volunteer_turns", value: 1 },
    ]);
    // the one absent has no certificate
    expect((await h.send(other, "/chungnhan"))[0]!.text).toBe(C.certNone);
  }, 60_000);

  it("When the certificate goes out, then Telegram gets the PDF as a document and the link serves it as a PDF", async () => {
    const fake = await FakeTelegram.start({ rateLimits: false });
    try {
      const tg = new TelegramChannel({ token: fake.token, apiRoot: fake.url, mode: "polling", ratePerSecond: 30, log: pino({ level: "silent" }), core: h.core, menus: MENUS });
      expect((await tg.send("777", { text: C.certSent(TITLE), file: sentFile })).ok).toBe(true);
      const doc = fake.messagesTo("777").at(-1)!;
      expect(doc.method).toBe("sendDocument");
      expect(doc.document!.filename).toBe(sentFile.name);
      expect(Buffer.compare(doc.document!.content!, pdf)).toBe(0);
    } finally {
      await fake.close();
    }
    const app = new Hono<HttpEnv>();
    mountDownloads(app, h.s.prisma, h.s.clock);
    const res = await app.request(`/download/${sentFile.token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), pdf)).toBe(0);
  });

  it("When the certificate goes to Zalo, then the message carries its link, or without a public server says where to get the file", async () => {
    const texts: string[] = [];
    const zaloWith = (downloadBase: string | null) => {
      const z = new ZaloChannel({ token: "1:zalo-token", baseUrl: "http://127.0.0.1:9", mode: "polling", ratePerSecond: 5, log: pino({ level: "silent" }), core: h.core, downloadBase });
      z.client.sendMessage = async (_chat: string, text: string) => {
        texts.push(text);
        return { message_id: String(texts.length) } as Awaited<ReturnType<typeof z.client.sendMessage>>;
      };
      return z;
    };
    const payload = { text: C.certSent(TITLE), file: sentFile };
    expect((await zaloWith("https://bot.doan.vn/").send("z-1", payload)).ok).toBe(true);
    expect((await zaloWith(null).send("z-1", payload)).ok).toBe(true);
    expect(texts).toEqual([`${C.certSent(TITLE)}\n\nhttps://bot.doan.vn/download/${sentFile.token}`, `${C.certSent(TITLE)}\n\n${attachmentText.fileElsewhere(sentFile.name)}`]);
    // the web chat shows the link under the text, and the text says so
    const web = h.user(NAME, "web");
    await h.s.prisma.identity.create({ data: { channel: "web", externalId: web.id, chatId: web.id, personId: await h.personId(nhung) } });
    const [onWeb] = await h.send(web, "/chungnhan");
    expect(stripMarkup(onWeb!.text)).toBe(`${C.certSent(TITLE)}\n${C.certLinkNote}`);
    expect(onWeb!.file!.name).toBe(sentFile.name);
  });

  it("When a member took part in several campaigns, then /chungnhan asks which one and the chosen campaign's certificate is sent", async () => {
    const TITLE2 = "Hiến máu tình nguyện xã A";
    await h.send(cadre, `/taochiendich ${TITLE2} | 22/11/2026 07:00 | 22/11/2026 11:00 | Trạm y tế xã | 5 | 20/11/2026 | XA-A`);
    const c2 = await h.s.prisma.campaign.findFirstOrThrow({ where: { title: TITLE2 } });
    await h.send(nhung, `/dangky ${c2.id}`);
    await h.at(vnDate(2026, 11, 22, 10, 0));
    await h.send(cadre, `/diemdanh ${c2.id} 1`);

    const [ask] = await h.send(nhung, "/chungnhan");
    // on Zalo the campaigns are numbered, the latest first; the member answers with its number
    expect(ask!.text.split("\n").slice(0, 4)).toEqual([C.certChoose, "", `1. ${TITLE2}`, `2. ${TITLE}`]);
    const [sent] = await h.send(nhung, "1");
    expect(stripMarkup(sent!.text)).toBe(C.certSent(TITLE2));
    const { text } = await look((await readDownload(h.s.prisma, h.clock, sent!.file!.token))!.bytes);
    expect(text.normalize("NFC")).toContain(NAME);
    expect(text).toContain(C.cert.joined(TITLE2));
    expect(text).toContain(C.cert.shift(TITLE2, "07:00 22/11/2026 – 11:00"));
    expect(text).not.toContain(TITLE);
    // naming the campaign picks it without asking
    const [direct] = await h.send(nhung, `/chungnhan ${c2.id}`);
    expect(stripMarkup(direct!.text)).toBe(C.certSent(TITLE2));
  }, 60_000);

  it("When the certificate is turned into an image, then the name is drawn there with its diacritics", async () => {
    const shown = (await look(pdf)).ink;
    const withMarks = await nameAlone(NAME);
    const without = await nameAlone(NAME_ASCII);
    const ink = count(withMarks);
    // not blank: the name covers a real area of the band
    expect(ink).toBeGreaterThan(5000);
    expect(count(shown)).toBeGreaterThan(5000);
    // the certificate's band is the name with its marks (the same renderer gives the same pixels) …
    expect(differ(shown, withMarks) / ink).toBeLessThan(0.005);
    // … and not the name without them: the marks are ink of their own
    expect(differ(shown, without) / ink).toBeGreaterThan(0.015);
  }, 60_000);
});
