// `npm run bench`: every speed and quality target of the issues, printed as readable lines.
import { runIntakeBench } from "./intake.ts";
import { runSchedulerBench } from "./scheduler.ts";

const only = process.argv[2];
const results: Record<string, number> = {};
const sections: [string, () => Promise<Record<string, number>>][] = [
  ["nlp", async () => (await import("./nlp.ts")).runNlpBench()],
  ["scheduler", () => runSchedulerBench("sqlite")],
  ["intake", runIntakeBench],
  ["start", async () => (await import("./start.ts")).runStartBench()],
  ["scale", async () => (await import("./scale.ts")).runScaleBench()],
  ["webhook-memory", async () => (await import("./webhook-memory.ts")).runWebhookMemoryBench()],
];
for (const [name, fn] of sections) {
  if (only && only !== name) continue;
  console.log(`\n== ${name} ==`);
  Object.assign(results, await fn());
}
console.log("\n" + JSON.stringify(results, (_k, v: unknown) => (typeof v === "number" ? Math.round(v * 1000) / 1000 : v), 2));
process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
