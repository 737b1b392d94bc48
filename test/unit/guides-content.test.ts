import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GUIDES_DIR, loadGuides, renderCommon, renderGuide, yearTheme } from "../../handlers/guides/content.ts";
import { stripMarkup } from "../../bot/core/text.ts";

/** The key dates of reference/domain.md, by month: every guide must carry those of its month. */
const DOMAIN_DATES: Record<number, string[]> = {
  1: ["09/01"],
  2: ["03/02"],
  3: ["26/03"],
  4: ["30/04"],
  5: ["01/05", "07/05", "15/05", "19/05"],
  6: ["01/06"],
  7: ["27/07"],
  8: ["19/08"],
  9: ["02/09"],
  10: ["15/10", "20/10"],
  11: ["20/11"],
  12: ["22/12"],
};

const PLACEHOLDER = /TODO|TBD|FIXME|lorem|ipsum|xxx|\?\?\?|\{\{|\}\}|<[a-z]+>|nội dung ở đây|placeholder/i;
/** Vietnamese text has diacritics; a line of ASCII-only words of length > 40 is a sign of unaccented text. */
const hasDiacritics = (s: string) => /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i.test(s);

describe("monthly guide content", () => {
  const set = loadGuides();

  it("When the twelve guides and the year file are loaded, then all parse and each month is its own file", () => {
    expect([...set.months.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const [m, g] of set.months) expect(g.month).toBe(m);
    expect(set.year.default.length).toBeGreaterThan(5);
    expect(yearTheme(2024)).toBe("Năm Thanh niên tình nguyện");
    expect(yearTheme(2026)).toBe(set.year.years["2026"]);
    expect(yearTheme(2099)).toBe(set.year.default);
  });

  it("When a guide is read, then it has 3–5 activities, each with several concrete steps", () => {
    for (const g of set.months.values()) {
      expect(g.activities.length).toBeGreaterThanOrEqual(3);
      expect(g.activities.length).toBeLessThanOrEqual(5);
      for (const a of g.activities) {
        expect(a.how.length).toBeGreaterThanOrEqual(3);
        const how = a.how.join(" ");
        expect(how).toMatch(/Chuẩn bị/);
        expect(how).toMatch(/Tiến hành/);
        expect(how).toMatch(/Thời gian/);
        expect(how).toMatch(/Phụ trách/);
      }
      expect(g.report_back.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("When a guide's key dates are read, then they include every date of domain.md for that month", () => {
    for (const [m, dates] of Object.entries(DOMAIN_DATES)) {
      const g = set.months.get(Number(m))!;
      const have = g.key_dates.map((k) => k.date);
      for (const d of dates) expect(have, `month ${m} misses ${d}`).toContain(d);
    }
    // March is Tháng Thanh niên
    expect(set.months.get(3)!.theme).toContain("Tháng Thanh niên");
  });

  it("When the files are scanned, then there is no placeholder text and every text is Vietnamese with diacritics", () => {
    for (let m = 1; m <= 12; m++) {
      const raw = readFileSync(join(GUIDES_DIR, `${String(m).padStart(2, "0")}.yaml`), "utf8");
      expect(raw).not.toMatch(PLACEHOLDER);
      // dates written in the prose are dd/mm or dd/mm/yyyy, never 9/1
      expect(raw).not.toMatch(/(?<![\d/])(\d\/\d{1,2}|\d{1,2}\/\d)(\/\d{4})?(?![\d/])/);
      const g = set.months.get(m)!;
      const texts = [g.theme, ...g.key_dates.map((k) => k.text), ...g.activities.flatMap((a) => [a.title, ...a.how]), ...g.report_back.map((r) => r.label)];
      for (const t of texts) expect(hasDiacritics(t), t).toBe(true);
    }
    expect(readFileSync(join(GUIDES_DIR, "year.yaml"), "utf8")).not.toMatch(PLACEHOLDER);
  });

  it("When a month is rendered, then dates are dd/mm/yyyy with the anniversary counted, and notes come from the top down", () => {
    const common = stripMarkup(renderCommon("2026-12"));
    expect(common).toContain("22/12/2026 — Kỷ niệm 82 năm Ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944 – 22/12/2026)");
    expect(common).toContain(`Chủ đề năm 2026: “${yearTheme(2026)}”`);
    expect(common).not.toMatch(/(^|[^/\d])\d{2}\/\d{2}(?!\/)\s—/m);
    const g = stripMarkup(
      renderGuide({
        month: "2026-05",
        unitName: "Chi đoàn A1",
        levels: [
          { unitName: "Đoàn xã A", depth: 1, notes: ["Lưu ý của xã"] },
          { unitName: "Tỉnh đoàn", depth: 0, notes: ["Lưu ý của tỉnh"] },
          { unitName: "Chi đoàn A1", depth: 2, notes: [] },
        ],
      }),
    );
    expect(g).toContain("THÁNG 05/2026");
    expect(g).toContain("19/05/2026 — Kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/05/1890 – 19/05/2026)");
    expect(g.indexOf("Lưu ý của Tỉnh đoàn:")).toBeGreaterThan(0);
    expect(g.indexOf("Lưu ý của Tỉnh đoàn:")).toBeLessThan(g.indexOf("Lưu ý của Đoàn xã A:"));
    expect(g).not.toContain("Lưu ý của Chi đoàn A1");
  });

  it("When a guide file is broken (2 activities), then loading fails with the file named", () => {
    const dir = mkdtempSync(join(tmpdir(), "guides-"));
    try {
      cpSync(GUIDES_DIR, dir, { recursive: true });
      const bad = readFileSync(join(dir, "04.yaml"), "utf8").split("\n  - title:").slice(0, 3).join("\n  - title:");
      writeFileSync(join(dir, "04.yaml"), bad.replace(/report_back:[\s\S]*$/, "") + "\nreport_back:\n  - \"Số đoàn viên dự\"\n");
      expect(() => loadGuides(dir)).toThrow(/04\.yaml/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
