import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../prisma/db.ts";
import type { Clock } from "./clock.ts";
import type { HttpApp } from "./http.ts";

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
  file: { personId: number | null; name: string; content: string },
  ttlMs = DOWNLOAD_TTL_MS,
): Promise<string> {
  const now = clock.now();
  const token = randomBytes(32).toString("base64url");
  await prisma.download.deleteMany({ where: { expiresAt: { lt: now } } });
  await prisma.download.create({
    data: { id: idOf(token), personId: file.personId, name: file.name, content: file.content, expiresAt: new Date(now.getTime() + ttlMs), createdAt: now },
  });
  return token;
}

/** The file of a link, or null when the token is unknown, malformed or expired. */
export async function readDownload(prisma: Db, clock: Clock, token: string): Promise<{ name: string; content: string } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await prisma.download.findUnique({ where: { id: idOf(token) } });
  if (!row || row.expiresAt <= clock.now()) return null;
  return { name: row.name, content: row.content };
}

/** Forget every file of a person (erasure). */
export async function eraseDownloads(prisma: Pick<Db, "download">, personId: number): Promise<void> {
  await prisma.download.deleteMany({ where: { personId } });
}

/** The path of a download link (relative to the server that serves it). */
export const downloadPath = (token: string) => `/download/${token}`;

/** GET /download/<token>: the file as an attachment, or 404. Never cached. */
export function mountDownloads(app: HttpApp, prisma: Db, clock: Clock): void {
  app.get("/download/:token", async (c) => {
    const file = await readDownload(prisma, clock, c.req.param("token"));
    if (!file) return c.json({ error: "not found" }, 404);
    const ascii = file.name.replace(/[^A-Za-z0-9._-]/g, "_");
    return c.body(file.content, 200, {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    });
  });
}
