import { describe, expect, it } from 'vitest';
import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { loadProblems, writeFiles } from '../helpers/fixtures.js';

const HEADER = 'id,tier,arr,next_renewal,term_months';
/** A book whose second line's arr (line 2, column 8) is not a number. */
const BAD_BOOK = `${HEADER}\nc1,SMB,abc,3,12\n`;
/** A decoy: read by mistake, its problem is at line 3. */
const DECOY_BOOK = `${HEADER}\nc1,SMB,1000,3,12\nc2,SMB,xyz,3,12\n`;
const GOOD_BOOK = `${HEADER}\nc1,SMB,1000,3,12\n`;
/** A pipeline whose amount at line 2, column 7 is not a number; its decoy's is at line 3. */
const BAD_PIPELINE = 'id,tier,amount,stage,close_month\na,SMB,abc,commit,2\n';
const DECOY_PIPELINE = 'id,tier,amount,stage,close_month\na,SMB,100,commit,2\nb,SMB,xyz,commit,2\n';

/** A one-tier scenario naming `book` (and `pipeline`, when given) as written. */
const plan = (book: string, pipeline?: string, head = 'name: Plan\n') => `${head}tiers:
  - name: SMB
    existing:
      renewalRate: 0.9
      customersFile: ${book}
${pipeline === undefined ? '' : `    newBusiness:\n      acv: 1\n      openingPipeline: { file: ${pipeline}, stages: { commit: 0.8 } }\n`}`;

/**
 * A data file (customersFile, an opening pipeline's file) reached through `lnk/..`, written in the
 * scenario or in a base, is named in messages as written, joined to the name of the file that
 * writes it, as a base is (base-named-as-written.test.ts): it was named by the real path the
 * system opens (`real/data/bad.csv:2:8` for `lnk/../data/bad.csv`), which nobody wrote. It is
 * still read where the system finds it, and a message about the file as a whole (missing) adds that
 * real path in parentheses: a decoy sits at every place the text names, each with its
 * problem on another line (or present where the real file is missing).
 *
 * lnk -> real/sub, so `lnk/..` is real/; real/lnk2 -> ../other/sub, so a base in real/ writing
 * `lnk2/../data/x` reads other/data/x (the text from real/ names real/data/x, from the top ./data/x).
 */
describe('a data file reached through a link is named as written', () => {
  const dir = realpathSync(
    writeFiles({
      'real/sub/.keep': '',
      'other/sub/.keep': '',
      'real/data/bad.csv': BAD_BOOK,
      'real/data/good.csv': GOOD_BOOK,
      'real/data/pipe.csv': BAD_PIPELINE,
      'other/data/bad.csv': BAD_BOOK,
      'other/data/pipe.csv': BAD_PIPELINE,
      // Decoys at the text joins: never read.
      'data/bad.csv': DECOY_BOOK,
      'data/good.csv': DECOY_BOOK,
      'data/nobook.csv': GOOD_BOOK,
      'data/gone.csv': GOOD_BOOK,
      'data/pipe.csv': DECOY_PIPELINE,
      'real/data/nobook.csv': GOOD_BOOK,
      'top-bad.yaml': plan('lnk/../data/bad.csv'),
      'top-good.yaml': plan('lnk/../data/good.csv'),
      'top-missing.yaml': plan('lnk/../data/gone.csv'),
      'top-pipe.yaml': plan('lnk/../data/good.csv', 'lnk/../data/pipe.csv'),
      'real/base-bad.yaml': plan('lnk2/../data/bad.csv', undefined, 'name: Base\n'),
      'real/base-missing.yaml': plan('lnk2/../data/nobook.csv', undefined, 'name: Base\n'),
      'real/base-pipe.yaml': plan('data/good.csv', 'lnk2/../data/pipe.csv', 'name: Base\n'),
      'child-bad.yaml': 'extends: lnk/../base-bad.yaml\nname: Child\n',
      'child-missing.yaml': 'extends: lnk/../base-missing.yaml\nname: Child\n',
      'child-pipe.yaml': 'extends: lnk/../base-pipe.yaml\nname: Child\n',
    }),
  );
  symlinkSync('real/sub', join(dir, 'lnk'));
  symlinkSync('../other/sub', join(dir, 'real/lnk2'));
  mkdirSync(join(dir, 'other/sub'), { recursive: true });

  it("names the scenario's book and pipeline as written, at the problem's line in the file the system opens", async () => {
    expect(await loadProblems(join(dir, 'top-bad.yaml'), dir)).toEqual(['<dir>/lnk/../data/bad.csv:2:8 (<dir>/real/data/bad.csv) arr: expected a number, got "abc"']);
    expect(await loadProblems(join(dir, 'top-missing.yaml'), dir)).toEqual([
      '<dir>/top-missing.yaml:6:22 tiers[0].existing.customersFile: the customer book <dir>/lnk/../data/gone.csv (<dir>/real/data/gone.csv): does not exist',
    ]);
    const [pipe] = await loadProblems(join(dir, 'top-pipe.yaml'), dir);
    expect(pipe).toMatch(/^<dir>\/lnk\/\.\.\/data\/pipe\.csv:2:7 \(<dir>\/real\/data\/pipe\.csv\) /);
  });

  it("names a base's book and pipeline as written, joined to the base's name", async () => {
    expect(await loadProblems(join(dir, 'child-bad.yaml'), dir)).toEqual(['<dir>/lnk/../lnk2/../data/bad.csv:2:8 (<dir>/other/data/bad.csv) arr: expected a number, got "abc"']);
    expect(await loadProblems(join(dir, 'child-missing.yaml'), dir)).toEqual([
      '<dir>/lnk/../base-missing.yaml:6:22 (<dir>/real/base-missing.yaml) tiers[0].existing.customersFile: the customer book <dir>/lnk/../lnk2/../data/nobook.csv (<dir>/other/data/nobook.csv): does not exist',
    ]);
    const [pipe] = await loadProblems(join(dir, 'child-pipe.yaml'), dir);
    expect(pipe).toMatch(/^<dir>\/lnk\/\.\.\/lnk2\/\.\.\/data\/pipe\.csv:2:7 \(<dir>\/other\/data\/pipe\.csv\) /);
  });

  it('records the book read where the system opens it, shown as written', async () => {
    const loaded = await loadScenario(join(dir, 'top-good.yaml'));
    expect(loaded.dataFiles).toEqual([{ path: join(dir, 'real/data/good.csv'), shown: `${dir}/lnk/../data/good.csv`, what: 'the customer book' }]);
    // Loaded: the decoy at data/good.csv has a bad row.
    expect(loaded.files?.books?.SMB).toBeDefined();
  });
});
