// `npm run bench`: every speed and quality target of the issues, printed as readable lines,
// each target checked PASS/FAIL (bench/targets.ts) and summed up at the end.
// One section: `npm run bench -- <name>` (nlp, scheduler, intake, start, scale, rate, webhook-memory).
import { runIntakeBench } from "./intake.ts";
import { runSchedulerBench } from "./scheduler.ts";
import { printSummary } from "./targets.ts";

const only = process.argv[2];
const results: Record<string, number> = {};
const sections: [string, () => Promise<Record<string, number>>][] = [
  ["nlp", async () => (await import("./nlp.ts")).runNlpBench()],
  ["scheduler", () => runSchedulerBench("sqlite")],
  ["intake", runIntakeBench],
  ["start", async () => (await import("./start.ts")).runStartBench()],
  ["scale", async () => (await import("./scale.ts")).runScaleBench()],
  ["rate", async () => (await import("./outbox-rate.ts")).runRateBench()],
  ["webhook-memory", async () => (await import("./webhook-memory.ts")).runWebhookMemoryBench()],
  ["indicators", async () => (await import("./indicators.ts")).runIndicatorsBench()],
];
for (const [name, fn] of sections) {
  if (only && only !== name) continue;
  console.log(`\n== ${name} ==`);
  Object.assign(results, await fn());
}
if (only && !sections.some(([name]) => name === only)) console.error(`no bench section "${only}" (${sections.map(([n]) => n).join(", ")})`);
console.log("\n" + JSON.stringify(results, (_k, v: unknown) => (typeof v === "number" ? Math.round(v * 1000) / 1000 : v), 2));
printSummary();
process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
