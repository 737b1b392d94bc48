// `npm run build`: the production build in dist/, run by plain node (no tsx).
//   1. tsc -p tsconfig.build.json: bot, handlers, scheduler, prisma (with the generated
//      clients) and prompts compiled to JavaScript, relative `.ts` imports rewritten to `.js`;
//   2. what the compiled code reads from disk, copied beside it (prompts' data and pages,
//      prisma/migrations, the generated schemas);
//   3. the NLP lexicon validated into dist/models/lexicon.json, the topic classifier trained
//      once into dist/models/ (loaded at start, not parsed or trained);
//   4. a stamp: the hash of every input, so `--if-stale` (run by `npm start`) builds only
//      when dist/ is missing or older than the sources.
// The wasm schema engine that applies migrations at start stays in node_modules.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const STAMP = join(dist, ".build-stamp.json");
/** Compiled sources (tsconfig.build.json's include) and the files copied beside them. */
const INPUT_DIRS = ["bot", "handlers", "scheduler", "prisma", "prompts"];
const INPUT_FILES = ["tsconfig.json", "tsconfig.build.json", "scripts/build.mjs", "package-lock.json"];

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (name === "node_modules") continue;
    if (statSync(p).isDirectory()) walk(p, out);
    else if (!name.endsWith(".test.ts")) out.push(p);
  }
  return out;
}

/** Hash of every input's path and content (content, not mtime: a fresh clone has new mtimes). */
function inputsHash() {
  const h = createHash("sha256");
  h.update(process.version.split(".")[0]);
  const files = [...INPUT_DIRS.flatMap((d) => walk(join(root, d))), ...INPUT_FILES.map((f) => join(root, f)).filter(existsSync)];
  for (const f of files) {
    h.update(relative(root, f) + "\0");
    h.update(readFileSync(f));
    h.update("\0");
  }
  return h.digest("hex");
}

/** Every compiled source has its .js in dist/ (tsc's incremental info can outlive deleted output). */
function outputsComplete() {
  const sources = ["bot", "handlers", "scheduler", "prompts"].flatMap((d) => walk(join(root, d))).filter((f) => f.endsWith(".ts"));
  return existsSync(join(dist, "bot/app/main.js")) && sources.every((f) => existsSync(join(dist, relative(root, f).replace(/\.ts$/, ".js"))));
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, "utf8"));
  } catch {
    return null;
  }
}

const ifStale = process.argv.includes("--if-stale");
const t0 = Date.now();
const hash = inputsHash();
if (ifStale && readStamp()?.inputs === hash && outputsComplete()) process.exit(0);
if (ifStale) console.error(existsSync(dist) ? "dist/ is older than the sources: building (npm run build)…" : "dist/ is missing: building (npm run build)…");

// The generated Prisma clients are compiled too: make sure they exist (npm install's `prepare` writes them).
if (!existsSync(join(root, "prisma/generated/sqlite/client/client.ts")) || !existsSync(join(root, "prisma/generated/postgresql/client/client.ts"))) {
  const g = spawnSync(process.execPath, [join(root, "scripts/prisma-generate.mjs")], { cwd: root, stdio: "inherit" });
  if (g.status !== 0) process.exit(g.status ?? 1);
}

rmSync(STAMP, { force: true });
if (!outputsComplete()) rmSync(join(dist, ".tsbuildinfo"), { force: true });
const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json")], { cwd: root, stdio: "inherit" });
if (tsc.status !== 0) {
  console.error("build failed: tsc reported errors");
  process.exit(tsc.status ?? 1);
}

// Compiled files whose source is gone (a renamed module must not linger in dist/).
for (const f of walk(dist)) {
  const rel = relative(dist, f);
  if (!rel.endsWith(".js") || rel.startsWith("models/")) continue;
  if (!existsSync(join(root, rel.replace(/\.js$/, ".ts")))) rmSync(f);
}

// What the compiled code reads at run time, at the same relative place as in the source tree
// (a data file whose source is gone must not linger either: the need bank reads a whole folder).
for (const f of walk(join(dist, "prompts"))) {
  const rel = relative(dist, f);
  if (!rel.endsWith(".js") && !rel.endsWith(".d.ts") && !existsSync(join(root, rel))) rmSync(f);
}
for (const f of walk(join(root, "prompts"))) {
  if (f.endsWith(".ts")) continue;
  const to = join(dist, relative(root, f));
  mkdirSync(dirname(to), { recursive: true });
  cpSync(f, to);
}
rmSync(join(dist, "prisma/migrations"), { recursive: true, force: true });
cpSync(join(root, "prisma/migrations"), join(dist, "prisma/migrations"), { recursive: true });
for (const provider of ["sqlite", "postgresql"]) cpSync(join(root, "prisma/generated", provider, "schema.prisma"), join(dist, "prisma/generated", provider, "schema.prisma"));

// The NLP lexicon, parsed and validated once here: a start reads the JSON (no YAML, no zod).
const lex = await import(pathToFileURL(join(dist, "handlers/dialogue/nlp/lexicon.js")).href);
mkdirSync(dirname(lex.LEXICON_CACHE), { recursive: true });
writeFileSync(lex.LEXICON_CACHE + ".tmp", lex.savedLexicon(readFileSync(lex.LEXICON_FILE, "utf8")));
renameSync(lex.LEXICON_CACHE + ".tmp", lex.LEXICON_CACHE);

// The need bank, read and checked now: a need-id given twice or a malformed block fails the
// build, not the bot at its first question.
const needs = await import(pathToFileURL(join(dist, "handlers/dialogue/nlp/needs.js")).href);
console.error(`need bank: ${needs.loadNeeds().length} needs`);

// The topic classifier, trained now rather than at the first question after a start.
const nlp = await import(pathToFileURL(join(dist, "handlers/dialogue/nlp/classifier.js")).href);
const fingerprint = nlp.trainingFingerprint();
if (!nlp.TopicClassifier.load(nlp.MODEL_FILE, fingerprint)) {
  const t = Date.now();
  const model = nlp.TopicClassifier.train(nlp.trainingExamples());
  mkdirSync(dirname(nlp.MODEL_FILE), { recursive: true });
  writeFileSync(nlp.MODEL_FILE + ".tmp", model.serialize(fingerprint));
  renameSync(nlp.MODEL_FILE + ".tmp", nlp.MODEL_FILE);
  console.error(`topic classifier trained in ${Date.now() - t} ms → ${relative(root, nlp.MODEL_FILE)}`);
}
// The duplicate detector's concept frequencies over the same training data.
const sim = await import(pathToFileURL(join(dist, "handlers/dialogue/nlp/similarity.js")).href);
if (!nlp.loadSaved("concept-df")) {
  writeFileSync(nlp.modelFile("concept-df") + ".tmp", nlp.savedForm(sim.conceptFrequencies()));
  renameSync(nlp.modelFile("concept-df") + ".tmp", nlp.modelFile("concept-df"));
}

writeFileSync(STAMP, JSON.stringify({ inputs: hash, builtAt: new Date().toISOString() }) + "\n");
console.error(`built dist/ in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
