// Small talk and questions about the bot itself (greetings, thanks, "who are you", "is anyone
// there"): each kind is its own concept, read from prompts/nlp/lexicon.yaml (section `smalltalk`).
// Two messages of small talk are the same when they are the same kind; small talk is never the
// same as a real question.
import { lexicon } from "./lexicon.ts";
import { normalize } from "./normalize.ts";

export interface SmallTalk {
  /** Kinds found ("greet" dropped when something else is said too). */
  kinds: Set<string>;
  /** Whether nothing but small talk is said (at most one other word). */
  pure: boolean;
}

const LEFTOVER_MAX = 1;

/** The small talk of a text. */
export function smalltalk(text: string): SmallTalk {
  const lex = lexicon();
  let rest = ` ${normalize(text)} `;
  const kinds = new Set<string>();
  for (const [kind, re] of lex.smalltalk) {
    re.lastIndex = 0;
    if (re.test(rest)) {
      kinds.add(kind);
      re.lastIndex = 0;
      rest = rest.replace(re, " ");
    }
  }
  if (kinds.size > 1) kinds.delete("greet");
  const left = rest.split(" ").filter((w) => w && !lex.smalltalkWords.has(w) && !lex.filler.has(w));
  return { kinds, pure: kinds.size > 0 && left.length <= LEFTOVER_MAX };
}

/** 1 or 0 when small talk decides the pair, null when both are real questions. */
export function smalltalkVerdict(a: string, b: string): number | null {
  const sa = smalltalk(a);
  const sb = smalltalk(b);
  if (!sa.pure && !sb.pure) return null;
  if (sa.pure !== sb.pure) return 0;
  return sa.kinds.size === sb.kinds.size && [...sa.kinds].every((k) => sb.kinds.has(k)) ? 1 : 0;
}
