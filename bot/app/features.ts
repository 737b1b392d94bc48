import type { Feature } from "../core/context.ts";
import { commandList, roleMenus, type Menus } from "../core/commands.ts";
import { onboarding } from "../../handlers/onboarding/index.ts";
import { link } from "../../handlers/onboarding/link.ts";
import { privacy } from "../../handlers/privacy/index.ts";
import { createDialogue } from "../../handlers/dialogue/index.ts";
import { sessions } from "../../handlers/sessions/index.ts";
import { sessionsPort } from "../../handlers/sessions/api.ts";
import { guides } from "../../handlers/guides/index.ts";
import { deadlines } from "../../handlers/deadlines/index.ts";
import { volunteers } from "../../handlers/volunteers/index.ts";
import { indicators } from "../../handlers/indicators/index.ts";
import { meetings } from "../../handlers/meetings/index.ts";
import { announcements } from "../../handlers/announcements/index.ts";
import { webTranscriptFeature } from "../channels/web/transcript.ts";
import { dashboard } from "./dashboard/index.ts";

/** Every feature, mounted in one place. Order matters only for plain-text fallbacks. */
export function allFeatures(): Feature[] {
  // dialogue is given the sessions port: a question asked during an open session joins it
  return [onboarding, link, privacy, createDialogue({ sessions: sessionsPort }), sessions, guides, deadlines, indicators, volunteers, meetings, announcements, dashboard, webTranscriptFeature];
}

/**
 * Telegram command menus per role, generated from the registered commands and the catalogue
 * (prompts/vi/commands.ts: `menu: true` marks the commands shown, with their description).
 */
export const MENUS: Menus = roleMenus(commandList(allFeatures()));
