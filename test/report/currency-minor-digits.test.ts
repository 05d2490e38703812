import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { bareCurrency, currencyMinorDigits, currencySymbol, formatCurrency, formatStatedCurrency, markMinorDigits, moneyLabelExpr, targetAmount, unitText } from '../../src/report/money.js';
import { fixedMoney } from '../../src/report/fixed-money.js';
import { budgetMoney, formatMoneyBeside, formatMoneyInterval, metricRowMoney, moneyCellsFormat, statFigureBeside } from '../../src/report/interval-format.js';
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
    // XXX (no currency) is not listed but has a symbol, '¤': capped as the terminal caps it (¤0.123 beside 0.12 before).
    expect(formatCurrency(0.12345, currencySymbol('XXX'))).toBe(`¤${formatCurrency(0.12345, bareCurrency('XXX'))}`);
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
    [0.0004, 'KWD', 'KWD 0.000400'], // below the minor unit: significant digits, never "KWD 0.000"
    [-0.004, 'USD', '-$0.00400'], // was "$0.00": a non-zero amount never reads as zero
    [0.4, 'JPY', '¥0.400'], // an s.e. of ¥0.4 was "0"
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
    const values = [0.4, 2.5, 40, 1500];
    const spec = { data: { values: values.map((v) => ({ v })) }, mark: 'point', encoding: { x: { field: 'v', type: 'quantitative', axis: { values, labelExpr: moneyLabelExpr('¥') } } } } as TopLevelSpec;
    const { svg } = await renderChart(spec);
    // A tick below half a yen keeps its digits: not zero ("¥0" before).
    for (const label of ['¥0.4', '¥3', '¥40', '¥1.5k']) expect(svg).toContain(`>${label}<`);
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

  it('an amount that rounds to 1,000 of no unit, k, M or B is the next unit in every formatter, at every digit count and currency mark', () => {
    const written: string[] = [];
    const marks = ['$', '¥', 'KWD', '', bareCurrency('JPY'), bareCurrency('USD'), bareCurrency('KWD')];
    for (const mark of marks)
      for (const size of [1, 1e3, 1e6, 1e9, 1e12])
        for (const eps of [5e-3, 4e-4, 5e-5, 4e-6, 5e-7, 4e-7, 1e-9]) {
          const v = size * 1000 * (1 - eps);
          const iv = (a: number, b: number): [number, number] => [v * (1 - a), v * (1 + b)];
          written.push(formatCurrency(v, mark), formatCurrency(v, mark, 6), formatStatedCurrency(v, mark), targetAmount(v, mark), fixedMoney([v], mark)(v));
          written.push(formatMoneyBeside(v, iv(1e-4, 1e-5), mark), formatMoneyBeside(v, iv(1e-6, 0), mark), formatMoneyInterval(iv(3e-6, 3e-6), mark, v));
          written.push(moneyCellsFormat([{ value: v, interval: iv(1e-7, 1e-7) }, { value: v * (1 - 2e-7), interval: null }], mark)(v));
          // A row whose P10 is near 1,000 of a unit: its budget, its downside figure beside its interval, the row itself.
          const stat = { mean: v, standardError: v * 1e-6, percentiles: { p5: v * (1 - 2e-6), p10: v, p50: v, p90: v }, percentileIntervals: { p10: iv(3e-6, 3e-6), p5: iv(5e-6, 1e-6) } };
          const budget = { value: v, interval: iv(3e-6, 3e-6) };
          written.push(budgetMoney(stat, budget, 0.9, mark)(v), budgetMoney(stat, budget, 0.8, mark)(v), metricRowMoney(stat, mark)(v, 'p10'), metricRowMoney(stat, mark)(v));
          const beside = statFigureBeside(stat, budget, mark);
          written.push(beside.value, beside.interval ?? '');
        }
    // Below T, "1000" of a unit or a grouped "1,000" is a carry missed; $999.996 was "$1,000.00", ¥999.6 "¥1,000".
    const missed = (t: string) => [...t.matchAll(/(\d[\d,]*)(?:\.\d+)?([kMBT]?)/g)].some(([, whole, unit]) => unit !== 'T' && (/\d{4}/.test(whole!) || /\d,\d{3}/.test(whole!)));
    expect(written.filter(missed)).toEqual([]);
    expect(formatMoneyBeside(999.996, [999.993, 999.999], '$')).toBe('$1.00000k');
    expect(formatMoneyInterval([998.9, 999.7], '¥', 999.6)).toBe('[¥0.999k, ¥1.000k]');
  });

  it('a non-zero amount never reads as zero: below the minor unit, its significant digits', () => {
    const zero = /(^|[^\d.])0(\.0+)?([kMBT]?)$/;
    const marks = ['$', '¥', 'KWD', bareCurrency('JPY'), bareCurrency('USD')];
    for (const mark of marks)
      for (const v of [-0.004, 0.0004, 0.4, -0.4, 0.004]) {
        const texts = [formatCurrency(v, mark), formatMoneyBeside(v, [v * 1.5, v * 0.25], mark), formatMoneyInterval([v * 1.5, v * 0.25], mark, v)];
        const stat = { mean: v, standardError: 0.4, percentiles: { p5: v, p10: v, p50: v, p90: v }, percentileIntervals: { p10: [v * 1.5, v * 0.25] as [number, number], p5: null } };
        texts.push(budgetMoney(stat, { value: v, interval: [v * 1.5, v * 0.25] }, 0.9, mark)(v), metricRowMoney(stat, mark)(v, 'p10'), formatCurrency(stat.standardError, mark));
        for (const t of texts.flatMap((x) => x.replace(/[[\]]/g, '').split(', '))) expect([v, t, zero.test(t)]).toEqual([v, t, false]);
      }
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
    // No amount of a yen or more without a unit has decimals: "¥7.00", "123.40" were written before
    // (one below a yen, an s.e. of ¥0.184, keeps its significant digits rather than read "¥0").
    expect(html.match(/¥[1-9]\d*\.\d+(?![\dkMBT])/g) ?? []).toEqual([]);
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
