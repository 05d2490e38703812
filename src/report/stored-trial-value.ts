import { AsciiBuffer } from './ascii-buffer.js';
import { breakdownDecimals } from './trials-csv.js';

/**
 * The value a trial equal to `value` reads back as from trials.csv or sipmath.json: a headline
 * metric (float64) written to the cent; a breakdown, such as a tier's figure (float32 in the trial
 * store), rounded to float32 and written with breakdownDecimals' digits. An outcome compared with a
 * report's stored trials is compared at this precision: an outcome equal to every trial of a forecast
 * (a re-forecast of all 12 closed months, scored against that year) is then a tie, PIT 50% and inside
 * P10-P90, not PIT 0 or 100% and "too narrow" for the float32 rounding of SMB revenue 28,722,513 to
 * 28,722,512 in the file.
 *
 * @example storedTrialValue(28_722_513, true) // => 28722512 (float32: every 2 units at 2^24 to 2^25)
 * Complexity: O(1).
 */
export function storedTrialValue(value: number, breakdown: boolean): number {
  if (!Number.isFinite(value)) return value;
  const v = breakdown ? Math.fround(value) : value;
  const buffer = new AsciiBuffer(64);
  buffer.fixed(v, breakdown ? breakdownDecimals(v) : 2);
  return Number(Buffer.from(buffer.view()).toString('latin1'));
}
