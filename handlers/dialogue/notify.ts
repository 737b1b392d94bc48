/**
 * Notification: the messages the dialogue feature sends on its own — to the cadre holding
 * a question (or every cadre of its unit) and to the asker (through the sealed address
 * for anonymous questions). The words come from the catalogue (prompts/vi/dialogue.ts).
 */
import type { Services } from "../../bot/core/context.ts";
import type { AttachmentRef, Choice, Outgoing } from "../../bot/core/types.ts";
import { formatDateTime } from "../../bot/core/time.ts";
import { dialogueText as T } from "../../prompts/vi/dialogue.ts";
import { askerPersonId, type QuestionRow } from "./questions.ts";
import { labelOf, topicLabels } from "./topics.ts";
import { refOf, sendAnon } from "./anon.ts";
import { filesOfRow, sendWithFiles } from "./files.ts";

/**
 * Send a message to whoever asked a question; false when there is nobody to reach. To an
 * anonymous asker it goes through the outbox's anonymous target (sealed address, no person,
 * dropped once delivered) under a keyed hash of the dedupe key, which names no question.
 */
export async function deliverToAsker(
  s: Services,
  q: Pick<QuestionRow, "askerId" | "anonDelivery" | "anonymous">,
  out: Outgoing,
  dedupeKey: string,
): Promise<boolean> {
  const personId = askerPersonId(s, q);
  if (personId === null) return false;
  if (q.anonymous) return sendAnon(s, personId, out, dedupeKey);
  return s.outbox.toPerson(personId, out, { dedupeKey });
}

/** Who asked, as a cadre may see it: the name and unit, or "anonymous". */
async function askerLabel(s: Services, q: QuestionRow): Promise<string> {
  if (q.anonymous || q.askerId === null) return T.anonymous;
  const [p, u] = await Promise.all([
    s.prisma.person.findUnique({ where: { id: q.askerId }, select: { displayName: true } }),
    s.prisma.unit.findUnique({ where: { id: q.askerUnitId }, select: { name: true } }),
  ]);
  return `${p?.displayName ?? "—"}${u ? ` (${u.name})` : ""}`;
}

/** The buttons under every notice to a cadre: answer, hand on, or merge into another question. */
export function cadreChoices(id: number): Choice[] {
  return [
    { label: T.btnAnswer, action: "dlg.answer", args: { questionId: id } },
    { label: T.btnTransfer, action: "dlg.transfer", args: { questionId: id } },
    { label: T.btnMerge, action: "dlg.merge", args: { questionId: id } },
  ];
}

export type HolderNotice =
  | { kind: "new" }
  | { kind: "transfer"; from: string; reason: string }
  | { kind: "escalate"; from: string }
  | { kind: "stillOverdue" };

/** Cadres of a unit (each once). */
export async function unitCadres(s: Services, unitId: number): Promise<number[]> {
  const ms = await s.prisma.membership.findMany({ where: { unitId, role: "cadre" }, select: { personId: true } });
  return [...new Set(ms.map((m) => m.personId))];
}

/** The holder of a question: its assignee, or (unassigned) every cadre of its unit. */
export async function holdersOf(s: Services, q: Pick<QuestionRow, "assigneeId" | "unitId">): Promise<number[]> {
  return q.assigneeId !== null ? [q.assigneeId] : unitCadres(s, q.unitId);
}

/** Tell the cadre now holding a question (or, unassigned, every cadre of its unit). */
export async function notifyHolder(s: Services, q: QuestionRow, notice: HolderNotice, dedupeKey: string): Promise<void> {
  const recipients = await holdersOf(s, q);
  if (!recipients.length) return;
  const labels = await topicLabels(s.prisma);
  const topic = labelOf(labels, q.topic);
  const asker = await askerLabel(s, q);
  const due = formatDateTime(q.dueAt);
  let text: string;
  switch (notice.kind) {
    case "new":
      text = T.newQuestion(refOf(q), topic, asker, due, q.text);
      break;
    case "transfer":
      text = T.transferredIn(refOf(q), topic, asker, due, q.text, notice.from, notice.reason);
      break;
    case "escalate":
      text = T.escalatedIn(refOf(q), topic, asker, due, q.text, notice.from);
      break;
    case "stillOverdue":
      text = T.stillOverdue(refOf(q), due, q.text);
      break;
  }
  const files = filesOfRow(q);
  if (files.length) text += `\n\n${T.withFiles(files.length)}`;
  const ref = refOf(q);
  for (const pid of recipients) await sendWithFiles(s, pid, text, cadreChoices(q.id), files, (i, n) => T.fileCaption(ref, i, n), `${dedupeKey}:${pid}`);
}

/** A text for the holder(s) with the cadre buttons (reminders, reopened questions, follow-ups), and files when given. */
export async function tellHolders(
  s: Services,
  q: Pick<QuestionRow, "id" | "assigneeId" | "unitId">,
  text: string,
  dedupeKey: (pid: number) => string,
  files: { refs: AttachmentRef[]; caption: string } = { refs: [], caption: "" },
): Promise<void> {
  for (const pid of await holdersOf(s, q)) await sendWithFiles(s, pid, text, cadreChoices(q.id), files.refs, () => files.caption, dedupeKey(pid));
}
