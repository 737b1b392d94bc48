import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../helpers/harness.ts";
import { runRetention } from "../../bot/core/retention.ts";

const DAY = 86_400_000;

/**
 * Issue 13 item 5 (retention): what the core keeps only to do its work is deleted once its
 * time is up, by the scheduler once a day; pending work is never touched.
 */
describe("retention", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.create({ now: new Date("2027-03-10T01:00:00Z") });
  });
  afterEach(async () => h.close());

  /** One row of every kind, `age` days old, plus pending work of the same age. */
  async function seed(age: number, tag: string) {
    const p = h.s.prisma;
    const at = new Date(h.clock.now().getTime() - age * DAY);
    await p.inboundUpdate.create({ data: { channel: "telegram", updateKey: `${tag}-done`, payload: "", status: "done", receivedAt: at, processedAt: at } });
    await p.inboundUpdate.create({ data: { channel: "telegram", updateKey: `${tag}-pending`, payload: "{}", status: "pending", receivedAt: at } });
    await p.outboxMessage.create({ data: { channel: "telegram", chatId: "1", payload: "{}", status: "sent", createdAt: at, sentAt: at, dedupeKey: `${tag}-sent` } });
    await p.outboxMessage.create({ data: { channel: "telegram", chatId: "1", payload: "{}", status: "pending", createdAt: at, nextAttemptAt: at, dedupeKey: `${tag}-pending` } });
    await p.conversation.create({ data: { channel: "telegram", userKey: `${tag}-u`, flow: "x", updatedAt: at } });
    await p.choiceSet.create({ data: { channel: "telegram", userKey: `${tag}-u`, items: "[]", createdAt: at } });
    await p.scheduledJob.create({ data: { kind: "k", runAt: at, dedupeKey: `${tag}-done`, status: "done", doneAt: at } });
    await p.scheduledJob.create({ data: { kind: "k", runAt: at, dedupeKey: `${tag}-cancelled`, status: "cancelled", doneAt: at } });
    await p.scheduledJob.create({ data: { kind: "k", runAt: at, dedupeKey: `${tag}-pending`, status: "pending" } });
    await p.auditLog.create({ data: { action: "x", entity: tag, at } });
  }

  async function counts() {
    const p = h.s.prisma;
    return {
      inboundDone: await p.inboundUpdate.count({ where: { status: "done" } }),
      inboundPending: await p.inboundUpdate.count({ where: { status: "pending" } }),
      outboxSent: await p.outboxMessage.count({ where: { status: "sent" } }),
      outboxPending: await p.outboxMessage.count({ where: { status: "pending" } }),
      conversations: await p.conversation.count(),
      choiceSets: await p.choiceSet.count(),
      jobsFinished: await p.scheduledJob.count({ where: { status: { in: ["done", "cancelled"] } } }),
      jobsPending: await p.scheduledJob.count({ where: { status: "pending" } }),
      audit: await p.auditLog.count(),
    };
  }

  it("When rows pass their retention, then they are deleted by age and kind, and pending work is kept", async () => {
    await seed(2, "d2"); // within every period
    await seed(8, "d8"); // past 7 days: inbound, conversation, choice set
    await seed(31, "d31"); // past 30 days: outbox, jobs
    await seed(366, "d366"); // past a year: audit
    const r = await runRetention(h.s);
    expect(r).toEqual({ inbound: 3, outbox: 2, conversations: 3, choiceSets: 3, jobs: 4, audit: 1 });
    expect(await counts()).toEqual({
      inboundDone: 1,
      inboundPending: 4,
      outboxSent: 2,
      outboxPending: 4,
      conversations: 1,
      choiceSets: 1,
      jobsFinished: 4,
      jobsPending: 4,
      audit: 3,
    });
    // a second pass finds nothing more
    expect(Object.values(await runRetention(h.s)).every((n) => n === 0)).toBe(true);
  });

  it("When the periods are configured, then each kind follows its own setting", async () => {
    const h2 = await Harness.create({
      now: new Date("2027-03-10T01:00:00Z"),
      env: { RETENTION_INBOUND_DAYS: "1", RETENTION_OUTBOX_DAYS: "3", RETENTION_JOBS_DAYS: "3", RETENTION_CONVERSATION_DAYS: "30", RETENTION_CHOICE_DAYS: "30", RETENTION_AUDIT_DAYS: "7" },
    });
    const old = h;
    h = h2;
    try {
      await seed(2, "d2");
      await seed(8, "d8");
      const r = await runRetention(h.s);
      // 1 day: both inbound rows; 3 days: the 8-day-old outbox row and jobs; 30 days: nothing; 7 days: the 8-day-old audit row
      expect(r).toEqual({ inbound: 2, outbox: 1, conversations: 0, choiceSets: 0, jobs: 2, audit: 1 });
    } finally {
      h = old;
      await h2.close();
    }
  });

  it("When the day's retention time passes, then the scheduler runs the pass once", async () => {
    await seed(40, "old");
    await seed(1, "new");
    // 03:30 Vietnam time is 20:30 UTC the day before
    await h.at(new Date("2027-03-10T20:31:00Z"));
    expect(await counts()).toEqual({
      inboundDone: 1,
      inboundPending: 2,
      outboxSent: 1,
      outboxPending: 2,
      conversations: 1,
      choiceSets: 1,
      jobsFinished: 2,
      jobsPending: 2,
      audit: 2,
    });
  });
});
