import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allFeatures, MENUS } from "../../bot/app/features.ts";
import { commandList, commandsFor, mayRun, renderHelp, roleMenus, type CommandInfo } from "../../bot/core/commands.ts";
import type { Feature } from "../../bot/core/context.ts";
import { anyWord, oneOf } from "../../bot/core/words.ts";
import { commandCatalogue, typedWords } from "../../prompts/vi/commands.ts";
import { README, renderCommandTable, renderPermissionTable, withCommandTable } from "../../scripts/readme-commands.ts";

const registered = commandList(allFeatures());
const byName = new Map(registered.map((c) => [c.name, c]));

describe("command catalogue", () => {
  it("When a command is registered, then the catalogue describes it, and every catalogue entry is a registered command", () => {
    const names = registered.map((c) => c.name);
    expect(names.filter((n) => !commandCatalogue[n])).toEqual([]);
    expect(Object.keys(commandCatalogue).filter((n) => !byName.has(n))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  it("When a catalogue entry is an alias, then it names a registered command that is no alias, with the same permission", () => {
    const aliases = Object.entries(commandCatalogue).filter(([, h]) => h.aliasOf);
    expect(aliases.map(([n]) => n)).toContain("help");
    for (const [name, h] of aliases) {
      const target = byName.get(h.aliasOf!);
      expect(target, `${name} → ${h.aliasOf}`).toBeDefined();
      expect(commandCatalogue[h.aliasOf!]?.aliasOf).toBeUndefined();
      expect({ roles: byName.get(name)!.roles, guest: byName.get(name)!.guest }).toEqual({ roles: target!.roles, guest: target!.guest });
    }
  });

  it("When an entry is read, then its description fits a Telegram menu and its example types that very command", () => {
    for (const [name, h] of Object.entries(commandCatalogue)) {
      expect(h.description.trim().length, name).toBeGreaterThanOrEqual(3);
      expect(h.description.length, name).toBeLessThanOrEqual(256);
      expect(h.example === `/${name}` || h.example.startsWith(`/${name} `), `${name}: ${h.example}`).toBe(true);
    }
  });

  it("When a feature registers a command missing from the catalogue, then the check above finds it", () => {
    const extra: Feature = { name: "extra", commands: { khongcotrongdanhmuc: { scope: "any", run: async () => undefined } } };
    const list = commandList([...allFeatures(), extra]);
    expect(list.filter((c) => !commandCatalogue[c.name]).map((c) => c.name)).toEqual(["khongcotrongdanhmuc"]);
  });
});

describe("generated help and menus", () => {
  const everyone = { registered: true, roles: ["youth", "secretary", "cadre", "admin"] as const };

  it("When someone holds every role, then the help lists every registered command except aliases, each once", () => {
    const text = renderHelp(registered, everyone, "An");
    const listed = text.split("\n").flatMap((l) => /^\/([a-z0-9_]+)/.exec(l)?.[1] ?? []);
    const expected = registered.filter((c) => !commandCatalogue[c.name]?.aliasOf).map((c) => c.name);
    expect([...listed].sort()).toEqual([...expected].sort());
  });

  it("When a guest asks, then only guest commands are listed, in the general section", () => {
    const groups = commandsFor(registered, { registered: false, roles: [] });
    expect(groups.map((g) => g.section)).toEqual(["general"]);
    expect(groups[0]!.commands.every((c) => c.guest)).toBe(true);
  });

  it("When a command needs several roles, then it is listed under the asker's first role that allows it", () => {
    const cmd: CommandInfo = { name: "huongdan", roles: ["secretary", "cadre", "admin"], guest: false, scope: "own-unit", feature: "guides" };
    const of = (roles: ("secretary" | "cadre" | "admin")[]) =>
      commandsFor([cmd], { registered: true, roles }).map((g) => g.section);
    expect(of(["secretary"])).toEqual(["secretary"]);
    expect(of(["cadre", "admin"])).toEqual(["cadre"]);
    expect(of(["admin"])).toEqual(["admin"]);
  });

  it("When the menus are generated, then each lists only commands its role may run, within Telegram's limits", () => {
    expect(MENUS).toEqual(roleMenus(registered));
    for (const [role, names] of Object.entries(MENUS)) {
      const who = role === "guest" ? { registered: false, roles: [] } : { registered: true, roles: [role as "youth"] };
      expect(names.length).toBeGreaterThan(0);
      expect(names.length).toBeLessThanOrEqual(100);
      expect(new Set(names).size).toBe(names.length);
      for (const n of names) {
        expect(n).toMatch(/^[a-z0-9_]{1,32}$/);
        expect(mayRun(byName.get(n)!, who), `${role}: ${n}`).toBe(true);
      }
    }
    expect(MENUS.cadre).toContain("hangdoi");
    expect(MENUS.youth).not.toContain("hangdoi");
    expect(MENUS.guest).not.toContain("hoi");
  });
});

describe("README command table", () => {
  it("When the README is read, then its command table is the one generated from the registrations (npm run docs:commands)", () => {
    const readme = readFileSync(README, "utf8");
    expect(readme).toBe(withCommandTable(readme));
  });

  it("When the table is rendered, then every registered command has a row naming who may run it", () => {
    const table = renderCommandTable(registered);
    for (const c of registered) {
      const row = table.split("\n").find((l) => l.startsWith("| `") && l.split("`")[1]!.split(" ")[0] === `/${c.name}`);
      expect(row, c.name).toBeDefined();
      if (c.roles) expect(row).toContain(c.roles.join(", "));
    }
  });

  it("When the permission table is rendered, then each command has one row whose cells follow its roles and scope", () => {
    const rows = renderPermissionTable(registered).split("\n").filter((l) => l.startsWith("| `/"));
    expect(rows).toHaveLength(registered.length);
    const hoi = rows.find((l) => l.startsWith("| `/hoi` |"))!.split("|").map((x) => x.trim());
    // guest, youth, secretary, cadre, admin
    expect(hoi.slice(2, 7)).toEqual(["—", "any unit", "any unit", "any unit", "any unit"]);
    const traloi = rows.find((l) => l.startsWith("| `/traloi` |"))!.split("|").map((x) => x.trim());
    expect(traloi.slice(2, 7)).toEqual(["—", "—", "—", "own subtree", "—"]);
  });
});

describe("typed words", () => {
  it("When a pattern is built from the catalogue's words, then each word matches literally, in any case, and nothing else does", () => {
    const usage = oneOf(typedWords.usage);
    for (const w of typedWords.usage) expect(usage.test(w.toUpperCase())).toBe(true);
    expect(usage.test("a")).toBe(false);
    expect(usage.test("??")).toBe(false);
    const remove = oneOf(typedWords.remove);
    expect(["xóa", "XOÁ", "xoa"].every((w) => remove.test(w))).toBe(true);
    expect(remove.test("xoa bỏ")).toBe(false);
    expect(new RegExp(`^(${anyWord(["a.b", "a"])})$`).test("axb")).toBe(false);
  });
});
