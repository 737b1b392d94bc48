// exceljs is loaded when a workbook is made (it costs start time and memory to every process)
import type ExcelJS from "exceljs";
import type { Db } from "../prisma/db.ts";
import type { Secrets } from "../bot/core/secrets.ts";
import type { UnitView } from "../bot/core/context.ts";
import { reportHeaders, reportHeadersByKind, reportSheets, reportText, reportValues } from "../prompts/vi/reports.ts";

/** `now` (optional) is the instant the report is taken at — tests pass their clock; default: the system clock. */
export type ReportFn = (
  deps: { prisma: Db; secrets: Secrets; now?: Date },
  unit: UnitView,
  month: string,
  format: "csv" | "json",
) => Promise<string>;

/** Report kinds of `npm run cli -- report <kind>`; each feature adds its own. */
export const REPORTS: Record<string, ReportFn> = {};

/** What a person can ask a report as: JSON for programs, CSV and Excel in Vietnamese. */
export const REPORT_FORMATS = ["csv", "json", "xlsx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** RFC 4180 CSV with a BOM so spreadsheet programs read Vietnamese correctly. */
export function toCsv(rows: Record<string, string | number | null | undefined>[], columns?: string[]): string {
  const cols = columns ?? Object.keys(rows[0] ?? {});
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v);
    // neutralise spreadsheet formulas
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return quote(safe);
  };
  return "\ufeff" + [cols.map(quote).join(","), ...rows.map((r) => cols.map((c) => cell(r[c])).join(","))].join("\r\n") + "\r\n";
}

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * A report as people read it: JSON as the report gives it (English keys, for programs); CSV
 * with Vietnamese headers and values; an Excel workbook with one sheet per section, totals as
 * formulas and dates as dates. Throws on an unknown kind.
 */
export async function renderReport(
  kind: string,
  deps: Parameters<ReportFn>[0],
  unit: UnitView,
  month: string,
  format: ReportFormat,
): Promise<string | Buffer> {
  const fn = REPORTS[kind];
  if (!fn) throw new Error(`unknown report ${kind}`);
  if (format === "json") return fn(deps, unit, month, "json");
  if (format === "csv") return translateCsv(kind, await fn(deps, unit, month, "csv"));
  return toXlsx(kind, JSON.parse(await fn(deps, unit, month, "json")) as Record<string, unknown>);
}

// ---------------------------------------------------------------- words

/** The Vietnamese header of a column key of a report ("unit.name" → the header of "name"). */
export function headerOf(kind: string, key: string): string {
  const k = key.includes(".") ? key.slice(key.lastIndexOf(".") + 1) : key;
  return reportHeadersByKind[kind]?.[key] ?? reportHeaders[key] ?? reportHeadersByKind[kind]?.[k] ?? reportHeaders[k] ?? key;
}

/** The Vietnamese value of a status-like column; other values as they are. */
export function valueOf(key: string, value: unknown): unknown {
  if (typeof value !== "string") return value;
  return reportValues[key]?.[value] ?? value;
}

/** Parse RFC 4180 CSV (as toCsv writes it) into rows of cells; `lines` (optional) gets the 1-based line each row starts on. */
export function parseCsv(text: string, lines?: number[]): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  const s = text.replace(/^\ufeff/, "");
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "\n" || (ch === "\r" && s[i + 1] !== "\n")) line++;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++, line++;
      row.push(cell), rows.push(row), lines?.push(start), (row = []), (cell = ""), (start = line);
    } else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row), lines?.push(start);
  return rows;
}

/** A report's CSV with Vietnamese headers and status values (the cells are otherwise kept as written). */
export function translateCsv(kind: string, csv: string): string {
  const [head, ...body] = parseCsv(csv);
  if (!head) return csv;
  const lines = [head.map((h) => quote(headerOf(kind, h))).join(",")];
  for (const r of body) lines.push(r.map((c, i) => quote(String(valueOf(head[i] ?? "", c)))).join(","));
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

// ---------------------------------------------------------------- workbook

type Cell = string | number | boolean | null;
interface Table {
  /** "kind.field" or field: the sheet's name is looked up by it */
  key: string;
  columns: string[];
  rows: Record<string, Cell>[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const scalar = (v: unknown): Cell => (v === null || v === undefined ? null : typeof v === "object" ? JSON.stringify(v) : (v as Cell));
/** Columns never added up: identifiers, shares, medians, percentages. */
const NO_SUM = /(^id$|_id$|Id$|share|Share|median|Median|percent|^year$)/;
/** Kinds whose tables get no total row (their lines measure different things). */
const NO_TOTAL_ROW = new Set(["indicators"]);
/** Summary figures that count a table's rows. */
const COUNTS_ROWS: Record<string, string> = { "guides.branches": "guides.rows" };

/** One array of objects as table rows: nested objects flattened ("unit.name"), one nested array exploded. */
function flatten(items: unknown[]): Record<string, Cell>[] {
  const out: Record<string, Cell>[] = [];
  for (const item of items) {
    if (!isObj(item)) {
      out.push({ value: scalar(item) });
      continue;
    }
    const base: Record<string, Cell> = {};
    let nested: Record<string, unknown>[] | null = null;
    for (const [k, v] of Object.entries(item)) {
      if (Array.isArray(v) && v.every(isObj) && v.length) nested ??= v as Record<string, unknown>[];
      else if (isObj(v)) for (const [k2, v2] of Object.entries(v)) (k2 !== "id" || !("code" in v)) && (base[`${k}.${k2}`] = scalar(v2));
      else if (!Array.isArray(v)) base[k] = scalar(v);
    }
    if (!nested) out.push(base);
    else for (const n of flatten(nested)) out.push({ ...base, ...n });
  }
  return out;
}

/** The report's JSON as a summary (figures of the whole report) and its tables. */
export function sectionsOf(kind: string, json: Record<string, unknown>): { summary: [string, Cell][]; tables: Table[] } {
  const summary: [string, Cell][] = [];
  const tables: Table[] = [];
  const addTable = (key: string, rows: Record<string, Cell>[]) => {
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) => rows.some((r) => r[c] !== null && r[c] !== ""));
    tables.push({ key, columns, rows });
  };
  for (const [k, v] of Object.entries(json)) {
    if (k === "unit" && isObj(v) && typeof v.code === "string") summary.push(["unit", reportText.unitOf(String(v.name ?? ""), v.code)]);
    else if (k === "month" && typeof v === "string") summary.push(["month", reportText.monthOf(v)]);
    else if (Array.isArray(v) && v.some(isObj)) {
      const rows = flatten(v);
      // one table holding several kinds of lines (a session's questions and commitments): a sheet each
      const parts = [...new Set(rows.map((r) => r.kind))];
      if (parts.every((p) => typeof p === "string" && reportSheets[`${kind}.${p}`])) {
        for (const part of parts as string[])
          addTable(`${kind}.${part}`, rows.filter((r) => r.kind === part).map(({ kind: _k, ...r }) => r));
      } else addTable(tables.some((t) => t.key === k) || !reportSheets[`${kind}.${k}`] ? k : `${kind}.${k}`, rows);
    } else if (Array.isArray(v)) summary.push([k, v.map(String).join(", ")]);
    else if (isObj(v)) {
      const flat = flatten([v])[0] ?? {};
      if (Object.values(v).some((x) => Array.isArray(x))) addTable(k, flatten([v]));
      else for (const [k2, v2] of Object.entries(flat)) summary.push([k2, v2]);
    } else summary.push([k, scalar(v)]);
  }
  return { summary, tables };
}

const colName = (i: number) => {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** "dd/mm/yyyy" or "HH:MM dd/mm/yyyy" (Vietnam time) as a spreadsheet date: the same wall-clock figures. */
function asDate(v: Cell): { date: Date; time: boolean } | null {
  if (typeof v !== "string") return null;
  const m = /^(?:(\d{2}):(\d{2}) )?(\d{2})\/(\d{2})\/(\d{4})$/.exec(v);
  if (!m) return null;
  return { date: new Date(Date.UTC(Number(m[5]), Number(m[4]) - 1, Number(m[3]), Number(m[1] ?? 0), Number(m[2] ?? 0))), time: m[1] !== undefined };
}

function setCell(cell: ExcelJS.Cell, key: string, v: Cell): void {
  const d = asDate(v);
  if (d) {
    cell.value = d.date;
    cell.numFmt = d.time ? "dd/mm/yyyy hh:mm" : "dd/mm/yyyy";
  } else {
    cell.value = valueOf(key.slice(key.lastIndexOf(".") + 1), v) as Cell;
    if (typeof v === "number" && /share|Share/.test(key)) cell.numFmt = "0.0%";
    if (v === "<5") cell.alignment = { horizontal: "right" };
  }
}

const sheetName = (key: string, taken: Set<string>) => {
  let name = (reportSheets[key] ?? reportSheets[key.slice(key.indexOf(".") + 1)] ?? key).replace(/[[\]:*?/\\]/g, " ").slice(0, 31);
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${name.slice(0, 28)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
};

/**
 * An Excel workbook of a report's JSON: a summary sheet, then one sheet per table with
 * Vietnamese headers and values, dates as dates, a total row of SUM formulas (a column
 * holding a hidden small count "<5" is not added up: the report's own total is shown when it
 * has one), and the summary's counts as formulas over the tables (with the report's figures
 * as their cached results, so a reader that does not recalculate reads the same numbers).
 */
export async function toXlsx(kind: string, json: Record<string, unknown>): Promise<Buffer> {
  const { summary, tables } = sectionsOf(kind, json);
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  wb.created = new Date(0);
  const taken = new Set<string>();
  const summarySheet = wb.addWorksheet(sheetName("summary", taken));
  /** where each table's columns are: sheet name, column letter, first and last data row, total cell */
  const where = new Map<string, { sheet: string; col: Map<string, string>; last: number; total: Map<string, ExcelJS.Cell> }>();
  const reportTotals = isObj(json.totals) ? json.totals : {};
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.key, taken), { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow(t.columns.map((c) => headerOf(kind, c))).font = { bold: true };
    t.rows.forEach((r, i) => t.columns.forEach((c, j) => setCell(ws.getCell(i + 2, j + 1), c, r[c] ?? null)));
    const col = new Map(t.columns.map((c, j) => [c, colName(j)]));
    const last = t.rows.length + 1;
    const total = new Map<string, ExcelJS.Cell>();
    const sums = t.columns.filter((c) => !NO_SUM.test(c) && t.rows.some((r) => typeof r[c] === "number") && t.rows.every((r) => r[c] === null || typeof r[c] === "number" || r[c] === "<5"));
    if (sums.length && t.rows.length && !NO_TOTAL_ROW.has(kind)) {
      const row = last + 1;
      ws.getCell(row, 1).value = reportText.total;
      ws.getRow(row).font = { bold: true };
      for (const c of sums) {
        const cell = ws.getCell(`${col.get(c)}${row}`);
        const values = t.rows.map((r) => r[c]);
        if (values.includes("<5")) cell.value = typeof reportTotals[c] === "number" || reportTotals[c] === "<5" ? (reportTotals[c] as Cell) : reportText.hiddenTotal;
        else cell.value = { formula: `SUM(${col.get(c)}2:${col.get(c)}${last})`, result: values.reduce<number>((a, x) => a + (typeof x === "number" ? x : 0), 0) };
        total.set(c, cell);
      }
    }
    ws.columns.forEach((c, j) => (c.width = Math.min(60, Math.max(10, headerOf(kind, t.columns[j] ?? "").length + 2, ...t.rows.map((r) => String(r[t.columns[j] ?? ""] ?? "").length + 2)))));
    if (t.rows.length) ws.autoFilter = { from: "A1", to: `${colName(t.columns.length - 1)}${last}` };
    where.set(t.key, { sheet: ws.name, col, last, total });
  }
  summarySheet.addRow([reportText.summaryKey, reportText.summaryValue]).font = { bold: true };
  const ref = (sheet: string, a: string) => `'${sheet.replace(/'/g, "''")}'!${a}`;
  summary.forEach(([key, v], i) => {
    const row = i + 2;
    summarySheet.getCell(row, 1).value = headerOf(kind, key);
    const cell = summarySheet.getCell(row, 2);
    setCell(cell, key, v);
    if (typeof v !== "number") return;
    const countRows = COUNTS_ROWS[`${kind}.${key}`];
    for (const [tkey, w] of where) {
      const range = (c: string) => ref(w.sheet, `${c}2:${c}${w.last}`);
      if (countRows === tkey) return void (cell.value = { formula: `ROWS(${range("A")})`, result: v });
      const totalCell = w.total.get(key);
      if (totalCell && typeof totalCell.value === "object" && totalCell.value && "formula" in totalCell.value)
        return void (cell.value = { formula: ref(w.sheet, totalCell.address), result: v });
      // a count of a status: the lines of a table holding that value
      for (const [c, letter] of w.col) {
        const words = reportValues[c];
        const word = words?.[key] ?? (words && key === c ? words.yes : undefined);
        if (word) return void (cell.value = { formula: `COUNTIF(${range(letter)},"${word}")`, result: v });
      }
    }
  });
  summarySheet.getColumn(1).width = 30;
  summarySheet.getColumn(2).width = 30;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
