import type { Services } from "../../bot/core/context.ts";
import { abusiveAbbreviations, abusiveWords } from "../../prompts/vi/dialogue.ts";

/** Longest question accepted. */
export const MAX_QUESTION_LENGTH = 2000;

export type TextVerdict = "ok" | "empty" | "short" | "long" | "abusive" | "links" | "noise";

/** Lower-cased words (letters and digits, diacritics kept) of a text, NFC. */
function words(text: string): string[] {
  return text.normalize("NFC").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function stripDiacritics(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

/** Whether the phrase (a sequence of words) occurs as whole words in the word list. */
function containsPhrase(list: string[], phrase: string[]): boolean {
  if (!phrase.length) return false;
  outer: for (let i = 0; i + phrase.length <= list.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (list[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

const ABUSIVE = abusiveWords.map(words);
const ABBREVIATIONS = abusiveAbbreviations.map(words);

/** Offline word-list check: accented words as written, unaccented slang as whole words. */
export function isAbusiveOffline(text: string): boolean {
  const w = words(text);
  if (ABUSIVE.some((p) => containsPhrase(w, p))) return true;
  // Abbreviations are matched only on words typed without any diacritics, so that
  // ordinary accented words never collide with them.
  const plain = w.map((x) => (stripDiacritics(x) === x ? x : "\u0000"));
  return ABBREVIATIONS.some((p) => containsPhrase(plain, p));
}

const URL_RE = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|vn|info|xyz|top|io|me|ly|link|site|online|club|biz)(?:\/\S*)?/giu;

/** Shape checks that need no dictionary: length, links, noise. */
export function checkShape(text: string): TextVerdict {
  const t = text.trim();
  if (!t) return "empty";
  if (t.length > MAX_QUESTION_LENGTH) return "long";
  const links = t.match(URL_RE) ?? [];
  const rest = t.replace(URL_RE, " ");
  const letterWords = words(rest).filter((w) => /\p{L}/u.test(w));
  if (links.length >= 2 || (links.length === 1 && letterWords.length < 4)) return "links";
  if (/(.)\1{9,}/u.test(t)) return "noise";
  if (letterWords.length < 2 || rest.replace(/[^\p{L}]/gu, "").length < 6) return "short";
  const distinct = new Set(letterWords);
  if (letterWords.length >= 8 && distinct.size <= 2) return "noise";
  return "ok";
}

/**
 * Everything a question must pass before it is queued: shape, the offline word list and,
 * when an LLM is configured, its moderation (a failure of the LLM keeps the offline verdict).
 */
export async function checkQuestionText(s: Pick<Services, "llm" | "log">, text: string): Promise<TextVerdict> {
  const shape = checkShape(text);
  if (shape !== "ok") return shape;
  if (isAbusiveOffline(text)) return "abusive";
  if (s.llm) {
    try {
      const r = await s.llm.moderate(text);
      if (r?.flagged) return "abusive";
    } catch (e) {
      s.log.warn({ err: e }, "llm moderation failed; offline verdict kept");
    }
  }
  return "ok";
}
