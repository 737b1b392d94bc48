/**
 * Photos and documents sent with a question or a follow-up (issue 9, item 5): saved through
 * bot/core/attachments.ts when the question is created, and shown to the cadre with the
 * notice — the first file carries the notice itself (a photo with its caption and buttons),
 * any further one follows as its own message. An anonymous question takes photos only (a
 * document keeps its name and metadata) and its files are saved naming nobody.
 */
import type { Ctx, Services } from "../../bot/core/context.ts";
import { attachmentsOf, parseRefs, saveAttachment, type AttachmentInput } from "../../bot/core/attachments.ts";
import type { AttachmentRef, Choice, Incoming } from "../../bot/core/types.ts";
import { z } from "zod";
import { releaseTime } from "./anon.ts";

/** Files kept in a conversation state until the question is sent (saved then, named or not). */
export const PendingFiles = z
  .array(
    z.object({
      origin: z.enum(["telegram", "zalo", "web"]),
      kind: z.enum(["photo", "document"]),
      ref: z.string().min(1).max(2000),
      name: z.string().max(200).optional(),
      mime: z.string().max(100).optional(),
      size: z.number().int().nonnegative().optional(),
    }),
  )
  .max(4)
  .catch([]);

/** The files an update carries, not saved yet. */
export function filesOf(inc: Incoming): AttachmentInput[] {
  return attachmentsOf(inc);
}

export const hasDocument = (files: AttachmentInput[]) => files.some((f) => f.kind === "document");

/** Save files for a question or follow-up: an anonymous sender's files name nobody. */
export async function saveFiles(s: Services, files: AttachmentInput[], personId: number, anonymous: boolean): Promise<AttachmentRef[]> {
  const refs: AttachmentRef[] = [];
  // an anonymous sender's file names nobody and is dated like the question (its batch), never its arrival
  const at = anonymous ? releaseTime(s, s.clock.now()) : undefined;
  for (const f of files) refs.push(await saveAttachment(s.prisma, s.clock, { ...f, personId: anonymous ? null : personId, ...(at ? { at } : {}) }));
  return refs;
}

/** The files stored with a question (or a follow-up event). */
export const filesOfRow = (row: { attachments?: string | null }): AttachmentRef[] => parseRefs(row.attachments);

/**
 * Send a notice to one person with its files: the first file with the notice (caption and
 * buttons), the others after it, each with its own caption.
 */
export async function sendWithFiles(
  s: Services,
  personId: number,
  text: string,
  choices: Choice[] | undefined,
  files: AttachmentRef[],
  caption: (i: number, n: number) => string,
  dedupeKey: string,
): Promise<void> {
  const [first, ...rest] = files;
  await s.outbox.toPerson(personId, { text, ...(choices?.length ? { choices } : {}), ...(first ? { attachment: first } : {}) }, { dedupeKey });
  for (const [i, f] of rest.entries()) await s.outbox.toPerson(personId, { text: caption(i + 2, files.length), attachment: f }, { dedupeKey: `${dedupeKey}:f${i + 2}` });
}

/** Files of the update being handled, for a flow that keeps them in its state. */
export function pendingFilesOf(ctx: Ctx): AttachmentInput[] {
  return PendingFiles.parse(filesOf(ctx.in));
}

/**
 * The files of a question being asked: those of this update (a photo with "/hoi …" as its
 * caption), else those kept in the waiting question's state (a photo offered as a question,
 * sent later with a button).
 */
export function currentFiles(ctx: Ctx): AttachmentInput[] {
  const now = filesOf(ctx.in);
  if (now.length) return now;
  const data = ctx.flow?.data as { files?: unknown } | undefined;
  return ctx.flow?.name === "dlg.pending" ? PendingFiles.parse(data?.files ?? []) : [];
}
