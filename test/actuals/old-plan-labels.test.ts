import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/in-process-cli.js';
import { writeFiles } from '../helpers/fixtures.js';

/**
 * Default target labels write thousands 'k', as money is written everywhere else ('ending ARR >=
 * 390k', where earlier versions wrote Intl's 'ending ARR >= 390K'). A plan's summary.json written by
 * such a version must still give the re-forecast its chance of each target at plan: the "at plan"
 * column finds a plan target by its label, compared as names are (without case).
 */

const SCENARIO = `
name: old plan
trials: 400
seed: 1
targets:
  metrics:
    - { metric: endingArr, value: 390000 }
    - { metric: revenue, value: 395000, label: Board }
tiers:
  - name: E
    existing:
      openingArr: 400000
      customers: 20
      renewalRate: { dist: beta, mean: 0.95, sd: 0.03 }
      priceUplift: 0
`;
const ACTUALS = 'month,tier,ending_arr\n1,E,400000\n';

type Target = { label: string; probability: { value: number }; metric?: string; value?: number; tier?: string };

/** The plan's summary.json as an earlier version wrote it: default labels with 'K', and (`untested`) without what each target tested. */
function asEarlierVersion(text: string, untested: boolean): string {
  const s = JSON.parse(text);
  s.decisions.targets = s.decisions.targets.map((t: Target) => {
    const label = t.label === 'Board' ? t.label : t.label.replace(/k$/, 'K');
    if (!untested) return { ...t, label };
    const { metric: _m, value: _v, tier: _t, ...rest } = t;
    return { ...rest, label };
  });
  return JSON.stringify(s, null, 2);
}

describe('a plan summary whose default labels read "390K" (an earlier version) matches the re-forecast\'s "390k"', () => {
  it.each([
    ['with what its targets tested', false],
    ['without it (a summary older still)', true],
  ])('%s', async (_, untested) => {
    const dir = writeFiles({ 's.yaml': SCENARIO, 'actuals.csv': ACTUALS });
    const prev = process.cwd();
    process.chdir(dir);
    try {
      expect((await runCli('run', 's.yaml', '--out', 'plan', '-q', '--no-progress', '--workers', '0', '--outputs', 'summary')).code).toBe(0);
      const written = readFileSync(join(dir, 'plan', 'summary.json'), 'utf8');
      const planTargets: Target[] = JSON.parse(written).decisions.targets;
      // Today's default label, thousands written 'k' as the money in the tables writes them (390k).
      expect(planTargets.map((t) => t.label)).toEqual(['ending ARR >= 390k', 'Board']);
      writeFileSync(join(dir, 'plan', 'summary.json'), asEarlierVersion(written, untested));
      expect(JSON.parse(readFileSync(join(dir, 'plan', 'summary.json'), 'utf8')).decisions.targets[0].label).toBe('ending ARR >= 390K');

      const r = await runCli('run', 's.yaml', '--actuals', 'actuals.csv', '--plan', 'plan', '--out', 'june', '-q', '--no-progress', '--workers', '0', '--outputs', 'summary,html');
      expect(r.err).toMatch(/^wrote june\/ in [\d.]+ s\n$/);
      expect(r.code).toBe(0);
      const june = JSON.parse(readFileSync(join(dir, 'june', 'summary.json'), 'utf8'));
      expect(june.reforecast.decisions.now.targets.map((t: { label: string }) => t.label)).toEqual(['ending ARR >= 390k', 'Board']);
      // The plan's chances, under the re-forecast's labels: summary.json's now and atPlan read alike.
      expect(june.reforecast.decisions.atPlan.targets).toEqual([
        { label: 'ending ARR >= 390k', probability: planTargets[0]!.probability.value },
        { label: 'Board', probability: planTargets[1]!.probability.value },
      ]);
      // report.html's "at plan" cell of the target holds the plan's chance, not '-'.
      const html = readFileSync(join(dir, 'june', 'report.html'), 'utf8');
      const row = html.match(/<tr><t[hd][^>]*>P\(ending ARR &gt;= 390k\)<\/t[hd]>(.*?)<\/tr>/)?.[1];
      expect(row).toBeDefined();
      const cells = [...row!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
      expect(cells).toHaveLength(2);
      expect(cells[1]).not.toBe('-');
    } finally {
      process.chdir(prev);
    }
  });

  it('an old label whose target has since moved is still left out (it only shares the label)', async () => {
    const dir = writeFiles({ 's.yaml': SCENARIO, 'actuals.csv': ACTUALS });
    const prev = process.cwd();
    process.chdir(dir);
    try {
      expect((await runCli('run', 's.yaml', '--out', 'plan', '-q', '--no-progress', '--workers', '0', '--outputs', 'summary')).code).toBe(0);
      // The plan tested ending ARR >= 390,000; its file says 'K', and what it tested.
      writeFileSync(join(dir, 'plan', 'summary.json'), asEarlierVersion(readFileSync(join(dir, 'plan', 'summary.json'), 'utf8'), false));
      // The re-forecast's target reads alike in every spelling but tests 390,001: not the plan's.
      writeFileSync(join(dir, 's.yaml'), SCENARIO.replace('value: 390000 }', 'value: 390000, label: "ending ARR >= 390k" }').replace('value: 395000, label: Board', 'value: 395000, label: BOARD'));
      writeFileSync(join(dir, 's.yaml'), readFileSync(join(dir, 's.yaml'), 'utf8').replace('metric: endingArr, value: 390000', 'metric: endingArr, value: 390001'));
      const r = await runCli('run', 's.yaml', '--actuals', 'actuals.csv', '--plan', 'plan', '--out', 'june', '-q', '--no-progress', '--workers', '0', '--outputs', 'summary');
      expect(r.code).toBe(0);
      const june = JSON.parse(readFileSync(join(dir, 'june', 'summary.json'), 'utf8'));
      // 'BOARD' is the plan's 'Board' (labels are names: without case), testing the same: kept under today's spelling.
      expect(june.reforecast.decisions.atPlan.targets.map((t: { label: string }) => t.label)).toEqual(['BOARD']);
    } finally {
      process.chdir(prev);
    }
  });

  it("a plan's summary.json re-saved as UTF-16 is refused saying so (it read as 'not JSON')", async () => {
    const dir = writeFiles({ 's.yaml': SCENARIO, 'actuals.csv': ACTUALS });
    const prev = process.cwd();
    process.chdir(dir);
    try {
      expect((await runCli('run', 's.yaml', '--out', 'plan', '-q', '--no-progress', '--workers', '0', '--outputs', 'summary')).code).toBe(0);
      writeFileSync(join(dir, 'plan', 'summary.json'), Buffer.from(readFileSync(join(dir, 'plan', 'summary.json'), 'utf8'), 'utf16le'));
      const r = await runCli('run', 's.yaml', '--actuals', 'actuals.csv', '--plan', 'plan', '--out', 'june', '-q', '--no-progress', '--workers', '0', '--outputs', 'summary');
      expect(r.err).toBe('arrcast: plan/summary.json:1:1 is UTF-16 text without a byte-order mark: arrcast writes summary.json as UTF-8; save it as UTF-8, or re-run the plan\n');
      expect(r.code).toBe(2);
    } finally {
      process.chdir(prev);
    }
  });
});
