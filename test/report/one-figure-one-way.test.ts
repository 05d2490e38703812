import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/analysis/summarize.js';
import { compareSimulations } from '../../src/analysis/compare.js';
import { compareDecisions } from '../../src/analysis/compare-decisions.js';
import { simulate } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { bareCurrency, formatCurrency, formatShare } from '../../src/report/money.js';
import { formatPercent } from '../../src/report/format.js';
import { summaryParagraph } from '../../src/report/summary-paragraph.js';
import { summaryTable, TERMINAL_PARAGRAPH_FORMAT } from '../../src/report/summary-table.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { comparisonHtml } from '../../src/report/html/comparison-html.js';
import { reportSheets } from '../../src/report/xlsx/workbook.js';
import { compareDecisionsTable } from '../../src/cli/compare-decisions-table.js';
import { runReportScenario, TWO_TIERS, WITH_TARGETS } from './fixture.js';

// The one rule every output writes an amount by (formatCurrency): three significant digits (more only
// where an interval or neighbours beside it need them), k/M/B/T, trailing zeros kept, the next unit
// from 1,000 of one. Each expected string is worked by hand from the amount, not from the code.
describe('one amount, one way: the table', () => {
  it.each([
    [0, '$0'],
    [-0, '$0'],
    [0.004, '$0.00400'], // tiny: three significant digits, positional, never 4e-3; below a cent (USD's minor unit) not capped, never "$0.00"
    [0.5, '$0.50'],
    [1.5, '$1.50'],
    [12.345, '$12.3'],
    [999, '$999'],
    [2_500, '$2.50k'], // the zeros kept: $2.50k beside $2.51k
    [150_000, '$150k'],
    [994_999, '$995k'],
    [999_949, '$1.00M'], // 999.949k is 1000k at three digits: the next unit
    [999_950, '$1.00M'], // 999.95k crossing to 1.00M
    [1_900_000, '$1.90M'],
    [9_994_000, '$9.99M'],
    [9_995_000, '$10.0M'], // a half (9.995 is stored below it) rounds away from zero, as a spreadsheet does
    [94_000_000, '$94.0M'],
    [118_700_000, '$119M'],
    [-1_234_567, '-$1.23M'], // negatives: the sign before the symbol
    [-696_000, '-$696k'],
    [999.95e9, '$1.00T'],
    [1e12, '$1.00T'],
    [1e15, '$1,000T'], // T has no next unit: its thousands grouped
  ])('%d -> %s', (value, text) => {
    expect(formatCurrency(value, '$')).toBe(text);
    // The terminal's money is the same digits without the symbol, at the currency's minor unit.
    expect(formatCurrency(value, bareCurrency('USD'))).toBe(text.replace('$', ''));
  });

  it('a letter symbol takes a space', () => {
    expect(formatCurrency(12_000, 'CHF')).toBe('CHF 12.0k');
    expect(formatCurrency(-12_000, 'CHF')).toBe('-CHF 12.0k');
  });
});

describe('one share, one way: the table', () => {
  it.each([
    [0, '0.0%'],
    [0.372, '37.2%'],
    [0.5, '50.0%'],
    [1.048, '104.8%'],
    [0.0004, '0.040%'], // below 0.1%: two significant digits, not 0.0%
    [1 / 3000, '0.033%'],
    [-0.0004, '-0.040%'],
    [0.9995, '99.95%'], // one decimal would read 100.0%: the decimals that keep it below
    [0.99999, '99.999%'],
  ])('%d -> %s', (value, text) => {
    expect(formatShare(value)).toBe(text);
    // The terminal's percentages are the same rule (formatPercent wrote a tiny negative as 0.0%).
    expect(formatPercent(value)).toBe(text);
  });
});

/** The text of an HTML page, tags dropped and entities read. */
const pageText = (html: string) =>
  html
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** The cells of the HTML table row whose header cell is `label`. */
function htmlRow(html: string, label: string): string[] {
  const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => pageText(c[1]!).trim()));
  const row = rows.find((r) => r[0] === label);
  if (row === undefined) throw new Error(`no row ${label}`);
  return row.slice(1);
}

/** The cells of the terminal table row that starts with `label` (two spaces or more between cells). */
function terminalRow(text: string, label: string, after = ''): string[] {
  const from = after === '' ? 0 : text.indexOf(after);
  const line = text
    .slice(from)
    .split('\n')
    .find((l) => l.startsWith(`${label}  `));
  if (line === undefined) throw new Error(`no line ${label}`);
  return line.slice(label.length).trim().split(/ {2,}/);
}

// One run read by every output: the terminal's paragraph and tables, report.html, and report.xlsx's text
// (its money cells hold numbers, formatted as whole amounts in the currency: no text to compare).
describe('one run, each figure written alike in the terminal, report.html and report.xlsx', () => {
  let summary: Summary;
  let terminal: string;
  let html: string;
  let xlsxParagraph: string;
  beforeAll(async () => {
    ({ summary } = await runReportScenario(WITH_TARGETS, 1000));
    const scenario = parseScenario(WITH_TARGETS, 'report-test.yaml').scenario;
    terminal = `${summaryParagraph(summary, TERMINAL_PARAGRAPH_FORMAT)}\n\n${summaryTable(summary)}`;
    html = reportHtml({ summary, scenario, charts: [], files: [] });
    xlsxParagraph = reportSheets(summary, scenario)
      .find((s) => s.name === 'Summary')!
      .preamble.find((l) => l.includes('(P50)'))!;
  });

  it('the paragraph is the same sentence in each, the symbol apart', () => {
    const htmlParagraph = pageText(/<p class="summary-paragraph">([\s\S]*?)<\/p>/.exec(html)![1]!).trim();
    expect(xlsxParagraph).toBe(htmlParagraph);
    expect(htmlParagraph.replace(/\$/g, '')).toBe(summaryParagraph(summary, TERMINAL_PARAGRAPH_FORMAT));
  });

  it("revenue's headline row: Mean, P10, P50 and P90 alike in the terminal and report.html", () => {
    const page = htmlRow(html, 'Recognized revenue');
    // The terminal's columns: mean, P5, P10, P25, P50, P75, P90, P95.
    const [mean, , p10, , p50, , p90] = terminalRow(terminal, 'Recognized revenue');
    expect([mean, p10, p50, p90].map((x) => `$${x}`)).toEqual(page);
    expect(xlsxParagraph).toContain(`most likely about ${page[2]} (P50)`);
  });

  it('a tier row and a component row alike in both', () => {
    const tier = htmlRow(html.slice(html.indexOf('Each metric by tier')), 'Enterprise');
    const [mean, , p10, , p50, , p90] = terminalRow(terminal, '  Enterprise', 'Recognized revenue (USD)');
    expect([mean, p10, p50, p90].map((x) => `$${x}`)).toEqual(tier);
    const component = htmlRow(html.slice(html.indexOf('Each metric by component')), 'New business');
    const [cm, , c10, , c50, , c90] = terminalRow(terminal, '  New business', 'Recognized revenue (USD)');
    expect([cm, c10, c50, c90]).toEqual(component.map((x) => x.replace('$', '')));
  });

  it('the budget and the worst 10% beside their intervals alike in both, and in the paragraph', () => {
    const pageBudget = [...html.matchAll(/<tr><th scope="row">Recognized revenue<\/th><td class="num">([^<]*)<\/td><td class="num">(\[[^<]*\])<\/td><\/tr>/g)][0]!;
    const [termBudget, termInterval] = terminalRow(terminal, 'Recognized revenue', 'Budget at');
    expect(`$${termBudget}`).toBe(pageBudget[1]);
    expect(termInterval!.replace(/(\[|, )/g, '$1$')).toBe(pageBudget[2]);
    expect(xlsxParagraph).toContain(`is ${pageBudget[1]} of revenue`);
    // The downside: the terminal's worst 10% is report.html's downside row's figure, and the paragraph's.
    const worst10 = htmlRow(html, 'Recognized revenue: Mean of the worst 10% (expected shortfall)')[0]!;
    const [p10, termWorst10] = terminalRow(terminal, 'Recognized revenue', 'Downside');
    expect(`$${termWorst10}`).toBe(worst10);
    expect(`$${p10}`).toBe(htmlRow(html, 'Recognized revenue: 1-in-10 year (P10)')[0]);
    expect(xlsxParagraph).toContain(`the worst 10% of years average ${worst10}`);
  });

  it('the targets: chance, interval, gap and P10 less the target alike in both', () => {
    const t = summary.decisions.targets[0]!;
    const page = htmlRow(html, t.label);
    const term = terminalRow(terminal, t.label, 'Targets');
    expect(term).toEqual(page.map((x) => x.replace(/\$/g, '')));
  });
});

describe("compare: each scenario's budgets alike in the terminal and comparison.html", () => {
  it('the same rows, the symbol apart', async () => {
    const downside = TWO_TIERS.replace('name: Report test Co', 'name: Report test downside').concat('stress: { renewal: -0.03, leads: -0.1 }\n');
    const sims = [];
    for (const [yaml, file] of [
      [TWO_TIERS, 'plan.yaml'],
      [downside, 'downside.yaml'],
    ] as const)
      sims.push(await simulate(parseScenario(yaml, file), { trials: 300, seed: '5', workers: 0 }));
    const c = compareSimulations(sims);
    const d = compareDecisions(sims);
    const terminal = compareDecisionsTable(c, d);
    const html = comparisonHtml({ comparison: c, decisions: d, charts: [], files: [] });
    for (const label of ['Recognized revenue: budget at 80% confidence', 'Recognized revenue: 1-in-10 year (P10)', 'Ending ARR: mean of the worst 10%']) {
      const term = terminalRow(terminal.slice(1), label);
      expect(term.map((x) => `$${x}`)).toEqual(htmlRow(html, label));
    }
  });
});
