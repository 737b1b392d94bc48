/**
 * The port through which the core and the features reach people (implemented by the
 * organisation/people kernel in bot/domain/). The core knows who is talking and where a
 * message to a person goes only through it.
 */
import type { Db } from "../../prisma/db.ts";
import type { MembershipView, PersonView } from "./context.ts";
import type { Target } from "./outbox/outbox.ts";
import type { Incoming } from "./types.ts";

/** A database client inside a transaction (same model API). */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** What each feature implements for its own rows when a person is merged or erased. */
export interface PersonHooks {
  /** `from` was merged into `to` (`/lienket`): move this feature's rows; runs inside one transaction. */
  merge?(tx: Tx, from: number, to: number): Promise<void>;
  /** `personId` asked for erasure (`/xoadulieu`): erase or anonymise this feature's rows. */
  erase?(tx: Tx, personId: number): Promise<void>;
}

export interface LoadedPerson {
  person: PersonView | null;
  memberships: MembershipView[];
}

export interface PeoplePort {
  byIdentity(incoming: Incoming): Promise<LoadedPerson>;
  byId(personId: number): Promise<LoadedPerson>;
  addressOf(personId: number): Promise<Target | null>;
  merge(from: number, to: number): Promise<void>;
  moveIdentity(identityId: number, to: number): Promise<void>;
  erase(personId: number): Promise<void>;
}
