// Small talk and questions about the bot itself (greetings, thanks, "who are you", "is anyone
// there"): each kind is its own concept, read from prompts/nlp/lexicon.yaml (section `smalltalk`).
// Two messages of small talk are the same when they are the same kind; small talk is never the
// same as a real question. A kind is one intent (greeting, thanks, praise, goodbye, good night,
// the bot's name, human or bot, ChatGPT, what it can do, privacy, deleting my data, complaint,
// apology, love life…); a message is small talk only when nothing but its intent is said: at
// most one other word, and none that names a subject of the lexicon.
import { lexicon } from "./lexicon.ts";
import { normalize } from "./normalize.ts";
import { concepts } from "./question.ts";

export interface SmallTalk {
  /** Kinds found ("greet" dropped when something else is said too). */
  kinds: Set<string>;
  /** Whether nothing but small talk is said (at most one other word). */
  pure: boolean;
  /**
   * Whether the intent is said with a few more words, none naming a subject of the lexicon ("gửi
   * câu hỏi rồi chờ khoảng mấy ngày thì có phản hồi"): the same as that intent said purely.
   */
  loose: boolean;
  /** Whether a word left over names a subject of the lexicon (then it is a real question). */
  named: boolean;
}

const LEFTOVER_MAX = 1;
/** Most other words a loosely said intent may carry (see `SmallTalk.loose`). */
const LOOSE_LEFTOVER_MAX = 6;
/** Kinds dropped when something more precise is said too, in this order. */
const GENERIC_KINDS = ["ack", "greet", "presence", "identity"];
/** Kinds that give way to a precise one said with them: praise said with thanks is thanks. */
const YIELDS: Record<string, string[]> = {
  bye: ["goodnight"],
  privacy: ["delete_data"],
  apology: ["bye", "goodnight", "thanks", "withdraw"],
  history: ["withdraw"],
  // issue 12, round 6: a feeling or a remark said with a request ("chán quá, kể chuyện cười đi")
  mood: ["joke", "song", "chitchat"],
  wellbeing: ["joke", "song", "chitchat"],
  compliment: ["thanks", "complaint", "weather"],
};
/**
 * Kinds answered alike: opening the chat with a greeting, asking whether anyone is there or only
 * calling the bot ("alo alo có ai hông" / "hello bot ơi").
 */
const SAME_AS: Record<string, string> = { presence: "greet", call: "greet" };
const canonical = (kinds: Set<string>) => new Set([...kinds].map((k) => SAME_AS[k] ?? k));

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
  for (const [kind, over] of Object.entries(YIELDS)) if (kinds.has(kind) && over.some((k) => kinds.has(k))) kinds.delete(kind);
  for (const generic of GENERIC_KINDS) if (kinds.size > 1) kinds.delete(generic);
  const left = rest.split(" ").filter((w) => w && !lex.smalltalkWords.has(w));
  // A word left over that names a subject of the lexicon ("nghèo", "vào Đảng") makes it a question.
  // (a concept made only of words that go with small talk, "trả lời", names none, unless it is a
  // thing of a known kind: "bằng lái" is made of such words)
  const named =
    left.length > 0 &&
    concepts(rest.trim()).some((t) => lex.classes.has(t) || (t.includes("_") && !t.split("_").every((w) => lex.smalltalkWords.has(w))));
  const precise = [...kinds].some((k) => !GENERIC_KINDS.includes(k));
  return {
    kinds,
    pure: kinds.size > 0 && left.length <= LEFTOVER_MAX && !named,
    loose: precise && left.length <= LOOSE_LEFTOVER_MAX && !named,
    named,
  };
}

/** 1 or 0 when small talk decides the pair, null when both are real questions. */
export function smalltalkVerdict(a: string, b: string): number | null {
  return talkVerdict(smalltalk(a), smalltalk(b));
}

/** The verdict of `smalltalkVerdict` from the small talk of each side. */
export function talkVerdict(sa: SmallTalk, sb: SmallTalk): number | null {
  const ka = canonical(sa.kinds);
  const kb = canonical(sb.kinds);
  const same = ka.size > 0 && ka.size === kb.size && [...ka].every((k) => kb.has(k));
  // One precise intent, said purely on one side and loosely on the other.
  if (same && ((sa.pure && sb.loose) || (sb.pure && sa.loose))) return 1;
  if (!sa.pure && !sb.pure) return null;
  if (sa.pure !== sb.pure) return 0;
  return same ? 1 : 0;
}
