import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nameInOtherFormNote } from '../../src/scenario/name-in-other-form.js';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * The other-Unicode-form note for a folder on the way (not only the last part), for `score`'s report
 * folder (which said "is not an arrcast report: it has no summary.json" for a folder that is not
 * there at all) and for --allow-path's folder.
 */
let dir: string;
const NFC = 'Caf\u00e9';
const NFD = 'Cafe\u0301';

beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-folder-form-')));
  mkdirSync(join(dir, NFD));
  writeFileSync(join(dir, NFD, 'book.csv'), 'x\n');
  writeFileSync(join(dir, 'outcomes.csv'), 'tier,metric,value\ntotal,revenue,1\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a folder named in another Unicode form', () => {
  it('is named when it is a folder on the way to the file', () => {
    expect(nameInOtherFormNote(join(dir, NFC, 'book.csv'))).toBe(
      `; the folder ${dir} holds "${NFC}" in another Unicode form (NFD: accents as separate characters), which prints the same: rename that one, or write the name as it is written there`,
    );
    expect(nameInOtherFormNote(join(dir, 'nope', 'book.csv'))).toBe('');
  });

  it('score: a report folder that is not there does not exist, with the note when the other form is', async () => {
    const other = await runCli('score', join(dir, NFC), '--actuals', join(dir, 'outcomes.csv'));
    expect(other.err).toBe(`arrcast: ${dir}/${NFC}: does not exist; its folder holds this name in another Unicode form (NFD: accents as separate characters), which prints the same: rename that one, or write the name as it is written there\n`);
    expect(other.code).toBe(2);
    const missing = await runCli('score', join(dir, 'nope'), '--actuals', join(dir, 'outcomes.csv'));
    expect(missing.err).toBe(`arrcast: ${dir}/nope: does not exist\n`);
    expect(missing.code).toBe(2);
  });

  it('--allow-path: no such folder, with the note', async () => {
    const r = await runCli('validate', join(dir, 'none.yaml'), '--allow-path', join(dir, NFC));
    expect(r.err).toContain(`--allow-path ${dir}/${NFC}: no such folder; its folder holds this name in another Unicode form`);
    expect(r.code).toBe(2);
  });
});
