import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../prisma/db.ts";
import type { Clock } from "./clock.ts";
import type { HttpApp } from "./http.ts";
import type { AttachmentRef, ChannelName, Incoming } from "./types.ts";

/**
 * Photos and documents users send (a question, a follow-up, a meeting report), carried to a
 * reader on any channel.
 *
 * How a file travels: the feature saves what arrived (`saveIncoming`, or `saveAttachment`) and
 * keeps the returned `AttachmentRef`s (JSON) next to its own row; to show a file it puts one
 * ref in `Outgoing.attachment`. Each channel's sender then chooses:
 * - Telegram → Telegram: `sendPhoto` / `sendDocument` with the platform file id (no copy);
 * - a URL (Zalo's photo URLs) → Zalo `sendPhoto` with the URL, Telegram `sendPhoto` with it;
 * - otherwise the file is fetched once from its origin (Telegram `getFile`), stored in the
 *   row, and served through `/attachment/<token>`: 32 random bytes, stored only as their
 *   SHA-256, valid `ATTACHMENT_TTL_MS` (Zalo `sendPhoto` with that URL when a public base is
 *   known; the web chat and Zalo documents get the link).
 *
 * Exported:
 * - `attachmentsOf(inc)`: what an Incoming carries (photo, document), not yet saved;
 * - `saveAttachment(prisma, clock, input, ttlMs?)` → `AttachmentRef` (a row, no bytes yet;
 *   `input.at` dates the row, e.g. an anonymous question's batch time instead of its arrival);
 * - `saveIncoming(prisma, clock, inc, personId)` → the refs of an Incoming's files (personId
 *   null for anonymous senders: the row names nobody);
 * - `parseRefs(json)` / `refsJson(refs)`: the JSON a feature stores, read back safely;
 * - `registerFileSource(prisma, channel, fetch)`: a channel tells how to fetch its file ids
 *   (Telegram does; keyed by the app's database client so two apps in a process stay apart);
 * - `attachmentContent(prisma, clock, token)`: the bytes (fetched from the origin once), or null;
 * - `attachmentPath(token)`, `attachmentUrl(base, token)`: the link;
 * - `mountAttachments(app, prisma, clock)`: GET /attachment/<token> (mounted by mountDownloads);
 * - `eraseAttachments(prisma, personId)`: a person's files (erasure).
 */
export const ATTACHMENT_TTL_MS = 30 * 86_400_000;
/** Largest file fetched from a platform to serve as a link (Telegram's getFile limit is 20 MB). */
export const MAX_FETCH_BYTES = 20 * 1024 * 1024;

export type { AttachmentRef };

/** What a channel gives for one of its file ids: the bytes, their type and a file name. */
export interface FetchedFile {
  content: Buffer;
  mime: string;
  name: string;
}
export type FileSource = (ref: string) => Promise<FetchedFile | null>;

/** A file as it arrived, before it is saved. */
export interface AttachmentInput {
  origin: ChannelName;
  kind: "photo" | "document";
  ref: string;
  name?: string;
  mime?: string;
  size?: number;
}

const idOf = (token: string) => createHash("sha256").update(token).digest("base64url");
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;
const MAX_REF = 2000;
const MAX_NAME = 200;

/** The files an Incoming carries (not saved yet). */
export function attachmentsOf(inc: Incoming): AttachmentInput[] {
  const out: AttachmentInput[] = [];
  if (inc.photo && inc.photo.length <= MAX_REF) out.push({ origin: inc.channel, kind: "photo", ref: inc.photo });
  const d = inc.document;
  if (d && d.id.length <= MAX_REF) {
    out.push({
      origin: inc.channel,
      kind: "document",
      ref: d.id,
      ...(d.name ? { name: d.name.slice(0, MAX_NAME) } : {}),
      ...(d.mime ? { mime: d.mime.slice(0, 100) } : {}),
      ...(d.size !== undefined ? { size: d.size } : {}),
    });
  }
  return out;
}

/** Save one file (its origin and id; the bytes come later, when a channel needs them). */
export async function saveAttachment(
  prisma: Db,
  clock: Clock,
  input: AttachmentInput & { personId?: number | null; at?: Date },
  ttlMs = ATTACHMENT_TTL_MS,
): Promise<AttachmentRef> {
  // `at`: the time the row shows (an anonymous question's batch time, never its arrival)
  const now = input.at ?? clock.now();
  const token = randomBytes(32).toString("base64url");
  await prisma.attachment.deleteMany({ where: { expiresAt: { lt: now } } });
  await prisma.attachment.create({
    data: {
      id: idOf(token),
      origin: input.origin,
      kind: input.kind,
      ref: input.ref.slice(0, MAX_REF),
      name: input.name?.slice(0, MAX_NAME) ?? null,
      mime: input.mime ?? null,
      size: input.size ?? null,
      personId: input.personId ?? null,
      expiresAt: new Date(now.getTime() + ttlMs),
      createdAt: now,
    },
  });
  return { token, kind: input.kind, origin: input.origin, ref: input.ref.slice(0, MAX_REF), ...(input.name ? { name: input.name.slice(0, MAX_NAME) } : {}) };
}

/** Save every file of an Incoming (personId null: an anonymous sender, the row names nobody). */
export async function saveIncoming(prisma: Db, clock: Clock, inc: Incoming, personId: number | null): Promise<AttachmentRef[]> {
  const refs: AttachmentRef[] = [];
  for (const a of attachmentsOf(inc)) refs.push(await saveAttachment(prisma, clock, { ...a, personId }));
  return refs;
}

/** Refs as stored by a feature (JSON), or null when none. */
export function refsJson(refs: AttachmentRef[]): string | null {
  return refs.length ? JSON.stringify(refs) : null;
}

/** Refs read back from a feature's JSON column: anything malformed is dropped. */
export function parseRefs(json: string | null | undefined): AttachmentRef[] {
  if (!json) return [];
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(v)) return [];
  return v.filter(
    (r): r is AttachmentRef =>
      typeof r === "object" &&
      r !== null &&
      typeof r.token === "string" &&
      TOKEN_RE.test(r.token) &&
      (r.kind === "photo" || r.kind === "document") &&
      typeof r.origin === "string" &&
      typeof r.ref === "string",
  );
}

const sources = new WeakMap<object, Map<string, FileSource>>();

/** A channel tells how its file ids are fetched (for readers on other channels). */
export function registerFileSource(prisma: Db, channel: ChannelName, fetch: FileSource): void {
  let m = sources.get(prisma);
  if (!m) sources.set(prisma, (m = new Map()));
  m.set(channel, fetch);
}

export const isHttpUrl = (s: string) => /^https?:\/\/\S+$/i.test(s);

/** A stored file's row when its token is valid and unexpired. */
async function rowOf(prisma: Db, clock: Clock, token: string) {
  if (!TOKEN_RE.test(token)) return null;
  const row = await prisma.attachment.findUnique({ where: { id: idOf(token) } });
  if (!row || row.expiresAt <= clock.now()) return null;
  return row;
}

/**
 * The bytes of a file: stored ones, or fetched once from the channel it came from and kept.
 * Null when the link is unknown or expired, or the origin cannot give the file.
 */
export async function attachmentContent(prisma: Db, clock: Clock, token: string): Promise<FetchedFile | null> {
  const row = await rowOf(prisma, clock, token);
  if (!row) return null;
  const fallbackName = row.name ?? (row.kind === "photo" ? "anh.jpg" : "tep");
  if (row.content) return { content: Buffer.from(row.content), mime: row.mime ?? "application/octet-stream", name: fallbackName };
  const source = sources.get(prisma)?.get(row.origin);
  if (!source) return null;
  let got: FetchedFile | null;
  try {
    got = await source(row.ref);
  } catch {
    return null;
  }
  if (!got || got.content.length > MAX_FETCH_BYTES) return null;
  const mime = row.mime ?? got.mime;
  await prisma.attachment.updateMany({ where: { id: row.id }, data: { content: new Uint8Array(got.content), mime, size: got.content.length } });
  return { content: got.content, mime, name: row.name ?? got.name ?? fallbackName };
}

/** The path of a file's link (relative to the server that serves it). */
export const attachmentPath = (token: string) => `/attachment/${token}`;
/** The full link under a public base URL. */
export const attachmentUrl = (base: string, token: string) => `${base.replace(/\/$/, "")}${attachmentPath(token)}`;

/** Types served inline (photos); anything else is a download. */
const INLINE = /^image\/(jpeg|png|gif|webp)$/;

/** GET /attachment/<token>: the file (a URL origin is redirected to), or 404. Never cached. */
export function mountAttachments(app: HttpApp, prisma: Db, clock: Clock): void {
  app.get("/attachment/:token", async (c) => {
    const token = c.req.param("token");
    const row = await rowOf(prisma, clock, token);
    if (!row) return c.json({ error: "not found" }, 404);
    const headers = { "cache-control": "no-store", "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" };
    if (!row.content && !sources.get(prisma)?.has(row.origin) && isHttpUrl(row.ref)) return c.redirect(row.ref, 302);
    const file = await attachmentContent(prisma, clock, token);
    if (!file) return c.json({ error: "not found" }, 404);
    const inline = INLINE.test(file.mime);
    const ascii = file.name.replace(/[^A-Za-z0-9._-]/g, "_");
    return c.body(new Uint8Array(file.content), 200, {
      ...headers,
      "content-type": inline ? file.mime : "application/octet-stream",
      "content-disposition": `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "content-security-policy": "default-src 'none'",
    });
  });
}

/** Forget every file of a person (erasure). */
export async function eraseAttachments(prisma: Pick<Db, "attachment">, personId: number): Promise<void> {
  await prisma.attachment.deleteMany({ where: { personId } });
}
