import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';
import { loadScenario } from '../../src/scenario/load.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { writeReport } from '../../src/report/write-report.js';
import { OutputDirError } from '../../src/report/output-dir.js';

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
  it("run: the report's own scenario.json as the scenario, also through a link and a `..`", async () => {
    const { dir, rep } = await withReport();
    await refused(['run', join(rep, 'scenario.json'), ...QUICK, '--out', rep], join(rep, 'scenario.json'), 'the scenario', rep);
    symlinkSync(rep, join(dir, 'link'));
    await refused(['run', join(dir, 'link/scenario.json'), ...QUICK, '--out', join(dir, 'nothere/../rep')], join(rep, 'scenario.json'), 'the scenario', rep);
    // The same scenario copied out of the report runs into it.
    copyFileSync(join(rep, 'scenario.json'), join(dir, 'copy.json'));
    expect((await runCli('run', join(dir, 'copy.json'), ...QUICK, '--out', rep)).code).toBe(0);
  }, 60_000);

  it('run: a pipeline file, a --with-stress scenario and an --actuals file inside the report', async () => {
    const { dir, rep } = await withReport();
    // A scenario beside the report whose opening pipeline is the report's monthly.csv.
    writeFileSync(join(rep, 'monthly.csv'), 'id,tier,amount,stage,close_month\no-1,SMB,10000,commit,2\n');
    const plan = readFileSync(MINIMAL, 'utf8').replace('      conversion: 0.05\n', '      conversion: 0.05\n      openingPipeline: { file: rep/monthly.csv, stages: { commit: 0.5 } }\n');
    writeFileSync(join(dir, 'piped.yaml'), plan);
    await refused(['run', join(dir, 'piped.yaml'), ...QUICK, '--out', rep], join(rep, 'monthly.csv'), 'the pipeline file', rep);
    await refused(['run', MINIMAL, '--with-stress', join(rep, 'scenario.json'), ...QUICK, '--out', rep], join(rep, 'scenario.json'), 'the --with-stress scenario', rep);
    copyFileSync(join(ROOT, 'scenarios/example-actuals.csv'), join(rep, 'monthly.csv'));
    await refused(['run', join(ROOT, 'scenarios/example.yaml'), '--actuals', join(rep, 'monthly.csv'), '--as-of', '3', '--workers', '0', '-q', '--no-progress', '--out', rep], join(rep, 'monthly.csv'), 'the --actuals file', rep);
  }, 60_000);

  it("compare: a scenario that is the comparison's own comparison.json", async () => {
    const { dir } = await withReport();
    const cmp = join(dir, 'cmp');
    expect((await runCli('compare', MINIMAL, MINIMAL, '--trials', '300', '--workers', '0', '--no-progress', '--out', cmp)).code).toBe(0);
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

  it("merge: a part file under the report's own name trials.csv", async () => {
    const { dir, rep } = await withReport();
    const part = join(dir, 'parts/p.arrcast-part');
    expect((await runCli('run', MINIMAL, '--trials', '300', '--workers', '0', '--no-progress', '--shard', '1/1', '--out', part)).code).toBe(0);
    copyFileSync(part, join(rep, 'trials.csv'));
    await refused(['merge', join(rep, 'trials.csv'), '-q', '--allow-path', ROOT, '--out', rep], join(rep, 'trials.csv'), 'the part file', rep);
  }, 60_000);

  it("writeReport: a run of the report's own scenario.json", async () => {
    const { rep } = await withReport();
    const before = readFileSync(join(rep, 'scenario.json'));
    const sim = await simulate(await loadScenario(join(rep, 'scenario.json')), { trials: 200, workers: 0 });
    const written = writeReport(rep, sim, summarize(sim), { outputs: ['summary'] });
    await expect(written).rejects.toThrow(OutputDirError);
    await expect(written).rejects.toThrow(`would replace the scenario ${join(rep, 'scenario.json')}, an input of this command, which lies inside ${rep}`);
    expect(readFileSync(join(rep, 'scenario.json')).equals(before)).toBe(true);
    mkdirSync(join(rep, '..', 'elsewhere'));
    await writeReport(join(rep, '..', 'elsewhere'), sim, summarize(sim), { outputs: ['summary'] });
  }, 60_000);
});
