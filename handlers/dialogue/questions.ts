/**
 * What every use case of the dialogue feature shares about a question: the row it reads
 * and the pseudonyms that link a person to their questions and votes without naming them.
 */
import type { MembershipView, Services, UnitView } from "../../bot/core/context.ts";

/** The fields of a Question row the dialogue modules read. */
export interface QuestionRow {
  id: number;
  askerId: number | null;
  anonymous: boolean;
  askerKey: string;
  anonDelivery: string | null;
  askerUnitId: number;
  text: string;
  normText: string;
  topic: string;
  topicConfidence: number;
  status: string;
  unitId: number;
  assigneeId: number | null;
  sessionId: number | null;
  moderation: string;
  votes: number;
  dueAt: Date;
  remindedAt: Date | null;
  escalationLevel: number;
  answeredAt: Date | null;
  rating: string | null;
  /** Anonymous questions: the reference people know them by (never the id). */
  publicRef: string | null;
  /** Anonymous questions waiting for their batch: no cadre sees them yet. */
  held: boolean;
  /** status "merged": the question it joined. */
  mergedIntoId: number | null;
  /** Photos/documents sent with it (JSON of AttachmentRef, see files.ts). */
  attachments: string | null;
  createdAt: Date;
}

export type UnitRef = Pick<UnitView, "id" | "path" | "name">;

export const DAY_MS = 86_400_000;

/** Pseudonym of an asker: the only link between a person and their questions ("my questions"). */
export function askerKeyOf(s: Services, personId: number): string {
  return s.secrets.pseudonym("asker", personId);
}

/** Pseudonym of a voter (me-too and upvotes share it, one vote per person and question). */
export function voterKeyOf(s: Services, personId: number): string {
  return s.secrets.pseudonym("voter", personId);
}

/**
 * Pseudonym of an anonymous asker joined to another question by a merge: distinct from their
 * voter pseudonym, so their named votes (whose deliveries name them) cannot be matched to it.
 */
export function anonVoterKeyOf(s: Services, personId: number): string {
  return s.secrets.pseudonym("voter-anon", personId);
}

/** The unit a person asks from: their youth unit, else secretary, else any membership. */
export function askerUnitOf(memberships: MembershipView[]): UnitView | null {
  for (const role of ["youth", "secretary", "cadre", "admin"] as const) {
    const m = memberships.find((x) => x.role === role);
    if (m) return m.unit;
  }
  return null;
}

/** The person who asked, for delivery only: the id for named questions, the sealed address otherwise. */
export function askerPersonId(s: Services, q: Pick<QuestionRow, "askerId" | "anonDelivery">): number | null {
  if (q.askerId !== null) return q.askerId;
  if (!q.anonDelivery) return null;
  const opened = s.secrets.open(q.anonDelivery);
  const id = opened === null ? NaN : Number(opened);
  return Number.isInteger(id) && id > 0 ? id : null;
}
