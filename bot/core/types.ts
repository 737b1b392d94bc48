/** Channel-neutral contract between the adapters and the core. */

import type { ChannelName } from "./channel.ts";
export type { ChannelName, ChannelTraits } from "./channel.ts";

/** An inbound event from any channel, after the adapter parsed it. */
export interface Incoming {
  channel: ChannelName;
  /** Chat to answer in (private chat id on every channel we support). */
  chatId: string;
  /** Platform user id (opaque string). */
  userId: string;
  displayName: string;
  /** Text typed by the user (absent for a button press). */
  text?: string;
  /** A pressed button: the choice set id and item index it refers to (as sent by the client; not trusted). */
  choice?: { setId: number; index: number };
  /** A pressed static button of a broadcast (bot/core/buttons.ts): its data as sent by the client; not trusted. */
  button?: string;
  /** Photo (URL or platform file id) sent with a caption, when the channel supports it. */
  photo?: string;
  /** A document (Telegram file id, its name, size and type), sent with a caption. */
  document?: { id: string; name?: string; size?: number; mime?: string };
  /** The platform could not give us the content (Zalo protected users, stickers…). */
  unsupported?: boolean;
  /** Platform id of the callback query to acknowledge (Telegram). */
  callbackId?: string;
  /** Platform time of the event. */
  date?: Date;
}

/** One option offered to the user: a button, or a numbered line on channels without buttons. */
export interface Choice {
  label: string;
  /** Action name understood by the router (e.g. "onb.unit"). */
  action: string;
  /** Arguments of the action, kept server-side (never sent to the platform). */
  args?: Record<string, string | number | boolean | null>;
}

/** A message the core wants delivered. */
export interface Outgoing {
  text: string;
  choices?: Choice[];
  /** A file sent with the text (bot/core/downloads.ts): Telegram gets the document, Zalo and the web a link. */
  file?: FileRef;
  /** A photo or document a user sent (bot/core/attachments.ts): forwarded by file id, by URL, or as a link. */
  attachment?: AttachmentRef;
  /**
   * Keep no trace once delivered: the row holds the address sealed and drops it with the text
   * when done (the farewell after `/xoadulieu` must not leave the chat id behind).
   */
  forget?: boolean;
}

/** A stored download: the token of its link and the file name shown. */
export interface FileRef {
  token: string;
  name: string;
}

/** A saved user file (bot/core/attachments.ts): the token of its link, and how its origin names it. */
export interface AttachmentRef {
  token: string;
  kind: "photo" | "document";
  /** The channel it came from. */
  origin: ChannelName;
  /** The platform's file id (Telegram) or a URL (Zalo). */
  ref: string;
  name?: string;
}

/** Rendered payload stored in the outbox, ready for the channel sender. */
export interface OutboxPayload {
  text: string;
  /** Button rows: label + opaque callback data (at most 64 bytes). */
  buttons?: { label: string; data: string }[];
  file?: FileRef;
  attachment?: AttachmentRef;
}
