/**
 * The certificate of participation as a PDF (pdfkit), with DejaVu fonts embedded (the npm
 * package dejavu-fonts-ttf: every Vietnamese letter with its diacritics). pdfkit embeds a
 * subset of each font with its ToUnicode map, so the PDF's text layer holds the exact words.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type PDFDocument from "pdfkit";
import { campaignsText as T } from "../../prompts/vi/volunteers.ts";

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")), ".");
export const FONTS = {
  serif: join(FONT_DIR, "DejaVuSerif.ttf"),
  serifBold: join(FONT_DIR, "DejaVuSerif-Bold.ttf"),
  sans: join(FONT_DIR, "DejaVuSans.ttf"),
  sansBold: join(FONT_DIR, "DejaVuSans-Bold.ttf"),
} as const;

/** A4 landscape, in PDF points. */
export const PAGE = { width: 841.89, height: 595.28 } as const;
/** Where the name is printed: centred on the page, this font and size, its top at `y`. */
export const NAME_STYLE = { font: FONTS.serifBold, size: 30, y: 232 } as const;
const RED = "#b3121f";
const MAX_SHIFT_LINES = 6;

export interface CertificateData {
  name: string;
  unit: string;
  campaign: string;
  shifts: { title: string; when: string }[];
  issuer: string;
  date: string;
  id: string;
}

/** Draw the name where the certificate draws it (also used by tests to render a reference). */
export function drawName(doc: PDFKit.PDFDocument, name: string): void {
  doc.font(NAME_STYLE.font).fontSize(NAME_STYLE.size).fillColor(RED).text(name.normalize("NFC"), 0, NAME_STYLE.y, { width: PAGE.width, align: "center", lineBreak: false });
}

export function newDocument(title: string): PDFKit.PDFDocument {
  // pdfkit is loaded at the first certificate (it costs start time and memory to every process)
  const PDF = require("pdfkit") as typeof PDFDocument;
  return new PDF({ size: [PAGE.width, PAGE.height], margin: 0, autoFirstPage: true, info: { Title: title, Creator: "Đoàn TNCS Hồ Chí Minh" } });
}

export function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

export async function renderCertificate(d: CertificateData): Promise<Buffer> {
  const doc = newDocument(`${T.cert.title} — ${d.name}`);
  const { width: W, height: H } = PAGE;
  // frame
  doc.lineWidth(4).strokeColor(RED).rect(18, 18, W - 36, H - 36).stroke();
  doc.lineWidth(1).rect(26, 26, W - 52, H - 52).stroke();
  // headers: the Union and the unit (left), the state motto (right)
  doc.fillColor("#000").font(FONTS.sansBold).fontSize(11).text(T.cert.header1, 50, 45, { width: 330, align: "center" });
  doc.font(FONTS.sans).fontSize(10).text(T.cert.header2(d.issuer), 50, 61, { width: 330, align: "center" });
  doc.font(FONTS.sansBold).fontSize(11).text(T.cert.motto, W - 380, 45, { width: 330, align: "center" });
  // title
  doc.fillColor(RED).font(FONTS.serifBold).fontSize(34).text(T.cert.title, 0, 118, { width: W, align: "center" });
  doc.fillColor("#000").font(FONTS.serifBold).fontSize(15).text(T.cert.subtitle, 0, 162, { width: W, align: "center" });
  doc.font(FONTS.serif).fontSize(13).text(T.cert.certifies, 0, 205, { width: W, align: "center" });
  drawName(doc, d.name);
  doc.fillColor("#000").font(FONTS.serif).fontSize(13).text(T.cert.of(d.unit), 0, 280, { width: W, align: "center" });
  doc.text(T.cert.joined(d.campaign), 90, 306, { width: W - 180, align: "center" });
  let y = doc.y + 6;
  const shown = d.shifts.slice(0, MAX_SHIFT_LINES);
  doc.font(FONTS.sans).fontSize(11);
  for (const s of shown) {
    doc.text(T.cert.shift(s.title, s.when), 140, y, { width: W - 280, align: "left", lineBreak: false, ellipsis: true });
    y += 16;
  }
  if (d.shifts.length > shown.length) {
    doc.text("…", 140, y, { width: W - 280 });
    y += 16;
  }
  doc.font(FONTS.serifBold).fontSize(12).text(T.cert.total(d.shifts.length), 0, y + 4, { width: W, align: "center" });
  doc.font(FONTS.serif).fontSize(12).text(T.cert.thanks, 0, y + 22, { width: W, align: "center" });
  // place and date, the issuer (bottom right); the certificate's id (bottom left)
  doc.font(FONTS.serif).fontSize(12).text(T.cert.place(d.issuer, d.date), W - 400, H - 110, { width: 350, align: "center" });
  doc.font(FONTS.sansBold).fontSize(12).text(d.issuer.toUpperCase(), W - 400, H - 90, { width: 350, align: "center" });
  doc.fillColor("#555").font(FONTS.sans).fontSize(8).text(T.cert.footer(d.id), 50, H - 50, { width: 300 });
  return toBuffer(doc);
}
