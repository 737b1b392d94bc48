/** Announcements: /thongbao for cadres, topic follows and the mute for members, the monthly job fair. See api.ts. */
import { z } from "zod";
import type { Feature } from "../../bot/core/context.ts";
import { announceForm } from "./compose.ts";
import { batthongbao, botheodoi, followActions, tatthongbao, theodoi } from "./follow.ts";
import { JOB_FAIR_CRON, jobFairTick } from "./jobfair.ts";
import { announcementPersonHooks } from "./person.ts";
import { ketquathongbao } from "./results.ts";
import { JOB_REPORT, JOB_SEND, reportAnnouncement, sendAnnouncement } from "./service.ts";

const sendPayload = z.object({ id: z.number().int().positive() });
const reportPayload = z.object({ id: z.number().int().positive(), n: z.number().int().min(0).default(0) });

export const announcements: Feature = {
  name: "announcements",
  person: announcementPersonHooks,
  commands: {
    thongbao: { scope: "own-subtree", roles: ["cadre", "admin"], run: (ctx) => announceForm.command(ctx) },
    ketquathongbao: { scope: "any", roles: ["cadre", "admin"], run: ketquathongbao },
    theodoi: { scope: "any", run: theodoi },
    botheodoi: { scope: "any", run: botheodoi },
    tatthongbao: { scope: "any", run: tatthongbao },
    batthongbao: { scope: "any", run: batthongbao },
  },
  actions: { ...announceForm.actions, ...followActions },
  flows: { [announceForm.flow]: announceForm.onText },
  jobs: {
    async [JOB_SEND](s, payload) {
      const p = sendPayload.safeParse(payload);
      if (p.success) await sendAnnouncement(s, p.data.id);
    },
    async [JOB_REPORT](s, payload) {
      const p = reportPayload.safeParse(payload);
      if (p.success) await reportAnnouncement(s, p.data.id, p.data.n);
    },
  },
  ticks: [{ name: "jobfair", cron: JOB_FAIR_CRON, run: jobFairTick }],
};
