import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFiles } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * An option that takes one value, given twice, is refused (exit 2, both values named, nothing
 * written). Before (act24), commander kept the last without a word: a finance user's two actuals
 * files (months 1-2, then 3-5) re-forecast from the second alone, refused for "no row for months 1
 * and 2" that never said the first file was dropped; `--seed 1 --seed 2` ran seed 2. Options that
 * collect (--target, --no-warn, --with-stress, --allow-path) still take several.
 */
describe('an option that takes one value, given twice', () => {
  const dir = writeFiles({
    's.yaml': 'name: s\ntiers:\n  - name: A\n    existing: { openingArr: 1200000, customers: 100, renewalRate: 0.9 }\n',
    'a12.csv': 'month,tier,ending_arr\n1,A,1200000\n2,A,1200000\n',
    'a35.csv': 'month,tier,ending_arr\n3,A,1200000\n4,A,1200000\n5,A,1200000\n',
    'h.csv': `month,tier,leads,deals,new_arr\n${Array.from({ length: 12 }, (_, k) => `${k + 1},A,100,5,50000`).join('\n')}\n`,
    'd1.csv': 'close_month,tier,amount\n1,A,10000\n',
    'd2.csv': 'close_month,tier,amount\n2,A,10000\n',
  });
  const at = (f: string) => join(dir, f);

  it.each([
    [['run', at('s.yaml'), '--actuals', at('a12.csv'), '--actuals', at('a35.csv'), '--out', at('o1')], `--actuals is given twice (${at('a12.csv')}, then ${at('a35.csv')}): it takes one file of the closed months (months 1 to M of every tier: put the months of both in one file); give it once`, 'o1'],
    [['run', at('s.yaml'), '-s', '1', '--seed', '2', '--out', at('o2')], '--seed is given twice (1, then 2): it takes one value; give it once', 'o2'],
    [['score', at('r'), '--actuals', at('a12.csv'), '--actuals', at('a35.csv'), '--out', at('o3')], `--actuals is given twice (${at('a12.csv')}, then ${at('a35.csv')}): it takes one outcomes file (or one file of the year's 12 months); give it once`, 'o3'],
    // A list-valued option says how to give several (act24's review: "it takes one value" read as one output), run and merge alike.
    [['run', at('s.yaml'), '--outputs', 'summary', '--outputs', 'html', '--out', at('o6')], '--outputs is given twice (summary, then html): it takes one comma-separated list (--outputs summary,html); give it once', 'o6'],
    [['merge', at('p1.part'), '--outputs', 'summary,csv', '--outputs', 'html', '--out', at('o7')], '--outputs is given twice (summary,csv, then html): it takes one comma-separated list (--outputs summary,csv,html); give it once', 'o7'],
    [['fit', at('h.csv'), '--deals', at('d1.csv'), '--deals', at('d2.csv'), '--out', at('o4.yaml')], `--deals is given twice (${at('d1.csv')}, then ${at('d2.csv')}): it takes one deals file; give it once`, 'o4.yaml'],
  ])('%j is refused, naming both values, nothing written', async (args, message, out) => {
    const r = await runCli(...args, '--quiet');
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(`arrcast: ${message}`);
    expect(existsSync(at(out))).toBe(false);
  });

  it('options that collect still take several (two targets, two --no-warn)', async () => {
    const r = await runCli('run', at('s.yaml'), '-n', '20', '-w', '0', '-t', 'revenue=1M', '-t', 'endingArr=1M', '--no-warn', 'acv-low', '--no-warn', 'acv-high', '--outputs', 'summary', '--out', at('o5'), '--quiet', '--no-progress');
    expect(r.code, r.err).toBe(0);
    const summary = JSON.parse(readFileSync(at('o5/summary.json'), 'utf8')) as { decisions: { targets: { label: string }[] } };
    expect(summary.decisions.targets.map((d) => d.label)).toEqual(['revenue >= 1M', 'ending ARR >= 1M']);
  });
});
