import { toCsv, type ReportFn } from "../reports.ts";
import { formatAnswer, type ReportField } from "./fields.ts";
import { fieldsOf } from "./reporting.ts";
import { completion } from "./service.ts";

/** An answer as a program reads it: number, boolean, the option's key, text; a photo or file as how many were sent. */
function rawAnswer(f: ReportField, v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (f.type === "photo" || f.type === "file") return Array.isArray(v) ? v.length : 0;
  return typeof v === "number" || typeof v === "boolean" || typeof v === "string" ? v : null;
}

/**
 * `report guides`: completion by branch for a unit's subtree and month — branch, parent,
 * confirmed yes/no, attendees, then every other field of the month's report form (CSV: a column
 * per field headed by its label, the answer as shown in the chat, a number as a number; JSON:
 * `answers` by field key), the date of the report, note.
 */
export const guidesReport: ReportFn = async ({ prisma }, unit, month, format) => {
  const rows = await completion(prisma, unit, month);
  const defs = fieldsOf(month).filter((f) => f.key !== "attendees");
  const base = (r: (typeof rows)[number]) => ({
    branch_code: r.code,
    branch: r.name,
    parent: r.parentName,
    confirmed: r.confirmed ? "yes" : "no",
    attendees: r.attendees,
  });
  if (format === "json") {
    const done = rows.filter((r) => r.confirmed).length;
    const out = rows.map((r) => ({
      ...base(r),
      answers: Object.fromEntries(defs.map((f) => [f.key, rawAnswer(f, r.answers[f.key])])),
      date: r.date,
      note: r.note,
    }));
    return JSON.stringify({ unit: { code: unit.code, name: unit.name }, month, branches: rows.length, confirmed: done, rows: out }, null, 2) + "\n";
  }
  // the fields' labels are the columns' headers (a label twice gets its key beside it)
  const headers = defs.map((f) => (defs.filter((g) => g.label === f.label).length > 1 ? `${f.label} (${f.key})` : f.label));
  const out = rows.map((r) => {
    const row: Record<string, string | number | null> = { ...base(r), date: r.date, note: r.note };
    for (const [i, f] of defs.entries()) {
      const v = r.answers[f.key];
      row[headers[i]!] = v === null || v === undefined ? null : f.type === "number" && typeof v === "number" ? v : formatAnswer(f, v);
    }
    return row;
  });
  return toCsv(out, ["branch_code", "branch", "parent", "confirmed", "attendees", ...headers, "date", "note"]);
};
