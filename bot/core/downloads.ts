import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../prisma/db.ts";
import type { Clock } from "./clock.ts";
import type { HttpApp } from "./http.ts";
import { mountAttachments } from "./attachments.ts";

/**
 * Files offered through unguessable, expiring links (a person's data, `/dulieu`). A link is
 * `/download/<token>`: 32 random bytes, stored only as their SHA-256, valid for a day. Telegram
 * is sent the file itself; Zalo (no documents) and the web chat get the link.
 */
export const DOWNLOAD_TTL_MS = 24 * 3_600_000;

const idOf = (token: string) => createHash("sha256").update(token).digest("base64url");

/** Store a file; returns the token of its link. Files past their expiry go at the same time. */
export async function createDownload(
  prisma: Db,
  clock: Clock,
  file: { personId: number | null; name: string; content: string } | { personId: number | null; name: string; data: Uint8Array; mime: string },
  ttlMs = DOWNLOAD_TTL_MS,
): Promise<string> {
  const now = clock.now();
  const token = randomBytes(32).toString("base64url");
  await prisma.download.deleteMany({ where: { expiresAt: { lt: now } } });
  await prisma.download.create({
    data: {
      id: idOf(token),
      personId: file.personId,
      name: file.name,
      ...("data" in file ? { content: "", data: Buffer.from(file.data), mime: file.mime } : { content: file.content }),
      expiresAt: new Date(now.getTime() + ttlMs),
      createdAt: now,
    },
  });
  return token;
}

/** A stored file: `content` is the text of a text file (empty for a binary one), `bytes` what is sent either way. */
export interface DownloadFile {
  name: string;
  content: string;
  bytes: Buffer;
  mime: string;
  binary: boolean;
}

/** The file of a link, or null when the token is unknown, malformed or expired. */
export async function readDownload(prisma: Db, clock: Clock, token: string): Promise<DownloadFile | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await prisma.download.findUnique({ where: { id: idOf(token) } });
  if (!row || row.expiresAt <= clock.now()) return null;
  const binary = row.data !== null;
  const bytes = row.data ? Buffer.from(row.data) : Buffer.from(row.content, "utf8");
  return { name: row.name, content: row.content, bytes, mime: row.mime ?? "application/json; charset=utf-8", binary };
}

/** Forget every file of a person (erasure). */
export async function eraseDownloads(prisma: Pick<Db, "download">, personId: number): Promise<void> {
  await prisma.download.deleteMany({ where: { personId } });
}

/** The path of a download link (relative to the server that serves it). */
export const downloadPath = (token: string) => `/download/${token}`;

/** GET /download/<token>: the file as an attachment, or 404. Never cached. Also serves /attachment/<token> (attachments.ts). */
export function mountDownloads(app: HttpApp, prisma: Db, clock: Clock): void {
  mountAttachments(app, prisma, clock);
  app.get("/download/:token", async (c) => {
    const file = await readDownload(prisma, clock, c.req.param("token"));
    if (!file) return c.json({ error: "not found" }, 404);
    const ascii = file.name.replace(/[^A-Za-z0-9._-]/g, "_");
    return c.body(new Uint8Array(file.bytes), 200, {
      "content-type": file.mime,
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    });
  });
}
