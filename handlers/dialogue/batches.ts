/**
 * Anonymous questions reach the cadre in batches (ANON_BATCH_MINUTES): each is dated at the
 * end of its batch when asked (its `createdAt`, due time and "ask" event), held until then,
 * and released with the others of its batch in random order, so neither the time of a
 * notice nor its place among the others tells when, or right after whom, it was asked.
 */
import type { Services } from "../../bot/core/context.ts";
import { shuffled } from "./anon.ts";
import { scheduleDeadline } from "./deadlines.ts";
import { notifyHolder } from "./notify.ts";

/** When each instance's services last looked (the occurrences a scheduler pass catches up share one look). */
const lastLook = new WeakMap<Services, number>();

/** Release every held question whose batch has ended: deadlines planned, holders told. Safe to re-run. */
export async function releaseBatches(s: Services): Promise<number> {
  // the query is cumulative: the occurrences of one scheduler pass (a catch-up) need one look
  const now = s.clock.now().getTime();
  const last = lastLook.get(s);
  if (last !== undefined && Math.abs(now - last) < 1000) return 0;
  lastLook.set(s, now);
  let released = 0;
  for (;;) {
    const due = await s.prisma.question.findMany({ where: { held: true, createdAt: { lte: s.clock.now() } }, orderBy: { createdAt: "asc" }, take: 200 });
    if (!due.length) return released;
    for (const q of shuffled(due)) {
      const r = await s.prisma.question.updateMany({ where: { id: q.id, held: true }, data: { held: false } });
      if (r.count !== 1) continue;
      released++;
      const open = { ...q, held: false };
      if (q.status !== "open") continue;
      // a session question's deadline starts when its session closes (handlers/sessions settles it)
      if (q.sessionId === null) await scheduleDeadline(s, open, q.createdAt);
      // a question waiting for a live session's moderator reaches the cadre once approved
      if (q.moderation === "approved") await notifyHolder(s, open, { kind: "new" }, `dlg:new:${q.id}`);
    }
  }
}

export const anonBatchTick = {
  name: "anonymous-batches",
  cron: "* * * * *",
  run: async (s: Services) => void (await releaseBatches(s)),
};
