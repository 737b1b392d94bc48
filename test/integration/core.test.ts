import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG } from "../helpers/harness.ts";
import { onboarding } from "../../handlers/onboarding/index.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { onboardingText } from "../../prompts/vi/onboarding.ts";
import { Core } from "../../bot/core/router.ts";
import { allFeatures } from "../../bot/app/features.ts";
import { freshDatabaseUrl, testProvider } from "../helpers/db.ts";
import { migrate, migrationList } from "../../prisma/migrate.ts";
import { openDatabase } from "../../prisma/db.ts";

describe("core and onboarding", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.create({ org: TEST_ORG, features: [onboarding], env: { FLOOD_MAX_MESSAGES: "20", FLOOD_WINDOW_SECONDS: "10" } });
  });
  afterEach(async () => h.close());

  it("When a newcomer sends /start, then they walk the tree with choices and ask to join a branch (no membership until accepted)", async () => {
    const u = h.user("Lan");
    const [welcome] = await h.send(u, "/start");
    expect(welcome!.buttons!.map((b) => b.label)).toEqual(["Tỉnh đoàn Thử Nghiệm"]);
    const [province] = await h.press(u, "Tỉnh đoàn");
    expect(province!.buttons!.map((b) => b.label)).toContain("Đoàn xã A");
    await h.press(u, "Đoàn xã A");
    await h.press(u, "Chi đoàn A2");
    const [asked] = await h.press(u, onboardingText.thisIsMine);
    expect(asked!.text).toBe(onboardingText.requestNoApprover("Chi đoàn A2"));
    const personId = await h.personId(u);
    expect(await h.s.prisma.membership.count({ where: { personId } })).toBe(0);
    expect(await h.s.prisma.joinRequest.findMany({ where: { personId }, select: { status: true } })).toEqual([{ status: "pending" }]);
  });

  it("When /start carries an invite, then the person joins that unit with that role, and a used-up invite is refused", async () => {
    const unit = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "CD-B1" } });
    await h.s.prisma.invite.create({ data: { code: "BITHU-B1", role: "secretary", unitId: unit.id, maxUses: 1 } });
    const a = h.user("Bí thư");
    const [ok] = await h.send(a, "/start BITHU-B1");
    expect(ok!.text).toContain("Chi đoàn B1");
    expect(ok!.text).toContain("bí thư chi đoàn");
    const b = h.user("Người khác");
    const [refused] = await h.send(b, "/start BITHU-B1");
    expect(refused!.text).toBe(onboardingText.badInvite.usedUp);
    expect(await h.s.prisma.membership.count({ where: { unitId: unit.id } })).toBe(1);
  });

  it("When a pressed choice is tampered (another user's set, or a wrong index), then it is refused and nothing changes", async () => {
    const a = h.user("A");
    const b = h.user("B");
    const [offer] = await h.send(a, "/start");
    const setId = Number(offer!.buttons![0]!.data.split(":")[1]);
    await h.send(b, "/start");
    await h.core.receive({ channel: "telegram", chatId: b.id, userId: b.id, displayName: "B", choice: { setId, index: 1 } }, "tamper-1");
    await h.core.receive({ channel: "telegram", chatId: a.id, userId: a.id, displayName: "A", choice: { setId, index: 9 } }, "tamper-2");
    await h.core.receive({ channel: "telegram", chatId: a.id, userId: a.id, displayName: "A", choice: { setId: 999999, index: 1 } }, "tamper-3");
    const toB = await h.unread(b);
    const toA = await h.unread(a);
    expect(toB.map((m) => m.text)).toEqual([coreText.choiceExpired]);
    expect(toA.map((m) => m.text)).toEqual([coreText.choiceExpired, coreText.choiceExpired]);
  });

  it("When a message is 5,000 characters or holds markup, then the answer is clear and nothing breaks", async () => {
    const u = h.user("X");
    expect((await h.send(u, "x".repeat(5000)))[0]!.text).toBe(coreText.tooLong(4096));
    expect((await h.send(u, "/<script>alert(1)</script>"))[0]!.text).toBe(coreText.notRegistered);
    expect((await h.send(u, "/khongco"))[0]!.text).toBe(coreText.unknownCommand("khongco"));
    expect((await h.send(u, "<b>hello</b>"))[0]!.text).toBe(coreText.notRegistered);
  });

  it("When a member uses a cadre command, then they are told it is not for their role", async () => {
    const u = h.user("Y");
    await h.joinByInvite(u, "youth", "CD-A1");
    const [r] = await h.send(u, "/moi youth CD-A1");
    expect(r!.text).toBe(coreText.notAllowed("quản trị viên"));
  });

  it("When the same platform update arrives twice, then it is handled once", async () => {
    const u = h.user("D");
    const inc = { channel: "telegram" as const, chatId: u.id, userId: u.id, displayName: "D", text: "/trogiup" };
    await h.core.receive(inc, "dup-1");
    await h.core.receive(inc, "dup-1");
    expect(await h.messages(u)).toHaveLength(1);
  });

  it("When the process died after storing an update, then it is handled at the next start", async () => {
    const u = h.user("E");
    await h.core.store({ channel: "telegram", chatId: u.id, userId: u.id, displayName: "E", text: "/trogiup" }, "crash-1");
    expect(await h.messages(u)).toHaveLength(0);
    // the instance that stored it leaves it to itself
    expect(await h.core.recover({ olderThanMs: 120_000 })).toBe(0);
    // another instance (the restarted process) takes over only what has waited long enough, once
    const restarted = new Core(h.s, allFeatures());
    expect(await restarted.recover({ olderThanMs: 120_000 })).toBe(0);
    h.clock.advance(121_000);
    expect(await restarted.recover({ olderThanMs: 120_000 })).toBe(1);
    expect(await h.messages(u)).toHaveLength(1);
    expect(await restarted.recover()).toBe(0);
    expect(await new Core(h.s, allFeatures()).recover()).toBe(0);
  });

  it("When one user floods 200 messages, then 20 are handled, one polite notice is sent, the rest are stored as throttled", async () => {
    const u = h.user("F");
    for (let i = 0; i < 200; i++) await h.core.receive({ channel: "telegram", chatId: u.id, userId: u.id, displayName: "F", text: "/trogiup" }, `f-${i}`);
    const msgs = await h.messages(u);
    expect(msgs.filter((m) => m.text === coreText.flood)).toHaveLength(1);
    expect(msgs.length).toBe(21);
    expect(await h.s.prisma.inboundUpdate.count({ where: { status: "throttled" } })).toBe(180);
  });

  it("When choices go to Zalo, then they are a numbered list and typing the number chooses", async () => {
    const u = h.user("Z", "zalo");
    const [welcome] = await h.send(u, "/start");
    expect(welcome!.buttons).toBeUndefined();
    expect(welcome!.text).toContain("1. Tỉnh đoàn Thử Nghiệm");
    const [next] = await h.send(u, "1");
    expect(next!.text).toContain("2. Đoàn xã A");
  });

  it("When /huy is sent with no flow, then the user is told there is nothing to cancel", async () => {
    const u = h.user("G");
    expect((await h.send(u, "/huy"))[0]!.text).toBe(coreText.nothingToCancel);
  });
});

describe("migrations", () => {
  it("When the database is empty, then migrate applies every committed migration, and a second run applies none", async () => {
    // every other test copies a template migrated once per run: this one runs the migrations itself
    const db = await freshDatabaseUrl(undefined, "empty");
    try {
      const all = migrationList(testProvider()).migrationDirectories.map((d) => d.path);
      expect(all.length).toBeGreaterThan(0);
      expect((await migrate(db.url)).applied).toEqual(all);
      expect((await migrate(db.url)).applied).toEqual([]);
      const conn = await openDatabase(db.url);
      try {
        expect(await conn.prisma.person.count()).toBe(0);
        expect(await conn.prisma.unit.count()).toBe(0);
      } finally {
        await conn.close();
      }
    } finally {
      await db.drop();
    }
  });
});
