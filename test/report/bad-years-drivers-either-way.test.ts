import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/analysis/summarize.js';
import { summarize } from '../../src/analysis/summarize.js';
import type { BadYearDriver } from '../../src/analysis/bad-years.js';
import { apartFromOrdinary, farthestFromOrdinary } from '../../src/analysis/bad-year-drivers.js';
import { badYearRows, BAD_YEAR_DRIVERS } from '../../src/report/charts/bad-years.js';
import { downsideSection } from '../../src/report/html/downside-section.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { reportSheets, workbookSheets } from '../../src/report/xlsx/workbook.js';
import { run } from '../helpers/fixtures.js';

/**
 * A bad year can come from a driver sitting high: here a contraction probability (Beta, mean 30%,
 * sd 10%, each contracting customer losing 30% of its ARR) carries nearly all of revenue's variance,
 * and revenue falls as it rises, so in the worst 10% of years it sits near its P95 (revenue is
 * monotone in it up to the customers' luck). Ten tiers of a few deals each add ten drivers of
 * almost no effect, which average about P50 there. summary.json lists the drivers lowest first, so the
 * contraction probability came last: the terminal's table (8 rows) and the chart (10) left it out, and
 * report.html's sentence named only drivers sitting low, or, with none, put the bad years down to
 * luck alone.
 */
const small = (i: number) => `
  - name: N${i}
    newBusiness: { leadsPerMonth: 20, conversion: { dist: beta, mean: 0.1, sd: 0.02 }, acv: 1000 }`;
const YAML = `name: Contraction years
tiers:
  - name: Book
    existing:
      openingArr: 100000000
      customers: 2000
      renewalRate: 0.95
      contraction: { probability: { dist: beta, mean: 0.3, sd: 0.1 }, size: 0.3 }${Array.from({ length: 10 }, (_, i) => small(i)).join('')}
`;
const CONTRACTION = 'Book contraction probability';

let summary: Summary;
beforeAll(async () => {
  summary = summarize(await run(YAML, 1_000, 1));
});

describe("the bad years' drivers, low or high", () => {
  it('the premise: the contraction probability sits high in the bad years, and comes last of eleven in summary.json', () => {
    const drivers = summary.badYears.metrics.revenue.drivers;
    expect(drivers).toHaveLength(11);
    const last = drivers[drivers.length - 1]!;
    expect(last.label).toBe(CONTRACTION);
    expect(last.meanPercentile - 0.5).toBeGreaterThan(4 * last.standardError!);
  });

  it('the terminal table, the chart and the sentence of report.html all name it', () => {
    const table = summaryTable(summary).split('\n');
    const head = table.findIndex((l) => l.startsWith("Worst 10% of years: drivers' average own percentile"));
    expect(head).toBeGreaterThan(0);
    expect(table.slice(head + 1, head + 9).some((l) => l.trim().startsWith(CONTRACTION))).toBe(true);
    const rows = badYearRows(summary, '$').drivers;
    expect(rows).toHaveLength(BAD_YEAR_DRIVERS);
    expect(rows.map((r) => r.label)).toContain(CONTRACTION);
    const p = wholePercent(summary.badYears.metrics.revenue.drivers.find((d) => d.label === CONTRACTION)!.meanPercentile);
    expect(downsideSection(summary)).toMatch(new RegExp(`In the worst 10% of years for revenue, (the drivers sit high: |some drivers sit low \\(.*\\), others high \\()${CONTRACTION} at its P${p} on average`));
  });
});

const wholePercent = (p: number) => Math.round(p * 100);

const driver = (label: string, meanPercentile: number, standardError: number | null): BadYearDriver => ({ key: label, label, unit: 'rate', meanPercentile, standardError });

describe('apartFromOrdinary and farthestFromOrdinary', () => {
  it('names a driver 6 points below 50% only when that is more than 2 standard errors too, one above 50% as high, and none of a single bad year', () => {
    // At 200 trials the 20 bad years' mean percentile of a driver of no effect has a standard error
    // of sqrt(1/12 / 20) = 6.5 points: P44 is within one of 50%.
    const noisy = driver('noisy', 0.44, Math.sqrt(1 / 12 / 20));
    const sure = driver('sure', 0.44, 0.01);
    const high = driver('high', 0.83, 0.01);
    // One bad year (no standard error): a no-effect driver's one percentile is uniform on 0 to 100%, P30 is nothing.
    const single = driver('single bad year', 0.3, null);
    // Exactly 2 standard errors from 50% is not more than 2.
    const edge = driver('edge', 0.375, 0.0625);
    expect(apartFromOrdinary([single, edge, noisy, sure, high])).toEqual({ low: [sure], high: [high] });
  });

  it('keeps the drivers farthest from 50% either way, in the order given', () => {
    const ds = [0.1, 0.45, 0.5, 0.52, 0.9].map((p) => driver(`P${p * 100}`, p, 0.01));
    expect(farthestFromOrdinary(ds, 2).map((d) => d.label)).toEqual(['P10', 'P90']);
    expect(farthestFromOrdinary(ds, 3).map((d) => d.label)).toEqual(['P10', 'P45', 'P90']);
    expect(farthestFromOrdinary(ds, 9)).toEqual(ds);
  });
});

describe('the sources of risk of report.html and report.xlsx when no driver varies', () => {
  // Poisson leads of a fixed mean, a fixed conversion and ACV, no market: nothing varies from year to year but the deals.
  const noDrivers = run('name: No drivers\ntiers:\n  - name: T\n    newBusiness: { leadsPerMonth: { dist: poisson, mean: 100 }, conversion: 0.05, acv: 10000 }\n', 200, 1);
  const NONE_WORDS =
    'no driver of the scenario varies from one year to the next (none has a year-level uncertainty of its own, and the market factor moves none from year to year); the year-to-year swing of recognized revenue is deal-by-deal and customer-by-customer luck (100.0%).';

  it('report.xlsx: says so in its Attribution preamble, with no header over no rows', async () => {
    const sim = await noDrivers;
    const none = summarize(sim);
    const sheet = reportSheets(none, sim.loaded.scenario).find((x) => x.name === 'Attribution')!;
    expect(sheet.rows).toEqual([]);
    expect(sheet.header).toEqual([]);
    expect(sheet.preamble[0]).toBe(`What moves recognized revenue: ${NONE_WORDS}`);
    // Written: the preamble's rows only, frozen above nothing, no bold header row.
    const written = workbookSheets([sheet])[0]!;
    expect(written.rows.length).toBe(sheet.preamble.length);
    expect(written.rows.some((r) => r.style === 'bold')).toBe(false);
  });

  it('the terminal: says so in the same words, where it said nothing', async () => {
    expect(summaryTable(summarize(await noDrivers))).toContain(`\nWhat moves recognized revenue: ${NONE_WORDS}\n`);
  });

  it('report.html: says so in words, not a table head over no rows', async () => {
    const none = summarize(await noDrivers);
    expect(none.sensitivity.drivers).toEqual([]);
    const html = downsideSection(none);
    expect(html).not.toMatch(/<table class="risks">/);
    expect(html).toContain(`Sources of risk: ${NONE_WORDS}`);
  });
});
