/**
 * `reports:import`: the monthly reports of many branches from a CSV file — a district office
 * entering the paper reports of branches without a phone. One row per branch: its code, then
 * one column per field of the month's report form (the guide's `report_back`, photo and file
 * fields left out: they come through the chat). Every cell goes through the chat form's own
 * validator (`parseTyped`); one bad row and nothing is written (every error is listed with its
 * line). An empty optional cell keeps what the branch has, "-" clears it. Filing merges over what a branch already reported (a repeat changes nothing, a
 * correction replaces, the indicators count each branch once).
 */
import type { Services, UnitView } from "../../bot/core/context.ts";
import type { Json } from "../../bot/core/forms.ts";
import { parseCsv, toCsv } from "../reports.ts";
import { parseTyped, type Answers, type ReportField } from "./fields.ts";
import { fieldsOf, fileReports } from "./reporting.ts";

/** The first column of the file: the branch's unit code. */
export const BRANCH_COLUMN = "branch";
const MAX_ERRORS = 100;
const CHUNK = 500;

const importable = (f: ReportField) => f.type !== "photo" && f.type !== "file";

/** The columns of a month's file: the branch code, then the keys of its importable fields. */
export function importColumns(month: string): string[] {
  return [BRANCH_COLUMN, ...fieldsOf(month).filter(importable).map((f) => f.key)];
}

/** What each column takes, for the operator (one line per column). */
export function columnLegend(month: string): string[] {
  const out = [`${BRANCH_COLUMN}: the branch's unit code`];
  for (const f of fieldsOf(month)) {
    const what =
      f.type === "number" ? `whole number ${f.min}–${f.max}`
      : f.type === "yesno" ? "có / không"
      : f.type === "choice" ? `one of: ${f.options.map((o) => o.label).join(" / ")}`
      : f.type === "text" ? `text, up to ${f.max} characters`
      : "not imported: sent through the chat";
    out.push(`${f.key}: ${f.label} (${what}${importable(f) ? (f.optional ? "; optional: empty keeps what the branch has, - for none" : "; required") : ""})`);
  }
  return out;
}

/** The CSV header of a month; with a unit, one row per branch of its subtree, the fields empty. */
export async function importTemplate(s: Pick<Services, "prisma">, month: string, unit: UnitView | null): Promise<string> {
  const columns = importColumns(month);
  const branches = unit
    ? await s.prisma.unit.findMany({ where: { isBranch: true, path: { startsWith: unit.path } }, select: { code: true }, orderBy: { code: "asc" } })
    : [];
  if (!branches.length) return columns.join(",") + "\r\n";
  return toCsv(branches.map((b) => ({ [BRANCH_COLUMN]: b.code })), columns).replace(/^\ufeff/, "");
}

export interface ImportError {
  line: number;
  message: string;
}

export type ImportResult =
  | { ok: false; errors: ImportError[]; more: number }
  | { ok: true; rows: number; created: number; updated: number; same: number; changed: { unitId: number; attendees: number; kind: "created" | "updated" }[] };

/** A cell as typed: toCsv's guard against spreadsheet formulas ("'=…") taken off. */
const cellOf = (raw: string) => raw.replace(/^'(?=[=+\-@])/, "");

/**
 * Check the whole file, then (when every row is right) file every report. `scope`: the
 * branches must lie in that unit's subtree. `personId`: who the reports are filed as (0: the
 * CLI operator). `changed` lists the reports written, for the caller's audit log (the chat's
 * actions: `guides.meeting.created|updated`).
 */
export async function importReports(
  s: Pick<Services, "prisma" | "clock">,
  input: { month: string; csv: string; scope: UnitView | null; personId: number },
): Promise<ImportResult> {
  const defs = fieldsOf(input.month);
  const errors: ImportError[] = [];
  const lines: number[] = [];
  const all = parseCsv(input.csv, lines);
  const rows = all.map((cells, i) => ({ cells: cells.map(cellOf), line: lines[i]! })).filter((r) => r.cells.some((c) => c.trim() !== ""));
  const head = rows.shift();
  if (!head) return { ok: false, errors: [{ line: 1, message: `empty file: the first line must be the header (${importColumns(input.month).join(",")})` }], more: 0 };

  // ---- the header: the branch, then known, distinct, importable field keys, every required one present
  const names = head.cells.map((c) => c.trim().toLowerCase());
  const columns: (ReportField | null)[] = [];
  if (names[0] !== BRANCH_COLUMN) errors.push({ line: head.line, message: `the first column must be "${BRANCH_COLUMN}" (the branch's unit code)` });
  for (const [i, name] of names.entries()) {
    if (i === 0) {
      columns.push(null);
      continue;
    }
    const f = defs.find((d) => d.key === name);
    if (!f) errors.push({ line: head.line, message: `unknown column "${name}": the columns of ${input.month} are ${importColumns(input.month).join(",")}` });
    else if (!importable(f)) errors.push({ line: head.line, message: `column "${name}" is a ${f.type} field: it cannot be imported (leave it out; it is sent through the chat)` });
    else if (names.indexOf(name) !== i) errors.push({ line: head.line, message: `column "${name}" is given twice` });
    columns.push(f ?? null);
  }
  for (const f of defs) {
    if (importable(f) && !f.optional && !names.includes(f.key)) errors.push({ line: head.line, message: `missing column "${f.key}" (${f.label}): it is required` });
  }
  if (errors.length) return { ok: false, errors, more: 0 };

  // ---- the branches: known, branches, in scope, each once
  const codes = [...new Set(rows.map((r) => r.cells[0]!.trim()))];
  const units = new Map<string, { id: number; path: string; isBranch: boolean }>();
  for (let i = 0; i < codes.length; i += CHUNK) {
    for (const u of await s.prisma.unit.findMany({ where: { code: { in: codes.slice(i, i + CHUNK) } }, select: { id: true, code: true, path: true, isBranch: true } })) units.set(u.code, u);
  }

  // ---- every row, every cell through the chat form's validator
  const seen = new Map<string, number>();
  const filings: { unitId: number; personId: number; answers: Answers }[] = [];
  for (const r of rows) {
    const code = r.cells[0]!.trim();
    const u = units.get(code);
    const rowErrors: string[] = [];
    if (r.cells.length !== columns.length) rowErrors.push(`${r.cells.length} cells, the header has ${columns.length}`);
    else if (!code) rowErrors.push("no branch code");
    else if (!u) rowErrors.push(`unknown unit "${code}"`);
    else if (!u.isBranch) rowErrors.push(`${code} is not a branch`);
    else if (input.scope && !u.path.startsWith(input.scope.path)) rowErrors.push(`${code} is not in ${input.scope.code}`);
    else if (seen.has(code)) rowErrors.push(`${code} is already on line ${seen.get(code)}`);
    if (code && !seen.has(code)) seen.set(code, r.line);
    const answers: Answers = {};
    if (r.cells.length === columns.length) {
      for (const [i, f] of columns.entries()) {
        if (!f) continue;
        // an empty optional cell leaves the field as the branch has it ("-" clears it)
        if (f.optional && r.cells[i]!.trim() === "") continue;
        const p = parseTyped(f, r.cells[i]!);
        if (p.ok) answers[f.key] = p.value as Json;
        else rowErrors.push(`${f.key}: ${p.error}`);
      }
    }
    if (rowErrors.length) {
      for (const m of rowErrors) errors.push({ line: r.line, message: m });
      continue;
    }
    filings.push({ unitId: u!.id, personId: input.personId, answers });
  }
  if (errors.length) return { ok: false, errors: errors.slice(0, MAX_ERRORS), more: Math.max(0, errors.length - MAX_ERRORS) };
  if (!filings.length) return { ok: false, errors: [{ line: head.line, message: "no rows under the header" }], more: 0 };

  const r = await fileReports(s, input.month, filings);
  return { ok: true, rows: filings.length, created: r.created, updated: r.updated, same: r.same, changed: r.changed };
}
