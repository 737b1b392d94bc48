import type { Feature } from "../../bot/core/context.ts";
import { Secrets } from "../../bot/core/secrets.ts";
import { linkText as T } from "../../prompts/vi/link.ts";

const CODE_TTL_MIN = 10;

/** One person, several channels: a one-time code shown on one channel, typed on the other. */
export const link: Feature = {
  name: "link",
  commands: {
    lienket: {
      guest: true,
      async run(ctx) {
        const { prisma, clock } = ctx.s;
        const code = ctx.args.trim().toUpperCase();
        if (!code) {
          if (!ctx.person) return ctx.reply(T.badCode);
          const value = Secrets.code(8);
          await prisma.linkCode.deleteMany({ where: { personId: ctx.person.id } });
          await prisma.linkCode.create({ data: { code: value, personId: ctx.person.id, expiresAt: new Date(clock.now().getTime() + CODE_TTL_MIN * 60_000) } });
          return ctx.reply(T.code(value, CODE_TTL_MIN));
        }
        const row = await prisma.linkCode.findUnique({ where: { code } });
        if (!row || row.expiresAt < clock.now()) return ctx.reply(T.badCode);
        if (ctx.person?.id === row.personId) return ctx.reply(T.alreadyLinked);
        const others = await prisma.identity.findMany({ where: { personId: row.personId } });
        if (others.some((i) => i.channel === ctx.in.channel)) return ctx.reply(T.sameChannel);
        // consume the code first: it works once
        const used = await prisma.linkCode.deleteMany({ where: { code } });
        if (used.count !== 1) return ctx.reply(T.badCode);
        let ident = await prisma.identity.findUnique({ where: { channel_externalId: { channel: ctx.in.channel, externalId: ctx.in.userId } } });
        if (!ident) {
          ident = await prisma.identity.create({ data: { channel: ctx.in.channel, externalId: ctx.in.userId, chatId: ctx.in.chatId, personId: row.personId } });
        } else await ctx.s.people.moveIdentity(ident.id, row.personId);
        await prisma.person.update({ where: { id: row.personId }, data: { preferredChannel: ctx.in.channel } });
        await ctx.reload();
        await ctx.audit("identity.link", "person", row.personId, ctx.in.channel);
        const channels = [...new Set([...others.map((i) => i.channel), ctx.in.channel])].map((c) => T.channelNames[c] ?? c).join(", ");
        ctx.reply(T.linked(ctx.person?.displayName ?? "", channels));
      },
    },
    kenh: {
      async run(ctx) {
        const channel = ctx.args.trim().toLowerCase();
        if (!["telegram", "zalo", "web"].includes(channel)) return ctx.reply(T.preferUsage);
        const has = await ctx.s.prisma.identity.count({ where: { personId: ctx.person!.id, channel } });
        if (!has) return ctx.reply(T.preferNotLinked(T.channelNames[channel] ?? channel));
        await ctx.s.prisma.person.update({ where: { id: ctx.person!.id }, data: { preferredChannel: channel } });
        ctx.reply(T.preferSet(T.channelNames[channel] ?? channel));
      },
    },
  },
};
