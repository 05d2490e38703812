import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { npmFolderNote, npmSwallowedNote, npmWroteNote } from '../../src/cli/invocation.js';

const withoutNpmSettings = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_config_')));

/**
 * `npm run arrcast` runs in the clone's top folder. A newcomer who typed it in a subfolder
 * (`cd plans && npm run arrcast -- validate q3.yaml`) was told only "q3.yaml file not found" (now "q3.yaml does not exist"), with
 * the file right there: the note says where paths are read from and what to write instead.
 */
describe('npm run arrcast typed in a subfolder', () => {
  const npm = { npm_lifecycle_event: 'arrcast', INIT_CWD: '/clone/plans' };
  const files = (...present: string[]) => (p: string) => present.includes(p);

  it('names the path that reaches the file from the top folder', () => {
    expect(npmFolderNote(['run', 'q3.yaml', '--trials', '1000'], npm, '/clone', files('/clone/plans/q3.yaml'))).toBe(
      "arrcast: note: npm run arrcast reads and writes paths from the clone's top folder (/clone), not from /clone/plans where it was typed: write plans/q3.yaml for q3.yaml, or link arrcast once (npm link) and type arrcast ... in any folder",
    );
    expect(npmFolderNote(['run', 'q3.yaml', '--actuals=jun.csv'], npm, '/clone', files('/clone/q3.yaml', '/clone/plans/jun.csv'))).toContain('write plans/jun.csv for jun.csv');
  });

  it('says nothing when the path is found at the top, is absolute, or is not beside the user either; nor outside the npm script or at the top', () => {
    expect(npmFolderNote(['validate', 'q3.yaml'], npm, '/clone', files('/clone/q3.yaml', '/clone/plans/q3.yaml'))).toBeUndefined();
    expect(npmFolderNote(['validate', '/clone/plans/q3.yaml'], npm, '/clone', files('/clone/plans/q3.yaml'))).toBeUndefined();
    expect(npmFolderNote(['validate', 'q4.yaml'], npm, '/clone', files('/clone/plans/q3.yaml'))).toBeUndefined();
    expect(npmFolderNote(['validate', 'q3.yaml'], { INIT_CWD: '/clone/plans' }, '/clone', files('/clone/plans/q3.yaml'))).toBeUndefined();
    expect(npmFolderNote(['validate', 'q3.yaml'], { ...npm, INIT_CWD: '/clone' }, '/clone', files('/clone/q3.yaml'))).toBeUndefined();
  });

  it('the built CLI prints it after the refusal (exit 2)', () => {
    const top = mkdtempSync(join(tmpdir(), 'arrcast-npm-folder-'));
    try {
      mkdirSync(join(top, 'plans'));
      copyFileSync(join(ROOT, 'test/fixtures/minimal.yaml'), join(top, 'plans', 'q3.yaml'));
      const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'validate', 'q3.yaml'], {
        cwd: top,
        // Without the npm_config_ settings of an `npm test` this may run under (they could add a note of their own).
        env: { ...withoutNpmSettings(), npm_lifecycle_event: 'arrcast', INIT_CWD: join(top, 'plans') },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(
        `arrcast: q3.yaml does not exist\narrcast: note: npm run arrcast reads and writes paths from the clone's top folder (${top}), not from ${join(top, 'plans')} where it was typed: write plans/q3.yaml for q3.yaml, or link arrcast once (npm link) and type arrcast ... in any folder\n`,
      );
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });
});

/**
 * `npm run arrcast run plan.yaml --trials 500 --out r` without `--`: npm kept --trials and --out as
 * its own settings and passed 500 and r on, so arrcast said only "too many arguments for 'run'.
 * Expected 1 argument but got 3." The note names what npm took and the `--` that was missing.
 */
describe('npm run arrcast without --', () => {
  it('names the options npm kept (npm_config_<name>, --no-X as X) and says to put -- first', () => {
    expect(npmSwallowedNote({ npm_lifecycle_event: 'arrcast', npm_config_trials: 'true', npm_config_max_trials: 'true', npm_config_progress: 'false', npm_config_cache: '/c' }, ['--trials', '--max-trials', '--no-progress', '--out'])).toBe(
      "arrcast: note: npm took --trials, --max-trials, --no-progress as its own settings and did not pass them on: put -- before arrcast's arguments (npm run arrcast -- run plan.yaml --trials 20000)",
    );
    expect(npmSwallowedNote({ npm_lifecycle_event: 'arrcast', npm_config_cache: '/c' }, ['--trials'])).toBeUndefined();
    expect(npmSwallowedNote({ npm_config_trials: 'true' }, ['--trials'])).toBeUndefined();
  });

  it('the built CLI prints it after the refusal (exit 2)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'run', join(ROOT, 'test/fixtures/minimal.yaml'), '500', 'r'], {
      cwd: ROOT,
      env: { ...withoutNpmSettings(), npm_lifecycle_event: 'arrcast', npm_config_trials: 'true', npm_config_out: 'true' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("too many arguments for 'run'");
    expect(r.stderr).toContain("arrcast: note: npm took --trials, --out as its own settings and did not pass them on: put -- before arrcast's arguments");
  });
});

/**
 * Written from a subfolder: `cd plans && npm run arrcast -- init q3.yaml` wrote the clone's q3.yaml
 * and said "wrote q3.yaml"; the planner looked in plans/ and found nothing (a report's default
 * reports/<name>/ likewise). The note after it says where what was written is.
 */
describe('npm run arrcast typed in a subfolder, writing', () => {
  const npm = { npm_lifecycle_event: 'arrcast', INIT_CWD: '/clone/plans' };
  const note =
    "arrcast: note: npm run arrcast reads and writes paths from the clone's top folder: what it wrote is in /clone, not in /clone/plans where it was typed (link arrcast once, npm link, and type arrcast ... in any folder to read and write there)";

  it.each([
    ['init, a relative file', ['init', 'q3.yaml']],
    ['init with a template first', ['init', '--template', 'example', 'q3.yaml']],
    ['run to the default reports/<name>', ['run', 'plans/q3.yaml', '--trials', '1000']],
    ['run --out relative', ['run', 'plans/q3.yaml', '--out', 'reports/q3']],
    ['run --out= relative', ['run', 'plans/q3.yaml', '--out=reports/q3']],
    ['merge to the default', ['merge', 'parts/']],
    ['compare -o relative', ['compare', 'a.yaml', 'b.yaml', '-o', 'cmp']],
    ['fit --out relative', ['fit', 'h.csv', '--out', 'fitted.yaml']],
    ['score --out relative', ['score', 'reports/p', '--actuals', 'o.csv', '--out', 's']],
  ])('%s: says where it wrote', (_, args) => {
    expect(npmWroteNote(args, npm, '/clone')).toBe(note);
  });

  it.each([
    ['init, an absolute file', ['init', '/clone/plans/q3.yaml'], npm],
    ['run --out absolute', ['run', 'plans/q3.yaml', '--out', '/clone/plans/r'], npm],
    ['compare without --out (writes nothing)', ['compare', 'a.yaml', 'b.yaml'], npm],
    ['validate (writes nothing)', ['validate', 'plans/q3.yaml'], npm],
    ['--help', ['run', '--help'], npm],
    ['typed at the top', ['init', 'q3.yaml'], { ...npm, INIT_CWD: '/clone' }],
    ['not the npm script', ['init', 'q3.yaml'], { INIT_CWD: '/clone/plans' }],
  ])('%s: nothing', (_, args, env) => {
    expect(npmWroteNote(args, env, '/clone')).toBeUndefined();
  });

  it('the built CLI prints it after init (exit 0)', () => {
    const top = mkdtempSync(join(tmpdir(), 'arrcast-npm-folder-'));
    try {
      mkdirSync(join(top, 'plans'));
      const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'init', 'q3.yaml'], {
        cwd: top,
        env: { ...withoutNpmSettings(), npm_lifecycle_event: 'arrcast', INIT_CWD: join(top, 'plans') },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status).toBe(0);
      expect(existsSync(join(top, 'q3.yaml'))).toBe(true);
      expect(r.stderr).toBe(
        `arrcast: note: npm run arrcast reads and writes paths from the clone's top folder: what it wrote is in ${top}, not in ${join(top, 'plans')} where it was typed (link arrcast once, npm link, and type arrcast ... in any folder to read and write there)\n`,
      );
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });
});
