// Checks of the lexicon that need the normaliser: every entry must be reachable (written the way
// normalize() outputs text, not rewritten by another entry) and no function word may be read as
// a concept. The structural checks (a form listed twice, a phrase under two concepts) are in the
// zod schema of lexicon.ts. Run by test/unit/nlp.test.ts.
import type { Lexicon } from "./lexicon.ts";

/** Every problem found, one readable line each; [] when the lexicon is sound. */
export function lexiconProblems(lex: Lexicon, normalize: (text: string) => string): string[] {
  const problems: string[] = [];
  const d = lex.data;
  const notNormal = (section: string, form: string) => {
    const n = normalize(form);
    if (n !== form) problems.push(`${section}: "${form}" is never looked up: text reads "${n}" there`);
  };

  for (const [to, typed] of Object.entries(d.normalize.expand)) {
    notNormal("normalize.expand (target)", to);
    for (const t of typed) if (!/^[a-z0-9%]+$/.test(t)) problems.push(`normalize.expand: "${t}" is not one lower-case word without accents`);
  }
  for (const [from, to] of Object.entries(d.normalize.phrases)) {
    // A phrase is matched after the word fixes: each of its words must survive them.
    for (const w of from.split(" ")) notNormal(`normalize.phrases ("${from}")`, w);
    notNormal("normalize.phrases (target)", to);
  }
  for (const w of d.normalize.keep) {
    if (!/^[fjw][a-z]/.test(w)) problems.push(`normalize.keep: "${w}" does not start with f, j or w: nothing to keep`);
    if (lex.expand.has(w)) problems.push(`normalize.keep: "${w}" is also expanded`);
  }
  const wordLists: [string, string[]][] = [
    ["normalize.bn_quantity_next", d.normalize.bn_quantity_next],
    ["normalize.bn_closing_next", d.normalize.bn_closing_next],
    ["normalize.bn_quantity_prev", d.normalize.bn_quantity_prev],
    ["normalize.particle_a_prev", d.normalize.particle_a_prev],
    ["normalize.stopwords", d.normalize.stopwords],
    ["duplicates.vay_particle_prev", d.duplicates.vay_particle_prev],
    ["duplicates.vay_particle_next", d.duplicates.vay_particle_next],
    ["duplicates.vay_clause_next", d.duplicates.vay_clause_next],
    ["duplicates.trailing", d.duplicates.trailing],
  ];
  for (const [section, list] of wordLists) for (const w of list) notNormal(section, w);

  // Concepts: phrases in normal form, never a lone function word ("không" is not a concept), and
  // never a token the filler drops anyway (that phrase belongs in `ignore`).
  for (const [concept, phrases] of [...Object.entries(d.duplicates.concepts), ["(ignored)", d.duplicates.ignore] as const]) {
    for (const p of phrases) {
      notNormal(`duplicates.concepts.${concept}`, p);
      if (concept !== "(ignored)" && lex.stopwords.has(p)) problems.push(`duplicates.concepts.${concept}: "${p}" is a stop word`);
    }
    if (concept !== "(ignored)" && concept.split(" ").every((t) => lex.filler.has(t))) {
      problems.push(`duplicates.concepts: "${concept}" is dropped as filler (list its phrases under ignore)`);
    }
  }

  // Facets and filler name tokens the concept reader can output.
  const outputs = new Set(["vay", "vay_von"]);
  for (const ts of lex.concepts.values()) for (const t of ts) outputs.add(t);
  /** Whether the concept reader can output token t (before the filler is dropped). */
  const output = (t: string) => {
    if (outputs.has(t)) return true;
    if (t.includes("_") || normalize(t) !== t) return false;
    // A plain word survives unless a one-word phrase turns it into something else.
    const m = lex.concepts.get(t);
    return m === undefined || (m.length === 1 && m[0] === t);
  };
  for (const [facet, ts] of Object.entries(d.duplicates.facets)) {
    for (const t of ts) if (lex.filler.has(t) || !output(t)) problems.push(`duplicates.facets.${facet}: "${t}" is never a concept token`);
  }
  for (const t of d.duplicates.filler) if (!output(t)) problems.push(`duplicates.filler: "${t}" is never a concept token`);
  return problems;
}
