/**
 * The port through which the core and the features reach people (implemented by the
 * organisation/people kernel in bot/domain/). The core knows who is talking and where a
 * message to a person goes only through it.
 */
import type { Db } from "../../prisma/db.ts";
import type { Secrets } from "./secrets.ts";
import type { MembershipView, PersonView, Role } from "./context.ts";
import type { Target } from "./outbox/outbox.ts";
import type { ChannelName, Incoming } from "./types.ts";

/** A database client inside a transaction (same model API). */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** What a hook may need besides the transaction: the keys of pseudonyms and sealed addresses. */
export interface HookKit {
  secrets: Secrets;
}

/** What each feature implements for its own rows when a person is merged or erased. */
export interface PersonHooks {
  /** `from` was merged into `to` (`/lienket`): move this feature's rows; runs inside one transaction. */
  merge?(tx: Tx, from: number, to: number, kit: HookKit): Promise<void>;
  /** `personId` asked for erasure (`/xoadulieu`): erase or anonymise this feature's rows. */
  erase?(tx: Tx, personId: number, kit: HookKit): Promise<void>;
  /**
   * `personId` asked for their data (`/dulieu`): this feature's rows about them, as plain
   * JSON-able values under the feature's own keys (anonymous rows only through the pseudonym).
   */
  exportData?(db: Db, personId: number, kit: HookKit): Promise<Record<string, unknown>>;
}

/** A person's data as `/dulieu` sends it: the kernel's part, then each feature's. */
export interface PersonExport {
  profile: { displayName: string; title: string | null; preferredChannel: string | null; createdAt: Date };
  identities: { channel: string; userId: string; since: Date }[];
  memberships: { unit: string; unitName: string; role: Role; topics: string[]; since: Date }[];
  [feature: string]: unknown;
}

export interface LoadedPerson {
  person: PersonView | null;
  memberships: MembershipView[];
}

export interface PeoplePort {
  byIdentity(incoming: Incoming): Promise<LoadedPerson>;
  byId(personId: number): Promise<LoadedPerson>;
  addressOf(personId: number): Promise<Target | null>;
  addressesOf(personIds: number[]): Promise<Map<number, Target>>;
  merge(from: number, to: number): Promise<void>;
  moveIdentity(identityId: number, to: number): Promise<void>;
  erase(personId: number): Promise<void>;
  exportData(personId: number): Promise<PersonExport | null>;
  ensure(inc: Incoming, now: Date, fallbackName: string): Promise<number>;
  addIdentity(inc: Incoming, personId: number): Promise<number>;
  identityOf(inc: Pick<Incoming, "channel" | "userId">): Promise<{ id: number; personId: number } | null>;
  channelsOf(personId: number): Promise<ChannelName[]>;
  setPreferredChannel(personId: number, channel: ChannelName): Promise<void>;
  addMembership(personId: number, unitId: number, role: Role, opts?: { topics?: string; title?: string | null; now?: Date }): Promise<boolean>;
  hasMembership(personId: number, unitId: number, role: Role): Promise<boolean>;
  setYouthUnit(personId: number, unitId: number): Promise<void>;
  removeMembership(personId: number, unitId: number, role?: Role): Promise<number>;
  webIdentity(personId: number, now: Date): Promise<string>;
}
