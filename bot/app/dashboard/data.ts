/**
 * What each dashboard page shows, as blocks: a chart and the table behind it (or a tree of
 * units with the table behind it). Everything is read for one unit's subtree only, from the
 * reports' own builders (with their small-count suppression) and the features' interfaces;
 * no asker is ever read, so an anonymous question cannot appear as anyone's.
 */
import type { UnitView } from "../../core/context.ts";
import { formatDate } from "../../core/time.ts";
import { subtreeUnits } from "../../domain/org.ts";
import { buildDialogueReport, type Count } from "../../../handlers/dialogue/report.ts";
import { labelOf, topicLabels } from "../../../handlers/dialogue/api.ts";
import { completion } from "../../../handlers/guides/service.ts";
import { buildDeadlinesReport } from "../../../handlers/deadlines/report.ts";
import { buildVolunteersReport } from "../../../handlers/volunteers/report.ts";
import { dashboardText as T } from "../../../prompts/vi/dashboard.ts";
import { indicatorsBlocks } from "./indicators.ts";
import { sessionsBlocks } from "./sessions.ts";
import { COLORS, lastMonths, monthLabel, PALETTE, type Block, type Cell, type Deps, type TreeNode } from "./blocks.ts";

export type PageKey = keyof typeof T.pages;
export const PAGES = Object.keys(T.pages) as PageKey[];

/** A count the chart can draw: a hidden small count ("<5") is left out of the chart, never guessed. */
const drawn = (c: Count): number | null => (typeof c === "number" ? c : null);
const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

export async function pageBlocks(d: Deps, unit: UnitView, page: PageKey, month: string): Promise<Block[]> {
  if (page === "dialogue") return dialogueBlocks(d, unit, month);
  if (page === "guides") return guidesBlocks(d, unit, month);
  if (page === "deadlines") return deadlinesBlocks(d, unit, month);
  if (page === "volunteers") return [...(await volunteersBlocks(d, unit, month)), ...(await indicatorsBlocks(d, unit, Number(month.slice(0, 4))))];
  return sessionsBlocks(d, unit, Number(month.slice(0, 4)));
}

async function dialogueBlocks(d: Deps, unit: UnitView, month: string): Promise<Block[]> {
  const C = T.dialogue.cols;
  const months = lastMonths(month, 6);
  const reports: Awaited<ReturnType<typeof buildDialogueReport>>[] = [];
  for (const m of months) reports.push(await buildDialogueReport(d.prisma, unit, m));
  const current = reports.at(-1)!;
  const topics = current.byTopic.filter((t) => reports.some((r) => r.byTopic.find((x) => x.topic === t.topic)?.questions));
  const byTopic: Block = {
    title: T.dialogue.byTopic,
    chart: {
      type: "bar",
      stacked: true,
      labels: months.map(monthLabel),
      datasets: topics.map((t, i) => ({ label: t.label, color: PALETTE[i % PALETTE.length], data: reports.map((r) => drawn(r.byTopic.find((x) => x.topic === t.topic)?.questions ?? 0)) })),
    },
    table: {
      columns: [{ label: C.topic }, ...months.map((m) => ({ label: monthLabel(m), num: true }))],
      rows: [
        ...topics.map((t) => [t.label, ...reports.map((r) => r.byTopic.find((x) => x.topic === t.topic)?.questions ?? 0)]),
        [T.total, ...reports.map((r) => r.totals.questions)],
      ],
    },
    note: T.hiddenNote,
  };
  const perMonth = {
    columns: [{ label: C.month }, { label: C.questions, num: true }, { label: C.answered, num: true }, { label: C.onTime, num: true }, { label: C.share, num: true }, { label: C.median, num: true }],
    rows: reports.map((r, i) => [monthLabel(months[i]!), r.totals.questions, r.totals.answered, r.totals.answeredOnTime, pct(r.totals.onTimeShare), r.totals.medianHoursToAnswer]),
  };
  const onTime: Block = {
    title: T.dialogue.onTime,
    chart: { type: "line", percent: true, labels: months.map(monthLabel), datasets: [{ label: C.share, color: COLORS.green, data: reports.map((r) => pct(r.totals.onTimeShare)) }] },
    table: perMonth,
  };
  const median: Block = {
    title: T.dialogue.median,
    chart: { type: "bar", labels: months.map(monthLabel), datasets: [{ label: C.median, color: COLORS.blue, data: reports.map((r) => r.totals.medianHoursToAnswer) }] },
    table: perMonth,
  };
  const overdue: Block = {
    title: T.dialogue.overdue(monthLabel(month)),
    chart: { type: "bar", horizontal: true, labels: current.overdueByUnit.map((o) => o.unitName), datasets: [{ label: C.overdue, color: COLORS.red, data: current.overdueByUnit.map((o) => drawn(o.overdue)) }] },
    table: { columns: [{ label: C.unit }, { label: C.overdue, num: true }], rows: current.overdueByUnit.map((o) => [o.unitName, o.overdue]) },
  };
  const open = await openQuestions(d, unit);
  const ages = [0, 0, 0, 0];
  for (const q of open) ages[q.age < 1 ? 0 : q.age <= 3 ? 1 : q.age <= 7 ? 2 : 3]!++;
  const openAge: Block = {
    title: T.dialogue.openAge,
    chart: { type: "bar", labels: [...T.dialogue.ages], datasets: [{ label: C.count, color: COLORS.amber, data: ages }] },
    table: { columns: [{ label: C.age_bucket }, { label: C.count, num: true }], rows: T.dialogue.ages.map((a, i) => [a, ages[i]!]) },
  };
  const openTable: Block = {
    title: T.dialogue.open,
    table: {
      columns: [{ label: C.ref }, { label: C.topic }, { label: C.text }, { label: C.holder }, { label: C.asked }, { label: C.age, num: true }, { label: C.late }],
      rows: open.map((q) => [q.ref, q.topic, q.text, q.holder, q.asked, q.age, q.late ? T.yes : T.no]),
    },
  };
  return [byTopic, onTime, median, overdue, openAge, openTable];
}

/**
 * Open questions held by units of the subtree, oldest first: a named question by its number,
 * an anonymous one by its public reference; never who asked, nor the asker's unit.
 */
async function openQuestions(d: Deps, unit: UnitView) {
  const units = await d.prisma.unit.findMany({ where: { path: { startsWith: unit.path } }, select: { id: true, name: true } });
  const names = new Map(units.map((u) => [u.id, u.name]));
  const rows = await d.prisma.question.findMany({
    // `held: { not: true }`: an equality on `held` would let SQLite read every question through the (held, createdAt) index
    where: { unitId: { in: [...names.keys()] }, status: "open", held: { not: true }, moderation: "approved" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 300,
    select: { id: true, anonymous: true, publicRef: true, topic: true, text: true, unitId: true, createdAt: true, dueAt: true },
  });
  const labels = await topicLabels(d.prisma);
  return rows.map((q) => ({
    ref: q.anonymous ? (q.publicRef ?? "—") : `#${q.id}`,
    topic: labelOf(labels, q.topic),
    text: q.text.length > 80 ? `${q.text.slice(0, 79)}…` : q.text,
    holder: names.get(q.unitId) ?? "",
    asked: formatDate(q.createdAt),
    age: Math.floor((d.now.getTime() - q.createdAt.getTime()) / 86_400_000),
    late: q.dueAt.getTime() < d.now.getTime(),
  }));
}

async function guidesBlocks(d: Deps, unit: UnitView, month: string): Promise<Block[]> {
  const C = T.guides.cols;
  const rows = await completion(d.prisma, unit, month);
  const units = await subtreeUnits(d.prisma, unit);
  const done = new Map(rows.map((r) => [r.unitId, r.confirmed]));
  // the tree: a branch is green or red; a unit above shows how many of its branches reported
  type Counted = TreeNode & { all: number; ok: number; children: Counted[] };
  const node = (u: UnitView): Counted => {
    if (u.isBranch) {
      const ok = done.get(u.id) ? 1 : 0;
      return { name: u.name, state: ok ? "done" : "todo", label: ok ? T.yes : T.no, children: [], all: 1, ok };
    }
    const children = units.filter((c) => c.parentId === u.id).map(node);
    const all = children.reduce((a, c) => a + c.all, 0);
    const ok = children.reduce((a, c) => a + c.ok, 0);
    const state: TreeNode["state"] = !all ? "none" : ok === all ? "done" : ok * 2 >= all ? "part" : "todo";
    return { name: u.name, state, label: T.guides.of(ok, all), children, all, ok };
  };
  const tree = node(unit);
  const groups: Counted[] = tree.children.length && tree.children.some((c) => c.children.length) ? tree.children : [tree];
  const tableRows = groups.map((g) => [g.name, g.ok, g.all - g.ok, g.all ? Math.round((g.ok / g.all) * 1000) / 10 : null]);
  const treeBlock: Block = {
    title: T.guides.tree(monthLabel(month)),
    tree,
    legend: T.guides.legend,
    chart: {
      type: "bar",
      stacked: true,
      horizontal: true,
      labels: groups.map((g) => g.name),
      datasets: [
        { label: C.done, color: COLORS.green, data: groups.map((g) => g.ok) },
        { label: C.notDone, color: COLORS.red, data: groups.map((g) => g.all - g.ok) },
      ],
    },
    table: { columns: [{ label: C.unit }, { label: C.done, num: true }, { label: C.notDone, num: true }, { label: C.share, num: true }], rows: tableRows },
  };
  const months = lastMonths(month, 6);
  const trend: number[] = [];
  const trendRows: Cell[][] = [];
  for (const m of months) {
    const r = m === month ? rows : await completion(d.prisma, unit, m);
    const ok = r.filter((x) => x.confirmed).length;
    trend.push(r.length ? Math.round((ok / r.length) * 1000) / 10 : 0);
    trendRows.push([monthLabel(m), ok, r.length - ok, trend.at(-1)!]);
  }
  const trendBlock: Block = {
    title: T.guides.trend,
    chart: { type: "line", percent: true, labels: months.map(monthLabel), datasets: [{ label: C.share, color: COLORS.green, data: trend }] },
    table: { columns: [{ label: C.month }, { label: C.done, num: true }, { label: C.notDone, num: true }, { label: C.share, num: true }], rows: trendRows },
  };
  const list: Block = {
    title: T.guides.branches,
    table: {
      columns: [{ label: C.branch }, { label: C.parent }, { label: C.confirmed }, { label: C.attendees, num: true }, { label: C.date }],
      rows: rows.map((r) => [r.name, r.parentName, r.confirmed ? T.yes : T.no, r.attendees, r.date]),
    },
  };
  return [treeBlock, trendBlock, list];
}

async function deadlinesBlocks(d: Deps, unit: UnitView, month: string): Promise<Block[]> {
  const C = T.deadlines.cols;
  const rows = await buildDeadlinesReport(d.prisma, unit, month, d.now);
  const statuses = ["on_time", "late", "overdue", "open"] as const;
  const colors = { on_time: COLORS.green, late: COLORS.amber, overdue: COLORS.red, open: COLORS.grey };
  const byUnit = new Map<string, Record<(typeof statuses)[number], number>>();
  for (const r of rows) {
    const c = byUnit.get(r.unit_name) ?? { on_time: 0, late: 0, overdue: 0, open: 0 };
    c[r.status]++;
    byUnit.set(r.unit_name, c);
  }
  const names = [...byUnit.keys()].sort((a, b) => a.localeCompare(b, "vi"));
  return [
    {
      title: T.deadlines.byUnit(monthLabel(month)),
      chart: {
        type: "bar",
        stacked: true,
        horizontal: true,
        labels: names,
        datasets: statuses.map((st) => ({ label: T.deadlines.statuses[st]!, color: colors[st], data: names.map((n) => byUnit.get(n)![st]) })),
      },
      table: {
        columns: [{ label: C.unit }, ...statuses.map((st) => ({ label: T.deadlines.statuses[st]!, num: true }))],
        rows: names.map((n) => [n, ...statuses.map((st) => byUnit.get(n)![st])]),
      },
    },
    {
      title: T.deadlines.tasks,
      table: {
        columns: [{ label: C.task }, { label: C.given }, { label: C.unit }, { label: C.due }, { label: C.done }, { label: C.status }],
        rows: rows.map((r) => [r.title, r.given_by, r.unit_name, r.due, r.done_at, T.deadlines.statuses[r.status] ?? r.status]),
      },
    },
  ];
}

async function volunteersBlocks(d: Deps, unit: UnitView, month: string): Promise<Block[]> {
  const C = T.volunteers.cols;
  const year = Number(month.slice(0, 4));
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
  const per = [];
  for (const m of months) per.push(await buildVolunteersReport(d.prisma, unit, m));
  const campaigns = per.flatMap((r) => r.campaigns);
  return [
    {
      title: T.volunteers.byMonth(year),
      chart: {
        type: "bar",
        labels: months.map(monthLabel),
        datasets: [
          { label: C.confirmed, color: COLORS.blue, data: per.map((r) => r.campaigns.reduce((a, c) => a + c.confirmed, 0)) },
          { label: C.personTimes, color: COLORS.green, data: per.map((r) => r.campaigns.reduce((a, c) => a + c.person_times, 0)) },
        ],
      },
      table: {
        columns: [{ label: C.month }, { label: C.campaigns, num: true }, { label: C.confirmed, num: true }, { label: C.personTimes, num: true }],
        rows: per.map((r, i) => [monthLabel(months[i]!), r.campaigns.length, r.campaigns.reduce((a, c) => a + c.confirmed, 0), r.campaigns.reduce((a, c) => a + c.person_times, 0)]),
      },
    },
    {
      title: T.volunteers.campaigns(year),
      chart: {
        type: "bar",
        labels: campaigns.map((c) => c.title),
        datasets: [
          { label: C.capacity, color: COLORS.grey, data: campaigns.map((c) => c.capacity) },
          { label: C.confirmed, color: COLORS.blue, data: campaigns.map((c) => c.confirmed) },
          { label: C.personTimes, color: COLORS.green, data: campaigns.map((c) => c.person_times) },
        ],
      },
      table: {
        columns: [{ label: C.campaign }, { label: C.starts }, { label: C.capacity, num: true }, { label: C.confirmed, num: true }, { label: C.waitlist, num: true }, { label: C.personTimes, num: true }],
        rows: campaigns.map((c) => [c.title, c.starts_at, c.capacity, c.confirmed, c.waitlist, c.person_times]),
      },
    },
  ];
}

