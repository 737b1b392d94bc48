/** Routing rules by admins: /dinhtuyen <unit code> <topic|*> [cadre id|remove]. */
import type { CommandSpec, Ctx } from "../../bot/core/context.ts";
import { parseId } from "../../bot/core/args.ts";
import { isInSubtree } from "../../bot/domain/org.ts";
import { dialogueKeywords as K, dialogueText as T } from "../../prompts/vi/dialogue.ts";
import { isCadreAtOrAbove } from "./routing.ts";
import { labelOf, loadTopics } from "./topics.ts";

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
  // one person, or a branch: never for anonymous questions (see resolveAnonRoute)
  const namedOnly = assigneeId !== null || unit.isBranch;
  ctx.reply(namedOnly ? `${T.routeSet(unit.name, topicName, whoName)}\n${T.routeAnonNote}` : T.routeSet(unit.name, topicName, whoName));
}

export const adminCommands: Record<string, CommandSpec> = {
  dinhtuyen: { scope: "own-subtree", roles: ["admin"], run: route },
};
