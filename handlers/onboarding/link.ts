import type { Feature } from "../../bot/core/context.ts";
import type { ChannelName } from "../../bot/core/types.ts";
import { Secrets } from "../../bot/core/secrets.ts";
import { linkText as T } from "../../prompts/vi/link.ts";
import { onboardingText as W } from "../../prompts/vi/onboarding.ts";
import { issueWebCode, WEB_CODE_MINUTES } from "./service.ts";

const CODE_TTL_MIN = 10;

/** One person, several channels: a one-time code shown on one channel, typed on the other. */
export const link: Feature = {
  name: "link",
  person: {
    // a pending code of an erased person is useless to anyone: gone; a merged person keeps theirs
    async merge(tx, from, to) {
      await tx.linkCode.updateMany({ where: { personId: from }, data: { personId: to } });
    },
    async erase(tx, personId) {
      await tx.linkCode.deleteMany({ where: { personId } });
    },
  },
  commands: {
    lienket: {
      scope: "any",
      guest: true,
      async run(ctx) {
        const { prisma, clock } = ctx.s;
        const code = ctx.args.trim().toUpperCase();
        if (!code) {
          if (!ctx.person) return ctx.reply(T.badCode);
          const value = Secrets.code(8);
          await prisma.linkCode.deleteMany({ where: { personId: ctx.person.id, purpose: "link" } });
          await prisma.linkCode.create({ data: { code: value, personId: ctx.person.id, expiresAt: new Date(clock.now().getTime() + CODE_TTL_MIN * 60_000) } });
          return ctx.reply(T.code(value, CODE_TTL_MIN));
        }
        const row = await prisma.linkCode.findUnique({ where: { code } });
        if (!row || row.purpose !== "link" || row.expiresAt < clock.now()) return ctx.reply(T.badCode);
        if (ctx.person?.id === row.personId) return ctx.reply(T.alreadyLinked);
        const others = await ctx.s.people.channelsOf(row.personId);
        if (others.includes(ctx.in.channel)) return ctx.reply(T.sameChannel);
        // consume the code first: it works once
        const used = await prisma.linkCode.deleteMany({ where: { code, purpose: "link" } });
        if (used.count !== 1) return ctx.reply(T.badCode);
        const ident = await ctx.s.people.identityOf(ctx.in);
        if (!ident) await ctx.s.people.addIdentity(ctx.in, row.personId);
        else await ctx.s.people.moveIdentity(ident.id, row.personId);
        await ctx.s.people.setPreferredChannel(row.personId, ctx.in.channel);
        await ctx.reload();
        await ctx.audit("identity.link", "person", row.personId, ctx.in.channel);
        const channels = [...new Set([...others, ctx.in.channel])].map((c) => T.channelNames[c] ?? c).join(", ");
        ctx.reply(T.linked(ctx.person?.displayName ?? "", channels));
      },
    },
    web: {
      scope: "any",
      async run(ctx) {
        if (ctx.in.channel === "web") return ctx.reply(W.alreadyOnWeb);
        const code = await issueWebCode(ctx.s, ctx.person!.id);
        const c = ctx.s.config;
        const link = c.webChat ? `${(c.PUBLIC_URL ?? `http://${c.WEB_HOST}:${c.WEB_PORT}`).replace(/\/$/, "")}/#code=${code}` : null;
        await ctx.audit("web.code", "person", ctx.person!.id);
        ctx.reply(W.webCode(code, WEB_CODE_MINUTES, link));
      },
    },
    kenh: {
      scope: "any",
      async run(ctx) {
        const channel = ctx.args.trim().toLowerCase();
        if (!["telegram", "zalo", "web"].includes(channel)) return ctx.reply(T.preferUsage);
        const has = (await ctx.s.people.channelsOf(ctx.person!.id)).includes(channel as ChannelName);
        if (!has) return ctx.reply(T.preferNotLinked(T.channelNames[channel] ?? channel));
        await ctx.s.people.setPreferredChannel(ctx.person!.id, channel as ChannelName);
        ctx.reply(T.preferSet(T.channelNames[channel] ?? channel));
      },
    },
  },
};
