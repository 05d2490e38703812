import { describe, expect, it } from 'vitest';
import { scoreForecasts } from '../../src/scoring/score-forecasts.js';
import { parseOutcomes } from '../../src/scoring/outcomes-file.js';

describe('scoring many outcomes, by hand', () => {
  // Two reports with tier SMB; forecasts are the samples {1, 2, 3} and {10, 20, 30, 40}.
  const reports = [
    { dir: 'reports/a', tiers: ['SMB'] },
    { dir: 'reports/b/', tiers: ['SMB'] },
  ];
  const text = 'report,tier,metric,value\na,total,revenue,2.5\nreports/b,smb,ending_arr,5\nb,total,revenue,25\n';
  const outcomes = parseOutcomes(text, 'o.csv', reports);
  const samples: Record<string, number[]> = { '0:revenue': [1, 2, 3], '1:endingArr': [10, 20, 30, 40], '1:revenue': [10, 20, 30, 40] };
  const result = scoreForecasts(outcomes, (o) => Float64Array.from(samples[`${o.report}:${o.metric}`]!));

  it('reads reports by last part or by directory, tiers ignoring case, and total as the company', () => {
    expect(outcomes.map((o) => [o.report, o.tier, o.metric, o.value, o.line])).toEqual([
      [0, undefined, 'revenue', 2.5, 2],
      [1, 'SMB', 'endingArr', 5, 3],
      [1, undefined, 'revenue', 25, 4],
    ]);
  });

  it("reads a tier written in another Unicode form as the report's (NFD Café, NFC Café)", () => {
    const got = parseOutcomes('tier,metric,value\nCafe\u0301,revenue,5\n', 'o.csv', [{ dir: 'r', tiers: ['Caf\u00e9'] }]);
    expect(got.map((o) => o.tier)).toEqual(['Caf\u00e9']);
  });

  it('scores each outcome, and sums up by metric and overall', () => {
    const [a, b, c] = result.outcomes;
    // {1,2,3} at 2.5: PIT 2/3, CRPS 7/18 (scores.test.ts). {10..40} at 5: PIT 0, CRPS = 20 − Σ(2i − 5)x_(i)/16 = 20 − 100/16.
    expect(a!.pit).toBeCloseTo(2 / 3, 12);
    expect(b!.pit).toBe(0);
    expect(b!.crps).toBeCloseTo(20 - (-3 * 10 - 1 * 20 + 1 * 30 + 3 * 40) / 16, 12);
    // {10..40} at 25: PIT 0.5; CRPS = mean|x − 25| (15 + 5 + 5 + 15)/4 = 10 minus 100/16.
    expect(c!.pit).toBe(0.5);
    expect(c!.crps).toBeCloseTo(10 - 100 / 16, 12);
    expect(result.byMetric.revenue!.outcomes).toBe(2);
    expect(result.byMetric.revenue!.meanCrps).toBeCloseTo((7 / 18 + 10 - 100 / 16) / 2, 12);
    expect(result.byMetric.endingArr!.coverage.share).toBe(0); // 5 is below P10 = 13
    expect(result.all.coverage).toMatchObject({ inside: 2, outcomes: 3 });
    // PITs 2/3, 0, 0.5 in tenths: bins 6, 0 and 5.
    expect(result.all.pitHistogram).toEqual([1, 0, 0, 0, 0, 1, 1, 0, 0, 0]);
    expect(result.byMetric.bookings).toBeUndefined();
  });
});
