import { describe, expect, it } from 'vitest';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { systemJoin } from '../../src/scenario/system-path.js';
import { loadProblems, writeFiles } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';

const BOOK = 'id,tier,arr,next_renewal,term_months\nc1,A,1000,3,12\n';

/** A tier named `name` whose customer book is `book`. */
const tier = (name: string, book: string) => `  - name: ${name}\n    existing:\n      renewalRate: 0.9\n      customersFile: ${book}\n`;

/**
 * A `..` after a folder that does not exist (`nothere/../base.yaml`) is refused, as the system
 * refuses it (`cat nothere/../base.yaml`: no such file): the text takes `nothere/..` away, and the
 * file at ./base.yaml was read, for an `extends`, a data file, and the CLI's own arguments alike.
 * Every file the text names exists here, so a read by the text would succeed.
 */
describe('a .. after a folder that does not exist', () => {
  const dir = realpathSync(
    writeFiles({
      'base.yaml': `name: Base\ntiers:\n${tier('A', 'data/book.csv')}`,
      'data/book.csv': BOOK,
      'child.yaml': 'extends: nothere/../base.yaml\nname: Child\n',
      'self.yaml': 'extends: nothere/../self.yaml\nname: Self\n',
      'book.yaml': `name: Book\ntiers:\n${tier('A', 'nothere/../data/book.csv')}`,
      'two.yaml': `name: Two\ntiers:\n${tier('A', 'data/book.csv')}${tier('B', 'nothere/../data/book.csv')}`,
      // A base in sub/ naming such a book, with sub/data/book.csv there: the base by itself is refused.
      'sub/base.yaml': `name: Sub base\ntiers:\n${tier('A', 'nothere/../data/book.csv')}`,
      'sub/data/book.csv': BOOK,
      'top.yaml': 'extends: sub/base.yaml\nname: Top\n',
    }),
  );

  it('is joined as the system opens it: not at all', async () => {
    expect(await systemJoin(dir, 'nothere/../base.yaml')).toBe(`${dir}/nothere/../base.yaml`);
    expect(await systemJoin(dir, 'data/../base.yaml')).toBe(join(dir, 'base.yaml'));
  });

  it('refuses such a base: it does not exist (and is no cycle)', async () => {
    expect(await loadProblems(join(dir, 'child.yaml'), dir)).toEqual(['<dir>/child.yaml:1:10 extends: the base scenario <dir>/nothere/../base.yaml: does not exist']);
    expect(await loadProblems(join(dir, 'self.yaml'), dir)).toEqual(['<dir>/self.yaml:1:10 extends: the base scenario <dir>/nothere/../self.yaml: does not exist']);
  });

  it('refuses such a data file, also where another tier names the file the text names', async () => {
    expect(await loadProblems(join(dir, 'book.yaml'), dir)).toEqual([
      '<dir>/book.yaml:6:22 tiers[0].existing.customersFile: the customer book <dir>/nothere/../data/book.csv: does not exist',
    ]);
    expect(await loadProblems(join(dir, 'two.yaml'), dir)).toEqual([
      '<dir>/two.yaml:10:22 tiers[1].existing.customersFile: the customer book <dir>/nothere/../data/book.csv: does not exist',
    ]);
  });

  it('refuses such a scenario on the command line; init names what it wrote by a path that opens it', async () => {
    const validate = await runCli('validate', `${dir}/nothere/../base.yaml`);
    expect([validate.code, validate.err]).toEqual([2, `arrcast: ${dir}/nothere/../base.yaml does not exist\n`]);
    const out = realpathSync(writeFiles({ '.keep': '' }));
    const init = await runCli('init', `${out}/nothere/../new.yaml`);
    expect(init.code).toBe(0);
    expect(init.out).toBe(`wrote ${out}/new.yaml and ${out}/arrcast.schema.json; next: arrcast validate ${out}/new.yaml && arrcast run ${out}/new.yaml\n`);
  });

  // The base's path was made relative to the top file as text (relative(), resolve()), which took
  // `nothere/..` away: extended, the base read sub/data/book.csv, which it is refused by itself.
  it("refuses such a data file of a base, extended as by itself, from the top file's folder too", async () => {
    const alone = '<dir>/sub/base.yaml:6:22 tiers[0].existing.customersFile: the customer book <dir>/sub/nothere/../data/book.csv: does not exist';
    expect(await loadProblems(join(dir, 'sub/base.yaml'), dir)).toEqual([alone]);
    expect(await loadProblems(join(dir, 'top.yaml'), dir)).toEqual([alone]);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      // Named as written from the current folder, extended as by itself (it was the absolute path, extended).
      const here = 'sub/base.yaml:6:22 tiers[0].existing.customersFile: the customer book sub/nothere/../data/book.csv: does not exist';
      expect(await loadProblems('sub/base.yaml', dir)).toEqual([here]);
      expect(await loadProblems('top.yaml', dir)).toEqual([here]);
    } finally {
      process.chdir(cwd);
    }
  });
});
