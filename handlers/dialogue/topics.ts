import type { Db } from "../../prisma/db.ts";
import { defaultTopics } from "../../prompts/vi/dialogue.ts";

export interface TopicInfo {
  key: string;
  label: string;
  description: string;
}

/** The fallback topic every installation has. */
export const OTHER_TOPIC = "khac";

/**
 * Seed the shipped default topics. Existing rows are left as they are, so an installation
 * that renamed a topic or added its own keeps them. One INSERT … ON CONFLICT DO NOTHING per
 * topic: instances starting at once on a fresh database cannot trip over each other.
 */
export async function seedTopics(prisma: Db): Promise<void> {
  let order = 0;
  for (const t of defaultTopics) {
    order += 10;
    await prisma.$executeRaw`INSERT INTO "Topic" ("key", "label", "description", "sortOrder") VALUES (${t.key}, ${t.label}, ${t.description}, ${order}) ON CONFLICT ("key") DO NOTHING`;
  }
}

/** Every configured topic, in display order. */
export async function loadTopics(prisma: Db): Promise<TopicInfo[]> {
  return prisma.topic.findMany({ orderBy: [{ sortOrder: "asc" }, { key: "asc" }], select: { key: true, label: true, description: true } });
}

export async function topicLabels(prisma: Db): Promise<Map<string, string>> {
  return new Map((await loadTopics(prisma)).map((t) => [t.key, t.label]));
}

export function labelOf(labels: Map<string, string>, key: string): string {
  return labels.get(key) ?? key;
}
