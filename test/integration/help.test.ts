/**
 * /trogiup lists exactly what the asker may run: the expected set is found independently, by
 * trying every registered command as that person and keeping those the router does not refuse.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../bot/core/context.ts";
import { commandCatalogue } from "../../prompts/vi/commands.ts";
import { coreText, helpText } from "../../prompts/vi/core.ts";
import { Harness, TEST_ORG, type TestUser } from "../helpers/harness.ts";

let h: Harness;

beforeAll(async () => {
  // one member tries every command in a row: no flood control in the way
  h = await Harness.create({ org: TEST_ORG, env: { FLOOD_MAX_MESSAGES: "1000" } });
});
afterAll(async () => h?.close());

const [allowedBefore = "", allowedAfter = ""] = coreText.notAllowed("\u0000").split("\u0000");
/** The router's refusals: "register first" or "only for <roles>". */
const refused = (text: string) => text === coreText.notRegistered || (text.startsWith(allowedBefore) && text.endsWith(allowedAfter));

/** Commands the router lets this user run (a fresh user per try when `fresh` makes one). */
async function runnable(user: () => Promise<TestUser>): Promise<string[]> {
  const ok: string[] = [];
  for (const name of h.core.commandNames()) {
    const u = await user();
    const replies = await h.send(u, `/${name}`);
    if (!replies.some((m) => refused(m.text))) ok.push(name);
  }
  return ok.sort();
}

/** The help as one text (a long one may arrive in several messages). */
async function help(u: TestUser, command = "/trogiup"): Promise<string> {
  return (await h.send(u, command)).map((m) => m.text).join("\n");
}

/** The commands a help text lists (one line each, starting with the command). */
function listedIn(help: string): string[] {
  return help
    .split("\n")
    .flatMap((l) => /^\/([a-z0-9_]+)(?: |$)/.exec(l)?.[1] ?? [])
    .sort();
}

const notAlias = (names: string[]) => names.filter((n) => !commandCatalogue[n]?.aliasOf);

const ROLE_UNITS: [Role, string][] = [
  ["youth", "CD-A1"],
  ["secretary", "CD-A1"],
  ["cadre", "XA-A"],
  ["admin", "TINH"],
];

describe("/trogiup", () => {
  it("When a guest asks for help, then it lists exactly the commands a guest may run", async () => {
    let n = 0;
    const expected = await runnable(async () => h.user(`Khách ${++n}`));
    const guest = h.user("Khách");
    const text = await help(guest);
    expect(text).toContain(helpText.header("Khách"));
    expect(listedIn(text)).toEqual(notAlias(expected));
    expect(expected).toContain("start");
    expect(expected).not.toContain("hoi");
  });

  for (const [role, unit] of ROLE_UNITS) {
    it(`When a member whose only role is ${role} asks for help, then it lists exactly the commands they may run`, async () => {
      const u = h.user(`Thử ${role}`);
      await h.join(u, role, unit);
      const expected = await runnable(async () => u);
      const text = await help(u);
      expect(listedIn(text)).toEqual(notAlias(expected));
      // /help is the same help
      expect(await help(u, "/help")).toBe(text);
    });
  }

  it("When a member holds every role, then the help lists every registered command but the aliases", async () => {
    const u = h.user("Đủ vai trò");
    for (const [role, unit] of ROLE_UNITS) await h.join(u, role, unit);
    expect(listedIn(await help(u))).toEqual(notAlias(h.core.commandNames()).sort());
    expect(h.core.commandList().map((c) => c.name).sort()).toEqual([...h.core.commandNames()].sort());
  });

  it("When the roles differ, then each role's section appears only for those who hold it", async () => {
    const youth = h.user("Đoàn viên");
    await h.join(youth, "youth", "CD-A1");
    const y = await help(youth);
    expect(y).toContain(`${helpText.sections.youth}:`);
    expect(y).not.toContain(`${helpText.sections.cadre}:`);
    const cadre = h.user("Cán bộ");
    await h.join(cadre, "cadre", "XA-A");
    const c = await help(cadre);
    expect(c).toContain(`${helpText.sections.cadre}:`);
    expect(c).toContain("/hangdoi — ");
    expect(c).not.toContain(`${helpText.sections.admin}:`);
  });
});
