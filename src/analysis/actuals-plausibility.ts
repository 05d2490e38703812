import { COMPONENTS, componentIndex } from '../model/components.js';
import type { Reforecast } from '../actuals/reforecast.js';
import { closedMonthDueArr } from '../actuals/start-state.js';
import type { PlausibilityWarning } from './plausibility.js';

const C_UPLIFT = componentIndex('priceUplift');

/**
 * Above this share of the ARR live when a closed month began, what the month's stated flows leave
 * unexplained of its change in ending_arr is warned about. A re-forecast books that rest as price
 * uplift and other (actuals/start-state.ts), and a real month's uplift is a few percent of the ARR
 * renewing in it (under 1% of the book a month); 10% in one month is far more likely a typo (a
 * digit too many) or a flow left out of the file than a price rise.
 */
export const UNEXPLAINED_ARR_SHARE = 0.1;

/**
 * Where a tier's deals go live at signing, nothing but price uplift (and a book's escalator steps,
 * taken out) should be left unexplained, and uplift applies to the ARR renewing: the rest is warned
 * about above this share of the month's ARR due, or 1% of the ARR live if more (UNEXPLAINED_LIVE_FLOOR),
 * and never above UNEXPLAINED_ARR_SHARE. Uplifts are a few percent (the example's 3% to 8%: a year drawn
 * from the example has its rest at most 0.22 of this bound, example-actuals.csv 0.19, and none of 500
 * years drawn from the five example scenarios is warned: bench/actuals-warnings-scan.mjs). With only the 10% rule, an
 * opening book 8% off the scenario's (Mid-market 39.1M live for 36M planned) went in without a word:
 * month 1 booked the 3.1M difference as price uplift, bookings and NRR with it. With a service-start
 * lag, deals signed before the year go live in the closed months and are part of the rest, as is all
 * new business in a file without new_arr: 10% stays.
 */
export const UNEXPLAINED_DUE_SHARE = 0.25;
export const UNEXPLAINED_LIVE_FLOOR = 0.01;

/**
 * Warnings about a re-forecast's closed months (code `actuals-arr-unexplained`): each tier's month
 * whose ending_arr moves beyond what its flows (new, expansion, contraction, churn) and the customer
 * book's escalator steps explain by more than UNEXPLAINED_ARR_SHARE of the ARR live when it began
 * (where deals go live at signing, by more than UNEXPLAINED_DUE_SHARE of the month's ARR due, or
 * UNEXPLAINED_LIVE_FLOOR of the ARR live if more). The re-forecast still runs (the file is a fact the planner may stand by); the warning
 * names the file, the row and the cell. None for a plan run.
 *
 * @example actualsWarnings(sim.reforecast) // => [] for scenarios/example-actuals.csv
 * Complexity: O(tiers x closed months x components).
 */
export function actualsWarnings(reforecast: Reforecast | undefined): PlausibilityWarning[] {
  if (!reforecast) return [];
  const { file, months } = reforecast.input;
  const out: PlausibilityWarning[] = [];
  for (const tier of reforecast.plan.tiers) {
    const start = tier.start;
    const rows = file.byTier.get(tier.name);
    if (!start || !rows) continue;
    const opening = tier.existing?.openingArr ?? 0;
    let live = opening;
    // New ARR the file states as it goes live: a tier without new business, or whose deals go live
    // at signing in a file with new_arr (without it, new business is part of the rest).
    const atSigning = tier.newBusiness === undefined || (tier.newBusiness.serviceStart.max === 0 && file.measures.includes('new_arr'));
    for (let i = 0; i < months && i < rows.length; i++) {
      const row = rows[i]!;
      const other = start.events[C_UPLIFT * 12 + i]!;
      const stepped = tier.existing?.book?.escalation[i] ?? 0;
      const unexplained = other > 0 ? Math.max(0, other - stepped) : other;
      const due = tier.existing ? closedMonthDueArr(tier.existing, row, i) : 0;
      const limit = atSigning ? Math.min(UNEXPLAINED_ARR_SHARE * live, Math.max(UNEXPLAINED_LIVE_FLOOR * live, UNEXPLAINED_DUE_SHARE * due)) : UNEXPLAINED_ARR_SHARE * live;
      if (live > 0 && Math.abs(unexplained) > limit) {
        const money = (x: number) => Math.round(x).toLocaleString('en-US');
        const column = row.columns?.ending_arr;
        const share = (x: number, of: number) => `${Math.round((100 * Math.abs(x)) / of)}%`;
        const beside = atSigning && due > 0 ? `, ${share(unexplained, due)} of the ${money(due)} due` : '';
        // Month 1's rest is the opening book's difference from the scenario's when the year began on another book.
        const openingNote = i === 0 && opening > 0 ? `; an opening book of ${money(opening + unexplained)}, not the scenario's openingArr ${money(opening)}, would explain it (set openingArr to the book the year began with)` : '';
        out.push({
          code: 'actuals-arr-unexplained',
          message: `${tier.name} month ${row.label}: ending_arr ${money(row.values.ending_arr ?? NaN)} is ${money(Math.abs(unexplained))} ${unexplained > 0 ? 'above' : 'below'} what the month's flows explain (${money(live)} live when it began, ${share(unexplained, live)} of it${beside}); the re-forecast counts it as price uplift and other${openingNote}. Check the figure, or give the flow it leaves out (new_arr, expansion_arr, contraction_arr, churned_arr)`,
          path: ['ending_arr'],
          file: file.path,
          line: row.line,
          ...(column === undefined ? {} : { column }),
        });
      }
      for (let c = 0; c < COMPONENTS.length; c++) live += start.events[c * 12 + i]!;
    }
  }
  return out;
}
