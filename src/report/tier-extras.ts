import type { Stat } from '../analysis/describe.js';
import type { TierSummary } from '../analysis/summarize.js';
import { EXTRA_KEYS, sourceOfLeadsKey } from '../model/drivers/extra-keys.js';

/** A tier's extra figure as the summary holds it. */
export type TierExtraStat = TierSummary['extras'][string];

/** One lead grade/channel of a tier: its leads and deals in the year. */
export interface LeadSourceStats {
  /** The grade/channel as the scenario names it ("A", "B/paid"). */
  readonly source: string;
  readonly leads: Stat;
  readonly deals: Stat;
}

/** The keys of the year's capacity figures, in the order the report shows them. */
export const CAPACITY_KEYS = [EXTRA_KEYS.capacityDeals, EXTRA_KEYS.overCapacity, EXTRA_KEYS.repSourced, EXTRA_KEYS.headcount] as const;

/** The key of the ramped-rep equivalents in fiscal month m (1-12). */
export const rampedKey = EXTRA_KEYS.ramped;

/**
 * A tier's lead grades/channels (extras `leads.<source>` with their `deals.<source>`), in the
 * scenario's order; empty for a tier with one lead stream or none.
 *
 * @example leadSources(summary.byTier.SMB).map((s) => s.source) // => ['A', 'B']
 * Complexity: O(extras).
 */
export function leadSources(tier: TierSummary): LeadSourceStats[] {
  return Object.keys(tier.extras).flatMap((key) => {
    const source = sourceOfLeadsKey(key);
    if (source === undefined) return [];
    const dealsKey = EXTRA_KEYS.sourceDeals(source);
    const deals = Object.hasOwn(tier.extras, dealsKey) ? tier.extras[dealsKey] : undefined;
    return deals ? [{ source, leads: tier.extras[key]!.stat, deals: deals.stat }] : [];
  });
}

/**
 * A tier's ramped-rep equivalents in each of the 12 fiscal months (each rep weighted by the share
 * of full productivity its ramp has reached), or undefined for a tier without reps.
 *
 * Complexity: O(12).
 */
export function rampedReps(tier: TierSummary): Stat[] | undefined {
  const months = Array.from({ length: 12 }, (_, i) => tier.extras[rampedKey(i + 1)]?.stat);
  return months.every((s) => s !== undefined) ? (months as Stat[]) : undefined;
}

/**
 * The extras not shown by grade/channel or by month: pipeline, earlier leads, contract value and
 * anything a later model adds, with their keys, in the summary's order.
 */
export function otherExtras(tier: TierSummary): Array<[string, TierExtraStat]> {
  const shown = new Set<string>([...CAPACITY_KEYS, ...Array.from({ length: 12 }, (_, i) => rampedKey(i + 1))]);
  for (const s of leadSources(tier)) shown.add(EXTRA_KEYS.sourceLeads(s.source)).add(EXTRA_KEYS.sourceDeals(s.source));
  return Object.entries(tier.extras).filter(([key]) => !shown.has(key));
}
