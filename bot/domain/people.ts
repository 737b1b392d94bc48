import { randomUUID } from "node:crypto";
import type { Db } from "../../prisma/db.ts";
import type { MembershipView, PersonView, Role, UnitView } from "../core/context.ts";
import type { Target } from "../core/outbox/outbox.ts";
import type { ChannelName, Incoming } from "../core/types.ts";
import type { HookKit, PeoplePort, PersonExport, PersonHooks, Tx } from "../core/people.ts";
import type { TraceAddress } from "../core/traces.ts";
import { pathIds } from "./org.ts";
import { cleanName } from "../core/text.ts";

/** Person, identities and memberships: the kernel every feature reads through. */
export class People implements PeoplePort {
  private hooks: { feature: string; hooks: PersonHooks }[] = [];
  /** What the plumbing kept of a person (outbox, inbox, choices, audit), erased with them (bot/core/traces.ts). */
  private traces: ((tx: Tx, who: { personId: number; addresses: TraceAddress[]; names: string[] }) => Promise<void>) | null = null;

  constructor(
    private prisma: Db,
    private kit: HookKit,
  ) {}

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
    return (await this.addressesOf([personId])).get(personId) ?? null;
  }

  /** The same for many people at once (two queries, whatever the count): dispatches and broadcasts. */
  async addressesOf(personIds: number[]): Promise<Map<number, Target>> {
    const out = new Map<number, Target>();
    if (!personIds.length) return out;
    const [people, identities] = await Promise.all([
      this.prisma.person.findMany({ where: { id: { in: personIds } }, select: { id: true, preferredChannel: true } }),
      this.prisma.identity.findMany({ where: { personId: { in: personIds }, blockedAt: null }, orderBy: { id: "desc" } }),
    ]);
    const pref = new Map(people.map((p) => [p.id, p.preferredChannel]));
    const byPerson = new Map<number, typeof identities>();
    for (const i of identities) byPerson.set(i.personId, [...(byPerson.get(i.personId) ?? []), i]);
    for (const pid of personIds) {
      if (!pref.has(pid)) continue;
      const mine = byPerson.get(pid) ?? [];
      const id = mine.find((i) => i.channel === pref.get(pid)) ?? mine[0];
      if (id) out.set(pid, { channel: id.channel as ChannelName, chatId: id.chatId, userKey: id.externalId, personId: pid });
    }
    return out;
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
      for (const h of this.hooks) await h.hooks.merge?.(tx, from, to, this.kit);
    }
  }

  /** The core's eraser of what the plumbing kept (set once by the composition root). */
  onEraseTraces(fn: (tx: Tx, who: { personId: number; addresses: TraceAddress[]; names: string[] }) => Promise<void>): void {
    this.traces = fn;
  }

  /**
   * Erase a person: every feature erases or anonymises its rows, the plumbing forgets their
   * chats and name (outbox, inbox, choices, audit), then the kernel forgets the person.
   */
  async erase(personId: number): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      for (const h of this.hooks) await h.hooks.erase?.(tx as Tx, personId, this.kit);
      const [person, identities] = await Promise.all([
        tx.person.findUnique({ where: { id: personId }, select: { displayName: true } }),
        tx.identity.findMany({ where: { personId } }),
      ]);
      const addresses = identities.map((i) => ({ channel: i.channel as ChannelName, chatId: i.chatId, userId: i.externalId }));
      await this.traces?.(tx as Tx, { personId, addresses, names: person ? [person.displayName] : [] });
      await tx.identity.deleteMany({ where: { personId } });
      await tx.membership.deleteMany({ where: { personId } });
      await tx.person.update({ where: { id: personId }, data: { displayName: "—", title: null, preferredChannel: null } });
    });
  }

  /** A person's data (`/dulieu`): profile, identities and memberships, then each feature's rows about them. */
  async exportData(personId: number): Promise<PersonExport | null> {
    const [person, identities, ms] = await Promise.all([
      this.prisma.person.findUnique({ where: { id: personId } }),
      this.prisma.identity.findMany({ where: { personId }, orderBy: { id: "asc" } }),
      this.prisma.membership.findMany({ where: { personId }, orderBy: { id: "asc" } }),
    ]);
    if (!person) return null;
    const units = new Map((await this.prisma.unit.findMany({ where: { id: { in: ms.map((m) => m.unitId) } } })).map((u) => [u.id, u]));
    const out: PersonExport = {
      profile: { displayName: person.displayName, title: person.title, preferredChannel: person.preferredChannel, createdAt: person.createdAt },
      identities: identities.map((i) => ({ channel: i.channel, userId: i.externalId, since: i.createdAt })),
      memberships: ms.map((m) => ({
        unit: units.get(m.unitId)?.code ?? "",
        unitName: units.get(m.unitId)?.name ?? "",
        role: m.role as Role,
        topics: m.topics ? m.topics.split(",").filter(Boolean) : [],
        since: m.createdAt,
      })),
    };
    for (const h of this.hooks) if (h.hooks.exportData) Object.assign(out, await h.hooks.exportData(this.prisma, personId, this.kit));
    return out;
  }

  /** The platform refused this chat for good: stop sending until they write again. */
  async markBlocked(channel: ChannelName, chatId: string, at: Date): Promise<void> {
    await this.prisma.identity.updateMany({ where: { channel, chatId }, data: { blockedAt: at } });
  }

  /** The person behind a channel identity, created on first contact (name cleaned, capped). */
  async ensure(inc: Incoming, now: Date, fallbackName: string): Promise<number> {
    const key = { channel: inc.channel, externalId: inc.userId };
    const found = await this.prisma.identity.findUnique({ where: { channel_externalId: key } });
    if (found) return found.personId;
    const name = cleanName(inc.displayName) || fallbackName;
    return this.prisma.$transaction(async (tx) => {
      const person = await tx.person.create({ data: { displayName: name, createdAt: now } });
      await tx.identity.create({ data: { ...key, chatId: inc.chatId, personId: person.id, createdAt: now } });
      return person.id;
    });
  }

  /** A new platform identity of an existing person (the second channel of `/lienket`). */
  async addIdentity(inc: Incoming, personId: number): Promise<number> {
    const row = await this.prisma.identity.create({ data: { channel: inc.channel, externalId: inc.userId, chatId: inc.chatId, personId } });
    return row.id;
  }

  async identityOf(inc: Pick<Incoming, "channel" | "userId">): Promise<{ id: number; personId: number } | null> {
    return this.prisma.identity.findUnique({ where: { channel_externalId: { channel: inc.channel, externalId: inc.userId } }, select: { id: true, personId: true } });
  }

  async channelsOf(personId: number): Promise<ChannelName[]> {
    const rows = await this.prisma.identity.findMany({ where: { personId }, select: { channel: true }, orderBy: { id: "asc" } });
    return rows.map((r) => r.channel as ChannelName);
  }

  async setPreferredChannel(personId: number, channel: ChannelName): Promise<void> {
    await this.prisma.person.update({ where: { id: personId }, data: { preferredChannel: channel } });
  }

  /** A role in a unit (idempotent). False when the person already held it. */
  async addMembership(personId: number, unitId: number, role: Role, opts: { topics?: string; title?: string | null; now?: Date } = {}): Promise<boolean> {
    const existing = await this.prisma.membership.findUnique({ where: { personId_unitId_role: { personId, unitId, role } } });
    if (existing) return false;
    await this.prisma.$transaction([
      this.prisma.membership.create({ data: { personId, unitId, role, topics: opts.topics ?? "", ...(opts.now ? { createdAt: opts.now } : {}) } }),
      ...(opts.title ? [this.prisma.person.update({ where: { id: personId }, data: { title: opts.title } })] : []),
    ]);
    return true;
  }

  async hasMembership(personId: number, unitId: number, role: Role): Promise<boolean> {
    return !!(await this.prisma.membership.findUnique({ where: { personId_unitId_role: { personId, unitId, role } }, select: { id: true } }));
  }

  /** Remove a person's role in a unit (every role there when none is named). Returns how many were removed. */
  async removeMembership(personId: number, unitId: number, role?: Role): Promise<number> {
    const r = await this.prisma.membership.deleteMany({ where: { personId, unitId, ...(role ? { role } : {}) } });
    return r.count;
  }

  /** The person's web chat identity (its id is the chat id), created on their first web sign-in. */
  async webIdentity(personId: number, now: Date): Promise<string> {
    const found = await this.prisma.identity.findFirst({ where: { personId, channel: "web" }, orderBy: { id: "asc" }, select: { externalId: true } });
    if (found) return found.externalId;
    const key = `w-${randomUUID()}`;
    await this.prisma.identity.create({ data: { channel: "web", externalId: key, chatId: key, personId, createdAt: now } });
    return key;
  }

  /** A youth belongs to one unit: choosing another moves them. */
  async setYouthUnit(personId: number, unitId: number): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.membership.deleteMany({ where: { personId, role: "youth", unitId: { not: unitId } } }),
      this.prisma.membership.upsert({
        where: { personId_unitId_role: { personId, unitId, role: "youth" } },
        create: { personId, unitId, role: "youth" },
        update: {},
      }),
    ]);
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
