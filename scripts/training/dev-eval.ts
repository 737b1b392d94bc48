// Duplicate detection on the tuning pairs, pair by pair: `npx tsx scripts/training/dev-eval.ts
// [--errors] [file…]` (default: the project's dev pairs and the independently written dev pairs).
// Prints F1, precision and recall per file and, with --errors, every miss with its score and the
// factors behind it. Refuses held-out files: those are measured by `npm run bench -- nlp` only,
// as aggregates, never looked at pair by pair.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { explain, isDuplicate } from "../../handlers/dialogue/nlp/similarity.ts";
import { explainNeeds } from "../../handlers/dialogue/nlp/needs.ts";

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const args = process.argv.slice(2);
const errors = args.includes("--errors");
const files = args.filter((a) => !a.startsWith("--"));
const targets = files.length ? files : [root("prompts/training/duplicates.jsonl"), root("test/quality/independent/duplicates.dev.jsonl")];

for (const file of targets) {
  if (/holdout/i.test(file)) {
    console.error(`${file}: held-out pairs are not evaluated pair by pair (npm run bench -- nlp reports them)`);
    process.exitCode = 1;
    continue;
  }
  const rows = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { a: string; b: string; duplicate: boolean; kind?: string });
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const r of rows) {
    const { duplicate: said, score } = isDuplicate(r.a, r.b);
    if (said && r.duplicate) tp++;
    else if (said) fp++;
    else if (r.duplicate) fn++;
    if (said !== r.duplicate) {
      const e = explain(r.a, r.b);
      const n = explainNeeds(r.a, r.b);
      const needs = `needs ${n.a.map((x) => `${x.need} ${x.p.toFixed(2)}`).join(" ")} | ${n.b.map((x) => `${x.need} ${x.p.toFixed(2)}`).join(" ")}`;
      const why = `${e ? Object.entries(e).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ") : "small talk"}\n     ${needs}`;
      misses.push(`  ${said ? "FP" : "FN"} ${score.toFixed(3)} ${r.kind ? `[${r.kind}] ` : ""}${r.a} || ${r.b}\n     ${why}`);
    }
  }
  const f1 = (2 * tp) / (2 * tp + fp + fn || 1);
  console.log(`${file}: ${rows.length} pairs, F1 ${f1.toFixed(3)}, precision ${(tp / (tp + fp || 1)).toFixed(3)}, recall ${(tp / (tp + fn || 1)).toFixed(3)}`);
  if (errors) for (const m of misses) console.log(m);
}
