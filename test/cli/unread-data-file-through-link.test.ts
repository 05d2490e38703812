import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, writeFiles } from '../helpers/fixtures.js';

/**
 * A data file named through a link and `..` (`lnk/../data/gone.csv`) that cannot be opened: its read
 * failed while attachFiles awaited the file's real path, with no handler on the read yet, so Node
 * ended the process on an unhandled rejection (exit 1, a stack trace) instead of exit 2 naming the
 * field. Only a real process shows it (the test runner catches the rejection itself), so one child
 * runs every command that reads data files, in turn, in process, through the built program.
 */
describe('a data file through lnk/.. that cannot be opened', () => {
  const dir = realpathSync(
    writeFiles({
      'real/sub/.keep': '',
      'data-top.yaml': 'name: P\ntiers:\n  - name: SMB\n    existing:\n      renewalRate: 0.9\n      customersFile: lnk/../data/gone.csv\n',
      'pipeline-top.yaml':
        'name: P\ntiers:\n  - name: SMB\n    newBusiness:\n      leadsPerMonth: 10\n      conversion: 0.1\n      acv: 10000\n      openingPipeline:\n        file: lnk/../data/gone.csv\n',
      'base-top.yaml': 'extends: lnk/../b/base.yaml\nname: T\n',
      'real/b/base.yaml': 'name: B\ntiers:\n  - name: SMB\n    existing:\n      renewalRate: 0.9\n      customersFile: data/gone.csv\n',
    }),
  );
  symlinkSync('real/sub', join(dir, 'lnk'));
  mkdirSync(join(dir, 'real', 'data'));

  it('exits 2 naming the field and the file, for validate, run and studio, with no crash', () => {
    const url = (f: string) => pathToFileURL(join(ROOT, 'dist', f)).href;
    const script = `
      import { buildProgram } from ${JSON.stringify(url('cli/program.js'))};
      import { describeFailure } from ${JSON.stringify(url('cli/exit-codes.js'))};
      const cases = JSON.parse(process.argv[1]);
      const results = [];
      for (const args of cases) {
        let err = '';
        let code = 0;
        const program = buildProgram({ out: () => {}, err: (t) => (err += t) }, (c) => (code = c));
        try {
          await program.parseAsync(['node', 'arrcast', ...args]);
        } catch (e) {
          const failure = describeFailure(e);
          err += failure.message + '\\n';
          code = failure.code;
        }
        results.push({ code, err });
      }
      process.stdout.write(JSON.stringify(results));
    `;
    const cases = [
      ['validate', 'data-top.yaml'],
      ['validate', 'pipeline-top.yaml'],
      ['validate', 'base-top.yaml'],
      ['run', 'data-top.yaml', '--trials', '100', '--out', 'out'],
      ['studio', 'data-top.yaml'],
    ];
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(cases)], { cwd: dir, encoding: 'utf8' });
    expect([child.stderr, child.status]).toEqual(['', 0]);
    const book = `data-top.yaml:6:22 tiers[0].existing.customersFile: the customer book lnk/../data/gone.csv (${dir}/real/data/gone.csv): does not exist`;
    expect(JSON.parse(child.stdout)).toEqual([
      { code: 2, err: `arrcast: ${book}\n` },
      {
        code: 2,
        err: `arrcast: pipeline-top.yaml:9:15 tiers[0].newBusiness.openingPipeline.file: the pipeline file lnk/../data/gone.csv (${dir}/real/data/gone.csv): does not exist\n`,
      },
      {
        code: 2,
        err: `arrcast: lnk/../b/base.yaml:6:22 (${dir}/real/b/base.yaml) tiers[0].existing.customersFile: the customer book lnk/../b/data/gone.csv (${dir}/real/b/data/gone.csv): does not exist\n`,
      },
      { code: 2, err: `arrcast: ${book}\n` },
      { code: 2, err: `arrcast: ${book}\n` },
    ]);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
