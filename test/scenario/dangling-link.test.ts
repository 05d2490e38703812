import { describe, expect, it } from 'vitest';
import { realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { loadProblems, writeFiles } from '../helpers/fixtures.js';
import { readReportHeader } from '../../src/report/read-report-trials.js';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * A path through a symbolic link whose target is missing: `ls` lists the link, so "does not exist"
 * (and, for a base written `dang/../base.yaml`, earlier "a cycle") left the user looking at a file
 * that is there. Every reader says the link points nowhere, and where it points, as written in it.
 */
describe('a dangling symbolic link is named as one', () => {
  const dir = realpathSync(
    writeFiles({
      'sub/.keep': '',
      'base-child.yaml': 'extends: dang.yaml\nname: Child\n',
      'through-child.yaml': 'extends: gone/../base.yaml\nname: Child\n',
      'chain-child.yaml': 'extends: dang2.yaml\nname: Child\n',
      'plain-child.yaml': 'extends: nothere.yaml\nname: Child\n',
      'base.yaml': 'name: Base\ntiers:\n  - name: SMB\n    existing:\n      openingArr: 1200000\n      customers: 100\n      renewalRate: 0.9\n',
      'book-child.yaml':
        'name: B\ntiers:\n  - name: SMB\n    existing:\n      renewalRate: 0.9\n      customersFile: book.csv\n',
    }),
  );
  symlinkSync('missing.yaml', join(dir, 'dang.yaml'));
  symlinkSync('dang.yaml', join(dir, 'dang2.yaml'));
  symlinkSync('sub/nowhere', join(dir, 'gone'));
  symlinkSync('data/book.csv', join(dir, 'book.csv'));
  symlinkSync('no-report', join(dir, 'report'));

  it('a base that is a dangling link, or lies below one, says which link and where it points', async () => {
    expect(await loadProblems(join(dir, 'base-child.yaml'), dir)).toEqual([
      '<dir>/base-child.yaml:1:10 extends: the base scenario <dir>/dang.yaml: is a symbolic link to missing.yaml, which does not exist',
    ]);
    expect(await loadProblems(join(dir, 'through-child.yaml'), dir)).toEqual([
      '<dir>/through-child.yaml:1:10 extends: the base scenario <dir>/gone/../base.yaml: does not exist (the folder <dir>/gone on the way is a symbolic link to sub/nowhere, which does not exist)',
    ]);
    // A link to a dangling link: the first link, and the name it holds.
    expect(await loadProblems(join(dir, 'chain-child.yaml'), dir)).toEqual([
      '<dir>/chain-child.yaml:1:10 extends: the base scenario <dir>/dang2.yaml: is a symbolic link to dang.yaml, which does not exist',
    ]);
    // No link on the way: as before.
    expect(await loadProblems(join(dir, 'plain-child.yaml'), dir)).toEqual(['<dir>/plain-child.yaml:1:10 extends: the base scenario <dir>/nothere.yaml: does not exist']);
  });

  it('a data file, a report folder and an allowed folder say so too', async () => {
    expect(await loadProblems(join(dir, 'book-child.yaml'), dir)).toEqual([
      '<dir>/book-child.yaml:6:22 tiers[0].existing.customersFile: the customer book <dir>/book.csv: is a symbolic link to data/book.csv, which does not exist',
    ]);
    await expect(readReportHeader(join(dir, 'report'))).rejects.toThrow(`${dir}/report: is a symbolic link to no-report, which does not exist`);
    const r = await runCli('validate', join(dir, 'base.yaml'), '--allow-path', join(dir, 'gone'));
    expect([r.err, r.code]).toEqual([`arrcast: --allow-path ${dir}/gone is a symbolic link to sub/nowhere, which does not exist\n`, 2]);
  });

  // Outputs said "is a symlink to nothing": one wording for an output as for an input, naming the target.
  it('an output through a dangling link says it in the same words', async () => {
    const run = await runCli('run', join(dir, 'base.yaml'), '--trials', '100', '--out', join(dir, 'gone', 'out'));
    expect([run.err, run.code]).toEqual([`arrcast: --out ${dir}/gone/out: ${dir}/gone is a symbolic link to sub/nowhere, which does not exist; arrcast does not write through it\n`, 2]);
    const init = await runCli('init', join(dir, 'dang.yaml'));
    expect([init.err, init.code]).toEqual([`arrcast: ${dir}/dang.yaml is a symbolic link to missing.yaml, which does not exist: remove the link or name another file\n`, 2]);
  });
});
