import { toCsv, type ReportFn } from "../reports.ts";
import { completion } from "./service.ts";

/**
 * `report guides`: completion by branch for a unit's subtree and month — branch, parent,
 * confirmed yes/no, attendees, date of the report, note.
 */
export const guidesReport: ReportFn = async ({ prisma }, unit, month, format) => {
  const rows = await completion(prisma, unit, month);
  const out = rows.map((r) => ({
    branch_code: r.code,
    branch: r.name,
    parent: r.parentName,
    confirmed: r.confirmed ? "yes" : "no",
    attendees: r.attendees,
    date: r.date,
    note: r.note,
  }));
  if (format === "json") {
    const done = rows.filter((r) => r.confirmed).length;
    return JSON.stringify({ unit: { code: unit.code, name: unit.name }, month, branches: rows.length, confirmed: done, rows: out }, null, 2) + "\n";
  }
  return toCsv(out, ["branch_code", "branch", "parent", "confirmed", "attendees", "date", "note"]);
};
