import type { Choice } from "../../bot/core/types.ts";
import type { Ctx, Feature } from "../../bot/core/context.ts";
import { renderHelp } from "../../bot/core/commands.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { onboardingText as T } from "../../prompts/vi/onboarding.ts";
import { isInSubtree, unitTrail } from "../../bot/domain/org.ts";
import { createInvite } from "./invites.ts";
import { redeemInvite } from "./service.ts";

const PAGE = 20;

async function showUnits(ctx: Ctx, parentId: number | null, page = 0): Promise<void> {
  const { prisma } = ctx.s;
  const children = await prisma.unit.findMany({
    where: { parentId },
    orderBy: { name: "asc" },
    skip: page * PAGE,
    take: PAGE + 1,
  });
  const choices: Choice[] = children.slice(0, PAGE).map((u) => ({ label: u.name, action: "onb.unit", args: { unitId: u.id } }));
  if (children.length > PAGE) choices.push({ label: "…", action: "onb.more", args: { parentId, page: page + 1 } });
  if (parentId !== null) {
    const parent = await prisma.unit.findUniqueOrThrow({ where: { id: parentId } });
    choices.unshift({ label: T.thisIsMine, action: "onb.pick", args: { unitId: parentId } });
    choices.push({ label: T.up, action: "onb.up", args: { unitId: parent.parentId } });
    ctx.reply(T.chooseUnit(await unitTrail(prisma, parent)), choices);
    return;
  }
  if (!choices.length) return ctx.reply(T.noUnits);
  ctx.reply(T.welcome(ctx.in.displayName || coreText.anonymousName.toLowerCase()) + "\n\n" + T.consent, choices);
}

async function register(ctx: Ctx): Promise<number> {
  if (ctx.person) return ctx.person.id;
  const id = await ctx.s.people.ensure(ctx.in, ctx.s.clock.now(), coreText.anonymousName);
  await ctx.reload();
  return id;
}

/** /trogiup: generated from the registered commands, exactly those this person may run. */
function helpFor(ctx: Ctx): string {
  const who = { registered: !!ctx.person, roles: ctx.memberships.map((m) => m.role) };
  return renderHelp(ctx.commandList(), who, ctx.person?.displayName ?? ctx.in.displayName);
}

export const onboarding: Feature = {
  name: "onboarding",
  commands: {
    start: {
      guest: true,
      async run(ctx) {
        const code = ctx.args.split(/\s+/)[0] ?? "";
        if (code) {
          const personId = await register(ctx);
          const r = await redeemInvite(ctx.s.prisma, ctx.s.people, ctx.s.clock, personId, code);
          if (!r.ok) return ctx.reply(T.badInvite);
          const unit = await ctx.s.prisma.unit.findUniqueOrThrow({ where: { id: r.unitId } });
          await ctx.reload();
          await ctx.audit("invite.redeem", "unit", unit.id, r.role);
          const role = T.roleLabel[r.role] ?? r.role;
          return ctx.reply(r.already ? T.alreadyMember(unit.name, role) : T.joined(unit.name, role) + "\n\n" + T.consent);
        }
        await register(ctx);
        await showUnits(ctx, null);
      },
    },
    trogiup: { guest: true, run: async (ctx) => ctx.reply(helpFor(ctx)) },
    help: { guest: true, run: async (ctx) => ctx.reply(helpFor(ctx)) },
    huy: {
      guest: true,
      async run(ctx) {
        if (!ctx.flow) return ctx.reply(coreText.nothingToCancel);
        await ctx.clearFlow();
        ctx.reply(coreText.cancelled);
      },
    },
    moi: {
      roles: ["admin", "cadre"],
      async run(ctx) {
        const [role, unitCode, topics] = ctx.args.split(/\s+/);
        const roles = ["youth", "secretary", "cadre", "admin"];
        if (!role || !unitCode || !roles.includes(role)) return ctx.reply(T.inviteUsage);
        const unit = await ctx.s.prisma.unit.findUnique({ where: { code: unitCode } });
        if (!unit) return ctx.reply(T.unknownUnit(unitCode));
        const mine = ctx.withRole("admin", "cadre").some((m) => isInSubtree(unit.path, m.unit.path));
        if (!mine || (role === "admin" && !ctx.hasRole("admin"))) return ctx.reply(T.notYourSubtree);
        const inv = await createInvite(ctx.s.prisma, { role, unitCode, topics: topics?.split(","), createdById: ctx.person!.id });
        await ctx.audit("invite.create", "unit", unit.id, role);
        ctx.reply(T.inviteCreated(inv.code, T.roleLabel[role] ?? role, unit.name, null));
      },
    },
    dulieu: {
      async run(ctx) {
        const units = ctx.memberships.map((m) => `${m.unit.name} (${T.roleLabel[m.role] ?? m.role})`).join("; ") || "—";
        const key = ctx.s.secrets.pseudonym("asker", ctx.person!.id);
        const questions = await ctx.s.prisma.question.count({ where: { askerKey: key } });
        ctx.reply(T.myData(ctx.person!.displayName, units, questions));
      },
    },
    xoadulieu: {
      async run(ctx) {
        ctx.reply(T.deleteConfirm, [
          { label: coreText.yes, action: "onb.erase", args: {} },
          { label: coreText.no, action: "onb.keep", args: {} },
        ]);
      },
    },
  },
  actions: {
    "onb.unit": { guest: true, run: async (ctx, a) => showUnits(ctx, Number(a.unitId)) },
    "onb.more": { guest: true, run: async (ctx, a) => showUnits(ctx, a.parentId === null ? null : Number(a.parentId), Number(a.page)) },
    "onb.up": { guest: true, run: async (ctx, a) => showUnits(ctx, a.unitId === null || a.unitId === undefined ? null : Number(a.unitId)) },
    "onb.pick": {
      guest: true,
      async run(ctx, a) {
        const personId = await register(ctx);
        const unit = await ctx.s.prisma.unit.findUnique({ where: { id: Number(a.unitId) } });
        if (!unit) return ctx.reply(coreText.choiceExpired);
        await ctx.s.people.setYouthUnit(personId, unit.id);
        await ctx.reload();
        ctx.reply(T.joined(unit.name, T.roleLabel.youth!) + "\n\n" + helpFor(ctx));
      },
    },
    "onb.erase": {
      async run(ctx) {
        await ctx.audit("person.erase", "person", ctx.person!.id);
        await ctx.s.people.erase(ctx.person!.id);
        ctx.reply(T.deleted);
      },
    },
    "onb.keep": { run: async (ctx) => ctx.reply(coreText.cancelled) },
  },
};
