/**
 * The sessions feature's published interface. Other features do not need it; the
 * composition root (bot/app/features.ts) gives `sessionsPort` to the dialogue feature: while
 * sessions of the asker's scope take questions, `/hoi` offers them (and "a normal question"),
 * and only a question sent FOR a session joins it (routed to the session's unit, due after its
 * closing, waiting for a moderator, who is told at once or, anonymous, at the end of its batch).
 *
 * Tables: sessions owns DialogueSession and Commitment. It writes nothing else: moderation,
 * upvotes, settling a session's questions at closing and messages to askers and voters go
 * through handlers/dialogue/api.ts; the announcement through handlers/announcements/api.ts.
 */
export { sessionsPort } from "./service.ts";
