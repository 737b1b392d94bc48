/**
 * The announcements feature's published interface: the only file of handlers/announcements/
 * another feature imports (test/unit/architecture.test.ts checks it).
 *
 * Tables: announcements owns Announcement, TopicFollow and AnnouncementMute; nobody else
 * writes them.
 *
 * ## Announcing something to the members of a scope
 *
 *   import { announce } from "../announcements/api.ts";
 *   const { recipients } = await announce(s, {
 *     key: `session:${session.id}:open`,   // idempotency: the same key announces once, ever
 *     kind: "session",                     // "announcement" | "session" | "campaign" | "jobfair"
 *     text: "…",                           // the body, Vietnamese, from prompts/vi/<feature>.ts
 *     unitIds: [session.scopeUnitId],      // each unit with its whole subtree
 *     roles: undefined,                    // optional: only members holding one of these roles
 *     topic: "dang_doan",                  // optional: only followers of this topic (/theodoi)
 *     senderId: ctx.person?.id,            // optional: told the sent / blocked / failed counts later
 *     at: undefined,                       // optional: send at this time (a durable job) instead of now
 *     buttons: [{ label: "…", action: "ses.ask", id: session.id, typed: `/hoiphien ${session.id}` }],
 *                                          // optional: static buttons (bot/core/buttons.ts), see below
 *   });
 *
 * Who receives it: every person holding a membership (one of `roles`, or any role) in the
 * subtree of one of `unitIds`, reachable on some channel (the kernel's rule: the preferred
 * channel, else the latest identity; never a blocked one), counted once however many units
 * they belong to. With `topic`, only the members who follow that topic; without, every
 * member. A member who muted announcements (`/tatthongbao`) never receives any, whatever the
 * topic, until they unmute (`/batthongbao`).
 *
 * How it is sent: set-based (bot/core/outbox/bulk.ts), one outbox row per recipient and part
 * in the bulk lane (after members' own replies, within the channel's rate), each keyed
 * `ann:<id>:<person>#<part>`. The member reads a header naming the kind, the first unit and
 * the topic, the body, and how to mute. The outbox's guarantees hold: nothing lost in a
 * crash, each chat in order, at most one extra copy of the one message in flight. A durable
 * job is ensured before anything is queued, so a crash in the middle is finished by the
 * scheduler; running `announce` again with the same key queues nothing new.
 *
 * Buttons: the message is one statement for all recipients, so a button is the same for every
 * one of them: `b:<action>:<id>:<mac>` (bot/core/buttons.ts), sealed with the bot's key and
 * stored with the announcement (a scheduled or crash-resumed send carries it too). The
 * action must declare `button` in its ActionSpec and check at press time that the presser may
 * do it now (scope, state): the data proves only that the bot made it. On Telegram and the
 * web chat it is a button under the last part; on Zalo (no buttons) a line under the text
 * tells exactly what to send instead (`typed`, which must start the same thing).
 *
 * Returns `{ id, recipients, scheduled, created }`: `recipients` is the number of members it
 * was queued for (for a scheduled one: how many it would reach now); `created` is false when
 * the key had been announced before (then `recipients` is the stored count). It never throws
 * for an empty audience (0 recipients). Call it after your own transaction has committed.
 *
 * `countAudience(s, scope)` gives the number of recipients without sending (a preview).
 * `deliveryCounts(s, id)` gives where the messages stand (sent, blocked, failed, pending).
 */
export { announce, countAudience, deliveryCounts, KINDS, type AnnounceRequest, type AnnounceResult, type AnnouncementKind, type DeliveryCounts } from "./service.ts";
export type { AudienceScope } from "./audience.ts";
