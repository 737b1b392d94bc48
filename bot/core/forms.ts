/**
 * Multi-field commands declared once as ordered fields, served two ways:
 *
 * - step by step: one question per field, the draft kept in the conversation flow (database,
 *   not memory) and validated with zod every time it is read back; a step may offer choices
 *   (buttons, or a numbered list on Zalo) and then answers its own numbers: "2" typed at that
 *   step is its second choice, never a press of an older list; an optional confirmation
 *   (summary + create / change a field / cancel) ends the dialogue;
 * - in one line: `/cmd a | b | c`, each field parsed by the same function, the first bad
 *   field named in the answer.
 *
 * Every user-facing word comes from the caller (the catalogue in prompts/) or prompts/vi/forms.ts.
 */
import { z } from "zod";
import { coreText } from "../../prompts/vi/core.ts";
import { formText } from "../../prompts/vi/forms.ts";
import { nonce as newNonce, pipeFields } from "./args.ts";
import type { ActionSpec, Ctx, Role } from "./context.ts";
import type { Choice } from "./types.ts";
import { typedWords } from "../../prompts/vi/commands.ts";
import { oneOf } from "./words.ts";

/** "/cmd ?", "/cmd huongdan": the usage. */
const USAGE = oneOf(typedWords.usage);

/** The answer to one field: a value, or the Vietnamese reason it was refused. */
export type Parsed<V> = { ok: true; value: V } | { ok: false; error: string };
export const ok = <V>(value: V): Parsed<V> => ({ ok: true, value });
export const bad = (error: string): { ok: false; error: string } => ({ ok: false, error });

/** Values a draft may hold: it is stored as JSON in the conversation row. */
export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** One choice offered at a step; the value is what the field receives when it is chosen. */
export interface FormChoice {
  label: string;
  value: Json;
}

export interface Field<D> {
  /** Key of the draft that holds the answer. */
  name: keyof D & string;
  /** Short name (catalogue) used when a one-line form names the bad field. */
  label: string;
  /** The question of the step (catalogue). */
  prompt(ctx: Ctx, draft: Partial<D>): string | Promise<string>;
  /** Typed text → the value, or the reason it is refused. "" means "left out" (one-line form). */
  parse(ctx: Ctx, raw: string, draft: Partial<D>): Parsed<unknown> | Promise<Parsed<unknown>>;
  /** Choices offered with the question; a typed number picks one of them. */
  choices?(ctx: Ctx, draft: Partial<D>): FormChoice[] | Promise<FormChoice[]>;
  /** Not asked for this draft (e.g. depends on an earlier answer, or only changed from the confirmation). */
  skip?(draft: Partial<D>): boolean;
}

/** A refused submission: the dialogue goes back to `field` (or stays at the confirmation). */
export interface SubmitError {
  error: string;
  field?: string;
}

export interface FormSpec<S extends z.ZodObject> {
  /** Flow name; its action is `<name>.pick`. */
  name: string;
  /** Who may go on with the dialogue (checked again at every step). */
  roles?: Role[];
  /** The complete draft (JSON values only); fields of the draft are optional while it is filled. */
  schema: S;
  fields: Field<z.infer<S>>[];
  /** Answer when the draft is gone (finished, replaced, expired or tampered). */
  lost: string;
  /** Shown once every field is answered; without it the form submits at once. */
  confirm?: {
    summary(ctx: Ctx, draft: z.infer<S>): string | Promise<string>;
    submit: string;
    cancel: string;
    /** Extra choices that ask one field again, then come back to the confirmation. */
    edits?: { label: string; field: keyof z.infer<S> & string }[];
  };
  submit(ctx: Ctx, draft: z.infer<S>): Promise<SubmitError | void>;
  /** The one-line form. */
  line?: {
    usage: string;
    /** Field names in their one-line order (positional unless `arrange` is given). */
    fields: (keyof z.infer<S> & string)[];
    /** Fewest fields a positional line must give (the rest are left out: ""). */
    min?: number;
    /** Said before the usage when a positional line has too few or too many fields. */
    countError?: string;
    /** Custom placement of the parts: field name → raw text, or null when the line is malformed. */
    arrange?(parts: string[]): Partial<Record<keyof z.infer<S> & string, string>> | null;
    /** When false, text after the command without "|" is answered with the usage instead of starting the steps with it. */
    argsStartSteps?: boolean;
  };
}

export interface Form {
  readonly flow: string;
  /** The flow handler to register under `flow` (answers its own numbers). */
  readonly onText: (ctx: Ctx, text: string) => Promise<void>;
  /** The action behind every button of the form. */
  readonly actions: Record<string, ActionSpec>;
  /**
   * `/cmd` (steps), `/cmd text` (steps, the first answered), `/cmd a | b` (one line), `/cmd ?` (usage).
   * `seed`: draft values fixed by the caller before any field is asked (e.g. the unit chosen
   * by a button, the month); fields already in the seed are not asked.
   */
  command(ctx: Ctx, seed?: Record<string, Json>): Promise<void>;
  begin(ctx: Ctx, first?: string, seed?: Record<string, Json>): Promise<void>;
  fromLine(ctx: Ctx, args: string, seed?: Record<string, Json>): Promise<void>;
}

const CONFIRM = "$confirm";
const SUBMIT = "$submit";
const CANCEL = "$cancel";
const EDIT = "$edit:";
const NUMBER = /^\d{1,2}$/;

const stateSchema = z.object({
  nonce: z.string().min(1),
  step: z.string(),
  draft: z.record(z.string(), z.unknown()),
  offered: z.array(z.unknown()).default([]),
});
type State = z.infer<typeof stateSchema>;

const pickSchema = z.object({ nonce: z.string().min(1), step: z.string(), n: z.number().int().min(1).max(99) });

/** Flow handlers that resolve typed numbers themselves (the router hands them every text). */
const ownNumbers = new WeakSet<object>();
export const answersOwnNumbers = (flow: object): boolean => ownNumbers.has(flow);
/** A flow whose prompt asks for a number of its own (a question's number, say): typed numbers are its answers, never list picks. */
export const takesTypedNumbers = <F extends object>(flow: F): F => {
  ownNumbers.add(flow);
  return flow;
};
/** A flow handler that hands its text to a form (e.g. one built per month or per task) answers its own numbers too. */
export const delegatesToForm = <F extends object>(flow: F): F => {
  ownNumbers.add(flow);
  return flow;
};

export function defineForm<S extends z.ZodObject>(spec: FormSpec<S>): Form {
  type D = z.infer<S>;
  type Draft = Partial<D> & Record<string, unknown>;
  const partial = spec.schema.partial();
  const pickAction = `${spec.name}.pick`;
  const byName = (name: string) => spec.fields.find((f) => f.name === name) ?? null;

  function read(ctx: Ctx): (State & { draft: Draft }) | null {
    if (ctx.flow?.name !== spec.name) return null;
    const st = stateSchema.safeParse(ctx.flow.data);
    if (!st.success) return null;
    const d = partial.safeParse(st.data.draft);
    return d.success ? { ...st.data, draft: d.data as Draft } : null;
  }

  async function save(ctx: Ctx, st: State): Promise<void> {
    await ctx.setFlow(spec.name, { nonce: st.nonce, step: st.step, draft: st.draft, offered: st.offered });
  }

  async function lost(ctx: Ctx): Promise<void> {
    if (ctx.flow?.name === spec.name) await ctx.clearFlow();
    ctx.reply(spec.lost);
  }

  function buttons(st: State, labels: string[]): Choice[] {
    return labels.map((label, i) => ({ label, action: pickAction, args: { nonce: st.nonce, step: st.step, n: i + 1 } }));
  }

  async function ask(ctx: Ctx, nonce: string, d: Draft, field: Field<D>, before?: string): Promise<void> {
    const choices = field.choices ? await field.choices(ctx, d) : [];
    const st: State = { nonce, step: field.name, draft: d, offered: choices.map((c) => c.value) };
    await save(ctx, st);
    const q = await field.prompt(ctx, d);
    ctx.reply(before ? `${before}\n\n${q}` : q, buttons(st, choices.map((c) => c.label)));
  }

  async function showConfirm(ctx: Ctx, nonce: string, d: Draft): Promise<void> {
    const c = spec.confirm!;
    const full = spec.schema.safeParse(d);
    if (!full.success) return lost(ctx);
    const edits = c.edits ?? [];
    const st: State = { nonce, step: CONFIRM, draft: d, offered: [SUBMIT, ...edits.map((e) => EDIT + e.field), CANCEL] };
    await save(ctx, st);
    ctx.reply(await c.summary(ctx, full.data), buttons(st, [c.submit, ...edits.map((e) => e.label), c.cancel]));
  }

  /** The next unanswered field, the confirmation, or the submission. */
  async function advance(ctx: Ctx, nonce: string, draft: Record<string, unknown>): Promise<void> {
    const checked = partial.safeParse(draft);
    if (!checked.success) return lost(ctx);
    const d = checked.data as Draft;
    const next = spec.fields.find((f) => !f.skip?.(d) && d[f.name] === undefined);
    if (next) return ask(ctx, nonce, d, next);
    if (spec.confirm) return showConfirm(ctx, nonce, d);
    return finish(ctx, nonce, d);
  }

  async function finish(ctx: Ctx, nonce: string, d: Draft): Promise<void> {
    const full = spec.schema.safeParse(d);
    if (!full.success) return lost(ctx);
    // cleared first: a second press of "create" finds no draft
    await ctx.clearFlow();
    const err = await spec.submit(ctx, full.data);
    if (!err) return;
    const field = err.field ? byName(err.field) : null;
    if (field) return ask(ctx, nonce, d, field, err.error);
    if (spec.confirm) await save(ctx, { nonce, step: CONFIRM, draft: d, offered: [SUBMIT, ...(spec.confirm.edits ?? []).map((e) => EDIT + e.field), CANCEL] });
    ctx.reply(err.error);
  }

  async function pick(ctx: Ctx, st: State & { draft: Draft }, n: number, typed: boolean): Promise<void> {
    const value = st.offered[n - 1];
    if (value === undefined) return ctx.reply(typed ? formText.pickNumber(st.offered.length) : coreText.choiceExpired);
    if (st.step === CONFIRM) {
      if (value === SUBMIT) return finish(ctx, st.nonce, st.draft);
      if (value === CANCEL) {
        await ctx.clearFlow();
        return ctx.reply(coreText.cancelled);
      }
      const field = typeof value === "string" && value.startsWith(EDIT) ? byName(value.slice(EDIT.length)) : null;
      return field ? ask(ctx, st.nonce, st.draft, field) : lost(ctx);
    }
    const field = byName(st.step);
    if (!field) return lost(ctx);
    return advance(ctx, st.nonce, { ...st.draft, [field.name]: value });
  }

  const allowed = (ctx: Ctx) => !spec.roles || ctx.hasRole(...spec.roles);

  const onText = async (ctx: Ctx, text: string): Promise<void> => {
    const st = read(ctx);
    if (!st || !allowed(ctx)) return lost(ctx);
    const n = NUMBER.test(text) ? Number(text) : null;
    if (st.step === CONFIRM) return n !== null ? pick(ctx, st, n, true) : showConfirm(ctx, st.nonce, st.draft);
    const field = byName(st.step);
    if (!field) return lost(ctx);
    // a step that offers choices takes its own numbers; any other step parses the number as text
    if (n !== null && st.offered.length) return pick(ctx, st, n, true);
    const r = await field.parse(ctx, text, st.draft);
    if (!r.ok) return ctx.reply(r.error);
    return advance(ctx, st.nonce, { ...st.draft, [field.name]: r.value });
  };
  ownNumbers.add(onText);

  async function begin(ctx: Ctx, first?: string, seed?: Record<string, Json>): Promise<void> {
    const nonce = newNonce();
    const draft: Record<string, unknown> = { ...seed };
    if (first) {
      const field = spec.fields.find((f) => !f.skip?.(draft as Draft) && draft[f.name] === undefined);
      if (field) {
        const r = await field.parse(ctx, first, draft as Draft);
        if (!r.ok) return ctx.reply(r.error);
        draft[field.name] = r.value;
      }
    }
    await advance(ctx, nonce, draft);
  }

  async function fromLine(ctx: Ctx, args: string, seed?: Record<string, Json>): Promise<void> {
    const line = spec.line;
    if (!line) return;
    const parts = pipeFields(args);
    let raw: Partial<Record<string, string>> | null;
    if (line.arrange) raw = line.arrange(parts);
    else if (parts.length < (line.min ?? line.fields.length) || parts.length > line.fields.length) raw = null;
    else raw = Object.fromEntries(line.fields.map((name, i) => [name, parts[i] ?? ""]));
    if (!raw) return ctx.reply(line.countError ? `${line.countError}\n\n${line.usage}` : line.usage);
    const d: Record<string, unknown> = { ...seed };
    for (const name of line.fields) {
      const field = byName(name);
      if (!field) continue;
      const r = await field.parse(ctx, raw[name] ?? "", d as Draft);
      if (!r.ok) return ctx.reply(`${formText.lineBad(field.label, r.error)}\n\n${line.usage}`);
      d[name] = r.value;
    }
    const full = spec.schema.safeParse(d);
    if (!full.success) return ctx.reply(line.usage);
    const err = await spec.submit(ctx, full.data);
    if (!err) return;
    const field = err.field ? byName(err.field) : null;
    ctx.reply(field ? formText.lineBad(field.label, err.error) : err.error);
  }

  return {
    flow: spec.name,
    onText,
    actions: {
      [pickAction]: {
        ...(spec.roles ? { roles: spec.roles } : {}),
        async run(ctx, args) {
          const a = pickSchema.safeParse(args);
          if (!a.success) return ctx.reply(coreText.choiceExpired);
          const st = read(ctx);
          if (!st || st.nonce !== a.data.nonce || st.step !== a.data.step) return ctx.reply(spec.lost);
          await pick(ctx, st, a.data.n, false);
        },
      },
    },
    begin,
    fromLine,
    async command(ctx, seed) {
      const args = ctx.args.trim();
      const usage = spec.line?.usage;
      if (usage && USAGE.test(args)) return ctx.reply(usage);
      if (spec.line && args.includes("|")) return fromLine(ctx, args, seed);
      if (args && usage && spec.line?.argsStartSteps === false) return ctx.reply(usage);
      await begin(ctx, args || undefined, seed);
    },
  };
}
