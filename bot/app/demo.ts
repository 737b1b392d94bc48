import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { Db } from "../../prisma/db.ts";
import { parseOrgFile, type OrgFile } from "../domain/org.ts";
import { importOrg } from "./org-import.ts";
import { isUniqueViolation } from "../core/outbox/unique.ts";

const DEMO_FILE = new URL("../../prompts/demo/org.yaml", import.meta.url);

const peopleSchema = z.array(
  z.object({
    key: z.string().regex(/^demo-[a-z0-9-]+$/),
    name: z.string(),
    title: z.string().optional(),
    roles: z.array(z.object({ role: z.enum(["youth", "secretary", "cadre", "admin"]), unit: z.string(), topics: z.array(z.string()).default([]) })),
  }),
);

/**
 * The demo organisation (a province Union, two communes, four branches) and its people,
 * each with a web identity "demo-…" a visitor can pick. Idempotent, and safe with several
 * instances seeding a fresh database at once: a person and its identity are created in one
 * transaction (the identity's unique key refuses the second), and a pass that trips over a
 * row another instance has just written is run again (it then finds the row).
 */
export async function seedDemo(prisma: Db): Promise<{ units: number; people: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await seedOnce(prisma);
    } catch (e) {
      if (attempt >= 5 || !isUniqueViolation(e)) throw e;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
    }
  }
}

async function seedOnce(prisma: Db): Promise<{ units: number; people: number }> {
  const text = readFileSync(DEMO_FILE, "utf8");
  const org = parseOrgFile(text, "prompts/demo/org.yaml");
  const r = await importOrg(prisma, org);
  // everything the demo seeds is marked: an install started without DEMO refuses it
  // (its published invite codes, its units in the tree walk, its personas and their sessions)
  await prisma.unit.updateMany({ where: { code: { in: unitCodes(org.units) } }, data: { demo: true } });
  await prisma.invite.updateMany({
    where: { code: { in: org.invites.map((i) => i.code.toUpperCase()) } },
    // the published demo codes are for every visitor of the demo: no expiry, no limit
    data: { demo: true, maxUses: null, expiresAt: null },
  });
  const people = peopleSchema.parse((parseYaml(text) as { people?: unknown }).people ?? []);
  for (const p of people) {
    const ident = await prisma.identity.findUnique({ where: { channel_externalId: { channel: "web", externalId: p.key } } });
    const personId =
      ident?.personId ??
      (await prisma.$transaction(async (tx) => {
        const person = await tx.person.create({ data: { displayName: p.name, title: p.title ?? null, demo: true } });
        await tx.identity.create({ data: { channel: "web", externalId: p.key, chatId: p.key, personId: person.id } });
        return person.id;
      }));
    if (ident) await prisma.person.update({ where: { id: personId }, data: { demo: true } });
    for (const role of p.roles) {
      const unit = await prisma.unit.findUniqueOrThrow({ where: { code: role.unit } });
      await prisma.membership.upsert({
        where: { personId_unitId_role: { personId, unitId: unit.id, role: role.role } },
        create: { personId, unitId: unit.id, role: role.role, topics: role.topics.join(",") },
        update: {},
      });
    }
  }
  return { units: r.units, people: people.length };
}

function unitCodes(units: OrgFile["units"]): string[] {
  return units.flatMap((u) => [u.code, ...unitCodes(u.children ?? [])]);
}
