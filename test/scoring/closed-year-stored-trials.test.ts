import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storedTrialValue } from '../../src/report/stored-trial-value.js';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * A re-forecast of all 12 closed months is a single point, the actuals; scored against that same
 * year it is exactly right: PIT 50% (a tie, mid-rank) and inside P10-P90 for every figure. Before
 * December 2026 a tier's figures, float32 in trials.csv and sipmath.json, were compared with the
 * outcome at full precision: SMB revenue 28,722,513 against trials of 28,722,512 scored PIT 100%,
 * outside P10-P90, and the score called such a year's bands "too narrow".
 */
describe('an outcome compared at the precision a report stores its trials', () => {
  it('is a float32 rounded to the digits written for a breakdown (whole units in an older sipmath.json), to the cent for a headline metric', () => {
    // Float32 holds every 2nd whole number from 2^24 (16,777,216) to 2^25: 28,722,513 is between 28,722,512 and
    // 28,722,514, a tie broken to the even significand (28,722,512 / 2 = 14,361,256, even).
    expect(storedTrialValue(28_722_513, 'float32')).toBe(28_722_512);
    // From 2^20 to 2^21 float32 holds eighths: 1,234,567.89 is 1,234,567.875, written whole (7 digits) as 1,234,568.
    expect(storedTrialValue(1_234_567.89, 'float32')).toBe(1_234_568);
    // Below 1e5 to the cent: 91,666.66 is float32 91,666.6640625, written 91,666.66.
    expect(storedTrialValue(91_666.66, 'float32')).toBe(91_666.66);
    // A sipmath.json of before December 2026 wrote a tier's revenue whole: float32 91,666.6640625 as 91,667.
    expect(storedTrialValue(91_666.66, 'float32-whole')).toBe(91_667);
    // A headline metric (float64) to the cent, halves away from zero.
    expect(storedTrialValue(147_120_236.375, 'cents')).toBe(147_120_236.38);
    expect(storedTrialValue(147_120_236.37, 'cents')).toBe(147_120_236.37);
  });

  const dir = mkdtemp(join(tmpdir(), 'arrcast-closed-year-'));
  afterAll(async () => rm(await dir, { recursive: true, force: true }));

  it('makes a 12-month re-forecast scored against its own actuals a tie in every figure (trials.csv and sipmath.json)', async () => {
    const root = await dir;
    // The example company's second history year as fiscal months 1-12, revenue and ending ARR given with cents.
    const [header, ...rows] = (await readFile('scenarios/example-history.csv', 'utf8')).trim().split('\n');
    const months = [...new Set(rows.map((r) => r.split(',')[0]!))].sort();
    const cols = header!.split(',');
    const year = rows
      .filter((r) => months.indexOf(r.split(',')[0]!) >= 12)
      .map((r, k) => {
        const cells = r.split(',');
        cells[0] = String(months.indexOf(cells[0]!) - 11);
        for (const c of ['revenue', 'ending_arr']) cells[cols.indexOf(c)] += `.${String((k * 37 + 13) % 100).padStart(2, '0')}`;
        return cells.join(',');
      });
    expect(year).toHaveLength(36);
    const actuals = join(root, 'year.csv');
    await writeFile(actuals, [header, ...year].join('\n') + '\n');
    // sipmath.json holds the company's figures and each tier's revenue only: its outcomes, the revenue column alone.
    const revenueOnly = join(root, 'year-revenue.csv');
    const keep = ['month', 'tier', 'revenue'].map((c) => cols.indexOf(c));
    await writeFile(revenueOnly, [header!, ...year].map((r) => keep.map((i) => r.split(',')[i]).join(',')).join('\n') + '\n');
    for (const outputs of ['summary,trials', 'summary,sipmath']) {
      const out = join(root, outputs.replace(',', '-'));
      const run = await runCli('run', 'scenarios/example.yaml', '--actuals', actuals, '--trials', '4', '--outputs', outputs, '--out', out, '--quiet', '--no-progress', '--no-warn', 'actuals-arr-unexplained');
      expect(run.code, run.err).toBe(0);
      const score = await runCli('score', out, '--actuals', outputs.endsWith('trials') ? actuals : revenueOnly, '--out', join(root, `score-${outputs.replace(',', '-')}`));
      expect(score.code, score.err).toBe(0);
      const scoreDir = join(root, `score-${outputs.replace(',', '-')}`);
      const scored = JSON.parse(await readFile(join(scoreDir, 'score.json'), 'utf8')) as {
        tool: { scoreVersion: number };
        outcomes: { tier: string; metric: string; value: number; scoredValue: number; p50: number; pit: number; pitLow: number; pitHigh: number; insideP10P90: boolean; insideShareP10P90: number; crps: number }[];
        all: { ks: { d: number; pValue: number }; pitHistogram: number[]; calibration: { level: number; observed: number }[]; coverage: { inside: number; verdict: string } };
      };
      expect(scored.tool.scoreVersion).toBe(2);
      // The file holds each outcome's PIT range, so its groups' figures can be reproduced from it: every
      // figure ties with every trial here, range [0, 1], a tenth in each bin and 0.8 inside [0.1, 0.9].
      const n = scored.outcomes.length;
      const bins = Array.from({ length: 10 }, (_, b) => scored.outcomes.reduce((a, o) => a + (o.pitHigh > o.pitLow ? Math.max(0, Math.min(o.pitHigh, (b + 1) / 10) - Math.max(o.pitLow, b / 10)) / (o.pitHigh - o.pitLow) : Number(Math.min(9, Math.floor(o.pitLow * 10)) === b)), 0));
      for (let b = 0; b < 10; b++) expect(scored.all.pitHistogram[b]).toBeCloseTo(bins[b]!, 6);
      // Written rounded to 6 decimals: n / 10 exactly (1.2, not 1.2000000000000002), each level's share the level.
      expect(scored.all.pitHistogram, outputs).toEqual(Array<number>(10).fill(n / 10));
      for (const c of scored.all.calibration) expect(c.observed, `${outputs} P${c.level * 100}`).toBe(c.level);
      expect(scored.all.coverage.inside).toBeCloseTo(scored.outcomes.reduce((a, o) => a + o.insideShareP10P90, 0), 6);
      expect(scored.all.coverage).toMatchObject({ inside: (n * 8) / 10, verdict: 'calibrated' });
      const csv = (await readFile(join(scoreDir, 'score.csv'), 'utf8')).trim().split('\n');
      const head = csv[0]!.split(',');
      for (const row of csv.slice(1)) {
        const cell = (name: string) => row.split(',')[head.indexOf(name)];
        expect([cell('pit_low'), cell('pit_high'), cell('inside_share_p10_p90')], row).toEqual(['0', '1', '0.8']);
      }
      // Each outcome spread over its PIT's range, all of [0, 1] here (pit-ranges.test.ts): nothing to reject.
      expect(scored.all.ks, outputs).toMatchObject({ d: 0, pValue: 1 });
      // Three tiers and the company: three figures each from trials.csv, revenue from sipmath.json.
      expect(scored.outcomes.length, outputs).toBe(outputs.endsWith('trials') ? 12 : 4);
      for (const o of scored.outcomes) {
        const what = `${outputs}: ${o.tier} ${o.metric}`;
        expect(o.pit, what).toBe(0.5);
        expect([o.pitLow, o.pitHigh], what).toEqual([0, 1]);
        expect(o.insideP10P90, what).toBe(true);
        expect(o.insideShareP10P90, what).toBeCloseTo(0.8, 15);
        expect(o.crps, what).toBe(0);
        // Shown as it was scored, the trials' value, with the figure given beside it where that reads otherwise.
        expect(o.scoredValue, what).toBe(o.p50);
        const whole = (x: number) => Math.round(x).toLocaleString('en-US');
        if (whole(o.scoredValue) !== whole(o.value)) expect(score.out, what).toContain(`${whole(o.scoredValue)} (given ${whole(o.value)})`);
      }
      // A tier's figure of 8 digits is stored as float32, every 2 to 8 units: some are shown with the figure given.
      expect(scored.outcomes.some((o) => Math.round(o.scoredValue) !== Math.round(o.value)), outputs).toBe(true);
      expect(score.out).toContain("'given' is the figure the --actuals file gives");
      // Each row's share inside P10-P90 as the coverage counts it, 0.8 of a tie over all of [0, 1], not "yes".
      const rows = score.out.split('\n').filter((l) => l.startsWith(out));
      expect(rows).toHaveLength(n);
      for (const row of rows) expect(row.trimEnd(), row).toMatch(/ 0\.8 \(tie\)$/);
      expect(await readFile(join(scoreDir, 'score.html'), 'utf8')).toContain('(given ');
    }
  });
});
