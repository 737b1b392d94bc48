import type { Db } from "../../prisma/db.ts";

/**
 * Everyone holding a role (or any role) in a unit's subtree, with where their messages go —
 * the same rule as People.addressesOf (the identity on the preferred channel, else the
 * latest, never a blocked one) — in one statement joined by the subtree's path prefix, so
 * 50,000 members cost one query and no list of ids is bound. People with no reachable
 * identity are left out. Ordered by person.
 */
export async function subtreeAudience(
  prisma: Db,
  unitPath: string,
  role?: string,
): Promise<{ personId: number; channel: string; chatId: string }[]> {
  const subtree = `${unitPath}%`;
  const anyRole = role === undefined ? 1 : 0;
  const rows = await prisma.$queryRaw<{ personId: unknown; channel: string; chatId: string }[]>`
    SELECT x."personId" AS "personId", x."channel" AS "channel", x."chatId" AS "chatId" FROM (
      SELECT i."personId", i."channel", i."chatId",
        ROW_NUMBER() OVER (
          PARTITION BY i."personId"
          ORDER BY CASE WHEN i."channel" = p."preferredChannel" THEN 0 ELSE 1 END, i."id" DESC) AS "rank"
      FROM "Identity" i JOIN "Person" p ON p."id" = i."personId"
      WHERE i."blockedAt" IS NULL AND i."personId" IN (
        SELECT m."personId" FROM "Membership" m JOIN "Unit" u ON u."id" = m."unitId"
        WHERE u."path" LIKE ${subtree} AND (${anyRole} = 1 OR m."role" = ${role ?? ""}))
    ) x
    WHERE x."rank" = 1
    ORDER BY x."personId"`;
  return rows.map((r) => ({ personId: Number(r.personId), channel: r.channel, chatId: r.chatId }));
}
