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
/** Kinds dropped when something more precise is said too, in this order. */
const GENERIC_KINDS = ["greet", "presence", "identity"];

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
  // Generic kinds give way to a precise one ("is anyone answering at weekends" asks the hours).
  for (const generic of GENERIC_KINDS) if (kinds.size > 1) kinds.delete(generic);
  const left = rest.split(" ").filter((w) => w && !lex.smalltalkWords.has(w));
  return { kinds, pure: kinds.size > 0 && left.length <= LEFTOVER_MAX };
}

/** 1 or 0 when small talk decides the pair, null when both are real questions. */
export function smalltalkVerdict(a: string, b: string): number | null {
  return talkVerdict(smalltalk(a), smalltalk(b));
}

/** The verdict of `smalltalkVerdict` from the small talk of each side. */
export function talkVerdict(sa: SmallTalk, sb: SmallTalk): number | null {
  if (!sa.pure && !sb.pure) return null;
  if (sa.pure !== sb.pure) return 0;
  return sa.kinds.size === sb.kinds.size && [...sa.kinds].every((k) => sb.kinds.has(k)) ? 1 : 0;
}
