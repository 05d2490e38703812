import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { formatCurrency } from '../../src/report/money.js';
import { loadScenario } from '../../src/scenario/load.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';

import { arrcastInProcess } from '../helpers/cli.js';
import { SAME_LAW } from '../../src/scenario/one-forecast.js';

/**
 * The CLI in this process (buildProgram, exit codes as the binary gives them): what is checked is
 * the report and the messages, not the process. Paths are absolute, whatever the working directory.
 */
const arrcast = (args: string[]) => arrcastInProcess(args);
const example = join(ROOT, 'scenarios/example.yaml');
const downside = join(ROOT, 'scenarios/downside.yaml');

describe('arrcast run --with-stress', () => {
  it('simulates the stress scenario on the plan\u2019s seed and trials and shows it beside the plan in report.html', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'arrcast-stress-')), 'report');
    // report.html alone: the stress column is checked there.
    const r = await arrcast(['run', example, '-n', '1000', '-s', '5', '-w', '0', '-q', '--out', out, '--with-stress', downside, '--outputs', 'html']);
    expect(r.stderr).toContain('wrote');
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const stress = summarize(await simulate(await loadScenario(join(ROOT, 'scenarios/downside.yaml')), { trials: 1000, seed: '5', workers: 0 }));
    expect(html).toContain(`Stress: ${stress.scenario.name}`);
    // The same seed and trial count: the stress column is exactly what a run of the stress file alone gives.
    expect(html).toContain(`<td class="num">${formatCurrency(stress.decisions.downside.revenue.worst10Mean, '$')}</td>`);
  });

  it('reads a stress file under the run\u2019s --allow-path folders, as the plan is read', async () => {
    // A stress case kept in its own folder, extending the plan in another: --allow-path lets the
    // plan's folder be read. It was ignored for --with-stress files (exit 2, "allow another folder
    // with --allow-path", which had been given).
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-stress-allow-'));
    mkdirSync(join(dir, 'stress'));
    writeFileSync(join(dir, 'stress', 'down.yaml'), `extends: ${JSON.stringify(example)}\nname: Stress elsewhere\nstress:\n  leads: -0.2\n`);
    const out = join(dir, 'report');
    const args = ['run', example, '-n', '300', '-s', '5', '-w', '0', '-q', '--out', out, '--with-stress', join(dir, 'stress', 'down.yaml'), '--outputs', 'html'];
    const refused = await arrcast(args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('outside the scenario');
    const r = await arrcast([...args, '--allow-path', join(ROOT, 'scenarios')]);
    expect(r.stderr).toContain('wrote');
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('Stress: Stress elsewhere');
  });

  // A stress case runs on the plan's seed and trials against the plan's targets: a file that differs
  // only in its seed, trials, name, description or targets (forecast-hash.ts) shows the same figures.
  it('refuses a copy of a stress file beside it, only its seed changed (exit 2): the same stress case, shown twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-stress-copy-'));
    const text = `extends: ${JSON.stringify(example)}\nname: Copied stress\nstress:\n  leads: -0.2\n`;
    writeFileSync(join(dir, 'a.yaml'), text);
    writeFileSync(join(dir, 'b.yaml'), `${text}seed: 8\n`);
    const r = await arrcast(['run', example, '-n', '300', '-w', '0', '-q', '--out', join(dir, 'report'), '--with-stress', join(dir, 'a.yaml'), '--with-stress', join(dir, 'b.yaml'), '--allow-path', join(ROOT, 'scenarios')]);
    expect(r.stderr).toBe(
      `arrcast: --with-stress ${join(dir, 'b.yaml')} forecasts what --with-stress ${join(dir, 'a.yaml')} does (${SAME_LAW}): the report would show that stress case twice; give each stress scenario once\n`,
    );
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'report'))).toBe(false);
  });

  it.each([
    ['the plan itself', (_dir: string) => example],
    ['a copy of the plan with another seed, name and description', (dir: string) => join(dir, 'plan-again.yaml')],
  ])('refuses %s as a stress case (exit 2): it would show the plan beside itself', async (_, stressFile) => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-stress-plan-'));
    writeFileSync(join(dir, 'plan-again.yaml'), `extends: ${JSON.stringify(example)}\nname: Not a stress\ndescription: the plan again\nseed: 8\n`);
    const file = stressFile(dir);
    const r = await arrcast(['run', example, '-n', '300', '-w', '0', '-q', '--out', join(dir, 'report'), '--with-stress', file, '--allow-path', join(ROOT, 'scenarios')]);
    expect(r.stderr).toBe(
      `arrcast: --with-stress ${file} forecasts what the plan does (${SAME_LAW}): a stress case is run on the plan's seed and trials against its targets, so it would show the plan's figures again; give a stress scenario that changes a driver\n`,
    );
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'report'))).toBe(false);
  });

  it('refuses one stress file given twice, however spelled (exit 2): the report showed it twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-stress-twice-'));
    const out = join(dir, 'report');
    symlinkSync(downside, join(dir, 'link.yaml'));
    for (const again of [downside, join(ROOT, 'scenarios', '..', 'scenarios', 'downside.yaml'), join(dir, 'link.yaml')]) {
      const r = await arrcast(['run', example, '-n', '300', '-w', '0', '-q', '--out', out, '--with-stress', downside, '--with-stress', again]);
      expect(r.stderr).toBe(`arrcast: --with-stress ${again} is given twice (also --with-stress ${downside}): give each stress scenario once\n`);
      expect(r.code).toBe(2);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('does not go with --shard', async () => {
    const r = await arrcast(['run', example, '--shard', '1/2', '--with-stress', downside, '--out', join(tmpdir(), 'x-parts/')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--with-stress does not go with --shard');
  });
});
