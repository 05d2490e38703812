import { describe, expect, it } from 'vitest';
import { fitMetalog, type MetalogFit } from '../../src/math/metalog.js';
import { metalog } from '../../src/random/metalog.js';
import type { RandomSource } from '../../src/random/source.js';

/**
 * The metalog sampler's draws in the outermost cells of its source's 2^-32 grid. A log-metalog with a
 * heavy upper tail (P10/P50/P90 = 40k/60k/300k, lower 0: values grow like (1 - y)^-0.8) holds 1.2% of
 * its mean in the top cell [1 - 2^-32, 1) alone; drawn at the cell's low end, the sampler's mean was
 * 1.28% below the distribution's (bench/RESULTS.md, sixteenth session: the sum over the top 2^20
 * cells plus the integral of the rest). A draw in one of the 16 cells at either end is now placed
 * inside its cell by a further uniform (the outermost sub-cell refined again), so it lands at the
 * tail probability the uniforms stand for. Checked with scripted uniforms against the quantile
 * computed here from the fit's coefficients (Keelin 2016's basis, written out independently, with
 * ln(y / (1 - y)) formed from the tail probability), to 1e-12 relative.
 */
const CELL = 2 ** -32;

/** Q at lower tail probability p (upper = false) or upper tail probability p (upper = true), from the basis. */
function quantileAt(fit: MetalogFit, p: number, upper: boolean): number {
  const t = upper ? 0.5 - p : p - 0.5;
  const logit = upper ? Math.log1p(-p) - Math.log(p) : Math.log(p) - Math.log1p(-p);
  const a = fit.coefficients;
  // Basis: 1, L, t L, t, t^2, t^2 L, t^3, t^3 L, ... (k terms).
  const basis = [1, logit, t * logit, t];
  for (let m = 2; basis.length < fit.terms; m++) basis.push(t ** m, t ** m * logit);
  let z = 0;
  for (let j = 0; j < fit.terms; j++) z += a[j]! * basis[j]!;
  return fit.lower !== undefined && fit.upper === undefined ? fit.lower + Math.exp(z) : z;
}

/** A source returning `values` in turn (and failing if asked for more). */
function scripted(values: number[]): RandomSource & { left: () => number } {
  let i = 0;
  const source = () => {
    if (i >= values.length) throw new Error('asked for more uniforms than scripted');
    return values[i++]!;
  };
  return Object.assign(source, { left: () => values.length - i });
}

const heavy = fitMetalog([{ p: 0.1, x: 40000 }, { p: 0.5, x: 60000 }, { p: 0.9, x: 300000 }], { lower: 0 });
const unbounded = fitMetalog([{ p: 0.1, x: -2 }, { p: 0.5, x: 0 }, { p: 0.9, x: 5 }]);

describe('metalog draws in the end cells of the source grid', () => {
  it.each<[string, MetalogFit, number[], number, boolean]>([
    // [name, fit, uniforms, tail probability the draw stands for, upper tail?]
    ['top cell, halfway', heavy, [1 - CELL, 0.5], 0.5 * CELL, true],
    ['top cell, its top sub-cell refined again', heavy, [1 - CELL, 1 - CELL, 0.25], 0.75 * CELL * CELL, true],
    ['third cell from the top', heavy, [1 - 3 * CELL, 0.25], 2.75 * CELL, true],
    ['sixteenth cell from the top', heavy, [1 - 16 * CELL, 0.5], 15.5 * CELL, true],
    ['bottom cell, halfway', unbounded, [0, 0.5], 0.5 * CELL, false],
    ['bottom cell, its bottom sub-cell refined again', unbounded, [0, 0, 0.5], 0.5 * CELL * CELL, false],
    ['second cell from the bottom', unbounded, [CELL, 0.25], 1.25 * CELL, false],
  ])('%s', (_, fit, uniforms, p, upper) => {
    const source = scripted(uniforms);
    const x = metalog(source)(fit);
    expect(source.left()).toBe(0);
    const expected = quantileAt(fit, p, upper);
    expect(Math.abs(x - expected) / Math.abs(expected)).toBeLessThan(1e-12);
  });

  it('a draw in the body takes one uniform and is the quantile at it', () => {
    for (const u of [17 * CELL, 0.1, 0.5, 0.9, 1 - 17 * CELL]) {
      const source = scripted([u]);
      const x = metalog(source)(heavy);
      const expected = quantileAt(heavy, u < 0.5 ? u : 1 - u, u >= 0.5);
      expect(Math.abs(x - expected) / expected).toBeLessThan(1e-9);
    }
  });
});
