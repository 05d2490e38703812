import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../helpers/fixtures.js';
import { MAIN } from '../helpers/unprivileged.js';
import { runCli } from '../helpers/in-process-cli.js';
import { loadScenario } from '../../src/scenario/load.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { writeReport } from '../../src/report/write-report.js';
import { OutputDirError } from '../../src/report/output-dir.js';
import { readMonthlyFile } from '../../src/actuals/read-monthly-file.js';

/**
 * An input a command reads lying inside the output it replaces whole: `arrcast run rep/scenario.json
 * --out rep` replaced its own scenario (exit 0), a --with-stress file there was overwritten by the
 * plan's scenario. Every command (and writeReport) now refuses it before anything is written, exit 2,
 * naming the input and the output, and leaves the input as it was. The inputs are planted under the
 * output's own names (anything else in an output already makes it refused as not replaceable).
 */
const MINIMAL = join(ROOT, 'test/fixtures/minimal.yaml');
const QUICK = ['--trials', '300', '--workers', '0', '-q', '--no-progress'];

/** A fresh folder holding an earlier report `rep` of the minimal scenario (with trials.csv, for score). */
async function withReport(): Promise<{ dir: string; rep: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-inputs-in-out-'));
  const rep = join(dir, 'rep');
  const r = await runCli('run', MINIMAL, ...QUICK, '--outputs', 'summary,trials', '--out', rep);
  if (r.code !== 0) throw new Error(r.err);
  return { dir, rep };
}

/** Run `args`; expect exit 2 naming `input` (as `what`) and the output, with `input`'s bytes untouched. */
async function refused(args: string[], input: string, what: string, out: string): Promise<void> {
  const before = readFileSync(input);
  const r = await runCli(...args);
  expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(2);
  expect(r.err).toContain(`would replace ${what} `);
  expect(r.err).toContain(`an input of this command, which lies inside ${out}`);
  expect(readFileSync(input).equals(before)).toBe(true);
}

describe('an input inside the output it would replace is refused (exit 2), the input kept', () => {
  it("run: the report's own scenario.json as the scenario runs when the run writes it again byte for byte, and is refused when it would differ, also through a link and a `..`", async () => {
    const { dir, rep } = await withReport();
    const scenario = join(rep, 'scenario.json');
    const original = readFileSync(scenario);
    // Written again as it is (another seed does not change scenario.json: the seed used is in summary.json): nothing is lost.
    for (const seed of ['7', '8']) {
      const r = await runCli('run', scenario, ...QUICK, '--seed', seed, '--out', rep);
      expect(r.code, r.err).toBe(0);
      expect(readFileSync(scenario).equals(original)).toBe(true);
    }
    // The same scenario on one line: the run would write it indented, so it would be lost.
    writeFileSync(scenario, JSON.stringify(JSON.parse(original.toString('utf8'))));
    await refused(['run', scenario, ...QUICK, '--out', rep], scenario, 'the scenario', rep);
    const plain = await runCli('run', join(rep, '../rep/scenario.json'), ...QUICK, '--out', rep);
    expect(plain.err).toContain('and what the command writes there differs from it');
    // No link: the real path is not repeated in parentheses (before: '(/tmp/.../rep/scenario.json)').
    expect(plain.err).not.toContain(`(${scenario})`);
    symlinkSync(rep, join(dir, 'link'));
    await refused(['run', join(dir, 'link/scenario.json'), ...QUICK, '--out', join(dir, 'rep/../rep')], scenario, 'the scenario', rep);
    expect((await runCli('run', join(dir, 'link/scenario.json'), ...QUICK, '--out', rep)).err).toContain(`link/scenario.json (${scenario})`);
    // The same scenario copied out of the report runs into it.
    copyFileSync(scenario, join(dir, 'copy.json'));
    expect((await runCli('run', join(dir, 'copy.json'), ...QUICK, '--out', rep)).code).toBe(0);
  }, 60_000);

  it('run reports/scenario/scenario.json with the default --out (reports/scenario): the report\'s own scenario again, written as it was', () => {
    // The built CLI in a folder of its own: the default --out is relative to the working directory.
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-inputs-default-out-'));
    const cli = (...args: string[]) => spawnSync(process.execPath, [MAIN, ...args], { cwd: dir, encoding: 'utf8' });
    copyFileSync(MINIMAL, join(dir, 'scenario.yaml'));
    expect(cli('run', 'scenario.yaml', ...QUICK).status).toBe(0);
    const scenario = join(dir, 'reports/scenario/scenario.json');
    const before = readFileSync(scenario);
    const again = cli('run', 'reports/scenario/scenario.json', ...QUICK, '--seed', '8');
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(scenario).equals(before)).toBe(true);
    // Edited there, it would be lost: refused, exit 2, the relative path as given and no real path beside it.
    writeFileSync(scenario, before.toString('utf8').replace('"trials": ', '"trials":  '));
    const edited = cli('run', 'reports/scenario/scenario.json', ...QUICK);
    expect(edited.status).toBe(2);
    expect(edited.stderr).toContain('would replace the scenario reports/scenario/scenario.json, an input of this command');
    expect(edited.stderr).not.toContain(`(${scenario})`);
  }, 60_000);

  it('run: a pipeline file, a --with-stress scenario and an --actuals file inside the report', async () => {
    const { dir, rep } = await withReport();
    // A scenario beside the report whose opening pipeline is the report's monthly.csv.
    writeFileSync(join(rep, 'monthly.csv'), 'id,tier,amount,stage,close_month\no-1,SMB,10000,commit,2\n');
    const plan = readFileSync(MINIMAL, 'utf8').replace('      conversion: 0.05\n', '      conversion: 0.05\n      openingPipeline: { file: rep/monthly.csv, stages: { commit: 0.5 } }\n');
    writeFileSync(join(dir, 'piped.yaml'), plan);
    await refused(['run', join(dir, 'piped.yaml'), ...QUICK, '--out', rep], join(rep, 'monthly.csv'), 'the pipeline file', rep);
    // A stress scenario differs from the plan's scenario.json the run writes there (here: on one line,
    // with a stress of its own: the plan's own forecast is refused as a stress case before this check).
    writeFileSync(join(rep, 'scenario.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(rep, 'scenario.json'), 'utf8')), stress: { leads: -0.2 } }));
    await refused(['run', MINIMAL, '--with-stress', join(rep, 'scenario.json'), ...QUICK, '--out', rep], join(rep, 'scenario.json'), 'the --with-stress scenario', rep);
    copyFileSync(join(ROOT, 'scenarios/example-actuals.csv'), join(rep, 'monthly.csv'));
    await refused(['run', join(ROOT, 'scenarios/example.yaml'), '--actuals', join(rep, 'monthly.csv'), '--as-of', '3', '--workers', '0', '-q', '--no-progress', '--out', rep], join(rep, 'monthly.csv'), 'the --actuals file', rep);
  }, 60_000);

  it("compare: a scenario that is the comparison's own comparison.json", async () => {
    const { dir } = await withReport();
    const cmp = join(dir, 'cmp');
    // B differs from A in a driver: compare refuses one forecast given twice.
    const b = join(dir, 'b.yaml');
    writeFileSync(b, `${readFileSync(MINIMAL, 'utf8')}stress: { leads: -0.2 }\n`);
    expect((await runCli('compare', MINIMAL, b, '--trials', '300', '--workers', '0', '--no-progress', '--out', cmp)).code).toBe(0);
    copyFileSync(join(dir, 'rep/scenario.json'), join(cmp, 'comparison.json'));
    await refused(['compare', MINIMAL, join(cmp, 'comparison.json'), '--trials', '300', '--workers', '0', '--no-progress', '--out', cmp], join(cmp, 'comparison.json'), 'the scenario', cmp);
  }, 60_000);

  it("score: an outcomes file that is the score's own score.csv", async () => {
    const { dir, rep } = await withReport();
    const sc = join(dir, 'sc');
    writeFileSync(join(dir, 'outcomes.csv'), 'tier,metric,value\ntotal,revenue,1000000\n');
    expect((await runCli('score', rep, '--actuals', join(dir, 'outcomes.csv'), '--out', sc)).code).toBe(0);
    copyFileSync(join(dir, 'outcomes.csv'), join(sc, 'score.csv'));
    await refused(['score', rep, '--actuals', join(sc, 'score.csv'), '--out', sc], join(sc, 'score.csv'), 'the --actuals file', sc);
  }, 60_000);

  it("merge: a part file under the report's own name trials.csv; not the scenario file the shards ran, which merge does not read", async () => {
    const { dir, rep } = await withReport();
    const part = join(dir, 'parts/p.arrcast-part');
    expect((await runCli('run', MINIMAL, '--trials', '300', '--workers', '0', '--no-progress', '--shard', '1/1', '--out', part)).code).toBe(0);
    copyFileSync(part, join(rep, 'trials.csv'));
    await refused(['merge', join(rep, 'trials.csv'), '-q', '--allow-path', ROOT, '--out', rep], join(rep, 'trials.csv'), 'the part file', rep);
    // Shards of the report's own scenario.json, merged into the report (before: refused for rep/scenario.json).
    // It is made to differ from what the merge writes there, so only not reading it lets the merge through.
    const scenario = join(rep, 'scenario.json');
    const ran = join(dir, 'parts/own.arrcast-part');
    expect((await runCli('run', scenario, '--trials', '300', '--workers', '0', '--no-progress', '--shard', '1/1', '--out', ran)).code).toBe(0);
    writeFileSync(scenario, JSON.stringify(JSON.parse(readFileSync(scenario, 'utf8'))));
    const r = await runCli('merge', ran, '-q', '--allow-path', dir, '--out', rep);
    expect(r.code, r.err).toBe(0);
  }, 60_000);

  it("writeReport: a run of the report's own scenario.json when it would differ, a re-forecast's actuals file and a stress case's scenario inside the output", async () => {
    const { rep } = await withReport();
    const scenario = join(rep, 'scenario.json');
    // Written again byte for byte: allowed.
    const same = await simulate(await loadScenario(scenario), { trials: 200, workers: 0 });
    await writeReport(rep, same, summarize(same), { outputs: ['summary'] });
    writeFileSync(scenario, JSON.stringify(JSON.parse(readFileSync(scenario, 'utf8'))));
    const before = readFileSync(scenario);
    const sim = await simulate(await loadScenario(scenario), { trials: 200, workers: 0 });
    const written = writeReport(rep, sim, summarize(sim), { outputs: ['summary'] });
    await expect(written).rejects.toThrow(OutputDirError);
    await expect(written).rejects.toThrow(`would replace the scenario ${scenario}, an input of this command, which lies inside ${rep}`);
    expect(readFileSync(scenario).equals(before)).toBe(true);
    mkdirSync(join(rep, '..', 'elsewhere'));
    await writeReport(join(rep, '..', 'elsewhere'), sim, summarize(sim), { outputs: ['summary'] });
    // A re-forecast's actuals file under the report's name monthly.csv (before: replaced).
    const example = await loadScenario(join(ROOT, 'scenarios/example.yaml'));
    const actualsPath = join(rep, 'monthly.csv');
    copyFileSync(join(ROOT, 'scenarios/example-actuals.csv'), actualsPath);
    const s = example.scenario;
    const file = await readMonthlyFile(actualsPath, actualsPath, { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name) });
    const re = await simulate(example, { trials: 200, workers: 0, actuals: { file, months: 3 } });
    await expect(writeReport(rep, re, summarize(re), { outputs: ['summary'] })).rejects.toThrow(`would replace the actuals file ${actualsPath}, an input of this command`);
    // A stress case's scenario under the report's name percentiles.csv (before: replaced).
    const stressPath = join(rep, 'percentiles.csv');
    copyFileSync(MINIMAL, stressPath);
    const plan = await simulate(await loadScenario(MINIMAL), { trials: 200, workers: 0 });
    const summary = summarize(plan);
    await expect(writeReport(rep, plan, summary, { outputs: ['summary'], stress: [{ source: stressPath, summary }] })).rejects.toThrow(`would replace the stress scenario ${stressPath}, an input of this command`);
    expect(readFileSync(actualsPath).equals(readFileSync(join(ROOT, 'scenarios/example-actuals.csv')))).toBe(true);
    expect(readFileSync(stressPath).equals(readFileSync(MINIMAL))).toBe(true);
  }, 60_000);
});
