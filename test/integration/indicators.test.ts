import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness, type TestUser } from "../helpers/harness.ts";
import { branchCode, provinceOrgYaml, PROVINCE } from "../helpers/province.ts";
import { runCli } from "../helpers/process.ts";
import { testProvider } from "../helpers/db.ts";
import { stripMarkup } from "../../bot/core/text.ts";
import { vnDate } from "../../bot/core/time.ts";
import { onboarding } from "../../handlers/onboarding/index.ts";
import { guides } from "../../handlers/guides/index.ts";
import { indicators } from "../../handlers/indicators/index.ts";
import { indicatorProgress, recordIndicators, removeIndicatorSource } from "../../handlers/indicators/api.ts";
import { indicatorsText as T } from "../../prompts/vi/indicators.ts";
import { fieldText as F, reportText as R } from "../../prompts/vi/guides.ts";

const RATINGS = ["vung_manh", "kha", "trung_binh", "yeu"] as const;
const LABEL = { vung_manh: "Vững mạnh", kha: "Khá", trung_binh: "Trung bình", yeu: "Yếu" } as const;
/** The figures of branch number i (0-based, by code) in its December report. */
const figures = (i: number) => ({ attendees: 10 + (i % 30), rating: RATINGS[i % 4]!, recruits: i % 5 });
const good = (r: string) => (r === "vung_manh" || r === "kha" ? 1 : 0);

interface IndicatorsJson {
  indicators: { key: string; actual: number | null; target: number | null; assigned: number | null; percent: number | null; reported: number }[];
  children: { code: string; indicators: { key: string; actual: number | null; target: number | null }[] }[];
}

/**
 * Issue 10, first check, from outside: a province of 1 province, 10 districts, 100 communes and
 * 2,000 branches imported with the compiled CLI's `org:import`; three branches file their
 * December report through the chat, the 1,997 others through `reports:import` (a district
 * office entering paper reports from a CSV file); targets set with `targets:set` and `/chitieu`;
 * the CLI's `report indicators` for the province is the sum of the branch entries, against them.
 */
describe(`indicators and targets over 2,000 branches (${testProvider()})`, () => {
  let h: Harness;
  let env: Record<string, string>;
  let dir: string;
  let province: TestUser, district: TestUser, other: TestUser;
  const chat = [branchCode(1, 1, 1), branchCode(1, 1, 2), branchCode(10, 10, 20)];
  const expected = { attendance: 0, recruits: 0, good: 0, h01: { attendance: 0, recruits: 0, n: 0 } };
  const cli = async (...args: string[]) => {
    const r = await runCli(args, env);
    if (r.code !== 0) throw new Error(`${args.join(" ")} exited ${r.code}:\n${r.stderr}`);
    return r.stdout;
  };
  const indicatorsJson = async () => JSON.parse(await cli("report", "indicators", "--unit", "TINH-BA", "--year", "2026", "--format", "json")) as IndicatorsJson;

  beforeAll(async () => {
    h = await Harness.create({ features: [onboarding, guides, indicators], now: vnDate(2026, 12, 1, 20, 0) });
    env = { DATABASE_URL: h.s.config.DATABASE_URL, APP_SECRET: "cli-test-secret-0123456789", DEMO: "off", LOG_LEVEL: "silent" };
    dir = mkdtempSync(join(tmpdir(), "indicators-"));
    writeFileSync(join(dir, "province.yaml"), provinceOrgYaml());
    expect(JSON.parse(await cli("org:import", join(dir, "province.yaml")))).toEqual({ units: 2111, routing: 0, invites: 0 });

    province = h.user("Bí thư Tỉnh đoàn");
    district = h.user("Bí thư Huyện đoàn 1");
    other = h.user("Bí thư Huyện đoàn 2");
    await h.join(province, "cadre", "TINH-BA");
    await h.join(district, "cadre", "H01");
    await h.join(other, "cadre", "H02");

    // the operator asks for the file's columns and the province's branches, fills it in
    const template = (await cli("reports:import", "--month", "2026-12", "--template", "--unit", "TINH-BA")).trim().split("\r\n");
    expect(template[0]).toBe("branch,attendees,rating,recruits,awards");
    const codes = template.slice(1).map((l) => l.split(",")[0]!);
    expect(codes).toHaveLength(PROVINCE.districts * PROVINCE.communesPerDistrict * PROVINCE.branchesPerCommune);
    const lines = [template[0]!];
    for (const [i, code] of codes.entries()) {
      const f = figures(i);
      expected.attendance += f.attendees;
      expected.recruits += f.recruits;
      expected.good += good(f.rating);
      if (code.startsWith("H01-")) {
        expected.h01.attendance += f.attendees;
        expected.h01.recruits += f.recruits;
        expected.h01.n++;
      }
      if (!chat.includes(code)) {
        // labels as on paper, values as keys: both are what the chat form takes
        lines.push(`${code},${f.attendees},${i % 2 ? LABEL[f.rating] : f.rating},${f.recruits},${i % 7 ? "" : `"Khen, chi đoàn ${code}"`}`);
        continue;
      }
      // through the chat: a secretary of the branch files it in one line
      const sec = h.user(`Bí thư ${code}`);
      await h.join(sec, "secretary", code);
      const [r] = await h.send(sec, `/dasinhhoat ${f.attendees} | ${LABEL[f.rating]} | ${f.recruits} | Đề xuất khen ${code}`);
      const [d, c, b] = /^H(\d+)-X(\d+)-CD(\d+)$/.exec(code)!.slice(1).map(Number);
      expect(r!.text).toContain(R.saved(`Chi đoàn ấp ${d}.${c}.${b}`, "2026-12"));
    }
    writeFileSync(join(dir, "reports.csv"), "\ufeff" + lines.join("\r\n") + "\r\n");
    expect(JSON.parse(await cli("reports:import", "--month", "2026-12", "--file", join(dir, "reports.csv")))).toEqual({ month: "2026-12", rows: 1997, created: 1997, updated: 0, unchanged: 0 });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("When targets are set with `targets:set` and `/chitieu`, then `report indicators` gives the sums of every branch against them", async () => {
    // a target of the province and a district's part through the CLI, the others through the chat
    await Promise.all([
      cli("targets:set", "--unit", "TINH-BA", "--year", "2026", "--indicator", "recruits_visited", "--value", "5000"),
      cli("targets:set", "--unit", "H01", "--year", "2026", "--indicator", "recruits_visited", "--value", "600"),
    ]);
    await h.send(province, "/chitieu TINH-BA | branches_good | 85");
    expect((await h.send(province, "/chitieu TINH-BA | meetings_held | 24000"))[0]!.text).toBe(T.set("Tỉnh đoàn Bình An", 2026, "Buổi sinh hoạt chi đoàn đã tổ chức", 24000, "buổi"));
    for (let d = 2; d <= 10; d++) expect((await h.send(province, `/chitieu H${String(d).padStart(2, "0")} | recruits_visited | 500`))[0]!.text).toContain("500");
    await h.send(district, "/chitieu H01-X01 | recruits_visited | 60");

    const [json, csvOut] = await Promise.all([indicatorsJson(), cli("report", "indicators", "--unit", "TINH-BA", "--year", "2026", "--format", "csv")]);
    const row = (k: string) => json.indicators.find((r) => r.key === k)!;
    expect(row("meetings_held")).toMatchObject({ actual: 2000, target: 24000, reported: 2000 });
    expect(row("meeting_attendance").actual).toBe(expected.attendance);
    expect(row("recruits_visited")).toMatchObject({ actual: expected.recruits, target: 5000, assigned: 600 + 9 * 500 });
    expect(row("recruits_visited").percent).toBe(Math.round((expected.recruits * 1000) / 5000) / 10);
    expect(row("branches_good")).toMatchObject({ actual: Math.round((expected.good * 1000) / 2000) / 10, target: 85, reported: 2000 });
    expect(row("trees_planted")).toMatchObject({ actual: 0, target: null });
    // the districts add up to the province, and H01 is the sum of its own branches
    expect(json.children).toHaveLength(10);
    const sum = (k: string) => json.children.reduce((s, c) => s + (c.indicators.find((r) => r.key === k)!.actual ?? 0), 0);
    expect(sum("meeting_attendance")).toBe(expected.attendance);
    expect(sum("recruits_visited")).toBe(expected.recruits);
    const h01 = json.children.find((c) => c.code === "H01")!;
    expect(h01.indicators.find((r) => r.key === "recruits_visited")).toMatchObject({ actual: expected.h01.recruits, target: 600 });
    expect(h01.indicators.find((r) => r.key === "meeting_attendance")!.actual).toBe(expected.h01.attendance);
    expect(h01.indicators.find((r) => r.key === "meetings_held")!.actual).toBe(expected.h01.n);

    // CSV with Vietnamese headers, one line per unit and indicator; counts only
    const csv = csvOut.replace(/^\ufeff/, "").trim().split("\r\n");
    expect(csv[0]).toBe("Mã đơn vị,Đơn vị,Phạm vi,Mã chỉ tiêu,Chỉ tiêu,Đơn vị tính,Kết quả,Chỉ tiêu giao,Đã giao cấp dưới,Tỷ lệ đạt (%),Số báo cáo");
    expect(csv).toHaveLength(1 + 11 * json.indicators.length);
    expect(csv.find((l) => l.startsWith("TINH-BA,") && l.includes(",recruits_visited,"))).toContain(`,${expected.recruits},5000,5100,`);

    // the chat view: the province line and the districts
    const shown = stripMarkup((await h.send(province, "/chitieu"))[0]!.text);
    expect(shown).toContain(T.header("Tỉnh đoàn Bình An", 2026));
    expect(shown).toContain(`${T.num(expected.recruits)} / ${T.num(5000)} người`);
    expect(shown).toContain(T.assignedOver(T.num(5100), T.num(5000)));
    expect(shown).toContain("• Huyện đoàn số 1:");
    const mine = stripMarkup((await h.send(district, "/chitieu 2026"))[0]!.text);
    expect(mine).toContain(T.header("Huyện đoàn số 1", 2026));
    expect(mine).toContain(`${T.num(expected.h01.recruits)} / ${T.num(600)} người`);
  }, 60_000);

  it("When a reports file has bad rows or a bad header, then every error is named with its line and nothing is filed", async () => {
    const before = { reports: await h.s.prisma.meetingReport.count(), values: JSON.stringify(await h.s.prisma.indicatorValue.findMany({ orderBy: { id: "asc" } })) };
    const bad = [
      "branch,attendees,rating,recruits",
      `${branchCode(2, 1, 1)},12,Khá,1`, // a good row: filed only if every row is
      `${branchCode(2, 1, 99)},12,Khá,1`,
      `${branchCode(2, 1, 2)},12,Tốt,1`,
      `${branchCode(2, 1, 3)},nhiều,Khá,1`,
      `${branchCode(2, 1, 4)},12,Khá`,
      "H02,12,Khá,1",
      `${branchCode(2, 1, 1)},13,Khá,1`,
      `${branchCode(2, 1, 5)},12,Khá,`,
    ];
    writeFileSync(join(dir, "bad.csv"), bad.join("\n") + "\n");
    writeFileSync(join(dir, "header.csv"), `branch,attendees,rating,photo,so_cay\n${branchCode(2, 1, 1)},12,Khá,-,3\n`);
    writeFileSync(join(dir, "scope.csv"), `branch,attendees,rating,recruits\n${branchCode(3, 1, 1)},12,Khá,1\n${branchCode(2, 1, 1)},12,Khá,1\n`);
    const [rows, header, scope] = await Promise.all([
      runCli(["reports:import", "--month", "2026-12", "--file", join(dir, "bad.csv")], env),
      runCli(["reports:import", "--month", "2026-12", "--file", join(dir, "header.csv")], env),
      // a district office's file: a branch of another district is refused
      runCli(["reports:import", "--month", "2026-12", "--unit", "H03", "--file", join(dir, "scope.csv")], env),
    ]);
    expect(scope.code).toBe(2);
    expect(scope.stderr.split("\n").filter((l) => l.includes(".csv:"))).toEqual([`${join(dir, "scope.csv")}:3: ${branchCode(2, 1, 1)} is not in H03`]);
    expect(rows.code).toBe(2);
    const err = (line: number) => rows.stderr.split("\n").filter((l) => l.startsWith(`${join(dir, "bad.csv")}:${line}: `)).map((l) => l.slice(l.indexOf(": ") + 2));
    expect(err(2)).toEqual([]);
    expect(err(3)).toEqual([`unknown unit "${branchCode(2, 1, 99)}"`]);
    expect(err(4)).toEqual([`rating: ${F.badChoice(["Vững mạnh", "Khá", "Trung bình", "Yếu"])}`]);
    expect(err(5)).toEqual([`attendees: ${F.badNumber(1000)}`]);
    expect(err(6)).toEqual(["3 cells, the header has 4"]);
    expect(err(7)).toEqual(["H02 is not a branch"]);
    expect(err(8)).toEqual([`${branchCode(2, 1, 1)} is already on line 2`]);
    expect(err(9)).toEqual([`recruits: ${F.required}`]);
    expect(rows.stderr).toContain("nothing imported: 7 error(s)");

    expect(header.code).toBe(2);
    expect(header.stderr).toContain('column "photo" is a photo field: it cannot be imported');
    expect(header.stderr).toContain('unknown column "so_cay"');
    expect(header.stderr).toContain('missing column "recruits"');

    expect(await h.s.prisma.meetingReport.count()).toBe(before.reports);
    expect(JSON.stringify(await h.s.prisma.indicatorValue.findMany({ orderBy: { id: "asc" } }))).toBe(before.values);
  }, 60_000);

  it("When the reports file is imported again with a correction, then only the corrected branch changes, each branch counts once and the audit names the operator", async () => {
    const sec = chat[0]!;
    const unit = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: sec } });
    const i2 = (await h.s.prisma.unit.findMany({ where: { isBranch: true }, orderBy: { code: "asc" }, select: { code: true } })).findIndex((u) => u.code === branchCode(3, 1, 1));
    const f2 = figures(i2);
    // a branch that filed in the chat corrected from paper (its other answers kept), and one unchanged
    writeFileSync(join(dir, "again.csv"), `branch,attendees,rating,recruits\n${sec},15,Khá,4\n${branchCode(3, 1, 1)},${f2.attendees},${f2.rating},${f2.recruits}\n`);
    const f1 = figures(0);
    expect(JSON.parse(await cli("reports:import", "--month", "2026-12", "--file", join(dir, "again.csv")))).toEqual({ month: "2026-12", rows: 2, created: 0, updated: 1, unchanged: 1 });
    const report = await h.s.prisma.meetingReport.findUniqueOrThrow({ where: { unitId_month: { unitId: unit.id, month: "2026-12" } } });
    expect(report.attendees).toBe(15);
    expect(JSON.parse(report.answers)).toMatchObject({ attendees: 15, rating: "kha", recruits: 4, awards: `Đề xuất khen ${sec}` });
    expect(report.personId).toBe(0);

    const tinh = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "TINH-BA" } });
    const rows = (await indicatorProgress(h.s.prisma, tinh, 2026)).unit.rows;
    const row = (k: string) => rows.find((r) => r.indicator === k)!;
    expect(row("meetings_held").actual).toBe(2000);
    expect(row("meeting_attendance").actual).toBe(expected.attendance - f1.attendees + 15);
    expect(row("recruits_visited").actual).toBe(expected.recruits - f1.recruits + 4);

    const audit = await h.s.prisma.auditLog.findMany({ where: { action: { startsWith: "guides.meeting." }, actorId: null } });
    expect(audit).toHaveLength(1997 + 1);
    expect(audit.find((a) => a.entityId === String(unit.id))).toMatchObject({ action: "guides.meeting.updated", detail: expect.stringMatching(/^2026-12:15 cli:\S+$/) });
  }, 60_000);

  it("When a cadre names a unit outside their area, a grandchild, an unknown indicator or a bad value, then nothing is set", async () => {
    const before = await h.s.prisma.indicatorTarget.count();
    expect((await h.send(district, "/chitieu H02 | recruits_visited | 10"))[0]!.text).toBe(T.notInArea("H02"));
    expect((await h.send(district, "/chitieu H02"))[0]!.text).toBe(T.notInArea("H02"));
    expect((await h.send(province, `/chitieu ${branchCode(1, 1, 1)} | recruits_visited | 1`))[0]!.text).toBe(T.notAssignable(branchCode(1, 1, 1)));
    expect((await h.send(district, "/chitieu H01 | so_nguoi_vao_dang | 10"))[0]!.text).toContain(T.unknownIndicator("so_nguoi_vao_dang", "").slice(0, 30));
    expect((await h.send(district, "/chitieu H01 | branches_good | 120"))[0]!.text).toBe(T.badValue(100));
    expect((await h.send(district, "/chitieu H01 | recruits_visited | -5"))[0]!.text).toBe(T.badValue(100_000_000));
    expect((await h.send(district, "/chitieu H01 | recruits_visited | 5 | 2020"))[0]!.text).toBe(T.badYear);
    expect((await h.send(district, "/chitieu H01 | recruits_visited"))[0]!.text).toBe(T.usage);
    expect(await h.s.prisma.indicatorTarget.count()).toBe(before);
  });

  it("When a source records its figures again or corrects them, then each source counts once; removing it takes its figures away", async () => {
    const unit = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "H03" } });
    const tinh = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "TINH-BA" } });
    const trees = async () => (await indicatorProgress(h.s.prisma, tinh, 2026)).unit.rows.find((r) => r.indicator === "trees_planted")!.actual;
    await recordIndicators(h.s.prisma, { source: "campaign:test-1", unitId: unit.id, period: "2026-07", values: { trees_planted: 120, blood_units: 30 } });
    await recordIndicators(h.s.prisma, { source: "campaign:test-1", unitId: unit.id, period: "2026-07", values: { trees_planted: 120, blood_units: 30 } });
    expect(await trees()).toBe(120);
    await recordIndicators(h.s.prisma, { source: "campaign:test-1", unitId: unit.id, period: "2026-07", values: { trees_planted: 150 } });
    expect(await trees()).toBe(150);
    expect(await h.s.prisma.indicatorValue.count({ where: { source: "campaign:test-1" } })).toBe(1);
    await expect(recordIndicators(h.s.prisma, { source: "x", unitId: unit.id, period: "2026-13", values: {} })).rejects.toThrow(/period/);
    await expect(recordIndicators(h.s.prisma, { source: "x", unitId: unit.id, period: "2026", values: { nope: 1 } })).rejects.toThrow(/unknown indicator/);
    await removeIndicatorSource(h.s.prisma, "campaign:test-1");
    expect(await trees()).toBe(0);
  });
});
