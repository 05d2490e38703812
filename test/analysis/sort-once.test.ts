import fc from 'fast-check';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { describe, PERCENTILES, type Stat } from '../../src/analysis/describe.js';
import { confidenceRanks, intervalOutsideSample, ONE_TRIAL, selectOrderStatistics, type7, type7Positions } from '../../src/analysis/order-statistics.js';
import { SortWorkspace, sortedFinite } from '../../src/math/sorted-values.js';
import { expectedShortfall, quantile } from '../../src/analysis/tail.js';
import { summarize } from '../../src/analysis/summarize.js';
import { metricColumn } from '../../src/analysis/columns.js';
import { METRIC_COMPONENTS, METRICS } from '../../src/model/components.js';
import { simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../helpers/fixtures.js';
import { createStream } from '../../src/random/source.js';

/**
 * The describe() of before the sort-once change: Welford, then each order statistic by quickselect.
 * Since then, one finite value has no sd, standard error or intervals (null, not estimable).
 */
function selectionDescribe(values: ArrayLike<number>): Stat | undefined {
  const xs = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) xs[n++] = values[i]!;
  if (n === 0) return undefined;
  let mean = 0;
  let m2 = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = xs[i]!;
    const d = v - mean;
    mean += d / (i + 1);
    m2 += d * (v - mean);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
  const positions = PERCENTILES.flatMap((p) => [...type7Positions(n, p / 100), ...confidenceRanks(n, p / 100)]);
  const selected = selectOrderStatistics(xs, n, positions);
  const percentiles: Record<string, number> = {};
  const percentileIntervals: Record<string, [number, number] | null> = {};
  const reasons: string[] = [];
  for (const p of PERCENTILES) {
    percentiles[`p${p}`] = type7(selected, n, p / 100);
    const [lo, hi] = confidenceRanks(n, p / 100);
    // An interval reaching beyond the sample is not estimable (intervalOutsideSample).
    const outside = intervalOutsideSample(n, p / 100);
    if (outside !== undefined) reasons.push(outside);
    percentileIntervals[`p${p}`] = outside === undefined ? [selected.get(lo)!, selected.get(hi)!] : null;
  }
  if (n === 1) return { mean, sd: null, standardError: null, min, max, percentiles, percentileIntervals: null, notEstimable: ONE_TRIAL } as unknown as Stat;
  return { mean, sd, standardError: sd / Math.sqrt(n), min, max, percentiles, percentileIntervals, ...(reasons.length > 0 ? { percentileIntervalsNotEstimable: reasons.join('; ') } : {}) } as unknown as Stat;
}

/** Same number, or both NaN; -0 and +0 are the same order statistic (JSON writes both as 0). */
const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

function expectSameStat(a: Stat | undefined, b: Stat | undefined, what: string): void {
  expect(a === undefined, what).toBe(b === undefined);
  if (!a || !b) return;
  for (const k of ['mean', 'sd', 'standardError', 'min', 'max'] as const) expect(a[k] === b[k] || same(a[k]!, b[k]!), `${what} ${k}: ${a[k]} vs ${b[k]}`).toBe(true);
  expect(a.percentileIntervals === null, `${what} intervals`).toBe(b.percentileIntervals === null);
  for (const p of PERCENTILES) {
    const key = `p${p}` as const;
    expect(same(a.percentiles[key], b.percentiles[key]), `${what} ${key}`).toBe(true);
    if (a.percentileIntervals === null) continue;
    const [ia, ib] = [a.percentileIntervals[key], b.percentileIntervals![key]];
    expect(ia === null, `${what} ${key} interval`).toBe(ib === null);
    if (ia === null || ib === null) continue;
    expect(same(ia[0], ib[0]) && same(ia[1], ib[1]), `${what} ${key} interval`).toBe(true);
  }
}

const doubles = fc.oneof(
  fc.double({ noNaN: false }),
  fc.constantFrom(0, -0, 1, -1, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Infinity, Infinity, NaN),
  fc.integer({ min: -5, max: 5 }),
);

suite('the radix sort of a column', () => {
  it('orders finite doubles as the native typed-array sort does, bit for bit (-0 before +0), leaving out NaN and infinities', () => {
    fc.assert(
      fc.property(fc.array(doubles, { maxLength: 300 }), (xs) => {
        const native = Float64Array.from(xs.filter(Number.isFinite)).sort();
        const radix = sortedFinite(Float64Array.from(xs));
        expect(radix.length).toBe(native.length);
        for (let i = 0; i < native.length; i++) expect(Object.is(radix[i], native[i]), `${radix[i]} vs ${native[i]} at ${i}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('sorts float32 columns on their 32-bit keys and widens them exactly', () => {
    fc.assert(
      fc.property(fc.array(doubles, { maxLength: 300 }), (xs) => {
        const f32 = Float32Array.from(xs);
        const native = Float64Array.from(Array.from(f32).filter(Number.isFinite)).sort();
        const radix = sortedFinite(f32);
        expect(radix.length).toBe(native.length);
        for (let i = 0; i < native.length; i++) expect(Object.is(radix[i], native[i])).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('orders long float64 columns as the native sort does, bit for bit, with every pass taken or skipped (one reused workspace)', () => {
    // 20,000 values each: every digit of both words varying, a narrow range (the top passes
    // skipped), both signs, zeros and infinities, ties, whole numbers (low word all zero), one value,
    // values that share their hi word.
    const rnd = createStream('long float64 columns');
    const kinds: Array<(i: number) => number> = [
      () => (rnd() - 0.5) * 10 ** (rnd() * 40 - 20),
      () => 0.05 + rnd() * 1e-3,
      () => Math.exp(3 * rnd()) * 1e4,
      (i) => [0, -0, 1, -1, Number.MIN_VALUE, -Number.MAX_VALUE][i % 6]! * (rnd() < 0.5 ? 1 : 2),
      () => Math.floor(rnd() * 1000) - 500,
      () => 7.25,
      // One hi word, the lo words at random: sorting runs of equal hi by insertion would move about
      // n^2 / 4 keys, so the sort gives up on it and makes its six passes.
      () => 1 + rnd() * 2 ** -20,
    ];
    const ws = new SortWorkspace();
    const out = new Float64Array(20_000);
    for (const kind of kinds) {
      const xs = Float64Array.from({ length: 20_000 }, (_, i) => kind(i));
      const native = xs.filter(Number.isFinite).sort();
      expect(ws.sortFinite(xs, out)).toBe(native.length);
      let differ = 0;
      for (let i = 0; i < native.length; i++) if (!Object.is(out[i], native[i])) differ++;
      expect(differ).toBe(0);
    }
  });

  it('reuses its workspace across columns of different types and lengths', () => {
    const ws = new SortWorkspace();
    const out = new Float64Array(1000);
    expect(Array.from(out.subarray(0, ws.sortFinite(Float64Array.of(3, 1, 2), out)))).toEqual([1, 2, 3]);
    expect(Array.from(out.subarray(0, ws.sortFinite(Float32Array.from({ length: 1000 }, (_, i) => 999 - i), out)).slice(0, 3))).toEqual([0, 1, 2]);
    expect(Array.from(out.subarray(0, ws.sortFinite([5, NaN, -2], out)))).toEqual([-2, 5]);
  });
});

suite('describe from one sort', () => {
  it('gives every number the selection of before gave, bit for bit', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 9 }), fc.constant(NaN)), { maxLength: 400 }), fc.boolean(), (xs, narrow) => {
        const values = narrow ? Float32Array.from(xs) : Float64Array.from(xs);
        expectSameStat(describe(values), selectionDescribe(values), 'describe');
      }),
      { numRuns: 300 },
    );
  });
});

suite('a summary sorts each column once', () => {
  it('keeps every statistic and budget of the selection of before; the worst-year means agree to 1e-13 (compensated ascending sum instead of the partition order)', async () => {
    const sim = await simulate(await loadScenario(join(ROOT, 'scenarios/example.yaml')), { trials: 3000, seed: 11, workers: 0 });
    const summary = summarize(sim, { confidence: 0.8 });
    for (const m of METRICS) {
      expectSameStat(summary.metrics[m], selectionDescribe(sim.store.column(m)!), m);
      for (const c of METRIC_COMPONENTS[m])
        if (c !== 'openingBook') expectSameStat(summary.byComponent[m][c], selectionDescribe(sim.store.column(`component.${m}.${c}`)!), `${m}.${c}`);
      const col = sim.store.column(m)!;
      expect(summary.decisions.budgets.metrics[m]).toEqual(quantile(col, 1 - 0.8));
      expect(summary.decisions.downside[m].p10).toEqual(quantile(col, 0.1));
      for (const [share, key] of [[0.05, 'worst5Mean'], [0.1, 'worst10Mean']] as const) {
        const reference = expectedShortfall(col, share);
        expect(Math.abs(summary.decisions.downside[m][key] - reference) / Math.abs(reference)).toBeLessThan(1e-13);
      }
      for (const t of sim.plan.tiers) {
        expect(summary.decisions.budgets.byTier[t.name]![m]).toEqual(quantile(metricColumn(sim, m, t.name), 1 - 0.8));
        expectSameStat(summary.byTier[t.name]![m], selectionDescribe(metricColumn(sim, m, t.name)), `${t.name} ${m}`);
      }
    }
    for (const [i, month] of summary.monthly.entries()) expectSameStat(month.mrr, selectionDescribe(sim.store.column(`mrr.${i + 1}`)!), `mrr.${i + 1}`);
  });
});
