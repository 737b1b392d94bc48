import type { Ctx, UnitView } from "../../bot/core/context.ts";
import { isInSubtree } from "../../bot/domain/org.ts";
import type { CampaignRow } from "./service.ts";

/** Units the person belongs to (any role), once each. */
export function myUnits(ctx: Ctx): UnitView[] {
  const seen = new Map<number, UnitView>();
  for (const m of ctx.memberships) seen.set(m.unit.id, m.unit);
  return [...seen.values()];
}

/** Units where the person may organise campaigns (cadre or admin). */
export function organiserUnits(ctx: Ctx): UnitView[] {
  const seen = new Map<number, UnitView>();
  for (const m of ctx.withRole("cadre", "admin")) seen.set(m.unit.id, m.unit);
  return [...seen.values()];
}

/** Its creator, or a cadre/admin of the scope unit or above, manages a campaign. */
export function canManage(ctx: Ctx, c: Pick<CampaignRow, "createdById">, scope: Pick<UnitView, "path"> | null): boolean {
  if (c.createdById === ctx.person!.id) return true;
  return !!scope && organiserUnits(ctx).some((u) => isInSubtree(scope.path, u.path));
}
