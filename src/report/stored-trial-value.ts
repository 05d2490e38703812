import { AsciiBuffer } from './ascii-buffer.js';
import { breakdownDecimals } from './trials-csv.js';

/**
 * How a report file stores a series' trials: `cents`, a headline metric (float64) to the cent, or
 * to the currency's minor unit where it has more decimals (a dinar's fils, writtenMoneyDecimals);
 * `float32`, a breakdown such as a tier's figure (float32 in the trial store) written with
 * breakdownDecimals' digits (trials.csv, and sipmath.json since December 2026); `float32-whole`,
 * such a figure in whole units (a tier's revenue in a sipmath.json written before December 2026).
 */
export type TrialStorage = 'cents' | 'float32' | 'float32-whole';

/**
 * The value a trial equal to `value` reads back as from a file storing it as `storage` says. An
 * outcome compared with a report's stored trials is compared at this precision: an outcome equal
 * to every trial of a forecast (a re-forecast of all 12 closed months, scored against that year)
 * is then a tie, PIT 50% and inside P10-P90, not PIT 0 or 100% and "too narrow" for the float32
 * rounding of SMB revenue 28,722,513 to 28,722,512 in the file.
 *
 * `money` is the most decimals the file writes an amount with (writtenMoneyDecimals of the report's
 * currency: 2, or 3 for a dinar's fils).
 *
 * @example storedTrialValue(28_722_513, 'float32') // => 28722512 (float32: every 2 units at 2^24 to 2^25)
 * @example storedTrialValue(553_245.47, 'float32-whole') // => 553245
 * @example storedTrialValue(0.0754, 'cents', 3) // => 0.075
 * Complexity: O(1).
 */
export function storedTrialValue(value: number, storage: TrialStorage, money = 2): number {
  if (!Number.isFinite(value)) return value;
  const v = storage === 'cents' ? value : Math.fround(value);
  const buffer = new AsciiBuffer(64);
  buffer.fixed(v, storage === 'cents' ? money : storage === 'float32-whole' ? 0 : breakdownDecimals(v, money));
  return Number(Buffer.from(buffer.view()).toString('latin1'));
}
