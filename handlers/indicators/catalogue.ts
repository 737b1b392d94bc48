/** The catalogue of indicators (prompts/indicators.yaml), validated once and cached. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

export const INDICATORS_FILE = fileURLToPath(new URL("../../prompts/indicators.yaml", import.meta.url));

export const KEY = /^[a-z][a-z0-9_]{1,40}$/;

const indicatorSchema = z
  .object({
    key: z.string().regex(KEY),
    label: z.string().trim().min(3),
    unit: z.string().trim().min(1),
    kind: z.enum(["sum", "share"]),
  })
  .strict();

const fileSchema = z
  .object({ indicators: z.array(indicatorSchema).min(1) })
  .strict()
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    for (const [i, d] of f.indicators.entries()) {
      if (seen.has(d.key)) ctx.addIssue({ code: "custom", path: ["indicators", i, "key"], message: `duplicate key ${d.key}` });
      seen.add(d.key);
    }
  });

export type IndicatorDef = z.infer<typeof indicatorSchema>;

let cached: IndicatorDef[] | null = null;

/** Every indicator in catalogue order (throws on a bad file: a configuration error at start). */
export function indicatorCatalogue(file = INDICATORS_FILE): IndicatorDef[] {
  if (cached && file === INDICATORS_FILE) return cached;
  const r = fileSchema.safeParse(parseYaml(readFileSync(file, "utf8")));
  if (!r.success) {
    const first = r.error.issues[0];
    throw new Error(`prompts/indicators.yaml: ${first?.path.join(".") ?? ""} ${first?.message ?? "invalid"}`);
  }
  if (file === INDICATORS_FILE) cached = r.data.indicators;
  return r.data.indicators;
}

export function indicatorDef(key: string): IndicatorDef | null {
  return indicatorCatalogue().find((d) => d.key === key) ?? null;
}
