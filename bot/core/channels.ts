import type { ChannelName, ChannelTraits } from "./types.ts";

export const CHANNEL_TRAITS: Record<ChannelName, ChannelTraits> = {
  telegram: { name: "telegram", maxLength: 4096, buttons: true, markup: "html" },
  zalo: { name: "zalo", maxLength: 2000, buttons: false, markup: "none" },
  web: { name: "web", maxLength: 4000, buttons: true, markup: "none" },
};

/** Longest text a user may send in one message (anything longer is refused politely). */
export const MAX_INPUT_LENGTH = 4096;
