import { existsSync, readdirSync, readFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type * as EngineBg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { providerOf, sqlitePath, type Provider } from "./db.ts";

const PRISMA_DIR = dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_DIR = join(PRISMA_DIR, "migrations");

/** The part of the WebAssembly global we use (the ES lib of our tsconfig does not declare it). */
const WA = (globalThis as unknown as {
  WebAssembly: {
    Module: new (bytes: Uint8Array) => object;
    Instance: new (m: object, imports: Record<string, object>) => { exports: Record<string, unknown> };
  };
}).WebAssembly;

type Engine = Awaited<ReturnType<typeof EngineBg.SchemaEngine.new>>;
/** The engine's JS glue, loaded only when there is work for it (a start with nothing pending never needs it). */
let engineBg: typeof EngineBg | null = null;

/**
 * Load Prisma's schema engine compiled to WebAssembly (the native engine cannot be
 * downloaded here). Its package entry imports the .wasm as a module (bundler style), so
 * we instantiate it ourselves with the package's JS glue as the import module.
 */
async function loadWasm(): Promise<typeof EngineBg> {
  if (engineBg) return engineBg;
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const entry = fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm"));
  const bytes = readFileSync(join(dirname(entry), "schema_engine_bg.wasm"));
  const instance = new WA.Instance(new WA.Module(bytes), { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return (engineBg = glue);
}

async function adapterFactory(url: string) {
  if (providerOf(url) === "sqlite") {
    const file = sqlitePath(url);
    mkdirSync(dirname(file), { recursive: true });
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSqlite3({ url: file, timeout: 10_000 });
  }
  const { PrismaPg } = await import("@prisma/adapter-pg");
  return new PrismaPg({ connectionString: url, max: 2 });
}

async function withEngine<T>(url: string, datamodel: string | null, fn: (e: Engine) => Promise<T>): Promise<T> {
  const glue = await loadWasm();
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  // Track the connections the engine opens so they are closed when it is done: a connection
  // left open would keep the migration lock (PostgreSQL advisory lock, SQLite file lock).
  const raw = await adapterFactory(url);
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked = new Proxy(raw, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if ((prop === "connect" || prop === "connectToShadowDb") && typeof v === "function") {
        return async (...args: unknown[]) => {
          const a = (await (v as (...x: unknown[]) => Promise<{ dispose(): Promise<void> }>).apply(target, args)) ;
          opened.push(a);
          return a;
        };
      }
      return typeof v === "function" ? (v as (...x: unknown[]) => unknown).bind(target) : v;
    },
  });
  const factory = bindMigrationAwareSqlAdapterFactory(tracked);
  const datamodels: [string, string][] | undefined = datamodel ? [["schema.prisma", datamodel]] : undefined;
  const engine = await glue.SchemaEngine.new({ datamodels }, () => undefined, factory);
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((a) => a.dispose().catch(() => undefined)));
  }
}

/** The committed migrations of a provider, in the engine's format. */
export function migrationList(provider: Provider) {
  const baseDir = join(MIGRATIONS_DIR, provider);
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = join(baseDir, "migration_lock.toml");
  // paths relative to baseDir, as Prisma's own CLI lists them (the directory name is the migration name)
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = join(baseDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file) ? { tag: "ok" as const, value: readFileSync(file, "utf8") } : { tag: "error" as const, value: "missing migration.sql" },
        },
      };
    }),
  };
}

const filters = { externalTables: [], externalEnums: [] };

/**
 * Apply the committed migrations of the database's provider, writing the standard
 * `_prisma_migrations` table (compatible with `prisma migrate deploy`). Idempotent; the
 * engine serialises concurrent runs (advisory lock on PostgreSQL, the file lock on SQLite).
 * When nothing is pending (checked with a plain query first) the engine is not started at
 * all, so a CLI command beside a running bot takes no lock.
 */
export async function migrate(url: string, opts: { log?: (msg: string) => void } = {}): Promise<{ applied: string[] }> {
  const run = chain.then(() => migrateOnce(url, opts));
  chain = run.catch(() => undefined);
  return run;
}

/** Migrations of one process run one at a time (the wasm engine is single-threaded anyway). */
let chain: Promise<unknown> = Promise.resolve();

/**
 * The migrations recorded as applied in `_prisma_migrations`, read with one plain query (no
 * schema engine, no lock): a running bot is not disturbed. Null when the table is not there
 * (a fresh database).
 */
export async function appliedMigrations(url: string): Promise<Set<string> | null> {
  if (providerOf(url) === "sqlite") {
    const file = sqlitePath(url);
    if (!existsSync(file)) return null;
    const { default: Sqlite } = await import("better-sqlite3");
    // read-only, waiting out a writer's lock like any reader (WAL readers are never blocked)
    const db = new Sqlite(file, { readonly: true, fileMustExist: true, timeout: 10_000 });
    try {
      const t = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
      if (!t) return null;
      const rows = db.prepare("SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all() as { name: string }[];
      return new Set(rows.map((r) => r.name));
    } finally {
      db.close();
    }
  }
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const t = await client.query<{ t: string | null }>("SELECT to_regclass('_prisma_migrations')::text AS t");
    if (!t.rows[0]?.t) return null;
    const rows = await client.query<{ name: string }>(
      "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    return new Set(rows.rows.map((r) => r.name));
  } finally {
    await client.end();
  }
}

/** The committed migrations of the database's provider not applied yet (all of them on a fresh database). */
export async function pendingMigrations(url: string): Promise<string[]> {
  const names = migrationList(providerOf(url)).migrationDirectories.map((d) => d.path);
  const applied = await appliedMigrations(url);
  return applied ? names.filter((n) => !applied.has(n)) : names;
}

async function migrateOnce(url: string, opts: { log?: (msg: string) => void }): Promise<{ applied: string[] }> {
  const provider = providerOf(url);
  const list = migrationList(provider);
  if (!list.migrationDirectories.length) throw new Error(`no migrations found in ${list.baseDir}`);
  // the engine takes an exclusive lock (and keeps idle connections for seconds): only when there is work
  if (!(await pendingMigrations(url)).length) return { applied: [] };
  for (let attempt = 1; ; attempt++) {
    try {
      const out = await withEngine(url, null, (e) => e.applyMigrations({ migrationsList: list, filters }));
      const applied = out.appliedMigrationNames;
      if (applied.length) opts.log?.(`applied migrations: ${applied.join(", ")}`);
      return { applied };
    } catch (e) {
      // SQLite has no advisory lock: a second process migrating the same file at the same
      // moment sees it busy; wait and try again (the other one will have done the work).
      if (provider !== "sqlite" || attempt >= 6) throw e;
      await new Promise((r) => setTimeout(r, 150 * attempt + Math.random() * 100));
    }
  }
}

/** The provider's copy of the schema written by scripts/prisma-generate.mjs. */
export function generatedSchema(provider: Provider): string {
  return readFileSync(join(PRISMA_DIR, "generated", provider, "schema.prisma"), "utf8");
}

/** The schema as of the last committed migration (kept beside the migrations). */
export const SNAPSHOT = join(MIGRATIONS_DIR, "schema.snapshot.prisma");

/** A provider's copy of a schema source (the PROVIDER/OUTPUT placeholders filled in). */
export function forProvider(source: string, provider: Provider): string {
  return source.replace('"PROVIDER"', JSON.stringify(provider)).replace('"OUTPUT"', JSON.stringify("./client"));
}

/**
 * SQL that takes a database from the previous schema (the snapshot of the last migration,
 * or nothing) to the current one. Datamodel-to-datamodel: no database is read.
 * Empty string: nothing to do.
 */
export async function createMigrationSql(provider: Provider, scratchUrl: string, previous: string | null): Promise<string> {
  const schema = generatedSchema(provider);
  return withEngine(scratchUrl, schema, async (e) => {
    const from = previous
      ? { tag: "schemaDatamodel" as const, files: [{ path: "previous.prisma", content: forProvider(previous, provider) }] }
      : { tag: "empty" as const };
    const r = await e.diff({ from, to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] }, script: true, exitCode: null, filters });
    return (r as { stdout?: string | null }).stdout ?? "";
  });
}
