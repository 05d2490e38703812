import { describe, expect, it } from 'vitest';
import { binMedians, isotonic, medianCrossing } from '../../../src/analysis/attribution/break-even.js';
import { componentShortfalls, meanOverWorst, worstCut, worstTrials } from '../../../src/analysis/attribution/bad-years.js';
import { prepareInput } from '../../../src/analysis/attribution/input.js';
import { tornadoEnd } from '../../../src/analysis/attribution/tornado.js';
import { createStream } from '../../../src/random/source.js';
import { standardNormal } from '../../../src/random/normal.js';

/**
 * Y = a U1 + b (U2 - 1/2) + sigma eps: every part but a U1 is symmetric about 0, so the median of Y
 * with U1 held at u is a u, and over a band of U1 symmetric about u it is still a u.
 */
function linear(n: number, seed: string, a = 10, b = 2, sigma = 1) {
  const s = createStream(`linear-${seed}`);
  const z = standardNormal(s);
  const u1 = new Float64Array(n);
  const u2 = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    u1[i] = s();
    u2[i] = s();
    y[i] = a * u1[i]! + b * (u2[i]! - 0.5) + sigma * z();
  }
  return { u1, u2, y, a, b, sigma };
}

describe('the tornado: the metric with an input at its P10 and P90, others as drawn', () => {
  it('is a u at u = 0.1 and 0.9, within the band median’s interval', () => {
    const d = linear(20_000, 'tornado');
    const u = prepareInput(d.u1, 'own');
    for (const p of [0.1, 0.9]) {
      const end = tornadoEnd(d.y, u.percentile, p);
      // About 10% of trials in the band.
      expect(Math.abs(end.trials - 2_000)).toBeLessThanOrEqual(1);
      // The order-statistic interval is a 95% interval: its half width / 1.96 is a standard error.
      const se = (end.interval![1] - end.interval![0]) / (2 * 1.96);
      expect(Math.abs(end.metricMedian - d.a * p)).toBeLessThanOrEqual(4 * se);
    }
  });

  it('gives an input with no effect a swing within its noise of 0', () => {
    const d = linear(20_000, 'flat', 10, 0);
    const u2 = prepareInput(d.u2, 'own');
    const lo = tornadoEnd(d.y, u2.percentile, 0.1);
    const hi = tornadoEnd(d.y, u2.percentile, 0.9);
    const se = Math.hypot(lo.interval![1] - lo.interval![0], hi.interval![1] - hi.interval![0]) / (2 * 1.96);
    expect(Math.abs(hi.metricMedian - lo.metricMedian)).toBeLessThanOrEqual(4 * se);
  });
});

describe('what must be true: where the median crosses a target', () => {
  it('isotonic regression pools adjacent violators', () => {
    expect(Array.from(isotonic([1, 3, 2, 4], [1, 1, 1, 1]))).toEqual([1, 2.5, 2.5, 4]);
    expect(Array.from(isotonic([3, 2, 1], [1, 1, 2]))).toEqual([1.75, 1.75, 1.75]);
  });

  it('finds the own percentile where the median of Y = a U1 + ... reaches a target: target / a', () => {
    const n = 20_000;
    const d = linear(n, 'cross');
    const u = prepareInput(d.u1, 'own');
    const b = binMedians(d.y, u);
    for (const p of [0.3, 0.7]) {
      const c = medianCrossing(b, d.a * p);
      expect(c.kind).toBe('crosses');
      if (c.kind !== 'crosses') continue;
      expect(c.direction).toBe('up');
      // Error of a bin's median: 1.2533 sd(Y | U1 in bin) / sqrt(trials in bin) (the median of a
      // near-normal sample); in percentile units divided by the slope a. 4 of those.
      const sdWithin = Math.sqrt(d.b ** 2 / 12 + d.sigma ** 2 + d.a ** 2 / (12 * u.bins ** 2));
      const tolerance = (4 * 1.2533 * sdWithin) / Math.sqrt(n / u.bins) / d.a;
      expect(Math.abs(c.percentile - p)).toBeLessThanOrEqual(tolerance);
    }
  });

  it('reads a metric that falls with the input as "down", and says when one input cannot reach a target', () => {
    const d = linear(5_000, 'down');
    const y = d.y.map((v) => -v);
    const b = binMedians(y, prepareInput(d.u1, 'own'));
    const c = medianCrossing(b, -d.a * 0.4);
    expect(c.kind === 'crosses' && c.direction).toBe('down');
    expect(medianCrossing(b, 1e9)).toEqual({ kind: 'never', direction: 'down' });
    expect(medianCrossing(b, -1e9)).toEqual({ kind: 'always' });
  });
});

describe('where the bad years come from', () => {
  it('picks exactly the k lowest trials', () => {
    expect(Array.from(worstTrials(Float64Array.of(5, 1, 4, 2, 3), 0.4))).toEqual([1, 3]);
    expect(Array.from(worstTrials(Float64Array.of(2, 1, 1, 1, 3), 0.4))).toEqual([1, 2]);
  });

  it('puts the driving input low and an inert one at the middle, within its standard error', () => {
    const n = 20_000;
    const d = linear(n, 'bad', 10, 0, 0.01);
    const cut = worstCut(d.y, 0.1);
    const p1 = meanOverWorst(prepareInput(d.u1, 'own').percentile, cut);
    const p2 = meanOverWorst(prepareInput(d.u2, 'own').percentile, cut);
    // Y is nearly 10 U1: the worst 10% are U1's lowest 10%, average percentile 0.05.
    expect(Math.abs(p1.mean - 0.05)).toBeLessThanOrEqual(4 * p1.standardError + 1 / n);
    expect(Math.abs(p2.mean - 0.5)).toBeLessThanOrEqual(4 * p2.standardError);
  });

  it('splits the shortfall by component, with shares adding up to 1 when the components add up to the metric', () => {
    const d = linear(10_000, 'components');
    const c1 = d.u1.map((v) => d.a * v);
    const c2 = d.y.map((v, i) => v - c1[i]! + 100);
    const y = d.y.map((v) => v + 100 + 7);
    const worst = worstTrials(y, 0.1);
    const parts = componentShortfalls(y, worst, [
      { component: 'a', values: c1 },
      { component: 'b', values: c2 },
    ]);
    expect(parts[0]!.share + parts[1]!.share).toBeCloseTo(1, 12);
    expect(parts[0]!.shortfall).toBeCloseTo(parts[0]!.mean - parts[0]!.worstMean, 12);
    // U1 carries most of Y's spread (Var 100/12 against 4/12 + 1), so most of the shortfall.
    expect(parts[0]!.share).toBeGreaterThan(parts[1]!.share);
  });

  it('a shortfall that is all one component is 100% of it, though its column is float32 and the total float64', () => {
    // arrcast run a1.yaml (12 customers at 100k, renewal 0.5, nothing else): the paragraph read
    // '99.9999995% of their shortfall ... coming from churn', the float32 churn column's rounding
    // against the float64 revenue. Revenue = 1.2M (opening book) + churn, exactly, in every trial.
    const u = createStream('all churn');
    const n = 5_000;
    const churn = new Float32Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let lost = 0;
      for (let m = 1; m <= 12; m++) if (u() < 0.5) lost += (100_000 * (13 - m)) / 12;
      churn[i] = -lost;
      y[i] = 1_200_000 - lost;
    }
    const worst = worstTrials(y, 0.1);
    const zero = new Float32Array(n);
    const parts = componentShortfalls(y, worst, [
      { component: 'newBusiness', values: zero },
      { component: 'churn', values: churn },
    ]);
    expect(parts[1]!.share).toBe(1);
    expect(parts[0]!.share).toBe(0);
    // A subset of components that does not add up to the metric keeps the metric's own shortfall as the denominator.
    const half = Float32Array.from(churn, (v) => v / 2);
    expect(componentShortfalls(y, worst, [{ component: 'churn', values: half }])[0]!.share).toBeCloseTo(0.5, 6);
  });
});
