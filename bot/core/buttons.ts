/**
 * Static buttons: a button that is the same for every recipient of a broadcast (an
 * announcement queued set-based, bot/core/outbox/bulk.ts), where the per-person choice sets of
 * the outbox (`c:<set>:<index>`, owned by one user) cannot be made.
 *
 * Its callback data names an action and one id, sealed with a MAC of the bot's key:
 * `b:<action>:<id>:<mac>` (at most 64 bytes, Telegram's limit). The data is the same for
 * everyone, so it proves only that the bot made it: the action checks again at press time
 * whether THIS person may do it now (scope, state), and answers clearly when not. Data that
 * does not verify is refused (coreText.buttonInvalid) and runs nothing. An action offered
 * this way declares `button` in its ActionSpec (the arguments it gets from the id).
 *
 * Channels without buttons (Zalo) get instead a line under the text telling exactly what to
 * send (`typed`, e.g. "/hoiphien 12"), which must start the same thing the button does.
 */
import { timingSafeEqual } from "node:crypto";
import type { Secrets } from "./secrets.ts";
import { coreText } from "../../prompts/vi/core.ts";

/** What a caller asks for: the label, the action and its id, and the command that does the same by typing. */
export interface StaticButton {
  label: string;
  /** A registered action whose ActionSpec has `button` (e.g. "ses.ask"). */
  action: string;
  /** The one argument it carries (a row id). */
  id: number;
  /** What to send on a channel without buttons to get the same (e.g. "/hoiphien 12"). */
  typed: string;
}

/** Telegram's limit for callback data, in bytes. */
export const MAX_BUTTON_DATA = 64;
const ACTION = /^[a-z][a-z0-9_.]{0,23}$/;
const DATA = /^b:([a-z][a-z0-9_.]{0,23}):(\d{1,10}):([A-Za-z0-9_-]{22})$/;

const macOf = (secrets: Secrets, action: string, id: number) => secrets.mac(`button:${action}:${id}`);

/** The callback data of a static button (throws on a bad action name or id: a programming error). */
export function buttonData(secrets: Secrets, action: string, id: number): string {
  if (!ACTION.test(action) || !Number.isInteger(id) || id < 0 || id > 2_147_483_647) throw new Error(`bad static button ${action}:${id}`);
  const data = `b:${action}:${id}:${macOf(secrets, action, id)}`;
  if (Buffer.byteLength(data) > MAX_BUTTON_DATA) throw new Error(`static button data over ${MAX_BUTTON_DATA} bytes`);
  return data;
}

/** The action and id of pressed data, or null when it is not a static button the bot made (tampered, another key). */
export function parseButtonData(secrets: Secrets, data: string): { action: string; id: number } | null {
  const m = DATA.exec(data);
  if (!m) return null;
  const [action, id] = [m[1]!, Number(m[2])];
  if (id > 2_147_483_647 || !timingSafeEqual(Buffer.from(macOf(secrets, action, id)), Buffer.from(m[3]!))) return null;
  return { action, id };
}

/** Whether data looks like a static button (for the channels: anything else that is not a choice is unsupported). */
export const isButtonData = (data: string): boolean => data.startsWith("b:") && Buffer.byteLength(data) <= MAX_BUTTON_DATA;

/** The lines a channel without buttons shows instead of them. */
export function typedButtons(buttons: readonly Pick<StaticButton, "label" | "typed">[]): string {
  return buttons.map((b) => coreText.typedButton(b.label, b.typed)).join("\n");
}
