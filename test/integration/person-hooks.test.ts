/**
 * The people kernel announces a merge (`/lienket`) or an erasure (`/xoadulieu`) to every
 * feature, and each feature moves or erases its own rows.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";

describe("person hooks", () => {
  let h: Harness;
  let cadre: TestUser;

  beforeEach(async () => {
    h = await Harness.create({ org: TEST_ORG });
    cadre = h.user("Cán bộ", "telegram");
    await h.join(cadre, "cadre", "XA-A");
  });
  afterEach(() => h.close());

  it("When a member who asked anonymously on Zalo links Telegram, then the question stays theirs and the answer reaches them", async () => {
    const zalo = h.user("Lan Zalo", "zalo");
    await h.join(zalo, "youth", "CD-A1");
    await h.send(zalo, "/hoian Em muốn hỏi thủ tục vay vốn khởi nghiệp chăn nuôi bò ở xã mình thế nào ạ?");
    const q = await h.s.prisma.question.findFirstOrThrow();
    expect(q.askerId).toBeNull();

    // the Telegram account is a person of its own, shows a code; typed on Zalo, Zalo's person merges into it
    const tg = h.user("Lan", "telegram");
    await h.join(tg, "youth", "CD-A1");
    const [shown] = await h.send(tg, "/lienket");
    const code = /\/lienket (\S+)/.exec(shown!.text)![1]!;
    await h.send(zalo, `/lienket ${code}`);
    expect(await h.personId(zalo)).toBe(await h.personId(tg));

    // "my questions" still lists it, from either channel
    const mine = await h.send(tg, "/cauhoi");
    expect(mine.map((m) => m.text).join("\n")).toContain("vay vốn khởi nghiệp chăn nuôi bò");

    await h.unread(zalo);
    await h.unread(tg);
    // an anonymous question is named by its public reference, never its sequential id
    await h.send(cadre, `/traloi ${q.publicRef} Bạn liên hệ Ngân hàng Chính sách xã hội qua Tổ tiết kiệm và vay vốn.`);
    const got = [...(await h.unread(zalo)), ...(await h.unread(tg))];
    expect(got.some((m) => m.text.includes("Ngân hàng Chính sách xã hội"))).toBe(true);
    // and still nothing ties the question to a person
    expect((await h.s.prisma.question.findUniqueOrThrow({ where: { id: q.id } })).askerId).toBeNull();
  });

  it("When a member erases their data, then their identities, memberships, name and link codes are gone and their waitlisted sign-up is given up", async () => {
    const u = h.user("Nguyễn Văn Xóa", "telegram");
    await h.join(u, "youth", "CD-A1");
    const personId = await h.personId(u);
    await h.send(u, "/lienket");
    const campaign = await h.s.prisma.campaign.create({
      data: {
        title: "Ngày Chủ nhật xanh",
        place: "Xã A",
        startsAt: new Date("2026-12-20T01:00:00Z"),
        endsAt: new Date("2026-12-20T05:00:00Z"),
        capacity: 1,
        signupDeadline: new Date("2026-12-19T01:00:00Z"),
        scopeUnitId: (await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "XA-A" } })).id,
        createdById: personId,
      },
    });
    await h.s.prisma.signup.create({ data: { campaignId: campaign.id, personId, branchUnitId: campaign.scopeUnitId, status: "waitlist" } });

    await h.send(u, "/xoadulieu");
    await h.press(u, 1);

    expect(await h.s.prisma.identity.count({ where: { personId } })).toBe(0);
    expect(await h.s.prisma.membership.count({ where: { personId } })).toBe(0);
    expect(await h.s.prisma.linkCode.count({ where: { personId } })).toBe(0);
    expect((await h.s.prisma.person.findUniqueOrThrow({ where: { id: personId } })).displayName).not.toContain("Xóa");
    expect((await h.s.prisma.signup.findFirstOrThrow({ where: { personId } })).status).toBe("cancelled");
  });
});
