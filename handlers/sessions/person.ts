import type { PersonHooks } from "../../bot/core/people.ts";

/**
 * A session names its organiser (createdById, who gets the report and the commitment
 * reminders): a merged organiser keeps their sessions; an erased one's sessions keep the id,
 * an organisational record (the kernel forgets the person's name and addresses).
 */
export const sessionsPersonHooks: PersonHooks = {
  async merge(tx, from, to) {
    await tx.dialogueSession.updateMany({ where: { createdById: from }, data: { createdById: to } });
  },
};
