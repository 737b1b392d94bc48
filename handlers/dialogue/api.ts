/**
 * The dialogue feature's published interface: the only file of handlers/dialogue/ another
 * feature imports (test/unit/architecture.test.ts checks it).
 *
 * Tables: dialogue owns Question, Answer, QuestionEvent, QuestionVote, FaqEntry, Topic and
 * RoutingRule; nobody else writes them. Another feature may read them, but goes through the
 * functions below when it can, and never learns who asked a question.
 *
 * QuestionVote belongs to dialogue: a "me too" (dialogue) and an upvote (live sessions) are
 * the same row — one per question and voter pseudonym, counted in Question.votes — so a
 * me-too already counts as that person's upvote and an upvote may later become a me-too.
 * Sessions adds upvotes only through `upvote`.
 *
 * The other direction: dialogue needs to know whether a new question joins a live session.
 * It does not import the sessions feature; the composition root (bot/app/features.ts) gives
 * `createDialogue({ sessions })` an object implementing `SessionsPort`.
 */
import type { Services, UnitView } from "../../bot/core/context.ts";

/** The session a question is sent for, as the sessions feature decides it. */
export interface SessionJoin {
  sessionId: number;
  title: string;
  /** "pending": the question waits for a session moderator before it reaches a cadre. */
  moderation: "approved" | "pending";
  /** The session's unit: its questions are routed from there (never from the asker's branch). */
  unit: UnitView;
  /** Session questions are due after the forum: their deadline counts from here (its closing). */
  dueBase: Date;
}

/** Sessions taking questions from an asker, offered when they ask (`/hoi` while choosing one). */
export interface SessionOffer {
  joins: SessionJoin[];
  /** The question put to the asker, a button label per session, and the "normal question" label. */
  text: string;
  labels: string[];
  normalLabel: string;
}

/** What the dialogue feature asks of a live-sessions feature. */
export interface SessionsPort {
  /** Sessions of the asker's scope taking questions now (null: none). Only a question sent FOR one joins it. */
  sessionOffer(s: Services, asker: { personId: number; unit: UnitView }): Promise<SessionOffer | null>;
  /** A question joined the session and waits for approval: tell its moderators. */
  questionPending(s: Services, sessionId: number, questionId: number): Promise<void>;
}

/** What the dialogue feature is given at composition time. */
export interface DialogueDeps {
  sessions?: SessionsPort;
}

export { askerUnitOf } from "./questions.ts";
export { askInSession } from "./asking/handlers.ts";
export { parseRef, refOf, type QRef, type TypedRef } from "./anon.ts";
export { labelOf, topicLabels } from "./topics.ts";
export {
  lastAnswers,
  messageAsker,
  messageVoters,
  questionByRef,
  settleQuestion,
  type SettleOutcome,
  moderate,
  questionView,
  sessionQuestions,
  upvote,
  type ModerateOutcome,
  type QuestionView,
  type UpvoteOutcome,
} from "./live.ts";
