import { afterEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG } from "../helpers/harness.ts";
import { freshDatabaseUrl, testProvider } from "../helpers/db.ts";
import { openDatabase } from "../../prisma/db.ts";
import { seedTopics } from "../../handlers/dialogue/topics.ts";
import { seedDemo } from "../../bot/app/demo.ts";
import { defaultTopics } from "../../prompts/vi/dialogue.ts";
import { subtreeAudience } from "../../bot/domain/audience.ts";
import { enqueueBulk } from "../../bot/core/outbox/bulk.ts";
import { cancelJobs, ensureJob, refOfKey } from "../../bot/core/jobs.ts";

/**
 * Issue 14 item 6: set-based broadcasts, seeding that several instances may run at once,
 * and jobs found by an indexed reference instead of a key prefix.
 */
describe(`set-based work (${testProvider()})`, () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  // several instances share one database on PostgreSQL only (a SQLite file has one bot)
  it("When three instances seed a fresh PostgreSQL database at once, then none fails and each topic and demo person exists once", async () => {
    const db = await freshDatabaseUrl("postgresql", "migrated");
    const conns = await Promise.all([openDatabase(db.url), openDatabase(db.url), openDatabase(db.url)]);
    try {
      await Promise.all(conns.map(async (c) => {
        await seedTopics(c.prisma);
        await seedDemo(c.prisma);
      }));
      const p = conns[0]!.prisma;
      expect(await p.topic.count()).toBe(defaultTopics.length);
      const web = await p.identity.findMany({ where: { channel: "web", externalId: { startsWith: "demo-" } } });
      expect(web.length).toBeGreaterThan(0);
      expect(new Set(web.map((i) => i.externalId)).size).toBe(web.length);
      // no person was left behind without an identity by a seeding that lost the race
      expect(await p.person.count()).toBe(web.length);
    } finally {
      await Promise.all(conns.map((c) => c.close()));
      await db.drop();
    }
  }, 120_000);

  it("When a broadcast goes to a subtree, then each member is queued once on their preferred reachable chat, and a re-run adds nothing", async () => {
    h = await Harness.create({ org: TEST_ORG });
    const p = h.s.prisma;
    const units = new Map((await p.unit.findMany()).map((u) => [u.code, u]));
    const inA = ["CD-A1", "CD-A2"].map((c) => units.get(c)!.id);
    const N = 600;
    const people = [];
    for (let i = 0; i < N; i += 200) {
      const batch = Array.from({ length: Math.min(200, N - i) }, (_, j) => ({ displayName: `Đoàn viên ${i + j}`, preferredChannel: (i + j) % 10 === 1 ? "zalo" : null }));
      people.push(...(await p.person.createManyAndReturn({ data: batch, select: { id: true } })));
    }
    const identities = [];
    const memberships = [];
    for (let i = 0; i < N; i++) {
      const pid = people[i]!.id;
      identities.push({ channel: "telegram", externalId: `t${i}`, chatId: `t${i}`, personId: pid, blockedAt: i % 10 === 2 ? new Date() : null });
      if (i % 10 === 1 || i % 10 === 2) identities.push({ channel: "zalo", externalId: `z${i}`, chatId: `z${i}`, personId: pid });
      if (i % 10 === 3) identities[identities.length - 1]!.blockedAt = new Date(); // unreachable
      memberships.push({ personId: pid, unitId: i < 500 ? inA[i % 2]! : units.get("CD-B1")!.id, role: i % 50 === 0 ? "secretary" : "youth" });
      if (i % 100 === 0) memberships.push({ personId: pid, unitId: units.get("XA-A")!.id, role: "cadre" });
    }
    for (let i = 0; i < identities.length; i += 200) await p.identity.createMany({ data: identities.slice(i, i + 200) });
    for (let i = 0; i < memberships.length; i += 200) await p.membership.createMany({ data: memberships.slice(i, i + 200) });

    const xa = units.get("XA-A")!;
    const audience = await subtreeAudience(p, xa.path);
    // 500 people in XA-A's branches and one more (i = 500) as its cadre; those with i % 10 = 3 have no reachable chat
    expect(audience.length).toBe(451);
    const byPerson = new Map(audience.map((a) => [a.personId, a]));
    expect(byPerson.get(people[1]!.id)).toEqual({ personId: people[1]!.id, channel: "zalo", chatId: "z1" }); // preferred
    expect(byPerson.get(people[2]!.id)).toEqual({ personId: people[2]!.id, channel: "zalo", chatId: "z2" }); // telegram blocked
    expect(byPerson.get(people[4]!.id)?.chatId).toBe("t4");
    expect(byPerson.has(people[3]!.id)).toBe(false);
    expect((await subtreeAudience(p, xa.path, "secretary")).length).toBe(10);

    const long = "Thông báo. ".repeat(300); // over Zalo's 2,000 characters: two parts there, one on Telegram
    const at = h.clock.now();
    const queued = await enqueueBulk(p, h.s.outbox, audience, long, { provider: h.db.provider, dedupePrefix: "broadcast:t1", at });
    expect(queued).toBe(451);
    const rows = await p.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "broadcast:t1:" } }, orderBy: { id: "asc" } });
    const zalo = audience.filter((a) => a.channel === "zalo").length;
    expect(rows.length).toBe(451 + zalo);
    const z1 = rows.filter((r) => r.chatId === "z1");
    expect(z1.map((r) => r.dedupeKey)).toEqual([`broadcast:t1:${people[1]!.id}#1`, `broadcast:t1:${people[1]!.id}#2`]);
    expect(rows.every((r) => r.status === "pending" && r.priority === 1 && r.chatKey === h!.s.outbox.chatKeyOf(r.channel, r.chatId))).toBe(true);
    expect(await enqueueBulk(p, h.s.outbox, audience, long, { provider: h.db.provider, dedupePrefix: "broadcast:t1", at })).toBe(0);
    expect(await p.outboxMessage.count({ where: { dedupeKey: { startsWith: "broadcast:t1:" } } })).toBe(rows.length);
  }, 120_000);

  it("When jobs are cancelled by key prefix, then they are found through their reference, legacy rows without one included", async () => {
    h = await Harness.create();
    const at = h.clock.now();
    expect(refOfKey("task:12:rem:7")).toBe("task:12");
    expect(refOfKey("ses:commit:5:-1:2")).toBe("ses:commit:5");
    expect(refOfKey("guides:dispatch:2026-11")).toBe("guides:dispatch:2026-11");
    await ensureJob(h.s, { kind: "k", runAt: at, dedupeKey: "task:12:rem:7" });
    await ensureJob(h.s, { kind: "k", runAt: at, dedupeKey: "task:12:rem:3" });
    await ensureJob(h.s, { kind: "k", runAt: at, dedupeKey: "task:123:rem:3" });
    await h.s.prisma.scheduledJob.create({ data: { kind: "k", runAt: at, dedupeKey: "task:12:old" } }); // written before refs
    expect((await h.s.prisma.scheduledJob.findUniqueOrThrow({ where: { dedupeKey: "task:12:rem:7" } })).ref).toBe("task:12");
    expect(await cancelJobs(h.s, "task:12:", ["task:12:rem:3"])).toBe(2);
    const left = await h.s.prisma.scheduledJob.findMany({ where: { status: "pending" }, orderBy: { id: "asc" } });
    expect(left.map((j) => j.dedupeKey)).toEqual(["task:12:rem:3", "task:123:rem:3"]);
    const cancelled = await h.s.prisma.scheduledJob.findMany({ where: { status: "cancelled" } });
    expect(cancelled.every((j) => j.doneAt?.getTime() === at.getTime())).toBe(true);
  });
});
