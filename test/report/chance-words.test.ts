import { describe, expect, it } from 'vitest';
import { probability } from '../../src/analysis/probability.js';
import { chanceWords } from '../../src/report/chance-words.js';

// The 95% Wilson bound when no trial of n (every trial) reaches a target, worked out here from the
// formula, not from the code under test: z^2 / (n + z^2) above 0, n / (n + z^2) below 1.
const Z = 1.959963984540054;
const upperAtNone = (n: number) => (Z * Z) / (n + Z * Z);
const lowerAtAll = (n: number) => n / (n + Z * Z);

// The decimals the tables write the bound with beside a figure of 0% (100%): one, more while the
// bound would read 0 (100.0%): told from its end; then up to two more while the bound rounded to
// nearest would fall inside the interval (0.128% is "0.13%", which holds, not "0.1%"), so the table's
// end and the sentence's bound are one text that holds (past two more, rounded outward).
function decimalsShown(pct: number, direction: 1 | -1): number {
  let d = 1;
  while (pct < 0.1 && Math.round(pct * 10 ** d) === 0) d++;
  while (pct < 100 && Math.round(pct * 10 ** d) === 100 * 10 ** d) d++;
  const inside = (k: number) => direction * (Math.round(pct * 10 ** k) / 10 ** k - pct) < 0;
  const top = d + 2;
  while (d < top && inside(d)) d++;
  return d;
}
const up = (pct: number) => {
  const d = decimalsShown(pct, 1);
  return `${(Math.ceil(pct * 10 ** d) / 10 ** d).toFixed(d)}%`;
};
const down = (pct: number) => {
  const d = decimalsShown(pct, -1);
  return `${(Math.floor(pct * 10 ** d) / 10 ** d).toFixed(d)}%`;
};

describe('chanceWords: the bound a chance of none (all) of the trials is said to be under (over) is rounded outward', () => {
  for (const n of [3000, 10_000, 20_000, 30_000]) {
    it(`${n.toLocaleString('en-US')} trials`, () => {
      const under = up(upperAtNone(n) * 100);
      const over = down(lowerAtAll(n) * 100);
      // The claim holds: the bound written is at or beyond the interval's end.
      expect(Number(under.slice(0, -1)) / 100).toBeGreaterThanOrEqual(upperAtNone(n));
      expect(Number(over.slice(0, -1)) / 100).toBeLessThanOrEqual(lowerAtAll(n));
      const years = n.toLocaleString('en-US');
      expect(chanceWords(probability(0, n), n, false)).toBe(`under ${under} (none of ${years} simulated years)`);
      expect(chanceWords(probability(n, n), n, false)).toBe(`over ${over} (all ${years} simulated years)`);
    });
  }

  it('a bound the digits shown already hold is written as the tables write it', () => {
    // 1,000 trials: the bound is 0.383%, "0.4%" to nearest, already above it.
    expect(chanceWords(probability(0, 1000), 1000, false)).toBe(`under ${up(upperAtNone(1000) * 100)} (none of 1,000 simulated years)`);
    expect(up(upperAtNone(1000) * 100)).toBe('0.4%');
  });
});
