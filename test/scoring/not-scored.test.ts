import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFiles } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * `score` of a year's monthly actuals file that has rows for some of a report's tiers only: the
 * tiers it has are scored, and the company total cannot be (the sum of the tiers given is part of
 * the company). Before, the total was left out without a word: the user saw fewer rows and no
 * reason. Now a warning names the missing tier, and the terminal, score.json, score.csv and
 * score.html each say why the total is absent. The same for a metric whose columns the file gives
 * only in part (bookings without contraction_arr and expansion_arr).
 */
const SCENARIO = 'name: s\nseed: 1\ntiers:\n  - name: A\n    existing: { openingArr: 1200000, customers: 100, renewalRate: 0.9 }\n  - name: Big Co\n    existing: { openingArr: 2400000, customers: 10, renewalRate: 0.95 }\n';
const months = (tier: string) => Array.from({ length: 12 }, (_, k) => `${k + 1},${tier},100000,1200000`);
let dir: string;

beforeAll(async () => {
  dir = writeFiles({
    's.yaml': SCENARIO,
    'only-a.csv': `month,tier,revenue,ending_arr\n${months('A').join('\n')}\n`,
    'both.csv': `month,tier,revenue,ending_arr\n${months('A').join('\n')}\n${months('Big Co').join('\n')}\n`,
    // act25's review: new_arr and renewed_arr without contraction_arr and expansion_arr: bookings cannot be summed.
    'no-flows.csv': `month,tier,revenue,ending_arr,new_arr,renewed_arr\n${['A', 'Big Co'].flatMap((t) => Array.from({ length: 12 }, (_, k) => `${k + 1},${t},100000,1200000,5000,90000`)).join('\n')}\n`,
  });
  const run = await runCli('run', join(dir, 's.yaml'), '-n', '40', '-w', '0', '--quiet', '--no-progress', '--outputs', 'summary,trials', '--out', join(dir, 'r'));
  if (run.code !== 0) throw new Error(run.err);
}, 60_000);

describe('score: a year\'s file without rows for one of the report\'s tiers', () => {
  it('warns naming the tier, and every output says why the total is absent', async () => {
    const out = join(dir, 'sc');
    const r = await runCli('score', join(dir, 'r'), '--actuals', join(dir, 'only-a.csv'), '--out', out);
    expect(r.code, r.err).toBe(0);
    const warnings = r.err.split('\n').filter((l) => l.includes('[score-not-scored]'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`${join(dir, 'only-a.csv')} tier: report "${join(dir, 'r')}": the company total (revenue, ending_arr) is not scored: the actuals file has no rows for tier "Big Co"`);
    // The terminal: A's two figures and no total row, and the reason under the outcomes.
    const rows = r.out.split('\n').filter((l) => l.startsWith(join(dir, 'r')));
    expect(rows.map((l) => l.split(/\s{2,}/)[1])).toEqual(['A', 'A']);
    expect(r.out).toContain(`Report "${join(dir, 'r')}": the company total (revenue, ending_arr) is not scored: the actuals file has no rows for tier "Big Co"`);
    // score.json
    const json = JSON.parse(readFileSync(join(out, 'score.json'), 'utf8'));
    expect(json.outcomes.map((o: { tier: string }) => o.tier)).toEqual(['A', 'A']);
    expect(json.notScored).toHaveLength(1);
    expect(json.notScored[0]).toMatchObject({ report: join(dir, 'r'), missingTiers: ['Big Co'], missingColumns: [], tiers: ['total'], metrics: ['revenue', 'endingArr'] });
    expect(json.notScored[0].reason).toContain('no rows for tier "Big Co"');
    // score.csv: a row for each total left out, without figures, its reason in the last column.
    const csv = readFileSync(join(out, 'score.csv'), 'utf8').trim().split('\n');
    const head = csv[0]!.split(',');
    expect(head[head.length - 1]).toBe('not_scored');
    const totals = csv.filter((l) => l.split(',')[2] === 'total');
    expect(totals).toHaveLength(2);
    for (const l of totals) {
      expect(l).toContain('not scored: the actuals file has no rows for tier ""Big Co""');
      // value, scored_value, ... interval_score_80: empty.
      expect(l.split(',').slice(4, head.length - 1).every((c) => c === '')).toBe(true);
    }
    // score.html
    const html = readFileSync(join(out, 'score.html'), 'utf8');
    expect(html).toContain('<strong>Not scored.</strong>');
    expect(html).toContain('no rows for tier &quot;Big Co&quot;');
  });

  it('a file with every tier scores the total, and says nothing of the kind', async () => {
    const out = join(dir, 'sc-both');
    const r = await runCli('score', join(dir, 'r'), '--actuals', join(dir, 'both.csv'), '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toContain('score-not-scored');
    expect(r.out).not.toContain('is not scored');
    const json = JSON.parse(readFileSync(join(out, 'score.json'), 'utf8'));
    // Revenue 12 x 100,000 a tier, summed over both: independent of the code's sum.
    expect(json.outcomes.find((o: { tier: string; metric: string }) => o.tier === 'total' && o.metric === 'revenue').value).toBe(2 * 12 * 100_000);
    expect(json.notScored).toEqual([]);
    expect(readFileSync(join(out, 'score.csv'), 'utf8')).not.toContain('not scored');
  });

  it('a file with some of bookings\' columns but not all: bookings unscored for every tier and the total, and every output says why', async () => {
    const out = join(dir, 'sc-flows');
    const r = await runCli('score', join(dir, 'r'), '--actuals', join(dir, 'no-flows.csv'), '--out', out);
    expect(r.code, r.err).toBe(0);
    const warnings = r.err.split('\n').filter((l) => l.includes('[score-not-scored]'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('bookings is not scored, for any tier or the company total: the actuals file has no contraction_arr and expansion_arr columns');
    expect(r.out).toContain(`Report "${join(dir, 'r')}": bookings is not scored`);
    const json = JSON.parse(readFileSync(join(out, 'score.json'), 'utf8'));
    // Revenue and ending ARR of A, Big Co and the total: 6 outcomes, no bookings.
    expect(json.outcomes).toHaveLength(6);
    expect(json.outcomes.some((o: { metric: string }) => o.metric === 'bookings')).toBe(false);
    expect(json.notScored).toEqual([
      expect.objectContaining({ report: join(dir, 'r'), metrics: ['bookings'], tiers: ['A', 'Big Co', 'total'], missingTiers: [], missingColumns: ['contraction_arr', 'expansion_arr'] }),
    ]);
    const csv = readFileSync(join(out, 'score.csv'), 'utf8').trim().split('\n');
    const bookings = csv.filter((l) => l.split(',')[3] === 'bookings');
    expect(bookings.map((l) => l.split(',')[2])).toEqual(['A', 'Big Co', 'total']);
    for (const l of bookings) expect(l).toContain('no contraction_arr and expansion_arr columns');
    expect(readFileSync(join(out, 'score.html'), 'utf8')).toContain('<strong>Not scored.</strong> Report');
  });
});
