/**
 * The leaders' dashboard: `/bangdieukhien [mã đơn vị]` gives a cadre (or an admin) a one-time
 * link to the dashboard of their unit's subtree; `npm run cli -- dashboard:link --unit <code>`
 * gives an operator one. It lives in the composition root: it reads every feature's reports
 * and keeps its sessions in the web chat's session table (no feature's own).
 */
import type { Feature, Services, UnitView } from "../../core/context.ts";
import { unitByCode } from "../../domain/org.ts";
import { dashboardText as T } from "../../../prompts/vi/dashboard.ts";
import { dashboardBase, DASHBOARD_ROLES, issueLink, LINK_MINUTES, SESSION_HOURS } from "./access.ts";
import { mountDashboard } from "./http.ts";

const CODE = /^[A-Za-z0-9._-]{1,40}$/;

/** A one-time link to a unit's dashboard, with the words that go with it; null when no web page is served. */
export async function dashboardLink(s: Pick<Services, "prisma" | "clock" | "config">, unit: UnitView, who: { personId: number | null; name: string }): Promise<string | null> {
  const base = dashboardBase(s.config);
  if (!base) return null;
  const { token } = await issueLink(s, unit, who);
  return T.link(`${base}/dashboard/open/${token}`, unit.name, LINK_MINUTES, SESSION_HOURS);
}

export const dashboard: Feature = {
  name: "dashboard",
  commands: {
    bangdieukhien: {
      roles: [...DASHBOARD_ROLES],
      scope: "own-subtree",
      async run(ctx) {
        const mine = ctx.withRole(...DASHBOARD_ROLES).map((m) => m.unit).sort((a, b) => a.depth - b.depth);
        const top = mine[0];
        if (!top) return ctx.reply(T.noUnit);
        const code = ctx.args.trim();
        let unit: UnitView = top;
        if (code) {
          if (!CODE.test(code)) return ctx.reply(T.usage);
          const found = (await unitByCode(ctx.s.prisma, code)) ?? (await unitByCode(ctx.s.prisma, code.toUpperCase()));
          if (!found || !mine.some((m) => found.path.startsWith(m.path))) return ctx.reply(T.notYourUnit(code));
          unit = found;
        }
        const text = await dashboardLink(ctx.s, unit, { personId: ctx.person!.id, name: ctx.person!.displayName });
        if (!text) return ctx.reply(T.unavailable);
        await ctx.audit("dashboard.link", "unit", unit.id);
        ctx.reply(text);
      },
    },
  },
  web: mountDashboard,
};
