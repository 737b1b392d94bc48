/**
 * The indicators feature's public interface (other features import only this file).
 *
 * The catalogue of indicators is prompts/indicators.yaml (key, label, unit of measure, kind:
 * `sum` figures add up the tree; a `share` is the % of reporting units whose figure is 1).
 *
 * Feeding figures (idempotent per source — a repeat changes nothing, a correction replaces):
 *
 *   await recordIndicators(prisma, {
 *     source: "campaign:12",           // unique per origin, ≤ 200 chars; e.g. "guides:report:<unitId>:<YYYY-MM>"
 *     unitId: activity.unitId,          // the unit the figures belong to (any level)
 *     period: "2026-07",                // "YYYY-MM", or "YYYY" for a figure of the whole year
 *     values: { trees_planted: 120, volunteer_turns: 45 },  // whole numbers ≥ 0; shares 0 or 1
 *   });                                 // the source's indicators not named here are removed
 *   await recordIndicator(prisma, { source, unitId, period, indicator: "blood_units", value: 30 }); // one figure, others kept
 *   await removeIndicatorSource(prisma, "campaign:12");   // withdraw every figure of a source
 *   await recordIndicatorsBulk(prisma, [input, input, …]); // many sources in set-based chunks
 *
 * An unknown key, a bad period or a negative value throws (a programming error, not user input).
 *
 * Reading actual against target for a subtree (the unit and each direct child):
 *
 *   const p = await indicatorProgress(prisma, { id: unit.id, path: unit.path }, 2026);
 *   p.unit.rows    // one ProgressRow per catalogue indicator: actual, target, assigned, percent
 *   p.children     // the same per direct child unit
 *
 * Counts only: no person is ever stored with a figure.
 */
export { indicatorCatalogue, indicatorDef, type IndicatorDef } from "./catalogue.ts";
export { parsePeriod, recordIndicator, recordIndicators, recordIndicatorsBulk, removeIndicatorSource, setTarget, type RecordInput } from "./store.ts";
export { indicatorProgress, type IndicatorProgress, type ProgressRow, type UnitProgress } from "./progress.ts";
export { indicatorsReport } from "./report.ts";
