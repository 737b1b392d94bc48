import type { PersonHooks } from "../../bot/core/people.ts";

/**
 * Sign-ups and the campaigns a person organises follow a merged person. An erased person's
 * open places and waitlist entries are given up; their confirmed and attended sign-ups and
 * the campaigns they created stay (the unit's records: counts, person-times), pointing at
 * the person row the kernel anonymises.
 */
export const volunteerPersonHooks: PersonHooks = {
  async merge(tx, from, to) {
    const mine = await tx.signup.findMany({ where: { personId: from } });
    for (const su of mine) {
      const clash = await tx.signup.findUnique({ where: { campaignId_personId: { campaignId: su.campaignId, personId: to } } });
      if (clash) await tx.signup.delete({ where: { id: su.id } });
      else await tx.signup.update({ where: { id: su.id }, data: { personId: to } });
    }
    await tx.campaign.updateMany({ where: { createdById: from }, data: { createdById: to } });
  },
  async erase(tx, personId) {
    await tx.signup.updateMany({ where: { personId, status: { in: ["waitlist", "offered"] } }, data: { status: "cancelled" } });
  },
};
