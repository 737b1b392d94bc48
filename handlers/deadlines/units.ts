import type { Ctx, UnitView } from "../../bot/core/context.ts";

/** Units from which the person gives tasks (cadre or admin), once each. */
export function giverUnits(ctx: Ctx): UnitView[] {
  const seen = new Map<number, UnitView>();
  for (const m of ctx.withRole("cadre", "admin")) seen.set(m.unit.id, m.unit);
  return [...seen.values()];
}

/** Units whose tasks this person answers for (exact units where they are secretary or cadre). */
export function assigneeUnitIds(ctx: Ctx): number[] {
  return [...new Set(ctx.withRole("secretary", "cadre").map((m) => m.unitId))];
}
