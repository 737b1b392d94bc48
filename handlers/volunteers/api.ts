/**
 * The volunteers feature's published interface: the only file of handlers/volunteers/ another
 * feature imports (test/unit/architecture.test.ts checks it).
 *
 * Tables: volunteers owns Campaign (a campaign of its own, or a shift of an umbrella
 * campaign's activity), Signup, VolunteerProgram and VolunteerActivity; nobody else writes them.
 *
 * ## Checking in with a shift's code (`/comat <mã>`, run by the meetings feature)
 *
 *   import { checkInShift } from "../volunteers/api.ts";
 *   const reply = await checkInShift(s, { code: "482913", personId });  // string | null
 *
 * Null when the code is no campaign's or shift's (the caller answers); otherwise the
 * Vietnamese answer to send: checked in (attendance recorded, the indicators fed), already,
 * too early, over, or no place in that shift.
 */
import type { Services } from "../../bot/core/context.ts";
import { formatDateTime } from "../../bot/core/time.ts";
import { campaignsText as C } from "../../prompts/vi/volunteers.ts";
import { checkInWithCode } from "./programs.ts";

export async function checkInShift(s: Pick<Services, "prisma" | "clock">, input: { code: string; personId: number }): Promise<string | null> {
  const r = await checkInWithCode(s, input.code, input.personId);
  switch (r.kind) {
    case "unknown":
      return null;
    case "notSigned":
      return C.shiftNotSigned(r.campaign.id);
    case "early":
      return C.shiftTooEarly(r.campaign.id, formatDateTime(r.campaign.startsAt));
    case "closed":
      return C.shiftClosed(r.campaign.id);
    case "again":
      return C.shiftAgain(r.campaign.id);
    case "ok":
      return C.shiftCheckedIn(r.campaign.id, r.campaign.title, r.present);
  }
}
