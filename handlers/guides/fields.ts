/**
 * Typed report fields — number, yes/no, choice, short text, photo, file — declared in a guide's
 * YAML (`report_back`) or given with a task (`/giaoviec … | mục: …`), asked one by one through
 * the form engine (bot/core/forms.ts) or in one line, and turned into indicator figures.
 * Answers are JSON: number, boolean, the option's value, text, attachment refs, or null (skipped).
 */
import { z } from "zod";
import { saveAttachment } from "../../bot/core/attachments.ts";
import type { Ctx } from "../../bot/core/context.ts";
import { bad, ok, type Field, type FormChoice, type Json, type Parsed } from "../../bot/core/forms.ts";
import type { AttachmentRef } from "../../bot/core/types.ts";
import { oneOf } from "../../bot/core/words.ts";
import { fieldText as F, fieldWords as W } from "../../prompts/vi/guides.ts";

export const FIELD_KEY = /^[a-z][a-z0-9_]{0,30}$/;
const INDICATOR_KEY = /^[a-z][a-z0-9_]{1,40}$/;
export const MAX_FIELDS = 12;
export const MAX_TEXT = 500;
export const MAX_NUMBER = 10_000_000;

const base = {
  key: z.string().regex(FIELD_KEY),
  label: z.string().trim().min(2).max(200),
  optional: z.boolean().default(false),
  /** key of prompts/indicators.yaml fed by this field */
  indicator: z.string().regex(INDICATOR_KEY).optional(),
};

export const reportFieldSchema = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("number"), min: z.number().int().min(0).default(0), max: z.number().int().min(1).max(MAX_NUMBER).default(100_000) }).strict(),
  z.object({ ...base, type: z.literal("yesno") }).strict(),
  z
    .object({
      ...base,
      type: z.literal("choice"),
      options: z
        .array(z.object({ value: z.string().regex(FIELD_KEY), label: z.string().trim().min(1).max(60), score: z.number().int().min(0).max(1).optional() }).strict())
        .min(2)
        .max(9),
    })
    .strict(),
  z.object({ ...base, type: z.literal("text"), max: z.number().int().min(1).max(MAX_TEXT).default(MAX_TEXT) }).strict(),
  z.object({ ...base, type: z.literal("photo") }).strict(),
  /** a document or a photo */
  z.object({ ...base, type: z.literal("file") }).strict(),
]);

export type ReportField = z.infer<typeof reportFieldSchema>;
export type Answers = Record<string, Json>;

/** A list of fields with distinct keys. */
export const reportFieldsSchema = z
  .array(reportFieldSchema)
  .min(1)
  .max(MAX_FIELDS)
  .superRefine((fs, ctx) => {
    const seen = new Set<string>();
    for (const [i, f] of fs.entries()) {
      if (seen.has(f.key)) ctx.addIssue({ code: "custom", path: [i, "key"], message: `duplicate key ${f.key}` });
      seen.add(f.key);
    }
  });

const SKIP = oneOf(W.skip);
const YES = oneOf(W.yes);
const NO = oneOf(W.no);

/** Lower case, no diacritics, single spaces: to match a typed option label. */
export const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

const isFile = (f: ReportField) => f.type === "photo" || f.type === "file";

function hintOf(f: ReportField): string {
  const h =
    f.type === "number" ? F.hintNumber(f.max)
    : f.type === "yesno" ? F.hintYesNo
    : f.type === "choice" ? F.hintChoice
    : f.type === "text" ? F.hintText(f.max)
    : f.type === "photo" ? F.hintPhoto
    : F.hintFile;
  return f.optional ? `${h} ${F.hintOptional}` : h;
}

export function fieldPrompt(f: ReportField, i: number, n: number): string {
  return F.ask(i, n, f.label, hintOf(f));
}

/** Buttons of a step (a number step offers none: a typed number is its answer). */
export function fieldChoices(f: ReportField): FormChoice[] {
  const skip = f.optional ? [{ label: F.skip, value: null }] : [];
  if (f.type === "yesno") return [{ label: F.yes, value: true }, { label: F.no, value: false }, ...skip];
  if (f.type === "choice") return [...f.options.map((o) => ({ label: o.label, value: o.value })), ...skip];
  if (isFile(f)) return skip;
  return [];
}

async function saveFile(ctx: Ctx, kind: "photo" | "file"): Promise<AttachmentRef | null> {
  const inc = ctx.in;
  const doc = kind === "file" ? inc.document : undefined;
  const input = doc
    ? { origin: inc.channel, kind: "document" as const, ref: doc.id, ...(doc.name ? { name: doc.name } : {}), ...(doc.mime ? { mime: doc.mime } : {}) }
    : inc.photo
      ? { origin: inc.channel, kind: "photo" as const, ref: inc.photo }
      : null;
  if (!input || input.ref.length > 2000) return null;
  return saveAttachment(ctx.s.prisma, ctx.s.clock, { ...input, personId: ctx.person?.id ?? null });
}

/** Typed text (or the photo / file of the message) → the answer, or why it is refused. "" = left out. */
export async function parseAnswer(ctx: Ctx, f: ReportField, raw: string): Promise<Parsed<Json>> {
  const t = raw.trim().normalize("NFC");
  if (isFile(f)) {
    const saved = await saveFile(ctx, f.type === "photo" ? "photo" : "file");
    if (saved) return ok([saved as unknown as Json]);
  }
  return parseTyped(f, t);
}

/**
 * Typed text → the answer, or why it is refused (no message around it: a photo or file field
 * takes only "" or a skip word when optional). The chat form and `reports:import` both use it.
 */
export function parseTyped(f: ReportField, raw: string): Parsed<Json> {
  const t = raw.trim().normalize("NFC");
  if (isFile(f)) {
    if (f.optional && (t === "" || SKIP.test(t))) return ok(null);
    return bad(f.type === "photo" ? F.needPhoto : F.needFile);
  }
  if (t === "" || (f.optional && SKIP.test(t))) return f.optional ? ok(null) : bad(F.required);
  switch (f.type) {
    case "number": {
      const m = /^(\d{1,9})(?:\s+\S.*)?$/u.exec(t.replace(/[.,](?=\d{3}\b)/g, ""));
      const n = m ? Number(m[1]) : NaN;
      if (!Number.isInteger(n) || n < f.min || n > f.max) return bad(f.min > 0 ? F.badNumberMin(f.min, f.max) : F.badNumber(f.max));
      return ok(n);
    }
    case "yesno":
      if (YES.test(t)) return ok(true);
      if (NO.test(t)) return ok(false);
      return bad(F.badYesNo);
    case "choice": {
      const hit = f.options.find((o) => fold(o.label) === fold(t) || o.value === fold(t).replace(/ /g, "_"));
      const byNumber = /^\d{1,2}$/.test(t) ? f.options[Number(t) - 1] : undefined;
      const o = hit ?? byNumber;
      return o ? ok(o.value) : bad(F.badChoice(f.options.map((x) => x.label)));
    }
    case "text":
      return t.length > f.max ? bad(F.textTooLong(f.max)) : ok(t);
  }
}

/** Form-engine fields for a list of report fields (keys prefixed so they never clash with seeds). */
export function formFields(defs: ReportField[]): Field<Record<string, unknown>>[] {
  return defs.map((f, i) => ({
    name: f.key,
    label: f.label,
    prompt: () => fieldPrompt(f, i + 1, defs.length),
    choices: () => fieldChoices(f),
    parse: (ctx: Ctx, raw: string) => parseAnswer(ctx, f, raw),
  }));
}

const attachmentRef = z.object({ token: z.string(), kind: z.enum(["photo", "document"]), origin: z.string(), ref: z.string(), name: z.string().optional() });

/** The zod shape of the answers (each nullable: a skipped optional field is null). */
export function answersShape(defs: ReportField[]): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const f of defs) {
    const v =
      f.type === "number" ? z.number().int().min(0).max(MAX_NUMBER)
      : f.type === "yesno" ? z.boolean()
      : f.type === "choice" ? z.enum(f.options.map((o) => o.value) as [string, ...string[]])
      : f.type === "text" ? z.string().max(MAX_TEXT)
      : z.array(attachmentRef).min(1).max(3);
    shape[f.key] = f.optional ? v.nullable() : v;
  }
  return shape;
}

/** One answer as shown to people. */
export function formatAnswer(f: ReportField, v: unknown): string {
  if (v === null || v === undefined) return F.none;
  if (f.type === "yesno") return v ? F.yes : F.no;
  if (f.type === "choice") return f.options.find((o) => o.value === v)?.label ?? String(v);
  if (isFile(f)) {
    const refs = Array.isArray(v) ? (v as { kind?: string; name?: string }[]) : [];
    if (f.type === "file" && refs[0]?.kind === "document") return refs[0].name ? F.fileValue(refs[0].name) : F.fileNoName;
    return F.photoValue(refs.length);
  }
  return typeof v === "number" ? v.toLocaleString("vi-VN") : String(v);
}

export function answerLines(defs: ReportField[], answers: Record<string, unknown>): string[] {
  return defs.map((f) => F.answerLine(f.label, formatAnswer(f, answers[f.key])));
}

/** The first attachment among the answers (a photo or file field), if any. */
export function firstAttachment(defs: ReportField[], answers: Record<string, unknown>): AttachmentRef | null {
  for (const f of defs) {
    const v = answers[f.key];
    if (!isFile(f) || !Array.isArray(v) || !v.length) continue;
    const r = attachmentRef.safeParse(v[0]);
    if (r.success) return r.data as AttachmentRef;
  }
  return null;
}

/** Indicator figures carried by the answers (number → value; yes/no → 1/0; choice → its score). */
export function indicatorValues(defs: ReportField[], answers: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of defs) {
    if (!f.indicator) continue;
    const v = answers[f.key];
    let n: number | null = null;
    if (f.type === "number" && typeof v === "number") n = v;
    else if (f.type === "yesno" && typeof v === "boolean") n = v ? 1 : 0;
    else if (f.type === "choice" && typeof v === "string") n = f.options.find((o) => o.value === v)?.score ?? null;
    if (n !== null) out[f.indicator] = (out[f.indicator] ?? 0) + n;
  }
  return out;
}

const loose = new WeakMap<ReportField[], z.ZodType>();

/** Keep only the answers the fields declare and whose values have the right shape. */
export function cleanAnswers(defs: ReportField[], raw: unknown): Answers {
  // the schema is built once per list of fields (building one costs far more than using it)
  let schema = loose.get(defs);
  if (!schema) loose.set(defs, (schema = z.object(answersShape(defs.map((f) => ({ ...f, optional: true })))).partial()));
  const obj = schema.safeParse(raw) as z.ZodSafeParseResult<Record<string, unknown>>;
  if (!obj.success) return {};
  return Object.fromEntries(Object.entries(obj.data).filter(([, v]) => v !== undefined)) as Answers;
}
