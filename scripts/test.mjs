// `npm test`: brings what the tests need (PostgreSQL running, Debian's chromium), then the
// typecheck, the whole suite on SQLite and the database suites again on PostgreSQL. Prints the
// time of each part, the slowest test files, and one closing line "N passed, N failed" over all.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tmp = join(root, ".tmp");
mkdirSync(tmp, { recursive: true });
const bin = (name) => join(root, "node_modules", ".bin", name);
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
const quiet = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: "ignore" }).status === 0;
const has = (cmd) => quiet("sh", ["-c", `command -v ${cmd}`]);
const apt = (...pkgs) => {
  if (!has("apt-get")) return false;
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  return run("apt-get", ["update", "-qq"], env) === 0 && run("apt-get", ["install", "-y", "-qq", ...pkgs], env) === 0;
};
const seconds = (t0) => ((Date.now() - t0) / 1000).toFixed(1);

// ---- what the tests need -------------------------------------------------------------------

/** PostgreSQL on 127.0.0.1:5432 with trust auth: started when installed but stopped, installed when missing. */
function ensurePostgres() {
  const ready = () => quiet("pg_isready", ["-h", "127.0.0.1", "-p", "5432", "-q"]);
  if (has("pg_isready") && ready()) return;
  let installed = false;
  if (!has("pg_ctlcluster")) {
    console.log("PostgreSQL is missing: installing Debian's postgresql");
    installed = apt("postgresql");
  }
  const versions = existsSync("/etc/postgresql") ? readdirSync("/etc/postgresql").sort() : [];
  const version = versions[versions.length - 1];
  if (!version) {
    console.log("PostgreSQL could not be installed: the PostgreSQL tests will fail");
    return;
  }
  if (installed) {
    // the tests connect as postgres over TCP without a password, as on the project's machines
    const hba = `/etc/postgresql/${version}/main/pg_hba.conf`;
    writeFileSync(hba, "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
  }
  console.log(`starting PostgreSQL ${version}`);
  run("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", installed ? "restart" : "start"]);
  const until = Date.now() + 30_000;
  while (!ready() && Date.now() < until) spawnSync("sleep", ["0.2"]);
  if (!ready()) console.log("PostgreSQL did not come up: the PostgreSQL tests will fail");
}

/** Debian's chromium for the browser tests (never skipped: without it they fail). */
function ensureChromium() {
  if (existsSync("/usr/bin/chromium") || existsSync("/usr/bin/chromium-browser")) return;
  console.log("chromium is missing: installing Debian's chromium");
  if (!apt("chromium")) console.log("chromium could not be installed: the browser tests will fail");
}

const t0 = Date.now();
ensurePostgres();
ensureChromium();
if (!existsSync(join(root, "prisma/generated/sqlite/client/client.ts"))) {
  if (run(process.execPath, ["scripts/prisma-generate.mjs"]) !== 0) process.exit(1);
}
const times = [`setup ${seconds(t0)} s`];

// ---- typecheck and tests -------------------------------------------------------------------

console.log("\n== typecheck ==");
let t = Date.now();
const tsc = run(bin("tsc"), ["--noEmit", "-p", "."]);
times.push(`typecheck ${seconds(t)} s`);

const passes = [
  { name: "sqlite", env: { TEST_DB: "sqlite" }, args: [] },
  { name: "postgresql", env: { TEST_DB: "postgresql" }, args: ["test/integration"] },
];
let passed = 0;
let failed = tsc === 0 ? 0 : 1;
let skipped = 0;
let status = tsc;
const files = [];
for (const p of passes) {
  console.log(`\n== tests on ${p.name} ==`);
  const out = join(tmp, `vitest-${p.name}.json`);
  t = Date.now();
  const code = run(bin("vitest"), ["run", ...p.args, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], p.env);
  times.push(`${p.name} ${seconds(t)} s`);
  if (code !== 0) status = code;
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, "utf8"));
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    if (code !== 0 && !(r.numFailedTests > 0)) failed += 1; // a suite that failed to load
    for (const f of r.testResults ?? []) files.push({ name: `${relative(root, f.name)} (${p.name})`, ms: f.endTime - f.startTime });
  } else if (code !== 0) failed += 1;
}

files.sort((a, b) => b.ms - a.ms);
console.log("\nslowest test files:");
for (const f of files.slice(0, 10)) console.log(`  ${(f.ms / 1000).toFixed(1).padStart(6)} s  ${f.name}`);
console.log(`\ntimes: ${times.join(", ")}, total ${seconds(t0)} s`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
// a skipped test is a failure of the run: every test must run on every machine
process.exit(status === 0 && failed === 0 && skipped === 0 ? 0 : 1);
