import { randomUUID } from "node:crypto";
import type { PersonHooks } from "../../bot/core/people.ts";

/**
 * Named questions follow a merged person; anonymous ones too, through their pseudonyms and
 * sealed addresses (re-keyed to the surviving person, so "my questions", ratings and the
 * answer still reach them); a cadre's queue, rules and answers follow them too. An erased
 * person's named questions stay without a name, their anonymous ones lose pseudonym and
 * sealed address; a cadre's answers stay, signed with a dash instead of their name.
 */
export const dialoguePersonHooks: PersonHooks = {
  async merge(tx, from, to, { secrets }) {
    await tx.question.updateMany({ where: { askerId: from }, data: { askerId: to } });
    // a cadre who linked a second account keeps their queue, rules, answers and history
    await tx.question.updateMany({ where: { assigneeId: from }, data: { assigneeId: to } });
    await tx.routingRule.updateMany({ where: { assigneeId: from }, data: { assigneeId: to } });
    await tx.answer.updateMany({ where: { cadreId: from }, data: { cadreId: to } });
    await tx.faqEntry.updateMany({ where: { publishedById: from }, data: { publishedById: to } });
    await tx.questionEvent.updateMany({ where: { actorId: from }, data: { actorId: to } });
    const oldKey = secrets.pseudonym("asker", from);
    const anon = await tx.question.findMany({ where: { askerKey: oldKey }, select: { id: true, anonDelivery: true } });
    for (const q of anon) {
      await tx.question.update({
        where: { id: q.id },
        data: { askerKey: secrets.pseudonym("asker", to), ...(q.anonDelivery ? { anonDelivery: secrets.seal(String(to)) } : {}) },
      });
    }
    // votes, and the joins of merged anonymous questions (their own pseudonym, see merge.ts)
    for (const kind of ["voter", "voter-anon"]) {
      const oldVoter = secrets.pseudonym(kind, from);
      const newVoter = secrets.pseudonym(kind, to);
      const votes = await tx.questionVote.findMany({ where: { voterKey: oldVoter } });
      for (const v of votes) {
        const clash = await tx.questionVote.findUnique({ where: { questionId_voterKey: { questionId: v.questionId, voterKey: newVoter } } });
        if (clash) {
          // the same person voted from both accounts: one vote stays
          await tx.questionVote.delete({ where: { id: v.id } });
          await tx.question.update({ where: { id: v.questionId }, data: { votes: { decrement: 1 } } });
        }
        else await tx.questionVote.update({ where: { id: v.id }, data: { voterKey: newVoter, ...(v.deliverTo ? { deliverTo: secrets.seal(String(to)) } : {}) } });
      }
    }
  },
  async erase(tx, personId, { secrets }) {
    await tx.question.updateMany({ where: { askerId: personId }, data: { askerId: null } });
    // anonymous questions: their pseudonym and sealed address go (nothing can lead back any more)
    const anon = await tx.question.findMany({ where: { askerKey: secrets.pseudonym("asker", personId) }, select: { id: true } });
    for (const q of anon) await tx.question.update({ where: { id: q.id }, data: { askerKey: `erased:${randomUUID()}`, anonDelivery: null } });
    await tx.questionVote.updateMany({ where: { voterKey: secrets.pseudonym("voter", personId) }, data: { deliverTo: null } });
    // a merged anonymous question's join: nothing may lead back any more
    await tx.questionVote.updateMany({ where: { voterKey: secrets.pseudonym("voter-anon", personId) }, data: { deliverTo: null, voterKey: `erased:${randomUUID()}` } });
    // a cadre's answers keep their words, not their name (the signature may hold it), in the FAQ too
    const signed = await tx.answer.findMany({ where: { cadreId: personId }, select: { questionId: true, signature: true } });
    for (const a of signed) {
      const faq = await tx.faqEntry.findUnique({ where: { questionId: a.questionId }, select: { id: true, answer: true } });
      if (faq && a.signature) await tx.faqEntry.update({ where: { id: faq.id }, data: { answer: faq.answer.split(a.signature).join("—") } });
    }
    await tx.answer.updateMany({ where: { cadreId: personId }, data: { signature: "—" } });
    await tx.questionEvent.updateMany({ where: { actorId: personId }, data: { actorId: null } });
    // a cadre's open queue goes back to their unit's pool, and a rule naming them to the unit
    await tx.question.updateMany({ where: { assigneeId: personId, status: "open" }, data: { assigneeId: null } });
    await tx.routingRule.updateMany({ where: { assigneeId: personId }, data: { assigneeId: null } });
  },
  /** Named questions with their answers; anonymous ones only through the pseudonym (no name, no unit). */
  async exportData(db, personId, { secrets }) {
    const [named, anonymous] = await Promise.all([
      db.question.findMany({ where: { askerId: personId }, orderBy: { id: "asc" } }),
      db.question.findMany({ where: { askerKey: secrets.pseudonym("asker", personId), anonymous: true }, orderBy: { id: "asc" } }),
    ]);
    const answers = await db.answer.findMany({ where: { questionId: { in: [...named, ...anonymous].map((q) => q.id) } }, orderBy: { id: "asc" } });
    const view = (q: (typeof named)[number]) => ({
      id: q.id,
      text: q.text,
      topic: q.topic,
      status: q.status,
      askedAt: q.createdAt,
      answers: answers.filter((a) => a.questionId === q.id).map((a) => ({ text: a.text, signature: a.signature, at: a.createdAt })),
    });
    return { questions: named.map(view), anonymousQuestions: anonymous.map(view) };
  },
};
