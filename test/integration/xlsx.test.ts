import ExcelJS from "exceljs";
import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureBuilt, ROOT } from "../helpers/compiled.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness, TEST_ORG } from "../helpers/harness.ts";
import { seedActiveProvince } from "../helpers/dashboard-province.ts";
import { REPORTS, renderReport, parseCsv, toXlsx } from "../../handlers/reports.ts";
import { indicatorsReport } from "../../handlers/indicators/api.ts";
import type { UnitView } from "../../bot/core/context.ts";

type Json = Record<string, unknown> & { totals?: Record<string, unknown> };

/** A cell as a reader sees it: a formula's cached result, a date, a number or text. */
const valueOf = (c: ExcelJS.Cell): unknown => {
  const v = c.value;
  if (v && typeof v === "object" && !(v instanceof Date) && "formula" in v) return v.result;
  return v;
};

/** A sheet as header → column of values (data rows only), and its total row when it has one. */
function readTable(ws: ExcelJS.Worksheet): { headers: string[]; rows: Record<string, unknown>[]; total: Record<string, ExcelJS.Cell> | null } {
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  let total: Record<string, ExcelJS.Cell> | null = null;
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.getCell(1).value === "Tổng cộng") {
      total = Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1)]));
      continue;
    }
    rows.push(Object.fromEntries(headers.map((h, i) => [h, valueOf(row.getCell(i + 1))])));
  }
  return { headers, rows, total };
}

/** The summary sheet as label → cell. */
function readSummary(wb: ExcelJS.Workbook): Map<string, ExcelJS.Cell> {
  const ws = wb.getWorksheet("Tổng quan")!;
  const out = new Map<string, ExcelJS.Cell>();
  for (let r = 2; r <= ws.rowCount; r++) out.set(String(ws.getCell(r, 1).value), ws.getCell(r, 2));
  return out;
}

/** "HH:MM dd/mm/yyyy" or "dd/mm/yyyy" of a spreadsheet date (its figures are Vietnam wall-clock time). */
const shown = (d: unknown, time: boolean) => {
  const x = d as Date;
  const p = (n: number) => String(n).padStart(2, "0");
  const day = `${p(x.getUTCDate())}/${p(x.getUTCMonth() + 1)}/${x.getUTCFullYear()}`;
  return time ? `${p(x.getUTCHours())}:${p(x.getUTCMinutes())} ${day}` : day;
};

/** A formula's cached result equals what the formula computes over the sheet's cells. */
function checkSum(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): void {
  const v = cell.value as ExcelJS.CellFormulaValue;
  const m = /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(v.formula);
  expect(m, v.formula).not.toBeNull();
  let sum = 0;
  for (let r = Number(m![2]); r <= Number(m![4]); r++) {
    const x = ws.getCell(`${m![1]}${r}`).value;
    if (typeof x === "number") sum += x;
  }
  expect(v.result).toBe(sum);
}

describe("Excel and CSV reports in Vietnamese", () => {
  let h: Harness;
  let tinh: UnitView;
  const deps = () => ({ prisma: h.s.prisma, secrets: h.s.secrets, now: h.clock.now() });
  const both = async (kind: string): Promise<{ json: Json; wb: ExcelJS.Workbook }> => {
    const json = JSON.parse(await REPORTS[kind]!(deps(), tinh, "2026-11", "json")) as Json;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderReport(kind, deps(), tinh, "2026-11", "xlsx")) as Buffer as unknown as ArrayBuffer);
    return { json, wb };
  };

  beforeAll(async () => {
    h = await Harness.create({ org: TEST_ORG, now: new Date("2026-11-25T02:00:00Z") });
    const cast = await h.cast();
    await seedActiveProvince(h.s.prisma, { youthId: await h.personId(cast.youth), cadreId: await h.personId(cast.cadre) });
    tinh = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "TINH" } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("When an operator runs `report dialogue --format xlsx` into a file, then the workbook holds the same sheets and figures as the dashboard's", async () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), "xlsx-cli-"));
    const file = join(dir, "report.xlsx");
    const fd = openSync(file, "w");
    const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", DATABASE_URL: h.s.config.DATABASE_URL, LOG_LEVEL: "silent" };
    // the report's figures do not depend on the key; PostgreSQL requires one outside the database
    env.APP_SECRET = h.s.config.APP_SECRET ?? "xlsx-cli-test-secret-0123456789";
    const child = spawn(process.execPath, ["dist/bot/app/cli.js", "report", "dialogue", "--unit", "TINH", "--month", "2026-11", "--format", "xlsx"], { cwd: ROOT, env, stdio: ["ignore", fd, "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((r) => child.on("exit", r));
    closeSync(fd);
    expect(code, stderr).toBe(0);
    const fromCli = new ExcelJS.Workbook();
    await fromCli.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    rmSync(dir, { recursive: true, force: true });
    const { wb } = await both("dialogue");
    expect(fromCli.worksheets.map((w) => w.name)).toEqual(wb.worksheets.map((w) => w.name));
    for (const ws of wb.worksheets) {
      const other = fromCli.getWorksheet(ws.name)!;
      expect(readTable(other).headers).toEqual(readTable(ws).headers);
      expect(readTable(other).rows).toEqual(readTable(ws).rows);
    }
  });

  it("When the dialogue report is read back from Excel, then every sheet holds the JSON report's figures under Vietnamese headers", async () => {
    const { json, wb } = await both("dialogue");
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng quan", "Theo chủ đề", "Quá hạn theo đơn vị"]);
    const sum = readSummary(wb);
    expect(valueOf(sum.get("Đơn vị")!)).toBe("Tỉnh đoàn Thử Nghiệm (TINH)");
    expect(valueOf(sum.get("Tháng")!)).toBe("11/2026");
    const totals = json.totals as Record<string, unknown>;
    expect(valueOf(sum.get("Số câu hỏi")!)).toBe(totals.questions);
    expect(valueOf(sum.get("Đã trả lời")!)).toBe(totals.answered);
    expect(valueOf(sum.get("Trả lời đúng hạn")!)).toBe(totals.answeredOnTime);
    expect(valueOf(sum.get("Tỷ lệ đúng hạn")!)).toBe(totals.onTimeShare);
    expect(valueOf(sum.get("Số giờ trả lời (trung vị)")!)).toBe(totals.medianHoursToAnswer);
    expect(typeof totals.questions).toBe("number");

    const ws = wb.getWorksheet("Theo chủ đề")!;
    const t = readTable(ws);
    expect(t.headers).toEqual(expect.arrayContaining(["Chủ đề", "Tên", "Số câu hỏi", "Đã trả lời", "Trả lời đúng hạn"]));
    const byTopic = json.byTopic as Record<string, unknown>[];
    expect(t.rows.map((r) => [r["Tên"], r["Số câu hỏi"]])).toEqual(byTopic.map((b) => [b.label, b.questions === 0 ? 0 : b.questions]));
    // a column with a hidden small count shows the report's own total; a full column adds up by formula
    expect(byTopic.some((b) => b.questions === "<5")).toBe(true);
    expect(valueOf(t.total!["Số câu hỏi"]!)).toBe(totals.questions);

    const od = readTable(wb.getWorksheet("Quá hạn theo đơn vị")!);
    expect(od.headers).toEqual(["Mã đơn vị", "Đơn vị", "Quá hạn"]);
    expect(od.rows.map((r) => r["Quá hạn"])).toEqual((json.overdueByUnit as { overdue: unknown }[]).map((o) => o.overdue));
  });

  it("When the deadlines report is read back, then statuses are in Vietnamese, dates are dates and the counts are COUNTIF formulas with the JSON figures", async () => {
    const { json, wb } = await both("deadlines");
    const ws = wb.getWorksheet("Việc được giao")!;
    const t = readTable(ws);
    expect(t.headers).toEqual(["Số việc", "Nội dung", "Đơn vị giao", "Mã đơn vị", "Đơn vị", "Hạn", "Hoàn thành lúc", "Tình trạng"]);
    const rows = json.rows as Record<string, string>[];
    const words: Record<string, string> = { on_time: "Đúng hạn", late: "Trễ hạn", overdue: "Quá hạn", open: "Chưa đến hạn" };
    expect(t.rows.map((r) => r["Tình trạng"])).toEqual(rows.map((r) => words[r.status!]));
    expect(t.rows.map((r) => shown(r["Hạn"], String(rows[0]!.due).includes(":")))).toEqual(rows.map((r) => r.due));
    const done = t.rows.map((r) => (r["Hoàn thành lúc"] instanceof Date ? shown(r["Hoàn thành lúc"], true) : (r["Hoàn thành lúc"] ?? "")));
    expect(done).toEqual(rows.map((r) => r.done_at));
    expect(ws.getCell("F2").numFmt).toMatch(/dd\/mm\/yyyy/);
    const sum = readSummary(wb);
    for (const [key, label] of Object.entries(words)) {
      const cell = sum.get(label)!;
      expect(valueOf(cell)).toBe((json.totals as Record<string, number>)[key]);
      expect((cell.value as ExcelJS.CellFormulaValue).formula).toContain(`COUNTIF('Việc được giao'!H2:H`);
    }
    expect(valueOf(sum.get("Ngày lập")!)).toBeInstanceOf(Date);
  });

  it("When the guides, volunteers and sessions reports are read back, then one sheet per section holds the JSON figures, totals as formulas", async () => {
    const g = await both("guides");
    const gs = readSummary(g.wb);
    expect(valueOf(gs.get("Số chi đoàn")!)).toBe(g.json.branches);
    expect((gs.get("Số chi đoàn")!.value as ExcelJS.CellFormulaValue).formula).toMatch(/^ROWS\(/);
    expect(valueOf(gs.get("Đã sinh hoạt")!)).toBe(g.json.confirmed);
    const gt = readTable(g.wb.getWorksheet("Sinh hoạt chi đoàn")!);
    expect(gt.rows.map((r) => [r["Mã chi đoàn"], r["Đã sinh hoạt"], r["Số người dự"] ?? null])).toEqual(
      (g.json.rows as Record<string, unknown>[]).map((r) => [r.branch_code, r.confirmed === "yes" ? "Có" : "Không", r.attendees]),
    );
    checkSum(g.wb.getWorksheet("Sinh hoạt chi đoàn")!, gt.total!["Số người dự"]!);

    const v = await both("volunteers");
    expect(v.wb.worksheets.map((w) => w.name)).toEqual(["Tổng quan", "Chiến dịch", "Người tham gia"]);
    const cs = v.wb.getWorksheet("Chiến dịch")!;
    const ct = readTable(cs);
    expect(ct.headers).toEqual(["Số chiến dịch", "Chiến dịch", "Bắt đầu", "Số chỗ", "Đã xác nhận", "Danh sách chờ", "Lượt tham gia"]);
    expect(valueOf(ct.total!["Lượt tham gia"]!)).toBe(v.json.person_times);
    checkSum(cs, ct.total!["Lượt tham gia"]!);
    checkSum(cs, ct.total!["Đã xác nhận"]!);
    expect(valueOf(readSummary(v.wb).get("Lượt tham gia")!)).toBe(v.json.person_times);
    const people = readTable(v.wb.getWorksheet("Người tham gia")!);
    expect(new Set(people.rows.map((r) => r["Trạng thái"]))).toEqual(new Set(["Đã xác nhận", "Danh sách chờ"]));
    expect(people.rows.filter((r) => r["Có mặt"] === "Vắng")).toHaveLength(1);

    const s = await both("sessions");
    expect(s.wb.worksheets.map((w) => w.name)).toEqual(["Tổng quan", "Theo đơn vị"]);
    const ss = s.wb.getWorksheet("Theo đơn vị")!;
    const st = readTable(ss);
    expect(st.headers).toEqual(expect.arrayContaining(["Mã đơn vị", "Đơn vị", "Đã tổ chức", "Kết quả"]));
    expect(st.rows.map((r) => [r["Mã đơn vị"], r["Đã tổ chức"]])).toEqual((s.json.rows as Record<string, unknown>[]).map((r) => [r.code, r.held]));
    checkSum(ss, st.total!["Đã tổ chức"]!);
    expect(valueOf(readSummary(s.wb).get("Số đơn vị đạt")!)).toBe(s.json.unitsMet);
  });

  it("When the indicators of the year are read back from Excel, then actual and target are the JSON report's, per indicator and per unit below", async () => {
    const json = JSON.parse(await indicatorsReport(h.s.prisma, tinh, 2026, "json")) as { indicators: Record<string, unknown>[]; children: { name: string; indicators: Record<string, unknown>[] }[] };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx("indicators", json)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng quan", "Chỉ tiêu", "Đơn vị trực thuộc"]);
    const t = readTable(wb.getWorksheet("Chỉ tiêu")!);
    expect(t.headers).toEqual(expect.arrayContaining(["Mã chỉ tiêu", "Chỉ tiêu", "Thực hiện", "Chỉ tiêu giao", "Tỷ lệ (%)"]));
    const turns = t.rows.find((r) => r["Mã chỉ tiêu"] === "volunteer_turns")!;
    const jt = json.indicators.find((r) => r.key === "volunteer_turns")!;
    expect([turns["Thực hiện"], turns["Chỉ tiêu giao"], turns["Tỷ lệ (%)"]]).toEqual([jt.actual, jt.target, jt.percent]);
    const c = readTable(wb.getWorksheet("Đơn vị trực thuộc")!);
    const xaA = c.rows.find((r) => r["Đơn vị"] === "Đoàn xã A" && r["Mã chỉ tiêu"] === "volunteer_turns")!;
    const jx = json.children.find((x) => x.name === "Đoàn xã A")!.indicators.find((r) => r.key === "volunteer_turns")!;
    expect([xaA["Thực hiện"], xaA["Chỉ tiêu giao"]]).toEqual([jx.actual, jx.target]);
  });

  it("When a report is asked as CSV, then its headers and status values are in Vietnamese and the JSON keeps its keys", async () => {
    const csv = (await renderReport("deadlines", deps(), tinh, "2026-11", "csv")) as string;
    const [head, ...rows] = parseCsv(csv);
    expect(head).toEqual(["Số việc", "Nội dung", "Đơn vị giao", "Mã đơn vị", "Đơn vị", "Hạn", "Hoàn thành lúc", "Tình trạng", "Ghi chú"]);
    expect(new Set(rows.map((r) => r[7]))).toEqual(new Set(["Đúng hạn", "Trễ hạn", "Quá hạn", "Chưa đến hạn"]));
    const dialogue = parseCsv((await renderReport("dialogue", deps(), tinh, "2026-11", "csv")) as string);
    expect(dialogue[0]).toEqual(["Phần", "Mã", "Tên", "Số câu hỏi", "Đã trả lời", "Trả lời đúng hạn", "Tỷ lệ đúng hạn", "Số giờ trả lời (trung vị)", "Quá hạn"]);
    expect(dialogue[1]![0]).toBe("Tổng cộng");
    const guides = parseCsv((await renderReport("guides", deps(), tinh, "2026-11", "csv")) as string);
    expect(guides[0]![3]).toBe("Đã sinh hoạt");
    expect(new Set(guides.slice(1).map((r) => r[3]))).toEqual(new Set(["Có", "Không"]));
    const json = JSON.parse((await renderReport("deadlines", deps(), tinh, "2026-11", "json")) as string);
    expect(Object.keys(json.totals)).toEqual(["on_time", "late", "overdue", "open"]);
  });
});
