/**
 * Anonymity by construction (issue 13), inside the bot: anonymous questions reach the cadre
 * in batches under random references, are offered to others by topic and gist only, are
 * counted in reports only where they are held and never under 5, and never follow a rule
 * that gives one branch's questions to one person. The key lives beside the database.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";
import { dialogueText as T } from "../../prompts/vi/dialogue.ts";
import { REPORTS } from "../../handlers/reports.ts";
import { Secrets } from "../../bot/core/secrets.ts";
import "../../handlers/dialogue/index.ts";

const QUESTIONS = [
  "Đoàn phí hằng tháng của đoàn viên là bao nhiêu tiền và nộp cho ai?",
  "Thanh niên ở xã muốn vay vốn khởi nghiệp nuôi bò thì cần thủ tục gì và vay ở đâu ạ?",
  "Sinh viên nghèo vượt khó có được xét học bổng của Tỉnh đoàn không ạ?",
  "Làm thế nào để đăng ký tham gia chiến dịch Mùa hè xanh năm nay ạ?",
  "Thủ tục chuyển sinh hoạt Đoàn khi đi làm ở tỉnh khác như thế nào?",
  "Xã mình có lớp học tin học miễn phí cho thanh niên không ạ?",
];

describe("anonymous questions: batches, references, reports and routing", () => {
  let h: Harness;
  let cadreA: TestUser;

  beforeEach(async () => {
    // Monday 02/11/2026 09:03 Vietnam time: the current batch ends at 09:15
    h = await Harness.create({ org: TEST_ORG, now: new Date("2026-11-02T02:03:00Z") });
    cadreA = h.user("Lê Cán Bộ A");
    await h.join(cadreA, "cadre", "XA-A");
  });
  afterEach(async () => h.close());

  async function youths(n: number, unit = "CD-A1"): Promise<TestUser[]> {
    const out: TestUser[] = [];
    for (let i = 0; i < n; i++) {
      const u = h.user(`Đoàn viên ${unit} ${i}`);
      await h.join(u, "youth", unit);
      out.push(u);
    }
    return out;
  }

  it("When anonymous questions arrive between named ones, then the cadre gets them together at the end of the batch, under references that do not follow the order of arrival", async () => {
    const ys = await youths(6);
    const named: number[] = [];
    for (let i = 0; i < 6; i++) {
      await h.send(ys[i]!, `${i % 2 ? "/hoian" : "/hoi"} ${QUESTIONS[i]}`);
      if (i % 2 === 0) named.push((await h.s.prisma.question.findFirstOrThrow({ orderBy: { id: "desc" } })).id);
      h.clock.advance(60_000);
    }
    // the named ones went out at once, the anonymous ones not yet
    const before = await h.unread(cadreA);
    expect(before.map((m) => /#(\d+)/.exec(m.text)?.[1]).map(Number)).toEqual(named);
    const anon = await h.s.prisma.question.findMany({ where: { anonymous: true }, orderBy: { id: "asc" } });
    expect(anon).toHaveLength(3);
    for (const q of anon) {
      expect(q.held).toBe(true);
      expect(q.publicRef).toMatch(/^A\d{6}$/);
      // every one of them is dated at the end of the batch, whenever it was asked
      expect(q.createdAt.toISOString()).toBe("2026-11-02T02:15:00.000Z");
      const [at] = await h.s.prisma.questionEvent.findMany({ where: { questionId: q.id, kind: "ask" } });
      expect(at!.at.toISOString()).toBe("2026-11-02T02:15:00.000Z");
    }
    expect(new Set(anon.map((q) => q.publicRef)).size).toBe(3);
    expect(await h.s.prisma.scheduledJob.count({ where: { ref: { in: anon.map((q) => `question:${q.id}`) } } })).toBe(0);

    await h.advance(5 * 60_000); // 09:14: still inside the batch
    expect(await h.unread(cadreA)).toEqual([]);
    await h.advance(60_000); // 09:15: the batch ends
    const notes = await h.unread(cadreA);
    expect(notes).toHaveLength(3);
    const refs = notes.map((m) => /#(A\d{6})/.exec(m.text)![1]);
    expect(new Set(refs)).toEqual(new Set(anon.map((q) => q.publicRef)));
    for (const m of notes) {
      expect(m.text).toContain(T.anonymous);
      for (const q of anon) expect(m.text).not.toContain(`#${q.id}`);
    }
    // released: deadlines from the batch time, in the queue by reference
    for (const q of await h.s.prisma.question.findMany({ where: { anonymous: true } })) expect(q.held).toBe(false);
    const [queue] = await h.send(cadreA, "/hangdoi");
    for (const q of anon) expect(queue!.text).toContain(`#${q.publicRef}`);
    // a reference answers; the sequential id of an anonymous question names nothing
    expect((await h.send(cadreA, `/traloi ${anon[0]!.id} Thử`))[0]!.text).toBe(T.notFound(anon[0]!.id));
    const [done] = await h.send(cadreA, `/traloi ${anon[0]!.publicRef} Bạn nộp cho bí thư chi đoàn.`);
    expect(done!.text).toBe(T.answered(anon[0]!.publicRef!, 1));
  });

  it("When batching is off (ANON_BATCH_MINUTES=0), then an anonymous question reaches the cadre at once, still under a reference", async () => {
    await h.close();
    h = await Harness.create({ org: TEST_ORG, now: new Date("2026-11-02T02:03:00Z"), env: { ANON_BATCH_MINUTES: "0" } });
    cadreA = h.user("Lê Cán Bộ A");
    await h.join(cadreA, "cadre", "XA-A");
    const [y] = await youths(1);
    const [sent] = await h.send(y!, `/hoian ${QUESTIONS[0]}`);
    expect(sent!.text).not.toContain(T.anonBatchNote(0));
    const q = await h.s.prisma.question.findFirstOrThrow();
    expect(q.held).toBe(false);
    expect(q.createdAt.toISOString()).toBe("2026-11-02T02:03:00.000Z");
    const [note] = await h.unread(cadreA);
    expect(note!.text).toContain(`#${q.publicRef}`);
  });

  it("When someone asks what an anonymous question asked, then it is offered by topic and the words they typed themselves, never its text", async () => {
    await h.close();
    h = await Harness.create({ org: TEST_ORG, env: { ANON_BATCH_MINUTES: "0" } });
    const [first, second] = await youths(2);
    await h.send(first!, "/hoian Làm thế nào để đăng ký tham gia chiến dịch Mùa hè xanh năm nay ạ, em ở thôn Đông?");
    const q = await h.s.prisma.question.findFirstOrThrow();
    const [offer] = await h.send(second!, "/hoi Làm sao để đăng ký tham gia chiến dịch Mùa hè xanh năm nay?");
    expect(offer!.text).toContain(`số ${q.publicRef}`);
    expect(offer!.text).toContain("ẩn danh");
    expect(offer!.text).toContain("mùa, hè, xanh");
    expect(offer!.text).not.toContain(q.text);
    expect(offer!.text).not.toContain("thôn Đông");
    // joining it works by the button, and by its reference
    const [joined] = await h.press(second!, T.choiceMeToo(q.publicRef!));
    expect(joined!.text).toBe(T.meTooJoined(q.publicRef!));
  });

  it("When a report is asked for a branch or a commune, then anonymous questions count only where they are held and every count under 5 is hidden", async () => {
    await h.close();
    h = await Harness.create({ org: TEST_ORG, env: { ANON_BATCH_MINUTES: "0" } });
    cadreA = h.user("Lê Cán Bộ A");
    await h.join(cadreA, "cadre", "XA-A");
    const ys = await youths(6, "CD-A1");
    for (let i = 0; i < 6; i++) await h.send(ys[i]!, `/hoian ${QUESTIONS[i]}`);
    const xa = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "XA-A" } });
    const branch = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "CD-A1" } });
    for (const q of await h.s.prisma.question.findMany()) expect(q.askerUnitId).toBe(xa.id);
    const atBranch = JSON.parse(await REPORTS.dialogue!({ prisma: h.s.prisma, secrets: h.s.secrets }, branch, "2026-11", "json"));
    expect(atBranch.totals.questions).toBe(0);
    const atCommune = JSON.parse(await REPORTS.dialogue!({ prisma: h.s.prisma, secrets: h.s.secrets }, xa, "2026-11", "json"));
    expect(atCommune.totals.questions).toBe(6);
    // by topic, every line under 5 is hidden
    for (const t of atCommune.byTopic) expect(t.questions === 0 || t.questions === "<5" || t.questions >= 5).toBe(true);
    expect(atCommune.byTopic.some((t: { questions: unknown }) => t.questions === "<5")).toBe(true);
    const csv = await REPORTS.dialogue!({ prisma: h.s.prisma, secrets: h.s.secrets }, xa, "2026-11", "csv");
    expect(csv).toMatch(/\r\ntotal,XA-A,Đoàn xã A,6,0,0,,,/);
  });

  it("When a rule gives a branch's questions to one cadre, then named questions follow it but anonymous ones go to the nearest unit with two cadres, or the commune", async () => {
    const admin = h.user("Quản Trị Tỉnh");
    await h.join(admin, "admin", "TINH");
    const b1 = h.user("Hồ Cán Bộ B");
    const b2 = h.user("Mai Cán Bộ B2");
    await h.join(b1, "cadre", "XA-B");
    await h.join(b2, "cadre", "XA-B");
    const b2Id = await h.personId(b2);
    const [set] = await h.send(admin, `/dinhtuyen CD-B1 * ${b2Id}`);
    expect(set!.text).toContain(T.routeAnonNote);
    const [named, anon] = await youths(2, "CD-B1");
    await h.send(named!, `/hoi ${QUESTIONS[0]}`);
    const q1 = await h.s.prisma.question.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(q1.assigneeId).toBe(b2Id);
    const cdb1 = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "CD-B1" } });
    expect(q1.unitId).toBe(cdb1.id);
    await h.send(anon!, `/hoian ${QUESTIONS[1]}`);
    const q2 = await h.s.prisma.question.findFirstOrThrow({ orderBy: { id: "desc" } });
    const xb = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "XA-B" } });
    // XA-B has two cadres: it holds it (the least loaded one, not the rule's person who has one already)
    expect(q2.unitId).toBe(xb.id);
    expect(q2.assigneeId).toBe(await h.personId(b1));

    // with one cadre at the commune and two at the province, the province holds it
    const t1 = h.user("Tỉnh Một");
    const t2 = h.user("Tỉnh Hai");
    await h.join(t1, "cadre", "TINH");
    await h.join(t2, "cadre", "TINH");
    const [a1] = await youths(1, "CD-A2");
    await h.send(a1!, `/hoian ${QUESTIONS[2]}`);
    const q3 = await h.s.prisma.question.findFirstOrThrow({ orderBy: { id: "desc" } });
    const tinh = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "TINH" } });
    expect(q3.unitId).toBe(tinh.id);
    expect(q3.askerUnitId).toBe(tinh.id);
  });
});

describe("the key of anonymous askers", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "doanbot-key-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("When no APP_SECRET is set on SQLite, then a key file is made owner-only beside the database, an old key row is moved into it once and deleted", async () => {
    const h = await Harness.create({ org: TEST_ORG });
    try {
      const url = `file:${join(dir, "bot.db")}`;
      const old = Buffer.alloc(32, 7).toString("base64");
      await h.s.prisma.setting.create({ data: { key: "app_secret", value: old } });
      const moved = await Secrets.load(h.s.prisma, { DATABASE_URL: url });
      const path = join(dir, "bot.db.key");
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(await h.s.prisma.setting.count({ where: { key: "app_secret" } })).toBe(0);
      // the moved key still opens what the old one sealed
      const sealed = Secrets.fromKey(Buffer.alloc(32, 7)).seal("42");
      expect(moved.open(sealed)).toBe("42");
      // the next start reads the same file
      const again = await Secrets.load(h.s.prisma, { DATABASE_URL: url });
      expect(again.open(sealed)).toBe("42");

      // a fresh installation makes a fresh key; a key file others can read is refused
      const url2 = `file:${join(dir, "other.db")}`;
      await Secrets.load(h.s.prisma, { DATABASE_URL: url2 });
      expect(existsSync(join(dir, "other.db.key"))).toBe(true);
      writeFileSync(join(dir, "loose.key"), Buffer.alloc(32, 1).toString("base64"), { mode: 0o644 });
      await expect(Secrets.load(h.s.prisma, { DATABASE_URL: url2, KEY_FILE: join(dir, "loose.key") })).rejects.toThrow(/chmod 600/);
      // PostgreSQL without APP_SECRET or KEY_FILE, or with a KEY_FILE that does not exist: refused
      await expect(Secrets.load(h.s.prisma, { DATABASE_URL: "postgresql://x@127.0.0.1/db" })).rejects.toThrow(/APP_SECRET or KEY_FILE/);
      await expect(Secrets.load(h.s.prisma, { DATABASE_URL: "postgresql://x@127.0.0.1/db", KEY_FILE: join(dir, "none.key") })).rejects.toThrow(/does not exist/);
    } finally {
      await h.close();
    }
  });
});
