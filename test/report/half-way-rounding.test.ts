import { beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { summarize, type Summary } from '../../src/analysis/summarize.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { formatMoney, formatMoneyWith, formatPercent, columnPercent } from '../../src/report/format.js';
import { formatCurrency, formatShare } from '../../src/report/money.js';
import { formatShareBeside, formatShareInterval } from '../../src/report/interval-format.js';
import { TWO_TIERS } from './fixture.js';

/**
 * A figure exactly half way between two it could be shown as is rounded away from zero, as a reader
 * and a spreadsheet round it: toFixed and toPrecision round the binary double, which lies just below
 * many such halves, so a target reached in 1,897 of 2,000 trials (94.85%) read 94.8% in the terminal and
 * report.html beside report.xlsx's 94.9% (Excel rounds the decimal), and a P90 of 4,550,000 read 4.5M.
 */
describe('halves, each worked by hand', () => {
  it('shares: 94.85% reads 94.9% in every share formatter', () => {
    // 0.9485 is stored as 0.94849999999999989875...: toFixed(1) of its percentage gave '94.8'.
    expect(formatShare(0.9485)).toBe('94.9%');
    expect(formatPercent(0.9485)).toBe('94.9%');
    expect(columnPercent(0.9485)).toBe('94.9%');
    expect(formatShareBeside(0.9485, [0.93, 0.96])).toBe('94.9%');
    expect(formatShareInterval([0.6755, 0.9485])).toBe('[67.6%, 94.9%]');
    // Below 0.1%, two significant digits: 0.0845% (stored below the half) reads 0.085%.
    expect(formatShare(0.000845)).toBe('0.085%');
  });

  it('money: 4,555,000 reads 4.56M, -1,085,000 -$1.09M, and a carry still moves to the next unit', () => {
    expect(formatMoney(4_555_000)).toBe('4.56M');
    expect(formatMoney(-4_555_000)).toBe('-4.56M');
    expect(formatMoney(1_085_000)).toBe('1.09M');
    expect(formatMoneyWith(1_085_500, 1)).toBe('1.086M');
    expect(formatCurrency(-1_085_000, '$')).toBe('-$1.09M');
    expect(formatCurrency(1_150_000, '$')).toBe('$1.15M');
    expect(formatCurrency(1_150_000, '$', 2)).toBe('$1.2M');
    expect(formatCurrency(4_555_000, '$')).toBe('$4.56M');
    expect(formatMoney(999_950)).toBe('1.00M');
    expect(formatCurrency(999_500, '$')).toBe('$1.00M');
  });

  it('a value not at a half rounds as before, and a share just below 1 never reads 100%', () => {
    expect(formatShare(0.94849)).toBe('94.8%');
    expect(formatMoney(4_554_999)).toBe('4.55M');
    expect(formatShare(1 - 2 ** -52)).not.toMatch(/^100(\.0*)?%$/);
  });
});

describe("the terminal's targets", () => {
  const n = 2000;
  let summary: Summary;
  let counts: number[];
  beforeAll(async () => {
    const plain = await simulate(parseScenario(TWO_TIERS, 'plan.yaml'), { trials: n, workers: 0 });
    const revenue = Float64Array.from(plain.store.column('revenue')!).sort();
    // Targets at order statistics whose reach counts are odd: each chance is k/2000, a half at one decimal.
    counts = [103, 451, 1001, 1351, 1897];
    const targets = counts.map((k) => `    - { metric: revenue, value: ${revenue[n - k]!}, label: "reach ${k}" }`);
    const yaml = `${TWO_TIERS}\ntargets:\n  metrics:\n${targets.join('\n')}\n`;
    summary = summarize(await simulate(parseScenario(yaml, 'targets.yaml'), { trials: n, workers: 0 }));
  });

  it('write each k/2000 rounded half away from zero (integer arithmetic here)', () => {
    const table = summaryTable(summary);
    for (const k of counts) {
      const t = summary.decisions.targets.find((x) => x.label === `reach ${k}`)!;
      // The case this needs: the target is reached in exactly k of the trials (no ties at it).
      expect(t.probability.value * n).toBeCloseTo(k, 9);
      const tenths = Math.floor((2 * k * 1000 + n) / (2 * n));
      const want = `${Math.floor(tenths / 10)}.${tenths % 10}%`;
      expect(table, `reach ${k}`).toMatch(new RegExp(`reach ${k}\\s+${want.replace('.', '\\.')}\\s`));
    }
  });
});
