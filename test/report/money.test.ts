import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { currencySymbol, formatCurrency, formatShare, moneyLabelExpr } from '../../src/report/money.js';
import { renderChart } from '../../src/report/render-chart.js';
import { formatMoney } from '../../src/report/format.js';

describe('money as a planner reads it', () => {
  it.each([
    [150000, '$', '$150k'],
    [201040, '$', '$201k'],
    [2500, '$', '$2.50k'],
    [999, '$', '$999'],
    [999_950, '$', '$1.00M'],
    [132_162_418, '$', '$132M'],
    [1_234_567, '€', '€1.23M'],
    [-4_020_000, '$', '-$4.02M'],
    [2.5e9, '£', '£2.50B'],
    [999.95e9, '$', '$1.00T'],
    [1.5e12, '$', '$1.50T'],
    [1e15, '$', '$1,000T'], // T has no next unit: its thousands grouped
    [0, '$', '$0'],
    [12_000, 'CHF', 'CHF 12.0k'],
  ])('%d in %s -> %s', (value, symbol, text) => {
    expect(formatCurrency(value, symbol)).toBe(text);
  });

  it('writes trillions as T in tables, fixed-unit labels and axes alike (amounts reach 1e15)', () => {
    // Tables wrote 1.5e12 as "1500.00B" while chart axes wrote "$1.5T".
    expect(formatMoney(1.5e12)).toBe('1.50T');
    expect(formatMoney(-2.25e15)).toBe('-2,250T');
    expect(formatMoney(999e9)).toBe('999B');
    // Rounded up to 1,000 of a unit: the next unit's 1 (it printed 1000.0k, 1000.0M, 1000.00B, 1000, -1000.0k).
    expect([999_960, 999_999_999, 999_995e6, 999.6, -999_960, 999_449].map((v) => formatMoney(v))).toEqual(['1.00M', '1.00B', '1.00T', '1.00k', '-1.00M', '999k']);
  });

  it('finds the currency symbol from the ISO code', () => {
    expect(currencySymbol('USD')).toBe('$');
    expect(currencySymbol('EUR')).toBe('€');
    expect(currencySymbol('GBP')).toBe('£');
    expect(currencySymbol('CHF')).toBe('CHF');
  });

  it('writes shares with one decimal, small ones with two significant digits', () => {
    expect(formatShare(0.03)).toBe('3.0%');
    expect(formatShare(0.004)).toBe('0.4%');
    expect(formatShare(0.0004)).toBe('0.040%');
    expect(formatShare(1.048)).toBe('104.8%');
  });

  it('the axis label expression writes what formatCurrency writes, in vega itself', async () => {
    const values = [-2e6, 0, 150_000, 2.5e6, 1.2e9, 1.5e12, 2e15];
    const spec = {
      data: { values: values.map((v) => ({ v })) },
      mark: 'point',
      encoding: { x: { field: 'v', type: 'quantitative', axis: { values, labelExpr: moneyLabelExpr('€') } } },
    } as TopLevelSpec;
    const { svg, warnings } = await renderChart(spec);
    expect(warnings).toEqual([]);
    for (const label of ['-€2M', '€0', '€150k', '€2.5M', '€1.2B', '€1.5T', '€2,000T']) expect(svg).toContain(`>${label}<`);
    // Axis ticks are round numbers on a scale, written without trailing zeros (figures keep theirs: formatCurrency).
  });

  it('the axis label expression writes amounts below 1,000 as they are, never with milli (m) or micro', async () => {
    // An axis over a difference that is zero in every trial (compare a scenario with itself) spans -1 to 1:
    // its ticks at -0.5 and 0.5 read "-$500m" and "$500m", five hundred million.
    const values = [-1, -0.5, 0.25, 0.5, 1.5, 12.5, 999, 1500];
    const spec = {
      data: { values: values.map((v) => ({ v })) },
      mark: 'point',
      encoding: { x: { field: 'v', type: 'quantitative', axis: { values, title: null, labelExpr: moneyLabelExpr('$') } } },
    } as TopLevelSpec;
    const { svg, warnings } = await renderChart(spec);
    expect(warnings).toEqual([]);
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(['-$1', '-$0.5', '$0.25', '$0.5', '$1.5', '$12.5', '$999', '$1.5k']);
  });
});

describe('a negative figure that rounds to zero reads as zero, never -0', () => {
  it('formatMoney, formatPercent and formatCount', async () => {
    const { formatPercent, formatCount } = await import('../../src/report/format.js');
    // Significant digits never round a non-zero amount to zero; -0 reads 0.
    expect([-0.4, -0, -0.0004].map(formatMoney)).toEqual(['-0.400', '0', '-0.000400']);
    expect([-0.6, -1234.5].map(formatMoney)).toEqual(['-0.600', '-1.23k']);
    // formatPercent is formatShare: two significant digits below 0.1% either side of zero; -0 reads 0.0%.
    expect([-0.0004, -0, -0.00049].map(formatPercent)).toEqual(['-0.040%', '0.0%', '-0.049%']);
    expect(formatPercent(-0.0006)).toBe('-0.060%');
    expect(formatPercent(-0.0016)).toBe('-0.2%');
    expect([-0.4, -0].map(formatCount)).toEqual(['0', '0']);
    expect(formatCount(-0.6)).toBe('-1');
  });
});
