/**
 * The monthly report of a branch (`/dasinhhoat`): the typed fields of the month's guide, asked
 * one by one (buttons, or numbered choices on Zalo) or given in one line; a report can be
 * completed later and corrected field by field. Each report feeds the indicators
 * (meetings held, attendance, and every field that names an indicator), once per branch and month.
 */
import { z } from "zod";
import { refsJson } from "../../bot/core/attachments.ts";
import type { Ctx, Services, UnitView } from "../../bot/core/context.ts";
import { defineForm, delegatesToForm, type Form, type Json } from "../../bot/core/forms.ts";
import { formatDate, parseMonthKey } from "../../bot/core/time.ts";
import type { AttachmentRef } from "../../bot/core/types.ts";
import { guidesText as T, reportText as R } from "../../prompts/vi/guides.ts";
import { recordIndicators, recordIndicatorsBulk } from "../indicators/api.ts";
import { attendanceFor } from "../meetings/api.ts";
import { loadGuides } from "./content.ts";
import {
  answerLines,
  answersShape,
  cleanAnswers,
  fieldChoices,
  fieldPrompt,
  firstAttachment,
  formFields,
  indicatorValues,
  parseAnswer,
  type Answers,
  type ReportField,
} from "./fields.ts";

export const REPORT_FLOW = "guides.report";
export const FIX_FLOW = "guides.fix";

/** The report fields of a month ("YYYY-MM"): the guide of that calendar month. */
export function fieldsOf(month: string): ReportField[] {
  const m = parseMonthKey(month)?.month ?? 1;
  return loadGuides().months.get(m)?.report_back ?? [];
}

export const reportSource = (unitId: number, month: string) => `guides:report:${unitId}:${month}`;

export interface StoredReport {
  unitId: number;
  month: string;
  attendees: number;
  note: string | null;
  answers: Answers;
  createdAt: Date;
}

export async function readReport(s: Pick<Services, "prisma">, unitId: number, month: string): Promise<StoredReport | null> {
  const row = await s.prisma.meetingReport.findUnique({ where: { unitId_month: { unitId, month } } });
  if (!row) return null;
  let raw: unknown = {};
  try {
    raw = JSON.parse(row.answers);
  } catch {
    /* a damaged row reads as empty */
  }
  const answers = cleanAnswers(fieldsOf(month), raw);
  answers.attendees = row.attendees;
  return { unitId, month, attendees: row.attendees, note: row.note, answers, createdAt: row.createdAt };
}

export type SaveResult = "created" | "updated" | "same";

/**
 * Store a branch's report of a month (the answers merged over what it already had) and its
 * indicator figures, source `guides:report:<unitId>:<month>` (a repeat changes nothing).
 */
export async function saveReport(
  s: Pick<Services, "prisma" | "clock">,
  input: { unitId: number; month: string; personId: number; answers: Answers; note?: string | null },
): Promise<{ kind: SaveResult; report: StoredReport }> {
  const defs = fieldsOf(input.month);
  const before = await readReport(s, input.unitId, input.month);
  const answers: Answers = { ...(before?.answers ?? {}), ...cleanAnswers(defs, input.answers) };
  const attendees = typeof answers.attendees === "number" ? answers.attendees : (before?.attendees ?? 0);
  const note = input.note === undefined || input.note === null ? (before?.note ?? null) : input.note;
  const photo = firstAttachment(defs, answers);
  const json = JSON.stringify(answers);
  const now = s.clock.now();
  let kind: SaveResult;
  if (!before) {
    await s.prisma.meetingReport.upsert({
      where: { unitId_month: { unitId: input.unitId, month: input.month } },
      create: { unitId: input.unitId, month: input.month, personId: input.personId, attendees, note, answers: json, photo: photo ? refsJson([photo]) : null, createdAt: now },
      update: { personId: input.personId, attendees, note, answers: json, photo: photo ? refsJson([photo]) : null },
    });
    kind = "created";
  } else if (JSON.stringify(before.answers) === JSON.stringify(answers) && before.note === note) {
    kind = "same";
  } else {
    await s.prisma.meetingReport.update({
      where: { unitId_month: { unitId: input.unitId, month: input.month } },
      data: { personId: input.personId, attendees, note, answers: json, ...(photo ? { photo: refsJson([photo]) } : {}) },
    });
    kind = "updated";
  }
  if (kind !== "same") {
    await recordIndicators(s.prisma, {
      source: reportSource(input.unitId, input.month),
      unitId: input.unitId,
      period: input.month,
      values: { meetings_held: 1, meeting_attendance: attendees, ...indicatorValues(defs, answers) },
      at: now,
    });
  }
  return { kind, report: { unitId: input.unitId, month: input.month, attendees, note, answers, createdAt: before?.createdAt ?? now } };
}

/** JSON with sorted keys: two answer sets compare equal whatever order their keys came in. */
const stable = (a: Answers) => JSON.stringify(Object.keys(a).sort().map((k) => [k, a[k]]));

export interface FiledReports {
  created: number;
  updated: number;
  same: number;
  /** the reports written (created or updated), for the audit log */
  changed: { unitId: number; attendees: number; kind: "created" | "updated" }[];
}

/**
 * Many branches' reports of a month at once (`reports:import`, the bench): the same result as
 * `saveReport` for each — the given answers merged over the branch's report of the month (its
 * note, photo and other fields kept), a repeat changing nothing, the indicators fed once per
 * branch — in chunks of set-based statements.
 */
export async function fileReports(
  s: Pick<Services, "prisma" | "clock">,
  month: string,
  inputs: { unitId: number; personId: number; answers: Answers }[],
  chunk = 400,
): Promise<FiledReports> {
  const defs = fieldsOf(month);
  const now = s.clock.now();
  if (new Set(inputs.map((i) => i.unitId)).size !== inputs.length) throw new Error("fileReports: a branch is given twice");
  const out: FiledReports = { created: 0, updated: 0, same: 0, changed: [] };
  const rows: { unitId: number; month: string; personId: number; attendees: number; note: string | null; answers: string; photo: string | null; createdAt: Date; parsed: Answers }[] = [];
  for (let i = 0; i < inputs.length; i += chunk) {
    const part = inputs.slice(i, i + chunk);
    const before = new Map((await s.prisma.meetingReport.findMany({ where: { month, unitId: { in: part.map((p) => p.unitId) } } })).map((r) => [r.unitId, r]));
    for (const input of part) {
      const old = before.get(input.unitId);
      let oldAnswers: Answers = {};
      if (old) {
        try {
          oldAnswers = cleanAnswers(defs, JSON.parse(old.answers));
        } catch {
          /* a damaged row reads as empty */
        }
        oldAnswers.attendees = old.attendees;
      }
      const answers: Answers = { ...oldAnswers, ...cleanAnswers(defs, input.answers) };
      if (old && stable(oldAnswers) === stable(answers)) {
        out.same++;
        continue;
      }
      const attendees = typeof answers.attendees === "number" ? answers.attendees : (old?.attendees ?? 0);
      const photo = firstAttachment(defs, answers);
      const kind = old ? "updated" : "created";
      out[kind]++;
      out.changed.push({ unitId: input.unitId, attendees, kind });
      rows.push({
        unitId: input.unitId,
        month,
        personId: input.personId,
        attendees,
        note: old?.note ?? null,
        answers: JSON.stringify(answers),
        photo: photo ? refsJson([photo]) : (old?.photo ?? null),
        createdAt: old?.createdAt ?? now,
        parsed: answers,
      });
    }
  }
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await s.prisma.$transaction([
      s.prisma.meetingReport.deleteMany({ where: { month, unitId: { in: part.map((r) => r.unitId) } } }),
      s.prisma.meetingReport.createMany({ data: part.map(({ parsed: _p, ...r }) => r) }),
    ]);
  }
  await recordIndicatorsBulk(
    s.prisma,
    rows.map((r) => ({
      source: reportSource(r.unitId, month),
      unitId: r.unitId,
      period: month,
      values: { meetings_held: 1, meeting_attendance: r.attendees, ...indicatorValues(defs, r.parsed) },
      at: now,
    })),
  );
  return out;
}

/** Required fields still unanswered. */
export function missingFields(month: string, answers: Answers): ReportField[] {
  return fieldsOf(month).filter((f) => !f.optional && (answers[f.key] === undefined || answers[f.key] === null));
}

/** The summary a secretary gets after saving: every field and its answer, then what is missing. */
export function reportSummary(unit: Pick<UnitView, "name">, r: StoredReport, kind: SaveResult): string {
  const head = kind === "created" ? R.saved(unit.name, r.month) : kind === "updated" ? R.updated(unit.name, r.month) : R.unchanged(unit.name, r.month);
  const lines = [head, ...answerLines(fieldsOf(r.month), r.answers)];
  if (r.note) lines.push(R.noteLine(r.note));
  const missing = missingFields(r.month, r.answers);
  lines.push("", missing.length ? R.missing(missing.map((f) => f.label)) : R.fixHint);
  return lines.join("\n");
}

/** A report's photo (or file) to show upper levels with its detail. */
export function reportAttachment(r: StoredReport): AttachmentRef | null {
  return firstAttachment(fieldsOf(r.month), r.answers);
}

// ---------------------------------------------------------------- the forms

const seedShape = { unitId: z.number().int().positive(), month: z.string().regex(/^\d{4}-\d{2}$/) };

async function submitReport(ctx: Ctx, d: Record<string, unknown>): Promise<void> {
  const unitId = d.unitId as number;
  const month = d.month as string;
  const unit = ctx.memberships.find((m) => m.role === "secretary" && m.unitId === unitId)?.unit;
  if (!unit) return ctx.reply(R.lost);
  const answers: Answers = {};
  for (const f of fieldsOf(month)) if (d[f.key] !== undefined) answers[f.key] = d[f.key] as Json;
  const r = await saveReport(ctx.s, { unitId, month, personId: ctx.person!.id, answers });
  if (r.kind !== "same") await ctx.audit(`guides.meeting.${r.kind}`, "unit", unitId, `${month}:${r.report.attendees}`);
  ctx.reply(reportSummary(unit, r.report, r.kind));
}

const forms = new Map<string, Form>();

/** The report form of a month (built once per calendar month; the seed carries unit and month). */
export function reportForm(month: string): Form {
  const m = month.slice(5);
  const hit = forms.get(m);
  if (hit) return hit;
  const defs = fieldsOf(month);
  const fields = formFields(defs);
  const attendees = fields[0]!;
  // the attendance step names the count of the check-in at the meeting, when there was one
  fields[0] = {
    ...attendees,
    async prompt(ctx, draft) {
      const base = await attendees.prompt(ctx, draft);
      const n = await attendanceFor(ctx.s.prisma, draft.unitId as number, draft.month as string).catch(() => null);
      return n ? `${base}\n${R.prefilled(n)}` : base;
    },
  };
  const form = defineForm({
    name: REPORT_FLOW,
    roles: ["secretary"],
    schema: z.object({ ...seedShape, ...answersShape(defs) }) as z.ZodObject<Record<string, z.ZodType>>,
    lost: R.lost,
    fields,
    submit: async (ctx, d) => submitReport(ctx, d),
    line: {
      usage: R.usage(lineExampleOf(month)),
      fields: defs.map((f) => f.key),
      arrange(parts) {
        if (parts.length > defs.length || parts.length < defs.filter((f) => !f.optional).length) return null;
        return Object.fromEntries(defs.map((f, i) => [f.key, parts[i] ?? ""]));
      },
      countError: R.lineCount(defs.length),
    },
  });
  forms.set(m, form);
  return form;
}

export function lineExampleOf(month: string): string {
  const defs = fieldsOf(month);
  const sample = defs.map((f) =>
    f.type === "number" ? (f.key === "attendees" ? "25" : "3")
    : f.type === "yesno" ? "có"
    : f.type === "choice" ? f.options[0]!.label
    : f.type === "text" ? "…"
    : "-",
  );
  return `/dasinhhoat ${sample.join(" | ")}`;
}

/** Correction: pick a field, give its new value. */
export function fixForm(month: string): Form {
  const defs = fieldsOf(month);
  const byKey = (k: unknown) => defs.find((f) => f.key === k) ?? null;
  return defineForm({
    name: FIX_FLOW,
    roles: ["secretary"],
    schema: z.object({ ...seedShape, field: z.string(), value: z.unknown() }),
    lost: R.lost,
    fields: [
      {
        name: "field",
        label: R.fixField,
        prompt: () => R.fixAsk,
        choices: () => defs.map((f) => ({ label: f.label, value: f.key })),
        parse: (_ctx, raw) => {
          const f = defs.find((x, i) => String(i + 1) === raw.trim() || x.key === raw.trim());
          return f ? { ok: true, value: f.key } : { ok: false, error: R.fixAsk };
        },
      },
      {
        name: "value",
        label: R.fixValue,
        prompt: (_ctx, d) => {
          const f = byKey(d.field);
          return f ? fieldPrompt(f, defs.indexOf(f) + 1, defs.length) : R.lost;
        },
        choices: (_ctx, d) => {
          const f = byKey(d.field);
          return f ? fieldChoices(f) : [];
        },
        parse: async (ctx, raw, d) => {
          const f = byKey(d.field);
          return f ? parseAnswer(ctx, f, raw) : { ok: false, error: R.lost };
        },
      },
    ],
    async submit(ctx, d) {
      const f = byKey(d.field);
      if (!f) return ctx.reply(R.lost);
      await submitReport(ctx, { unitId: d.unitId, month: d.month, [f.key]: d.value });
    },
  });
}

/** The flow handlers: the form is rebuilt from the month kept in the draft. */
const monthOfFlow = (ctx: Ctx): string | null => {
  const d = (ctx.flow?.data as { draft?: { month?: unknown } } | undefined)?.draft;
  return typeof d?.month === "string" && parseMonthKey(d.month) ? d.month : null;
};

export function flowHandler(which: "report" | "fix") {
  return delegatesToForm(async (ctx: Ctx, text: string): Promise<void> => {
    const month = monthOfFlow(ctx);
    if (!month) {
      await ctx.clearFlow();
      return ctx.reply(R.lost);
    }
    await (which === "report" ? reportForm(month) : fixForm(month)).onText(ctx, text);
  });
}

export function pickHandler(which: "report" | "fix") {
  return async (ctx: Ctx, args: Record<string, string | number | boolean | null>): Promise<void> => {
    const month = monthOfFlow(ctx);
    if (!month) return ctx.reply(R.lost);
    const form = which === "report" ? reportForm(month) : fixForm(month);
    await form.actions[`${which === "report" ? REPORT_FLOW : FIX_FLOW}.pick`]!.run(ctx, args);
  };
}

/** Start (or go on with) a report: fields already answered this month are not asked again. */
export async function startReport(ctx: Ctx, unit: UnitView, month: string, mode: "steps" | "line" | "fix", line = ""): Promise<void> {
  const existing = await readReport(ctx.s, unit.id, month);
  const seed: Record<string, Json> = { unitId: unit.id, month };
  if (mode === "line") return reportForm(month).fromLine(ctx, line, seed);
  if (mode === "fix") {
    if (!existing) return ctx.reply(R.noReport(unit.name, month));
    return fixForm(month).begin(ctx, undefined, seed);
  }
  const defs = fieldsOf(month);
  const known = existing ? existing.answers : {};
  const open = defs.filter((f) => known[f.key] === undefined);
  if (existing && !open.length) return fixForm(month).begin(ctx, undefined, seed);
  ctx.reply(R.start(unit.name, month, open.length));
  await reportForm(month).begin(ctx, undefined, { ...seed, ...known });
}

/** `/dasinhhoat 25 ghi chú`: the attendance (and a note, a photo) alone. */
export async function quickReport(ctx: Ctx, unit: UnitView, month: string, attendees: number, note: string | null, photo: AttachmentRef | null): Promise<void> {
  const defs = fieldsOf(month);
  const answers: Answers = { attendees };
  const photoField = defs.find((f) => f.type === "photo");
  if (photo && photoField) answers[photoField.key] = [photo as unknown as Json];
  const r = await saveReport(ctx.s, { unitId: unit.id, month, personId: ctx.person!.id, answers, note });
  if (r.kind !== "same") await ctx.audit(`guides.meeting.${r.kind}`, "unit", unit.id, `${month}:${attendees}`);
  if (r.kind === "same") return ctx.reply(T.confirmedSame(unit.name, month, attendees, formatDate(r.report.createdAt)));
  const head = r.kind === "created" ? T.confirmed(unit.name, month, attendees) : T.confirmUpdated(unit.name, month, attendees);
  const missing = missingFields(month, r.report.answers);
  const lines = [head];
  if (photo) lines.push(T.photoSaved);
  if (missing.length) lines.push(R.missing(missing.map((f) => f.label)));
  ctx.reply(lines.join("\n"));
}
