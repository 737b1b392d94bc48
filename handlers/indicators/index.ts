/** `/chitieu`: yearly targets of a unit and its direct children, and actual against target for the subtree. */
import { z } from "zod";
import { pipeFields } from "../../bot/core/args.ts";
import type { Ctx, Feature, UnitView } from "../../bot/core/context.ts";
import { vnParts } from "../../bot/core/time.ts";
import { oneOf } from "../../bot/core/words.ts";
import { isInSubtree } from "../../bot/domain/org.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { indicatorWords, indicatorsText as T } from "../../prompts/vi/indicators.ts";
import { indicatorCatalogue, indicatorDef } from "./catalogue.ts";
import { indicatorProgress } from "./progress.ts";
import { MAX_VALUE, setTarget } from "./store.ts";

/** Children listed by /chitieu (the export has them all). */
const CHILD_LINES = 30;
const CLEAR = oneOf(indicatorWords.clear);

const fmt = (n: number | null) => (n === null ? T.noFigure : T.num(n));

function cadreUnits(ctx: Ctx): UnitView[] {
  const seen = new Map<number, UnitView>();
  for (const m of ctx.withRole("cadre", "admin")) seen.set(m.unitId, m.unit);
  return [...seen.values()].sort((a, b) => a.depth - b.depth);
}

const keysList = () => indicatorCatalogue().map((d, i) => `${i + 1}. ${d.key}`).join(", ");

async function show(ctx: Ctx, unit: UnitView, year: number): Promise<void> {
  const p = await indicatorProgress(ctx.s.prisma, unit, year);
  const lines = [T.header(unit.name, year), ""];
  p.unit.rows.forEach((r, i) => {
    lines.push(T.row(i + 1, r.label, fmt(r.actual), r.target === null ? null : T.num(r.target), r.measure, r.percent));
    if (r.assigned !== null) {
      lines.push(r.target !== null && r.assigned > r.target ? T.assignedOver(T.num(r.assigned), T.num(r.target)) : T.assigned(T.num(r.assigned), r.measure));
    }
  });
  if (p.children.length) {
    lines.push("", T.childrenTitle);
    for (const c of p.children.slice(0, CHILD_LINES)) {
      const parts = c.rows
        .filter((r) => r.target !== null || (r.actual !== null && r.actual > 0))
        .map((r) => T.childPart(r.label, fmt(r.actual), r.target === null ? null : T.num(r.target)));
      lines.push(T.childLine(c.unit.name, parts));
    }
    if (p.children.length > CHILD_LINES) lines.push(T.childrenMore(p.children.length - CHILD_LINES));
  }
  ctx.reply(lines.join("\n"));
}

function yearOf(text: string, now: Date): number | null {
  const y = Number(text);
  const current = vnParts(now).year;
  return /^\d{4}$/.test(text) && y >= current - 5 && y <= current + 1 ? y : null;
}

async function assign(ctx: Ctx, parts: string[]): Promise<void> {
  const [code = "", key = "", raw = "", yearText] = parts;
  if (parts.length < 3 || parts.length > 4) return ctx.reply(T.usage);
  const now = ctx.s.clock.now();
  const current = vnParts(now).year;
  const year = yearText === undefined ? current : Number(yearText);
  if (yearText !== undefined && (!/^\d{4}$/.test(yearText) || year < current || year > current + 1)) return ctx.reply(T.badYear);
  const unit = await ctx.s.prisma.unit.findUnique({ where: { code } });
  const mine = cadreUnits(ctx);
  if (!unit || !mine.some((m) => isInSubtree(unit.path, m.path))) return ctx.reply(T.notInArea(code));
  // a cadre sets the target of their own unit and assigns parts to its direct children
  if (!mine.some((m) => m.id === unit.id || m.id === unit.parentId)) return ctx.reply(T.notAssignable(code));
  const cat = indicatorCatalogue();
  const def = /^\d{1,2}$/.test(key) ? cat[Number(key) - 1] : indicatorDef(key.toLowerCase());
  if (!def) return ctx.reply(T.unknownIndicator(key, keysList()));
  if (CLEAR.test(raw)) {
    await setTarget(ctx.s.prisma, { unitId: unit.id, year, indicator: def.key, value: null, setById: ctx.person!.id, at: now });
    await ctx.audit("indicators.target.clear", "unit", unit.id, `${year}:${def.key}`);
    return ctx.reply(T.cleared(unit.name, year, def.label));
  }
  const max = def.kind === "share" ? 100 : MAX_VALUE;
  const clean = raw.replace(/[.,\s](?=\d{3}\b)/g, "");
  if (!/^\d{1,9}$/.test(clean) || Number(clean) > max) return ctx.reply(T.badValue(max));
  const value = Number(clean);
  await setTarget(ctx.s.prisma, { unitId: unit.id, year, indicator: def.key, value, setById: ctx.person!.id, at: now });
  await ctx.audit("indicators.target.set", "unit", unit.id, `${year}:${def.key}:${value}`);
  const lines = [T.set(unit.name, year, def.label, value, def.unit)];
  if (def.kind === "sum" && unit.parentId !== null) {
    // the parts given to the parent's children against the parent's own target
    const [parent, siblings] = await Promise.all([
      ctx.s.prisma.indicatorTarget.findUnique({ where: { unitId_year_indicator: { unitId: unit.parentId, year, indicator: def.key } } }),
      ctx.s.prisma.unit.findMany({ where: { parentId: unit.parentId }, select: { id: true } }),
    ]);
    if (parent) {
      const agg = await ctx.s.prisma.indicatorTarget.aggregate({ where: { year, indicator: def.key, unitId: { in: siblings.map((s) => s.id) } }, _sum: { value: true } });
      const sum = agg._sum.value ?? 0;
      if (sum > parent.value) lines.push(T.overParent(T.num(sum), T.num(parent.value)));
    }
  }
  ctx.reply(lines.join("\n"));
}

const UnitArgs = z.object({ unitId: z.number().int().positive(), year: z.number().int().min(2000).max(2100) });

export const indicators: Feature = {
  name: "indicators",
  commands: {
    chitieu: {
      scope: "own-subtree",
      roles: ["cadre", "admin"],
      async run(ctx) {
        const mine = cadreUnits(ctx);
        if (!mine.length) return ctx.reply(T.notCadre);
        const args = ctx.args.trim();
        if (args.includes("|")) return assign(ctx, pipeFields(args));
        const now = ctx.s.clock.now();
        let year = vnParts(now).year;
        let code: string | null = null;
        for (const part of args.split(/\s+/).filter(Boolean)) {
          const y = yearOf(part, now);
          if (y !== null) year = y;
          else if (!code && /^[A-Za-z0-9_.-]{1,40}$/.test(part) && !/^\d+$/.test(part)) code = part;
          else return ctx.reply(T.usage);
        }
        if (code) {
          const unit = await ctx.s.prisma.unit.findUnique({ where: { code } });
          if (!unit || !mine.some((m) => isInSubtree(unit.path, m.path))) return ctx.reply(T.notInArea(code));
          return show(ctx, unit, year);
        }
        if (mine.length === 1) return show(ctx, mine[0]!, year);
        ctx.reply(T.chooseUnit, mine.slice(0, 8).map((u) => ({ label: u.name, action: "indicators.show", args: { unitId: u.id, year } })));
      },
    },
  },
  actions: {
    "indicators.show": {
      roles: ["cadre", "admin"],
      async run(ctx, raw) {
        const a = UnitArgs.safeParse(raw);
        const unit = a.success ? cadreUnits(ctx).find((u) => u.id === a.data.unitId) : undefined;
        if (!a.success || !unit) return ctx.reply(coreText.choiceExpired);
        await show(ctx, unit, a.data.year);
      },
    },
  },
  async init() {
    // a broken catalogue is a configuration error at start
    indicatorCatalogue();
  },
};
