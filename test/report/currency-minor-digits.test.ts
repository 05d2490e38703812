import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { bareCurrency, currencyMinorDigits, currencySymbol, formatCurrency, formatStatedCurrency, markMinorDigits, moneyLabelExpr, targetAmount, unitText } from '../../src/report/money.js';
import { fixedMoney } from '../../src/report/fixed-money.js';
import { formatMoneyBeside, moneyCellsFormat } from '../../src/report/interval-format.js';
import { renderChart } from '../../src/report/render-chart.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { summaryParagraph } from '../../src/report/summary-paragraph.js';
import { summaryTable, TERMINAL_PARAGRAPH_FORMAT } from '../../src/report/summary-table.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { percentilesCsv } from '../../src/report/percentiles-csv.js';
import { monthlyCsv } from '../../src/report/monthly-csv.js';
import { runReportScenario } from './fixture.js';

// ISO 4217 exponents, from the standard's table (not from the runtime): the decimals of each
// currency's minor unit. Amounts below 1,000 are written at three significant digits, never finer
// than that unit: yen and won have none, the Kuwaiti dinar three (fils).
const ISO_EXPONENT: Record<string, number> = { USD: 2, EUR: 2, JPY: 0, KRW: 0, VND: 0, KWD: 3, BHD: 3, CHF: 2 };

describe("a currency's minor unit in every money formatter", () => {
  it('knows the ISO 4217 exponents, and each en-US symbol names one currency', () => {
    for (const [code, digits] of Object.entries(ISO_EXPONENT)) expect([code, currencyMinorDigits(code)]).toEqual([code, digits]);
    // The html, charts, xlsx and compare pass a symbol: it must name its currency's digits for every currency.
    for (const code of Intl.supportedValuesOf('currency')) expect([code, markMinorDigits(currencySymbol(code))]).toEqual([code, currencyMinorDigits(code)]);
    // A code the runtime does not list (its symbol is the code): the same digits as the terminal's mark of it.
    expect(formatCurrency(0.0123, currencySymbol('XYZ'))).toBe(`XYZ ${formatCurrency(0.0123, bareCurrency('XYZ'))}`);
  });

  it.each([
    [7, 'JPY', '¥7'], // was ¥7.00
    [7.4, 'JPY', '¥7'],
    [12.5, 'JPY', '¥13'], // a half away from zero
    [999.4, 'JPY', '¥999'],
    [999.6, 'JPY', '¥1.00k'], // rounds to 1,000 yen: the next unit
    [-650, 'KRW', '-₩650'],
    [7.1234, 'KWD', 'KWD 7.12'], // three significant digits are within fils
    [0.0012345, 'KWD', 'KWD 0.001'], // was KWD 0.00123: finer than a fils
    [0.0004, 'KWD', 'KWD 0.000'], // rounds to zero at the minor unit: no sign, no false digits
    [0.5, 'USD', '$0.50'],
    [1234, 'JPY', '¥1.23k'], // in a unit the decimals are the unit's, not the currency's
  ])('%d %s -> %s', (value, code, text) => {
    expect(formatCurrency(value, currencySymbol(code))).toBe(text);
    // The terminal: the same digits without the symbol.
    expect(formatCurrency(value, bareCurrency(code))).toBe(text.replace(currencySymbol(code), '').replace(/^(-?) /, '$1'));
  });

  it('a figure beside its interval, a row of figures and a fixed-unit set take the cap too', () => {
    expect(formatMoneyBeside(7.43, [7.41, 7.46], '¥')).toBe('¥7'); // ends alike at whole yen: no false decimals
    expect(formatMoneyBeside(512.3, [498.7, 530.2], bareCurrency('JPY'))).toBe('512');
    expect(moneyCellsFormat([{ value: 7.43, interval: null }, { value: 7.61, interval: null }], '¥')(7.43)).toBe('¥7');
    expect(fixedMoney([7.43, 80.2], '¥')(7.43)).toBe('¥7');
  });

  it("a chart's axis writes a small yen tick at whole yen, in vega itself", async () => {
    const values = [2.5, 40, 1500];
    const spec = { data: { values: values.map((v) => ({ v })) }, mark: 'point', encoding: { x: { field: 'v', type: 'quantitative', axis: { values, labelExpr: moneyLabelExpr('¥') } } } } as TopLevelSpec;
    const { svg } = await renderChart(spec);
    for (const label of ['¥3', '¥40', '¥1.5k']) expect(svg).toContain(`>${label}<`);
    expect(svg).not.toContain('>¥2.5<');
  });
});

describe("one rule for a unit's carry", () => {
  it('T has no next unit: its thousands are grouped in every formatter', () => {
    expect(unitText('1000.00', 'T')).toBe('1,000.00T');
    expect(formatStatedCurrency(999_999_999_999_999, '$')).toBe('≈$1,000.00T'); // was ≈$1000.00T
    expect(formatCurrency(999.9996e12, '$')).toBe('$1,000T');
    expect(targetAmount(1e15, '$')).toBe('$1,000T');
    expect(fixedMoney([999.99e12], '$')(999.99e12)).toBe('$1,000.0T');
    expect(formatMoneyBeside(999.9996e12, [999.9e12, 1000.1e12], '$')).toBe('$1,000.0T');
  });

  it('an amount that rounds to 1,000 of k, M or B is the next unit in every formatter, at every digit count', () => {
    const written: string[] = [];
    for (const size of [1e3, 1e6, 1e9, 1e12])
      for (const eps of [5e-3, 5e-4, 5e-5, 5e-6, 5e-7, 4e-7, 1e-9]) {
        const v = size * (1 - eps);
        written.push(formatCurrency(v, '$'), formatCurrency(v, '$', 6), formatStatedCurrency(v, '$'), targetAmount(v, '$'), fixedMoney([v], '$')(v));
        written.push(formatMoneyBeside(v, [v * (1 - 1e-4), v * (1 + 1e-5)], '$'), formatMoneyBeside(v, [v * (1 - 1e-6), v], '$'));
        written.push(moneyCellsFormat([{ value: v, interval: [v * (1 - 1e-7), v * (1 + 1e-7)] }, { value: v * (1 - 2e-7), interval: null }], '$')(v));
      }
    // "1000" of a unit, or four whole digits before a unit, is a carry missed.
    expect(written.filter((t) => /\$\d{4}/.test(t))).toEqual([]);
  });
});

// A yen company so small that its components are a few hundred yen: every output writes them in whole yen.
const TINY_YEN = `
name: Tiny yen Co
currency: JPY
seed: 5
tiers:
  - name: Shop
    existing:
      openingArr: 6000
      customers: 10
      renewalRate: { dist: beta, mean: 0.8, sd: 0.05 }
      contraction: { probability: { dist: beta, mean: 0.1, sd: 0.03 }, size: { dist: beta, mean: 0.2, sd: 0.05 } }
      expansion: { probability: { dist: beta, mean: 0.1, sd: 0.03 }, size: { dist: lognormal, median: 0.2, p90: 0.4 } }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 3 }
      conversion: { dist: beta, mean: 0.3, sd: 0.05 }
      acv: { dist: lognormal, median: 50, p90: 120 }
`;

describe('a yen company in the terminal, report.html and the CSVs', () => {
  it('writes its amounts below 1,000 in whole yen, and its CSV money to the yen', async () => {
    const { summary } = await runReportScenario(TINY_YEN, 300);
    const scenario = parseScenario(TINY_YEN, 'tiny-yen.yaml').scenario;
    const terminal = `${summaryParagraph(summary, TERMINAL_PARAGRAPH_FORMAT)}\n\n${summaryTable(summary)}`;
    const html = reportHtml({ summary, scenario, charts: [], files: [] });
    // Some component is below 1,000 yen (the test would prove nothing otherwise).
    const small = Object.values(summary.byComponent.revenue).filter((s) => s !== undefined && Math.abs(s.mean) > 0 && Math.abs(s.mean) < 1000);
    expect(small.length).toBeGreaterThan(0);
    // No amount without a unit has decimals: "¥7.00", "123.40" were written before.
    expect(html.match(/¥\d+\.\d+(?![\dkMBT])/g) ?? []).toEqual([]);
    for (const s of small) {
      const yen = Math.round(Math.abs(s.mean)).toLocaleString('en-US'); // below 1,000: at most three digits, all whole
      const sign = s.mean < 0 ? '-' : '';
      expect(html).toContain(`${sign}¥${yen}<`);
      expect(terminal).toMatch(new RegExp(`(^|\\s)${sign}${yen}(\\s|$)`, 'm'));
    }
    const csvMoney = percentilesCsv(summary).split('\n').filter((l) => l.startsWith('revenue,'));
    expect(csvMoney.length).toBeGreaterThan(0);
    for (const line of csvMoney) expect(line).toMatch(/,-?\d*$/);
    for (const line of monthlyCsv(summary).split('\n').slice(1).filter(Boolean)) expect(line).not.toMatch(/\.\d/);
  });
});
