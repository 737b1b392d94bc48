/**
 * What volunteers are told outside a conversation — offers of a freed place, lapsed offers,
 * reminders before the start — and the durable jobs that send them. The data changes are
 * in service.ts; here they become words.
 */
import { z } from "zod";
import type { Services } from "../../bot/core/context.ts";
import { formatDateTime } from "../../bot/core/time.ts";
import { volunteersText as T } from "../../prompts/vi/volunteers.ts";
import { currentOffer, expireOffer, offerKey, remindKey, remindTargets, type Offer } from "./service.ts";

const offerPayload = z.object({ signupId: z.number().int().positive(), until: z.number().int() });
const remindPayload = z.object({ campaignId: z.number().int().positive(), hours: z.number().int().positive() });

/** A job payload checked against its schema; one this feature did not write is logged and dropped. */
function payloadOf<S extends z.ZodType>(s: Services, kind: string, schema: S, payload: Record<string, unknown>): z.infer<S> | null {
  const p = schema.safeParse(payload);
  if (p.success) return p.data;
  s.log.warn({ kind, issues: p.error.issues.length }, "invalid job payload dropped");
  return null;
}

/** Tell people about their offers now; the queued notice jobs then find them sent. */
export async function notifyOffers(s: Services, offers: Offer[]): Promise<void> {
  for (const o of offers) await sendOfferNotice(s, o.signupId, o.until.getTime());
}

/** The offer notice, with accept / decline choices. Sent once per offer. */
async function sendOfferNotice(s: Services, signupId: number, until: number): Promise<void> {
  const o = await currentOffer(s, signupId, until);
  if (!o) return;
  const c = o.campaign;
  await s.outbox.toPerson(
    o.signup.personId,
    {
      text: T.offer(c.id, c.title, formatDateTime(c.startsAt), formatDateTime(o.until)),
      choices: [
        { label: T.btnAccept, action: "vol.accept", args: { campaignId: c.id } },
        { label: T.btnDecline, action: "vol.decline", args: { campaignId: c.id } },
      ],
    },
    { dedupeKey: `${offerKey({ campaignId: c.id, signupId, until: o.until })}:notice` },
  );
}

export async function runOfferNotice(s: Services, payload: Record<string, unknown>): Promise<void> {
  const p = payloadOf(s, "volunteer.offer", offerPayload, payload);
  if (!p) return;
  await sendOfferNotice(s, p.signupId, p.until);
}

/** The claim window ran out: the person is told, and the next on the waitlist is offered the place. */
export async function runOfferExpiry(s: Services, payload: Record<string, unknown>): Promise<void> {
  const p = payloadOf(s, "volunteer.offerExpire", offerPayload, payload);
  if (!p) return;
  const r = await expireOffer(s, p.signupId, p.until);
  if (r.kind !== "lapsed") return;
  const c = r.campaign;
  await s.outbox.toPerson(
    r.personId,
    { text: T.offerExpired(c.id, c.title) },
    { dedupeKey: `${offerKey({ campaignId: c.id, signupId: p.signupId, until: new Date(p.until) })}:lapsed`, bulk: true },
  );
  await notifyOffers(s, r.offers);
}

/** Reminder to confirmed volunteers `hours` before the start. */
export async function runRemind(s: Services, payload: Record<string, unknown>): Promise<void> {
  const p = payloadOf(s, "volunteer.remind", remindPayload, payload);
  if (!p) return;
  const r = await remindTargets(s, p.campaignId, p.hours);
  if (r.kind !== "send") return;
  const c = r.campaign;
  for (const personId of r.personIds) {
    await s.outbox.toPerson(
      personId,
      { text: T.reminder(c.id, c.title, formatDateTime(c.startsAt), c.place, p.hours) },
      { dedupeKey: `${remindKey(c.id, p.hours)}:${personId}`, bulk: true },
    );
  }
}
