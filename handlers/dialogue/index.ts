import { dialoguePersonHooks } from "./person.ts";
import type { Ctx, Feature, Services, UnitView } from "../../bot/core/context.ts";
import { idAndRest, nonce, parseId } from "../../bot/core/args.ts";
import type { Choice } from "../../bot/core/types.ts";
import { bold, preview } from "../../bot/core/text.ts";
import { formatDate } from "../../bot/core/time.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { dialogueKeywords as K, dialogueText as T } from "../../prompts/vi/dialogue.ts";
import { REPORTS } from "../reports.ts";
import { isInSubtree } from "../../bot/domain/org.ts";
import { buildIndexes } from "./indexes.ts";
import { checkShape } from "./moderation.ts";
import { dialogueReport } from "./report.ts";
import { isCadreAtOrAbove } from "./routing.ts";
import {
  JOB_ESCALATE,
  JOB_REMIND,
  answerQuestion,
  askerKeyOf,
  askerUnitOf,
  createQuestion,
  deadlineTick,
  draftFor,
  findSimilar,
  followUp,
  joinQuestion,
  loadForCadre,
  precheck,
  publishQuestion,
  rateAnswer,
  readerPaths,
  refusalText,
  runEscalation,
  runReminder,
  searchFaq,
  transferQuestion,
} from "./service.ts";
import { labelOf, loadTopics, seedTopics, topicLabels } from "./topics.ts";

REPORTS.dialogue = dialogueReport;

const FLOW_PENDING = "dlg.pending";
const FLOW_ANSWER = "dlg.answer";
const FLOW_TRANSFER = "dlg.transfer";
const FLOW_FOLLOWUP = "dlg.followup";

const QUEUE_PAGE = 15;
const MINE_PAGE = 15;

/**
 * Hook the live-sessions module may register in s.registry under this key: given the
 * asker and their unit, the open session a new question should join (or null).
 */
export const SESSION_HOOK = "dialogue.sessionFor";
export type SessionHook = (
  s: Services,
  asker: { personId: number; unit: UnitView },
) => Promise<{ sessionId: number; moderation?: string; title?: string; announce?: (questionId: number) => Promise<void> } | null>;

interface PendingState {
  text: string;
  anonymous: boolean;
  stage: "offer" | "dup";
  nonce: string;
  offered?: number[];
}



function pendingOf(ctx: Ctx): PendingState | null {
  if (ctx.flow?.name !== FLOW_PENDING) return null;
  const d = ctx.flow.data as Partial<PendingState>;
  if (typeof d.text !== "string" || typeof d.nonce !== "string") return null;
  return { text: d.text, anonymous: !!d.anonymous, stage: d.stage === "dup" ? "dup" : "offer", nonce: d.nonce, offered: d.offered ?? [] };
}

// ---------------------------------------------------------------- asking

async function ask(ctx: Ctx, rawText: string, anonymous: boolean, checkDuplicates: boolean): Promise<void> {
  const s = ctx.s;
  const person = ctx.person!;
  const unit = askerUnitOf(ctx.memberships);
  if (!unit) return ctx.reply(T.noUnit);
  const text = rawText.trim();
  if (!text) return ctx.reply(anonymous ? T.askAnonUsage : T.askUsage);
  const refused = await precheck(s, person.id, text);
  if (refused) {
    if (ctx.flow?.name === FLOW_PENDING) await ctx.clearFlow();
    return ctx.reply(refusalText(s, refused.reason, refused.detail));
  }
  if (checkDuplicates) {
    const similar = await findSimilar(s, person.id, unit, text);
    if (similar.faqs.length || similar.open.length) {
      const state: PendingState = { text, anonymous, stage: "dup", nonce: nonce(), offered: similar.open.map((q) => q.id) };
      await ctx.setFlow(FLOW_PENDING, { ...state });
      const lines = [T.similarHeader, ""];
      for (const f of similar.faqs) lines.push(T.similarFaq(preview(f.question, 200), preview(f.answer, 600)), "");
      for (const q of similar.open) lines.push(T.similarOpen(q.id, preview(q.text, 300), q.votes), "");
      lines.push(T.similarFooter);
      const choices: Choice[] = [];
      if (similar.faqs.length) choices.push({ label: T.choiceDone, action: "dlg.done", args: { nonce: state.nonce } });
      for (const q of similar.open) choices.push({ label: T.choiceMeToo(q.id), action: "dlg.metoo", args: { questionId: q.id, nonce: state.nonce } });
      choices.push({ label: T.choiceSendAnyway, action: "dlg.send", args: { nonce: state.nonce } });
      return ctx.reply(lines.join("\n"), choices);
    }
  }
  if (ctx.flow?.name === FLOW_PENDING) await ctx.clearFlow();
  const hook = s.registry.get(SESSION_HOOK) as SessionHook | undefined;
  const session = hook ? await hook(s, { personId: person.id, unit }) : null;
  const r = await createQuestion(s, {
    personId: person.id,
    unit,
    text,
    anonymous,
    sessionId: session?.sessionId ?? null,
    ...(session?.moderation ? { moderation: session.moderation } : {}),
    // a question waiting for a session moderator reaches the cadre once approved
    notify: session?.moderation !== "pending",
    prechecked: true,
  });
  if (!r.ok) return ctx.reply(refusalText(s, r.reason, r.detail));
  if (!anonymous) await ctx.audit("question.ask", "question", r.question.id);
  const due = formatDate(r.question.dueAt);
  const lines = [anonymous ? T.sentAnon(r.topicLabel, r.unitName, due) : T.sent(r.question.id, r.topicLabel, r.unitName, due)];
  if (r.route.assigneeId === null) lines.push("", T.noCadre);
  if (session?.title) lines.push("", T.sessionNote(session.title));
  if (session?.moderation === "pending") {
    lines.push(T.sessionPending);
    await session.announce?.(r.question.id);
  }
  ctx.reply(lines.join("\n"));
}

/** Offer a plain text as a question (send it?), keeping it in the conversation state. */
async function offer(ctx: Ctx, text: string): Promise<void> {
  const state: PendingState = { text, anonymous: false, stage: "offer", nonce: nonce() };
  await ctx.setFlow(FLOW_PENDING, { ...state });
  ctx.reply(T.offer(preview(text, 500)) + "\n" + T.offerHint, [
    { label: T.offerSend, action: "dlg.submit", args: { nonce: state.nonce, anonymous: false } },
    { label: T.offerAnon, action: "dlg.submit", args: { nonce: state.nonce, anonymous: true } },
    { label: T.offerNo, action: "dlg.done", args: { nonce: state.nonce } },
  ]);
}

/** /gui, /guian, and the buttons: send the pending question (checking duplicates once). */
async function sendPending(ctx: Ctx, anonymous: boolean | null, expectedNonce?: unknown): Promise<void> {
  const p = pendingOf(ctx);
  if (!p || (expectedNonce !== undefined && expectedNonce !== p.nonce)) return ctx.reply(T.nothingPending);
  const anon = anonymous ?? p.anonymous;
  await ask(ctx, p.text, anon, p.stage === "offer");
}

async function meToo(ctx: Ctx, id: number | null): Promise<void> {
  if (id === null) return ctx.reply(T.meTooUsage);
  const unit = askerUnitOf(ctx.memberships);
  if (!unit) return ctx.reply(T.noUnit);
  const r = await joinQuestion(ctx.s, ctx.person!.id, unit, id);
  if (r.kind === "joined" || r.kind === "already" || r.kind === "answered" || r.kind === "own") {
    if (ctx.flow?.name === FLOW_PENDING) await ctx.clearFlow();
  }
  switch (r.kind) {
    case "joined":
      return ctx.reply(T.meTooJoined(id));
    case "already":
      return ctx.reply(T.meTooAlready(id));
    case "own":
      return ctx.reply(T.meTooOwn(id));
    case "answered":
      return ctx.reply(T.meTooAnswered(id, r.text));
    case "notOpen":
      return ctx.reply(T.meTooNotOpen(id));
    case "notFound":
      return ctx.reply(T.notFound(id));
  }
}

// ---------------------------------------------------------------- cadre side

async function startAnswer(ctx: Ctx, id: number): Promise<void> {
  const check = await loadForCadre(ctx.s, ctx.person!, ctx.memberships, id);
  if (!check.ok) return ctx.reply(check.text);
  if (check.q.status !== "open") return ctx.reply(T.notOpen(id));
  await ctx.setFlow(FLOW_ANSWER, { questionId: id });
  ctx.reply(T.answerPrompt(id, check.q.text));
  const draft = await draftFor(ctx.s, check.q);
  if (draft) ctx.reply(`${T.draftHeader}\n\n${draft}`);
}

async function doAnswer(ctx: Ctx, id: number, text: string): Promise<void> {
  const r = await answerQuestion(ctx.s, ctx.person!, ctx.memberships, id, text);
  if (!r.ok) {
    // keep the flow when only the text was wrong, so the cadre can retype it
    if (ctx.flow?.name === FLOW_ANSWER && !r.retry) await ctx.clearFlow();
    return ctx.reply(r.text);
  }
  if (ctx.flow?.name === FLOW_ANSWER) await ctx.clearFlow();
  await ctx.audit("question.answer", "question", id);
  ctx.reply(T.answered(id, r.recipients));
}

async function startTransfer(ctx: Ctx, id: number): Promise<void> {
  const check = await loadForCadre(ctx.s, ctx.person!, ctx.memberships, id);
  if (!check.ok) return ctx.reply(check.text);
  if (check.q.status !== "open") return ctx.reply(T.notOpen(id));
  await ctx.setFlow(FLOW_TRANSFER, { questionId: id });
  const topics = await loadTopics(ctx.s.prisma);
  ctx.reply(T.transferPrompt(id, topics.map((t) => `${t.key} (${t.label})`).join(", ")));
}

async function doTransfer(ctx: Ctx, id: number, rest: string): Promise<void> {
  const m = /^(\S+)(?:\s+([\s\S]*))?$/.exec(rest.trim());
  if (!m) return ctx.reply(T.transferUsage);
  const r = await transferQuestion(ctx.s, ctx.person!, ctx.memberships, id, m[1]!, (m[2] ?? "").trim());
  if (!r.ok) return ctx.reply(r.text);
  if (ctx.flow?.name === FLOW_TRANSFER) await ctx.clearFlow();
  await ctx.audit("question.transfer", "question", id, m[1]);
  ctx.reply(T.transferred(id, r.unitName, r.holder));
}

async function queue(ctx: Ctx): Promise<void> {
  const { prisma, clock } = ctx.s;
  const me = ctx.person!.id;
  const units = ctx.withRole("cadre").map((m) => m.unitId);
  const where = { status: "open", moderation: "approved", OR: [{ assigneeId: me }, { unitId: { in: units } }] };
  const [total, rows] = await Promise.all([
    prisma.question.count({ where }),
    prisma.question.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: QUEUE_PAGE }),
  ]);
  if (!total) return ctx.reply(T.queueEmpty);
  const named = rows.filter((q) => !q.anonymous && q.askerId !== null);
  const people = new Set<number>([...named.map((q) => q.askerId!), ...rows.map((q) => q.assigneeId).filter((x): x is number => x !== null)]);
  const [persons, askerUnits, labels] = await Promise.all([
    prisma.person.findMany({ where: { id: { in: [...people] } }, select: { id: true, displayName: true } }),
    prisma.unit.findMany({ where: { id: { in: [...new Set(named.map((q) => q.askerUnitId))] } }, select: { id: true, name: true } }),
    topicLabels(prisma),
  ]);
  const name = new Map(persons.map((p) => [p.id, p.displayName]));
  const unitName = new Map(askerUnits.map((u) => [u.id, u.name]));
  const now = clock.now().getTime();
  const items = rows.map((q) => {
    const asker = q.anonymous || q.askerId === null ? T.anonymous : `${name.get(q.askerId) ?? "—"} (${unitName.get(q.askerUnitId) ?? "—"})`;
    const holder = q.assigneeId === me ? null : q.assigneeId === null ? T.unassigned : (name.get(q.assigneeId) ?? "—");
    return T.queueItem(
      q.id,
      labelOf(labels, q.topic),
      T.age(now - q.createdAt.getTime()),
      formatDate(q.dueAt),
      q.dueAt.getTime() < now,
      asker,
      holder,
      preview(q.text, 200),
    );
  });
  ctx.reply([bold(T.queueHeader(rows.length, total)), "", items.join("\n\n"), "", T.queueFooter].join("\n"));
}

// ---------------------------------------------------------------- asker side

async function mine(ctx: Ctx): Promise<void> {
  const { prisma } = ctx.s;
  const key = askerKeyOf(ctx.s, ctx.person!.id);
  const rows = await prisma.question.findMany({ where: { askerKey: key }, orderBy: { id: "desc" }, take: MINE_PAGE });
  if (!rows.length) return ctx.reply(T.mineEmpty);
  const labels = await topicLabels(prisma);
  const items = rows.map((q) => {
    const status = (T.status[q.status] ?? q.status) + (q.status === "open" ? ` (${T.dueLine(formatDate(q.dueAt))})` : "");
    return T.mineItem(q.id, q.anonymous, status, labelOf(labels, q.topic), formatDate(q.createdAt), preview(q.text, 150));
  });
  ctx.reply([bold(T.mineHeader), "", items.join("\n\n")].join("\n"));
}

async function rate(ctx: Ctx, id: number | null, value: "useful" | "unclear" | null): Promise<void> {
  if (id === null || value === null) return ctx.reply(T.rateUsage);
  const r = await rateAnswer(ctx.s, ctx.person!.id, id, value);
  switch (r.kind) {
    case "thanks":
      return ctx.reply(T.rateThanks);
    case "already":
      return ctx.reply(T.rateAlready);
    case "notYours":
      return ctx.reply(T.rateNotYours(id));
    case "notFound":
      return ctx.reply(T.notFound(id));
    case "notAnswered":
      return ctx.reply(T.rateNotAnswered(id));
    case "reopened":
      await ctx.setFlow(FLOW_FOLLOWUP, { questionId: id });
      return ctx.reply(T.reopenAsk(id));
  }
}

function rateValue(raw: string): "useful" | "unclear" | null {
  const v = raw.trim().toLowerCase().normalize("NFC");
  if ((K.useful as readonly string[]).includes(v)) return "useful";
  if ((K.unclear as readonly string[]).includes(v)) return "unclear";
  return null;
}

// ---------------------------------------------------------------- FAQ and rules

async function faq(ctx: Ctx): Promise<void> {
  const words = ctx.args.trim();
  if (words.length > 200) return ctx.reply(T.faqQueryTooLong);
  const paths = await readerPaths(ctx.s, ctx.memberships);
  const rows = await searchFaq(ctx.s, paths, words, 5);
  if (!rows.length) return ctx.reply(words ? T.faqNone(words) : T.faqEmpty);
  const items = rows.map((r) => T.faqItem(preview(r.question, 300), preview(r.answer, 900), formatDate(r.publishedAt)));
  ctx.reply([bold(words ? T.faqHeader(preview(words, 60)) : T.faqLatest), "", items.join("\n\n")].join("\n"));
}

async function route(ctx: Ctx): Promise<void> {
  const { prisma } = ctx.s;
  const [code, topicRaw, who, ...extra] = ctx.args.split(/\s+/).filter(Boolean);
  if (!code || !topicRaw || extra.length) return ctx.reply(T.routeUsage);
  const unit = await prisma.unit.findUnique({ where: { code } });
  if (!unit) return ctx.reply(T.routeUnknownUnit(code));
  if (!ctx.withRole("admin").some((m) => isInSubtree(unit.path, m.unit.path))) return ctx.reply(T.routeNotSubtree);
  const topics = await loadTopics(prisma);
  const topic = topicRaw === K.all ? K.all : topics.find((t) => t.key === topicRaw.toLowerCase())?.key;
  if (!topic) return ctx.reply(T.routeUnknownTopic(topicRaw, topics.map((t) => t.key).join(", ")));
  const topicName = topic === K.all ? T.allTopics : labelOf(new Map(topics.map((t) => [t.key, t.label])), topic);
  if (who && (K.remove as readonly string[]).includes(who.toLowerCase())) {
    const r = await prisma.routingRule.deleteMany({ where: { unitId: unit.id, topic } });
    if (!r.count) return ctx.reply(T.routeNone(unit.name, topicName));
    await ctx.audit("routing.remove", "unit", unit.id, topic);
    return ctx.reply(T.routeRemoved(unit.name, topicName));
  }
  let assigneeId: number | null = null;
  let whoName: string = T.routePool;
  if (who) {
    const id = parseId(who);
    const person = id !== null ? await prisma.person.findUnique({ where: { id }, select: { id: true, displayName: true } }) : null;
    if (!person || !(await isCadreAtOrAbove(prisma, person.id, unit.path))) return ctx.reply(T.routeBadPerson(who));
    assigneeId = person.id;
    whoName = person.displayName;
  }
  await prisma.routingRule.upsert({
    where: { unitId_topic: { unitId: unit.id, topic } },
    create: { unitId: unit.id, topic, assigneeId },
    update: { assigneeId },
  });
  await ctx.audit("routing.set", "unit", unit.id, `${topic}:${assigneeId ?? "pool"}`);
  ctx.reply(T.routeSet(unit.name, topicName, whoName));
}

// ---------------------------------------------------------------- the feature

export const dialogue: Feature = {
  name: "dialogue",
  person: dialoguePersonHooks,
  async init(s) {
    await seedTopics(s.prisma);
    await buildIndexes(s);
  },
  commands: {
    hoi: { run: (ctx) => ask(ctx, ctx.args, false, true) },
    hoian: { run: (ctx) => ask(ctx, ctx.args, true, true) },
    gui: { run: (ctx) => sendPending(ctx, null) },
    guian: { run: (ctx) => sendPending(ctx, true) },
    cunghoi: { run: (ctx) => meToo(ctx, parseId(ctx.args.trim())) },
    cauhoi: { run: mine },
    danhgia: {
      async run(ctx) {
        const { id, rest } = idAndRest(ctx.args);
        await rate(ctx, id, rateValue(rest));
      },
    },
    faq: { guest: true, run: faq },
    hangdoi: { roles: ["cadre"], run: queue },
    traloi: {
      roles: ["cadre"],
      async run(ctx) {
        const { id, rest } = idAndRest(ctx.args);
        if (id === null) return ctx.reply(ctx.args.trim() ? T.badId : T.answerUsage);
        if (!rest) return startAnswer(ctx, id);
        await doAnswer(ctx, id, rest);
      },
    },
    chuyen: {
      roles: ["cadre"],
      async run(ctx) {
        const { id, rest } = idAndRest(ctx.args);
        if (id === null) return ctx.reply(T.transferUsage);
        if (!rest) return startTransfer(ctx, id);
        await doTransfer(ctx, id, rest);
      },
    },
    congbo: {
      roles: ["cadre"],
      async run(ctx) {
        const id = parseId(ctx.args.trim());
        if (id === null) return ctx.reply(T.publishUsage);
        const r = await publishQuestion(ctx.s, ctx.person!, ctx.memberships, id);
        if (!r.ok) return ctx.reply(r.text);
        await ctx.audit("question.publish", "question", id);
        ctx.reply(r.updated ? T.republished(id, r.unitName) : T.published(id, r.unitName));
      },
    },
    dinhtuyen: { roles: ["admin"], run: route },
  },
  actions: {
    "dlg.submit": { run: (ctx, a) => sendPending(ctx, a.anonymous === true, a.nonce) },
    "dlg.send": { run: (ctx, a) => sendPending(ctx, null, a.nonce) },
    "dlg.done": {
      async run(ctx, a) {
        const p = pendingOf(ctx);
        if (!p || p.nonce !== a.nonce) return ctx.reply(T.nothingPending);
        await ctx.clearFlow();
        ctx.reply(p.stage === "dup" ? T.doneThanks : T.notSent);
      },
    },
    "dlg.metoo": {
      async run(ctx, a) {
        const p = pendingOf(ctx);
        if (!p || p.nonce !== a.nonce) return ctx.reply(T.nothingPending);
        await meToo(ctx, Number(a.questionId));
      },
    },
    "dlg.answer": { roles: ["cadre"], run: (ctx, a) => startAnswer(ctx, Number(a.questionId)) },
    "dlg.transfer": { roles: ["cadre"], run: (ctx, a) => startTransfer(ctx, Number(a.questionId)) },
    "dlg.rate": {
      run: (ctx, a) => rate(ctx, Number(a.questionId), a.value === "useful" ? "useful" : a.value === "unclear" ? "unclear" : null),
    },
  },
  flows: {
    async [FLOW_PENDING](ctx, text) {
      // a new plain text replaces the pending one
      if (checkShape(text) === "empty") return ctx.reply(coreText.empty);
      await offer(ctx, text);
    },
    async [FLOW_ANSWER](ctx, text) {
      const id = Number(ctx.flow?.data.questionId);
      await doAnswer(ctx, id, text);
    },
    async [FLOW_TRANSFER](ctx, text) {
      const id = Number(ctx.flow?.data.questionId);
      await doTransfer(ctx, id, text);
    },
    async [FLOW_FOLLOWUP](ctx, text) {
      const id = Number(ctx.flow?.data.questionId);
      const r = await followUp(ctx.s, ctx.person!.id, id, text);
      if (r === "sent") {
        await ctx.clearFlow();
        return ctx.reply(T.followUpSent);
      }
      if (r === "notYours" || r === "notOpen") {
        await ctx.clearFlow();
        return ctx.reply(r === "notOpen" ? T.notOpen(id) : T.rateNotYours(id));
      }
      ctx.reply(refusalText(ctx.s, r));
    },
  },
  jobs: {
    [JOB_REMIND]: runReminder,
    [JOB_ESCALATE]: runEscalation,
  },
  ticks: [{ name: "deadlines", cron: "*/15 * * * *", run: deadlineTick }],
  async fallback(ctx, text) {
    if (!ctx.person || !ctx.hasRole("youth", "secretary")) return false;
    const shape = checkShape(text);
    if (shape === "empty" || shape === "short" || shape === "noise") return false;
    await offer(ctx, text);
    return true;
  },
};
