// `npm test`: typecheck, then the whole suite on SQLite, then the database suites on
// PostgreSQL. Prints one closing line "N passed, N failed" over both runs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tmp = join(root, ".tmp");
mkdirSync(tmp, { recursive: true });
const bin = (name) => join(root, "node_modules", ".bin", name);
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

if (!existsSync(join(root, "prisma/generated/sqlite/client/client.ts"))) {
  if (run(process.execPath, ["scripts/prisma-generate.mjs"]) !== 0) process.exit(1);
}

console.log("\n== typecheck ==");
const tsc = run(bin("tsc"), ["--noEmit", "-p", "."]);

const passes = [
  { name: "sqlite", env: { TEST_DB: "sqlite" }, args: [] },
  { name: "postgresql", env: { TEST_DB: "postgresql" }, args: ["test/integration"] },
];
let passed = 0;
let failed = tsc === 0 ? 0 : 1;
let skipped = 0;
let status = tsc;
for (const p of passes) {
  console.log(`\n== tests on ${p.name} ==`);
  const out = join(tmp, `vitest-${p.name}.json`);
  const code = run(bin("vitest"), ["run", ...p.args, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], p.env);
  if (code !== 0) status = code;
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, "utf8"));
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    if (code !== 0 && !(r.numFailedTests > 0)) failed += 1; // a suite that failed to load
  } else if (code !== 0) failed += 1;
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status === 0 && failed === 0 ? 0 : 1);
