// The production start: the compiled bot (dist/), started with package.json's `start` command —
// the Docker image's CMD — against the strict fake Telegram. Speed is measured by
// `npm run bench -- start`, not here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeTelegram } from "../fakes/telegram.ts";
import { CompiledBot, ensureBuilt, startArgv } from "../helpers/compiled.ts";
import { freshDatabaseUrl } from "../helpers/db.ts";
import { TEST_ORG } from "../helpers/harness.ts";
import { openDatabase } from "../../prisma/db.ts";
import { parseOrgFile } from "../../bot/domain/org.ts";
import { importOrg } from "../../bot/app/org-import.ts";
import { dialogueText } from "../../prompts/vi/dialogue.ts";

const INVITES = `
invites:
  - { code: START-CANBO, role: cadre, unit: XA-A }
  - { code: START-DOANVIEN, role: youth, unit: CD-A1 }
`;

describe("Production start (compiled JavaScript, the image's command)", () => {
  let fake: FakeTelegram;
  let db: { url: string; drop: () => Promise<void> };
  let bot: CompiledBot | undefined;

  beforeAll(async () => {
    ensureBuilt();
    fake = await FakeTelegram.start();
    db = await freshDatabaseUrl("sqlite");
    const d = await openDatabase(db.url);
    await importOrg(d.prisma, parseOrgFile(TEST_ORG + INVITES, "org.yaml"));
    await d.close();
  }, 600_000);
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    await db?.drop();
  });

  it("When the start command is read, then it runs compiled JavaScript with node (no tsx, no Prisma CLI)", () => {
    expect(startArgv()).toEqual(["node", "dist/bot/app/main.js"]);
  });

  it("When the compiled bot is started, then it loads the classifier the build trained and answers /hoi", async () => {
    bot = await CompiledBot.start({ DATABASE_URL: db.url, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url });
    // the build's model was fresh: loaded, not trained (training is what made the first question slow)
    await bot.waitForLog((l) => l.msg === "offline nlp ready");

    const cadre = { id: 7101, first_name: "Lan" };
    const youth = { id: 7102, first_name: "Nam" };
    fake.sendText(cadre, "/start START-CANBO");
    fake.sendText(youth, "/start START-DOANVIEN");
    await fake.waitFor(() => fake.messagesTo(cadre.id).length >= 1 && fake.messagesTo(youth.id).length >= 1, 30_000);

    const before = fake.messagesTo(youth.id).length;
    fake.sendText(youth, "/hoi Thanh niên muốn vay vốn khởi nghiệp nuôi bò thì cần thủ tục gì ạ?");
    await fake.waitFor(() => fake.messagesTo(youth.id).length > before, 30_000);
    const reply = fake.messagesTo(youth.id)[before]!.text ?? "";
    const sentPrefix = dialogueText.sent(987654, "", "", "").split("987654")[0]!;
    expect(reply.startsWith(sentPrefix)).toBe(true);
    // and the cadre of the commune is told about it
    await fake.waitFor(() => fake.messagesTo(cadre.id).some((m) => (m.text ?? "").includes("vay vốn khởi nghiệp")), 30_000);

    expect(await bot.stop()).toBe(0);
  });
});
