/**
 * Merging (issue 9, item 3): a cadre merges a question that arrived separately into another
 * (`/gop <a> <b>`, or the "Gộp" button on the notice): b is closed as "merged" into a; b's
 * asker and its joiners become joiners of a, so one answer reaches them all (an already
 * answered a gives its answer at once). Only a cadre who may answer both questions merges.
 *
 * Anonymity kept: b's anonymous asker becomes a joiner of a under a pseudonym of its own
 * (anonVoterKeyOf, never the voter pseudonym their named votes share), with a sealed address
 * and the `anonymous` mark, so every message reaches them through the anonymous target and no
 * row names them; the merge event names no person either.
 */
import { z } from "zod";
import type { ActionSpec, CommandSpec, Ctx, MembershipView, PersonView, Services } from "../../bot/core/context.ts";
import { preview } from "../../bot/core/text.ts";
import { takesTypedNumbers } from "../../bot/core/forms.ts";
import { dialogueText as T } from "../../prompts/vi/dialogue.ts";
import { isUniqueViolation } from "../../bot/core/outbox/outbox.ts";
import { pathIds } from "../../bot/domain/org.ts";
import { canHandle, type CadreRefusal } from "./answering/service.ts";
import { cadreRefusalText } from "./answering/handlers.ts";
import { toJoiner, joinerFirstAnswer } from "./answering/deliver.ts";
import { stopDeadline } from "./deadlines.ts";
import { openIndex } from "./indexes.ts";
import { findDuplicates } from "./nlp/duplicates.ts";
import { deliverToAsker } from "./notify.ts";
import { anonVoterKeyOf, askerPersonId, voterKeyOf, type QuestionRow } from "./questions.ts";
import { findByRef, parseRef, refOf, typedLabel, type QRef, type TypedRef } from "./anon.ts";
import { action, QuestionArgs, QuestionId } from "./schemas.ts";

export const FLOW_MERGE = "dlg.merge";

export type MergeOutcome =
  | { kind: "merged"; people: number; answered: boolean }
  | { kind: "same" }
  | { kind: "targetGone"; id: number }
  | CadreRefusal;

async function loadBoth(s: Services, actor: PersonView, memberships: MembershipView[], id: number) {
  const q = await s.prisma.question.findUnique({ where: { id } });
  if (!q || q.held) return { kind: "notFound", id } as const;
  if (!(await canHandle(s, actor.id, memberships, q))) return { kind: "notYours", id } as const;
  return { kind: "ok", q } as const;
}

/** Add a joiner to a question (or make an upvote a joiner); false when they already were one. */
async function addJoiner(
  s: Services,
  into: number,
  v: { voterKey: string; deliverTo: string | null; followUps: boolean; anonymous: boolean },
  now: Date,
): Promise<boolean> {
  const existing = await s.prisma.questionVote.findUnique({ where: { questionId_voterKey: { questionId: into, voterKey: v.voterKey } } });
  if (existing) {
    if (existing.kind === "metoo") return false;
    await s.prisma.questionVote.update({ where: { id: existing.id }, data: { kind: "metoo", deliverTo: v.deliverTo, followUps: v.followUps, anonymous: v.anonymous } });
    return true;
  }
  try {
    await s.prisma.$transaction([
      s.prisma.questionVote.create({ data: { questionId: into, voterKey: v.voterKey, kind: "metoo", deliverTo: v.deliverTo, followUps: v.followUps, anonymous: v.anonymous, createdAt: now } }),
      s.prisma.question.update({ where: { id: into }, data: { votes: { increment: 1 } } }),
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
  return true;
}

/** Merge question b into question a (see the file's comment). */
export async function mergeQuestions(s: Services, actor: PersonView, memberships: MembershipView[], aId: number, bId: number): Promise<MergeOutcome> {
  const [ca, cb] = [await loadBoth(s, actor, memberships, aId), await loadBoth(s, actor, memberships, bId)];
  if (cb.kind !== "ok") return cb;
  if (ca.kind !== "ok") return ca;
  if (aId === bId) return { kind: "same" };
  const a = ca.q;
  const b = cb.q;
  if (b.status !== "open") return { kind: "notOpen", id: bId };
  if (a.status === "merged" || a.status === "hidden" || a.moderation === "hidden") return { kind: "targetGone", id: aId };
  const now = s.clock.now();
  const taken = await s.prisma.$transaction(async (tx) => {
    const r = await tx.question.updateMany({ where: { id: bId, status: "open" }, data: { status: "merged", mergedIntoId: aId } });
    if (r.count !== 1) return false;
    await tx.questionEvent.create({ data: { questionId: bId, kind: "merge", fromUnitId: b.unitId, toUnitId: a.unitId, actorId: actor.id, detail: `into:${aId}`, at: now } });
    await tx.questionEvent.create({ data: { questionId: aId, kind: "merged-in", actorId: actor.id, at: now } });
    return true;
  });
  if (!taken) return { kind: "notOpen", id: bId };
  openIndex(s).remove(bId);
  await stopDeadline(s, bId);

  // b's joiners become a's joiners; b's asker too (unless they asked a as well)
  const added: { deliverTo: string | null; anonymous: boolean; followUps: boolean }[] = [];
  const votes = await s.prisma.questionVote.findMany({ where: { questionId: bId } });
  for (const v of votes) {
    const joiner = { voterKey: v.voterKey, deliverTo: v.deliverTo, followUps: v.followUps, anonymous: v.anonymous };
    if (v.kind === "metoo" && (await addJoiner(s, aId, joiner, now))) added.push(joiner);
  }
  await s.prisma.questionVote.deleteMany({ where: { questionId: bId } });
  const askerId = askerPersonId(s, b);
  if (askerId !== null && b.askerKey !== a.askerKey) {
    const joiner = {
      voterKey: b.anonymous ? anonVoterKeyOf(s, askerId) : voterKeyOf(s, askerId),
      deliverTo: s.secrets.seal(String(askerId)),
      followUps: true,
      anonymous: b.anonymous,
    };
    if (await addJoiner(s, aId, joiner, now)) added.push(joiner);
  }
  const answered = a.status === "answered" || a.status === "closed";
  // b's asker hears where their question went (through the sealed address when anonymous)
  const text = answered ? T.mergedAskerAnswered(refOf(b), refOf(a)) : T.mergedAsker(refOf(b), refOf(a));
  await deliverToAsker(s, b, { text }, `dlg:merge:${bId}:asker`);
  if (answered) {
    const last = await s.prisma.answer.findFirst({ where: { questionId: aId, followUpId: null }, orderBy: { id: "desc" } });
    if (last) for (const [i, j] of added.entries()) await toJoiner(s, a, j, joinerFirstAnswer(a, last, j.followUps), `dlg:merge:${bId}:ans:${i}`);
  }
  s.log.info({ into: aId }, "questions merged");
  return { kind: "merged", people: added.length + (askerId !== null && b.askerKey === a.askerKey ? 1 : 0), answered };
}

/** Open questions like this one that the cadre may also answer (suggested for a merge). */
async function candidates(ctx: Ctx, q: QuestionRow): Promise<QuestionRow[]> {
  const units = ctx.withRole("cadre").map((m) => m.unit.id);
  if (!units.length) return [];
  const unit = await ctx.s.prisma.unit.findUnique({ where: { id: q.unitId }, select: { path: true } });
  const scope = [...new Set([...units, ...(unit ? pathIds(unit.path) : [])])];
  const hits = await findDuplicates(ctx.s, q.text, { pool: "open", unitIds: scope, excludeKey: q.askerKey }, { limit: 4 });
  const rows = hits.length ? await ctx.s.prisma.question.findMany({ where: { id: { in: hits.map((h) => h.id) }, status: "open", held: false } }) : [];
  const out: QuestionRow[] = [];
  for (const r of rows) if (r.id !== q.id && (await canHandle(ctx.s, ctx.person!.id, ctx.memberships, r))) out.push(r);
  return out.slice(0, 3);
}

async function doMerge(ctx: Ctx, a: { id: number; label: QRef }, b: { id: number; label: QRef }): Promise<void> {
  const r = await mergeQuestions(ctx.s, ctx.person!, ctx.memberships, a.id, b.id);
  switch (r.kind) {
    case "merged":
      if (ctx.flow?.name === FLOW_MERGE) await ctx.clearFlow();
      await ctx.audit("question.merge", "question", b.id, String(a.id));
      return ctx.reply(r.answered ? T.mergedAnswered(a.label, b.label, r.people) : T.merged(a.label, b.label, r.people));
    case "same":
      return ctx.reply(T.mergeSame);
    case "targetGone":
      return ctx.reply(T.mergeTargetGone(a.label));
    case "notOpen":
      return ctx.reply(r.id === b.id ? T.mergeNotOpen(b.label) : cadreRefusalText(r, a.label));
    default:
      return ctx.reply(cadreRefusalText(r, r.id === a.id ? a.label : b.label));
  }
}

/** A typed number or reference → the question's id and label, or a "not found" answer. */
async function typed(ctx: Ctx, t: TypedRef): Promise<{ id: number; label: QRef } | null> {
  const q = await findByRef(ctx.s, t);
  if (!q) {
    ctx.reply(T.notFound(typedLabel(t)));
    return null;
  }
  return { id: q.id, label: refOf(q) };
}

/** The "Gộp" button: ask into which question, suggesting similar open ones. */
async function startMerge(ctx: Ctx, id: number): Promise<void> {
  const q = await ctx.s.prisma.question.findUnique({ where: { id } });
  if (!q || q.held) return ctx.reply(T.notFound(id));
  const label = refOf(q);
  if (!(await canHandle(ctx.s, ctx.person!.id, ctx.memberships, q))) return ctx.reply(T.notYours(label));
  if (q.status !== "open") return ctx.reply(T.mergeNotOpen(label));
  await ctx.setFlow(FLOW_MERGE, { questionId: id });
  const similar = await candidates(ctx, q);
  const lines = [T.mergePrompt(label)];
  if (similar.length) lines.push("", T.mergeSuggest, ...similar.map((c) => T.mergeSuggestItem(refOf(c), preview(c.text, 200))));
  // the cadre types the number of the question to keep (the flow takes typed numbers as such);
  // where the channel shows buttons, the suggestions are buttons too — on Zalo a numbered list
  // would read like question numbers, so the suggestions stay in the text with their own numbers
  const buttons = ctx.s.outbox.traitsOf(ctx.in.channel).buttons;
  ctx.reply(
    lines.join("\n"),
    buttons ? similar.map((c) => ({ label: T.btnMergeInto(refOf(c)), action: "dlg.mergeInto", args: { questionId: id, into: c.id } })) : [],
  );
}

const MergeIntoArgs = z.object({ questionId: QuestionId, into: QuestionId });

async function labelled(ctx: Ctx, id: number): Promise<{ id: number; label: QRef }> {
  const q = await ctx.s.prisma.question.findUnique({ where: { id }, select: { id: true, anonymous: true, publicRef: true } });
  return { id, label: q ? refOf(q) : id };
}

export const mergeCommands: Record<string, CommandSpec> = {
  gop: {
    scope: "own-subtree",
    roles: ["cadre"],
    async run(ctx) {
      const [x, y, ...more] = ctx.args.trim().split(/\s+/);
      const ta = parseRef(x);
      const tb = parseRef(y);
      if (!ta || !tb || more.length) return ctx.reply(T.mergeUsage);
      const a = await typed(ctx, ta);
      if (!a) return;
      const b = await typed(ctx, tb);
      if (!b) return;
      await doMerge(ctx, a, b);
    },
  },
};

export const mergeActions: Record<string, ActionSpec> = {
  "dlg.merge": { roles: ["cadre"], run: action(QuestionArgs, (ctx, a) => startMerge(ctx, a.questionId)) },
  "dlg.mergeInto": {
    roles: ["cadre"],
    run: action(MergeIntoArgs, async (ctx, a) => doMerge(ctx, await labelled(ctx, a.into), await labelled(ctx, a.questionId))),
  },
};

export const mergeFlows: Record<string, (ctx: Ctx, text: string) => Promise<void>> = {
  // "12" typed at the prompt is question #12, not the 12th suggestion
  [FLOW_MERGE]: takesTypedNumbers(async (ctx: Ctx, text: string) => {
    const p = QuestionArgs.safeParse(ctx.flow?.data);
    if (!p.success) return ctx.clearFlow();
    const t = parseRef(text.trim());
    if (!t) return ctx.reply(T.mergePrompt(await labelled(ctx, p.data.questionId).then((l) => l.label)));
    const a = await typed(ctx, t);
    if (a) await doMerge(ctx, a, await labelled(ctx, p.data.questionId));
  }),
};
