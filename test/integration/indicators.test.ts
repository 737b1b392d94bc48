import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { branchCode, insertProvince, PROVINCE } from "../helpers/province.ts";
import { testProvider } from "../helpers/db.ts";
import { stripMarkup } from "../../bot/core/text.ts";
import { vnDate } from "../../bot/core/time.ts";
import { onboarding } from "../../handlers/onboarding/index.ts";
import { guides } from "../../handlers/guides/index.ts";
import { indicators } from "../../handlers/indicators/index.ts";
import { fileReports } from "../../handlers/guides/api.ts";
import { indicatorProgress, indicatorsReport, recordIndicators, removeIndicatorSource, setTarget } from "../../handlers/indicators/api.ts";
import { indicatorsText as T } from "../../prompts/vi/indicators.ts";
import { reportText as R } from "../../prompts/vi/guides.ts";

const RATINGS = ["vung_manh", "kha", "trung_binh", "yeu"] as const;
/** The figures of branch number i (0-based) in its December report. */
const figures = (i: number) => ({ attendees: 10 + (i % 30), rating: RATINGS[i % 4]!, recruits: i % 5, awards: null, photo: null });

/**
 * Issue 10 item 2 on a province of 1 province, 10 districts, 100 communes and 2,000 branches:
 * every branch files its December report (three through the chat, the rest through the bulk
 * filing use case) and the province's `report indicators` is the sum of the branch entries,
 * against the targets the province and its districts assigned.
 */
describe(`indicators and targets over 2,000 branches (${testProvider()})`, () => {
  let h: Harness;
  let province: TestUser, district: TestUser, other: TestUser;
  const chat = [branchCode(1, 1, 1), branchCode(1, 1, 2), branchCode(10, 10, 20)];
  const expected = { attendance: 0, recruits: 0, good: 0, h01: { attendance: 0, recruits: 0, good: 0, n: 0 } };

  beforeAll(async () => {
    h = await Harness.create({ org: TEST_ORG, features: [onboarding, guides, indicators], now: vnDate(2026, 12, 1, 20, 0) });
    await insertProvince(h.s.prisma);
    province = h.user("Bí thư Tỉnh đoàn");
    district = h.user("Bí thư Huyện đoàn 1");
    other = h.user("Bí thư Huyện đoàn 2");
    await h.join(province, "cadre", "TINH-BA");
    await h.join(district, "cadre", "H01");
    await h.join(other, "cadre", "H02");
    const branches = await h.s.prisma.unit.findMany({ where: { isBranch: true, path: { startsWith: (await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "TINH-BA" } })).path } }, orderBy: { code: "asc" } });
    expect(branches).toHaveLength(PROVINCE.districts * PROVINCE.communesPerDistrict * PROVINCE.branchesPerCommune);
    const bulk = [];
    for (const [i, b] of branches.entries()) {
      const f = figures(i);
      expected.attendance += f.attendees;
      expected.recruits += f.recruits;
      expected.good += f.rating === "vung_manh" || f.rating === "kha" ? 1 : 0;
      if (b.code.startsWith("H01-")) {
        expected.h01.attendance += f.attendees;
        expected.h01.recruits += f.recruits;
        expected.h01.good += f.rating === "vung_manh" || f.rating === "kha" ? 1 : 0;
        expected.h01.n++;
      }
      const idx = chat.indexOf(b.code);
      if (idx < 0) {
        bulk.push({ unitId: b.id, personId: 1, answers: f });
        continue;
      }
      // through the chat: a secretary of the branch files it
      const sec = h.user(`Bí thư ${b.code}`);
      await h.join(sec, "secretary", b.code);
      const label = { vung_manh: "Vững mạnh", kha: "Khá", trung_binh: "Trung bình", yeu: "Yếu" }[f.rating];
      const [r] = await h.send(sec, `/dasinhhoat ${f.attendees} | ${label} | ${f.recruits}`);
      expect(r!.text).toContain(R.saved(b.name, "2026-12"));
    }
    expect(await fileReports(h.s, "2026-12", bulk)).toBe(branches.length - chat.length);
  }, 120_000);

  afterAll(async () => h?.close());

  it("When the province and a district assign targets, then /chitieu and `report indicators` give the sums of every branch against them", async () => {
    // the province sets its own targets and assigns parts to its districts; a district to its communes
    expect((await h.send(province, "/chitieu TINH-BA | recruits_visited | 5.000"))[0]!.text).toBe(T.set("Tỉnh đoàn Bình An", 2026, "Thanh niên trong diện nhập ngũ được thăm hỏi, động viên", 5000, "người"));
    await h.send(province, "/chitieu TINH-BA | branches_good | 85");
    await h.send(province, "/chitieu TINH-BA | meetings_held | 24000");
    expect((await h.send(province, "/chitieu H01 | recruits_visited | 600"))[0]!.text).toContain("600");
    for (let d = 2; d <= 10; d++) await setTarget(h.s.prisma, { unitId: (await h.s.prisma.unit.findUniqueOrThrow({ where: { code: `H${String(d).padStart(2, "0")}` } })).id, year: 2026, indicator: "recruits_visited", value: 500 });
    await h.send(district, "/chitieu H01-X01 | recruits_visited | 60");

    const tinh = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "TINH-BA" } });
    const json = JSON.parse(await indicatorsReport(h.s.prisma, tinh, 2026, "json")) as {
      indicators: { key: string; actual: number | null; target: number | null; assigned: number | null; percent: number | null; reported: number }[];
      children: { code: string; indicators: { key: string; actual: number | null; target: number | null }[] }[];
    };
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

    // CSV with Vietnamese headers, one line per unit and indicator; counts only
    const csv = (await indicatorsReport(h.s.prisma, tinh, 2026, "csv")).replace(/^\ufeff/, "").trim().split("\r\n");
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
  });

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
