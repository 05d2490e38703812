import type { Reforecast } from '../actuals/reforecast.js';
import type { MonthlyMeasure } from '../actuals/monthly-record.js';
import type { PlausibilityWarning } from './plausibility.js';

/** The new-business measures of an actuals file, in the order a warning names the first given. */
const NEW_BUSINESS: readonly MonthlyMeasure[] = ['new_arr', 'deals', 'leads'];

/**
 * Warnings (code `actuals-new-business-unplanned`) about a re-forecast's tier that the scenario gives
 * no new business (no leads, pipeline or reps: no `newBusiness`) but whose closed months sign some
 * (new_arr, deals or leads above 0): the closed months keep them (their ARR is in ending_arr, their
 * bookings counted), but the simulated months sign nothing, and nothing is learned from them. Before
 * December 2026 that went without a word: a tier signing 100,000 a month in the closed months was
 * re-forecast with no new business for the rest of the year. One warning per tier, at the first
 * such month's cell, with the closed months' totals.
 *
 * @example unplannedNewBusinessWarnings(sim.reforecast) // => [] for scenarios/example-actuals.csv
 * Complexity: O(tiers x closed months).
 */
export function unplannedNewBusinessWarnings(reforecast: Reforecast | undefined): PlausibilityWarning[] {
  if (!reforecast) return [];
  const { file, months } = reforecast.input;
  const out: PlausibilityWarning[] = [];
  for (const tier of reforecast.plan.tiers) {
    if (tier.newBusiness) continue;
    const rows = (file.byTier.get(tier.name) ?? []).slice(0, months);
    const signed = rows.filter((r) => NEW_BUSINESS.some((m) => (r.values[m] ?? 0) > 0));
    const first = signed[0];
    if (!first) continue;
    const at = NEW_BUSINESS.find((m) => (first.values[m] ?? 0) > 0)!;
    const total = (m: MonthlyMeasure) => rows.reduce((a, r) => a + (r.values[m] ?? 0), 0);
    const given = NEW_BUSINESS.filter((m) => file.measures.includes(m)).map((m) => `${m} ${Math.round(total(m)).toLocaleString('en-US')}`);
    const column = first.columns?.[at];
    out.push({
      code: 'actuals-new-business-unplanned',
      message: `${tier.name} month ${first.label}: ${at} ${(first.values[at] ?? 0).toLocaleString('en-US')}, but the scenario gives ${tier.name} no new business (no leads, pipeline or reps): the closed months' ${given.join(', ')} (${signed.length} of ${rows.length} months) stay in the re-forecast, and the simulated months sign none. Add the tier's newBusiness to the scenario to forecast them`,
      path: [at],
      file: file.path,
      line: first.line,
      ...(column === undefined ? {} : { column }),
    });
  }
  return out;
}
