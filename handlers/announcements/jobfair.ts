/** The monthly job fair (sàn giao dịch việc làm, the 12th of each month): announced to followers of the jobs topic. */
import type { Services } from "../../bot/core/context.ts";
import { formatDate, vnDate, vnParts } from "../../bot/core/time.ts";
import { announcementsText as T } from "../../prompts/vi/announcements.ts";
import { announce } from "./service.ts";

/** The topic of jobs (prompts/vi/dialogue.ts default topics; /work reference topics.md). */
export const JOBS_TOPIC = "viec_lam";
/** The fair's day of the month. */
export const JOB_FAIR_DAY = 12;
/** When it is announced: 08:00 on the 10th, two days before (Vietnam time). */
export const JOB_FAIR_CRON = "0 8 10 * *";

/** Announce this month's fair to the followers of the jobs topic in every organisation (root unit). Idempotent per month. */
export async function jobFairTick(s: Services, now: Date): Promise<void> {
  const p = vnParts(now);
  // a tick caught up after downtime is announced only while it is still news (never a fair already held)
  if (p.day >= JOB_FAIR_DAY || s.clock.now().getTime() - now.getTime() > 36 * 3_600_000) return;
  const day = vnDate(p.year, p.month, JOB_FAIR_DAY);
  const roots = await s.prisma.unit.findMany({ where: { parentId: null }, select: { id: true } });
  if (!roots.length) return;
  const month = `${p.year}-${String(p.month).padStart(2, "0")}`;
  await announce(s, { key: `jobfair:${month}`, kind: "jobfair", text: T.jobFair(formatDate(day)), unitIds: roots.map((r) => r.id), topic: JOBS_TOPIC });
}
