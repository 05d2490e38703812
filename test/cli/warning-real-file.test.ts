import { describe, expect, it } from 'vitest';
import { readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { formatWarning, type PlausibilityWarning } from '../../src/analysis/plausibility.js';
import { writeFiles } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * A warning at a line of a base named through a link and `..` (`lnk/../base.yaml`, lnk -> real/sub,
 * so the file is real/base.yaml) carries the file's real path in summary.json (`realFile`), after
 * `file`, `line` and `column` as the README lists the keys, and stderr shows it after the place.
 * Through the whole pipeline (run, summary.json): a warning the file states as written (a misread
 * decimal-comma list and a number written without % beside values with %, writtenWarnings), one of
 * its values (renewal-low) and one of the run's.
 */
describe('a warning in a base read through lnk/..', () => {
  const dir = realpathSync(
    writeFiles({
      'real/sub/.keep': '',
      'top.yaml': 'extends: lnk/../base.yaml\nname: Top\n',
      'real/base.yaml': [
        'name: Plan',
        'currency: EUR',
        'tiers:',
        '  - name: SMB',
        '    existing:',
        '      openingArr: 1200000',
        '      customers: 120',
        '      renewalRate: 0.3',
        '  - name: Enterprise',
        '    newBusiness:',
        '      reps:',
        '        start: 4',
        '        ramp: [0, 0,1, 1]',
        '        sourcedDealsPerMonth: 0.4',
        '        capacity: 2',
        '      acv: 150000',
        '  - name: Mid',
        '    existing:',
        '      openingArr: 900000',
        '      customers: 30',
        '      renewalRate: { dist: normal, mean: 90%, sd: 2, min: 0, max: 1 }',
        '',
      ].join('\n'),
    }),
  );
  symlinkSync('real/sub', join(dir, 'lnk'));

  it('has realFile in summary.json, last of its keys, and beside the place on stderr', async () => {
    const out = join(dir, 'out');
    const r = await runCli('run', join(dir, 'top.yaml'), '--trials', '100', '--outputs', 'summary', '--out', out);
    expect(r.code).toBe(0);
    const { warnings } = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { warnings: PlausibilityWarning[] };
    const file = `${dir}/lnk/../base.yaml`;
    const realFile = `${dir}/real/base.yaml`;
    // Lines and columns of real/base.yaml as written above: Mid's sd (the 2) at 21:51, the ramp's [ at 13:15,
    // renewalRate's value at 8:20, Enterprise's newBusiness at 11:7.
    expect(warnings.map((w) => [w.code, w.file, w.line, w.column, w.realFile])).toEqual([
      ['percent-mix', file, 21, 51, realFile],
      ['decimal-comma-list', file, 13, 15, realFile],
      ['renewal-low', file, 8, 20, realFile],
      ['new-business-above-opening-arr', file, 11, 7, realFile],
    ]);
    for (const w of warnings) expect(Object.keys(w)).toEqual(['code', 'message', 'path', 'file', 'line', 'column', 'realFile']);
    const lines = r.err.split('\n').filter((l) => l.startsWith('arrcast: warning'));
    expect(lines).toEqual(warnings.map(formatWarning));
    expect(lines[2]).toBe(
      `arrcast: warning [renewal-low] ${file}:8:20 (${realFile}) tiers[0].existing.renewalRate: a renewal rate of 30% is below 50%; renewal is usually 70-95% (GRR about 90-93% by contract size, 70-80% for SMB)`,
    );
  });
});
