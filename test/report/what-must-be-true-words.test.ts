import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summarize.js';
import { conditionWords, percentileWords, whatMustBeTrueLine } from '../../src/report/summary-table.js';
import type { DriverCondition } from '../../src/analysis/what-must-be-true.js';
import { run } from '../helpers/fixtures.js';
import type { Simulation } from '../../src/engine/simulate.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { reportSheets } from '../../src/report/xlsx/workbook.js';

/**
 * What must be true's words give the driver's percentile and the share of years in which its
 * condition holds, in one form on either side of the median: "(its P35; true in 65% of years)".
 * Before, an 'at least' crossing below the median read "a bottom-35% year" (the years in which it
 * fails), then "any but a bottom-35% year", which flipped form at 50% and read badly after "down to
 * any one of:".
 */
describe("what must be true's years say the driver's percentile and in how many years the condition holds", () => {
  const words = (percentile: number, direction: 'atLeast' | 'atMost', unit: DriverCondition['unit'] = 'rate') => percentileWords(percentile, unit, direction);

  it('each side of the median, each direction, in one form', () => {
    // At least its P80: 20% of years. At least its P35: 65%.
    expect(words(0.8, 'atLeast')).toBe('(its P80; true in 20% of years)');
    expect(words(0.35, 'atLeast')).toBe('(its P35; true in 65% of years)');
    // At most its P20: 20% of years. At most its P70: 70%.
    expect(words(0.2, 'atMost')).toBe('(its P20; true in 20% of years)');
    expect(words(0.7, 'atMost')).toBe('(its P70; true in 70% of years)');
    expect(words(0.5, 'atLeast')).toBe('(its P50; true in 50% of years)');
    // The two whole percents add to 100 (0.125 rounds to P13, so 87%, not 0.875 rounded, 88%).
    expect(words(0.125, 'atLeast')).toBe('(its P13; true in 87% of years)');
    // At the ends.
    expect(words(0.001, 'atLeast')).toBe('(its P<1; true in >99% of years)');
    expect(words(0.999, 'atLeast')).toBe('(its P>99; true in <1% of years)');
    expect(words(0.001, 'atMost')).toBe('(its P<1; true in <1% of years)');
  });

  it('the market in the same form, each direction', () => {
    expect(words(0.69, 'atLeast', 'market')).toBe('the market at its P69 or better (true in 31% of years)');
    expect(words(0.27, 'atLeast', 'market')).toBe('the market at its P27 or better (true in 73% of years)');
    expect(words(0.27, 'atMost', 'market')).toBe('the market at its P27 or worse (true in 27% of years)');
    expect(words(0.8, 'atMost', 'market')).toBe('the market at its P80 or worse (true in 80% of years)');
  });

  it('a whole condition: value, plan and years; and a re-forecast\'s, against its median after the actuals', () => {
    const c: DriverCondition = { key: 'driver.SMB.conversion', label: 'SMB conversion', unit: 'rate', tier: 'SMB', planValue: 0.05, varianceShare: 0.5, reach: 'crosses', percentile: 0.35, value: 0.048, direction: 'atLeast' };
    expect(conditionWords(c)).toBe('SMB conversion 4.8% instead of the planned 5% (its P35; true in 65% of years)');
    expect(conditionWords({ ...c, learnedValue: 0.049 })).toBe('SMB conversion 4.8% instead of 4.9%, its median after the actuals, planned 5% (its P35; true in 65% of years)');
  });

  // Conversion drawn from {3%, 5%, 7%} once a year (as what-must-be-true-discrete.test.ts): a target
  // just above the median needs conversion at least 5%, its median value, which a third of the
  // years fall below (its percentile 1/3) and two thirds reach.
  const DISC = 'name: discrete\ntiers:\n  - name: T\n    newBusiness:\n      leadsPerMonth: 400\n      conversion: { dist: discrete, values: [0.03, 0.05, 0.07], weights: [1, 1, 1] }\n      acv: 10000\n';

  /** The share of years the line's words say the condition holds in, in percent. */
  const saidShare = (line: string) => {
    const m = /T conversion [^;]* \(its P\d+; true in (\d+)% of years\)/.exec(line);
    if (!m) throw new Error(`no years in: ${line}`);
    return Number(m[1]);
  };

  /** The run both tests read, simulated once. */
  let discSim: Promise<Simulation> | undefined;
  const discRun = () => (discSim ??= run(DISC, 3_000, 2));

  it('writes "P50 now" on the side of the target it lies on, in the terminal, report.html and report.xlsx (139.97M against 139.99M is not "140.0M")', async () => {
    const sim = await discRun();
    // The median from the trials, type 7 (what the summary's P50 is), computed here.
    const revenue = Float64Array.from(sim.store.column('revenue')!).sort();
    const h = (revenue.length - 1) / 2;
    const m = revenue[Math.floor(h)]! + (h - Math.floor(h)) * (revenue[Math.ceil(h)]! - revenue[Math.floor(h)]!);
    // Two targets a millionth either side of the median: rounded to any digits short of that, one
    // of the two medians reads on the wrong side of its target (above one it is below, or below one it reaches).
    const targets = [
      { metric: 'revenue' as const, value: m * (1 + 1e-6), label: 'Just above' },
      { metric: 'revenue' as const, value: m * (1 - 1e-6), label: 'Just below' },
    ];
    const summary = summarize(sim, { targets: { metrics: targets } });
    expect(summary.metrics.revenue.percentiles.p50).toBeCloseTo(m, 6);
    const scenario = sim.loaded.scenario;
    const outputs = {
      terminal: summaryTable(summary),
      html: reportHtml({ summary, scenario, charts: [], files: [] }),
      xlsx: reportSheets(summary, scenario).find((x) => x.name === 'Attribution')!.preamble.join('\n'),
    };
    // The amount a "P50 now $11.4M" states, read here: digits and a k/M/B letter.
    const unit = { '': 1, k: 1e3, M: 1e6, B: 1e9 } as Record<string, number>;
    for (const [where, text] of Object.entries(outputs))
      for (const t of targets) {
        // report.html and the workbook (as its own paragraph) write money with the currency symbol, the terminal without.
        const said = new RegExp(`${t.label}[^(]*\\(P50 now ${where === 'terminal' ? '' : '\\$'}([\\d.]+)([kMB]?)\\)`).exec(text);
        expect(said, `${t.label} in ${where}`).not.toBeNull();
        const shown = Number(said![1]) * unit[said![2]!]!;
        if (m < t.value) expect(shown, `${t.label} in ${where}: ${said![0]}`).toBeLessThan(t.value);
        else expect(shown, `${t.label} in ${where}: ${said![0]}`).toBeGreaterThanOrEqual(t.value);
      }
  }, 60_000);

  it('in a run: the share the words name is the share of draws meeting the condition (a discrete driver at its median value)', async () => {
    const sim = await discRun();
    const own = Array.from(sim.store.column('own.T.conversion')!);
    const p = summarize(sim).metrics.revenue.percentiles;
    // Just above the median (needs at least 5%), just below it (stays the median down to 5%), and the P75 (needs 7%).
    const targets = [p.p50 * 1.001, p.p50 * 0.999, p.p75];
    const summary = summarize(sim, { targets: { metrics: targets.map((value) => ({ metric: 'revenue' as const, value })) } });
    const seen = new Set<string>();
    summary.whatMustBeTrue.forEach((w) => {
      const c = w.drivers.find((d) => d.key === 'driver.T.conversion')!;
      expect(c.reach).toBe('crosses');
      const meets = own.filter((v) => (c.direction === 'atLeast' ? v >= c.value! - 1e-9 : v <= c.value! + 1e-9)).length / own.length;
      // Whole percents: the words round the share to the nearest one.
      expect(Math.abs(saidShare(whatMustBeTrueLine(w)) - 100 * meets)).toBeLessThanOrEqual(0.5);
      // Stored as float32: 0.05 reads 0.0500000007.
      seen.add(`${c.direction} ${Number(c.value!.toPrecision(6))}`);
    });
    // The three targets met both sides of the median: at least 5% (two thirds of years) and at least 7%.
    expect(seen).toEqual(new Set(['atLeast 0.05', 'atLeast 0.07']));
    // The same words in the terminal, report.html and report.xlsx (before: not in the workbook).
    const scenario = sim.loaded.scenario;
    const table = summaryTable(summary);
    const html = reportHtml({ summary, scenario, charts: [], files: [] });
    const sheet = reportSheets(summary, scenario).find((x) => x.name === 'Attribution')!.preamble.join('\n');
    for (const w of summary.whatMustBeTrue)
      for (const c of w.drivers.filter((d) => d.reach === 'crosses')) {
        const said = conditionWords(c);
        expect(said).toMatch(/\(its P\d+; true in \d+% of years\)$/);
        expect(table).toContain(said);
        expect(html).toContain(said);
        expect(sheet).toContain(said);
      }
  }, 60_000);
});
