// Text normalisation for the offline NLP of the dialogue Q&A: accent-insensitive, teen-code
// tolerant. Everything downstream (classifier, duplicate detection, search) works on this form.
// The words it knows (teen code, typos, stop words) are in prompts/nlp/lexicon.yaml.
import { type Lexicon, lexicon } from "./lexicon.ts";

const COMBINING = /[\u0300-\u036f]/g;

/** Lower case, NFC, accents stripped (đ → d). Keeps punctuation. */
export function stripAccents(text: string): string {
  return text.normalize("NFC").toLowerCase().normalize("NFD").replace(COMBINING, "").replace(/đ/g, "d").normalize("NFC");
}

/** Context-free part of the word fixes, memoised (the same words come back all the time). */
const fixed = new Map<string, string>();
const FIXED_MAX = 200_000;

function fixPlain(lex: Lexicon, w: string): string {
  const hit = fixed.get(w);
  if (hit !== undefined) return hit;
  const { expand, keep } = lex;
  let out = expand.get(w);
  if (out === undefined) {
    out = w;
    // Letters repeated for emphasis ("khongggg", "diiii"): Vietnamese never triples a letter.
    if (/([a-z])\1\1/.test(w)) {
      const collapsed = w.replace(/([a-z])\1{2,}/g, "$1");
      out = expand.get(collapsed) ?? collapsed;
    } else if (/^\d{1,3}t$/.test(w)) {
      // "14t" is "14 tuổi"
      out = `${w.slice(0, -1)} tuoi`;
    } else if (/^\d{1,4}(tr|cu)$/.test(w)) {
      // "5tr", "8 củ" typed together: millions of dong
      out = `${w.replace(/\D+$/, "")} trieu`;
    } else if (/^\d{1,4}k$/.test(w)) {
      // "500k": thousands of dong
      out = `${w.slice(0, -1)} nghin`;
    } else if (/^[fjw][a-z]/.test(w) && !/\d/.test(w) && !keep.has(w)) {
      // Latin letters Vietnamese does not use, as youth type them: f→ph, j→gi, w→qu ("fai", "jup", "wen").
      out = (w[0] === "f" ? "ph" : w[0] === "j" ? "gi" : "qu") + w.slice(1);
    }
  }
  if (fixed.size >= FIXED_MAX) fixed.clear();
  fixed.set(w, out);
  return out;
}

function fixWord(lex: Lexicon, w: string, prev: string | undefined, next: string | undefined, last: boolean): string {
  if (w === "a") {
    // "a" closing a sentence is the particle "ạ" typed without accents.
    if (last || (prev !== undefined && lex.particleAPrev.has(prev))) return "a";
    return "anh";
  }
  if (w === "dv" && next === "cong") return "dich vu";
  if (w === "bn" && (next === undefined || lex.bnQuantityNext.has(next) || lex.bnClosingNext.has(next) || (prev !== undefined && lex.bnQuantityPrev.has(prev)))) {
    return "bao nhieu";
  }
  // "1 tháng" is "một tháng"
  if (w === "1" && next !== undefined && lex.bnQuantityNext.has(next)) return "mot";
  return fixPlain(lex, w);
}

/** Lower-case accent-free form of every precomposed Latin letter Vietnamese uses (À…ỹ, đ). */
const FOLD = new Map<number, string>();
for (let c = 0xc0; c <= 0x1ef9; c++) {
  const base = String.fromCharCode(c).toLowerCase().normalize("NFD").replace(COMBINING, "").replace(/đ/g, "d");
  if (/^[a-z]$/.test(base)) FOLD.set(c, base);
}
const BREAK_CHARS = new Set([..."\n.?!,;:()\u2026-\u2013\u2014"].map((c) => c.charCodeAt(0)));
const otherKind = new Map<number, boolean>();
/** Whether a character outside ASCII and the table is a letter or digit (kept as is). */
function isOtherWordChar(code: number): boolean {
  let k = otherKind.get(code);
  if (k === undefined) {
    k = /[\p{L}\p{N}]/u.test(String.fromCodePoint(code));
    otherKind.set(code, k);
  }
  return k;
}

/**
 * Normal form of a text: NFC, lower case, accents stripped (đ → d), punctuation removed,
 * teen code and frequent typos expanded, whitespace collapsed.
 */
export function normalize(text: string): string {
  const lex = lexicon();
  const src = text.normalize("NFC");
  const out: string[] = [];
  let clause: string[] = [];
  let word = "";
  // The polite particle typed with its accent ("ạ") is unambiguous: remember it.
  let particle = false;
  let wordChars = 0;
  // The word as typed (lower case, accents kept) while it has accents: looked up in `accented`.
  let typed = "";
  let accents = false;
  const endWord = () => {
    if (word) {
      const regional = accents ? lex.accented.get(typed) : undefined;
      if (regional !== undefined) clause.push(...regional.split(" "));
      else clause.push(particle && wordChars === 1 ? "\u0001" : word);
    }
    word = "";
    typed = "";
    accents = false;
    particle = false;
    wordChars = 0;
  };
  const flush = () => {
    endWord();
    for (let i = 0; i < clause.length; i++) {
      const w = clause[i]!;
      out.push(w === "\u0001" ? "a" : fixWord(lex, w, clause[i - 1], clause[i + 1], i === clause.length - 1));
    }
    clause = [];
  };
  for (let i = 0; i < src.length; i++) {
    const code = src.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      word += src[i];
      typed += src[i];
      wordChars++;
    } else if (code >= 65 && code <= 90) {
      word += String.fromCharCode(code + 32);
      typed += String.fromCharCode(code + 32);
      wordChars++;
    } else if (code === 37) {
      word += "%";
      wordChars++;
    } else if (code < 128) {
      if (BREAK_CHARS.has(code)) flush();
      else endWord();
    } else if (code >= 0x300 && code <= 0x36f) {
      // A combining accent left over by an unusual input: ignore.
    } else {
      const f = FOLD.get(code);
      if (f !== undefined) {
        word += f;
        typed += src[i]!.toLowerCase();
        accents = true;
        wordChars++;
        if (code === 0x1ea1 || code === 0x1ea0) particle = true;
      } else if (BREAK_CHARS.has(code)) flush();
      else if (code >= 0xd800 && code <= 0xdbff) {
        // Surrogate pair (emoji and the like): a separator unless it is a letter.
        const cp = src.codePointAt(i)!;
        if (isOtherWordChar(cp)) {
          word += String.fromCodePoint(cp).toLowerCase();
          wordChars++;
        } else endWord();
        i++;
      } else if (isOtherWordChar(code)) {
        word += src[i]!.toLowerCase();
        wordChars++;
      } else endWord();
    }
  }
  flush();
  let s = out.join(" ");
  for (const [needle, re, to] of lex.phrases) if (s.includes(needle)) s = s.replace(re, to);
  return s;
}

/** Function words that carry no subject: dropped by `tokens` (and by the classifier). */
export function stopwords(): Set<string> {
  return lexicon().stopwords;
}

/** Normalised word tokens, stopwords removed (all tokens if nothing else is left). */
export function tokens(text: string): string[] {
  const all = normalize(text).split(" ").filter(Boolean);
  const stop = lexicon().stopwords;
  const kept = all.filter((w) => !stop.has(w));
  return kept.length ? kept : all;
}
