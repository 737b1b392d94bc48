import { afterEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { onboardingText as T } from "../../prompts/vi/onboarding.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { createInvite } from "../../handlers/onboarding/invites.ts";
import { seedDemo } from "../../bot/app/demo.ts";
import { runCli } from "../helpers/process.ts";
import type { CastKey } from "../helpers/cast.ts";

const DAY = 86_400_000;

let h: Harness;
afterEach(async () => h?.close());

async function setup(env: Record<string, string> = {}): Promise<Record<CastKey, TestUser>> {
  h = await Harness.create({ org: TEST_ORG, env: { DEMO: "off", FLOOD_MAX_MESSAGES: "1000", ...env } });
  return h.cast();
}

const codeOf = (text: string) => /: ([A-Z0-9]{8})\n/.exec(text)![1]!;
const rolesOf = async (u: TestUser) => (await h.s.prisma.membership.findMany({ where: { personId: await h.personId(u) } })).map((m) => m.role).sort();

describe("invites", () => {
  it("When an admin creates an invite, then it gives one use for 14 days, a second use is refused with a clear answer, and the code is case-insensitive", async () => {
    const { admin } = await setup();
    const [created] = await h.send(admin, "/moi secretary CD-B1");
    expect(created!.text).toContain("Dùng được 1 lần, đến hết ngày 16/11/2026");
    const code = codeOf(created!.text);
    const inv = await h.s.prisma.invite.findUniqueOrThrow({ where: { code } });
    expect(inv.maxUses).toBe(1);
    expect(inv.expiresAt!.getTime() - h.clock.now().getTime()).toBe(14 * DAY);

    const a = h.user("Bí thư B1");
    const [ok] = await h.send(a, `/start ${code.toLowerCase()}`);
    expect(ok!.text).toContain("Chi đoàn B1");
    expect(await rolesOf(a)).toEqual(["secretary"]);
    const b = h.user("Người thứ hai");
    expect((await h.send(b, `/start ${code}`))[0]!.text).toBe(T.badInvite.usedUp);
    expect(await h.s.prisma.membership.count({ where: { personId: await h.personId(b) } })).toBe(0);
  });

  it("When an invite has expired, then it is refused as expired; INVITE_DAYS sets the default", async () => {
    const { admin } = await setup({ INVITE_DAYS: "3" });
    const code = codeOf((await h.send(admin, "/moi youth CD-A2 5"))[0]!.text);
    expect((await h.s.prisma.invite.findUniqueOrThrow({ where: { code } })).maxUses).toBe(5);
    h.clock.advance(3 * DAY + 1000);
    const u = h.user("Muộn");
    expect((await h.send(u, `/start ${code}`))[0]!.text).toBe(T.badInvite.expired);
    expect(await h.s.prisma.membership.count({ where: { unitId: (await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "CD-A2" } })).id } })).toBe(0);
  });

  it("When an admin revokes an invite, then it is refused as revoked and /moi lists it as revoked", async () => {
    const { admin, cadre } = await setup();
    const code = codeOf((await h.send(admin, "/moi youth CD-A1"))[0]!.text);
    expect((await h.send(cadre, `/huymoi ${code}`))[0]!.text).toBe(coreText.notAllowed("quản trị viên"));
    expect((await h.send(admin, `/huymoi ${code.toLowerCase()}`))[0]!.text).toBe(T.revoked(code));
    expect((await h.send(admin, `/huymoi ${code}`))[0]!.text).toBe(T.alreadyRevoked);
    const u = h.user("Bị hủy");
    expect((await h.send(u, `/start ${code}`))[0]!.text).toBe(T.badInvite.revoked);
    const [list] = await h.send(admin, "/moi");
    expect(list!.text).toContain(`${code} — đoàn viên, Chi đoàn A1 — đã dùng 0/1, hạn 16/11/2026 — đã hủy`);
  });

  it("When a non-demo install holds the demo's data, then DEMO-CANBO is an unknown invite and the demo units are not offered; a demo install takes it", async () => {
    await setup();
    await seedDemo(h.s.prisma);
    for (const code of ["DEMO-CANBO", "demo-canbo"]) {
      const u = h.user(`Khách ${code}`);
      expect((await h.send(u, `/start ${code}`))[0]!.text).toBe(T.badInvite.unknown);
      expect(await h.s.prisma.membership.count({ where: { personId: await h.personId(u) } })).toBe(0);
    }
    const walker = h.user("Đi cây");
    const [welcome] = await h.send(walker, "/start");
    expect(welcome!.buttons!.map((b) => b.label)).toEqual(["Tỉnh đoàn Thử Nghiệm"]);
    await h.close();

    h = await Harness.create({ org: TEST_ORG, env: { DEMO: "on" } });
    await seedDemo(h.s.prisma);
    const u = h.user("Khách demo");
    expect((await h.send(u, "/start DEMO-CANBO"))[0]!.text).toContain("Đoàn xã Hòa Phú");
  });

  it("When a cadre runs /moi, then it is refused: only admins create invites", async () => {
    const { cadre, secretary } = await setup();
    expect((await h.send(cadre, "/moi youth CD-A1"))[0]!.text).toBe(coreText.notAllowed("quản trị viên"));
    expect((await h.send(secretary, "/moi youth CD-A1"))[0]!.text).toBe(coreText.notAllowed("quản trị viên"));
    expect(await h.s.prisma.invite.count()).toBe(0);
  });

  it("When an admin of one subtree (a cadre above it) mints an admin for another subtree, then it is refused; inside their subtree it works", async () => {
    await setup();
    const a = h.user("Quản trị xã A");
    await h.join(a, "admin", "XA-A");
    await h.join(a, "cadre", "TINH");
    for (const [args, ok] of [
      ["admin XA-B", false],
      ["admin CD-B1", false],
      ["youth TINH", false],
      ["admin TINH", false],
      ["admin CD-A1", true],
      ["cadre XA-A", true],
    ] as const) {
      const [r] = await h.send(a, `/moi ${args}`);
      if (ok) expect(r!.text).toContain("Mã mời");
      else expect(r!.text).toBe(T.notYourSubtree);
    }
    const units = await h.s.prisma.invite.findMany({ select: { unitId: true, role: true } });
    expect(units).toHaveLength(2);
  });

  it("When an admin removes a member's role or the member, then it is gone and they are told; outside their subtree or on themselves it is refused", async () => {
    const { admin, secretary, youth } = await setup();
    await h.join(secretary, "youth", "CD-A1");
    const [list] = await h.send(admin, "/xoathanhvien CD-A1");
    const sid = await h.personId(secretary);
    expect(list!.text).toContain(`• ${sid} — Trần Thị Bí Thư — bí thư chi đoàn, đoàn viên`);

    const other = h.user("Quản trị xã B");
    await h.join(other, "admin", "XA-B");
    expect((await h.send(other, `/xoathanhvien CD-A1 ${sid}`))[0]!.text).toBe(T.notYourSubtree);
    expect((await h.send(admin, `/xoathanhvien CD-A1 ${sid} chairman`))[0]!.text).toBe(T.removeUsage);

    const [done] = await h.send(admin, `/xoathanhvien CD-A1 ${sid} secretary`);
    expect(done!.text).toBe(T.memberRemoved("Trần Thị Bí Thư", "Chi đoàn A1", "bí thư chi đoàn"));
    expect(await rolesOf(secretary)).toEqual(["youth"]);
    expect((await h.unread(secretary)).map((m) => m.text)).toEqual([T.youWereRemoved("Chi đoàn A1", "bí thư chi đoàn")]);

    await h.send(admin, `/xoathanhvien CD-A1 ${await h.personId(youth)}`);
    expect(await rolesOf(youth)).toEqual([]);
    expect((await h.send(admin, `/xoathanhvien TINH ${await h.personId(admin)} admin`))[0]!.text).toBe(T.notYourself);
    expect(await rolesOf(admin)).toEqual(["admin", "cadre"]);
  });

  it("When invite:create is run with --days and --uses, then the invite has them", async () => {
    await setup();
    const env = { DATABASE_URL: h.s.config.DATABASE_URL, LOG_LEVEL: "silent" };
    const r = await runCli(["invite:create", "--role", "youth", "--unit", "CD-A1", "--days", "2", "--uses", "30"], env);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { code: string; uses: number };
    expect(out.uses).toBe(30);
    const inv = await h.s.prisma.invite.findUniqueOrThrow({ where: { code: out.code } });
    expect(inv.maxUses).toBe(30);
    const days = (inv.expiresAt!.getTime() - inv.createdAt.getTime()) / DAY;
    expect(days).toBe(2);
    const bad = await runCli(["invite:create", "--role", "youth", "--unit", "CD-A1", "--days", "0"], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("--days");
    // the harness's helper still makes a working invite
    expect((await createInvite(h.s.prisma, { role: "youth", unitCode: "CD-A1" })).maxUses).toBe(1);
  });
});
