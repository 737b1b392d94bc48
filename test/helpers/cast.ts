import type { Db } from "../../prisma/db.ts";
import type { Role } from "../../bot/core/context.ts";
import type { ChannelName } from "../../bot/core/types.ts";

/** Someone as a channel knows them: the platform user id (= private chat id) and display name. */
export interface CastIdentity {
  channel: ChannelName;
  id: string;
  name: string;
  /** The chat the bot writes to; the user id (a private chat) by default. */
  chatId?: string;
}

export interface CastRole {
  role: Role;
  unitCode: string;
  topics?: string[];
  title?: string;
}

/**
 * Put a person straight into the database with their identity and memberships — what
 * `/start <invite>` leaves behind (person, identity, membership with the invite's topics, the
 * invite's title), without the round trip. Joining an existing person adds the membership.
 * Returns the person id. One test (core, e2e) still goes through /start itself.
 */
export async function seedMember(prisma: Db, who: CastIdentity, roles: CastRole[], now = new Date()): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const key = { channel: who.channel, externalId: who.id };
    const found = await tx.identity.findUnique({ where: { channel_externalId: key } });
    const personId =
      found?.personId ??
      (await tx.person.create({ data: { displayName: who.name.trim().slice(0, 100), createdAt: now } })).id;
    if (!found) await tx.identity.create({ data: { ...key, chatId: who.chatId ?? who.id, personId, createdAt: now } });
    for (const r of roles) {
      const unit = await tx.unit.findUnique({ where: { code: r.unitCode } });
      if (!unit) throw new Error(`seedMember: unknown unit ${r.unitCode}`);
      await tx.membership.upsert({
        where: { personId_unitId_role: { personId, unitId: unit.id, role: r.role } },
        create: { personId, unitId: unit.id, role: r.role, topics: (r.topics ?? []).join(","), createdAt: now },
        update: {},
      });
      if (r.title) await tx.person.update({ where: { id: personId }, data: { title: r.title } });
    }
    return personId;
  });
}

/** The usual people of TEST_ORG (test/helpers/org.ts), as `Harness.cast()` and the scenario suite seed them. */
export const CAST = {
  youth: { name: "Nguyễn Văn Trẻ", roles: [{ role: "youth", unitCode: "CD-A1" }] },
  secretary: { name: "Trần Thị Bí Thư", roles: [{ role: "secretary", unitCode: "CD-A1" }] },
  cadre: { name: "Lê Văn Cán Bộ", roles: [{ role: "cadre", unitCode: "XA-A", title: "Phó Bí thư Đoàn xã A" }] },
  admin: {
    name: "Phạm Tỉnh Đoàn",
    roles: [
      { role: "admin", unitCode: "TINH" },
      { role: "cadre", unitCode: "TINH", title: "Bí thư Tỉnh đoàn" },
    ],
  },
} as const satisfies Record<string, { name: string; roles: CastRole[] }>;
export type CastKey = keyof typeof CAST;
