import type { Feature, Role } from "../core/context.ts";
import { onboarding } from "../../handlers/onboarding/index.ts";
import { link } from "../../handlers/onboarding/link.ts";
import { dialogue } from "../../handlers/dialogue/index.ts";
import { sessions } from "../../handlers/sessions/index.ts";
import { guides } from "../../handlers/guides/index.ts";
import { deadlines } from "../../handlers/deadlines/index.ts";
import { volunteers } from "../../handlers/volunteers/index.ts";

/** Every feature, mounted in one place. Order matters only for plain-text fallbacks. */
export function allFeatures(): Feature[] {
  return [onboarding, link, dialogue, sessions, guides, deadlines, volunteers];
}

/** Telegram command menus per role (the descriptions live in prompts/vi/core.ts). */
export const MENUS: Record<Role | "guest", string[]> = {
  guest: ["start", "faq", "trogiup"],
  youth: ["hoi", "hoian", "cauhoi", "faq", "phien", "tinhnguyen", "trogiup", "huy"],
  secretary: ["huongdan", "dasinhhoat", "nhacviec", "hoanthanh"],
  cadre: ["hangdoi", "traloi", "chuyen", "nhacviec", "huongdan", "ghichu", "sinhhoat", "giaoviec", "taochiendich", "chiendich", "diemdanh"],
  admin: ["moi", "phienmoi", "dinhtuyen"],
};
