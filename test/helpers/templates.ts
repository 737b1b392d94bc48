import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import Sqlite from "better-sqlite3";
import { migrate } from "../../prisma/migrate.ts";
import { openDatabase, sqlitePath } from "../../prisma/db.ts";
import { parseOrgFile } from "../../bot/domain/org.ts";
import { importOrg } from "../../bot/app/org-import.ts";
import { TEST_ORG } from "./org.ts";
import { pgAdmin, pgUrl, pgClose, type DbState, type DbTemplates, type Provider } from "./db.ts";

/** Bring an empty database to a state: migrate it, and import TEST_ORG for "org". */
export async function seedTemplate(url: string, state: DbState): Promise<void> {
  if (state === "empty") return;
  await migrate(url);
  if (state === "migrated") return;
  const db = await openDatabase(url);
  try {
    await importOrg(db.prisma, parseOrgFile(TEST_ORG, "org.yaml"));
  } finally {
    await db.close();
  }
}

/**
 * The templates of one test run for a provider: one migrated database and one with TEST_ORG
 * as well. Each test copies one instead of migrating (see freshDatabaseUrl); dropTemplates
 * (db.ts) removes them.
 */
export async function buildTemplates(provider: Provider): Promise<NonNullable<DbTemplates[Provider]>> {
  const states = ["migrated", "org"] as const;
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "doanbot-tpl-"));
    const files = { migrated: join(dir, "migrated.db"), org: join(dir, "org.db") };
    for (const s of states) {
      const url = `file:${files[s]}`;
      await seedTemplate(url, s);
      // one self-contained file (no -wal beside it) that a plain file copy reproduces
      const raw = new Sqlite(sqlitePath(url));
      raw.pragma("journal_mode = DELETE");
      raw.close();
    }
    return files;
  }
  const run = randomBytes(4).toString("hex");
  const names = { migrated: `bot_tpl_${run}_migrated`, org: `bot_tpl_${run}_org` };
  for (const s of states) {
    await pgAdmin(`CREATE DATABASE ${names[s]}`);
    await seedTemplate(pgUrl(names[s]), s);
    // a template must have no open connection while it is copied: close any left, refuse new ones
    await pgAdmin(`ALTER DATABASE ${names[s]} WITH ALLOW_CONNECTIONS false IS_TEMPLATE true`);
    await pgAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${names[s]}' AND pid <> pg_backend_pid()`);
  }
  return names;
}

/**
 * `node --import tsx test/helpers/templates.ts sqlite postgresql` builds the templates and
 * prints them as one JSON line: the global setup runs it in a child process because the
 * migration engine needs import.meta.resolve, which vitest's main process lacks.
 */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out: DbTemplates = {};
  for (const p of process.argv.slice(2) as Provider[]) out[p] = await buildTemplates(p);
  await pgClose();
  // exit as soon as it is printed: idle pools of the migration engine would hold the process ~10 s
  process.stdout.write(JSON.stringify(out) + "\n", () => process.exit(0));
}
