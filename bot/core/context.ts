import type { Logger } from "pino";
import type { Db } from "../../prisma/db.ts";
import type { Config } from "./settings.ts";
import type { HttpApp } from "./http.ts";
import type { Llm } from "./llm.ts";
import type { Clock } from "./clock.ts";
import type { Outbox } from "./outbox/outbox.ts";
import type { Secrets } from "./secrets.ts";
import type { PeoplePort, PersonHooks } from "./people.ts";
import type { Choice, Incoming, Outgoing } from "./types.ts";
import type { CommandInfo } from "./commands.ts";

export type Role = "youth" | "secretary" | "cadre" | "admin";
export const ROLES: Role[] = ["youth", "secretary", "cadre", "admin"];

export interface UnitView {
  id: number;
  code: string;
  name: string;
  level: string;
  parentId: number | null;
  path: string;
  depth: number;
  isBranch: boolean;
}

export interface MembershipView {
  unitId: number;
  role: Role;
  topics: string[];
  unit: UnitView;
}

export interface PersonView {
  id: number;
  displayName: string;
  title: string | null;
}

/** Everything a feature needs, injected once at start (tests pass their own). */
export interface Services {
  prisma: Db;
  clock: Clock;
  log: Logger;
  llm: Llm | null;
  outbox: Outbox;
  config: Config;
  secrets: Secrets;
  /** People, identities and memberships (the kernel in bot/domain/, through its port). */
  people: PeoplePort;
}

export interface FlowState {
  name: string;
  data: Record<string, unknown>;
}

/** The context of one incoming update, as seen by a feature. */
export interface Ctx {
  readonly s: Services;
  readonly in: Incoming;
  readonly log: Logger;
  /** The registered person, or null for a newcomer. */
  person: PersonView | null;
  memberships: MembershipView[];
  /** Command name without the slash (lower case) and the text after it. */
  command: string | null;
  args: string;
  flow: FlowState | null;
  hasRole(...roles: Role[]): boolean;
  /** Memberships with one of the roles (e.g. units where I am a cadre). */
  withRole(...roles: Role[]): MembershipView[];
  /** Primary unit (first membership), for youth features. */
  primaryUnit(): UnitView | null;
  reply(text: string, choices?: Choice[]): void;
  /** A reply carrying more than text and choices (a file: bot/core/downloads.ts). */
  replyWith(out: Outgoing): void;
  setFlow(name: string, data?: Record<string, unknown>): Promise<void>;
  clearFlow(): Promise<void>;
  audit(action: string, entity?: string, entityId?: string | number, detail?: string): Promise<void>;
  /** Reload person and memberships after a registration change. */
  reload(): Promise<void>;
  /** Every registered command (name, roles, guest, feature), e.g. for the help. */
  commandList(): readonly CommandInfo[];
}

/**
 * On which units a command acts, for the roles allowed (the permission table of the README):
 * - "any": not tied to a unit (the person's own data, public answers, the help);
 * - "own-unit": only the actor's own unit, or what is addressed to it (its branch's task, a
 *   campaign or session open to it);
 * - "own-subtree": the actor's unit and every unit below it, never a unit elsewhere.
 */
export type Scope = "any" | "own-unit" | "own-subtree";
export const SCOPES: readonly Scope[] = ["any", "own-unit", "own-subtree"];

/** A command, registered by name in a feature's `commands`; its words live in prompts/vi/commands.ts. */
export interface CommandSpec {
  /** Roles allowed; undefined = any registered person. */
  roles?: Role[];
  /** On which units it acts (required: test/integration/permissions.test.ts checks each against the behaviour). */
  scope: Scope;
  /** Usable before registration. */
  guest?: boolean;
  run(ctx: Ctx): Promise<void>;
}

export interface ActionSpec {
  roles?: Role[];
  guest?: boolean;
  /** One-shot: the set of choices it was offered in is used up by the first press (a confirmation). */
  once?: boolean;
  /**
   * May be offered as a static button of a broadcast (bot/core/buttons.ts): the arguments it
   * gets from the button's id. Its run must check at press time that this person may do it now.
   */
  button?: (id: number) => Record<string, string | number | boolean | null>;
  run(ctx: Ctx, args: Record<string, string | number | boolean | null>): Promise<void>;
}

/** One feature module: what it answers and what it runs on schedule. */
export interface Feature {
  name: string;
  commands?: Record<string, CommandSpec>;
  actions?: Record<string, ActionSpec>;
  /** Plain text while the user is in one of this feature's flows. */
  flows?: Record<string, (ctx: Ctx, text: string) => Promise<void>>;
  /** Durable job kinds this feature runs (see scheduler/jobs.ts). */
  jobs?: Record<string, (s: Services, payload: Record<string, unknown>) => Promise<void>>;
  /**
   * Periodic ticks: each returns jobs to ensure (idempotent by dedupeKey). `cron` may be read
   * from the configuration (e.g. `(c) => c.GUIDE_CRON`), resolved by the scheduler at each pass.
   */
  ticks?: { name: string; cron: string | ((config: Config) => string); run(s: Services, now: Date): Promise<void> }[];
  /** Plain text outside any flow and command (first feature that handles it wins). */
  fallback?: (ctx: Ctx, text: string) => Promise<boolean>;
  /** HTTP routes of the feature, added to the web server's Hono app (e.g. the live board of a dialogue session). */
  web?: (app: HttpApp, s: Services) => void;
  /** How this feature moves (merge) and erases its own rows of a person. */
  person?: PersonHooks;
  /** Called once at start (e.g. to build in-memory indexes). */
  init?: (s: Services) => Promise<void>;
}
