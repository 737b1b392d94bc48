import type { Db } from "../../prisma/db.ts";
import { importUnits, type OrgFile } from "../domain/org.ts";
import { importRouting } from "../../handlers/dialogue/routing.ts";
import { importInvites } from "../../handlers/onboarding/invites.ts";

export interface ImportResult {
  units: number;
  routing: number;
  invites: number;
}

/**
 * `org:import`: the units go to the organisation kernel, the routing rules to the dialogue
 * feature, the invites to onboarding — each writes its own tables. Idempotent; a file that
 * would move existing units is refused unless `move` is asked, one with a cycle always.
 */
export async function importOrg(
  prisma: Db,
  org: OrgFile,
  progress?: (done: number, total: number) => void,
  opts: { move?: boolean } = {},
): Promise<ImportResult> {
  const units = await importUnits(prisma, org.units, progress, opts);
  const routing = await importRouting(prisma, org.routing);
  const invites = await importInvites(prisma, org.invites);
  return { units, routing, invites };
}
