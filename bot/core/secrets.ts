import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import type { Db } from "../../prisma/db.ts";

/**
 * Pseudonyms and sealed addresses for anonymous questions: a question row holds an HMAC of
 * the asker (so "my questions" works) and the asker's id encrypted with AES-256-GCM (so the
 * answer can be delivered). Neither names the person to anyone reading the data.
 */
export class Secrets {
  private constructor(private key: Buffer) {}

  static async load(prisma: Db, configured?: string): Promise<Secrets> {
    if (configured) return new Secrets(createHmac("sha256", "doan-bot").update(configured).digest());
    const existing = await prisma.setting.findUnique({ where: { key: "app_secret" } });
    if (existing) return new Secrets(Buffer.from(existing.value, "base64"));
    const fresh = randomBytes(32).toString("base64");
    await prisma.setting.upsert({ where: { key: "app_secret" }, create: { key: "app_secret", value: fresh }, update: {} });
    const stored = await prisma.setting.findUniqueOrThrow({ where: { key: "app_secret" } });
    return new Secrets(Buffer.from(stored.value, "base64"));
  }

  pseudonym(kind: string, personId: number): string {
    return createHmac("sha256", this.key).update(`${kind}:${personId}`).digest("base64url").slice(0, 32);
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
