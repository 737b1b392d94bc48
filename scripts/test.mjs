// `npm test`: brings what the tests need (PostgreSQL running, Debian's chromium), then the
// typecheck, the whole suite on SQLite and the database suites again on PostgreSQL, in lanes
// that run side by side. Prints the time of each part, the slowest test files, and one
// closing line "N passed, N failed" over all.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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
// the bot and CLI processes the tests start are the compiled build (test/helpers/process.ts):
// built once here, before the lanes that would otherwise race to build it
if (run(process.execPath, ["scripts/build.mjs", "--if-stale"]) !== 0) process.exit(1);
const times = [`setup and build ${seconds(t0)} s`];

// ---- typecheck and tests -------------------------------------------------------------------
// Lanes run side by side, the passes of a lane one after the other: the end-to-end suites
// spend most of their time waiting on processes and platform rate limits, so they run beside
// the CPU-bound passes instead of after them. Each line of output names its pass.

/** Run a command without blocking the others; its lines are prefixed with the pass name. */
function runAsync(name, cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    const prefix = (stream, out) => {
      let rest = "";
      stream.on("data", (chunk) => {
        const lines = (rest + chunk.toString()).split("\n");
        rest = lines.pop() ?? "";
        for (const l of lines) out.write(`[${name}] ${l}\n`);
      });
      stream.on("end", () => rest && out.write(`[${name}] ${rest}\n`));
    };
    prefix(child.stdout, process.stdout);
    prefix(child.stderr, process.stderr);
    child.on("close", (code) => resolve(code ?? 1));
  });
}

const vitestPass = (name, env, args) => ({
  name,
  async run() {
    const out = join(tmp, `vitest-${name}.json`);
    rmSync(out, { force: true });
    const code = await runAsync(name, bin("vitest"), ["run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], { ...env, FORCE_COLOR: "0" });
    return { code, out };
  },
});
const typecheck = { name: "typecheck", async run() { return { code: await runAsync("typecheck", bin("tsc"), ["--noEmit", "-p", "."]), out: null }; } };
// The in-process suites share one module graph per worker (--no-isolate): each file builds
// its own database, services and servers, and loading the app once per worker instead of
// once per file is most of their time. The end-to-end suites keep their isolation.
// Suites whose subject is not the database run once, on SQLite: the permission rules (their
// subtree queries are the ones every PostgreSQL suite below runs), the help texts, the HTTP
// limits, a channel's adapter, the certificate PDF, the LLM and embedding clients.
const ONCE = [
  "test/integration/permissions.test.ts",
  "test/integration/help.test.ts",
  "test/integration/hardening.test.ts",
  "test/integration/zalo-channel.test.ts",
  "test/integration/certificate.test.ts",
  "test/integration/flow-numbers.test.ts",
  "test/integration/dialogue-llm.test.ts",
  "test/integration/similar-embeddings.test.ts",
  // SQLite's query plans (PostgreSQL's are read in bench/scale.ts, on a database of its size)
  "test/integration/scale-plans.test.ts",
  // the web chat's HTTP limits, static buttons of an announcement (its bulk send runs on
  // PostgreSQL in announcements.test), the xlsx rendering of a report (its query in dialogue.test)
  "test/integration/web-http.test.ts",
  "test/integration/sessions-announce-button.test.ts",
  "test/integration/xlsx.test.ts",
];
const lanes = [
  [typecheck],
  [vitestPass("sqlite", { TEST_DB: "sqlite" }, ["--exclude", "test/e2e/**", "--no-isolate"])],
  [vitestPass("postgresql", { TEST_DB: "postgresql" }, ["test/integration", "--no-isolate", ...ONCE.flatMap((f) => ["--exclude", f])])],
  [vitestPass("e2e", { TEST_DB: "sqlite" }, ["test/e2e"])],
];

let passed = 0;
let failed = 0;
let skipped = 0;
let status = 0;
const files = [];
await Promise.all(
  lanes.map(async (lane) => {
    for (const p of lane) {
      const t = Date.now();
      const { code, out } = await p.run();
      times.push(`${p.name} ${seconds(t)} s`);
      if (code !== 0) status = code;
      if (!out) {
        if (code !== 0) failed += 1;
        continue;
      }
      if (existsSync(out)) {
        const r = JSON.parse(readFileSync(out, "utf8"));
        passed += r.numPassedTests ?? 0;
        failed += r.numFailedTests ?? 0;
        skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
        if (code !== 0 && !(r.numFailedTests > 0)) failed += 1; // a suite that failed to load
        for (const f of r.testResults ?? []) {
          files.push({ name: `${relative(root, f.name)} (${p.name})`, ms: f.endTime - f.startTime });
          for (const a of f.assertionResults ?? []) if (a.status === "failed") console.log(`FAILED (${p.name}): ${relative(root, f.name)} › ${a.fullName ?? a.title}`);
        }
      } else if (code !== 0) failed += 1;
    }
  }),
);

files.sort((a, b) => b.ms - a.ms);
console.log("\nslowest test files:");
for (const f of files.slice(0, 10)) console.log(`  ${(f.ms / 1000).toFixed(1).padStart(6)} s  ${f.name}`);
console.log(`\ntimes: ${times.join(", ")}, total ${seconds(t0)} s`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
// a skipped test is a failure of the run: every test must run on every machine
process.exit(status === 0 && failed === 0 && skipped === 0 ? 0 : 1);
