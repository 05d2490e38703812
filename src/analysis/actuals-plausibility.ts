import { toFixedDecimal } from '../math/decimal-round.js';
import { COMPONENTS, componentIndex } from '../model/components.js';
import type { Reforecast } from '../actuals/reforecast.js';
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
 * Warnings about a re-forecast's closed months (code `actuals-arr-unexplained`): each tier's month
 * whose ending_arr moves beyond what its flows (new, expansion, contraction, churn) and the customer
 * book's escalator steps explain by more than UNEXPLAINED_ARR_SHARE of the ARR live when it began.
 * (A tighter limit from the month's ARR due was tried and not kept: a file may leave out the optional
 * flow columns, and a scenario's uplift may be large, so it warned on ordinary actuals.) The
 * re-forecast still runs (the file is a fact the planner may stand by); the warning
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
    const liveAtSigning = tier.newBusiness === undefined || tier.newBusiness.serviceStart.max === 0;
    let live = opening;
    for (let i = 0; i < months && i < rows.length; i++) {
      const row = rows[i]!;
      const other = start.events[C_UPLIFT * 12 + i]!;
      const stepped = tier.existing?.book?.escalation[i] ?? 0;
      const unexplained = other > 0 ? Math.max(0, other - stepped) : other;
      // With nothing live when the month began there is nothing to price up: where deals go live at
      // signing (the stated flows are then the whole change) any rest above rounding (half a unit) is
      // warned. Before (act24), such a month went without a word: a tier of new business alone whose
      // month 1 ended at 5,000,000 from 500,000 of new ARR booked 4,500,000 as price uplift, in
      // bookings too. With a service-start lag the new ARR going live is estimated (start-state.ts),
      // so its draw's scatter would be warned about: such a month is left to the share rule.
      const limit = live > 0 ? UNEXPLAINED_ARR_SHARE * live : liveAtSigning ? 0.5 : Infinity;
      if (Math.abs(unexplained) > limit) {
        const money = (x: number) => Math.round(x).toLocaleString('en-US');
        const column = row.columns?.ending_arr;
        const share = (x: number, of: number) => `${toFixedDecimal((100 * Math.abs(x)) / of, 0)}%`;
        // Month 1's rest is the opening book's difference from the scenario's when the year began on another book.
        const openingNote =
          i === 0 && unexplained > 0
            ? opening > 0
              ? `; an opening book of ${money(opening + unexplained)}, not the scenario's openingArr ${money(opening)}, would explain it (set openingArr to the book the year began with)`
              : `; an opening book of ${money(unexplained)} would explain it, and the scenario gives ${tier.name} none (give it an existing book: openingArr)`
            : '';
        const began = live > 0 ? `${money(live)} live when it began, ${share(unexplained, live)} of it` : 'nothing live when it began';
        out.push({
          code: 'actuals-arr-unexplained',
          message: `${tier.name} month ${row.label}: ending_arr ${money(row.values.ending_arr ?? NaN)} is ${money(Math.abs(unexplained))} ${unexplained > 0 ? 'above' : 'below'} what the month's flows explain (${began}); the re-forecast counts it as price uplift and other${openingNote}. Check the figure, or give the flow it leaves out (new_arr, expansion_arr, contraction_arr, churned_arr)`,
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
