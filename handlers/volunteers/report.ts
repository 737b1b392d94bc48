import type { UnitView } from "../../bot/core/context.ts";
import { formatDateTime, parseMonthKey, vnDate } from "../../bot/core/time.ts";
import type { Db } from "../../prisma/db.ts";
import { isInSubtree, pathIds } from "../../bot/domain/org.ts";
import { toCsv, type ReportFn } from "../reports.ts";

export interface ParticipantRow {
  campaign_id: number;
  campaign: string;
  starts_at: string;
  person: string;
  branch_code: string;
  branch: string;
  /** confirmed | offered | waitlist */
  status: string;
  /** yes | no | "" (not marked) */
  attended: string;
}

export interface CampaignTotals {
  id: number;
  title: string;
  starts_at: string;
  capacity: number;
  confirmed: number;
  waitlist: number;
  /** Person-times (lượt) actually taken part, from the attendance. */
  person_times: number;
}

/**
 * Campaigns starting in the month (Vietnam time) that concern the unit — run inside its
 * subtree, or run above it — with their participants from the unit's subtree.
 */
export async function buildVolunteersReport(prisma: Db, unit: UnitView, month: string): Promise<{ campaigns: CampaignTotals[]; rows: ParticipantRow[] }> {
  const m = parseMonthKey(month);
  if (!m) throw new Error(`bad month ${month}`);
  const from = vnDate(m.year, m.month, 1);
  const to = vnDate(m.month === 12 ? m.year + 1 : m.year, m.month === 12 ? 1 : m.month + 1, 1);
  const subtree = await prisma.unit.findMany({ where: { path: { startsWith: unit.path } }, select: { id: true } });
  const scopeIds = [...new Set([...subtree.map((u) => u.id), ...pathIds(unit.path)])];
  const campaigns = await prisma.campaign.findMany({
    where: { startsAt: { gte: from, lt: to }, scopeUnitId: { in: scopeIds } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  if (!campaigns.length) return { campaigns: [], rows: [] };
  const signups = await prisma.signup.findMany({
    where: { campaignId: { in: campaigns.map((c) => c.id) }, status: { in: ["confirmed", "offered", "waitlist"] } },
    orderBy: [{ campaignId: "asc" }, { id: "asc" }],
  });
  const [people, units] = await Promise.all([
    prisma.person.findMany({ where: { id: { in: [...new Set(signups.map((s) => s.personId))] } }, select: { id: true, displayName: true } }),
    prisma.unit.findMany({ where: { id: { in: [...new Set(signups.map((s) => s.branchUnitId))] } }, select: { id: true, code: true, name: true, path: true } }),
  ]);
  const personName = new Map(people.map((p) => [p.id, p.displayName]));
  const unitOf = new Map(units.map((u) => [u.id, u]));
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  const rows: ParticipantRow[] = [];
  const totals = new Map<number, CampaignTotals>(
    campaigns.map((c) => [c.id, { id: c.id, title: c.title, starts_at: formatDateTime(c.startsAt), capacity: c.capacity, confirmed: 0, waitlist: 0, person_times: 0 }]),
  );
  for (const s of signups) {
    const c = byId.get(s.campaignId)!;
    const branch = unitOf.get(s.branchUnitId);
    // a campaign run above the unit: only its own people
    if (!branch || !isInSubtree(branch.path, unit.path)) continue;
    const t = totals.get(c.id)!;
    if (s.status === "confirmed") t.confirmed++;
    if (s.status === "waitlist") t.waitlist++;
    if (s.status === "confirmed" && s.attended === true) t.person_times++;
    rows.push({
      campaign_id: c.id,
      campaign: c.title,
      starts_at: formatDateTime(c.startsAt),
      person: personName.get(s.personId) ?? "",
      branch_code: branch.code,
      branch: branch.name,
      status: s.status,
      attended: s.attended === true ? "yes" : s.attended === false ? "no" : "",
    });
  }
  return { campaigns: [...totals.values()], rows };
}

export const volunteersReport: ReportFn = async ({ prisma }, unit, month, format) => {
  const r = await buildVolunteersReport(prisma, unit, month);
  if (format === "json") {
    const personTimes = r.campaigns.reduce((n, c) => n + c.person_times, 0);
    return JSON.stringify({ unit: { code: unit.code, name: unit.name }, month, person_times: personTimes, ...r }, null, 2) + "\n";
  }
  return toCsv(r.rows as unknown as Record<string, string | number>[], ["campaign_id", "campaign", "starts_at", "person", "branch_code", "branch", "status", "attended"]);
};
