import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { bold } from "../../bot/core/text.ts";
import { fieldText, guidesText as T } from "../../prompts/vi/guides.ts";
import { indicatorDef } from "../indicators/api.ts";
import { reportFieldsSchema } from "./fields.ts";

/** Default location of the guide files: prompts/guides/ next to this module's project root. */
export const GUIDES_DIR = fileURLToPath(new URL("../../prompts/guides", import.meta.url));

const ddmm = z
  .string()
  .regex(/^\d{2}\/\d{2}$/, "date must be dd/mm")
  .refine((s) => {
    const [d, m] = s.split("/").map(Number) as [number, number];
    return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(2024, m, 0)).getUTCDate();
  }, "not a calendar date");

const text = z.string().trim().min(3);

export const guideSchema = z
  .object({
    month: z.number().int().min(1).max(12),
    theme: text,
    key_dates: z
      .array(
        z.object({
          date: ddmm,
          /** Year of the event: the guide shows "Kỷ niệm N năm …". */
          since: z.number().int().min(1000).max(2100).optional(),
          text,
        }),
      )
      .min(1),
    activities: z
      .array(z.object({ title: text, how: z.array(text).min(3) }))
      .min(3)
      .max(5),
    /** the typed report fields; the first is the attendance (`attendees`, a number) */
    report_back: reportFieldsSchema,
  })
  .strict()
  .superRefine((g, ctx) => {
    for (const [i, k] of g.key_dates.entries()) {
      if (Number(k.date.slice(3)) !== g.month) ctx.addIssue({ code: "custom", path: ["key_dates", i, "date"], message: "not in the guide's month" });
    }
    const first = g.report_back[0];
    if (first && (first.key !== "attendees" || first.type !== "number" || first.optional))
      ctx.addIssue({ code: "custom", path: ["report_back", 0], message: "the first field must be the attendance: key attendees, type number" });
    for (const [i, f] of g.report_back.entries()) {
      if (f.indicator && !indicatorDef(f.indicator)) ctx.addIssue({ code: "custom", path: ["report_back", i, "indicator"], message: `unknown indicator ${f.indicator}` });
    }
  });

export type Guide = z.infer<typeof guideSchema>;

export const yearSchema = z
  .object({
    default: text,
    years: z.record(z.string().regex(/^\d{4}$/), text).default({}),
  })
  .strict();

export type YearThemes = z.infer<typeof yearSchema>;

export interface GuideSet {
  months: Map<number, Guide>;
  year: YearThemes;
}

const cache = new Map<string, GuideSet>();

function readYaml<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const raw: unknown = parseYaml(readFileSync(`${dir}${file}`, "utf8"));
  const r = schema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new Error(`prompts/guides/${file}: ${first?.path.join(".") ?? ""} ${first?.message ?? "invalid"}`);
  }
  return r.data;
}

/** All twelve guides and the year themes, validated once and cached (throws on a bad file). */
export function loadGuides(dir = GUIDES_DIR): GuideSet {
  const root = dir.endsWith("/") ? dir : `${dir}/`;
  const hit = cache.get(root);
  if (hit) return hit;
  const months = new Map<number, Guide>();
  for (let m = 1; m <= 12; m++) {
    const file = `${String(m).padStart(2, "0")}.yaml`;
    const g = readYaml(root, file, guideSchema);
    if (g.month !== m) throw new Error(`prompts/guides/${file}: month is ${g.month}, expected ${m}`);
    months.set(m, g);
  }
  const set: GuideSet = { months, year: readYaml(root, "year.yaml", yearSchema) };
  cache.set(root, set);
  return set;
}

export function yearTheme(year: number, set = loadGuides()): string {
  return set.year.years[String(year)] ?? set.year.default;
}

function splitMonth(month: string): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new Error(`bad month ${month}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** The common text of a month's guide (themes, key dates, activities, what to report), no notes. */
export function renderCommon(month: string, set = loadGuides()): string {
  const { year, month: m } = splitMonth(month);
  const g = set.months.get(m);
  if (!g) throw new Error(`no guide for month ${m}`);
  const lines: string[] = [T.yearTheme(year, yearTheme(year, set)), T.monthTheme(g.theme), "", bold(T.keyDatesTitle)];
  for (const k of g.key_dates) {
    const date = `${k.date}/${year}`;
    const label = k.since !== undefined && k.since < year ? T.anniversary(year - k.since, k.text, `${k.date}/${k.since}`, date) : k.text;
    lines.push(T.keyDate(date, label));
  }
  lines.push("", bold(T.activitiesTitle));
  g.activities.forEach((a, i) => {
    lines.push(bold(T.activity(i + 1, a.title)));
    for (const step of a.how) lines.push(T.step(step));
  });
  lines.push("", bold(T.reportTitle));
  for (const r of g.report_back) lines.push(T.reportItem(r.label + (r.optional ? fieldText.optionalMark : "")));
  return lines.join("\n");
}

/** A note of an upper level, with the unit it comes from. */
export interface LevelNotes {
  unitName: string;
  depth: number;
  notes: string[];
}

export interface RenderInput {
  month: string;
  /** Name of the unit the guide is for (shown as the addressee). */
  unitName: string;
  /** Notes of every level above (any order; rendered from the top down). */
  levels: LevelNotes[];
  /** An approved adapted body, replacing the common text and the notes of levels down to `depth`. */
  adapted?: { unitName: string; depth: number; text: string } | null;
}

/**
 * The guide a unit receives: title, addressee, the common text (or an approved adapted
 * version), then the notes of every level above, labelled by unit name, from the top down.
 */
export function renderGuide(input: RenderInput, set = loadGuides()): string {
  const parts: string[] = [bold(T.title(input.month)), T.forUnit(input.unitName), ""];
  const adapted = input.adapted ?? null;
  if (adapted) parts.push(adapted.text, "", T.adaptedBy(adapted.unitName));
  else parts.push(renderCommon(input.month, set));
  const levels = [...input.levels]
    .filter((l) => l.notes.length && (!adapted || l.depth > adapted.depth))
    .sort((a, b) => a.depth - b.depth);
  if (levels.length) {
    parts.push("", bold(T.notesTitle));
    for (const l of levels) {
      parts.push(T.noteFrom(l.unitName));
      for (const n of l.notes) parts.push(T.noteLine(n));
    }
  }
  parts.push("", T.confirmHint);
  return parts.join("\n");
}
