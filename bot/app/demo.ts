import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { Db } from "../../prisma/db.ts";
import { parseOrgFile } from "../domain/org.ts";
import { importOrg } from "./org-import.ts";

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
 * each with a web identity "demo-…" a visitor can pick. Idempotent.
 */
export async function seedDemo(prisma: Db): Promise<{ units: number; people: number }> {
  const text = readFileSync(DEMO_FILE, "utf8");
  const org = parseOrgFile(text, "prompts/demo/org.yaml");
  const r = await importOrg(prisma, org);
  const people = peopleSchema.parse((parseYaml(text) as { people?: unknown }).people ?? []);
  for (const p of people) {
    const ident = await prisma.identity.findUnique({ where: { channel_externalId: { channel: "web", externalId: p.key } } });
    const personId =
      ident?.personId ??
      (await prisma.person.create({ data: { displayName: p.name, title: p.title ?? null } })).id;
    if (!ident) await prisma.identity.create({ data: { channel: "web", externalId: p.key, chatId: p.key, personId } });
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
