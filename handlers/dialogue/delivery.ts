/**
 * Delivery told truthfully (issue 9, item 6): when a cadre answers, the message to the asker
 * is queued and the cadre is told it is being sent; once the platform has taken it — or
 * refused it (a blocked bot, a 403) — the cadre is told which. The outbox reports each row's
 * end (Outbox.onOutcome); a watch row remembers who waits for which message.
 *
 * A watch names the message by a keyed hash of its outbox dedupe key, never the key itself:
 * an anonymous asker's row (sealed address, pseudonymous key) cannot be joined to the
 * question through the watch by someone reading the database. Watches are removed once told
 * and forgotten after a week (a message still pending then is past reporting).
 */
import type { Services } from "../../bot/core/context.ts";
import type { DeliveryOutcome } from "../../bot/core/outbox/outbox.ts";
import { dialogueText as T } from "../../prompts/vi/dialogue.ts";
import { anonDedupe, type QRef } from "./anon.ts";

const WATCH_TTL_MS = 7 * 86_400_000;

const watchKey = (s: Services, dedupeKey: string) => s.secrets.hash("dlg-watch", dedupeKey);

/** The outbox dedupe key of a message to an asker (deliverToAsker's), first part. */
export function askerRowKey(s: Services, anonymous: boolean, plainKey: string): string {
  return `${anonymous ? anonDedupe(s, plainKey) : plainKey}#1`;
}

/** The cadre wants to hear how the message queued under `rowKey` ends. */
export async function watchDelivery(s: Services, cadreId: number, label: QRef, rowKey: string): Promise<void> {
  const now = s.clock.now();
  await s.prisma.deliveryWatch.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - WATCH_TTL_MS) } } });
  await s.prisma.deliveryWatch.upsert({
    where: { keyHash: watchKey(s, rowKey) },
    create: { keyHash: watchKey(s, rowKey), cadreId, label: String(label), createdAt: now },
    update: { cadreId, label: String(label) },
  });
}

/** The message could not even be queued (the asker is unreachable): nothing to wait for. */
export async function unwatchDelivery(s: Services, rowKey: string): Promise<void> {
  await s.prisma.deliveryWatch.deleteMany({ where: { keyHash: watchKey(s, rowKey) } });
}

/** Rows ended: tell each waiting cadre, once. A later part of a message only reports a failure. */
export async function deliveryOutcome(s: Services, o: DeliveryOutcome): Promise<void> {
  const rows = await s.prisma.outboxMessage.findMany({ where: { id: { in: o.ids }, dedupeKey: { not: null } }, select: { dedupeKey: true } });
  for (const r of rows) {
    const key = r.dedupeKey!;
    if (o.status === "sent" && !key.endsWith("#1")) continue;
    const first = key.replace(/#\d+$/, "#1");
    const watch = await s.prisma.deliveryWatch.findUnique({ where: { keyHash: watchKey(s, first) } });
    if (!watch) continue;
    const gone = await s.prisma.deliveryWatch.deleteMany({ where: { id: watch.id } });
    if (gone.count !== 1) continue; // another instance told it
    const label = /^\d+$/.test(watch.label) ? Number(watch.label) : watch.label;
    const text = o.status === "sent" ? T.deliveredAsker(label) : o.status === "blocked" ? T.deliveryBlocked(label) : T.deliveryFailed(label);
    await s.outbox.toPerson(watch.cadreId, { text }, { dedupeKey: `dlg:told:${watch.id}` });
  }
}

/** Listen to the outbox of these services (once per app: the feature's init). */
const listening = new WeakSet<object>();
export function listenDeliveries(s: Services): void {
  if (listening.has(s.outbox)) return;
  listening.add(s.outbox);
  s.outbox.onOutcome((o) => deliveryOutcome(s, o));
}
