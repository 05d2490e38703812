import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summarize.js';
import { conditionWords, percentileWords, whatMustBeTrueLine } from '../../src/report/summary-table.js';
import type { DriverCondition } from '../../src/analysis/what-must-be-true.js';
import { run } from '../helpers/fixtures.js';

/**
 * What must be true's words name the years in which the driver's condition holds. An 'at least'
 * crossing below the driver's median (at least its P35: 65% of years) read "a bottom-35% year",
 * the years in which it fails; an 'at most' one above the median likewise read "a top-30% year".
 */
describe("what must be true's years say in how many years the condition holds", () => {
  const words = (percentile: number, direction: 'atLeast' | 'atMost', unit: DriverCondition['unit'] = 'rate') => percentileWords(percentile, 'SMB conversion', unit, direction);

  it('each side of the median, each direction', () => {
    // At least its P80: the top 20% of years. At least its P35: every year but the bottom 35%.
    expect(words(0.8, 'atLeast')).toBe('a top-20% year for SMB conversion');
    expect(words(0.35, 'atLeast')).toBe('any but a bottom-35% year for SMB conversion');
    // At most its P20: the bottom 20%. At most its P70: every year but the top 30%.
    expect(words(0.2, 'atMost')).toBe('a bottom-20% year for SMB conversion');
    expect(words(0.7, 'atMost')).toBe('any but a top-30% year for SMB conversion');
    // Exactly half: the half on the condition's side.
    expect(words(0.5, 'atLeast')).toBe('a top-50% year for SMB conversion');
    expect(words(0.5, 'atMost')).toBe('a bottom-50% year for SMB conversion');
    // At the ends: under half a percent fails it, or holds it.
    expect(words(0.001, 'atLeast')).toBe('any but a bottom-<1% year for SMB conversion');
    expect(words(0.999, 'atLeast')).toBe('a top-<1% year for SMB conversion');
  });

  it('the market in its own words, each direction', () => {
    expect(words(0.69, 'atLeast', 'market')).toBe('a year in the best 31% for the market');
    expect(words(0.27, 'atLeast', 'market')).toBe('any year but the worst 27% for the market');
    expect(words(0.27, 'atMost', 'market')).toBe('a year in the worst 27% for the market');
    expect(words(0.8, 'atMost', 'market')).toBe('any year but the best 20% for the market');
  });

  it('a whole condition: value, plan and years', () => {
    const c: DriverCondition = { key: 'driver.SMB.conversion', label: 'SMB conversion', unit: 'rate', tier: 'SMB', planValue: 0.05, varianceShare: 0.5, reach: 'crosses', percentile: 0.35, value: 0.048, direction: 'atLeast' };
    expect(conditionWords(c)).toBe('SMB conversion 4.8% instead of the planned 5%, any but a bottom-35% year for SMB conversion');
  });

  // Conversion drawn from {3%, 5%, 7%} once a year (as what-must-be-true-discrete.test.ts): a target
  // just above the median needs conversion at least 5%, its median value, which a third of the
  // years fall below (its percentile 1/3) and two thirds reach.
  const DISC = 'name: discrete\ntiers:\n  - name: T\n    newBusiness:\n      leadsPerMonth: 400\n      conversion: { dist: discrete, values: [0.03, 0.05, 0.07], weights: [1, 1, 1] }\n      acv: 10000\n';

  /** The share of years the line's words say the condition holds in, in percent. */
  const saidShare = (line: string) => {
    const m = /(any but )?a (top|bottom)-(\d+)% year for T conversion/.exec(line);
    if (!m) throw new Error(`no years in: ${line}`);
    return m[1] ? 100 - Number(m[3]) : Number(m[3]);
  };

  it('in a run: the share the words name is the share of draws meeting the condition (a discrete driver at its median value)', async () => {
    const sim = await run(DISC, 3_000, 2);
    const own = Array.from(sim.store.column('own.T.conversion')!);
    const p = summarize(sim).metrics.revenue.percentiles;
    // Just above the median (needs at least 5%), just below it (stays the median down to 5%), and the P75 (needs 7%).
    const targets = [p.p50 * 1.001, p.p50 * 0.999, p.p75];
    const summary = summarize(sim, { targets: { metrics: targets.map((value) => ({ metric: 'revenue' as const, value })) } });
    const seen = new Set<string>();
    summary.whatMustBeTrue.forEach((w) => {
      const c = w.drivers.find((d) => d.key === 'driver.T.conversion')!;
      expect(c.reach).toBe('crosses');
      const meets = own.filter((v) => (c.direction === 'atLeast' ? v >= c.value! - 1e-9 : v <= c.value! + 1e-9)).length / own.length;
      // Whole percents: the words round the share to the nearest one.
      expect(Math.abs(saidShare(whatMustBeTrueLine(w)) - 100 * meets)).toBeLessThanOrEqual(0.5);
      // Stored as float32: 0.05 reads 0.0500000007.
      seen.add(`${c.direction} ${Number(c.value!.toPrecision(6))}`);
    });
    // The three targets met both sides of the median: at least 5% (two thirds of years) and at least 7%.
    expect(seen).toEqual(new Set(['atLeast 0.05', 'atLeast 0.07']));
  }, 60_000);
});
