import type { PersonHooks } from "../../bot/core/people.ts";

/** Named questions follow a merged person; an erased person's questions stay without a name. */
export const dialoguePersonHooks: PersonHooks = {
  async merge(tx, from, to) {
    await tx.question.updateMany({ where: { askerId: from }, data: { askerId: to } });
  },
  async erase(tx, personId) {
    await tx.question.updateMany({ where: { askerId: personId }, data: { askerId: null } });
  },
};
