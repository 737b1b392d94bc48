import type { Db } from "../../prisma/db.ts";
import type { Role } from "../../bot/core/context.ts";
import type { BulkRecipient } from "../../bot/core/outbox/bulk.ts";

/** Who an announcement is for: units (each with its subtree), roles, a topic. */
export interface AudienceScope {
  /** Units whose subtrees are addressed (at least one). */
  unitIds: number[];
  /** Only these roles (empty or undefined: every role). */
  roles?: Role[];
  /** Followers of this topic only (null or undefined: every member). */
  topic?: string | null;
}

/**
 * The recipients of an announcement, with where their messages go (the kernel's rule: the
 * identity on the preferred channel, else the latest, never a blocked one), in one statement
 * per addressed unit joined by the subtree's path prefix: members holding one of the roles,
 * following the topic when one is given, never a member who muted announcements. A person in
 * several addressed units counts once. Ordered by person.
 */
export async function audienceOf(prisma: Db, scope: AudienceScope): Promise<BulkRecipient[]> {
  const units = await prisma.unit.findMany({ where: { id: { in: scope.unitIds } }, select: { path: true } });
  const roles = scope.roles?.length ? `,${scope.roles.join(",")},` : "";
  const anyRole = roles ? 0 : 1;
  const topic = scope.topic ?? "";
  const anyTopic = scope.topic ? 0 : 1;
  const seen = new Map<number, BulkRecipient>();
  for (const u of units) {
    const subtree = `${u.path}%`;
    const rows = await prisma.$queryRaw<{ personId: unknown; channel: string; chatId: string }[]>`
      SELECT x."personId" AS "personId", x."channel" AS "channel", x."chatId" AS "chatId" FROM (
        SELECT i."personId", i."channel", i."chatId",
          ROW_NUMBER() OVER (
            PARTITION BY i."personId"
            ORDER BY CASE WHEN i."channel" = p."preferredChannel" THEN 0 ELSE 1 END, i."id" DESC) AS "rank"
        FROM "Identity" i JOIN "Person" p ON p."id" = i."personId"
        WHERE i."blockedAt" IS NULL
          AND i."personId" IN (
            SELECT m."personId" FROM "Membership" m JOIN "Unit" u ON u."id" = m."unitId"
            WHERE u."path" LIKE ${subtree} AND (${anyRole} = 1 OR ${roles} LIKE '%,' || m."role" || ',%'))
          AND NOT EXISTS (SELECT 1 FROM "AnnouncementMute" a WHERE a."personId" = i."personId")
          AND (${anyTopic} = 1 OR EXISTS (SELECT 1 FROM "TopicFollow" f WHERE f."personId" = i."personId" AND f."topic" = ${topic}))
      ) x
      WHERE x."rank" = 1`;
    for (const r of rows) {
      const personId = Number(r.personId);
      if (!seen.has(personId)) seen.set(personId, { personId, channel: r.channel, chatId: r.chatId });
    }
  }
  return [...seen.values()].sort((a, b) => a.personId - b.personId);
}
