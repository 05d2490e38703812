import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { summarize } from '../../src/analysis/summarize.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { formatShare } from '../../src/report/money.js';
import { formatPercent } from '../../src/report/format.js';
import { formatShareBeside, formatShareInterval } from '../../src/report/interval-format.js';
import { TWO_TIERS } from './fixture.js';

describe('a share near 0 or 1 is not printed as a certainty', () => {
  it('below 100%: as many decimals as keep it from 100.0%; above 0: two significant digits', () => {
    for (const f of [formatShare, formatPercent]) {
      expect(f(2999 / 3000)).toBe('99.97%');
      expect(f(0.9995)).toBe('99.95%');
      expect(f(0.999)).toBe('99.9%');
      expect(f(1)).toBe('100.0%');
      expect(f(1.048)).toBe('104.8%');
      expect(f(1 / 3000)).toBe('0.033%');
      expect(f(0)).toBe('0.0%');
      expect(f(0.912)).toBe('91.2%');
    }
  });

  it('no share below 1 reads 100%, however near 1 (fast-check)', () => {
    // 1 - 1e-9 (a variance share of a driver that is nearly all of a metric's spread) read '100.000000%'.
    expect(formatShare(1 - 1e-9)).toBe('99.9999999%');
    fc.assert(
      fc.property(fc.double({ min: 0.999, max: 1 - 2 ** -53, noNaN: true }), (v) => {
        for (const f of [formatShare, formatPercent]) expect(Number(f(v).slice(0, -1)), f(v)).toBeLessThan(100);
      }),
    );
  });

  it('nor does an interval of shares below 1, nor a share beside it (fast-check)', () => {
    // [1 - 1.02e-9, 1 - 1.01e-9] read '[100.00000%, 100.00000%]' (5 decimals at most, from 2).
    expect(formatShareInterval([1 - 1.02e-9, 1 - 1.01e-9])).toBe('[99.999999898%, 99.999999899%]');
    const below = fc.double({ min: 0.999, max: 1 - 2 ** -53, noNaN: true });
    fc.assert(
      fc.property(below, below, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const ends = formatShareInterval([lo, hi]).slice(1, -1).split(', ');
        for (const text of [...ends, formatShareBeside((lo + hi) / 2, [lo, hi])]) expect(Number(text.slice(0, -1)), text).toBeLessThan(100);
      }),
    );
  });

  it('a target one trial in 3,000 misses reads 99.967% in the terminal and report.html (beside [99.811%, 99.999%]: the decimals that read its upper end below 100%, one precision), one only that trial reaches 0.033%', async () => {
    const loaded = parseScenario(TWO_TIERS, 'report-test.yaml');
    const sim = await simulate(loaded, { trials: 3000, workers: 0, seed: 8 });
    // The second-lowest and the highest revenue of the run: all trials but the lowest reach the
    // first, only the highest reaches the second (revenue is continuous: no ties).
    const sorted = Float64Array.from(sim.store.column('revenue')!).sort();
    const summary = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: sorted[1]!, label: 'all but one' }, { metric: 'revenue', value: sorted[2999]!, label: 'only one' }] } });
    expect(summary.decisions.targets.map((t) => t.probability.value)).toEqual([2999 / 3000, 1 / 3000]);
    const table = summaryTable(summary);
    // Its interval's upper end, 0.00084% short of 100%, reads 100.00% at the figure's two decimals and
    // 99.999% at three: the figure beside it takes them too (the twenty-third session wrote five, for
    // two significant digits of that distance, where the interval, 0.19% wide, supports two).
    expect(table).toMatch(/all but one +99\.967% +\[99\.811%, 99\.999%\]/);
    // Its low end, 0.00084%, reads 0.001% at the figure's three decimals (the mirror of the row above).
    expect(table).toMatch(/only one +0\.033% +\[0\.001%, 0\.189%\]/);
    const html = reportHtml({ summary, scenario: loaded.scenario, charts: [] });
    expect(html).toContain('<th scope="row">all but one</th><td class="num">99.967%</td><td class="num">[99.811%, 99.999%]</td>');
    expect(html).toContain('<th scope="row">only one</th><td class="num">0.033%</td>');
  });
});
