/** What the composition root uses of onboarding: signing in to the web chat with a code. */
import type { Role, Services } from "../../bot/core/context.ts";
import { onboardingText as T } from "../../prompts/vi/onboarding.ts";
import { webText } from "../../prompts/vi/web.ts";
import { issueWebCode, signInWithCode } from "./service.ts";

export { issueWebCode };

/**
 * The web chat's sign-in outside the demo: a `/web` code of another channel (that person), or
 * an invite code (a new person joining the invite's unit, welcomed in the chat); anything else
 * is refused with the reason.
 */
export function webSignIn(s: Services) {
  return async (code: string, name: string) => {
    const joined = async (unitId: number, role: Role) => {
      const unit = await s.prisma.unit.findUniqueOrThrow({ where: { id: unitId } });
      return T.joined(unit.name, T.roleLabel[role] ?? role) + "\n\n" + T.consent;
    };
    const r = await signInWithCode(s, code, name, joined);
    if (!r.ok) return { ok: false as const, message: r.reason === "unknown" ? webText.badCode : T.badInvite[r.reason] };
    if (r.welcome) await s.outbox.toPerson(r.personId, { text: r.welcome });
    return { ok: true as const, userKey: r.userKey, name: r.name, personId: r.personId };
  };
}
