/**
 * What the plumbing kept of a person, erased on `/xoadulieu` inside the kernel's erase
 * transaction: the outbox rows to their chats (named, or sealed to them when anonymous), the
 * display name inside other people's outbox rows (a cadre's "question from …"), stored inbound
 * updates, conversation state, choice sets, download files and the audit log's actor and text.
 */
import { randomUUID } from "node:crypto";
import type { Tx } from "./people.ts";
import type { ChannelName } from "./types.ts";
import type { Outbox } from "./outbox/outbox.ts";
import { eraseDownloads } from "./downloads.ts";
import { eraseAttachments } from "./attachments.ts";

/** A platform identity of the person being erased. */
export interface TraceAddress {
  channel: ChannelName;
  chatId: string;
  /** Platform user id (Identity.externalId). */
  userId: string;
}

/** What a name is replaced with in rows that keep their meaning without it. */
export const ERASED_NAME = "—";

/** Rows read per batch when scanning for a name or a sealed address. */
const BATCH = 500;

const jsonInner = (s: string) => JSON.stringify(s).slice(1, -1);

function replaceAll(value: string, names: readonly string[]): string {
  let out = value;
  for (const n of names) out = out.split(n).join(ERASED_NAME);
  return out;
}

export async function eraseTraces(
  tx: Tx,
  outbox: Pick<Outbox, "choiceOwner" | "chatKeyOf" | "addressOfRow">,
  who: { personId: number; addresses: readonly TraceAddress[]; names: readonly string[] },
): Promise<void> {
  // names of one or two letters would wreck other words: only real names are looked for
  const names = [...new Set(who.names.map((n) => n.trim()).filter((n) => n.length >= 3 && n !== ERASED_NAME))];

  // outbox: every row to the person, by person, chat, or the per-chat key
  const mine = who.addresses.flatMap((a) => [{ channel: a.channel, chatId: a.chatId }, { channel: a.channel, chatKey: outbox.chatKeyOf(a.channel, a.chatId) }]);
  await tx.outboxMessage.deleteMany({ where: { OR: [{ personId: who.personId }, ...mine] } });
  // rows sealed to an anonymous chat of theirs: opened one by one
  const chats = new Set(who.addresses.map((a) => `${a.channel}:${a.chatId}`));
  for (let after = 0; ; ) {
    const rows = await tx.outboxMessage.findMany({
      where: { sealedTo: { not: null }, id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, channel: true, chatId: true, sealedTo: true },
    });
    if (!rows.length) break;
    after = rows[rows.length - 1]!.id;
    const gone = rows.filter((r) => chats.has(`${r.channel}:${outbox.addressOfRow(r) ?? ""}`)).map((r) => r.id);
    if (gone.length) await tx.outboxMessage.deleteMany({ where: { id: { in: gone } } });
  }
  // the name inside other people's messages
  for (const name of names) {
    const rows = await tx.outboxMessage.findMany({ where: { payload: { contains: jsonInner(name) } }, select: { id: true, payload: true } });
    for (const r of rows) await tx.outboxMessage.update({ where: { id: r.id }, data: { payload: replaceAll(r.payload, names.map(jsonInner)) } });
  }

  for (const a of who.addresses) {
    // stored updates still holding their message (pending, failed) or keyed by their id (web):
    // emptied and re-keyed, not deleted (the update being handled right now is one of them)
    const updates = await tx.inboundUpdate.findMany({
      where: {
        channel: a.channel,
        OR: [
          { payload: { contains: `"chatId":${JSON.stringify(a.chatId)}` } },
          { payload: { contains: `"userId":${JSON.stringify(a.userId)}` } },
          // the web's keys start with the user id; any key holding it is re-keyed (it is only a dedupe key)
          { updateKey: { contains: a.userId } },
        ],
      },
      select: { id: true },
    });
    for (const u of updates) await tx.inboundUpdate.update({ where: { id: u.id }, data: { payload: "", updateKey: `erased:${randomUUID()}` } });
    await tx.conversation.deleteMany({ where: { channel: a.channel, userKey: a.userId } });
    await tx.choiceSet.deleteMany({
      where: { channel: a.channel, userKey: { in: [a.userId, outbox.choiceOwner(a.channel, a.userId), outbox.choiceOwner(a.channel, a.userId, true)] } },
    });
  }
  await eraseDownloads(tx, who.personId);
  await eraseAttachments(tx, who.personId);

  // the audit log keeps what happened, not who did it nor the words naming them
  await tx.auditLog.updateMany({ where: { actorId: who.personId }, data: { actorId: null } });
  for (const name of names) {
    const rows = await tx.auditLog.findMany({ where: { detail: { contains: name } }, select: { id: true, detail: true } });
    for (const r of rows) await tx.auditLog.update({ where: { id: r.id }, data: { detail: replaceAll(r.detail ?? "", names) } });
  }
}
