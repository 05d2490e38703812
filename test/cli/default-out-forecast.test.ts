import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * A re-forecast (`run --actuals`) and the plan's own run of one scenario default to the same --out,
 * reports/<file name>: the re-forecast replaced the plan's report without a word (and the plan's
 * run the re-forecast's). At the default --out a report of the other kind is now refused (exit 2,
 * saying which), kept as it was; one of the same kind is replaced (a re-run), and an --out given is
 * written as named. In a folder of its own (process.chdir: the forks pool), few trials, summary only.
 */
describe('the default --out does not replace a report of the other kind of forecast', () => {
  it('re-forecast over the plan, and plan (run or merge) over the re-forecast: refused at the default, written when --out is given', async () => {
    const saved = process.cwd();
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-default-out-'));
    process.chdir(dir);
    try {
      const scenario = join(ROOT, 'scenarios/example.yaml');
      const actuals = ['--actuals', join(ROOT, 'scenarios/example-actuals.csv')];
      const run = (...args: string[]) => runCli('run', scenario, '--trials', '300', '--workers', '0', '--quiet', '--outputs', 'summary', ...args);
      const summary = () => readFileSync(join(dir, 'reports/example/summary.json'));
      expect((await run()).code).toBe(0);
      // The plan again: a re-run, replaced.
      expect((await run('--seed', '8')).code).toBe(0);
      const plan = summary();
      expect(Object.hasOwn(JSON.parse(plan.toString()), 'reforecast')).toBe(false);

      const refused = await run(...actuals);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain("arrcast: --out defaults to reports/example, which holds the plan's report (a run without --actuals), and this re-forecast would replace it");
      expect(refused.err).not.toMatch(/\n\s+at /);
      expect(summary().equals(plan)).toBe(true);

      // Named, it is replaced: the user chose it.
      expect((await run(...actuals, '--out', 'reports/example')).code).toBe(0);
      const reforecast = summary();
      expect(Object.hasOwn(JSON.parse(reforecast.toString()), 'reforecast')).toBe(true);
      const back = await run();
      expect(back.code).toBe(2);
      expect(back.err).toContain("arrcast: --out defaults to reports/example, which holds a re-forecast's report (a run with --actuals), and this run of the plan would replace it");
      expect(summary().equals(reforecast)).toBe(true);
      // A merge is a plan's run too (parts carry no actuals).
      expect((await runCli('run', scenario, '--trials', '300', '--workers', '0', '--shard', '1/1', '--out', 'parts/')).code).toBe(0);
      const merged = await runCli('merge', 'parts/', '--quiet', '--outputs', 'summary');
      expect(merged.code).toBe(2);
      expect(merged.err).toContain("arrcast: --out defaults to reports/example, which holds a re-forecast's report (a run with --actuals), and this run of the plan would replace it");
      expect(summary().equals(reforecast)).toBe(true);
    } finally {
      process.chdir(saved);
    }
  });
});
