import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate, planLoaded } from '../../src/engine/simulate.js';
import { checkRunEstimate, DEFAULT_MAX_MINUTES, estimateRun, formatDuration } from '../../src/engine/run-estimate.js';
import { RunOptionError } from '../../src/engine/errors.js';
import { workPerTrial, FIXED_DRAWS_PER_TIER } from '../../src/model/work-estimate.js';
import { MAX_UNITS_PER_MONTH } from '../../src/model/model-limit-error.js';
import { cappedWorkers } from '../../src/cli/run-limits.js';
import { createProgressBar } from '../../src/cli/progress-bar.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT, scenarioFrom } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';
import * as library from '../../src/index.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'arrcast-limits-'));

/** `count` tiers each expecting `dealsPerMonth` deals a month (a lognormal ACV: every deal drawn), `trials` trials. */
function tiers(count: number, dealsPerMonth: number, trials = 10_000, extra = ''): string {
  const tier = (i: number) =>
    `  - name: T${i}\n    newBusiness:\n      leadsPerMonth: { dist: poisson, mean: ${dealsPerMonth * 10} }\n      conversion: 0.1\n      acv: { dist: lognormal, median: 10000, p90: 20000 }\n${extra}`;
  return `name: Volumes\ntrials: ${trials}\nseed: 1\ntiers:\n${Array.from({ length: count }, (_, i) => tier(i)).join('')}`;
}

function write(yaml: string): { file: string; dir: string } {
  const dir = tmp();
  const file = join(dir, 'plan.yaml');
  writeFileSync(file, yaml);
  return { file, dir };
}

describe('the work estimate', () => {
  it('counts a trial\'s expected one-by-one draws from the plan\'s typical values, worked by hand', () => {
    // 2 tiers x (fixed draws + 12 months x 1,000 deals), and a book in aggregate: 10,000 customers x (0.1 + 0.2) sizes drawn.
    const yaml = `${tiers(2, 1_000)}    existing:\n      openingArr: 1000000\n      customers: 10000\n      renewalRate: 0.9\n      contraction: { probability: 0.1, size: 0.2 }\n      expansion: { probability: { dist: beta, mean: 0.2, sd: 0.05 }, size: 0.3 }\n`;
    const plan = planLoaded(scenarioFrom(yaml));
    const work = workPerTrial(plan);
    expect(work.draws).toBeCloseTo(2 * FIXED_DRAWS_PER_TIER + 2 * 12 * 1_000 + 10_000 * 0.3, 6);
    expect(work.peakMonthlyUnits).toBeCloseTo(1_000, 6);
  });

  it.each(['example', 'hybrid-company', 'enterprise-rep-driven', 'smb-lead-driven', 'downside'])('lets %s run at its own trials, and at a million on one thread', async (name) => {
    const loaded = await loadScenario(`${ROOT}scenarios/${name}.yaml`);
    const plan = planLoaded(loaded);
    expect(() => checkRunEstimate(estimateRun(plan, loaded.scenario.trials, 1))).not.toThrow();
    expect(estimateRun(plan, 1_000_000, 1).seconds).toBeLessThan(DEFAULT_MAX_MINUTES * 60);
  });

  it('leaves a plan beyond the per-month guard to that guard (it names the field)', () => {
    const e = estimateRun(planLoaded(scenarioFrom(tiers(1, 5 * MAX_UNITS_PER_MONTH, 4_000))), 4_000, 2);
    expect(e.beyondGuard).toBe(true);
    expect(() => checkRunEstimate(e)).not.toThrow();
  });

  it('formats durations as a person says them', () => {
    expect([0.2, 42, 600, 5400, 7 * 86400].map(formatDuration)).toEqual(['1 s', '42 s', '10 min', '1.5 h', '7 days']);
  });
});

describe('a run estimated to take too long is refused before it starts: exit 2, the estimate and the override named', () => {
  it.each([
    // The issue's case: 50 tiers each just under the per-month deal guard (weeks at the scenario's trials).
    ['50 tiers just under the per-month deal guard', tiers(50, MAX_UNITS_PER_MONTH * 0.99), []],
    ['two tiers just under the guard, 10,000 trials', tiers(2, MAX_UNITS_PER_MONTH * 0.99), []],
    ['lead sources: 3 grades of 400,000 deals a month', `name: Sources\ntrials: 10000\nseed: 1\ntiers:\n  - name: S\n    newBusiness:\n      leadSources:\n${['A', 'B', 'C'].map((g) => `        - grade: ${g}\n          leadsPerMonth: { dist: poisson, mean: 4000000 }\n          conversion: { dist: beta, mean: 0.1, sd: 0.01 }\n`).join('')}      acv: { dist: lognormal, median: 10000, p90: 20000 }\n`, []],
    ['a modest plan at a lower --max-minutes', tiers(5, 99_000), ['--max-minutes', '10']],
    ['a modest plan at many more trials', tiers(5, 99_000), ['-n', '200000']],
  ] as Array<[string, string, string[]]>)('%s', async (_, yaml, args) => {
    const { file, dir } = write(yaml);
    const out = join(dir, 'report');
    const r = await runCli('run', file, '-w', '2', '--no-progress', '--out', out, ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^arrcast: --max-minutes: this run is estimated at about [\d.,]+ (s|min|h|days) \([\d.e+,]+ draws a trial x [\d,]+ trials on \d threads?\), over the limit of [\d,]+ minutes;/);
    expect(r.err).toContain('raise the limit with --max-minutes (library: maxMinutes)');
    expect(existsSync(out)).toBe(false);
  });

  it('the library refuses it too (RunOptionError), and maxMinutes raises the limit', async () => {
    expect(library.DEFAULT_MAX_MINUTES).toBe(60);
    const loaded = scenarioFrom(tiers(5, 99_000));
    // The library's is this one with its arguments checked first (api/checked-exports.ts).
    expect(library.estimateRun(planLoaded(loaded), 10_000, 1)).toEqual(estimateRun(planLoaded(loaded), 10_000, 1));
    await expect(simulate(loaded, { trials: 10_000, workers: 0, maxMinutes: 10 })).rejects.toBeInstanceOf(RunOptionError);
    const sim = await simulate(loaded, { trials: 1, workers: 0, maxMinutes: 10 });
    expect(sim.trials).toBe(1);
    expect(() => checkRunEstimate(estimateRun(planLoaded(loaded), 10_000, 1), 1e6)).not.toThrow();
  });

  it('--max-minutes lets it run when raised; a bad value is exit 2', async () => {
    const { file, dir } = write(tiers(5, 99_000));
    const refused = await runCli('run', file, '-w', '0', '-q', '--no-progress', '--max-minutes', '10', '--out', join(dir, 'report'));
    expect(refused.code).toBe(2);
    const ok = await runCli('run', file, '-w', '0', '-q', '--no-progress', '--max-minutes', '100', '-n', '1', '--out', join(dir, 'report'));
    expect(ok.err).not.toContain('internal error');
    expect(ok.code).toBe(0);
    for (const bad of ['0', '-5', 'soon'])
      expect((await runCli('run', file, '-n', '1', '-w', '0', '-q', '--no-progress', '--max-minutes', bad, '--out', join(dir, 'r2'))).code).toBe(2);
  });
});

describe('validate says when a valid scenario would run too long', () => {
  it('names a file whose name holds a line feed on one line (\\u{a}), so the warning cannot forge a line of its own', async () => {
    const dir = tmp();
    const file = join(dir, 'plan\nok (fake).yaml');
    writeFileSync(file, tiers(50, MAX_UNITS_PER_MONTH * 0.99));
    const r = await runCli('validate', file);
    expect(r.code).toBe(0);
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.err).toContain(`${join(dir, 'plan')}\\u{a}ok (fake).yaml: warning: a run of its 10,000 trials`);
  });

  it('the issue\'s 50 tiers: ok on stdout, exit 0, and a warning with the estimate on stderr', async () => {
    const { file } = write(tiers(50, MAX_UNITS_PER_MONTH * 0.99));
    const r = await runCli('validate', file);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${file}: ok (Volumes, 50 tiers)\n`);
    expect(r.err).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: warning: a run of its 10,000 trials is estimated at about [\\d.,]+ (h|days) \\(5\\.94e\\+8 draws a trial x 10,000 trials on \\d+ threads?\\), over the 60-minute limit; arrcast run refuses it unless given --max-minutes\n$`));
  });

  it.each(['example', 'smb-lead-driven'])('scenarios/%s.yaml: no warning', async (name) => {
    const r = await runCli('validate', `${ROOT}scenarios/${name}.yaml`);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });
});

describe('the estimate is printed with the progress bar', () => {
  it('on its own line above the bar, when the bar first shows', () => {
    let text = '';
    let now = 0;
    const bar = createProgressBar({ isTTY: true, write: (t: string) => ((text += t), true) } as never, () => now);
    bar.setEstimate('estimated about 3 s (4,138 draws a trial x 20,000 trials on 2 threads)');
    now = 1_000;
    bar.update(5_000, 20_000);
    now = 2_000;
    bar.update(10_000, 20_000);
    expect(text.split('\n')[0]).toBe('estimated about 3 s (4,138 draws a trial x 20,000 trials on 2 threads)');
    expect(text.match(/estimated/g)).toHaveLength(1);
    expect(text).toContain('10,000/20,000 trials');
  });

  it('counts the rate and the time left from the first chunk on, not from the start (loading, the pool starting)', () => {
    let text = '';
    let now = 0;
    const bar = createProgressBar({ isTTY: true, write: (t: string) => ((text += t), true) } as never, () => now);
    // The first chunk lands 2 s after the start: no rate can be told from one report.
    now = 2_000;
    bar.update(1_000, 20_000);
    expect(text).toBe(`\r[${'#'.repeat(2)}${'.'.repeat(28)}] 1,000/20,000 trials `);
    // 2,000 more trials in the next 0.5 s: 4,000 a second, 17,000 left in 4.25 s (counted from the
    // start it would read 1,200 a second and 14 s left).
    now = 2_500;
    bar.update(3_000, 20_000);
    expect(text.slice(text.lastIndexOf('\r'))).toBe(`\r[${'#'.repeat(5)}${'.'.repeat(25)}] 3,000/20,000 trials  4,000/s  4s left `);
  });
});

describe('too many workers', () => {
  it.each([
    [256, 2, 2, true],
    [3, 2, 2, true],
    [2, 2, 2, false],
    [0, 2, 0, false],
    // Above the maximum it is a bad option, refused with its range (exit 2), not capped.
    [257, 2, 257, false],
  ])('--workers %d on %d CPUs uses %d (warned: %s)', (asked, cores, used, warned) => {
    const said: string[] = [];
    expect(cappedWorkers(asked, (t) => said.push(t), cores)).toBe(used);
    expect(said.length > 0).toBe(warned);
    if (warned) expect(said[0]).toBe(`arrcast: --workers ${asked} is more than the ${cores} CPUs available; using ${cores} (more threads would only add memory and slow the run)\n`);
  });

  it('arrcast run --workers 256 says so on stderr and runs on the CPUs there are', async () => {
    const dir = tmp();
    const file = join(dir, 'plan.yaml');
    writeFileSync(file, readFileSync(`${ROOT}test/fixtures/minimal.yaml`, 'utf8'));
    const r = await runCli('run', file, '-n', '200', '--workers', '256', '-q', '--no-progress', '--out', join(dir, 'report'));
    expect(r.code).toBe(0);
    const cores = availableParallelism();
    expect(r.err).toContain(`arrcast: --workers 256 is more than the ${cores} CPU${cores === 1 ? '' : 's'} available; using ${cores}`);
  });
});
