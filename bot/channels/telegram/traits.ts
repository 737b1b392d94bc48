import type { ChannelTraits } from "../../core/channel.ts";

/** Telegram: 4,096 characters per message, inline buttons, HTML parse mode. */
export const TELEGRAM_TRAITS: ChannelTraits = { name: "telegram", maxLength: 4096, buttons: true, markup: "html" };
