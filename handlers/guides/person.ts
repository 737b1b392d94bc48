import type { PersonHooks } from "../../bot/core/people.ts";

/**
 * Meeting reports a secretary filed (`MeetingReport.personId`) and notes a cadre added to
 * the monthly guide (`GuideNote.authorId`) follow a merged person. Erasure keeps both: they
 * are the unit's records (which branch met, how many attended; what the level above asked),
 * and once the kernel has anonymised the person row they no longer identify anyone.
 */
export const guidesPersonHooks: PersonHooks = {
  async merge(tx, from, to) {
    await tx.meetingReport.updateMany({ where: { personId: from }, data: { personId: to } });
    await tx.guideNote.updateMany({ where: { authorId: from }, data: { authorId: to } });
  },
  async exportData(db, personId) {
    const reports = await db.meetingReport.findMany({ where: { personId }, orderBy: { id: "asc" } });
    const units = new Map((await db.unit.findMany({ where: { id: { in: reports.map((r) => r.unitId) } } })).map((u) => [u.id, u.name]));
    return {
      meetingReports: reports.map((r) => ({ unit: units.get(r.unitId) ?? "", month: r.month, attendees: r.attendees, note: r.note, photo: !!r.photo, at: r.createdAt })),
    };
  },
};
