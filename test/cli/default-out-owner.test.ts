import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';
import { fixtureText } from '../helpers/fixtures.js';
import { MARKER_FILE, markerText } from '../../src/report/output-marker.js';

/**
 * `run a/plan.yaml` then `run b/plan.yaml`: two scenario files of one base name share the default
 * --out, reports/plan, and the second replaced the first's report without a word. The report's
 * marker now records its scenario file's real path; at a default --out a report of another file is
 * refused (exit 2, naming both), one of the same file (another spelling, a link, edited) replaced,
 * and an --out given, or a report whose marker names no file (older), is written as before. In a
 * folder of its own (process.chdir: the forks pool), few trials, summary only.
 */
describe('the default --out does not replace the report of another scenario file of the same name', () => {
  it('run and merge: refused for another file, replaced for the same file however it is reached', async () => {
    const saved = process.cwd();
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-default-owner-'));
    process.chdir(dir);
    try {
      for (const d of ['a', 'b', 'c']) mkdirSync(d);
      writeFileSync('a/plan.yaml', fixtureText('minimal.yaml'));
      writeFileSync('b/plan.yaml', fixtureText('minimal.yaml').replace('openingArr: 1200000', 'openingArr: 1300000'));
      symlinkSync('../a/plan.yaml', 'c/plan.yaml');
      const run = (file: string, ...args: string[]) => runCli('run', file, '--trials', '300', '--workers', '0', '--quiet', '--outputs', 'summary', ...args);
      const summary = () => readFileSync('reports/plan/summary.json');
      const a = realpathSync('a/plan.yaml');
      const b = realpathSync('b/plan.yaml');

      expect((await run('a/plan.yaml')).code).toBe(0);
      expect(JSON.parse(readFileSync(`reports/plan/${MARKER_FILE}`, 'utf8')).scenario).toBe(a);
      const first = summary();
      const refused = await run('b/plan.yaml');
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(`arrcast: --out defaults to reports/plan, which holds the report of another scenario file, "${a}", and this run of "b/plan.yaml" ("${b}") would replace it; give --out another directory`);
      expect(refused.err).not.toMatch(/\n\s+at /);
      expect(summary().equals(first)).toBe(true);

      // The same file: another spelling, through a link, edited, an absolute path: a re-run, replaced.
      expect((await run('./a/../a/plan.yaml', '--seed', '5')).code).toBe(0);
      expect((await run('c/plan.yaml', '--seed', '6')).code).toBe(0);
      writeFileSync('a/plan.yaml', `${fixtureText('minimal.yaml')}\n# edited\n`);
      expect((await run(a, '--seed', '7')).code).toBe(0);
      expect(JSON.parse(summary().toString()).seed).toBe('7');
      // The report's own scenario.json run again (its default --out is the report): not another file.
      expect((await run('reports/plan/scenario.json')).code).toBe(0);

      // Named, it is written: the user chose it. The marker then names b.
      expect((await run('b/plan.yaml', '--out', 'reports/plan')).code).toBe(0);
      expect(JSON.parse(readFileSync(`reports/plan/${MARKER_FILE}`, 'utf8')).scenario).toBe(b);
      const second = summary();
      // merge's default --out too: parts of a's run do not replace b's report.
      expect((await runCli('run', 'a/plan.yaml', '--trials', '300', '--workers', '0', '--shard', '1/1', '--out', 'parts/')).code).toBe(0);
      const merged = await runCli('merge', 'parts/', '--quiet', '--outputs', 'summary');
      expect(merged.code).toBe(2);
      expect(merged.err).toContain(`which holds the report of another scenario file, "${b}", and this run of "a/plan.yaml" ("${a}")`);
      expect(summary().equals(second)).toBe(true);

      // A report whose marker names no file (written before December 2026) is replaced, as before.
      writeFileSync(`reports/plan/${MARKER_FILE}`, markerText('report'));
      expect((await runCli('merge', 'parts/', '--quiet', '--outputs', 'summary')).code).toBe(0);
      expect(JSON.parse(readFileSync(`reports/plan/${MARKER_FILE}`, 'utf8')).scenario).toBe(a);
    } finally {
      process.chdir(saved);
    }
  });
});
