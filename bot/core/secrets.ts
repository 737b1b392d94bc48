import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import type { Db } from "../../prisma/db.ts";

/** Where the key comes from: the configuration (never the database). */
export interface KeySource {
  APP_SECRET?: string | undefined;
  KEY_FILE?: string | undefined;
  DATABASE_URL: string;
}

/** The key cannot be had: the bot must not start (the message names what to set, never a value). */
export class KeyError extends Error {
  override name = "KeyError";
}

/** The row where older versions kept the key, next to the data it protects (migrated away at start). */
const LEGACY_ROW = "app_secret";

/** The key file of an installation: KEY_FILE, else `<SQLite file>.key` beside the database file; null on PostgreSQL without KEY_FILE. */
export function keyFilePath(src: KeySource): string | null {
  if (src.KEY_FILE) return isAbsolute(src.KEY_FILE) ? src.KEY_FILE : resolve(process.cwd(), src.KEY_FILE);
  if (!src.DATABASE_URL.startsWith("file:")) return null;
  const p = src.DATABASE_URL.slice("file:".length).split("?")[0]!;
  return `${isAbsolute(p) ? p : resolve(process.cwd(), p)}.key`;
}

/** Before anything else at start: PostgreSQL without APP_SECRET or KEY_FILE cannot have a key (KeyError). */
export function assertKeySource(src: KeySource): void {
  if (!src.APP_SECRET && keyFilePath(src) === null) {
    throw new KeyError("APP_SECRET or KEY_FILE is required with PostgreSQL: the key that seals anonymous askers is never kept in the database");
  }
}

function readKeyFile(path: string): Buffer {
  const mode = statSync(path).mode;
  if (process.platform !== "win32" && (mode & 0o077) !== 0) {
    throw new KeyError(`KEY_FILE ${path} can be read by other users: run chmod 600 on it`);
  }
  const key = Buffer.from(readFileSync(path, "utf8").trim(), "base64");
  if (key.length < 32) throw new KeyError(`KEY_FILE ${path} does not hold a base64 key of 32 bytes`);
  return key.subarray(0, 32);
}

/** Create the key file owner-only (0600); another process creating it first wins (its key is read). */
function writeKeyFile(path: string, key: Buffer): Buffer {
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, key.toString("base64") + "\n", { mode: 0o600, flag: "wx" });
    chmodSync(path, 0o600);
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return readKeyFile(path);
    throw e;
  }
}

/**
 * Pseudonyms and sealed addresses for anonymous questions: a question row holds an HMAC of
 * the asker (so "my questions" works) and the asker's id encrypted with AES-256-GCM (so the
 * answer can be delivered). Neither names the person to anyone reading the data, because
 * the key never lives in the database: it is `APP_SECRET`, or a key file (0600) beside it.
 */
export class Secrets {
  private constructor(private key: Buffer) {}

  /**
   * The key, from (in this order) APP_SECRET, the key file (KEY_FILE, or `<SQLite file>.key`),
   * or a fresh key written to that file (SQLite only: several PostgreSQL instances must share
   * one key, so there it must be given). A key an older version kept in the `Setting` row
   * `app_secret` is moved into the key file once and the row deleted; with APP_SECRET set
   * the row was never used and is just deleted. A plain string is used as APP_SECRET (tests).
   */
  static async load(prisma: Db, source: KeySource | string | undefined): Promise<Secrets> {
    if (typeof source === "string" || source === undefined) {
      if (!source) throw new KeyError("APP_SECRET or KEY_FILE is required: the key that seals anonymous askers is never kept in the database");
      return new Secrets(fromSecret(source));
    }
    const legacy = await prisma.setting.findUnique({ where: { key: LEGACY_ROW } });
    if (source.APP_SECRET) {
      if (legacy) await prisma.setting.deleteMany({ where: { key: LEGACY_ROW } });
      return new Secrets(fromSecret(source.APP_SECRET));
    }
    assertKeySource(source);
    const path = keyFilePath(source)!;
    let key: Buffer;
    if (existsSync(path)) key = readKeyFile(path);
    else if (legacy) key = writeKeyFile(path, Buffer.from(legacy.value, "base64"));
    else if (source.DATABASE_URL.startsWith("file:")) key = writeKeyFile(path, randomBytes(32));
    else {
      throw new KeyError(
        `KEY_FILE ${path} does not exist: with PostgreSQL every instance shares one key; create it once (openssl rand -base64 32 > file; chmod 600 file) and copy it to each instance`,
      );
    }
    if (legacy) await prisma.setting.deleteMany({ where: { key: LEGACY_ROW } });
    return new Secrets(key);
  }

  /** A key straight from bytes (tests, benchmarks). */
  static fromKey(key: Buffer): Secrets {
    return new Secrets(key);
  }

  pseudonym(kind: string, personId: number): string {
    return createHmac("sha256", this.key).update(`${kind}:${personId}`).digest("base64url").slice(0, 32);
  }

  /** A keyed hash of any value for a purpose: equal inputs give equal outputs, nothing can be read back without the key. */
  hash(purpose: string, value: string): string {
    return createHmac("sha256", this.key).update(`hash:${purpose}:${value}`).digest("base64url").slice(0, 32);
  }

  /** Message authentication code (cookies, board links). */
  mac(data: string): string {
    return createHmac("sha256", this.key).update(`mac:${data}`).digest("base64url").slice(0, 22);
  }

  seal(value: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv("aes-256-gcm", this.key, iv);
    const enc = Buffer.concat([c.update(value, "utf8"), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), enc]).toString("base64url");
  }

  open(sealed: string): string | null {
    try {
      const buf = Buffer.from(sealed, "base64url");
      const d = createDecipheriv("aes-256-gcm", this.key, buf.subarray(0, 12));
      d.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString("utf8");
    } catch {
      return null;
    }
  }

  /** Short random code (invites, link codes): unambiguous upper-case letters and digits. */
  static code(length = 8): string {
    const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    const bytes = randomBytes(length);
    let out = "";
    for (const b of bytes) out += alphabet[b % alphabet.length];
    return out;
  }
}

function fromSecret(secret: string): Buffer {
  return createHmac("sha256", "doan-bot").update(secret).digest();
}
