/**
 * Anonymity, tried from outside (issue 13): the real bot process on the strict fake Telegram.
 * A youth asks with /hoian, a cadre answers, the answer arrives and is rated; then every row
 * of every table of the database is read as someone holding a copy of it would.
 */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeTelegram } from "../fakes/telegram.ts";
import { BotProcess } from "../helpers/process.ts";
import { freshDatabaseUrl, testProvider } from "../helpers/db.ts";
import { seedMember } from "../helpers/cast.ts";
import { waitFor } from "../helpers/wait.ts";
import { openDatabase, type Database } from "../../prisma/db.ts";
import { dialogueText as T } from "../../prompts/vi/dialogue.ts";

const APP_SECRET = "e2e-anonymity-secret-Zq81xVw3";
const QUESTION = "Em muốn hỏi chế độ hỗ trợ học nghề cho thanh niên khuyết tật ở xã mình thế nào ạ?";
const ANSWER = "Bạn đến Phòng Văn hóa xã hội mang theo giấy xác nhận mức độ khuyết tật để đăng ký lớp học nghề miễn phí.";
/** Words of the question and the answer, as typed and as stored normalised (no accents). */
const MARKERS = ["khuyết tật ở xã mình", "khuyet tat", "Phòng Văn hóa xã hội", "giấy xác nhận mức độ"];
/** Columns that refer to a person. */
const PERSON_COLUMN = /^(personId|askerId|actorId|cadreId|assigneeId|createdById|publishedById|authorId|doneById|decidedById)$/;

type Row = { table: string; row: Record<string, string | null> };

/** Every row of every table (the migrations table aside), each cell as text. */
async function allRows(db: Database): Promise<Row[]> {
  const tables =
    db.provider === "sqlite"
      ? await db.prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      : await db.prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`);
  const out: Row[] = [];
  for (const { name } of tables) {
    if (name === "_prisma_migrations") continue;
    for (const r of await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}"`)) {
      const row: Record<string, string | null> = {};
      for (const [k, v] of Object.entries(r)) row[k] = v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v);
      out.push({ table: name, row });
    }
  }
  return out;
}

describe(`Anonymity read from outside (real bot process, strict fake Telegram, ${testProvider()})`, () => {
  let fake: FakeTelegram;
  let bot: BotProcess;
  let db: { url: string; drop: () => Promise<void> };
  let read: Database;
  const youth = { id: 7101, first_name: "Hạnh Ẩn Danh" };
  const cadre = { id: 7102, first_name: "Cán Bộ Xã" };
  let youthPerson = 0;

  beforeAll(async () => {
    fake = await FakeTelegram.start();
    db = await freshDatabaseUrl(testProvider(), "org");
    read = await openDatabase(db.url);
    youthPerson = await seedMember(read.prisma, { channel: "telegram", id: String(youth.id), name: youth.first_name }, [{ role: "youth", unitCode: "CD-A1" }]);
    await seedMember(read.prisma, { channel: "telegram", id: String(cadre.id), name: cadre.first_name }, [{ role: "cadre", unitCode: "XA-A", title: "Phó Bí thư Đoàn xã A" }]);
    bot = await BotProcess.start({ DATABASE_URL: db.url, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url, APP_SECRET, ANON_BATCH_MINUTES: "0" });
  }, 120_000);
  afterAll(async () => {
    await read?.close();
    await bot?.stop();
    await fake?.close();
    await db?.drop();
  });

  it("When a youth asks with /hoian and a cadre answers, then the answer arrives and no row ties the words to the asker, nor holds the key", async () => {
    fake.sendText(youth, `/hoian ${QUESTION}`);
    await fake.waitFor(() => fake.messagesTo(cadre.id).some((m) => (m.text ?? "").includes("khuyết tật")), 30_000);
    const note = fake.messagesTo(cadre.id).find((m) => (m.text ?? "").includes("khuyết tật"))!;
    expect(note.text).toContain(T.anonymous);
    expect(note.text).not.toContain(youth.first_name);
    const ref = /#(A\d{6})/.exec(note.text ?? "")![1]!;
    await fake.waitFor(() => fake.messagesTo(youth.id).some((m) => (m.text ?? "").includes(ref)), 30_000);

    fake.sendText(cadre, `/traloi ${ref} ${ANSWER}`);
    await fake.waitFor(() => fake.messagesTo(youth.id).some((m) => (m.text ?? "").includes("Phòng Văn hóa xã hội")), 30_000);
    const answer = fake.messagesTo(youth.id).find((m) => (m.text ?? "").includes("Phòng Văn hóa xã hội"))!;
    const kb = (answer.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard;
    fake.pressButton(youth, answer.message_id, kb[0]![0]!.callback_data);
    await fake.waitFor(() => fake.messagesTo(youth.id).some((m) => m.text === T.rateThanks), 30_000);
    // everything handled and delivered: nothing pending in the inbox or the outbox
    await waitFor(
      async () =>
        (await read.prisma.inboundUpdate.count({ where: { status: { in: ["pending", "processing"] } } })) === 0 &&
        (await read.prisma.outboxMessage.count({ where: { status: "pending" } })) === 0,
      { timeoutMs: 30_000, what: "inbox handled and outbox delivered" },
    );

    const rows = await allRows(read);
    expect(rows.length).toBeGreaterThan(20);
    const chat = String(youth.id);
    const key = createHmac("sha256", "doan-bot").update(APP_SECRET).digest();
    const secretForms = [APP_SECRET, key.toString("base64"), key.toString("base64url"), key.toString("hex")];
    const problems: string[] = [];
    for (const { table, row } of rows) {
      const cells = Object.entries(row);
      const text = cells.map(([, v]) => v ?? "").join("\u0000");
      for (const f of secretForms) if (text.includes(f)) problems.push(`${table}: holds the key`);
      const words = MARKERS.some((w) => text.includes(w));
      const namesAsker =
        cells.some(([k, v]) => v === chat || (v !== null && v.includes(youth.first_name)) || (PERSON_COLUMN.test(k) && v === String(youthPerson)));
      if (words && namesAsker) problems.push(`${table}: the words next to the asker (${JSON.stringify(row).slice(0, 300)})`);
      // a row with the asker's chat id holds none of the words
      if (cells.some(([, v]) => v === chat) && words) problems.push(`${table}: the asker's chat holds the words`);
    }
    expect(problems).toEqual([]);
    // the words are stored (so the search above was a real one): the question and the answer
    expect(rows.some((r) => r.table === "Question" && Object.values(r.row).some((v) => v?.includes("khuyết tật ở xã mình")))).toBe(true);
    expect(rows.some((r) => r.table === "Answer" && Object.values(r.row).some((v) => v?.includes("Phòng Văn hóa xã hội")))).toBe(true);
    // and the asker's chat is stored too (their identity), so its absence next to the words means something
    expect(rows.some((r) => r.table === "Identity" && r.row.chatId === chat)).toBe(true);
  }, 120_000);
});

describe("The key of anonymous askers outside the database", () => {
  it("When the bot starts on PostgreSQL without APP_SECRET or KEY_FILE, then it refuses in one line naming both", async () => {
    const err = await BotProcess.start({ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" }).then(
      (p) => p.stop().then(() => null),
      (e: Error) => e,
    );
    expect(err).not.toBeNull();
    expect(err!.message).toMatch(/bot exited \(2\)/);
    const lines = err!.message.split("\n").filter((l) => l.includes("APP_SECRET"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("KEY_FILE");
  }, 60_000);
});
