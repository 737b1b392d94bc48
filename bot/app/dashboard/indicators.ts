/** The indicators of the volunteers page: actual against target for the year (handlers/indicators/api.ts). */
import type { UnitView } from "../../core/context.ts";
import { indicatorProgress } from "../../../handlers/indicators/api.ts";
import { dashboardText as T } from "../../../prompts/vi/dashboard.ts";
import { COLORS, type Block, type Deps } from "./blocks.ts";

const PALETTE = [COLORS.blue, COLORS.green, COLORS.amber, COLORS.purple, COLORS.teal];

export async function indicatorsBlocks(d: Deps, unit: UnitView, year: number): Promise<Block[]> {
  const C = T.volunteers.cols;
  const p = await indicatorProgress(d.prisma, { id: unit.id, path: unit.path }, year);
  const rows = p.unit.rows.filter((r) => r.target !== null || (r.actual ?? 0) > 0);
  if (!rows.length) return [{ title: T.volunteers.indicators(year), table: { columns: [{ label: C.indicator }], rows: [] }, note: T.volunteers.noIndicators }];
  const withTarget = rows.filter((r) => r.target !== null).slice(0, PALETTE.length);
  const blocks: Block[] = [
    {
      title: T.volunteers.indicators(year),
      chart: {
        type: "bar",
        horizontal: true,
        percent: true,
        labels: rows.map((r) => r.label),
        datasets: [{ label: C.percent, color: COLORS.green, data: rows.map((r) => r.percent) }],
      },
      table: {
        columns: [{ label: C.indicator }, { label: C.measure }, { label: C.actual, num: true }, { label: C.target, num: true }, { label: C.percent, num: true }],
        rows: rows.map((r) => [r.label, r.measure, r.actual, r.target, r.percent]),
      },
    },
  ];
  if (p.children.length && withTarget.length) {
    const percentOf = (c: (typeof p.children)[number], key: string) => c.rows.find((r) => r.indicator === key)?.percent ?? null;
    blocks.push({
      title: T.volunteers.children(year),
      chart: {
        type: "bar",
        percent: true,
        labels: p.children.map((c) => c.unit.name),
        datasets: withTarget.map((r, i) => ({ label: r.label, color: PALETTE[i]!, data: p.children.map((c) => percentOf(c, r.indicator)) })),
      },
      table: {
        columns: [{ label: C.unit }, ...withTarget.map((r) => ({ label: r.label, num: true }))],
        rows: p.children.map((c) => [c.unit.name, ...withTarget.map((r) => percentOf(c, r.indicator))]),
      },
    });
  }
  return blocks;
}
