import { describe, expect, it } from 'vitest';
import { SPREADS } from '../../src/studio/controls.js';
import { centralRange } from '../../src/studio/central-range.js';
import { widestSpreads } from '../../src/studio/feasible-spread.js';
import { fitMetalog } from '../../src/math/metalog.js';
import type { DriverKind } from '../../src/model/drivers/driver-kinds.js';

/** Central values from `from` to `to` in `n` steps. */
const grid = (from: number, to: number, n: number) => Array.from({ length: n + 1 }, (_, i) => from + ((to - from) * i) / n);

/**
 * The widest spread index the closed form allows: the largest j with `limit(central)` above
 * SPREADS[j] (or at it, when `inclusive`). A grid point whose limit lies within 1e-9 of a spread
 * offered would test rounding, not the rule: none is allowed.
 */
function closedForm(values: readonly number[], limit: (central: number) => number, inclusive: boolean): number[] {
  return values.map((c) => {
    const l = limit(c);
    for (const s of SPREADS) expect(Math.abs(l - s), `central ${c}: its limit ${l} is at a spread offered`).toBeGreaterThan(1e-9);
    let j = -1;
    while (j + 1 < SPREADS.length && (inclusive ? SPREADS[j + 1]! <= l : SPREADS[j + 1]! < l)) j++;
    return j;
  });
}

const widest = (kind: DriverKind, field: unknown, values: readonly number[], inner: readonly string[] = []) => widestSpreads(kind, field, inner, values, -1, SPREADS);

describe('the widest spread the studio offers at each central value, against the closed-form constraint', () => {
  it("a beta rate: sd × spread below sqrt(mean (1 - mean))", () => {
    const values = grid(0.03, 0.97, 47);
    expect(widest('renewalRate', { dist: 'beta', mean: 0.6, sd: 0.17 }, values)).toEqual(closedForm(values, (m) => Math.sqrt(m * (1 - m)) / 0.17, false));
  });

  it('a PERT rate: min at or above 0 and max at or below 1 (min = m - 0.2 s, max = m + 0.3 s)', () => {
    const values = grid(0.013, 0.987, 53);
    expect(widest('conversion', { dist: 'pert', min: 0.1, mode: 0.3, max: 0.6 }, values)).toEqual(closedForm(values, (m) => Math.min(m / 0.2, (1 - m) / 0.3), true));
  });

  it('a PERT price uplift (the example\'s Enterprise one): min at or above 0, no upper bound', () => {
    const values = grid(0.0031, 0.0611, 29);
    expect(widest('priceUplift', { dist: 'pert', min: 0.03, mode: 0.05, max: 0.08 }, values)).toEqual(closedForm(values, (m) => m / 0.02, true));
  });

  it('a triangular repAttrition and a uniform conversion: within [0, 1]', () => {
    const values = grid(0.011, 0.989, 41);
    expect(widest('repAttrition', { dist: 'triangular', min: 0.05, mode: 0.15, max: 0.4 }, values)).toEqual(closedForm(values, (m) => Math.min(m / 0.1, (1 - m) / 0.25), true));
    expect(widest('conversion', { dist: 'uniform', min: 0.2, max: 0.4 }, values)).toEqual(closedForm(values, (m) => Math.min(m, 1 - m) / 0.1, true));
  });

  it("a rate's quantiles bounded to [0, 1] (the example's Mid-market renewal): every stated value strictly inside", () => {
    // p10 = m - 0.04 s > 0 and p90 = m + 0.03 s < 1 bound the spread; within them the bounded
    // metalog must also fit (its density positive), which near 1 it stops doing a little sooner: the
    // widest spread is the last one both hold for, checked with the metalog's own fit.
    const values = grid(0.921, 0.9793, 19);
    const spec = { dist: 'quantiles', quantiles: { p10: 0.88, p50: 0.92, p90: 0.95 }, lower: 0, upper: 1 };
    const bound = closedForm(values, (m) => Math.min(m / 0.04, (1 - m) / 0.03), false);
    const fits = (m: number, s: number) => {
      try {
        fitMetalog([{ p: 0.1, x: m - 0.04 * s }, { p: 0.5, x: m }, { p: 0.9, x: m + 0.03 * s }], { lower: 0, upper: 1 });
        return true;
      } catch {
        return false;
      }
    };
    const expected = values.map((m, i) => {
      let j = -1;
      while (j + 1 <= bound[i]! && fits(m, SPREADS[j + 1]!)) j++;
      return j;
    });
    expect(widest('renewalRate', spec, values)).toEqual(expected);
    // Near 1 the fit, not the bounds, is what stops it: the two differ somewhere on this grid.
    expect(expected).not.toEqual(bound);
  });

  it("a year-level median (ACV's PERT inside a lognormal): the year's median stays >= 0", () => {
    const values = grid(1_010, 5_990, 30);
    const acv = { dist: 'lognormal', median: { dist: 'pert', min: 9_000, mode: 11_000, max: 14_000 }, p90: 24_000 };
    expect(widest('acv', acv, values, ['median'])).toEqual(closedForm(values, (m) => m / 2_000, true));
  });

  it("a lognormal's sigma × spread at most 5", () => {
    // median 1, p90 e^(3.3 z90): sigma 3.3, so spreads up to 5 / 3.3 = 1.52.
    const z90 = 1.2815515655446004;
    const values = grid(0.5, 2, 6);
    expect(widest('expansionSize', { dist: 'lognormal', median: 1, p90: Math.exp(3.3 * z90) }, values)).toEqual(closedForm(values, () => 5 / 3.3, true));
  });

  it('the file as written is offered at spread 1 even where the check would round it out', () => {
    // A beta of sd 0.4 at mean 0.12 takes spreads up to 0.75 (0.3 < sqrt(0.12 × 0.88) = 0.325 < 0.4);
    // as the plan (planIndex 0) it is offered at spread 1 too: that state writes nothing over the file.
    expect(widestSpreads('conversion', { dist: 'beta', mean: 0.5, sd: 0.4 }, [], [0.12], -1, SPREADS)).toEqual([2]);
    expect(widestSpreads('conversion', { dist: 'beta', mean: 0.5, sd: 0.4 }, [], [0.12], 0, SPREADS)).toEqual([3]);
  });
});

describe('centralRange: the central positions a spread position allows, around the slider', () => {
  it('by hand', () => {
    expect(centralRange([0, 2, 3, 3, 1], 2, 2)).toEqual([1, 3]);
    expect(centralRange([0, 2, 3, 3, 1], 2, 3)).toEqual([2, 3]);
    expect(centralRange([0, 2, 3, 3, 1], 4, 1)).toEqual([1, 4]);
    expect(centralRange([6, 6, 6], 0, 6)).toEqual([0, 2]);
  });

  it('the largest run around the central position whose widest spread reaches the spread (all widest arrays of 5 over 0..3)', () => {
    const n = 5;
    for (let code = 0; code < 4 ** n; code++) {
      const w = Array.from({ length: n }, (_, i) => Math.floor(code / 4 ** i) % 4);
      for (let c = 0; c < n; c++)
        for (let s = 0; s <= w[c]!; s++) {
          const [lo, hi] = centralRange(w, c, s);
          expect(lo <= c && c <= hi).toBe(true);
          for (let i = lo; i <= hi; i++) expect(w[i]).toBeGreaterThanOrEqual(s);
          if (lo > 0) expect(w[lo - 1]).toBeLessThan(s);
          if (hi < n - 1) expect(w[hi + 1]).toBeLessThan(s);
        }
    }
  });
});
