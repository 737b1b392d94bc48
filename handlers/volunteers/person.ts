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
    await tx.volunteerProgram.updateMany({ where: { createdById: from }, data: { createdById: to } });
    await tx.volunteerActivity.updateMany({ where: { createdById: from }, data: { createdById: to } });
  },
  async erase(tx, personId) {
    await tx.signup.updateMany({ where: { personId, status: { in: ["waitlist", "offered"] } }, data: { status: "cancelled" } });
  },
  async exportData(db, personId) {
    const signups = await db.signup.findMany({ where: { personId }, orderBy: { id: "asc" } });
    const campaigns = new Map((await db.campaign.findMany({ where: { id: { in: signups.map((x) => x.campaignId) } } })).map((c) => [c.id, c]));
    return {
      signups: signups.map((x) => ({
        campaign: campaigns.get(x.campaignId)?.title ?? "",
        startsAt: campaigns.get(x.campaignId)?.startsAt ?? null,
        status: x.status,
        attended: x.attended,
        checkedInAt: x.checkedInAt,
        at: x.createdAt,
      })),
    };
  },
};
