import { toFixedDecimal, toPrecisionDecimal } from '../math/decimal-round.js';

/** The most decimals confidenceWords writes (toFixed takes up to 100). */
const MAX_DECIMALS = 20;

/**
 * A budget's confidence and its percentile as every output writes them: one decimal at most
 * ('80%', 'P20'; '99.5%', 'P0.5'), and more only where one decimal would round a level inside
 * (0, 1) to 0% or 100%: 0.9999 is '99.99%' and 'P0.01', not '100%' and 'P0' (a budget reached in
 * every trial, which the P0.01 of a run is not).
 *
 * @example confidenceWords(0.9999) // => { share: '99.99%', percentile: 'P0.01' }
 * Complexity: O(1).
 */
export function confidenceWords(confidence: number): { readonly share: string; readonly percentile: string } {
  // Written from toFixed's digits, trailing zeros dropped: Number() would write 1e-7 for 0.0000001
  // (--confidence 0.999999999 read 'P1e-7'). Up to 20 decimals, so every double from 1e-15 to
  // 1 - 2^-53 reads inside (0%, 100%) (8 read 0.99999999999 as '100%' and 'P0').
  // A half away from zero, on the decimal (toFixedDecimal), as every share arrcast writes.
  const round = (v: number, d: number) => {
    const text = toFixedDecimal(v * 100, d);
    return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  };
  let d = 1;
  const edge = (text: string) => Number(text) === 0 || Number(text) === 100;
  while (d < MAX_DECIMALS && (edge(round(confidence, d)) || edge(round(1 - confidence, d)))) d++;
  // Below 1e-22 no fixed decimals will do (--confidence 1e-300 read '0% confidence'): the share in
  // significant digits, '1e-298%'. Its percentile is 1 - c, which a double holds as exactly 1 there:
  // P100 is then what the run reads (its largest trial), so it is written so.
  const share = Number(round(confidence, d)) === 0 ? `${toPrecisionDecimal(confidence * 100, 3)}` : round(confidence, d);
  // The percentile is 100 less the share as written, so the two add to 100: rounding each on its own
  // took both halves up (--confidence 0.9455 read '94.6%' and 'P5.5', or toFixed's '94.5%' and 'P5.4'
  // beside report.xlsx's 94.6%).
  const percentile = Number(round(confidence, d)) === 0 ? round(1 - confidence, d) : complement(toFixedDecimal(confidence * 100, d));
  return { share: `${share}%`, percentile: `P${percentile}` };
}

/** 100 less a non-negative percentage written with fixed decimals, exactly (in integers): '94.6' -> '5.4'. */
function complement(text: string): string {
  const [whole, fraction = ''] = text.split('.') as [string, string?];
  const rest = (100n * 10n ** BigInt(fraction.length) - BigInt(whole + fraction)).toString().padStart(fraction.length + 1, '0');
  const written = fraction.length === 0 ? rest : `${rest.slice(0, -fraction.length)}.${rest.slice(-fraction.length)}`;
  return written.includes('.') ? written.replace(/\.?0+$/, '') : written;
}

/**
 * A run's trial count as every output writes it: '2,000 simulated years', and '1 simulated year'
 * for a single trial (it read '1 simulated years'). `kind` goes between: 'fiscal year'.
 *
 * @example simulatedYears(1) // => '1 simulated year'
 * @example simulatedYears(2000, 'fiscal year') // => '2,000 simulated fiscal years'
 */
export function simulatedYears(trials: number, kind = 'year'): string {
  return `${trials.toLocaleString('en-US')} simulated ${kind}${trials === 1 ? '' : 's'}`;
}

/**
 * A trial count as the studio's page writes it: '2,000 trials', and '1 trial'.
 *
 * @example trialCount(1) // => '1 trial'
 */
export function trialCount(trials: number): string {
  return `${trials.toLocaleString('en-US')} trial${trials === 1 ? '' : 's'}`;
}
