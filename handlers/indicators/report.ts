/** `npm run cli -- report indicators --unit <code> --year YYYY --format csv|json`: actual against target. */
import type { Db } from "../../prisma/db.ts";
import { indicatorsText as T } from "../../prompts/vi/indicators.ts";
import { toCsv } from "../reports.ts";
import { indicatorProgress, type ProgressRow } from "./progress.ts";

const COLUMNS = ["unit_code", "unit", "scope", "indicator", "label", "measure", "actual", "target", "assigned", "percent", "reported"] as const;

export async function indicatorsReport(prisma: Db, unit: { id: number; path: string }, year: number, format: "csv" | "json"): Promise<string> {
  const p = await indicatorProgress(prisma, unit, year);
  const plain = (r: ProgressRow) => ({ key: r.indicator, label: r.label, measure: r.measure, kind: r.kind, actual: r.actual, target: r.target, assigned: r.assigned, percent: r.percent, reported: r.reported });
  if (format === "json") {
    return (
      JSON.stringify(
        {
          unit: { code: p.unit.unit.code, name: p.unit.unit.name },
          year,
          indicators: p.unit.rows.map(plain),
          children: p.children.map((c) => ({ code: c.unit.code, name: c.unit.name, indicators: c.rows.map(plain) })),
        },
        null,
        2,
      ) + "\n"
    );
  }
  const rows: Record<string, string | number | null>[] = [];
  const push = (u: { code: string; name: string }, scope: string, rs: ProgressRow[]) => {
    for (const r of rs)
      rows.push({
        unit_code: u.code,
        unit: u.name,
        scope,
        indicator: r.indicator,
        label: r.label,
        measure: r.measure,
        actual: r.actual,
        target: r.target,
        assigned: r.assigned,
        percent: r.percent,
        reported: r.reported,
      });
  };
  push(p.unit.unit, T.scopeSelf, p.unit.rows);
  for (const c of p.children) push(c.unit, T.scopeChild, c.rows);
  // Vietnamese headers, one row per unit and indicator
  const csv = toCsv(rows, [...COLUMNS]);
  const [head, ...rest] = csv.replace(/^\ufeff/, "").split("\r\n");
  const translated = head!.split(",").map((k) => T.csv[k as keyof typeof T.csv] ?? k).join(",");
  return "\ufeff" + [translated, ...rest].join("\r\n");
}
