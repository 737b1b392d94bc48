import { afterEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { onboardingText as T } from "../../prompts/vi/onboarding.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { webText } from "../../prompts/vi/web.ts";
import { WebChannel } from "../../bot/channels/web/index.ts";
import { HttpServer } from "../../bot/core/http.ts";
import { webSignIn } from "../../handlers/onboarding/api.ts";
import { createInvite } from "../../handlers/onboarding/invites.ts";
import { seedDemo } from "../../bot/app/demo.ts";
import { seedMember } from "../helpers/cast.ts";

let h: Harness;
afterEach(async () => h?.close());

/** Walk the tree of TEST_ORG down to a branch of commune A and pick it. */
async function walkTo(u: TestUser, branch: string) {
  await h.send(u, "/start");
  await h.press(u, "Tỉnh đoàn");
  await h.press(u, "Đoàn xã A");
  await h.press(u, branch);
  return h.press(u, T.thisIsMine);
}

const requestOf = async (u: TestUser) => h.s.prisma.joinRequest.findFirstOrThrow({ where: { personId: await h.personId(u) }, orderBy: { id: "desc" } });
const memberships = async (u: TestUser) => h.s.prisma.membership.count({ where: { personId: await h.personId(u) } });

describe("verified enrolment", () => {
  it("When a newcomer picks a branch in the tree, then a request reaches its secretary, who accepts it with a button, and the member is told", async () => {
    h = await Harness.create({ org: TEST_ORG, env: { DEMO: "off" } });
    const { secretary, cadre } = await h.cast();
    const lan = h.user("Lan");
    const [sent] = await walkTo(lan, "Chi đoàn A1");
    expect(sent!.text).toBe(T.requestSent("Chi đoàn A1"));
    expect(await memberships(lan)).toBe(0);
    const req = await requestOf(lan);

    const [note] = await h.unread(secretary);
    expect(note!.text).toBe(T.requestToApprover(req.id, "Lan", "Chi đoàn A1"));
    expect(note!.buttons!.map((b) => b.label)).toEqual([T.accept, T.refuse]);
    // the commune's cadre is not bothered while the branch has a secretary
    expect(await h.unread(cadre)).toEqual([]);

    const [done] = await h.press(secretary, T.accept);
    expect(done!.text).toBe(T.youAccepted("Lan", "Chi đoàn A1"));
    expect((await h.unread(lan)).map((m) => m.text)).toEqual([T.requestAccepted("Chi đoàn A1")]);
    const ms = await h.s.prisma.membership.findMany({ where: { personId: await h.personId(lan) } });
    expect(ms.map((m) => m.role)).toEqual(["youth"]);
    // the same button pressed again (a replay) changes nothing
    expect((await h.press(secretary, T.refuse))[0]!.text).toBe(T.requestAlready(req.id));
    expect(await memberships(lan)).toBe(1);
  });

  it("When someone outside the unit tries to decide a request, then it is refused; the cadre above lists and refuses it by text", async () => {
    h = await Harness.create({ org: TEST_ORG, env: { DEMO: "off" } });
    const { cadre, youth } = await h.cast();
    const otherSecretary = h.user("Bí thư A2");
    await h.join(otherSecretary, "secretary", "CD-A2");
    const cadreB = h.user("Cán bộ xã B");
    await h.join(cadreB, "cadre", "XA-B");
    const minh = h.user("Minh");
    await walkTo(minh, "Chi đoàn A1");
    const req = await requestOf(minh);

    expect((await h.send(otherSecretary, `/duyetthanhvien ${req.id}`))[0]!.text).toBe(T.notYourSubtree);
    expect((await h.send(cadreB, `/duyetthanhvien ${req.id}`))[0]!.text).toBe(T.notYourSubtree);
    expect((await h.send(youth, `/duyetthanhvien ${req.id}`))[0]!.text).toBe(coreText.notAllowed("bí thư chi đoàn, cán bộ Đoàn, quản trị viên"));
    expect((await h.send(cadreB, "/duyetthanhvien"))[0]!.text).toBe(T.noRequests);
    const [list] = await h.send(cadre, "/duyetthanhvien");
    expect(list!.text).toContain(`Số ${req.id}: Minh — Chi đoàn A1 (02/11/2026)`);
    expect((await h.send(cadre, `/tuchoi ${req.id}`))[0]!.text).toBe(T.youRefused("Minh", "Chi đoàn A1"));
    expect((await h.unread(minh)).map((m) => m.text)).toEqual([T.requestRefused("Chi đoàn A1")]);
    expect(await memberships(minh)).toBe(0);
    expect((await h.send(cadre, `/duyetthanhvien ${req.id}`))[0]!.text).toBe(T.requestAlready(req.id));
    expect((await h.send(cadre, "/duyetthanhvien 99999"))[0]!.text).toBe(T.requestUnknown(99999));
  });

  it("When a request waits, then the person may read /faq and /trogiup but cannot vote or sign up", async () => {
    h = await Harness.create({ org: TEST_ORG, env: { DEMO: "off" } });
    await h.cast();
    const u = h.user("Chờ duyệt");
    await walkTo(u, "Chi đoàn A2");
    expect((await h.send(u, "/trogiup"))[0]!.text).toContain("/faq");
    expect((await h.send(u, "/faq vay vốn"))[0]!.text).not.toBe(coreText.notRegistered);
    expect((await h.send(u, "/binhchon 1"))[0]!.text).toBe(coreText.needMembership);
    expect((await h.send(u, "/dangky 1"))[0]!.text).toBe(coreText.needMembership);
    expect(await h.s.prisma.questionVote.count()).toBe(0);
    expect(await h.s.prisma.signup.count()).toBe(0);
  });

  it("When the branch has no secretary, then the commune's cadre receives the request", async () => {
    h = await Harness.create({ org: TEST_ORG, env: { DEMO: "off" } });
    const { cadre } = await h.cast();
    const u = h.user("Hoa");
    expect((await walkTo(u, "Chi đoàn A2"))[0]!.text).toBe(T.requestSent("Chi đoàn A2"));
    const req = await requestOf(u);
    expect((await h.unread(cadre)).map((m) => m.text)).toEqual([T.requestToApprover(req.id, "Hoa", "Chi đoàn A2")]);
  });
});

describe("web sign-in outside the demo", () => {
  let http: HttpServer;
  let base = "";
  afterEach(async () => http?.close());

  async function serve(): Promise<void> {
    h = await Harness.create({ org: TEST_ORG, env: { DEMO: "off" } });
    const web = new WebChannel(h.s, h.core, { demo: false, signIn: webSignIn(h.s) });
    http = new HttpServer(h.s.log);
    web.mount(http.app);
    base = `http://127.0.0.1:${await http.listen(0, "127.0.0.1")}`;
  }
  const login = (body: object) => fetch(`${base}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const cookieOf = (r: Response) => (r.headers.get("set-cookie") ?? "").split(";")[0]!;
  const send = (cookie: string, text: string) =>
    fetch(`${base}/api/send`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ requestId: `r-${Math.random()}`.slice(0, 20), text }) });

  it("When /web on Telegram gives a code, then it signs that person in once, for 10 minutes, and the session expires on the server", async () => {
    await serve();
    const { cadre } = await h.cast();
    const [msg] = await h.send(cadre, "/web");
    const code = /web: ([A-Z0-9]{10})\n/.exec(msg!.text)![1]!;
    expect(msg!.text).toContain(`/#code=${code}`);

    const r = await login({ code: code.toLowerCase() });
    expect(r.status).toBe(200);
    const setCookie = r.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^sid-\d+=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain("Path=/api");
    expect(setCookie).toContain("HttpOnly");
    const cookie = cookieOf(r);
    expect((await send(cookie, "/trogiup")).status).toBe(202);
    // the web identity belongs to the cadre: the cadre's own help came back on the web
    const web = await h.s.prisma.identity.findFirstOrThrow({ where: { channel: "web", personId: await h.personId(cadre) } });
    const out = await h.s.prisma.outboxMessage.findFirstOrThrow({ where: { channel: "web", chatId: web.externalId } });
    expect(out.payload).toContain("/hangdoi");

    // single use
    expect((await login({ code })).status).toBe(403);
    // ten minutes
    const [late] = await h.send(cadre, "/web");
    const lateCode = /web: ([A-Z0-9]{10})\n/.exec(late!.text)![1]!;
    h.clock.advance(10 * 60_000 + 1000);
    const expired = await login({ code: lateCode });
    expect(expired.status).toBe(403);
    expect(await expired.json()).toEqual({ error: webText.badCode });
    // the session lives on the server: after 7 days the cookie opens nothing
    h.clock.advance(7 * 86_400_000);
    expect((await send(cookie, "/trogiup")).status).toBe(401);
  });

  it("When a visitor signs in with an invite code, then they are a new member of its unit; a free visitor, DEMO-CANBO and demo cookies are refused", async () => {
    await serve();
    await seedDemo(h.s.prisma);
    const free = await login({ name: "Ai đó" });
    expect(free.status).toBe(403);
    expect(await free.json()).toEqual({ error: webText.codeRequired });
    expect((await login({ persona: "demo-cadre" })).status).toBe(403);
    const demo = await login({ code: "DEMO-CANBO" });
    expect(demo.status).toBe(403);
    expect(await demo.json()).toEqual({ error: webText.badCode });

    const { code } = await createInvite(h.s.prisma, { role: "youth", unitCode: "CD-A1", now: h.clock.now() });
    const r = await login({ code, name: "Bạn Mới" });
    expect(r.status).toBe(200);
    const { userId } = (await r.json()) as { userId: string };
    const ident = await h.s.prisma.identity.findUniqueOrThrow({ where: { channel_externalId: { channel: "web", externalId: userId } } });
    const ms = await h.s.prisma.membership.findMany({ where: { personId: ident.personId } });
    expect(ms.map((m) => m.role)).toEqual(["youth"]);
    const welcome = await h.s.prisma.outboxMessage.findFirstOrThrow({ where: { channel: "web", chatId: userId } });
    expect(welcome.payload).toContain("Chi đoàn A1");
    // the invite was used up: a second visitor with it is refused and no person is left behind
    const people = await h.s.prisma.person.count();
    const again = await login({ code, name: "Người khác" });
    expect(again.status).toBe(403);
    expect(await again.json()).toEqual({ error: T.badInvite.usedUp });
    expect(await h.s.prisma.person.count()).toBe(people);

    // a session the demo made (a persona's, an old cookie) opens nothing here
    const demoPerson = await seedMember(h.s.prisma, { channel: "web", id: "demo-x", name: "Demo" }, []);
    const token = "A".repeat(43);
    const { createHash } = await import("node:crypto");
    await h.s.prisma.webSession.create({
      data: { id: createHash("sha256").update(token).digest("hex"), userKey: "demo-x", name: "Demo", personId: demoPerson, demo: true, expiresAt: new Date(h.clock.now().getTime() + 86_400_000) },
    });
    const port = new URL(base).port;
    expect((await send(`sid-${port}=${token}`, "/trogiup")).status).toBe(401);
    expect((await send(`sid-${port}=eyJ1c2VySWQiOiJkZW1vLWNhZHJlIn0.forged`, "/trogiup")).status).toBe(401);
  });
});
