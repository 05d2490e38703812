import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { summarize } from '../../src/analysis/summarize.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { summaryParagraph } from '../../src/report/summary-paragraph.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { reportSheets } from '../../src/report/xlsx/workbook.js';
import { confidenceWords } from '../../src/report/confidence-text.js';
import { TWO_TIERS } from './fixture.js';

describe('a budget’s confidence as the outputs write it', () => {
  it('one decimal at most, more only where one would read 0% or 100%', () => {
    expect(confidenceWords(0.8)).toEqual({ share: '80%', percentile: 'P20' });
    expect(confidenceWords(0.5)).toEqual({ share: '50%', percentile: 'P50' });
    expect(confidenceWords(0.8333)).toEqual({ share: '83.3%', percentile: 'P16.7' });
    expect(confidenceWords(0.995)).toEqual({ share: '99.5%', percentile: 'P0.5' });
    // 99.99% confidence is the P0.01: to one decimal it read "100% confidence (P0)", a budget reached in every trial.
    expect(confidenceWords(0.9999)).toEqual({ share: '99.99%', percentile: 'P0.01' });
    expect(confidenceWords(0.00001)).toEqual({ share: '0.001%', percentile: 'P99.999' });
  });

  it('never writes a level inside (0, 1) as 0% or 100%, and the two always add up to 100', () => {
    for (const c of [1e-6, 0.0004, 0.0005, 0.001, 0.01, 0.2, 0.75, 0.9, 0.95, 0.9994, 0.9995, 0.99949, 0.99999, 0.999999]) {
      const { share, percentile } = confidenceWords(c);
      const a = Number(share.slice(0, -1));
      const b = Number(percentile.slice(1));
      expect(a, share).toBeGreaterThan(0);
      expect(a, share).toBeLessThan(100);
      expect(b, percentile).toBeGreaterThan(0);
      expect(b, percentile).toBeLessThan(100);
      expect(a + b, `${share} and ${percentile}`).toBeCloseTo(100, 8);
    }
  });

  it('writes levels very near 0 or 1 in plain decimals, never as 0%, 100% or with an exponent', () => {
    // --confidence 0.999999999 read 'P1e-7', and 0.99999999999 '100%' and 'P0' (8 decimals at most).
    expect(confidenceWords(0.999999999)).toEqual({ share: '99.9999999%', percentile: 'P0.0000001' });
    expect(confidenceWords(1e-9)).toEqual({ share: '0.0000001%', percentile: 'P99.9999999' });
    expect(confidenceWords(0.99999999999).percentile).toBe('P0.000000001');
    fc.assert(
      fc.property(fc.double({ min: 1e-15, max: 1 - 2 ** -53, noNaN: true }), (c) => {
        const { share, percentile } = confidenceWords(c);
        expect(share).toMatch(/^[0-9]+(\.[0-9]+)?%$/);
        expect(percentile).toMatch(/^P[0-9]+(\.[0-9]+)?$/);
        for (const v of [Number(share.slice(0, -1)), Number(percentile.slice(1))]) {
          expect(v, `${share} ${percentile}`).toBeGreaterThan(0);
          expect(v, `${share} ${percentile}`).toBeLessThan(100);
        }
      }),
    );
  });

  it('writes a level below 1e-22 in significant digits, never as 0% (--confidence 1e-300 read "0% confidence")', () => {
    expect(confidenceWords(1e-300)).toEqual({ share: '1e-298%', percentile: 'P100' });
    expect(confidenceWords(2.5e-30).share).toBe('2.5e-28%');
    expect(confidenceWords(Number.MIN_VALUE).share).toBe('4.94e-322%');
    expect(confidenceWords(5e-23).share).toBe('0.00000000000000000001%');
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e-15, noNaN: true }), (c) => {
        const { share } = confidenceWords(c);
        const a = Number(share.slice(0, -1));
        expect(a, share).toBeGreaterThan(0);
        // Its first significant digit at least (plain decimals stop at the first one that is not 0,
        // rounded half up: 5e-21% reads 0.00000000000000000001%), so within a factor 2 of the level.
        expect(a / 100 / c, share).toBeGreaterThanOrEqual(0.5);
        expect(a / 100 / c, share).toBeLessThanOrEqual(2);
      }),
    );
  });

  it('the terminal, the paragraph, report.html and report.xlsx say 99.99% and P0.01 for --confidence 0.9999', async () => {
    const loaded = parseScenario(TWO_TIERS, 'report-test.yaml');
    const sim = await simulate(loaded, { trials: 300, workers: 0 });
    const summary = summarize(sim, { confidence: 0.9999 });
    const texts = [
      summaryTable(summary),
      summaryParagraph(summary),
      reportHtml({ summary, scenario: loaded.scenario, charts: [] }),
      JSON.stringify(reportSheets(summary, loaded.scenario)),
    ];
    expect(texts[0]).toContain('Budget at 99.99% confidence (reached or beaten in 99.99% of trials = P0.01)');
    expect(texts[1]).toContain('met or beaten in 99.99% of simulated years');
    expect(texts[2]).toContain('Budget at 99.99% confidence (P0.01)');
    expect(texts[3]).toContain('Budget at 99.99% confidence');
    for (const t of texts) expect(t).not.toMatch(/100% confidence|= P0\)|\(P0\)/);
  });
});
