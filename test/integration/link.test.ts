import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { linkText as T } from "../../prompts/vi/link.ts";

describe("One person, two channels", () => {
  let h: Harness;
  let tg: TestUser;
  let cadre: TestUser;

  beforeEach(async () => {
    h = await Harness.create({ org: TEST_ORG });
    // the youth of CD-A1 and the cadre of XA-A of the usual cast, on Telegram
    ({ youth: tg, cadre } = await h.cast("telegram"));
  });
  afterEach(() => h.close());

  it("When a member types on Zalo the code shown on Telegram, then both identities are one person and messages follow the chosen channel", async () => {
    const [shown] = await h.send(tg, "/lienket");
    const code = /\/lienket (\S+)/.exec(shown!.text)![1]!;
    const zalo: TestUser = { channel: "zalo", id: tg.id + "z", name: "Trẻ trên Zalo" };
    // a wrong code changes nothing
    expect((await h.send(zalo, "/lienket SAI-MA"))[0]!.text).toBe(T.badCode);
    expect(await h.s.prisma.identity.count({ where: { channel: "zalo" } })).toBe(0);
    // typing the code on the same channel is refused
    expect((await h.send(tg, `/lienket ${code}`))[0]!.text).toBe(T.alreadyLinked);

    const [linked] = await h.send(zalo, `/lienket ${code}`);
    expect(linked!.text).toContain("Telegram");
    expect(linked!.text).toContain("Zalo");
    expect(await h.personId(zalo)).toBe(await h.personId(tg));
    // the code is single-use
    const stranger: TestUser = { channel: "zalo", id: "other-zalo", name: "Khác" };
    expect((await h.send(stranger, `/lienket ${code}`))[0]!.text).toBe(T.badCode);

    // the Zalo identity acts as the same member: its question is theirs
    await h.send(zalo, "/hoi Thanh niên muốn vay vốn khởi nghiệp nuôi bò thì cần thủ tục gì ạ?");
    const q = await h.s.prisma.question.findFirstOrThrow();
    expect(q.askerId).toBe(await h.personId(tg));

    // with Zalo preferred, the answer goes to Zalo only
    expect((await h.send(zalo, "/kenh zalo"))[0]!.text).toBe(T.preferSet("Zalo"));
    await h.unread(tg);
    await h.send(cadre, `/traloi ${q.id} Bạn liên hệ Tổ tiết kiệm và vay vốn của xã.`);
    expect((await h.unread(zalo)).some((m) => m.text.includes("Tổ tiết kiệm"))).toBe(true);
    expect(await h.unread(tg)).toEqual([]);
    expect((await h.send(tg, "/kenh web"))[0]!.text).toBe(T.preferNotLinked("trò chuyện trên web"));
  });
});
