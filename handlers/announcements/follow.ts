/** Members choose what they hear: topics followed (/theodoi, /botheodoi) and announcements muted (/tatthongbao, /batthongbao). */
import { z } from "zod";
import type { ActionSpec, Ctx } from "../../bot/core/context.ts";
import type { Choice } from "../../bot/core/types.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { announcementsText as T } from "../../prompts/vi/announcements.ts";
import { topicLabels } from "../dialogue/api.ts";

/** Topics most a member may follow (all of them, on a default install). */
const MAX_FOLLOWS = 50;

async function followed(ctx: Ctx): Promise<Set<string>> {
  const rows = await ctx.s.prisma.topicFollow.findMany({ where: { personId: ctx.person!.id }, select: { topic: true } });
  return new Set(rows.map((r) => r.topic));
}

/** A topic named by its key, its label, or its number in the list of every topic. */
function topicNamed(labels: Map<string, string>, raw: string): string | null {
  const t = raw.trim().toLowerCase();
  if (/^\d{1,3}$/.test(t)) return [...labels.keys()][Number(t) - 1] ?? null;
  if (labels.has(t)) return t;
  for (const [k, label] of labels) if (label.toLowerCase() === t) return k;
  return null;
}

function listing(labels: Map<string, string>, mine: Set<string>, muted: boolean): string {
  const lines = [...labels].map(([key, label], i) => T.topicLine(i + 1, label, key, mine.has(key)));
  return T.topicList(lines.join("\n"), muted);
}

async function isMuted(ctx: Ctx): Promise<boolean> {
  return (await ctx.s.prisma.announcementMute.count({ where: { personId: ctx.person!.id } })) > 0;
}

async function follow(ctx: Ctx, topic: string, labels: Map<string, string>): Promise<void> {
  const mine = await followed(ctx);
  if (mine.has(topic)) return ctx.reply(T.alreadyFollowing(labels.get(topic) ?? topic));
  if (mine.size >= MAX_FOLLOWS) return ctx.reply(T.bad.tooManyFollows);
  await ctx.s.prisma.topicFollow.upsert({
    where: { personId_topic: { personId: ctx.person!.id, topic } },
    create: { personId: ctx.person!.id, topic, createdAt: ctx.s.clock.now() },
    update: {},
  });
  ctx.reply(T.followed(labels.get(topic) ?? topic, await isMuted(ctx)));
}

async function unfollow(ctx: Ctx, topic: string, labels: Map<string, string>): Promise<void> {
  const r = await ctx.s.prisma.topicFollow.deleteMany({ where: { personId: ctx.person!.id, topic } });
  ctx.reply(r.count ? T.unfollowed(labels.get(topic) ?? topic) : T.notFollowing(labels.get(topic) ?? topic));
}

/** `/theodoi` lists the topics with buttons for those not followed yet; `/theodoi <topic>` follows one. */
export async function theodoi(ctx: Ctx): Promise<void> {
  const labels = await topicLabels(ctx.s.prisma);
  const arg = ctx.args.trim();
  if (arg) {
    const topic = topicNamed(labels, arg);
    if (!topic) return ctx.reply(T.bad.unknownTopic);
    return follow(ctx, topic, labels);
  }
  const mine = await followed(ctx);
  const choices: Choice[] = [...labels].filter(([k]) => !mine.has(k)).map(([topic, label]) => ({ label: `➕ ${label}`, action: "ann.follow", args: { topic } }));
  ctx.reply(listing(labels, mine, await isMuted(ctx)), choices);
}

/** `/botheodoi` lists the followed topics with buttons; `/botheodoi <topic>` stops following one. */
export async function botheodoi(ctx: Ctx): Promise<void> {
  const labels = await topicLabels(ctx.s.prisma);
  const arg = ctx.args.trim();
  if (arg) {
    const topic = topicNamed(labels, arg);
    if (!topic) return ctx.reply(T.bad.unknownTopic);
    return unfollow(ctx, topic, labels);
  }
  const mine = await followed(ctx);
  if (!mine.size) return ctx.reply(T.followsNone);
  const choices: Choice[] = [...labels].filter(([k]) => mine.has(k)).map(([topic, label]) => ({ label: `➖ ${label}`, action: "ann.unfollow", args: { topic } }));
  ctx.reply(T.unfollowPick, choices);
}

export async function tatthongbao(ctx: Ctx): Promise<void> {
  const personId = ctx.person!.id;
  await ctx.s.prisma.announcementMute.upsert({ where: { personId }, create: { personId, createdAt: ctx.s.clock.now() }, update: {} });
  ctx.reply(T.muted);
}

export async function batthongbao(ctx: Ctx): Promise<void> {
  await ctx.s.prisma.announcementMute.deleteMany({ where: { personId: ctx.person!.id } });
  ctx.reply(T.unmuted);
}

const topicArgs = z.object({ topic: z.string().min(1).max(64) });

function onTopic(run: (ctx: Ctx, topic: string, labels: Map<string, string>) => Promise<void>): ActionSpec {
  return {
    async run(ctx, args) {
      const a = topicArgs.safeParse(args);
      const labels = await topicLabels(ctx.s.prisma);
      if (!a.success || !labels.has(a.data.topic)) return ctx.reply(coreText.choiceExpired);
      await run(ctx, a.data.topic, labels);
    },
  };
}

export const followActions: Record<string, ActionSpec> = {
  "ann.follow": onTopic(follow),
  "ann.unfollow": onTopic(unfollow),
};
