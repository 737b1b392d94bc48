import type { Db } from "../../prisma/db.ts";
import type { MembershipView, PersonView, Role, UnitView } from "../core/context.ts";
import type { Target } from "../core/outbox/outbox.ts";
import type { ChannelName, Incoming } from "../core/types.ts";
import type { PeoplePort, PersonHooks, Tx } from "../core/people.ts";
import { pathIds } from "./org.ts";

/** Person, identities and memberships: the kernel every feature reads through. */
export class People implements PeoplePort {
  private hooks: { feature: string; hooks: PersonHooks }[] = [];

  constructor(private prisma: Db) {}

  /** Each feature announces how it moves and erases its own rows. */
  register(feature: string, hooks: PersonHooks): void {
    this.hooks.push({ feature, hooks });
  }

  /** Who is talking: the person behind a platform identity (null for a newcomer). */
  async byIdentity(incoming: Incoming): Promise<{ person: PersonView | null; memberships: MembershipView[] }> {
    const identity = await this.prisma.identity.findUnique({
      where: { channel_externalId: { channel: incoming.channel, externalId: incoming.userId } },
    });
    if (!identity) return { person: null, memberships: [] };
    if (identity.blockedAt || identity.chatId !== incoming.chatId) {
      // they wrote again: they can receive messages again
      await this.prisma.identity.update({ where: { id: identity.id }, data: { blockedAt: null, chatId: incoming.chatId } });
    }
    return this.byId(identity.personId);
  }

  async byId(personId: number): Promise<{ person: PersonView | null; memberships: MembershipView[] }> {
    return loadPersonById(this.prisma, personId);
  }

  /** Where a message to this person goes: their preferred channel if reachable, else the latest reachable one. */
  async addressOf(personId: number): Promise<Target | null> {
    const [person, identities] = await Promise.all([
      this.prisma.person.findUnique({ where: { id: personId }, select: { preferredChannel: true } }),
      this.prisma.identity.findMany({ where: { personId, blockedAt: null }, orderBy: { id: "desc" } }),
    ]);
    if (!person || identities.length === 0) return null;
    const id = identities.find((i) => i.channel === person.preferredChannel) ?? identities[0]!;
    return { channel: id.channel as ChannelName, chatId: id.chatId, userKey: id.externalId, personId };
  }

  /**
   * `from` becomes `to` (one person on two channels): the kernel moves memberships, then every
   * feature moves its own rows, all in one transaction (all or nothing).
   */
  async merge(from: number, to: number): Promise<void> {
    if (from === to) return;
    await this.prisma.$transaction(async (tx) => this.mergeIn(tx as Tx, from, to));
  }

  /**
   * A platform identity now belongs to `to` (`/lienket`). The person left behind, once it has
   * no identity any more, is merged into `to`. One transaction: all of it or nothing.
   */
  async moveIdentity(identityId: number, to: number): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const ident = await tx.identity.findUniqueOrThrow({ where: { id: identityId } });
      const from = ident.personId;
      if (from === to) return;
      await tx.identity.update({ where: { id: identityId }, data: { personId: to } });
      if ((await tx.identity.count({ where: { personId: from } })) > 0) return;
      await this.mergeIn(tx as Tx, from, to);
    });
  }

  private async mergeIn(tx: Tx, from: number, to: number): Promise<void> {
    {
      const ms = await tx.membership.findMany({ where: { personId: from } });
      for (const m of ms) {
        await tx.membership.upsert({
          where: { personId_unitId_role: { personId: to, unitId: m.unitId, role: m.role } },
          create: { personId: to, unitId: m.unitId, role: m.role, topics: m.topics },
          update: {},
        });
      }
      await tx.membership.deleteMany({ where: { personId: from } });
      for (const h of this.hooks) await h.hooks.merge?.(tx, from, to);
    }
  }

  /** Erase a person: every feature erases or anonymises its rows, then the kernel forgets the person. */
  async erase(personId: number): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      for (const h of this.hooks) await h.hooks.erase?.(tx as Tx, personId);
      await tx.identity.deleteMany({ where: { personId } });
      await tx.membership.deleteMany({ where: { personId } });
      await tx.linkCode.deleteMany({ where: { personId } });
      await tx.person.update({ where: { id: personId }, data: { displayName: "—", title: null, preferredChannel: null } });
    });
  }

  /** Cadres (and admins) of a unit, optionally only those following a topic. */
  async cadresOf(unitId: number, roles: Role[] = ["cadre"]): Promise<{ personId: number; topics: string[] }[]> {
    const rows = await this.prisma.membership.findMany({ where: { unitId, role: { in: roles } }, orderBy: { id: "asc" } });
    return rows.map((r) => ({ personId: r.personId, topics: r.topics ? r.topics.split(",").filter(Boolean) : [] }));
  }
}

export async function loadPersonById(prisma: Db, personId: number): Promise<{ person: PersonView | null; memberships: MembershipView[] }> {
  const [person, ms] = await Promise.all([
    prisma.person.findUnique({ where: { id: personId }, select: { id: true, displayName: true, title: true } }),
    prisma.membership.findMany({ where: { personId }, orderBy: { id: "asc" } }),
  ]);
  if (!person) return { person: null, memberships: [] };
  const units = ms.length ? await prisma.unit.findMany({ where: { id: { in: ms.map((m) => m.unitId) } } }) : [];
  const byId = new Map<number, UnitView>(units.map((u) => [u.id, u]));
  const memberships: MembershipView[] = [];
  for (const m of ms) {
    const u = byId.get(m.unitId);
    if (!u) continue;
    memberships.push({
      unitId: m.unitId,
      role: m.role as Role,
      topics: m.topics ? m.topics.split(",").filter(Boolean) : [],
      unit: { id: u.id, code: u.code, name: u.name, level: u.level, parentId: u.parentId, path: u.path, depth: u.depth, isBranch: u.isBranch },
    });
  }
  return { person, memberships };
}

export { pathIds };
