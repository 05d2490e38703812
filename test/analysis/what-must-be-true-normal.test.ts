import { describe, expect, it } from 'vitest';
import { prepareInput } from '../../src/analysis/attribution/input.js';
import type { AttributionInputs } from '../../src/analysis/attribution/sim-inputs.js';
import { sensitivity } from '../../src/analysis/sensitivity.js';
import { whatMustBeTrue } from '../../src/analysis/what-must-be-true.js';
import { normalCdf } from '../../src/math/normal-cdf.js';
import { createStream } from '../../src/random/source.js';
import { standardNormal } from '../../src/random/normal.js';

/**
 * The normal-normal model, where attribution's every answer is known: Y = X + W + s ε with X, W two
 * drivers' own draws and ε the unit-level luck, all independent N(0, 1). First-order shares
 * 1 / (2 + s²) each, luck s² / (2 + s²). With X held at x the rest, W + s ε, is symmetric about 0,
 * so the median of Y is x: what must be true for a target t is X >= t (or W >= t), at the own
 * percentile Φ(t).
 */
const S = 1.5;
const n = 20_000;
function normalNormal(seed: string) {
  const draw = standardNormal(createStream(`normal-normal-${seed}`));
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = draw();
    w[i] = draw();
    y[i] = x[i]! + w[i]! + S * draw();
  }
  const driver = (key: string, values: Float64Array) => ({ key, label: key, unit: 'count' as const, tier: 'T', planValue: 0, loading: 0, input: prepareInput(values, 'own') });
  const inputs: AttributionInputs = { trials: n, drivers: [driver('driver.T.x', x), driver('driver.T.w', w)] };
  return { inputs, y };
}

describe('attribution of the normal-normal model against its closed forms', () => {
  const { inputs, y } = normalNormal('a');
  const sens = sensitivity(inputs, y, 'revenue');

  it('first-order shares 1 / (2 + s²) each and luck s² / (2 + s²), within 5 jackknife standard errors', () => {
    const share = 1 / (2 + S * S);
    for (const d of sens.drivers) expect(Math.abs(d.varianceShare! - share), d.key).toBeLessThanOrEqual(5 * d.varianceShareStandardError!);
    expect(Math.abs(sens.unexplained.value! - (S * S) / (2 + S * S))).toBeLessThanOrEqual(5 * sens.unexplained.standardError!);
  });

  it.each([-1.5, -0.5, 0.3, 1.2])('what must be true for a target of %s: each driver at least the target, at its percentile Φ(t)', (t) => {
    const w = whatMustBeTrue(inputs, y, sens, { metric: 'revenue', value: t }, `revenue >= ${t}`);
    expect(w.drivers.map((d) => d.key).sort()).toEqual(['driver.T.w', 'driver.T.x']);
    // A bin's median of Y is known to 1.2533 sd(Y | X) / sqrt(n / K), sd(Y | X) = sqrt(1 + s²), and
    // the median moves one for one with x: 4 of those in x. The percentile through φ(t), with the
    // empirical CDF's own error (4 binomial standard errors).
    const tolerance = (4 * 1.2533 * Math.sqrt(1 + S * S)) / Math.sqrt(n / sens.bins);
    for (const c of w.drivers) {
      expect(c.reach, c.key).toBe('crosses');
      expect(c.direction).toBe('atLeast');
      expect(Math.abs(c.value! - t), `${c.key}: ${c.value} for ${t} (± ${tolerance})`).toBeLessThanOrEqual(tolerance);
      const F = normalCdf(t);
      expect(Math.abs(c.percentile! - F)).toBeLessThanOrEqual((Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI)) * tolerance + 4 * Math.sqrt((F * (1 - F)) / n));
    }
  });
});
