import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import type { PrismaClient as SqliteClient } from "./generated/sqlite/client/client.ts";

/**
 * The one place that constructs Prisma clients. Both generated clients come from the same
 * model definition, so they have the same model API; features use them through `Db`.
 * Only the configured database's client and driver are loaded (each costs start time and memory).
 */
export type Db = InstanceType<typeof SqliteClient>;
export type Provider = "sqlite" | "postgresql";

export function providerOf(url: string): Provider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got "${url.replace(/\/\/[^@/]*@/, "//***@").slice(0, 40)}")`);
}

/** Absolute path of a SQLite file URL (relative paths are relative to the working directory). */
export function sqlitePath(url: string): string {
  const p = url.slice("file:".length).split("?")[0]!;
  return isAbsolute(p) ? p : resolve(process.cwd(), p);
}

export interface Database {
  prisma: Db;
  provider: Provider;
  close(): Promise<void>;
}

export async function openDatabase(url: string): Promise<Database> {
  const provider = providerOf(url);
  if (provider === "sqlite") {
    const file = sqlitePath(url);
    mkdirSync(dirname(file), { recursive: true });
    const [{ PrismaBetterSqlite3 }, { PrismaClient }] = await Promise.all([import("@prisma/adapter-better-sqlite3"), import("./generated/sqlite/client/client.ts")]);
    const adapter = new PrismaBetterSqlite3({ url: file, timeout: 10_000 });
    const prisma = new PrismaClient({ adapter });
    await prisma.$executeRawUnsafe("PRAGMA journal_mode = WAL");
    await prisma.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
    await prisma.$executeRawUnsafe("PRAGMA foreign_keys = ON");
    return { prisma, provider, close: () => prisma.$disconnect() };
  }
  const [{ PrismaPg }, { PrismaClient }] = await Promise.all([import("@prisma/adapter-pg"), import("./generated/postgresql/client/client.ts")]);
  const adapter = new PrismaPg({ connectionString: url, max: 10 });
  // Same models, same API: the PostgreSQL client is used through the SQLite client's type.
  const prisma = new PrismaClient({ adapter }) as unknown as Db;
  return { prisma, provider, close: () => prisma.$disconnect() };
}
