/**
 * Anonymity by construction (issue 13): how an anonymous question is named (a random public
 * reference, never the sequential id), how messages reach its asker (the outbox's anonymous
 * target: sealed address, no person, text and address dropped once delivered, pseudonymous
 * dedupe keys) and when it reaches the cadre (in batches, so the timing tells nothing).
 */
import { randomInt } from "node:crypto";
import type { Ctx, Services } from "../../bot/core/context.ts";
import type { Target } from "../../bot/core/outbox/outbox.ts";
import type { Choice, Outgoing } from "../../bot/core/types.ts";
import { parseId } from "../../bot/core/args.ts";
import type { QRef } from "../../prompts/vi/dialogue.ts";
import type { QuestionRow } from "./questions.ts";

export type { QRef };

/** A new public reference of an anonymous question: "A" and six random digits. */
export function newPublicRef(): string {
  return `A${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
}

/** A question as typed in a command: a number (named questions) or an anonymous reference. */
export type TypedRef = { id: number } | { ref: string };

export function parseRef(raw: string | undefined): TypedRef | null {
  const t = (raw ?? "").trim();
  const a = /^#?([Aa]\d{6})$/.exec(t);
  if (a) return { ref: a[1]!.toUpperCase() };
  const id = parseId(t);
  return id === null ? null : { id };
}

/** "A123456 rest of text" or "12 rest of text" → the reference and the rest. */
export function refAndRest(args: string): { ref: TypedRef | null; rest: string } {
  const m = /^(\S+)(?:\s+([\s\S]*))?$/.exec(args.trim());
  return { ref: parseRef(m?.[1]), rest: (m?.[2] ?? "").trim() };
}

/** The label of a typed reference, as the user typed it (for "not found" answers). */
export function typedLabel(r: TypedRef): QRef {
  return "ref" in r ? r.ref : r.id;
}

/** How a question is named to people: its number when named, its public reference when anonymous. */
export function refOf(q: Pick<QuestionRow, "id" | "anonymous" | "publicRef">): QRef {
  return q.anonymous && q.publicRef ? q.publicRef : q.id;
}

/**
 * The question a typed reference names: a named question by its number, an anonymous one by
 * its reference only (its id would tell where it arrived among the others).
 */
export async function findByRef(s: Pick<Services, "prisma">, r: TypedRef): Promise<QuestionRow | null> {
  if ("ref" in r) return s.prisma.question.findUnique({ where: { publicRef: r.ref } });
  const q = await s.prisma.question.findUnique({ where: { id: r.id } });
  return q && !q.anonymous ? q : null;
}

/** The id of a typed reference, or null when it names no question the typist may name. */
export async function idOfRef(s: Pick<Services, "prisma">, r: TypedRef): Promise<number | null> {
  return (await findByRef(s, r))?.id ?? null;
}

/** A dedupe key that names no question, answer or person: a keyed hash of the plain key. */
export function anonDedupe(s: Services, plain: string): string {
  return `anon:${s.secrets.hash("dlg-dedupe", plain)}`;
}

/** A person's address as an anonymous target (sealed in the outbox, no person id). */
export async function anonTargetOf(s: Services, personId: number): Promise<Target | null> {
  const t = await s.outbox.targetOf(personId);
  if (!t) return null;
  const anon: Target & { anonymous: boolean } = { ...t, personId: null, anonymous: true };
  return anon;
}

/** Send to a person through the anonymous target; false when unreachable. */
export async function sendAnon(s: Services, personId: number, out: Outgoing, plainKey: string): Promise<boolean> {
  const t = await anonTargetOf(s, personId);
  if (!t) return false;
  await s.outbox.enqueue(t, out, { dedupeKey: anonDedupe(s, plainKey) });
  return true;
}

/**
 * A reply about an anonymous question (its confirmation, "my questions", a rating) to the chat
 * that is talking: through the anonymous target, so no row keeps the chat next to the words.
 */
export async function replyAnon(ctx: Ctx, text: string, choices?: Choice[]): Promise<void> {
  // `forget`: the router queues it in order with the other replies, to the anonymous target
  ctx.replyWith({ text, ...(choices?.length ? { choices } : {}), forget: true });
}

/** When an anonymous question asked now reaches the cadre: the end of the current batch (now when batching is off). */
export function releaseTime(s: Services, now: Date): Date {
  const period = s.config.ANON_BATCH_MINUTES * 60_000;
  if (period <= 0) return now;
  return new Date(Math.ceil(now.getTime() / period) * period);
}

/** Shuffle (Fisher–Yates with a cryptographic generator): a batch is told in no particular order. */
export function shuffled<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(0, i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
