/** The shape of a dashboard page: blocks of a chart and the table behind it (or a tree of units). */
import type { Db } from "../../../prisma/db.ts";
import type { Secrets } from "../../core/secrets.ts";
import { parseMonthKey, vnDate } from "../../core/time.ts";

export type Cell = string | number | null;
export interface Block {
  title: string;
  chart?: {
    type: "bar" | "line";
    stacked?: boolean;
    horizontal?: boolean;
    /** the axis is a percentage (0–100) */
    percent?: boolean;
    labels: string[];
    datasets: { label: string; data: (number | null)[]; color?: string }[];
  };
  tree?: TreeNode;
  legend?: string;
  table: { columns: { label: string; num?: boolean }[]; rows: Cell[][] };
  note?: string;
}
export interface TreeNode {
  name: string;
  state: "done" | "todo" | "part" | "none";
  label: string;
  children: TreeNode[];
}

export type Deps = { prisma: Db; secrets: Secrets; now: Date };

export const COLORS = { green: "#2e7d32", red: "#c62828", amber: "#f9a825", blue: "#1565c0", grey: "#9e9e9e", purple: "#6a1b9a", teal: "#00838f" };
export const PALETTE = [COLORS.blue, COLORS.green, COLORS.amber, COLORS.red, COLORS.purple, COLORS.teal, "#ef6c00", "#5d4037", "#283593", "#ad1457", COLORS.grey];

export const monthLabel = (m: string) => `${m.slice(5)}/${m.slice(0, 4)}`;
/** The `n` months ending with `month`, oldest first. */
export function lastMonths(month: string, n: number): string[] {
  const p = parseMonthKey(month)!;
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const t = p.year * 12 + (p.month - 1) - i;
    out.push(`${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`);
  }
  return out;
}

/** The Vietnam-time bounds of a year. */
export function yearBounds(year: number): { from: Date; to: Date } {
  return { from: vnDate(year, 1, 1), to: vnDate(year + 1, 1, 1) };
}
