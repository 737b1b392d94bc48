/**
 * Asking, as the member sees it: /hoi, /hoian, a plain text offered as a question, the
 * "me too" offer when the same thing was asked or answered, and /cunghoi. Turns the
 * outcomes of asking/service.ts into words of the catalogue.
 */
import { z } from "zod";
import type { ActionSpec, CommandSpec, Ctx, Services } from "../../../bot/core/context.ts";
import { nonce } from "../../../bot/core/args.ts";
import type { Choice } from "../../../bot/core/types.ts";
import { preview } from "../../../bot/core/text.ts";
import { formatDate } from "../../../bot/core/time.ts";
import { coreText } from "../../../prompts/vi/core.ts";
import { dialogueText as T } from "../../../prompts/vi/dialogue.ts";
import type { DialogueDeps, SessionJoin } from "../api.ts";
import { checkShape } from "../moderation.ts";
import { askerUnitOf } from "../questions.ts";
import { action, MeTooArgs, Nonce, NonceArgs, SessionChoiceArgs, SubmitArgs } from "../schemas.ts";
import { createQuestion, findSimilar, joinQuestion, precheck, type AskRefusal } from "./service.ts";
import { findByRef, parseRef, refOf, replyAnon, typedLabel, type QRef, type TypedRef } from "../anon.ts";
import { currentFiles, filesOf, hasDocument, saveFiles } from "../files.ts";

export const FLOW_PENDING = "dlg.pending";

/** A text waiting to be sent as a question: offered ("send it?") or shown with similar ones ("dup"). */
const PendingState = z.object({
  text: z.string().min(1),
  anonymous: z.boolean().catch(false),
  // "session": checked, waiting for the asker to choose a live session or a normal question
  stage: z.enum(["offer", "dup", "session"]).catch("offer"),
  nonce: Nonce,
  offered: z.array(z.number().int()).catch([]),
});
type PendingState = z.infer<typeof PendingState>;

function pendingOf(ctx: Ctx): PendingState | null {
  if (ctx.flow?.name !== FLOW_PENDING) return null;
  const p = PendingState.safeParse(ctx.flow.data);
  return p.success ? p.data : null;
}

/** The Vietnamese answer to a refused question. */
export function refusalText(s: Services, reason: AskRefusal, detail?: QRef): string {
  switch (reason) {
    case "empty":
      return T.askUsage;
    case "short":
      return T.tooShort;
    case "long":
      return T.tooLong(2000);
    case "abusive":
      return T.abusive;
    case "links":
      return T.spamLinks;
    case "noise":
      return T.spamNoise;
    case "repeat":
      return T.spamRepeat(detail ?? 0);
    case "limit":
      return T.tooManyOpen(s.config.MAX_OPEN_QUESTIONS);
  }
}

/** `chosen`: the session the question is sent for (null: a normal question; undefined: offer the open ones). */
async function ask(ctx: Ctx, deps: DialogueDeps, rawText: string, anonymous: boolean, checkDuplicates: boolean, chosen?: SessionJoin | null): Promise<void> {
  const s = ctx.s;
  const person = ctx.person!;
  const unit = askerUnitOf(ctx.memberships);
  if (!unit) return ctx.reply(T.noUnit);
  const text = rawText.trim();
  if (!text) return ctx.reply(anonymous ? T.askAnonUsage : T.askUsage);
  // photos and documents sent with it (or kept while it waited): an anonymous question takes photos only
  const files = currentFiles(ctx);
  if (anonymous && hasDocument(files)) return replyAnon(ctx, T.anonNoDocuments);
  const refused = await precheck(s, person.id, text);
  if (refused) {
    if (ctx.flow?.name === FLOW_PENDING) await ctx.clearFlow();
    // "you asked this already (A123456)" names an anonymous question: not next to this chat
    if (refused.anonymous) return replyAnon(ctx, refusalText(s, refused.reason, refused.detail));
    return ctx.reply(refusalText(s, refused.reason, refused.detail));
  }
  if (checkDuplicates) {
    const similar = await findSimilar(s, person.id, unit, text);
    if (similar.faqs.length || similar.open.length) {
      const state: PendingState = { text, anonymous, stage: "dup", nonce: nonce(), offered: similar.open.map((q) => q.id) };
      await ctx.setFlow(FLOW_PENDING, { ...state, files });
      const lines = [T.similarHeader, ""];
      for (const f of similar.faqs) lines.push(T.similarFaq(preview(f.question, 200), preview(f.answer, 600)), "");
      // an anonymous question is offered by topic and gist only, never word for word
      for (const q of similar.open)
        lines.push(q.text === null ? T.similarOpenAnon(q.ref, q.topic, q.gist, q.votes) : T.similarOpen(q.ref, preview(q.text, 300), q.votes), "");
      lines.push(T.similarFooter);
      const choices: Choice[] = [];
      if (similar.faqs.length) choices.push({ label: T.choiceDone, action: "dlg.done", args: { nonce: state.nonce } });
      for (const q of similar.open) choices.push({ label: T.choiceMeToo(q.ref), action: "dlg.metoo", args: { questionId: q.id, nonce: state.nonce } });
      choices.push({ label: T.choiceSendAnyway, action: "dlg.send", args: { nonce: state.nonce } });
      // what an anonymous asker is offered names the subject of their question: sealed like the rest
      return anonymous ? replyAnon(ctx, lines.join("\n"), choices) : ctx.reply(lines.join("\n"), choices);
    }
  }
  // only a question sent FOR a live session joins it: while sessions take questions, the asker chooses
  const offered = chosen === undefined && deps.sessions ? await deps.sessions.sessionOffer(s, { personId: person.id, unit }) : null;
  if (offered) {
    const state: PendingState = { text, anonymous, stage: "session", nonce: nonce(), offered: [] };
    await ctx.setFlow(FLOW_PENDING, { ...state, files });
    const choices: Choice[] = offered.joins.map((j, i) => ({ label: offered.labels[i] ?? j.title, action: "dlg.session", args: { nonce: state.nonce, sessionId: j.sessionId } }));
    choices.push({ label: offered.normalLabel, action: "dlg.session", args: { nonce: state.nonce, sessionId: 0 } });
    return anonymous ? replyAnon(ctx, offered.text, choices) : ctx.reply(offered.text, choices);
  }
  if (ctx.flow?.name === FLOW_PENDING) await ctx.clearFlow();
  const session = chosen ?? null;
  const pending = session?.moderation === "pending";
  const r = await createQuestion(s, {
    personId: person.id,
    unit,
    text,
    anonymous,
    sessionId: session?.sessionId ?? null,
    ...(session ? { moderation: session.moderation, routeUnit: session.unit, dueBase: session.dueBase } : {}),
    // a question waiting for a session moderator reaches the cadre once approved
    notify: !pending,
    prechecked: true,
    files: await saveFiles(s, files, person.id, anonymous),
  });
  if (r.kind === "refused") return r.anonymous ? replyAnon(ctx, refusalText(s, r.reason, r.detail)) : ctx.reply(refusalText(s, r.reason, r.detail));
  if (!anonymous) await ctx.audit("question.ask", "question", r.question.id);
  const due = formatDate(r.question.dueAt);
  const lines = [anonymous ? T.sentAnon(refOf(r.question), r.topicLabel, r.unitName, due) : T.sent(r.question.id, r.topicLabel, r.unitName, due)];
  if (anonymous && s.config.ANON_BATCH_MINUTES > 0) lines.push("", T.anonBatchNote(s.config.ANON_BATCH_MINUTES));
  if (r.route.assigneeId === null) lines.push("", T.noCadre);
  if (session?.title) lines.push("", T.sessionNote(session.title));
  if (session && pending) {
    lines.push(T.sessionPending);
    await deps.sessions?.questionPending(s, session.sessionId, r.question.id);
  }
  // the confirmation of an anonymous question goes through the anonymous target: no row
  // keeps this chat next to "your anonymous question was sent"
  if (anonymous) return replyAnon(ctx, lines.join("\n"));
  ctx.reply(lines.join("\n"));
}

/** A question sent for a live session (its announcement's button, `/hoiphien`), through the same checks as /hoi. */
export async function askInSession(ctx: Ctx, deps: DialogueDeps, join: SessionJoin, text: string, anonymous: boolean): Promise<void> {
  await ask(ctx, deps, text, anonymous, true, join);
}

/** Offer a plain text as a question (send it?), keeping it in the conversation state. */
export async function offer(ctx: Ctx, text: string): Promise<void> {
  const state: PendingState = { text, anonymous: false, stage: "offer", nonce: nonce(), offered: [] };
  await ctx.setFlow(FLOW_PENDING, { ...state, files: filesOf(ctx.in) });
  ctx.reply(T.offer(preview(text, 500)) + "\n" + T.offerHint, [
    { label: T.offerSend, action: "dlg.submit", args: { nonce: state.nonce, anonymous: false } },
    { label: T.offerAnon, action: "dlg.submit", args: { nonce: state.nonce, anonymous: true } },
    { label: T.offerNo, action: "dlg.done", args: { nonce: state.nonce } },
  ]);
}

/** /gui, /guian, and the buttons: send the pending question (checking duplicates once). */
async function sendPending(ctx: Ctx, deps: DialogueDeps, anonymous: boolean | null, expectedNonce?: string, chosen?: SessionJoin | null): Promise<void> {
  const p = pendingOf(ctx);
  if (!p || (expectedNonce !== undefined && expectedNonce !== p.nonce)) return ctx.reply(T.nothingPending);
  const anon = anonymous ?? p.anonymous;
  await ask(ctx, deps, p.text, anon, p.stage === "offer", chosen);
}

/** The asker chose a live session (or 0: a normal question); a session closed meanwhile is offered again. */
async function chooseSession(ctx: Ctx, deps: DialogueDeps, nonceArg: string, sessionId: number): Promise<void> {
  const p = pendingOf(ctx);
  if (!p || p.nonce !== nonceArg || p.stage !== "session") return ctx.reply(T.nothingPending);
  const unit = askerUnitOf(ctx.memberships);
  const offer = sessionId && unit && deps.sessions ? await deps.sessions.sessionOffer(ctx.s, { personId: ctx.person!.id, unit }) : null;
  const join = sessionId ? offer?.joins.find((j) => j.sessionId === sessionId) : null;
  await sendPending(ctx, deps, null, nonceArg, sessionId ? join : null);
}

/** /cunghoi <number or reference>, or a "me too" button (`offered`: the id the server offered itself). */
async function meToo(ctx: Ctx, typed: TypedRef | null, offered?: number): Promise<void> {
  if (typed === null) return ctx.reply(T.meTooUsage);
  const unit = askerUnitOf(ctx.memberships);
  if (!unit) return ctx.reply(T.noUnit);
  const found = offered !== undefined ? await ctx.s.prisma.question.findUnique({ where: { id: offered } }) : await findByRef(ctx.s, typed);
  const id = found ? refOf(found) : typedLabel(typed);
  if (!found) return ctx.reply(T.notFound(id));
  const r = await joinQuestion(ctx.s, ctx.person!.id, unit, found.id);
  if (r.kind === "joined" || r.kind === "already" || r.kind === "answered" || r.kind === "own") {
    if (ctx.flow?.name === FLOW_PENDING) await ctx.clearFlow();
  }
  switch (r.kind) {
    case "joined":
      return ctx.reply(T.meTooJoined(id));
    case "already":
      return ctx.reply(T.meTooAlready(id));
    case "own":
      return r.anonymous ? replyAnon(ctx, T.meTooOwn(id)) : ctx.reply(T.meTooOwn(id));
    case "answered":
      return ctx.reply(T.meTooAnswered(id, r.text));
    case "notOpen":
      return ctx.reply(T.meTooNotOpen(id));
    case "notFound":
      return ctx.reply(T.notFound(id));
  }
}

export function askingCommands(deps: DialogueDeps): Record<string, CommandSpec> {
  return {
    hoi: { scope: "any", run: (ctx) => ask(ctx, deps, ctx.args, false, true) },
    hoian: { scope: "any", run: (ctx) => ask(ctx, deps, ctx.args, true, true) },
    gui: { scope: "any", run: (ctx) => sendPending(ctx, deps, null) },
    guian: { scope: "any", run: (ctx) => sendPending(ctx, deps, true) },
    cunghoi: { scope: "own-unit", run: (ctx) => meToo(ctx, parseRef(ctx.args.trim())) },
  };
}

export function askingActions(deps: DialogueDeps): Record<string, ActionSpec> {
  return {
    "dlg.submit": { run: action(SubmitArgs, (ctx, a) => sendPending(ctx, deps, a.anonymous, a.nonce)) },
    "dlg.send": { run: action(NonceArgs, (ctx, a) => sendPending(ctx, deps, null, a.nonce)) },
    "dlg.session": { run: action(SessionChoiceArgs, (ctx, a) => chooseSession(ctx, deps, a.nonce, a.sessionId)) },
    "dlg.done": {
      run: action(NonceArgs, async (ctx, a) => {
        const p = pendingOf(ctx);
        if (!p || p.nonce !== a.nonce) return ctx.reply(T.nothingPending);
        await ctx.clearFlow();
        ctx.reply(p.stage === "dup" ? T.doneThanks : T.notSent);
      }),
    },
    "dlg.metoo": {
      run: action(MeTooArgs, async (ctx, a) => {
        const p = pendingOf(ctx);
        if (!p || p.nonce !== a.nonce) return ctx.reply(T.nothingPending);
        await meToo(ctx, { id: a.questionId }, a.questionId);
      }),
    },
  };
}

/** A new plain text while one is pending replaces it. */
export async function pendingFlow(ctx: Ctx, text: string): Promise<void> {
  if (checkShape(text) === "empty") return ctx.reply(coreText.empty);
  await offer(ctx, text);
}

/** Plain text outside any flow from a member: offered as a question. */
export async function askingFallback(ctx: Ctx, text: string): Promise<boolean> {
  if (!ctx.person || !ctx.hasRole("youth", "secretary")) return false;
  const shape = checkShape(text);
  if (shape === "empty" || shape === "short" || shape === "noise") return false;
  await offer(ctx, text);
  return true;
}
