import { describe, expect, it } from 'vitest';
import { scoreForecasts } from '../../src/scoring/score-forecasts.js';
import { scoreAmount, scoreCsv, scoreCsvMoney, scoreHtml } from '../../src/report/score-output.js';
import { scoreTable } from '../../src/cli/score-command.js';
import type { ReportTrials } from '../../src/report/read-report-trials.js';

/**
 * score's tables name the currency their amounts are in, and write an amount below 1,000 as every
 * other output does (to the minor unit, three significant digits), not in whole units: a dinar
 * company's outcome of KWD 0.0412 and its percentiles all read "0" before, a dollar CRPS of 0.4 "0".
 */
function scored(currency: string, step: number, outcome: number) {
  // Trials step, 2 x step, ..., 1,000 x step: type-7 P10 = step x (1 + 0.1 x 999), P50 = step x 500.5, P90 = step x (1 + 0.9 x 999).
  const sample = Float64Array.from({ length: 1000 }, (_, i) => (i + 1) * step);
  const result = scoreForecasts([{ report: 0, tier: undefined, metric: 'revenue' as const, value: outcome, line: 2 }], () => sample);
  const report = { dir: 'r', source: 'trials.csv', trials: 1000, scenarioName: 's', currency, tiers: [], series: () => sample } as unknown as ReportTrials;
  return { result, reports: [report] };
}

describe("score's amounts in the reports' currency", () => {
  it('a dinar company: the terminal, score.html and score.csv write fils and name KWD', () => {
    const { result, reports } = scored('KWD', 0.0001, 0.0412);
    const terminal = scoreTable(result, reports);
    // outcome, P10 (0.010009), P50 (0.05005), P90 (0.090001) to the fils.
    expect(terminal.split('\n')[1]!.trim().split(/\s{2,}/).slice(3, 7)).toEqual(['0.041', '0.010', '0.050', '0.090']);
    expect(terminal).toContain('Amounts (outcomes, percentiles, CRPS, pinball losses, interval scores) in KWD.');
    const html = scoreHtml(result, reports, []);
    expect(html).toContain('interval score of P10-P90 in KWD (lower is better)');
    expect(html).toContain('Each outcome against its forecast, amounts in KWD.');
    expect(html).toMatch(/<td[^>]*>0\.041<\/td><td[^>]*>0\.010<\/td><td[^>]*>0\.050<\/td><td[^>]*>0\.090<\/td>/);
    const [head, row] = scoreCsv(result, reports).split('\n');
    const cells = Object.fromEntries(head!.split(',').map((h, i) => [h, row!.split(',')[i]]));
    expect([cells.currency, cells.value, cells.p90]).toEqual(['KWD', '0.041', '0.09']);
  });

  it('a dollar company of small amounts: cents, where whole dollars read 12 and 1; yen as before', () => {
    const { result, reports } = scored('USD', 0.01, 12.3456);
    const row = scoreTable(result, reports).split('\n')[1]!.trim().split(/\s{2,}/);
    // outcome 12.3456, P10 1.009, P50 5.005 (a double a hair off the half: either cent reads 5.00 or 5.01), P90 9.001, to the cent.
    expect(row.slice(3, 7)).toEqual(['12.35', '1.01', row[5], '9.00']);
    expect(['5.00', '5.01']).toContain(row[5]);
    // A yen company: whole yen, and from 1,000 up every unit grouped, as before: P10 2.5 x 100.9 = 252.25, P50 1,251.25, P90 2,250.25.
    const yen = scored('JPY', 2.5, 1234.4);
    expect(scoreTable(yen.result, yen.reports).split('\n')[1]!.trim().split(/\s{2,}/).slice(3, 7)).toEqual(['1,234', '252', '1,251', '2,250']);
  });

  it("score.csv: the cent at least in every currency (yen 0.42 as main wrote it), the fils in dinars, a tiny amount's significant digits", () => {
    const csvCells = (currency: string, step: number, outcome: number) => {
      const { result, reports } = scored(currency, step, outcome);
      const [head, row] = scoreCsv(result, reports).split('\n');
      return Object.fromEntries(head!.split(',').map((h, i) => [h, row!.split(',')[i]]));
    };
    // Yen trials 0.01 .. 10: outcome 0.42, P90 9.001 -> 9 at the cent (whole yen wrote 0 and 9).
    const yen = csvCells('JPY', 0.01, 0.42);
    expect([yen.value, yen.p10, yen.p90]).toEqual(['0.42', '1.01', '9']);
    // Dollar trials 0.00001 .. 0.01: outcome 0.0042 and P10 0.00001 x 100.9 = 0.001009 read 0 at the cent: three significant
    // digits instead; P90 0.00001 x 900.1 = 0.009001 is a cent, as the terminal writes it.
    const usd = csvCells('USD', 0.00001, 0.0042);
    expect([usd.value, usd.p10, usd.p90]).toEqual(['0.0042', '0.00101', '0.01']);
    expect([0.0412, 7.1234, 0.00042].map(scoreCsvMoney('KWD'))).toEqual(['0.041', '7.123', '0.00042']);
    expect([132162418.3456, -0.004, 0, Number.NaN].map(scoreCsvMoney('USD'))).toEqual(['132162418.35', '-0.004', '0', '']);
  });

  it('every minor unit below 1,000, every whole unit above; below the minor unit its significant digits', () => {
    const usd = scoreAmount('USD', '-');
    expect([0.4, 40.723, -5.125, 999.996, 1234.5, -0.004, 0, Number.NaN].map(usd)).toEqual(['0.40', '40.72', '-5.13', '1,000.00', '1,235', '-0.00400', '0.00', '-']);
    expect([0.0412, 7.1234].map(scoreAmount('KWD'))).toEqual(['0.041', '7.123']);
    expect([43.3, 0.4].map(scoreAmount('JPY'))).toEqual(['43', '0.400']);
  });
});
