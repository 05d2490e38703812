import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * An empty path for a file or folder to read (an unset shell variable: --actuals "$FILE") is
 * refused before the command runs, naming the option or argument. It gave " file not found",
 * naming neither, and --allow-path "" allowed the working directory's whole tree without a word.
 */
const example = join(ROOT, 'scenarios/example.yaml');
const actuals = join(ROOT, 'scenarios/example-actuals.csv');
const history = join(ROOT, 'scenarios/example-history.csv');
const outcomes = join(ROOT, 'scenarios/example-outcomes.csv');
const out = join(ROOT, '.scratch', 'never-written');

describe('an empty path to read is refused, naming its option or argument (exit 2)', () => {
  it.each([
    [['run', example, '--allow-path', '', '--out', out], '--allow-path is an empty path: name the folder it stands for'],
    [['validate', example, '--allow-path', ''], '--allow-path is an empty path: name the folder it stands for'],
    [['run', example, '--with-stress', '', '--out', out], '--with-stress is an empty path: name the file it stands for'],
    [['run', example, '--actuals', '', '--out', out], '--actuals is an empty path: name the file it stands for'],
    [['run', example, '--actuals', actuals, '--plan', '', '--out', out], '--plan is an empty path: name the report directory it stands for'],
    [['run', '', '--out', out], 'the scenario argument is an empty path: name the scenario to read'],
    [['validate', example, ''], 'the scenario argument is an empty path: name each scenario to read'],
    [['compare', example, '', '--out', out], 'the scenarios argument is an empty path: name each scenario to read'],
    [['merge', '', '--out', out], 'the parts argument is an empty path: name each part to read'],
    [['score', '', '--actuals', outcomes], 'the reports argument is an empty path: name each report to read'],
    [['score', join(ROOT, 'reports'), '--actuals', ''], '--actuals is an empty path: name the file it stands for'],
    [['fit', '', '--out', join(out, 'f.yaml')], 'the history argument is an empty path: name the history to read'],
    [['fit', history, '--deals', '', '--out', join(out, 'f.yaml')], '--deals is an empty path: name the file it stands for'],
    [['fit', history, '--customers', '', '--out', join(out, 'f.yaml')], '--customers is an empty path: name the file it stands for'],
    [['studio', ''], 'the scenario argument is an empty path: name the scenario to read'],
  ])('%j', async (args, message) => {
    const r = await runCli(...args);
    expect(r.err).toBe(`arrcast: ${message}\n`);
    expect(r.code).toBe(2);
  });
});

describe('--allow-path names a folder that exists (exit 2)', () => {
  // A misspelt folder allowed nothing without a word; the scenario's file was then refused as outside the folders allowed.
  it.each([
    [['run', example, '--allow-path', join(ROOT, 'scenarios', 'no-such-folder'), '--out', out], `--allow-path ${join(ROOT, 'scenarios', 'no-such-folder')}: no such folder`],
    [['validate', example, '--allow-path', example], `--allow-path ${example} is not a folder: name the folder the files are in`],
    [['compare', example, example, '--allow-path', 'no/such\nfolder', '--out', out], '--allow-path no/such\\u{a}folder: no such folder'],
  ])('%j', async (args, message) => {
    const r = await runCli(...args);
    expect(r.err).toBe(`arrcast: ${message}\n`);
    expect(r.code).toBe(2);
  });

  it('a folder that exists is taken, as before', async () => {
    const r = await runCli('validate', example, '--allow-path', join(ROOT, 'scenarios'));
    expect(r.code, r.err).toBe(0);
  });
});
