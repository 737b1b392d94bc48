import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type Provider = "sqlite" | "postgresql";

/**
 * What a fresh database holds: nothing, the committed migrations applied, or the migrations
 * and TEST_ORG (test/helpers/org.ts) imported.
 */
export type DbState = "empty" | "migrated" | "org";

/** Where the migrated templates of one test run are (built once by test/helpers/global-setup.ts). */
export type DbTemplates = Partial<Record<Provider, { migrated: string; org: string }>>;

export interface FreshDatabase {
  url: string;
  /** What it holds: a copy of a template, or an empty database migrated here when no template was built. */
  state: DbState;
  drop: () => Promise<void>;
}

/** Which database the suite runs on: TEST_DB=postgresql or sqlite (default). */
export function testProvider(): Provider {
  return process.env.TEST_DB === "postgresql" ? "postgresql" : "sqlite";
}

/** The templates the global setup provided to this vitest worker (none outside vitest, e.g. in bench). */
let templates: Promise<DbTemplates> | null = null;
function providedTemplates(): Promise<DbTemplates> {
  templates ??= (async () => {
    if (!process.env.VITEST) return {};
    try {
      const { inject } = await import("vitest");
      return (inject("dbTemplates") as DbTemplates | undefined) ?? {};
    } catch {
      return {};
    }
  })();
  return templates;
}

/** One admin connection per process for CREATE/DROP DATABASE (closed when idle). */
let adminPool: pg.Pool | null = null;
export async function pgAdmin(sql: string): Promise<void> {
  adminPool ??= new pg.Pool({ connectionString: PG_ADMIN_URL, max: 2, idleTimeoutMillis: 2_000, allowExitOnIdle: true });
  await adminPool.query(sql);
}

export async function pgClose(): Promise<void> {
  const p = adminPool;
  adminPool = null;
  await p?.end();
}

/** Remove the templates of a run (test/helpers/templates.ts built them). */
export async function dropTemplates(t: DbTemplates): Promise<void> {
  if (t.sqlite) rmSync(dirname(t.sqlite.migrated), { recursive: true, force: true });
  if (t.postgresql) {
    for (const name of Object.values(t.postgresql)) {
      await pgAdmin(`ALTER DATABASE ${name} WITH IS_TEMPLATE false`).catch(() => undefined);
      await pgAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    await pgClose();
  }
}

export function pgUrl(name: string): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  // a test database is thrown away: its commits need not wait for the disk (this connection's setting only)
  u.searchParams.set("options", "-c synchronous_commit=off");
  return u.toString();
}

/**
 * A fresh database of the chosen provider, dropped by `drop()`. By default it already holds
 * the migrations (`state: "migrated"`): a copy of the run's template — a file copy on SQLite,
 * `CREATE DATABASE … TEMPLATE` on PostgreSQL — so no test pays for migrating. Outside a
 * vitest run (no template) it is migrated here, which gives the same result.
 */
export async function freshDatabaseUrl(provider: Provider = testProvider(), want: DbState = "migrated"): Promise<FreshDatabase> {
  const tpl = want === "empty" ? undefined : (await providedTemplates())[provider]?.[want];
  let db: FreshDatabase;
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "doanbot-"));
    const file = join(dir, "test.db");
    if (tpl) copyFileSync(tpl, file);
    db = { url: `file:${file}`, state: tpl ? want : "empty", drop: async () => rmSync(dir, { recursive: true, force: true }) };
  } else {
    const name = `bot_test_${randomBytes(6).toString("hex")}`;
    await createPgDatabase(name, tpl);
    db = {
      url: pgUrl(name),
      state: tpl ? want : "empty",
      drop: () => pgAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  if (db.state === "empty" && want !== "empty") {
    // no template in this process: do what the template holds
    const { seedTemplate } = await import("./templates.ts");
    await seedTemplate(db.url, want);
    db.state = want;
  }
  return db;
}

async function createPgDatabase(name: string, template: string | undefined): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await pgAdmin(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
      return;
    } catch (e) {
      // "source database … is being accessed by other users": another clone of the same template
      // is being made at this very moment; wait for it
      if (!template || attempt >= 20 || !/being accessed by other users/.test(String(e))) throw e;
      await new Promise((r) => setTimeout(r, 25 * attempt));
    }
  }
}
