import { randomBytes } from "node:crypto";

/** Helpers for command arguments shared by the features. */

/** "12" or "#12" → 12; anything else → null. */
export function parseId(raw: string | undefined): number | null {
  const m = /^#?(\d{1,9})$/.exec((raw ?? "").trim());
  return m ? Number(m[1]) : null;
}

/** "12 rest of text" → { id: 12, rest: "rest of text" }. */
export function idAndRest(args: string): { id: number | null; rest: string } {
  const m = /^(\S+)(?:\s+([\s\S]*))?$/.exec(args.trim());
  return { id: parseId(m?.[1]), rest: (m?.[2] ?? "").trim() };
}

/** One-line forms: "a | b | c" → ["a", "b", "c"]. */
export function pipeFields(args: string): string[] {
  return args.split("|").map((x) => x.trim());
}

/** A short random token binding offered choices to the state they were offered for. */
export function nonce(): string {
  return randomBytes(6).toString("base64url");
}
