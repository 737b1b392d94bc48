/** The volunteer's side: open campaigns, sign up, cancel, answer an offer. */
import type { Ctx } from "../../bot/core/context.ts";
import { formatDateTime } from "../../bot/core/time.ts";
import type { Choice } from "../../bot/core/types.ts";
import { volunteersText as T } from "../../prompts/vi/volunteers.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { notifyOffers } from "./notices.ts";
import {
  campaignsFor,
  cancelSignup,
  countsOf,
  personTimes,
  signUp,
  signupOf,
  signupsByCampaign,
  waitlistPosition,
  type CancelResult,
  type SignupResult,
} from "./service.ts";
import { myUnits } from "./units.ts";
import { myTurnLines } from "./campaigns.ts";
import { campaignsText as C } from "../../prompts/vi/volunteers.ts";

/** Sign-up buttons under the list (the rest by `/dangky <số>`). */
const SIGNUP_BUTTONS = 6;

async function answerSignup(ctx: Ctx, id: number, r: SignupResult): Promise<void> {
  switch (r.kind) {
    case "unknown":
      return ctx.reply(T.unknown(id));
    case "notInScope":
      return ctx.reply(T.notInScope(id));
    case "closed":
      return ctx.reply(T.closed(id, formatDateTime(r.deadline)));
    case "started":
      return ctx.reply(T.started(id));
    case "alreadyConfirmed":
      return ctx.reply(T.alreadyConfirmed(id));
    case "alreadyWaiting":
      return ctx.reply(T.alreadyWaiting(id, r.position));
    case "confirmed":
      await ctx.audit("signup.confirmed", "campaign", id);
      return ctx.reply(T.confirmed(id, r.campaign.title, formatDateTime(r.campaign.startsAt), r.campaign.place));
    case "waitlist":
      await ctx.audit("signup.waitlist", "campaign", id);
      return ctx.reply(T.waitlisted(id, r.campaign.title, r.position));
    case "accepted":
      await ctx.audit("signup.accepted", "campaign", id);
      return ctx.reply(T.accepted(id, r.campaign.title, formatDateTime(r.campaign.startsAt)));
    case "offerExpired":
      return ctx.reply(T.offerGone(id));
  }
}

export async function doSignup(ctx: Ctx, id: number): Promise<void> {
  if (!ctx.memberships.length) return ctx.reply(coreText.needMembership);
  const r = await signUp(ctx.s, { personId: ctx.person!.id, units: myUnits(ctx), campaignId: id });
  await answerSignup(ctx, id, r);
  // a lapsed offer found on the way passed the place on
  if (r.kind === "offerExpired") await notifyOffers(ctx.s, r.offers);
}

function cancelText(id: number, r: CancelResult): string {
  switch (r.kind) {
    case "unknown":
      return T.unknown(id);
    case "notSigned":
      return T.notSigned(id);
    case "started":
      return T.started(id);
    case "cancelled":
      return T.cancelledConfirmed(id);
    case "declined":
      return T.declined(id);
    case "leftWaitlist":
      return T.cancelledWaiting(id);
  }
}

export async function doCancel(ctx: Ctx, id: number): Promise<void> {
  const r = await cancelSignup(ctx.s, { personId: ctx.person!.id, campaignId: id });
  if ("offers" in r) await ctx.audit(`signup.${r.kind}`, "campaign", id);
  ctx.reply(cancelText(id, r));
  if ("offers" in r) await notifyOffers(ctx.s, r.offers);
}

/** An offer answered by its button: only while it is still this person's offer. */
export async function answerOffer(ctx: Ctx, id: number, accept: boolean): Promise<void> {
  const su = await signupOf(ctx.s.prisma, id, ctx.person!.id);
  if (!su || su.status !== "offered") return ctx.reply(accept && su?.status === "confirmed" ? T.alreadyConfirmed(id) : T.offerGone(id));
  await (accept ? doSignup(ctx, id) : doCancel(ctx, id));
}

/** `/tinhnguyen`: campaigns open to my units, my status in each, sign-up buttons. */
export async function listOpen(ctx: Ctx): Promise<void> {
  const { prisma } = ctx.s;
  const now = ctx.s.clock.now();
  const me = ctx.person!.id;
  const list = await campaignsFor(prisma, me, myUnits(ctx), now);
  const total = await personTimes(prisma, me);
  // "lượt của tôi": the shifts and campaigns I took part in, then the total and the certificate
  const turns = total ? ["", ...(await myTurnLines(ctx)), T.myTotal(total), C.certificateHint] : [];
  if (!list.length) return ctx.reply([T.listNone, ...turns].join("\n"));
  const ids = list.map((c) => c.id);
  const [counts, mine] = await Promise.all([countsOf(prisma, ids), signupsByCampaign(prisma, me, ids)]);
  const lines: string[] = [T.listHeader];
  const choices: Choice[] = [];
  for (const c of list) {
    const k = counts.get(c.id)!;
    const su = mine.get(c.id);
    let status: string | null = null;
    if (su?.status === "confirmed") status = T.mine.confirmed;
    else if (su?.status === "waitlist") status = T.mine.waitlist(await waitlistPosition(prisma, su));
    else if (su?.status === "offered" && su.offeredUntil) status = T.mine.offered(formatDateTime(su.offeredUntil));
    lines.push(
      "",
      T.campaignLine({
        id: c.id,
        title: c.title,
        start: formatDateTime(c.startsAt),
        end: formatDateTime(c.endsAt),
        place: c.place,
        deadline: formatDateTime(c.signupDeadline),
        left: Math.max(0, c.capacity - k.confirmed - k.offered),
        capacity: c.capacity,
        waiting: k.waitlist,
        mine: status,
      }),
    );
    const open = c.signupDeadline.getTime() > now.getTime();
    if (open && (!su || su.status === "cancelled" || su.status === "expired") && choices.length < SIGNUP_BUTTONS) {
      choices.push({ label: T.btnSignup(c.id), action: "vol.signup", args: { campaignId: c.id } });
    }
  }
  lines.push("", T.listFooter, ...turns);
  ctx.reply(lines.join("\n"), choices);
}
