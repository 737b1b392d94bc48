/** Volunteer campaigns: the feature's commands, buttons and jobs (each use case in its own file). */
import { z } from "zod";
import { idAndRest } from "../../bot/core/args.ts";
import type { ActionSpec, Ctx, Feature } from "../../bot/core/context.ts";
import { coreText } from "../../prompts/vi/core.ts";
import { volunteersText as T } from "../../prompts/vi/volunteers.ts";
import { REPORTS } from "../reports.ts";
import { campaignForm } from "./create.ts";
import { runOfferExpiry, runOfferNotice, runRemind } from "./notices.ts";
import { attendance, organiserDetail, organiserList } from "./organiser.ts";
import { volunteerPersonHooks } from "./person.ts";
import { volunteersReport } from "./report.ts";
import { JOB_EXPIRE, JOB_OFFER, JOB_REMIND } from "./service.ts";
import { answerOffer, doCancel, doSignup, listOpen } from "./signup.ts";
import { activityCommand, certificateCommand, programCommand, resultsCommand } from "./campaigns.ts";

REPORTS.volunteers = volunteersReport;

/** Arguments of every campaign button (kept server-side, checked anyway: a bad one is an expired choice). */
const campaignArgs = z.object({ campaignId: z.number().int().positive() });

const certArgs = z.object({ key: z.string().regex(/^[pc]\d{1,9}$/) });

function onCampaign(run: (ctx: Ctx, campaignId: number) => Promise<void>): ActionSpec {
  return {
    async run(ctx, args) {
      const a = campaignArgs.safeParse(args);
      if (!a.success) return ctx.reply(coreText.choiceExpired);
      await run(ctx, a.data.campaignId);
    },
  };
}

export const volunteers: Feature = {
  name: "volunteers",
  person: volunteerPersonHooks,
  commands: {
    tinhnguyen: { scope: "own-unit", run: listOpen },
    dangky: {
      scope: "own-unit",
      async run(ctx) {
        const { id } = idAndRest(ctx.args);
        if (id === null) return ctx.reply(T.signupUsage);
        await doSignup(ctx, id);
      },
    },
    huydangky: {
      scope: "any",
      async run(ctx) {
        const { id } = idAndRest(ctx.args);
        if (id === null) return ctx.reply(T.cancelUsage);
        await doCancel(ctx, id);
      },
    },
    taochiendich: { scope: "own-subtree", roles: ["cadre", "admin"], run: (ctx) => campaignForm.command(ctx) },
    chiendich: {
      scope: "own-subtree",
      roles: ["cadre", "admin"],
      async run(ctx) {
        if (!ctx.args.trim()) return organiserList(ctx);
        const { id } = idAndRest(ctx.args);
        if (id === null) return ctx.reply(T.orgFooter);
        await organiserDetail(ctx, id);
      },
    },
    chiendichlon: { scope: "own-subtree", roles: ["cadre", "admin"], run: programCommand },
    hoatdong: { scope: "own-subtree", roles: ["cadre", "admin"], run: activityCommand },
    ketqua: { scope: "own-subtree", roles: ["cadre", "admin"], run: resultsCommand },
    chungnhan: { scope: "any", run: (ctx) => certificateCommand(ctx) },
    diemdanh: {
      scope: "own-subtree",
      roles: ["cadre", "admin"],
      async run(ctx) {
        const { id, rest } = idAndRest(ctx.args);
        if (id === null) return ctx.reply(T.attendUsageGeneric);
        await attendance(ctx, id, rest);
      },
    },
  },
  actions: {
    "vol.signup": onCampaign(doSignup),
    "vol.accept": onCampaign((ctx, id) => answerOffer(ctx, id, true)),
    "vol.decline": onCampaign((ctx, id) => answerOffer(ctx, id, false)),
    "vol.cert": {
      async run(ctx, args) {
        const a = certArgs.safeParse(args);
        if (!a.success) return ctx.reply(coreText.choiceExpired);
        await certificateCommand(ctx, a.data.key);
      },
    },
    ...campaignForm.actions,
  },
  flows: { [campaignForm.flow]: campaignForm.onText },
  jobs: {
    [JOB_REMIND]: runRemind,
    [JOB_OFFER]: runOfferNotice,
    [JOB_EXPIRE]: runOfferExpiry,
  },
};
