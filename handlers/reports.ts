import type { Db } from "../prisma/db.ts";
import type { Secrets } from "../bot/core/secrets.ts";
import type { UnitView } from "../bot/core/context.ts";

/** `now` (optional) is the instant the report is taken at — tests pass their clock; default: the system clock. */
export type ReportFn = (
  deps: { prisma: Db; secrets: Secrets; now?: Date },
  unit: UnitView,
  month: string,
  format: "csv" | "json",
) => Promise<string>;

/** Report kinds of `npm run cli -- report <kind>`; each feature adds its own. */
export const REPORTS: Record<string, ReportFn> = {};

/** RFC 4180 CSV with a BOM so spreadsheet programs read Vietnamese correctly. */
export function toCsv(rows: Record<string, string | number | null | undefined>[], columns?: string[]): string {
  const cols = columns ?? Object.keys(rows[0] ?? {});
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v);
    // neutralise spreadsheet formulas
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return "\ufeff" + [cols.join(","), ...rows.map((r) => cols.map((c) => cell(r[c])).join(","))].join("\r\n") + "\r\n";
}
