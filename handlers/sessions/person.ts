import type { PersonHooks } from "../../bot/core/people.ts";

/**
 * A session names its organiser (createdById, who gets the report and overdue commitments)
 * and a commitment may name its owner (ownerPersonId, with their name in its label): a merged
 * person keeps both; an erased organiser's sessions keep the id, an organisational record (the
 * kernel forgets the person's name and addresses), and an erased owner's commitments go to
 * their unit (the label names the unit, no longer the person).
 */
export const sessionsPersonHooks: PersonHooks = {
  async merge(tx, from, to) {
    await tx.dialogueSession.updateMany({ where: { createdById: from }, data: { createdById: to } });
    await tx.commitment.updateMany({ where: { ownerPersonId: from }, data: { ownerPersonId: to } });
  },
  async erase(tx, personId) {
    const owned = await tx.commitment.findMany({ where: { ownerPersonId: personId }, select: { id: true, ownerUnitId: true } });
    for (const c of owned) {
      const unit = c.ownerUnitId !== null ? await tx.unit.findUnique({ where: { id: c.ownerUnitId }, select: { name: true } }) : null;
      await tx.commitment.update({ where: { id: c.id }, data: { ownerPersonId: null, owner: unit?.name ?? "—" } });
    }
  },
  async exportData(db, personId) {
    const [organised, owned] = await Promise.all([
      db.dialogueSession.findMany({ where: { createdById: personId }, orderBy: { id: "asc" }, select: { id: true, title: true, opensAt: true, closesAt: true } }),
      db.commitment.findMany({ where: { ownerPersonId: personId }, orderBy: { id: "asc" }, select: { id: true, sessionId: true, text: true, dueAt: true, progress: true, doneAt: true } }),
    ]);
    return { sessionsOrganised: organised, commitmentsOwned: owned };
  },
};
