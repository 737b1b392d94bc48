/**
 * The commands as registered by the features (name, who may run it) joined with their
 * Vietnamese catalogue (prompts/vi/commands.ts). /trogiup, the Telegram menus and the README
 * table are all generated from here, with the very predicate the router applies.
 */
import { commandCatalogue, type CommandHelp } from "../../prompts/vi/commands.ts";
import { coreText, helpText } from "../../prompts/vi/core.ts";
import type { Feature, Role, Scope } from "./context.ts";

export interface CommandInfo {
  name: string;
  /** Roles allowed; null = any registered person. */
  roles: Role[] | null;
  /** Usable before registration. */
  guest: boolean;
  /** On which units it acts (see Scope). */
  scope: Scope;
  /** The feature that registered it. */
  feature: string;
}

/** Who is asking: registered or not, and the roles of their memberships. */
export interface Asker {
  registered: boolean;
  roles: readonly Role[];
}

export type Section = "general" | Role;
/** Sections of the help, in the order shown; a role's section holds the commands that need it. */
export const SECTIONS: readonly Section[] = ["general", "youth", "secretary", "cadre", "admin"];
const ROLE_ORDER: readonly Role[] = ["youth", "secretary", "cadre", "admin"];

/** Every registered command, in registration order. */
export function commandList(features: readonly Feature[]): CommandInfo[] {
  return features.flatMap((f) =>
    Object.entries(f.commands ?? {}).map(([name, spec]) => ({
      name,
      roles: spec.roles ? [...spec.roles] : null,
      guest: !!spec.guest,
      scope: spec.scope,
      feature: f.name,
    })),
  );
}

/** The router's rule: guest commands for everyone, role-less ones for any registered person, role ones for holders. */
export function mayRun(spec: { roles?: readonly Role[] | null; guest?: boolean }, who: Asker): boolean {
  if (spec.guest) return true;
  if (!who.registered) return false;
  return !spec.roles || who.roles.some((r) => spec.roles!.includes(r));
}

/** Who the permission table has a column for: a newcomer, then a holder of each single role. */
export type Actor = "guest" | Role;
export const ACTORS: readonly Actor[] = ["guest", "youth", "secretary", "cadre", "admin"];

export const askerOf = (actor: Actor): Asker => (actor === "guest" ? { registered: false, roles: [] } : { registered: true, roles: [actor] });

/**
 * The permission table's verdict: may this actor run the command on a unit inside their own
 * unit or subtree, or on one elsewhere? A unit elsewhere is refused to every scope but "any".
 */
export function mayAct(cmd: Pick<CommandInfo, "roles" | "guest" | "scope">, actor: Actor, where: "inside" | "outside"): boolean {
  return mayRun(cmd, askerOf(actor)) && (where === "inside" || cmd.scope === "any");
}

export function helpOf(name: string): CommandHelp | undefined {
  return commandCatalogue[name];
}

/** The section a command is listed in: for an asker, the first role of theirs that allows it. */
export function sectionOf(cmd: CommandInfo, who?: Asker): Section {
  if (cmd.guest || !cmd.roles) return cmd.guest || helpOf(cmd.name)?.general ? "general" : "youth";
  const mine = ROLE_ORDER.find((r) => cmd.roles!.includes(r) && (!who || who.roles.includes(r)));
  return mine ?? ROLE_ORDER.find((r) => cmd.roles!.includes(r))!;
}

/** Order of the catalogue (curated), then registration order for anything not in it. */
export function byCatalogue(list: readonly CommandInfo[]): CommandInfo[] {
  const names = Object.keys(commandCatalogue);
  const rank = (n: string) => (names.includes(n) ? names.indexOf(n) : names.length);
  return [...list].sort((a, b) => rank(a.name) - rank(b.name));
}

/** Commands listed on their own (aliases are not). */
export function listed(list: readonly CommandInfo[]): CommandInfo[] {
  return byCatalogue(list.filter((c) => !helpOf(c.name)?.aliasOf));
}

/** What the asker may run, grouped by section (empty sections left out). */
export function commandsFor(list: readonly CommandInfo[], who: Asker): { section: Section; commands: CommandInfo[] }[] {
  const mine = listed(list).filter((c) => mayRun(c, who));
  return SECTIONS.map((section) => ({ section, commands: ownFirst(mine.filter((c) => sectionOf(c, who) === section), section) })).filter(
    (g) => g.commands.length,
  );
}

/** A section's own commands (e.g. cadre-only) before those it shares with a lower role. */
function ownFirst(list: readonly CommandInfo[], section: Section): CommandInfo[] {
  return [...list].sort((a, b) => Number(sectionOf(a) !== section) - Number(sectionOf(b) !== section));
}

/** The /trogiup text for an asker. */
export function renderHelp(list: readonly CommandInfo[], who: Asker, name: string): string {
  const lines: string[] = [helpText.header(name)];
  for (const g of commandsFor(list, who)) {
    lines.push("", `${helpText.sections[g.section]}:`);
    for (const c of g.commands) {
      const h = helpOf(c.name);
      lines.push(helpText.line(c.name, h?.args, h?.description ?? ""));
    }
  }
  lines.push("", helpText.footer, coreText.automated);
  return lines.join("\n");
}

export type Menus = Record<Role | "guest", string[]>;

/**
 * Telegram menus: for a guest and for each single role, the menu commands that person may run,
 * the role's own commands first.
 */
export function roleMenus(list: readonly CommandInfo[]): Menus {
  const menu = listed(list).filter((c) => helpOf(c.name)?.menu);
  const forWho = (who: Asker) => {
    const mine = menu.filter((c) => mayRun(c, who));
    const rank = (c: CommandInfo) => (c.guest ? 3 : !c.roles ? 2 : who.roles.includes(sectionOf(c) as Role) ? 0 : 1);
    return [...mine].sort((a, b) => rank(a) - rank(b)).map((c) => c.name);
  };
  const out = { guest: forWho({ registered: false, roles: [] }) } as Menus;
  for (const r of ROLE_ORDER) out[r] = forWho({ registered: true, roles: [r] });
  return out;
}

/** The menu of a person holding several roles: each role's menu in turn, without repeats. */
export function menuOf(menus: Menus, roles: readonly Role[]): string[] {
  const names = new Set<string>();
  for (const r of [...ROLE_ORDER].reverse()) if (roles.includes(r)) for (const c of menus[r]) names.add(c);
  for (const c of menus.youth) names.add(c);
  return [...names];
}
