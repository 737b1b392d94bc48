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
};
