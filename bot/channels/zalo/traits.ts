import type { ChannelTraits } from "../../core/channel.ts";

/** Zalo Bot API: 2,000 characters per message, no buttons (numbered lists), plain text. */
export const ZALO_TRAITS: ChannelTraits = { name: "zalo", maxLength: 2000, buttons: false, markup: "none" };
