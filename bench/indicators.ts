/**
 * `npm run bench -- indicators` (issue 10 item 2): a province of 1 province, 10 districts,
 * 100 communes and 2,000 branches imported with `org:import`'s code, every branch's December
 * report filed, then `report indicators` for the province computed (target < 1 s).
 */
import { Harness, TEST_ORG } from "../test/helpers/harness.ts";
import { importProvince } from "../test/helpers/province.ts";
import { vnDate } from "../bot/core/time.ts";
import { fileReports } from "../handlers/guides/api.ts";
import { indicatorProgress, indicatorsReport, setTarget } from "../handlers/indicators/api.ts";

export async function runIndicatorsBench(): Promise<Record<string, number>> {
  const h = await Harness.create({ org: TEST_ORG, now: vnDate(2026, 12, 20, 9, 0) });
  try {
    let t = performance.now();
    await importProvince(h.s.prisma);
    const importMs = performance.now() - t;
    const tinh = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "TINH-BA" } });
    const branches = await h.s.prisma.unit.findMany({ where: { isBranch: true, path: { startsWith: tinh.path } }, select: { id: true } });
    t = performance.now();
    await fileReports(h.s, "2026-12", branches.map((b, i) => ({ unitId: b.id, personId: 1, answers: { attendees: 10 + (i % 30), rating: i % 2 ? "kha" : "yeu", recruits: i % 5 } })));
    const fileMs = performance.now() - t;
    await setTarget(h.s.prisma, { unitId: tinh.id, year: 2026, indicator: "recruits_visited", value: 5000 });
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      await indicatorsReport(h.s.prisma, tinh, 2026, "csv");
      runs.push(performance.now() - t);
    }
    const reportMs = [...runs].sort((a, b) => a - b)[2]!;
    const p = await indicatorProgress(h.s.prisma, tinh, 2026);
    const ok = p.unit.rows.find((r) => r.indicator === "meetings_held")!.actual === branches.length;
    console.log(`org:import of ${branches.length} branches: ${(importMs / 1000).toFixed(1)} s; bulk filing: ${(fileMs / 1000).toFixed(1)} s`);
    console.log(`report indicators for the province (median of 5): ${reportMs.toFixed(0)} ms (target < 1000 ms) ${reportMs < 1000 && ok ? "OK" : "FAIL"}`);
    if (!(reportMs < 1000 && ok)) process.exitCode = 1;
    return { indicators_import_s: importMs / 1000, indicators_file_s: fileMs / 1000, indicators_report_ms: reportMs };
  } finally {
    await h.close();
  }
}
