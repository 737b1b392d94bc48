import type { Choice } from "../../bot/core/types.ts";
import type { Ctx, Feature, Role } from "../../bot/core/context.ts";
import { ROLES } from "../../bot/core/context.ts";
import { renderHelp } from "../../bot/core/commands.ts";
import { parseId } from "../../bot/core/args.ts";
import { formatDate } from "../../bot/core/time.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { onboardingText as T } from "../../prompts/vi/onboarding.ts";
import { unitTrail } from "../../bot/domain/org.ts";
import { createInvite, inviteState, invitesBy, mayGrant, revokeInvite } from "./invites.ts";
import { redeemInvite } from "./service.ts";
import { decideJoin, pendingFor, requestJoin } from "./requests.ts";
import { removeMember } from "./members.ts";

const PAGE = 20;

async function showUnits(ctx: Ctx, parentId: number | null, page = 0): Promise<void> {
  const { prisma } = ctx.s;
  // a demo unit left in the database is never offered by an install without DEMO
  const children = await prisma.unit.findMany({
    where: { parentId, ...(ctx.s.config.demo ? {} : { demo: false }) },
    orderBy: { name: "asc" },
    skip: page * PAGE,
    take: PAGE + 1,
  });
  const choices: Choice[] = children.slice(0, PAGE).map((u) => ({ label: u.name, action: "onb.unit", args: { unitId: u.id } }));
  if (children.length > PAGE) choices.push({ label: "…", action: "onb.more", args: { parentId, page: page + 1 } });
  if (parentId !== null) {
    const parent = await prisma.unit.findUnique({ where: { id: parentId } });
    if (!parent || (parent.demo && !ctx.s.config.demo)) return ctx.reply(coreText.choiceExpired);
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

/** `/moi` alone: the invites I created and what became of them. */
async function listInvites(ctx: Ctx): Promise<void> {
  const rows = await invitesBy(ctx.s.prisma, ctx.person!.id);
  if (!rows.length) return ctx.reply(T.noInvites);
  const now = ctx.s.clock.now();
  const lines = rows.map((r) =>
    T.inviteLine(r.code, T.roleLabel[r.role] ?? r.role, r.unit?.name ?? "—", r.uses, r.maxUses, r.expiresAt ? formatDate(r.expiresAt) : null, T.inviteState[inviteState(r, now)] ?? ""),
  );
  ctx.reply(T.invitesHeader + "\n" + lines.join("\n") + "\n\n" + T.invitesFooter);
}

/** `/moi <role> <unit> [topics] [uses]`: an admin at or above the unit, for a role at or below their own. */
async function mintInvite(ctx: Ctx): Promise<void> {
  const [roleArg, unitCode, ...rest] = ctx.args.split(/\s+/).filter(Boolean);
  const role = roleArg?.toLowerCase();
  if (!role || !unitCode || !ROLES.includes(role as Role) || rest.length > 2) return ctx.reply(T.inviteUsage);
  const usesArg = rest.find((x) => /^\d+$/.test(x));
  const topics = rest.find((x) => !/^\d+$/.test(x));
  const maxUses = usesArg ? Number(usesArg) : 1;
  if (maxUses < 1 || maxUses > 500) return ctx.reply(T.inviteUsage);
  const unit = await ctx.s.prisma.unit.findUnique({ where: { code: unitCode } });
  if (!unit || (unit.demo && !ctx.s.config.demo)) return ctx.reply(T.unknownUnit(unitCode));
  if (!mayGrant(ctx.memberships, unit, role)) return ctx.reply(T.notYourSubtree);
  const inv = await createInvite(ctx.s.prisma, {
    role,
    unitCode: unit.code,
    topics: topics?.split(",").filter(Boolean),
    createdById: ctx.person!.id,
    maxUses,
    days: ctx.s.config.INVITE_DAYS,
    now: ctx.s.clock.now(),
  });
  await ctx.audit("invite.create", "unit", unit.id, role);
  ctx.reply(T.inviteCreated(inv.code, T.roleLabel[role] ?? role, unit.name, formatDate(inv.expiresAt), inv.maxUses));
}

/** `/duyetthanhvien <n>`, `/tuchoi <n>` and the buttons: the same decision. */
async function decide(ctx: Ctx, id: number | null, accept: boolean): Promise<void> {
  if (id === null) return ctx.reply(accept ? T.acceptUsage : T.refuseUsage);
  const r = await decideJoin(ctx.s, { personId: ctx.person!.id, memberships: ctx.memberships }, id, accept);
  switch (r.kind) {
    case "unknown":
      return ctx.reply(T.requestUnknown(id));
    case "notYours":
      return ctx.reply(T.notYourSubtree);
    case "already":
      return ctx.reply(T.requestAlready(id));
    case "decided":
      await ctx.audit(accept ? "member.accept" : "member.refuse", "joinRequest", id);
      return ctx.reply(accept ? T.youAccepted(r.name, r.unit) : T.youRefused(r.name, r.unit));
  }
}

const DECIDERS: Role[] = ["secretary", "cadre", "admin"];

export const onboarding: Feature = {
  name: "onboarding",
  person: {
    async merge(tx, from, to) {
      await tx.joinRequest.updateMany({ where: { personId: from }, data: { personId: to } });
    },
    async erase(tx, personId) {
      await tx.joinRequest.deleteMany({ where: { personId } });
      await tx.joinRequest.updateMany({ where: { decidedById: personId }, data: { decidedById: null } });
    },
  },
  commands: {
    start: {
      scope: "any",
      guest: true,
      async run(ctx) {
        const code = ctx.args.split(/\s+/)[0] ?? "";
        if (code) {
          const personId = await register(ctx);
          const r = await redeemInvite(ctx.s.prisma, ctx.s.people, ctx.s.clock, personId, code, { demo: ctx.s.config.demo });
          if (!r.ok) return ctx.reply(T.badInvite[r.reason]);
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
    trogiup: { scope: "any", guest: true, run: async (ctx) => ctx.reply(helpFor(ctx)) },
    help: { scope: "any", guest: true, run: async (ctx) => ctx.reply(helpFor(ctx)) },
    huy: {
      scope: "any",
      guest: true,
      async run(ctx) {
        if (!ctx.flow) return ctx.reply(coreText.nothingToCancel);
        await ctx.clearFlow();
        ctx.reply(coreText.cancelled);
      },
    },
    moi: { scope: "own-subtree", roles: ["admin"], run: (ctx) => (ctx.args.trim() ? mintInvite(ctx) : listInvites(ctx)) },
    huymoi: {
      scope: "own-subtree",
      roles: ["admin"],
      async run(ctx) {
        const code = ctx.args.trim().split(/\s+/)[0];
        if (!code) return ctx.reply(T.revokeUsage);
        const r = await revokeInvite(ctx.s.prisma, { personId: ctx.person!.id, memberships: ctx.memberships }, code, ctx.s.clock.now());
        if (r.kind === "revoked") await ctx.audit("invite.revoke", "invite", r.code);
        ctx.reply(r.kind === "revoked" ? T.revoked(r.code) : r.kind === "already" ? T.alreadyRevoked : r.kind === "notYours" ? T.notYourSubtree : T.unknownInvite);
      },
    },
    duyetthanhvien: {
      scope: "own-subtree",
      roles: DECIDERS,
      async run(ctx) {
        if (ctx.args.trim()) return decide(ctx, parseId(ctx.args), true);
        const list = await pendingFor(ctx.s, ctx.memberships);
        if (!list.length) return ctx.reply(T.noRequests);
        ctx.reply(T.requestsHeader + "\n" + list.map((r) => T.requestLine(r.id, r.name, r.unit, formatDate(r.at))).join("\n") + "\n\n" + T.requestsFooter);
      },
    },
    tuchoi: { scope: "own-subtree", roles: DECIDERS, run: (ctx) => decide(ctx, parseId(ctx.args), false) },
    xoathanhvien: { scope: "own-subtree", roles: ["admin"], run: removeMember },
    // /dulieu and /xoadulieu: handlers/privacy
  },
  actions: {
    "onb.unit": { guest: true, run: async (ctx, a) => showUnits(ctx, Number(a.unitId)) },
    "onb.more": { guest: true, run: async (ctx, a) => showUnits(ctx, a.parentId === null ? null : Number(a.parentId), Number(a.page)) },
    "onb.up": { guest: true, run: async (ctx, a) => showUnits(ctx, a.unitId === null || a.unitId === undefined ? null : Number(a.unitId)) },
    "onb.pick": {
      guest: true,
      async run(ctx, a) {
        const unit = await ctx.s.prisma.unit.findUnique({ where: { id: Number(a.unitId) } });
        if (!unit || (unit.demo && !ctx.s.config.demo)) return ctx.reply(coreText.choiceExpired);
        const personId = await register(ctx);
        const r = await requestJoin(ctx.s, personId, unit);
        if (r.kind === "already") return ctx.reply(T.alreadyMember(unit.name, T.roleLabel.youth!));
        if (r.kind === "requested") await ctx.audit("member.request", "unit", unit.id);
        ctx.reply(r.kind === "requested" && !r.approvers ? T.requestNoApprover(unit.name) : T.requestSent(unit.name));
      },
    },
    "onb.jr": { roles: DECIDERS, run: (ctx, a) => decide(ctx, parseId(String(a.requestId ?? "")), a.accept === true) },
  },
};
