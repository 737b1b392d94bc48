/**
 * The sessions feature's published interface. Other features do not need it; the
 * composition root (bot/app/features.ts) gives `sessionsPort` to the dialogue feature, so
 * that a question asked while a session of the asker's scope is open joins it.
 *
 * Tables: sessions owns DialogueSession and Commitment. It writes nothing else: moderation
 * and upvotes of a session's questions go through handlers/dialogue/api.ts.
 */
export { sessionsPort } from "./service.ts";
