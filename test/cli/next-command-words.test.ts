import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathWord } from '../../src/report/shell-word.js';
import { ROOT } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';

/** The words bash makes of `command` (the form a user pastes), without running it. */
const wordsOf = (command: string): string[] => spawnSync('bash', ['-c', `printf '%s\\0' ${command}`], { encoding: 'utf8' }).stdout.split('\0').slice(0, -1);

/**
 * The "next:" command init and fit print names the file as one word a shell gives back whole: `next:
 * arrcast validate plan v2.yaml` named two files (plan, v2.yaml), and a name holding a quote or a
 * line break could not be pasted at all. (A relative name starting with '-' gets ./ before it, or
 * `arrcast validate -x.yaml` reads an option: pathWord below.)
 */
describe("init's and fit's printed next command names the file as one word", () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-next-words-')));

  it.each(['plan v2.yaml', "Bob's plan.yaml", 'a\nb.yaml'])('init %j', async (name) => {
    const file = join(dir, name);
    const r = await runCli('init', file);
    expect(r.code).toBe(0);
    const [, validate, run] = /; next: arrcast validate (.*) && arrcast run (.*)\n$/.exec(r.out)!;
    expect(validate).toBe(run);
    expect(wordsOf(validate!)).toEqual([file]);
    expect(existsSync(file)).toBe(true);
  });

  it('fit', async () => {
    const file = join(dir, 'fitted plan.yaml');
    const r = await runCli('fit', join(ROOT, 'scenarios/example-history.csv'), '--out', file);
    expect(r.code).toBe(0);
    const [, validate] = /; next: arrcast validate (.*)\n$/.exec(r.err)!;
    expect(wordsOf(validate!)).toEqual([file]);
  });

  // Run from a folder where the file is named relative, as a user types it: the name init and fit
  // print is the one pathWord makes, and a word bash gives back that the command reads as a file.
  it('init and fit given a relative name starting with - print it from ./', async () => {
    const cwd = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-next-dash-')));
    const saved = process.cwd();
    process.chdir(cwd);
    try {
      const init = await runCli('init', '--', '-x.yaml');
      expect(init.code).toBe(0);
      expect(init.out).toMatch(/; next: arrcast validate \.\/-x\.yaml && arrcast run \.\/-x\.yaml\n$/);
      const fit = await runCli('fit', join(ROOT, 'scenarios/example-history.csv'), '--out', '-f.yaml');
      expect(fit.code).toBe(0);
      expect(fit.err).toMatch(/; next: arrcast validate \.\/-f\.yaml\n$/);
      expect([existsSync(join(cwd, '-x.yaml')), existsSync(join(cwd, '-f.yaml'))]).toEqual([true, true]);
    } finally {
      process.chdir(saved);
    }
  });

  it('a relative name starting with - is written from ./, which no command reads as an option', () => {
    expect(pathWord('-x.yaml')).toBe('./-x.yaml');
    expect(pathWord('--force')).toBe('./--force');
    expect(pathWord('plans/-x.yaml')).toBe('plans/-x.yaml');
    expect(pathWord('/abs/-x.yaml')).toBe('/abs/-x.yaml');
  });
});
