/**
 * Every permission, one table (issue 13, item 4): every registered command is run as every
 * actor of the README's permission table — a newcomer, a youth and a secretary of CD-A1, a
 * cadre and an admin of XA-A — on a unit inside the actor's subtree and on one elsewhere
 * (XA-B), and each outcome (refused or let through) is compared with `mayAct`, the very
 * function the README table is generated from. Then forged and replayed buttons.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { ACTORS, commandList, mayAct, type Actor } from "../../bot/core/commands.ts";
import { allFeatures } from "../../bot/app/features.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { dialogueText } from "../../prompts/vi/dialogue.ts";
import { deadlinesText } from "../../prompts/vi/deadlines.ts";
import { sessionText } from "../../prompts/vi/sessions.ts";
import { campaignsText, volunteersText } from "../../prompts/vi/volunteers.ts";
import { meetingsText } from "../../prompts/vi/meetings.ts";
import { onboardingText } from "../../prompts/vi/onboarding.ts";
import { privacyText } from "../../prompts/vi/privacy.ts";
import { dashboardText } from "../../prompts/vi/dashboard.ts";
import { createInvite } from "../../handlers/onboarding/invites.ts";
import { indicatorsText } from "../../prompts/vi/indicators.ts";
import { requestJoin } from "../../handlers/onboarding/requests.ts";
import { buttonData } from "../../bot/core/buttons.ts";

interface Place {
  id: Record<string, number>;
  code: { unit: string; branch: string; invite: string };
}

/** What a command is given inside the actor's subtree and outside it (null: it names no unit). */
type Fixture = (p: Place) => string;
type Probe = { inside: Fixture; outside: Fixture | null };

const none: Probe = { inside: () => "", outside: null };
const PROBES: Record<string, Probe> = {
  start: none,
  trogiup: none,
  help: none,
  huy: none,
  faq: { inside: () => "vay vốn", outside: null },
  lienket: none,
  web: none,
  kenh: none,
  dulieu: none,
  xoadulieu: none,
  hoi: { inside: () => "Thủ tục vay vốn khởi nghiệp cho thanh niên ở xã mình thế nào ạ?", outside: null },
  hoian: { inside: () => "Đoàn phí hằng tháng của đoàn viên là bao nhiêu vậy ạ?", outside: null },
  gui: none,
  guian: none,
  cunghoi: { inside: (p) => String(p.id.question), outside: (p) => String(p.id.question) },
  cauhoi: none,
  danhgia: none,
  phien: none,
  binhchon: { inside: (p) => String(p.id.sessionQuestion), outside: (p) => String(p.id.sessionQuestion) },
  hoiphien: { inside: (p) => `${p.id.session} Tỉnh có hỗ trợ thanh niên học nghề lái máy nông nghiệp không ạ?`, outside: (p) => `${p.id.session} Tỉnh có hỗ trợ thanh niên học nghề không ạ?` },
  tinhnguyen: none,
  dangky: { inside: (p) => String(p.id.campaign), outside: (p) => String(p.id.campaign) },
  // one's own sign-up: only ever in scope (a sign-up elsewhere is refused by /dangky)
  huydangky: { inside: (p) => String(p.id.campaign), outside: null },
  huongdan: none,
  dasinhhoat: { inside: () => "25 Sinh hoạt chuyên đề", outside: null },
  nhacviec: { inside: (p) => String(p.id.task), outside: (p) => String(p.id.task) },
  hoanthanh: { inside: (p) => `${p.id.task} Đã gửi`, outside: (p) => `${p.id.task} Đã gửi` },
  hangdoi: none,
  traloi: { inside: (p) => `${p.id.question} Bạn liên hệ Ngân hàng Chính sách xã hội.`, outside: (p) => `${p.id.question} Bạn liên hệ Ngân hàng Chính sách xã hội.` },
  chuyen: { inside: (p) => `${p.id.question} ${p.code.branch}`, outside: (p) => `${p.id.question} ${p.code.branch}` },
  congbo: { inside: (p) => String(p.id.question), outside: (p) => String(p.id.question) },
  // the same question twice: let through it is refused as "the same" (nothing merged), outside as not yours
  gop: { inside: (p) => `${p.id.question} ${p.id.question}`, outside: (p) => `${p.id.question} ${p.id.question}` },
  nhanthem: { inside: (p) => String(p.id.question), outside: null },
  duyet: { inside: (p) => String(p.id.pending), outside: (p) => String(p.id.pending) },
  an: { inside: (p) => String(p.id.pending), outside: (p) => String(p.id.pending) },
  camket: {
    inside: (p) => `${p.id.session} | Mở lớp tin học | ${p.code.branch} | 30/12/2026`,
    outside: (p) => `${p.id.session} | Mở lớp tin học | ${p.code.branch} | 30/12/2026`,
  },
  tiendocamket: { inside: (p) => `${p.id.commitment} Đã khảo sát nhu cầu`, outside: (p) => `${p.id.commitment} Đã khảo sát nhu cầu` },
  xongcamket: { inside: (p) => String(p.id.commitment), outside: (p) => String(p.id.commitment) },
  baocaodoithoai: { inside: (p) => String(p.id.session), outside: (p) => String(p.id.session) },
  giaoviec: { inside: (p) => `15/12/2026 | Báo cáo quý | Gửi qua email | ${p.code.branch}`, outside: (p) => `15/12/2026 | Báo cáo quý | Gửi qua email | ${p.code.branch}` },
  ghichu: { inside: () => "2026-12 Các chi đoàn đăng ký hiến máu.", outside: null },
  sinhhoat: { inside: () => "2026-11", outside: null },
  chitieu: { inside: (p) => p.code.unit, outside: (p) => p.code.unit },
  taochiendich: { inside: () => "?", outside: null },
  chiendich: { inside: (p) => String(p.id.campaign), outside: (p) => String(p.id.campaign) },
  diemdanh: { inside: (p) => String(p.id.campaign), outside: (p) => String(p.id.campaign) },
  duyetthanhvien: { inside: (p) => String(p.id.request), outside: (p) => String(p.id.request) },
  tuchoi: { inside: (p) => String(p.id.request), outside: (p) => String(p.id.request) },
  moi: { inside: (p) => `youth ${p.code.branch}`, outside: (p) => `youth ${p.code.branch}` },
  huymoi: { inside: (p) => p.code.invite, outside: (p) => p.code.invite },
  xoathanhvien: { inside: (p) => p.code.branch, outside: (p) => p.code.branch },
  phienmoi: {
    inside: (p) => `Đối thoại thanh niên | Bí thư | ${p.code.unit} | 20/12/2026 08:00 | 20/12/2026 11:00`,
    outside: (p) => `Đối thoại thanh niên | Bí thư | ${p.code.unit} | 20/12/2026 08:00 | 20/12/2026 11:00`,
  },
  dinhtuyen: { inside: (p) => `${p.code.branch} viec_lam`, outside: (p) => `${p.code.branch} viec_lam` },
  // /thongbao names its units at the second step (refused there outside the subtree: announcements.test.ts)
  thongbao: { inside: () => "Chủ nhật này ra quân dọn vệ sinh bờ kè.", outside: null },
  ketquathongbao: none,
  theodoi: { inside: () => "viec_lam", outside: null },
  botheodoi: { inside: () => "viec_lam", outside: null },
  tatthongbao: none,
  batthongbao: none,
  lichsinhhoat: none,
  lichchidoan: { inside: (p) => p.code.unit, outside: (p) => p.code.unit },
  comat: { inside: () => "123456", outside: null },
  chungnhan: none,
  chiendichlon: { inside: (p) => `Hè tình nguyện | 01/12/2026 | 31/12/2026 | ${p.code.branch} | -`, outside: (p) => `Hè tình nguyện | 01/12/2026 | 31/12/2026 | ${p.code.branch} | -` },
  hoatdong: {
    inside: (p) => `${p.id.program} | Trồng cây | ${p.code.branch} | Bờ kè | 07/12/2026 07:00-11:00 5`,
    outside: (p) => `${p.id.program} | Trồng cây | ${p.code.branch} | Bờ kè | 07/12/2026 07:00-11:00 5`,
  },
  ketqua: { inside: (p) => `${p.id.activity} 10 0 5`, outside: (p) => `${p.id.activity} 10 0 5` },
  bangdieukhien: { inside: (p) => p.code.branch, outside: (p) => p.code.branch },
};

/** Every answer meaning "not you" or "not here" (a unit elsewhere is never shown, even by name). */
function refusals(p: Place): string[] {
  const D = dialogueText, L = deadlinesText, S = sessionText, V = volunteersText, O = onboardingText;
  const ids = Object.values(p.id);
  return [
    coreText.notRegistered,
    coreText.notAllowed("").split(" ").slice(0, 4).join(" "),
    O.notYourSubtree,
    D.routeNotSubtree,
    S.createNotSubtree,
    S.notModerator,
    L.notInSubtree(p.code.branch),
    V.bad.notInSubtree(p.code.branch),
    meetingsText.notInSubtree(p.code.unit),
    indicatorsText.notInArea(p.code.unit),
    dashboardText.notYourUnit(p.code.branch),
    ...ids.flatMap((id) => [
      D.notFound(id),
      D.notYours(id),
      L.notVisible(id),
      L.notYourTask(id),
      L.unknownTask(id),
      S.voteNotFound(id),
      S.notSessionQuestion(id),
      S.commitSessionUnknown(id),
      S.commitUnknown(id),
      S.askNoSession(id),
      V.unknown(id),
      V.notInScope(id),
      V.notOrganiser(id),
      O.requestUnknown(id),
      campaignsText.bad.notYourProgram(id),
      campaignsText.notYourActivity(id),
    ]),
  ];
}

let h: Harness;
const actors = {} as Record<Exclude<Actor, "guest">, TestUser>;
const places = {} as Record<"inside" | "outside", Place>;

/** Everything a command may name, under a unit of XA-A's subtree (inside) or XA-B's (outside). */
async function seedPlace(unit: string, branch: string, organiser: number, asker: number): Promise<Place> {
  const { prisma } = h.s;
  const now = h.clock.now();
  const u = await prisma.unit.findUniqueOrThrow({ where: { code: unit } });
  const b = await prisma.unit.findUniqueOrThrow({ where: { code: branch } });
  const tinh = await prisma.unit.findUniqueOrThrow({ where: { code: "TINH" } });
  const due = new Date(now.getTime() + 3 * 86_400_000);
  const question = (extra: Record<string, unknown> = {}) =>
    prisma.question.create({
      data: { askerId: asker, askerKey: `k-${unit}-${Math.random()}`, askerUnitId: b.id, text: "Thủ tục vay vốn?", normText: "thu tuc vay von", topic: "viec_lam", unitId: u.id, dueAt: due, ...extra },
    });
  const q = await question();
  const session = await prisma.dialogueSession.create({
    data: { title: `Đối thoại ${unit}`, leaders: "Bí thư", scopeUnitId: u.id, opensAt: new Date(now.getTime() - 3_600_000), closesAt: new Date(now.getTime() + 86_400_000), boardToken: `b-${unit}`, createdById: organiser },
  });
  const pending = await question({ sessionId: session.id, moderation: "pending" });
  const approved = await question({ sessionId: session.id, moderation: "approved" });
  // owned by the branch: its secretary reports progress and marks it done (issue 9)
  const commitment = await prisma.commitment.create({ data: { sessionId: session.id, text: "Mở lớp", owner: b.name, ownerUnitId: b.id, dueAt: due } });
  const campaign = await prisma.campaign.create({
    data: { title: `Chủ nhật xanh ${unit}`, startsAt: new Date(now.getTime() + 10 * 86_400_000), endsAt: new Date(now.getTime() + 10.2 * 86_400_000), capacity: 30, signupDeadline: new Date(now.getTime() + 8 * 86_400_000), scopeUnitId: u.id, createdById: organiser },
  });
  const program = await prisma.volunteerProgram.create({
    data: { title: `Hè tình nguyện ${unit}`, scopeUnitId: u.id, startsAt: now, endsAt: new Date(now.getTime() + 60 * 86_400_000), createdById: organiser },
  });
  const activity = await prisma.volunteerActivity.create({ data: { programId: program.id, unitId: b.id, title: `Trồng cây ${unit}`, createdById: organiser } });
  const task = await prisma.task.create({ data: { title: `Báo cáo ${unit}`, dueAt: due, createdById: organiser, unitId: tinh.id } });
  await prisma.taskAssignment.createMany({ data: [{ taskId: task.id, unitId: u.id }, { taskId: task.id, unitId: b.id }] });
  const invite = await createInvite(prisma, { role: "youth", unitCode: branch, createdById: organiser, now });
  const newcomer = h.user(`Người mới ${unit}`);
  await h.send(newcomer, "/start");
  const r = await requestJoin(h.s, await h.personId(newcomer), b);
  if (r.kind !== "requested") throw new Error(`join request not created: ${r.kind}`);
  return {
    id: { question: q.id, session: session.id, pending: pending.id, sessionQuestion: approved.id, commitment: commitment.id, campaign: campaign.id, task: task.id, request: r.requestId, program: program.id, activity: activity.id },
    code: { unit, branch, invite: invite.code },
  };
}

beforeAll(async () => {
  // many commands per actor in a few seconds: flood control would drop them
  h = await Harness.create({ org: TEST_ORG, env: { FLOOD_MAX_MESSAGES: "100000" } });
  actors.youth = h.user("Đoàn Viên Thử");
  actors.secretary = h.user("Bí Thư Thử");
  actors.cadre = h.user("Cán Bộ Thử");
  actors.admin = h.user("Quản Trị Thử");
  await h.join(actors.youth, "youth", "CD-A1");
  await h.join(actors.secretary, "secretary", "CD-A1");
  await h.join(actors.cadre, "cadre", "XA-A");
  await h.join(actors.admin, "admin", "XA-A");
  const root = h.user("Lãnh Đạo Tỉnh");
  await h.join(root, "admin", "TINH");
  const rootId = await h.personId(root);
  const asker = h.user("Người Hỏi");
  await h.join(asker, "youth", "CD-B1");
  places.inside = await seedPlace("XA-A", "CD-A1", rootId, await h.personId(asker));
  places.outside = await seedPlace("XA-B", "CD-B1", rootId, await h.personId(asker));
}, 60_000);

afterAll(async () => h?.close());

/** Run one command as one actor; true when it was refused. */
async function refused(actor: Actor, command: string, args: string, place: Place): Promise<boolean> {
  const who = actor === "guest" ? h.user("Khách Lạ") : actors[actor];
  await h.send(who, "/huy");
  const out = await h.send(who, `/${command}${args ? ` ${args}` : ""}`);
  const words = refusals(place);
  return out.some((m) => words.some((w) => w && m.text.includes(w)));
}

describe("permission table", () => {
  const registered = commandList(allFeatures());

  it("When the table is read, then every registered command has a probe here (a new command must be added)", () => {
    expect(registered.map((c) => c.name).filter((n) => !PROBES[n])).toEqual([]);
  });

  it("When every command is run as every actor inside and outside their subtree, then each outcome is the table's", async () => {
    const wrong: string[] = [];
    for (const cmd of registered) {
      const probe = PROBES[cmd.name]!;
      for (const actor of ACTORS) {
        for (const where of ["inside", "outside"] as const) {
          const fixture = where === "inside" ? probe.inside : probe.outside;
          if (!fixture) continue;
          const place = places[where];
          const want = !mayAct(cmd, actor, where);
          const got = await refused(actor, cmd.name, fixture(place), place);
          if (got !== want) wrong.push(`/${cmd.name} as ${actor} ${where}: ${got ? "refused" : "allowed"}, table says ${want ? "refused" : "allowed"}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 240_000);
});

describe("forged and replayed buttons", () => {
  async function confirmSet(u: TestUser): Promise<number> {
    const [m] = await h.send(u, "/xoadulieu");
    const data = m!.buttons?.[0]?.data ?? "";
    return Number(data.split(":")[1]);
  }
  const press = (u: TestUser, setId: number, index: number) =>
    h.core.receive({ channel: u.channel, chatId: u.id, userId: u.id, displayName: u.name, choice: { setId, index } }, `forge-${u.id}-${setId}-${index}-${Math.random()}`).then(() => h.unread(u));

  it("When a user presses a choice set offered to someone else, then it is refused and nothing is erased", async () => {
    const victim = h.user("Nạn Nhân");
    const forger = h.user("Kẻ Giả");
    await h.join(victim, "youth", "CD-A1");
    await h.join(forger, "youth", "CD-A1");
    const set = await confirmSet(victim);
    const out = await press(forger, set, 1);
    expect(out.map((m) => m.text)).toEqual([coreText.choiceExpired]);
    expect(await h.s.prisma.identity.count({ where: { externalId: victim.id } })).toBe(1);
    expect(await h.s.prisma.identity.count({ where: { externalId: forger.id } })).toBe(1);
  });

  it("When an index out of range is pressed, then it is refused", async () => {
    const u = h.user("Bấm Sai");
    await h.join(u, "youth", "CD-A1");
    const set = await confirmSet(u);
    expect((await press(u, set, 9)).map((m) => m.text)).toEqual([coreText.choiceExpired]);
    expect((await press(u, set, 0)).map((m) => m.text)).toEqual([coreText.choiceExpired]);
  });

  it("When a one-shot set is pressed twice, then the second press is refused and does nothing", async () => {
    const u = h.user("Bấm Hai Lần");
    await h.join(u, "youth", "CD-A1");
    const set = await confirmSet(u);
    expect((await press(u, set, 2)).map((m) => m.text)).toEqual([privacyText.kept]);
    // the same set again, even its other button: used up
    expect((await press(u, set, 2)).map((m) => m.text)).toEqual([coreText.choiceExpired]);
    expect((await press(u, set, 1)).map((m) => m.text)).toEqual([coreText.choiceExpired]);
    expect(await h.s.prisma.identity.count({ where: { externalId: u.id } })).toBe(1);
  });

  it("When a broadcast's static button is altered, names an action not offered as a button, or is pressed by a stranger, then it is refused and nothing runs", async () => {
    const u = h.user("Bấm Nút Giả");
    await h.join(u, "youth", "CD-A1");
    const pressData = (who: TestUser, data: string) =>
      h.core.receive({ channel: who.channel, chatId: who.id, userId: who.id, displayName: who.name, button: data }, `button-${who.id}-${Math.random()}`).then(() => h.unread(who));
    const genuine = buttonData(h.s.secrets, "ses.ask", 4242);
    // genuine data: the action checks at press time (no such session taking this member's questions)
    expect((await pressData(u, genuine)).map((m) => m.text)).toEqual([sessionText.askNoSession(4242)]);
    const mac = genuine.split(":")[3]!;
    for (const forged of [`b:ses.ask:4243:${mac}`, `${genuine.slice(0, -1)}${genuine.endsWith("A") ? "B" : "A"}`, buttonData(h.s.secrets, "ses.approve", 4242), "b:ses.ask:4242"])
      expect((await pressData(u, forged)).map((m) => m.text)).toEqual([coreText.buttonInvalid]);
    // someone not registered is told to register, and nothing is started
    const stranger = h.user("Người Lạ Bấm Nút");
    expect((await pressData(stranger, genuine)).map((m) => m.text)).toEqual([coreText.notRegistered]);
    expect(await h.s.prisma.conversation.count({ where: { flow: "ses.ask" } })).toBe(0);
  });

  it("When a set older than its lifetime is pressed, then it is refused", async () => {
    const u = h.user("Bấm Muộn");
    await h.join(u, "youth", "CD-A1");
    const set = await confirmSet(u);
    await h.s.prisma.choiceSet.update({ where: { id: set }, data: { createdAt: new Date(h.clock.now().getTime() - 8 * 86_400_000) } });
    expect((await press(u, set, 1)).map((m) => m.text)).toEqual([coreText.choiceExpired]);
    expect(await h.s.prisma.identity.count({ where: { externalId: u.id } })).toBe(1);
  });
});
