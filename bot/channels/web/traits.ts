import type { ChannelTraits } from "../../core/channel.ts";

/** The web chat: buttons, plain text rendered safely by the page. */
export const WEB_TRAITS: ChannelTraits = { name: "web", maxLength: 4000, buttons: true, markup: "none" };
