import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/analysis/summarize.js';
import { bridgeSteps } from '../../src/report/charts/arr-bridge.js';
import { formatCurrency } from '../../src/report/money.js';

const UNITS: Record<string, number> = { '': 1, k: 1e3, M: 1e6, B: 1e9, T: 1e12 };

/** A money label ('-$1.43M', '+$25.8M', '$493k') as its amount and its last written digit's size. */
function shown(text: string): { amount: number; step: number } {
  const m = /^([+-]?)\$(\d+)(?:\.(\d+))?([kMBT]?)$/.exec(text)!;
  const size = UNITS[m[4]!]!;
  return { amount: Number(`${m[2]}.${m[3] ?? '0'}`) * size * (m[1] === '-' ? -1 : 1), step: size / 10 ** (m[3]?.length ?? 0) };
}

/**
 * Two labels of one figure agree at the precision shown: the finer, rounded (halves away from zero)
 * to the coarser's last digit, reads as the coarser. "$120.5M" beside "$120M" does not: a reader
 * rounds 120.5 to 121.
 */
function agree(a: string, b: string): boolean {
  const [coarse, fine] = [shown(a), shown(b)].sort((x, y) => y.step - x.step);
  const units = Math.abs(fine!.amount) / coarse!.step;
  // Halves away from zero, read at 12 significant digits so that 120.5 / 1 is a half, not a hair under.
  const rounded = Math.floor(Number(units.toPrecision(12)) + 0.5) * coarse!.step * Math.sign(fine!.amount);
  return Math.abs(rounded - coarse!.amount) <= 1e-9 * Math.max(1, Math.abs(coarse!.amount));
}

/** A summary holding only what the bridge reads: opening ARR, each component's mean of ending ARR (one tier), the mean ending ARR. */
function bridgeSummary(opening: number, components: Record<string, number>): Summary {
  const ending = opening + Object.values(components).reduce((a, b) => a + b, 0);
  return { openingArr: opening, metrics: { endingArr: { mean: ending } }, byTier: { All: { componentMeans: { endingArr: components } } } } as unknown as Summary;
}

describe("the ARR bridge's labels agree with the tables' three significant digits", () => {
  it.each([
    // hybrid-company.yaml at 2,000 trials, seed 3: the ending bar read $120.5M beside the headline's $120M.
    ['an ending mean just under a half', 82_876_800, { newBusiness: 37_380_000, newCustomerExpansion: 493_000, existingExpansion: 3_330_000, priceUplift: 3_530_000, contraction: -665_000, churn: -6_458_300.33 }],
    // A step of 3,545,100: the tables write $3.55M, the bridge wrote +$3.5M (a reader rounds 3.55 to 3.6).
    ['a step just over a half', 94_000_000, { newBusiness: 25_800_000, priceUplift: 3_545_100, churn: -8_200_000 }],
  ])('%s', (_, opening, components) => {
    const steps = bridgeSteps(bridgeSummary(opening, components), '$');
    for (const s of steps) {
      const table = formatCurrency(s.amount, '$');
      expect(agree(s.text.replace(/^\+/, ''), table), `${s.label}: bridge ${s.text}, tables ${table}`).toBe(true);
    }
    // Still one unit and one number of decimals for every bar.
    expect(new Set(steps.map((s) => s.text.replace(/^[+-]/, '').replace(/\d/g, '9').replace(/^\$9+/, '$9'))).size, steps.map((s) => s.text).join(' ')).toBe(1);
  });

  it('keeps the one decimal where nothing is on a half: the example bridge as before', () => {
    const steps = bridgeSteps(bridgeSummary(94_000_000, { newBusiness: 49_500_000, newCustomerExpansion: 1_700_000, existingExpansion: 5_000_000, priceUplift: 4_000_000, contraction: -1_400_000, churn: -8_200_000 }), '$');
    expect(steps.map((s) => s.text)).toEqual(['$94.0M', '+$49.5M', '+$1.7M', '+$5.0M', '+$4.0M', '-$1.4M', '-$8.2M', '$144.6M']);
  });
});

describe('the ARR bridge at its cap of more decimals', () => {
  // Ending ARR 120,499,960: $120.5M, $120.50M and $120.500M all read against the tables' $120M, and
  // the bridge wrote $120.5000M (and $82.8768M, false precision) and still disagreed. It now keeps
  // at most two more decimals, and of the forms it tries the one with the fewest bars disagreeing
  // (here fixedMoney's own: only the ending bar, against every bar at four decimals).
  it.each([120_499_960, 120_499_600])('an ending mean within 1e-4 of a half (%d)', (ending) => {
    const steps = bridgeSteps(bridgeSummary(82_876_800, { newBusiness: ending - 82_876_800 }), '$');
    expect(steps.map((s) => s.text)).toEqual(['$82.9M', '+$37.6M', '$120.5M']);
  });
});
