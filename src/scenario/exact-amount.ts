import { groupThousands } from '../math/group-thousands.js';

/**
 * An amount written exactly, in the compact form money takes in every output (k, M, B, T):
 * 119,996,000 is '119.996M', 120,000,000 '120M', 999,949 '999.949k'. For what a planner stated (a
 * target), not what a run estimated: a target of 119,996,000 written '120M' (two decimals) read as
 * another target, and as a value it is not. The digits are the shortest that read back as the
 * same double (Number.prototype.toExponential()), moved by the unit's power of ten as text, so no
 * rounding of value / 1e6 can add a digit (119.996e6 / 1e6 is 119.99600000000001).
 *
 * Below 1,000 the amount is JavaScript's own writing of it (1e-7 for 0.0000001); -0 is 0.
 *
 * @example exactAmount(119_996_000) // => '119.996M'
 * @example exactAmount(-1_500) // => '-1.5k'
 * Complexity: O(digits).
 */
export function exactAmount(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (abs < 1e3) return sign + String(abs);
  const [power, unit] = abs >= 1e12 ? [12, 'T'] : abs >= 1e9 ? [9, 'B'] : abs >= 1e6 ? [6, 'M'] : [3, 'k'];
  const [mantissa, exponent] = abs.toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  // abs / 10^power is d.ddd x 10^(exponent - power), at least 1: its whole part has this many digits.
  const whole = Number(exponent) - power + 1;
  const intPart = digits.length <= whole ? digits + '0'.repeat(whole - digits.length) : digits.slice(0, whole);
  const fraction = digits.length <= whole ? '' : digits.slice(whole);
  // Thousands of trillions and more grouped ("1,000T", "1,500,000T"), as the report formatters group them (unitText).
  return `${sign}${groupThousands(intPart)}${fraction === '' ? '' : `.${fraction}`}${unit}`;
}
