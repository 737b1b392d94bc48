import type { Db } from "../../prisma/db.ts";

/**
 * A small durable key-value store (the Setting table) for features' own bookkeeping, such as
 * a dispatch cursor. Keys are namespaced by the feature ("guides:…"); values are strings.
 */
export const kv = {
  async get(prisma: Db, key: string): Promise<string | null> {
    return (await prisma.setting.findUnique({ where: { key } }))?.value ?? null;
  },
  async set(prisma: Db, key: string, value: string): Promise<void> {
    await prisma.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  },
  async delete(prisma: Db, key: string): Promise<void> {
    await prisma.setting.deleteMany({ where: { key } });
  },
  async list(prisma: Db, prefix: string): Promise<{ key: string; value: string }[]> {
    return prisma.setting.findMany({ where: { key: { startsWith: prefix } }, select: { key: true, value: true } });
  },
};
