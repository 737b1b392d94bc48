/**
 * Patterns built from the words users type (prompts/vi/commands.ts `typedWords`, and the
 * features' own keyword lists), so no Vietnamese word is spelled in code.
 */

/** A regular-expression alternation matching any of the words literally, longest first. */
export function anyWord(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
}

/** A pattern matching exactly one of the words (case-insensitive; input compared in NFC). */
export function oneOf(words: readonly string[]): RegExp {
  return new RegExp(`^(?:${anyWord(words)})$`, "iu");
}
