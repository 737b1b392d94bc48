// The lexicon of the offline NLP (prompts/nlp/lexicon.yaml): teen-code expansions, stop words,
// concepts and their synonyms, facets, question-word cues. Loaded and validated at first use;
// the lookup tables built from it are what normalize.ts and the duplicate detector read.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

export const LEXICON_FILE = fileURLToPath(new URL("../../../prompts/nlp/lexicon.yaml", import.meta.url));

/** Kinds of ask; "procedure" is a question named by its procedure alone ("thủ tục cấp hộ chiếu"), no question word. */
export const ASK_KINDS = ["age", "duration", "when", "where", "who", "quantity", "what", "how", "procedure", "yesno"] as const;
export type Ask = (typeof ASK_KINDS)[number];

const word = z.string().min(1);
const words = z.array(word);
/** Target → the forms that map to it (a YAML mapping of lists). */
const groups = z.record(z.string(), words);
const regexSource = z.string().refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: "not a valid regular expression" },
);

/** Every form listed twice, within a list or across the groups of a mapping. */
function repeated(lists: [string, string[]][]): { form: string; where: string[] }[] {
  const seen = new Map<string, string[]>();
  for (const [where, xs] of lists) for (const x of xs) seen.set(x, [...(seen.get(x) ?? []), where]);
  return [...seen].filter(([, w]) => w.length > 1).map(([form, where]) => ({ form, where }));
}

export const lexiconSchema = z
  .object({
    normalize: z.strictObject({
      expand: groups,
      accented: z.record(z.string(), z.string()).default({}),
      phrases: z.record(z.string(), z.string()),
      keep: words.default([]),
      bn_quantity_next: words,
      bn_closing_next: words,
      bn_quantity_prev: words,
      particle_a_prev: words,
      stopwords: words,
    }),
    duplicates: z.strictObject({
      concepts: groups,
      classes: groups.default({}),
      related: groups.default({}),
      ignore: words,
      facets: groups,
      filler: words,
      vay_particle_prev: words,
      vay_particle_next: words,
      vay_clause_next: words.default([]),
      trailing: words,
      asks: z.strictObject(Object.fromEntries(ASK_KINDS.map((k) => [k, z.array(regexSource).min(1)])) as Record<Ask, z.ZodArray<typeof regexSource>>),
      money_ask: z.array(regexSource).min(1),
      beneficiary: z.strictObject({ kin: z.record(z.string(), z.array(regexSource).min(1)), self: z.array(regexSource).min(1) }),
    }),
    smalltalk: z.strictObject({ classes: z.record(z.string(), z.array(regexSource).min(1)), words }),
  })
  .superRefine((lex, ctx) => {
    const n = lex.normalize;
    const d = lex.duplicates;
    const report = (path: string, list: [string, string[]][], what: string) => {
      for (const r of repeated(list)) ctx.addIssue({ code: "custom", path: [path], message: `"${r.form}" ${what}: ${r.where.join(", ")}` });
    };
    report("normalize.expand", Object.entries(n.expand), "is expanded more than once");
    report("duplicates.concepts", [...Object.entries(d.concepts), ["ignore", d.ignore]], "maps to more than one concept");
    report("duplicates.facets", Object.entries(d.facets), "names more than one facet");
    for (const [name, list] of Object.entries({ ...n, ...d, smalltalk_words: lex.smalltalk.words })) {
      if (!Array.isArray(list) || name === "money_ask") continue;
      report(name, [[name, list as string[]]], "is listed twice");
    }
  });

export type LexiconData = z.infer<typeof lexiconSchema>;

/** Lookup tables built from the lexicon. */
export interface Lexicon {
  data: LexiconData;
  expand: Map<string, string>;
  /** Accented word as typed (lower case, NFC) → its normal form. */
  accented: Map<string, string>;
  phrases: [string, RegExp, string][];
  keep: Set<string>;
  bnQuantityNext: Set<string>;
  bnClosingNext: Set<string>;
  bnQuantityPrev: Set<string>;
  particleAPrev: Set<string>;
  stopwords: Set<string>;
  /** Normalised phrase → concept tokens ([] for phrases that say nothing). */
  concepts: Map<string, string[]>;
  /** Longest phrase of `concepts`, in words. */
  conceptMaxWords: number;
  /** First word of a phrase of `concepts` → the most words of a phrase starting with it. */
  conceptMaxFrom: Map<string, number>;
  facets: Map<string, string>;
  /** Concept token → the kinds of thing it is (see `duplicates.classes`). */
  classes: Map<string, Set<string>>;
  /** Concept token → the concepts near enough to match it partly (see `duplicates.related`). */
  related: Map<string, Set<string>>;
  filler: Set<string>;
  vayParticlePrev: Set<string>;
  vayParticleNext: Set<string>;
  /** Words after which a clause-opening "vay" is "vậy" ("…, vậy có được không"). */
  vayClauseNext: Set<string>;
  trailing: Set<string>;
  asks: [RegExp, Ask][];
  moneyAsk: RegExp;
  /** Who a question is for: kin named after "cho" or opening the question, or the asker. */
  kin: [string, RegExp][];
  self: RegExp;
  smalltalk: [string, RegExp][];
  smalltalkWords: Set<string>;
}

/** Tables of already validated data. */
export function compileLexicon(data: LexiconData): Lexicon {
  const n = data.normalize;
  const d = data.duplicates;
  const invert = (g: Record<string, string[]>) => new Map(Object.entries(g).flatMap(([to, froms]) => froms.map((f) => [f, to] as const)));
  const concepts = new Map<string, string[]>();
  for (const [to, froms] of Object.entries(d.concepts)) for (const f of froms) concepts.set(f, to.split(" ").filter(Boolean));
  for (const f of d.ignore) concepts.set(f, []);
  let conceptMaxWords = 1;
  const conceptMaxFrom = new Map<string, number>();
  for (const k of concepts.keys()) {
    const ws = k.split(" ");
    conceptMaxWords = Math.max(conceptMaxWords, ws.length);
    conceptMaxFrom.set(ws[0]!, Math.max(conceptMaxFrom.get(ws[0]!) ?? 0, ws.length));
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return {
    data,
    expand: invert(n.expand),
    accented: new Map(Object.entries(n.accented).map(([k, v]) => [k.normalize("NFC").toLowerCase(), v])),
    phrases: Object.entries(n.phrases).map(([from, to]) => [from, new RegExp(`\\b${escape(from)}\\b`, "g"), to]),
    keep: new Set(n.keep),
    bnQuantityNext: new Set(n.bn_quantity_next),
    bnClosingNext: new Set(n.bn_closing_next),
    bnQuantityPrev: new Set(n.bn_quantity_prev),
    particleAPrev: new Set(n.particle_a_prev),
    stopwords: new Set(n.stopwords),
    concepts,
    conceptMaxWords,
    conceptMaxFrom,
    facets: invert(d.facets),
    classes: Object.entries(d.classes).reduce((m, [k, ts]) => {
      for (const t of ts) m.set(t, (m.get(t) ?? new Set<string>()).add(k));
      return m;
    }, new Map<string, Set<string>>()),
    related: Object.values(d.related).reduce((m, ts) => {
      for (const t of ts) for (const u of ts) if (u !== t) m.set(t, (m.get(t) ?? new Set<string>()).add(u));
      return m;
    }, new Map<string, Set<string>>()),
    filler: new Set(d.filler),
    vayParticlePrev: new Set(d.vay_particle_prev),
    vayParticleNext: new Set(d.vay_particle_next),
    vayClauseNext: new Set(d.vay_clause_next),
    trailing: new Set(d.trailing),
    asks: ASK_KINDS.map((k) => [new RegExp(d.asks[k].join("|")), k]),
    moneyAsk: new RegExp(d.money_ask.join("|")),
    kin: Object.entries(d.beneficiary.kin).map(([k, res]) => [k, new RegExp(`(?:^|\\bcho )(?:${res.join("|")})\\b`)]),
    self: new RegExp(d.beneficiary.self.join("|")),
    smalltalk: Object.entries(data.smalltalk.classes).map(([k, res]) => [k, new RegExp(res.join("|"), "g")]),
    smalltalkWords: new Set(data.smalltalk.words),
  };
}

/** Parse and validate lexicon text; throws with every problem found. */
export function parseLexicon(text: string, source = "lexicon"): Lexicon {
  const r = lexiconSchema.safeParse(parseYaml(text));
  if (!r.success) {
    throw new Error(`${source}: ${r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return compileLexicon(r.data);
}

let cached: Lexicon | null = null;

/** The validated lexicon saved by the build beside the compiled code (dist/models/); absent from source. */
export const LEXICON_CACHE = fileURLToPath(new URL("../../../models/lexicon.json", import.meta.url));

/** The saved form of a lexicon text (validated here, so a bad lexicon fails the build): its hash and data. */
export function savedLexicon(text: string): string {
  return JSON.stringify({ hash: createHash("sha256").update(text).digest("hex"), data: parseLexicon(text, LEXICON_FILE).data });
}

/** The shipped lexicon, loaded once per process: the build's validated copy when it matches the YAML, else parsed. */
export function lexicon(): Lexicon {
  if (cached) return cached;
  const text = readFileSync(LEXICON_FILE, "utf8");
  try {
    const saved = JSON.parse(readFileSync(LEXICON_CACHE, "utf8")) as { hash: string; data: LexiconData };
    if (saved.hash === createHash("sha256").update(text).digest("hex")) return (cached = compileLexicon(saved.data));
  } catch {
    /* no saved copy (run from source) or an unreadable one: parse the YAML */
  }
  return (cached = parseLexicon(text, LEXICON_FILE));
}
