import { toFixedDecimal } from '../math/decimal-round.js';
import { COMPONENTS, componentIndex } from '../model/components.js';
import type { Reforecast } from '../actuals/reforecast.js';
import type { PlausibilityWarning } from './plausibility.js';

const C_UPLIFT = componentIndex('priceUplift');
const C_NEW = componentIndex('newBusiness');

/**
 * Above this share of the ARR live when a closed month began plus the month's new ARR, what the
 * month's stated flows leave unexplained of its change in ending_arr is warned about. A re-forecast books that rest as price
 * uplift and other (actuals/start-state.ts), and a real month's uplift is a few percent of the ARR
 * renewing in it (under 1% of the book a month); 10% in one month is far more likely a typo (a
 * digit too many) or a flow left out of the file than a price rise.
 */
export const UNEXPLAINED_ARR_SHARE = 0.1;

/**
 * Warnings about a re-forecast's closed months (code `actuals-arr-unexplained`): each tier's month
 * whose ending_arr moves beyond what its flows (new, expansion, contraction, churn) and the customer
 * book's escalator steps explain by more than UNEXPLAINED_ARR_SHARE of the ARR live when it began plus the month's new ARR (and, with a service-start lag, the new ARR signed and not yet live).
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
    let live = opening;
    let signed = 0;
    let wentLive = 0;
    for (let i = 0; i < months && i < rows.length; i++) {
      const row = rows[i]!;
      const other = start.events[C_UPLIFT * 12 + i]!;
      const stepped = tier.existing?.book?.escalation[i] ?? 0;
      const unexplained = other > 0 ? Math.max(0, other - stepped) : other;
      const stated = row.values.new_arr ?? 0;
      const newArr = Number.isFinite(stated) ? Math.max(0, stated) : 0;
      signed += newArr;
      wentLive += start.events[C_NEW * 12 + i]!;
      // One rule whatever was live: a share of the ARR live when the month began plus the month's new
      // ARR (before act24's fix, 10% of 0 was no limit at all, then half a unit of currency, which
      // warned a tier given in thousands at month 1 alone). With a service-start lag the new ARR going
      // live is estimated (start-state.ts): a rest above can be more of the ARR signed so far going
      // live than expected, up to what of it is not yet live, and no more (ARR going live cannot
      // exceed the new ARR signed).
      const notYetLive = unexplained > 0 ? Math.max(0, signed - wentLive) : 0;
      const limit = Math.max(0.5, UNEXPLAINED_ARR_SHARE * (live + newArr)) + notYetLive;
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
        const unitNote = live > 0 ? unitSlipNote((row.values.ending_arr ?? NaN) / live) : '';
        const began = live > 0 ? `${money(live)} live when it began, ${share(unexplained, live)} of it` : 'nothing live when it began';
        out.push({
          code: 'actuals-arr-unexplained',
          message: `${tier.name} month ${row.label}: ending_arr ${money(row.values.ending_arr ?? NaN)} is ${money(Math.abs(unexplained))} ${unexplained > 0 ? 'above' : 'below'} what the month's flows explain (${began}); the re-forecast counts it as price uplift and other${openingNote}${unitNote}. Check the figure, or give the flow it leaves out (new_arr, expansion_arr, contraction_arr, churned_arr)`,
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

/** The unit slips an ending_arr's ratio to the ARR live when its month began reads as: thousands, or MRR for ARR, either way. */
const UNIT_SLIPS: ReadonlyArray<{ readonly ratio: number; readonly note: string }> = [
  { ratio: 1 / 1000, note: 'the file looks to be in thousands: write amounts in units, as the scenario does (x 1,000)' },
  { ratio: 1 / 12, note: 'the file looks to give MRR: write ARR, as the scenario does (x 12)' },
  { ratio: 1000, note: "the file looks to be in units where the scenario's amounts are in thousands: write both alike" },
  { ratio: 12, note: "the file looks to give ARR where the scenario's amounts are MRR: write both alike" },
];

/**
 * A note for an ending_arr within 10% of a unit slip's ratio to the ARR live when its month began
 * (a month's own flows move a book by a few percent, never to a twelfth or a thousandth of it; a
 * digit too few, a tenth, is not near a twelfth): the
 * warning's generic "check the figure" left the cause to guess while the re-forecast learned from
 * the slip (a file in thousands read every renewal as a churn and put the market at -2.6).
 */
function unitSlipNote(ratio: number): string {
  const slip = UNIT_SLIPS.find((u) => ratio > u.ratio * 0.9 && ratio < u.ratio * 1.1);
  return slip ? `; ending_arr is about ${slip.ratio < 1 ? `1/${Math.round(1 / slip.ratio).toLocaleString('en-US')}` : `${slip.ratio.toLocaleString('en-US')} times`}${slip.ratio < 1 ? ' of' : ''} the ARR live when the month began: ${slip.note}` : '';
}
