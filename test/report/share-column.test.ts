import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { summarize, type Summary } from '../../src/analysis/summarize.js';
import { simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { columnPercent } from '../../src/report/format.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { downsideSection } from '../../src/report/html/downside-section.js';
import { driverWords, summaryParagraph } from '../../src/report/summary-paragraph.js';
import { reportSheets, workbookSheets } from '../../src/report/xlsx/workbook.js';
import { ROOT, run } from '../helpers/fixtures.js';
import { answerOf } from '../../src/studio/answer.js';
import { tornadoDrivers, tornadoSpec } from '../../src/report/charts/tornado.js';
import { chartContext } from '../../src/report/charts/chart-context.js';
import type { Scenario } from '../../src/scenario/scenario-schema.js';

/**
 * The terminal's "What moves recognized revenue" table printed one share as 0.1% and the next as
 * 0.099% (two significant digits below 0.1%), and a negative share (-0.2%) without a word.
 */
let summary: Summary;
let scenario: Scenario;

beforeAll(async () => {
  const loaded = await loadScenario(join(ROOT, 'scenarios/example.yaml'));
  scenario = loaded.scenario;
  summary = summarize(await simulate(loaded, { trials: 2000, workers: 0 }));
}, 120_000);

/** The lines of the company's sensitivity table, from its head to the blank line after it. */
function sensitivityLines(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('What moves recognized revenue'));
  const end = lines.indexOf('', start);
  return lines.slice(start, end === -1 ? undefined : end);
}

/** The summary with the company's first drivers' shares (and intervals) replaced; the others' set to 2% [1%, 3%]. */
function withShares(shares: ReadonlyArray<readonly [number, number, number]>): Summary {
  const s = structuredClone(summary);
  const own = s.sensitivity.drivers.filter((d) => d.ownUncertainty);
  expect(own.length).toBeGreaterThan(shares.length);
  own.forEach((d, i) => {
    const [v, lo, hi] = shares[i] ?? [0.02, 0.01, 0.03];
    Object.assign(d, { varianceShare: v, varianceShareInterval: [lo, hi] });
  });
  return s;
}

const row = (lines: string[], label: string) => lines.find((l) => l.startsWith(`  ${label} `))!;

describe("the terminal's variance shares: one number of decimals a column, and a word on negative shares", () => {
  it('columnPercent: one decimal for every value of a column; a value one decimal would write as an end it is not reads as the bound it lies within', () => {
    expect([0.001, 0.00099, -0.002, 0.5, -0.0001].map(columnPercent)).toEqual(['0.1%', '0.1%', '-0.2%', '50.0%', '>-0.1%']);
    // A value just below 1 no longer lends the whole column its decimals (was '99.96%', '0.10%').
    expect([0.9996, 0.00099].map(columnPercent)).toEqual(['>99.9%', '0.1%']);
  });

  it('0.1% and 0.099% print alike, with no "0.099%" in the column', () => {
    const s = withShares([
      [0.001, 0.0006, 0.0017],
      [0.00099, 0.0003, 0.0016],
    ]);
    const own = s.sensitivity.drivers.filter((d) => d.ownUncertainty);
    const lines = sensitivityLines(summaryTable(s));
    expect(row(lines, own[0]!.label)).toMatch(/ 0\.1% +\[0\.1%, 0\.2%\] /);
    expect(row(lines, own[1]!.label)).toMatch(/ 0\.1% +\[0\.0%, 0\.2%\] /);
    expect(lines.join('\n')).not.toMatch(/0\.0\d\d%/);
  });

  it('a negative share gets a one-line note under the table; none without one', () => {
    const negative = sensitivityLines(summaryTable(withShares([[-0.002, -0.006, 0.002]])));
    expect(negative.some((l) => / -0\.2% /.test(l))).toBe(true);
    expect(negative.at(-1)).toMatch(/^A negative share: no effect beyond chance/);
    const positive = sensitivityLines(summaryTable(withShares([[0.002, 0.001, 0.003]])));
    expect(positive.join('\n')).not.toContain('A negative share');
    // A share just below 0 that prints as 0.0% needs no note.
    expect(sensitivityLines(summaryTable(withShares([[-0.0001, -0.004, 0.004]]))).join('\n')).not.toContain('A negative share');
  });

  it('report.html, report.xlsx and the tornado caption put the same note under a negative share; none without one', () => {
    const note = 'A negative share: no effect beyond chance (shares are net of what a driver with no effect explains by chance, so such a one can fall just below 0).';
    const s = withShares([[-0.002, -0.006, 0.002]]);
    const first = s.sensitivity.drivers.filter((d) => d.ownUncertainty)[0]!;
    expect(htmlRiskRows(s).get(first.label)![0]).toBe('-0.2%');
    expect(downsideSection(s)).toContain(`<p class="note">${note}</p>`);
    expect(reportSheets(s, scenario).find((x) => x.name === 'Attribution')!.preamble).toContain(note);
    // The tornado draws that driver's bar, labelled with its share, and its caption says the same.
    expect(tornadoDrivers(s).map((d) => d.label)).toContain(first.label);
    expect((tornadoSpec(s, chartContext(s))!.title as { subtitle: string[] }).subtitle.join(' ')).toContain(note);
    const positive = withShares([[0.002, 0.001, 0.003]]);
    expect(downsideSection(positive)).not.toContain('A negative share');
    expect(reportSheets(positive, scenario).find((x) => x.name === 'Attribution')!.preamble.join(' ')).not.toContain('A negative share');
    expect((tornadoSpec(positive, chartContext(positive))!.title as { subtitle: string[] }).subtitle.join(' ')).not.toContain('A negative share');
  });

  it("the studio's answer carries the terminal's note when a driver's share prints below 0", async () => {
    // Conversion's year-level sd of 0.02 points beside the deals' Poisson luck: a share near 0, -2.1% at 200 trials (seed 1).
    const sim = await run('name: Tiny\ntiers:\n  - name: T\n    newBusiness:\n      leadsPerMonth: { dist: poisson, mean: 400 }\n      conversion: { dist: beta, mean: 0.05, sd: 0.0002 }\n      acv: 10000\n', 200, 1);
    const answer = answerOf(sim, 0.9, sim);
    expect(answer.attribution.drivers[0]!.share.text).toMatch(/^-\d/);
    const terminalNote = summaryTable(summarize(sim)).split('\n').find((l) => l.startsWith('A negative share'));
    expect(terminalNote).toBeDefined();
    expect(answer.attribution.negativeNote).toBe(terminalNote);
  });
});

const escape = (text: string) => text.replace(/[.[\]]/g, (c) => `\\${c}`);

/** The cells of report.html's sources-of-risk rows: driver label -> [share, interval]. */
function htmlRiskRows(s: Summary): Map<string, [string, string]> {
  const html = downsideSection(s);
  const table = html.slice(html.indexOf('<h3>Sources of risk</h3>'));
  const rows = new Map<string, [string, string]>();
  for (const m of table.matchAll(/<tr>(.*?)<\/tr>/gs)) {
    const cells = [...m[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gs)].map((c) => c[1]!.replace(/<[^>]+>/g, ''));
    if (cells.length === 4) rows.set(cells[0]!, [cells[2]!, cells[3]!]);
  }
  return rows;
}

describe('variance shares: report.html, its paragraph and report.xlsx write them as the terminal does', () => {
  // report.html wrote a tiny share with two significant digits ("0.023%" beside "[-0.1%, 0.2%]",
  // an interval end "0.0074%"), and the workbook "0.000%": digits far below the Monte Carlo error,
  // where the terminal wrote 0.0%.
  it('a tiny share, or one just below 0, reads 0.0% beside its interval in every output', () => {
    const s = withShares([
      [0.00023, -0.0011, 0.0016],
      [-0.00035, -0.0016, 0.0009],
      [0.0026, 0.000074, 0.0048],
    ]);
    const own = s.sensitivity.drivers.filter((d) => d.ownUncertainty);
    const expected: Array<[string, string]> = [
      ['0.0%', '[-0.1%, 0.2%]'],
      ['0.0%', '[-0.2%, 0.1%]'],
      ['0.3%', '[0.0%, 0.5%]'],
    ];
    const html = htmlRiskRows(s);
    const terminal = sensitivityLines(summaryTable(s));
    expected.forEach(([share, interval], i) => {
      expect(html.get(own[i]!.label)).toEqual([share, interval]);
      expect(row(terminal, own[i]!.label)).toMatch(new RegExp(` ${escape(share)} +${escape(interval)} `));
    });
    const attribution = workbookSheets(reportSheets(s, scenario)).find((x) => x.name === 'Attribution')!;
    const formats = attribution.rows.flatMap((r) => r.cells.slice(2, 5).map((c) => c?.format)).filter((f) => f !== undefined);
    expect(new Set(formats)).toEqual(new Set(['0.0%;-0.0%']));
  });

  it('an interval whose ends read alike at one decimal takes two, for the whole column, the paragraph too', () => {
    const s = withShares([
      [0.01602, 0.01561, 0.01644],
      [0.00023, -0.0011, 0.0016],
    ]);
    // Luck below the first driver's share, so that the paragraph names that driver the biggest source
    // of risk (the run's own remainder, 2.6%, is larger than the shares set here).
    Object.assign(s.sensitivity.unexplained, { value: 0.01 });
    const own = s.sensitivity.drivers.filter((d) => d.ownUncertainty);
    const html = htmlRiskRows(s);
    expect(html.get(own[0]!.label)).toEqual(['1.60%', '[1.56%, 1.64%]']);
    expect(html.get(own[1]!.label)).toEqual(['0.02%', '[-0.11%, 0.16%]']);
    expect(row(sensitivityLines(summaryTable(s)), own[0]!.label)).toMatch(/ 1\.60% +\[1\.56%, 1\.64%\] /);
    const attribution = workbookSheets(reportSheets(s, scenario)).find((x) => x.name === 'Attribution')!;
    expect(attribution.rows.find((r) => r.cells[0]?.value === own[0]!.label)!.cells[2]!.format).toBe('0.00%;-0.00%');
    // The paragraph names drivers of 1% and more, as the table writes them (the others here at 2%).
    expect(summaryParagraph(s)).toContain('which accounts for 1.60% of the year-to-year swing in revenue, followed by');
    expect(summaryParagraph(s)).toMatch(/followed by .* \(2\.00%\)/);
  });

  it('the paragraph names as a source of risk only a driver whose share is above 0 by its 95% interval, as what must be true does', () => {
    // Shares in order: 40% [35%, 45%], 5% [2%, 8%], 3% [-1%, 7%] (may be no effect at all), the rest 0.5% [-0.5%, 1.5%].
    const s = withShares([
      [0.4, 0.35, 0.45],
      [0.05, 0.02, 0.08],
      [0.03, -0.01, 0.07],
      ...Array.from({ length: 10 }, () => [0.005, -0.005, 0.015] as const),
    ]);
    const own = s.sensitivity.drivers.filter((d) => d.ownUncertainty);
    const p = summaryParagraph(s);
    // withShares leaves the drivers after the 13 given at 2% [1%, 3%]: shown, so the first of them is named third.
    expect(p).toContain(`which accounts for 40.0% of the year-to-year swing in revenue, followed by ${driverWords(own[1]!)} (5.0%) and ${driverWords(own[13]!)} (2.0%).`);
    expect(p).not.toContain(driverWords(own[2]!));
    // None shown above 0: said so, not named, and not called luck either.
    const none = structuredClone(s);
    for (const d of none.sensitivity.drivers.filter((x) => x.ownUncertainty)) Object.assign(d, { varianceShare: 0.03, varianceShareInterval: [-0.01, 0.07] });
    const q = summaryParagraph(none);
    expect(q).not.toMatch(/biggest source of risk|luck/);
    expect(q).toContain('No driver\'s share of 1% or more of the year-to-year swing in revenue is shown to be above 0 at 2,000 trials (each such share\'s 95% interval reaches 0); more trials would tell.');
  });
});
