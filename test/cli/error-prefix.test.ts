import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';
import { EXIT } from '../../src/cli/exit-codes.js';

/**
 * Every error line starts with `arrcast: `, as warnings and the other refusals do: `run nope.yaml`
 * printed "nope.yaml does not exist" bare, while `merge nope.part` printed "arrcast: cannot merge: ...".
 * In-process (runCli): each command, its missing file, and a file with two problems (two lines).
 */
describe('every error line carries the arrcast: prefix', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-prefix-'));
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'name: x\ncurrency: usd\n');
  const missing = join(dir, 'nope.yaml');

  it.each([
    ['run', ['run', missing], [`arrcast: ${missing} does not exist`]],
    ['validate', ['validate', missing], [`arrcast: ${missing} does not exist`]],
    ['compare (each file)', ['compare', missing, join(dir, 'nope2.yaml')], [`arrcast: ${missing} does not exist`, `arrcast: ${join(dir, 'nope2.yaml')} does not exist`]],
    ['studio', ['studio', missing], [`arrcast: ${missing} does not exist`]],
    ['fit', ['fit', join(dir, 'nope.csv'), '--out', join(dir, 'fitted.yaml')], [`arrcast: ${join(dir, 'nope.csv')} does not exist`]],
    ['merge', ['merge', join(dir, 'nope.part')], [`arrcast: cannot merge: ${join(dir, 'nope.part')} does not exist`]],
    [
      'run, a file with two problems: a line each',
      ['run', bad],
      [`arrcast: ${bad}:1:1 tiers: is required`, `arrcast: ${bad}:2:11 currency: currency is a three-letter ISO 4217 code such as USD; did you mean USD?`],
    ],
  ])('%s', async (_, args, lines) => {
    const r = await runCli(...args);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err.trimEnd().split('\n')).toEqual(lines);
  });
});
