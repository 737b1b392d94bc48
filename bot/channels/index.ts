import type { ChannelTraits } from "../core/channel.ts";
import { TELEGRAM_TRAITS } from "./telegram/traits.ts";
import { WEB_TRAITS } from "./web/traits.ts";
import { ZALO_TRAITS } from "./zalo/traits.ts";

/** The traits every adapter declares (a message may be rendered for a channel this instance does not run). */
export const ALL_CHANNEL_TRAITS: ChannelTraits[] = [TELEGRAM_TRAITS, ZALO_TRAITS, WEB_TRAITS];
