import type { PersonHooks } from "../../bot/core/people.ts";

/**
 * Check-ins and the meetings a secretary set follow a merged person. An erased person's
 * check-ins stay (the branch's attendance count), pointing at the person row the kernel
 * anonymises.
 */
export const meetingPersonHooks: PersonHooks = {
  async merge(tx, from, to) {
    const mine = await tx.meetingCheckin.findMany({ where: { personId: from } });
    for (const c of mine) {
      const clash = await tx.meetingCheckin.findUnique({ where: { meetingId_personId: { meetingId: c.meetingId, personId: to } } });
      if (clash) await tx.meetingCheckin.delete({ where: { id: c.id } });
      else await tx.meetingCheckin.update({ where: { id: c.id }, data: { personId: to } });
    }
    await tx.branchMeeting.updateMany({ where: { createdById: from }, data: { createdById: to } });
  },
  async exportData(db, personId) {
    const rows = await db.meetingCheckin.findMany({ where: { personId }, orderBy: { id: "asc" } });
    const meetings = new Map((await db.branchMeeting.findMany({ where: { id: { in: rows.map((r) => r.meetingId) } } })).map((m) => [m.id, m]));
    return { meetingCheckins: rows.map((r) => ({ meetingAt: meetings.get(r.meetingId)?.startsAt ?? null, place: meetings.get(r.meetingId)?.place ?? "", at: r.at })) };
  },
};
