import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { dropTemplates, testProvider, type DbTemplates } from "./db.ts";

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplates: DbTemplates;
  }
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Once per test run: migrate the template databases every test copies (SQLite always — the
 * end-to-end suites run on it — and PostgreSQL when TEST_DB=postgresql); drop them at the end.
 * Built in a child process: the migration engine needs import.meta.resolve, which the module
 * runner of vitest's main process does not offer.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const providers = [...new Set(["sqlite", testProvider()])];
  const out = execFileSync(process.execPath, ["--import", "tsx", "test/helpers/templates.ts", ...providers], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const templates = JSON.parse(out.trim().split("\n").pop()!) as DbTemplates;
  project.provide("dbTemplates", templates);
  return () => dropTemplates(templates);
}
