/**
 * An answer on its way: to the asker (named, or through the sealed address), to the me-too
 * joiners — every joiner gets the first answer, with an offer to receive follow-up answers
 * too; a follow-up's answer reaches only the joiners who asked for it — and the cadre's
 * watch on the asker's message (delivery.ts).
 *
 * A follow-up ("chưa rõ", then the asker's words) is answered by its own Answer row
 * (`followUpId`), and its message shows what it answers: the question, the follow-up, the
 * answer. A joiner who came from a merged anonymous question (`anonymous` vote) is reached
 * through the anonymous target only, like every message about an anonymous question.
 */
import type { Services } from "../../../bot/core/context.ts";
import type { Outgoing } from "../../../bot/core/types.ts";
import { dialogueText as T } from "../../../prompts/vi/dialogue.ts";
import { deliverToAsker } from "../notify.ts";
import type { QuestionRow } from "../questions.ts";
import { refOf, sendAnon } from "../anon.ts";
import { askerRowKey, unwatchDelivery, watchDelivery } from "../delivery.ts";

export interface AnswerRow {
  id: number;
  text: string;
  signature: string;
  followUpId: number | null;
}

/** The follow-up an answer answers: its words (null for a first answer or when gone). */
export async function followUpText(s: Services, followUpId: number | null): Promise<string | null> {
  if (followUpId === null) return null;
  const ev = await s.prisma.questionEvent.findUnique({ where: { id: followUpId }, select: { detail: true } });
  return ev?.detail?.trim() || T.fileOnlyFollowUp;
}

/** The asker's latest follow-up still waiting for its answer (after the last answer), or null. */
export async function pendingFollowUp(s: Services, questionId: number): Promise<number | null> {
  const last = await s.prisma.answer.findFirst({ where: { questionId }, orderBy: { id: "desc" }, select: { createdAt: true } });
  if (!last) return null;
  const ev = await s.prisma.questionEvent.findFirst({
    where: { questionId, kind: "followup", at: { gte: last.createdAt } },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  return ev?.id ?? null;
}

/** Open a joiner's sealed address. */
function joinerPerson(s: Services, deliverTo: string | null): number | null {
  if (!deliverTo) return null;
  const opened = s.secrets.open(deliverTo);
  const pid = opened === null ? NaN : Number(opened);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Send to one joiner: through the anonymous target when the question or the joiner's way in was anonymous. */
export async function toJoiner(s: Services, q: Pick<QuestionRow, "anonymous">, v: { deliverTo: string | null; anonymous: boolean }, out: Outgoing, key: string): Promise<boolean> {
  const pid = joinerPerson(s, v.deliverTo);
  if (pid === null) return false;
  return q.anonymous || v.anonymous ? sendAnon(s, pid, out, key) : s.outbox.toPerson(pid, out, { dedupeKey: key });
}

/** The first answer as a joiner reads it, with the offer to receive follow-up answers too. */
export function joinerFirstAnswer(q: QuestionRow, a: AnswerRow, followsUps: boolean): Outgoing {
  const ref = refOf(q);
  const text = T.answerToJoiner(ref, q.text, a.text, a.signature);
  if (followsUps) return { text };
  return { text: `${text}\n\n${T.joinerFollowHint(ref)}`, choices: [{ label: T.btnFollowUps, action: "dlg.followups", args: { questionId: q.id } }] };
}

export interface Delivered {
  /** The asker's message was queued (false: unreachable — blocked or erased). */
  asker: boolean;
  joiners: number;
}

/** Deliver an answer; the cadre (when given) will be told how the asker's message ended. */
export async function deliverAnswer(s: Services, q: QuestionRow, a: AnswerRow, cadreId: number | null): Promise<Delivered> {
  const ref = refOf(q);
  const follow = await followUpText(s, a.followUpId);
  const toAsker: Outgoing = {
    text:
      (follow === null ? T.answerToAsker(ref, q.text, a.text, a.signature) : T.answerFollowUpToAsker(ref, q.text, follow, a.text, a.signature)) +
      "\n\n" +
      T.rateAsk(ref),
    choices: [
      { label: T.btnUseful, action: "dlg.rate", args: { questionId: q.id, value: "useful" } },
      { label: T.btnUnclear, action: "dlg.rate", args: { questionId: q.id, value: "unclear" } },
    ],
  };
  const plainKey = `dlg:ans:${a.id}:asker`;
  // the watch first: the outbox may deliver before the next line runs
  const rowKey = askerRowKey(s, q.anonymous, plainKey);
  if (cadreId !== null) await watchDelivery(s, cadreId, ref, rowKey);
  const asker = await deliverToAsker(s, q, toAsker, plainKey);
  if (!asker && cadreId !== null) await unwatchDelivery(s, rowKey);
  const joiners = await s.prisma.questionVote.findMany({
    where: { questionId: q.id, kind: "metoo", deliverTo: { not: null }, ...(follow === null ? {} : { followUps: true }) },
    select: { id: true, deliverTo: true, anonymous: true, followUps: true },
  });
  let n = 0;
  for (const v of joiners) {
    const out = follow === null ? joinerFirstAnswer(q, a, v.followUps) : { text: T.answerFollowUpToJoiner(ref, q.text, follow, a.text, a.signature) };
    if (await toJoiner(s, q, v, out, `dlg:ans:${a.id}:v${v.id}`)) n++;
  }
  return { asker, joiners: n };
}
