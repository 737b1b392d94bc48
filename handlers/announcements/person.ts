import type { PersonHooks } from "../../bot/core/people.ts";

/**
 * Follows and the mute go with a merged person (a follow both had is kept once); an erased
 * person's follows and mute are deleted. Announcements they sent stay (the unit's record),
 * pointing at the person row the kernel anonymises.
 */
export const announcementPersonHooks: PersonHooks = {
  async merge(tx, from, to) {
    const mine = await tx.topicFollow.findMany({ where: { personId: from } });
    for (const f of mine) {
      await tx.topicFollow.upsert({ where: { personId_topic: { personId: to, topic: f.topic } }, create: { personId: to, topic: f.topic, createdAt: f.createdAt }, update: {} });
    }
    await tx.topicFollow.deleteMany({ where: { personId: from } });
    const muted = await tx.announcementMute.findUnique({ where: { personId: from } });
    if (muted) {
      await tx.announcementMute.upsert({ where: { personId: to }, create: { personId: to, createdAt: muted.createdAt }, update: {} });
      await tx.announcementMute.delete({ where: { personId: from } });
    }
    await tx.announcement.updateMany({ where: { senderId: from }, data: { senderId: to } });
  },
  async erase(tx, personId) {
    await tx.topicFollow.deleteMany({ where: { personId } });
    await tx.announcementMute.deleteMany({ where: { personId } });
  },
  async exportData(db, personId) {
    const follows = await db.topicFollow.findMany({ where: { personId }, orderBy: { topic: "asc" } });
    const muted = await db.announcementMute.findUnique({ where: { personId } });
    const sent = await db.announcement.findMany({ where: { senderId: personId }, orderBy: { id: "asc" } });
    return {
      topicsFollowed: follows.map((f) => ({ topic: f.topic, since: f.createdAt })),
      announcementsMuted: muted ? { since: muted.createdAt } : null,
      announcementsSent: sent.map((a) => ({ id: a.id, text: a.text, sendAt: a.sendAt, recipients: a.recipients })),
    };
  },
};
