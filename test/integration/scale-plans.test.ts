import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";
import { Harness, TEST_ORG } from "../helpers/harness.ts";
import { testProvider } from "../helpers/db.ts";
import { sqlitePath } from "../../prisma/db.ts";
import { dialogueText as T } from "../../prompts/vi/dialogue.ts";
import { buildIndexes } from "../../handlers/dialogue/indexes.ts";

/**
 * Issue 14 ("costs that do not grow with history"): every query `/hoi` and `/traloi` make on
 * the question and job tables is answered through an index. SQLite plans without statistics
 * (a bot's SQLite file has none), so its plan is the same for 10 rows as for 100,000: one
 * found here on a small database is the one the large database gets.
 */
const require = createRequire(import.meta.url);
type Statement = { all: (...a: unknown[]) => unknown[] };
type SqliteDb = { prepare: (sql: string) => Statement; close: () => void };
const BetterSqlite = require("better-sqlite3") as { prototype: { prepare: (sql: string) => Statement } } & (new (file: string, opts?: object) => SqliteDb);

describe.skipIf(testProvider() !== "sqlite")("query plans of asking and answering (sqlite)", () => {
  let h: Harness | null = null;
  const prepare = BetterSqlite.prototype.prepare;
  afterEach(async () => {
    BetterSqlite.prototype.prepare = prepare;
    await h?.close();
    h = null;
  });

  it("When members ask (one of them the same thing as another) and a cadre answers, then no query reads the question or job table through a scan or the held-questions index", async () => {
    h = await Harness.create({ org: TEST_ORG });
    const { youth, cadre } = await h.cast();
    const other = h.user("Nguyễn Thị Cùng Hỏi");
    await h.join(other, "youth", "CD-A2");
    // earlier open questions of the commune on the same subject: the me-too check looks up several
    const xa = await h.s.prisma.unit.findUniqueOrThrow({ where: { code: "XA-A" } });
    const at = h.clock.now();
    const earlier = [
      "đăng ký Mùa hè xanh cho học sinh",
      "Mùa hè xanh năm nay ở xã có mấy đội",
      "hạn đăng ký tình nguyện Mùa hè xanh",
      "Mùa hè xanh có cấp giấy chứng nhận không",
      "đội hình Mùa hè xanh năm nay làm gì",
    ];
    const dueAt = new Date(at.getTime() + 86_400_000);
    await h.s.prisma.question.createMany({
      data: earlier.map((text, i) => ({ askerKey: `earlier${i}`, askerUnitId: xa.id, text, normText: text, topic: "khac", unitId: xa.id, dueAt, createdAt: at })),
    });
    await buildIndexes(h.s);
    const seen = new Set<string>();
    BetterSqlite.prototype.prepare = function (this: unknown, sql: string) {
      seen.add(sql);
      return prepare.call(this, sql);
    };
    await h.send(youth, "/hoi Làm thế nào để đăng ký tham gia chiến dịch Mùa hè xanh năm nay ạ?");
    const offer = await h.send(other, "/hoi Làm sao để đăng ký tham gia chiến dịch Mùa hè xanh năm nay?");
    expect(offer.map((m) => m.text).join("\n")).toContain(T.similarHeader);
    await h.press(other, T.choiceSendAnyway);
    const q = await h.s.prisma.question.findFirstOrThrow({ where: { status: "open" }, orderBy: { id: "asc" } });
    await h.send(cadre, `/traloi ${q.id} Bạn đăng ký qua Đoàn xã trước ngày 15/6.`);
    BetterSqlite.prototype.prepare = prepare;
    expect((await h.s.prisma.question.findUniqueOrThrow({ where: { id: q.id } })).status).toBe("answered");

    const db = new BetterSqlite(sqlitePath((h.s.config as { DATABASE_URL: string }).DATABASE_URL), { readonly: true });
    const bad: string[] = [];
    let read = 0;
    try {
      for (const sql of seen) {
        if (!/^\s*(SELECT|UPDATE|DELETE)\b/i.test(sql) || !/`(Question|ScheduledJob)`/.test(sql)) continue;
        read++;
        const params = (sql.match(/\?/g) ?? []).map(() => null);
        const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
        for (const { detail } of plan) {
          if (/^SCAN (main\.)?(Question|ScheduledJob)\b/.test(detail) || detail.includes("held_createdAt")) bad.push(`${detail}  <=  ${sql.slice(0, 200)}`);
        }
      }
    } finally {
      db.close();
    }
    expect(read).toBeGreaterThan(5);
    expect(bad).toEqual([]);
  }, 60_000);
});
