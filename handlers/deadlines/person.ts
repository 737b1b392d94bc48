import type { PersonHooks } from "../../bot/core/people.ts";

/**
 * Tasks a person gave (`Task.createdById`: the overdue digests go to them) and the
 * completions they reported (`TaskAssignment.doneById`) follow a merged person.
 * Erasure keeps both: they are the unit's records (who gave what, which unit finished
 * when), and once the kernel has anonymised the person row they no longer identify anyone.
 * Digests for an erased giver find no address and are not delivered.
 */
export const deadlinePersonHooks: PersonHooks = {
  async merge(tx, from, to) {
    await tx.task.updateMany({ where: { createdById: from }, data: { createdById: to } });
    await tx.taskAssignment.updateMany({ where: { doneById: from }, data: { doneById: to } });
  },
  async exportData(db, personId) {
    const done = await db.taskAssignment.findMany({ where: { doneById: personId }, orderBy: { id: "asc" } });
    const [tasks, units] = await Promise.all([
      db.task.findMany({ where: { id: { in: done.map((d) => d.taskId) } } }),
      db.unit.findMany({ where: { id: { in: done.map((d) => d.unitId) } } }),
    ]);
    const title = new Map(tasks.map((t) => [t.id, t.title]));
    const unit = new Map(units.map((u) => [u.id, u.name]));
    return { taskReports: done.map((d) => ({ task: title.get(d.taskId) ?? "", unit: unit.get(d.unitId) ?? "", doneAt: d.doneAt, note: d.note })) };
  },
};
