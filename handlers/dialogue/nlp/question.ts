// What a question says, as the duplicate detector reads it: its concepts weighted by position,
// the kind of ask (when, where / to whom, how much, how long, how old, how / what, yes-no) and
// the facets of its subject (cost, penalty, papers…). The words behind all of it are in
// prompts/nlp/lexicon.yaml (section `duplicates`).
import { type Ask, lexicon } from "./lexicon.ts";
import { normalize } from "./normalize.ts";

export type { Ask };

/** Weight of the first and last content word of the asking clause. */
export const POSITION_LOW = 0.35;
export const POSITION_HIGH = 2;
/** Positions at or above this weight are the tail of the question: what it asks. */
export const TAIL_WEIGHT = (POSITION_LOW + POSITION_HIGH) / 2;
/** Weight of the concepts of clauses around the one that asks. */
export const CONTEXT_WEIGHT = 0.4;
/** The kind of thing (prompts/nlp/lexicon.yaml, `classes`) whose number is asked as a what: a phone number, an address. */
const CONTACTS = "contacts";
/** A clause opening on these words asks about the subject of the clause before it. */
const FOLLOW_UP = /^(vay|the|vay thi|the thi|nhu vay|nhu the|vay cho|the cho|luc do|khi do|truong hop (nay|do)) /;
/** Where a comment after the question begins ("… không mà mình không chắc"). */
// (groups non-capturing: split() would return what a capturing group matched as clauses of their own)
const AFTERTHOUGHT = / (?=ma (?:minh|em|toi|tui|to|con) (?:khong|chua|cung khong) (?:chac|biet|ro|hieu|nho)\b)/;
/** Most words of a comma fragment joined to the clause after it. */
const SHORT_FRAGMENT = 2;
/** Facets that, asked about on one side only, make a different question (not just extra detail). */
export const ONE_SIDED_FACETS = new Set(["cost", "penalty", "papers", "prevent"]);

export interface Parsed {
  /** Concept → weight of its position (the ask sits at the end of a Vietnamese question). */
  concepts: Map<string, number>;
  asks: Set<Ask>;
  facets: Set<string>;
  /** Facets named in the ask itself (the weighty tail of the asking clause). */
  tailFacets: Set<string>;
  /** Concepts of the clause that asks (the rest is context: a personal situation, a preamble). */
  asked: Set<string>;
  /** Who it is for: kin ("child", "parent"…), "self", or nobody said. */
  target: Set<string>;
}

/** Who a question is for: kin it names after "cho" or opens with, else the asker when it speaks of itself. */
export function targetOf(norm: string): Set<string> {
  const lex = lexicon();
  const out = new Set<string>();
  for (const [k, re] of lex.kin) if (re.test(norm)) out.add(k);
  if (!out.size && lex.self.test(norm)) out.add("self");
  return out;
}

/** A normalised clause without the particles that close it, for reading its question words. */
function askForm(clause: string): string {
  const trailing = lexicon().trailing;
  const words = clause.split(" ");
  let end = words.length;
  while (end > 1 && trailing.has(words[end - 1]!)) end--;
  return words.slice(0, end).join(" ");
}

/**
 * The kinds of ask of a clause (without its closing particles). A situation told before "thì" is
 * not asked ("đi làm bị bệnh phải nghỉ mấy ngày thì có được bảo hiểm trả tiền không" asks yes or
 * no, not how long): when the words after the last "thì" ask something, only they count.
 */
export function asksOf(q: string): Set<Ask> {
  const lex = lexicon();
  const read = (t: string) => {
    const found = new Set<Ask>();
    for (const [re, ask] of lex.asks) if (re.test(t)) found.add(ask);
    return found;
  };
  const cut = q.lastIndexOf(" thi ");
  let found = cut > 0 ? read(q.slice(cut + 5)) : new Set<Ask>();
  if (!found.size) found = read(q);
  // "có bà con lên ở mấy bữa có phải báo không": a yes-or-no question closing on "có … không"
  // after a stated quantity asks only yes or no.
  const yes = q.lastIndexOf(" co ");
  if (found.has("yesno") && found.size > 1 && yes > 0) {
    const tail = read(q.slice(yes + 1));
    if (tail.size === 1 && tail.has("yesno")) return tail;
  }
  return found;
}

/** Concept tokens of a normalised text: longest synonym phrases first, filler dropped. */
export function concepts(norm: string, laterClause = false): string[] {
  const lex = lexicon();
  const words = norm.split(" ").filter(Boolean);
  /** Words of the longest phrase of the table starting at word i (0 when none). */
  const longest = (i: number) => {
    // only as many words as the longest phrase starting with this word
    for (let n = Math.min(lex.conceptMaxFrom.get(words[i]!) ?? 0, words.length - i); n >= 1; n--) if (lex.concepts.has(words.slice(i, i + n).join(" "))) return n;
    return 0;
  };
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = longest(i);
    // A longer phrase that starts inside this one and reaches further wins ("ký | hợp đồng lao
    // động", not "ký hợp đồng | lao động"): this word is then read alone.
    for (let j = i + 1; matched > 1 && j < i + matched; j++) {
      const later = longest(j);
      if (later > matched && j + later > i + matched) matched = lex.concepts.has(words[i]!) ? 1 : 0;
    }
    if (matched) {
      out.push(...lex.concepts.get(words.slice(i, i + matched).join(" "))!);
      i += matched;
      continue;
    }
    const w = words[i]!;
    // "vay" is "vậy" (so) closing a question or opening a clause before a question ("…, vậy có
    // được không"), "vay" (borrow) elsewhere.
    if (w === "vay")
      out.push(
        i === words.length - 1 ||
          lex.vayParticlePrev.has(words[i - 1] ?? "") ||
          lex.vayParticleNext.has(words[i + 1] ?? "") ||
          (laterClause && i === 0 && lex.vayClauseNext.has(words[i + 1] ?? ""))
          ? "vay"
          : "vay_von",
      );
    else out.push(w);
    i++;
  }
  return out.filter((w) => !lex.filler.has(w));
}

/**
 * Read a question. Clauses: the one holding the question words carries the ask, its end most of
 * all; context around it weighs less.
 */
export function parse(text: string): Parsed {
  const lex = lexicon();
  // Clauses, each with the sentence it belongs to (clauses of one sentence are split at commas).
  const sentenceOf: number[] = [];
  const clauses: string[] = [];
  text.split(/[.?!;\n]+/).forEach((sentence, k) => {
    // A fragment of one or two words before a comma is a list of the clause after it ("miễn,
    // giảm học phí", "hồ sơ, thủ tục đăng ký …"), not a clause of its own.
    const parts: string[] = [];
    let pending = "";
    for (const part of sentence.split(",")) {
      const joined = pending ? `${pending} ${part}` : part;
      // (words as typed: normalising each part twice costs more than the rare teen-code word miscounted)
      if (part.trim().split(/\s+/).filter(Boolean).length <= SHORT_FRAGMENT) pending = joined;
      else {
        parts.push(joined);
        pending = "";
      }
    }
    if (pending) parts.push(pending);
    for (const part of parts) {
      // "… có được hiến máu không mà mình không chắc": a comment after the question is its own clause.
      for (const c of normalize(part).split(AFTERTHOUGHT)) {
        if (!c) continue;
        clauses.push(c);
        sentenceOf.push(k);
      }
    }
  });
  // The ask is read from the clause that asks (the last one with question words): numbers and
  // ages stated in a personal preamble ("em 19 tuổi, …") are context, not the question.
  let asks = new Set<Ask>();
  let askClause = clauses.length - 1;
  clauses.forEach((c, i) => {
    const found = asksOf(askForm(c));
    if (found.size) {
      askClause = i;
      asks = found;
    }
  });
  // An ask that leans on the clause before it in its sentence ("…, vậy em được nhận bao nhiêu
  // tháng ạ") asks about that clause's subject: both are read as the asking clause. (Measured in
  // round 5 and not kept: merging an ask made only of question words, "…, như thế nào", or the
  // second of two asks, "ở đâu, cần giấy tờ gì", with the clause before it.)
  // Two asks of one sentence ("ở đâu, cần giấy tờ gì", "thực hiện ở đâu, như thế nào") are both asked.
  clauses.forEach((c, i) => {
    if (i !== askClause && sentenceOf[i] === sentenceOf[askClause]) for (const x of asksOf(askForm(c))) asks.add(x);
  });
  const prev = askClause - 1;
  if (prev >= 0 && sentenceOf[prev] === sentenceOf[askClause] && FOLLOW_UP.test(clauses[askClause]!)) {
    clauses.splice(prev, 2, `${clauses[prev]} ${clauses[askClause]!.replace(FOLLOW_UP, "")}`);
    askClause = prev;
  }
  // "bao nhiêu tuổi / bao lâu" already named the quantity precisely.
  if (asks.has("age") || asks.has("duration")) asks.delete("quantity");
  // "the hotline is how much / what": a number that is a contact (phone, address) is asked as a what.
  if (asks.has("quantity") && concepts(clauses[askClause] ?? "", askClause > 0).some((c) => lex.classes.get(c)?.has(CONTACTS))) {
    asks.delete("quantity");
    asks.add("what");
  }
  const positioned = new Map<string, number>();
  const asked = new Set<string>();
  const all: string[] = [];
  clauses.forEach((clause, k) => {
    const list = concepts(clause, k > 0);
    all.push(...list);
    list.forEach((c, i) => {
      const p = list.length > 1 ? i / (list.length - 1) : 1;
      const w = k === askClause ? POSITION_LOW + (POSITION_HIGH - POSITION_LOW) * p : CONTEXT_WEIGHT;
      positioned.set(c, Math.max(positioned.get(c) ?? 0, w));
      if (k === askClause) asked.add(c);
    });
  });
  const facets = new Set<string>();
  for (const c of all) {
    const f = lex.facets.get(c);
    if (f) facets.add(f);
  }
  // asking "how much money" is asking about the cost, even with no cost word left in the subject
  if (clauses.some((c) => lex.moneyAsk.test(c))) facets.add("cost");
  const tailFacets = new Set<string>();
  // With no question word the clause is a bare noun phrase ("lệ phí đăng ký kết hôn"), whose head
  // (what it asks about) comes first: a facet there is asked.
  const head = [...asks].every((x) => x === "procedure") ? lex.facets.get(concepts(clauses[askClause] ?? "", askClause > 0)[0] ?? "") : undefined;
  for (const [c, w] of positioned) {
    const f = lex.facets.get(c);
    if (f && w >= TAIL_WEIGHT && ONE_SIDED_FACETS.has(f)) tailFacets.add(f);
  }
  if (head && ONE_SIDED_FACETS.has(head)) tailFacets.add(head);
  // …and "lệ phí X" asks how much X costs.
  if (head === "cost") asks.add("quantity");
  return { concepts: positioned, asks, facets, tailFacets, asked, target: targetOf(clauses.join(" ")) };
}
