// Every figure of `npm run bench` that has a target is checked here: one line per target,
// PASS or FAIL, and a summary at the end of the run (bench/run.ts). The machine's load
// average is printed with each figure: on a shared, loaded machine a wall-clock figure says
// as much about the neighbours as about the bot, so a FAIL under load is worth re-running.
import { loadavg } from "node:os";

export interface Verdict {
  name: string;
  ok: boolean;
  line: string;
}

const verdicts: Verdict[] = [];

type Op = "<" | "<=" | ">=" | ">";

const fmt = (x: number) => (Number.isInteger(x) ? x.toLocaleString("en") : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

/**
 * Check one figure against its target and print it: `PASS  name: 123 ms (target < 2,000 ms; load 3.1)`.
 * `detail` is printed after the figure (the runs it is the median of, the scenario…).
 */
export function check(name: string, value: number, op: Op, limit: number, unit = "", detail = ""): boolean {
  const ok = Number.isFinite(value) && (op === "<" ? value < limit : op === "<=" ? value <= limit : op === ">=" ? value >= limit : value > limit);
  const u = unit ? ` ${unit}` : "";
  const line = `${ok ? "PASS" : "FAIL"}  ${name}: ${fmt(value)}${u} (target ${op} ${fmt(limit)}${u}; load ${loadavg()[0]!.toFixed(1)})${detail ? ` — ${detail}` : ""}`;
  verdicts.push({ name, ok, line });
  console.log(line);
  return ok;
}

/** Every verdict so far. */
export function allVerdicts(): readonly Verdict[] {
  return verdicts;
}

/** The closing summary: how many targets passed, and the failures again. */
export function printSummary(): void {
  if (!verdicts.length) return;
  const failed = verdicts.filter((v) => !v.ok);
  console.log(`\n== targets: ${verdicts.length - failed.length} of ${verdicts.length} passed ==`);
  for (const v of failed) console.log(v.line);
}
