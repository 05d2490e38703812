import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize, type Summary } from '../../src/analysis/summarize.js';
import { scenarioAssumptions } from '../../src/report/assumptions.js';
import { formatStatedCurrency, statedAmount } from '../../src/report/money.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { reportSheets } from '../../src/report/xlsx/workbook.js';
import { targetLabelShown } from '../../src/studio/target-label-shown.js';
import { statedMoney } from '../../src/report/charts/revenue-distribution.js';

// A planner's inputs typed to more digits than a board table reads: each is echoed exactly up to six
// significant digits, else rounded to six (trailing zeros kept) and marked "≈". Expected texts are
// worked by hand: 18,234,567.89 to six digits is 18,234,600 (the seventh digit, 6, rounds 18,234,5|67 up).
const YAML = `
name: Typed Co
currency: EUR
seed: 3
tiers:
  - name: SMB
    existing:
      openingArr: 18234567.89
      customers: 1234567
      renewalRate: { dist: beta, mean: 0.876543219, sd: 0.0123 }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 2700.123456 }
      conversion: 0.05
      acv: { dist: lognormal, median: 11000, p90: 24000 }
targets:
  monthly:
    mrr: [1519547.321, 1520000, 1520000, 1520000, 1520000, 1520000, 1520000, 1520000, 1520000, 1520000, 1520000, 1520000]
`;

describe('a typed input is echoed as typed up to six significant digits, else rounded to six and marked', () => {
  it('amounts, in any currency, either sign, across a unit boundary', () => {
    expect(formatStatedCurrency(119_996_000, '$')).toBe('$119.996M');
    expect(formatStatedCurrency(18_000_000, '$')).toBe('$18M');
    expect(formatStatedCurrency(18_234_567.89, '$')).toBe('≈$18.2346M');
    expect(formatStatedCurrency(18_234_567.89, 'CHF')).toBe('≈CHF 18.2346M');
    expect(formatStatedCurrency(-1_234_567.891, '€')).toBe('≈-€1.23457M');
    // 999,999.5 to six digits is 1,000,000: the next unit, with the six digits it was cut at.
    expect(formatStatedCurrency(999_999.5, '$')).toBe('≈$1.00000M');
    expect(formatStatedCurrency(1_999_996.4, '$')).toBe('≈$2.00000M');
    expect(formatStatedCurrency(0, '$')).toBe('$0');
    expect(statedAmount(18_234_567.89)).toBe('≈18.2346M');
    // A target's label names it in every output and summary.json, every digit: the studio's name of it
    // and the chart's target line read as the label does (were 'revenue >= ≈$18.2346M', 'Target ≈$120.000M').
    expect(targetLabelShown({ label: 'revenue >= 18.23456789M', metric: 'revenue', value: 18_234_567.89 }, [], '$')).toBe('revenue >= $18.23456789M');
    expect(targetLabelShown({ label: 'revenue >= 120.0000005M', metric: 'revenue', value: 120_000_000.5 }, [], '$')).toBe('revenue >= $120.0000005M');
    expect(statedMoney(120_000_000.5, '$')).toBe('$120.0000005M');
  });

  it("the assumptions (report.html's and report.xlsx's): money, rates, counts; a rate short of 100% never reads 100%", () => {
    const a = scenarioAssumptions(parseScenario(YAML, 'typed.yaml').scenario, '€');
    const d = Object.fromEntries(a.tiers[0]!.drivers.map((x) => [x.driver, x.description]));
    expect(d['Opening ARR']).toBe('≈€18.2346M');
    // A count keeps its whole digits: 1,234,567 customers is no noise; 2,700.123456 leads is.
    expect(d['Customers']).toBe('1,234,567');
    expect(d['Leads per month']).toBe('Poisson, mean ≈2,700.12');
    expect(d['Renewal rate']).toBe('beta, mean ≈87.6543%, sd 1.23%');
    expect(d['ACV']).toBe('lognormal, median €11k, P90 €24k (mean €13.2k)');
    const near = scenarioAssumptions(parseScenario(YAML.replace('mean: 0.876543219', 'mean: 0.999999999').replace('sd: 0.0123', 'sd: 0.0000001'), 'n.yaml').scenario, '€');
    // Nine digits, exactly: at six it read "≈100.000%", a certainty nobody typed.
    expect(near.tiers[0]!.drivers.find((x) => x.driver === 'Renewal rate')!.description).toBe('beta, mean 99.9999999%, sd 0.00001%');
  });

  describe('a monthly plan typed to the cent, in the terminal and report.html', () => {
    let summary: Summary;
    beforeAll(async () => {
      const loaded = parseScenario(YAML, 'typed.yaml');
      summary = summarize(await simulate(loaded, { trials: 200, workers: 0, seed: 3 }));
    });
    it('reads ≈1.51955M (terminal) and ≈€1.51955M (report.html), the months typed whole as typed', () => {
      expect(summary.decisions.monthlyPlan![0]!.mrr!.plan).toBe(1519547.321);
      const line = summaryTable(summary).split('\n').find((l) => /^\s*\S+.*≈1\.51955M/.test(l));
      expect(line).toBeDefined();
      expect(summaryTable(summary)).toMatch(/ 1\.52M /);
      const html = reportHtml({ summary, scenario: parseScenario(YAML, 'typed.yaml').scenario, charts: [] });
      expect(html).toContain('≈€1.51955M');
      expect(html).toContain('€1.52M');
      expect(html).toContain('≈€18.2346M');
      expect(html).not.toContain('1.519547321');
      expect(html).not.toContain('18.23456789');
    });

    it("market loadings (report.html's and report.xlsx's) and renewal adjustments: typed figures, by the same rule", () => {
      // 0.123456789 to six significant digits is 0.123457 (the seventh, 7, rounds ...45|6789 up); 0.25 is as typed.
      const scenario = parseScenario(YAML.replace('tiers:', 'market:\n  loadings: { leads: 0.123456789, renewal: 0.25 }\ntiers:'), 'm.yaml').scenario;
      const html = reportHtml({ summary, scenario, charts: [] });
      expect(html).toContain('≈0.123457 (multiplicative)');
      expect(html).toContain('0.25 (log-odds');
      expect(html).not.toContain('0.123456789');
      const sheet = reportSheets(summary, scenario).find((x) => x.name === 'Assumptions')!;
      expect(sheet.rows.find((r) => r[0] === 'Market' && r[1] === 'Lead volume')![2]).toBe('≈0.123457 (multiplicative)');
      // A customer book's renewal adjustments (log-odds): 0.2512345678 to six digits is 0.251235.
      const book = structuredClone(parseScenario(YAML, 'typed.yaml').scenario);
      Object.assign(book.tiers[0]!.existing!, { customersFile: 'book.csv', renewalAdjustments: { perArrDoubling: 0.2512345678, firstRenewal: -0.3, perRenewalAfterFirst: 0.05, health: 1.0000004 } });
      const row = scenarioAssumptions(book, '€').tiers[0]!.drivers.find((x) => x.driver === 'Renewal adjustments (log-odds)')!;
      expect(row.description).toBe('per doubling of ARR ≈0.251235, first renewal -0.3, per renewal after the first 0.05, health ≈1.00000');
    });
  });
});
