import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";

/** The router's rule for numbers typed inside a flow that is not a form (forms answer their own). */
describe("numbers typed in a flow", () => {
  let h: Harness;
  let y: TestUser;
  beforeEach(async () => {
    h = await Harness.create({ org: TEST_ORG });
    y = h.user("Đoàn viên Zalo", "zalo");
    await h.join(y, "youth", "CD-A1");
  });
  afterEach(async () => h.close());

  it("When a Zalo member answers the list offered at the current step of a flow by its number, then that choice is taken", async () => {
    const [offer] = await h.send(y, "Cho em hỏi thủ tục chuyển sinh hoạt đoàn khi đi làm ở tỉnh khác thì thế nào ạ?");
    expect(offer!.text).toContain("1. ");
    expect(await h.s.prisma.question.count()).toBe(0);
    await h.send(y, "1");
    const q = await h.s.prisma.question.findFirstOrThrow();
    expect(q.anonymous).toBe(false);
    expect(q.text).toContain("chuyển sinh hoạt đoàn");
  });

  it("When the list was offered before the current flow step began, then a typed number goes to the flow, not to that list", async () => {
    const [offer] = await h.send(y, "Cho em hỏi thủ tục chuyển sinh hoạt đoàn khi đi làm ở tỉnh khác thì thế nào ạ?");
    expect(offer!.text).toContain("1. ");
    // the same flow step begins again later without a new list: the old list no longer answers numbers
    const conv = await h.s.prisma.conversation.findFirstOrThrow();
    await h.s.prisma.conversation.update({ where: { id: conv.id }, data: { data: conv.data } });
    await h.s.prisma.choiceSet.updateMany({ data: { createdAt: new Date(Date.now() - 60_000) } });
    await h.send(y, "1");
    expect(await h.s.prisma.question.count()).toBe(0);
  });
});
