import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { backslashPathNote } from '../../src/scenario/backslash-path.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * A path written with Windows' `\` between folders (`extends: ..\try\base.yaml`) names, on Linux, one
 * file called `..\try\base.yaml`: "does not exist" alone left a Windows user nothing to go on.
 */
let dir: string;
const messageOf = async (file: string) => {
  try {
    await loadScenario(join(dir, file));
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    return (err as ScenarioError).message;
  }
  return 'loaded';
};

beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-backslash-')));
  mkdirSync(join(dir, 'try'));
  mkdirSync(join(dir, 'plans'));
  copyFileSync(join(ROOT, 'scenarios/example.yaml'), join(dir, 'try/base.yaml'));
  writeFileSync(join(dir, 'plans/windows.yaml'), 'extends: ..\\try\\base.yaml\nname: W\n');
  writeFileSync(join(dir, 'plans/half.yaml'), 'extends: ..\\try/base.yaml\nname: W\n');
  writeFileSync(join(dir, 'plans/drive.yaml'), 'extends: C:\\try\\base.yaml\nname: W\n');
  writeFileSync(join(dir, 'plans/slash.yaml'), 'extends: ../try/base.yaml\nname: W\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('a path written with \\ between folders', () => {
  it('an extends written ..\\try\\base.yaml says to write ../try/base.yaml (which is found)', async () => {
    const message = await messageOf('plans/windows.yaml');
    expect(message).toContain('does not exist; \\ separates no folders on this system: write ../try/base.yaml');
    // Written so, it is found: refused only as outside the scenario's folder (no --allow-path here), not as missing.
    expect(await messageOf('plans/slash.yaml')).toContain('resolves to ' + join(dir, 'try/base.yaml'));
  });

  it('a path with / and \\ mixed: the part from its first \\ on, all with /', async () => {
    expect(await messageOf('plans/half.yaml')).toContain('write ../try/base.yaml');
  });

  it('a scenario named with \\ itself, as on the command line', async () => {
    expect(await messageOf('plans\\windows.yaml')).toContain('write plans/windows.yaml');
  });

  it('a drive letter is said to be a Windows path, not rewritten into one that does not exist either', async () => {
    const message = await messageOf('plans/drive.yaml');
    expect(message).toContain('it is a Windows path (with a drive, C:)');
    expect(message).not.toContain('write C:/');
  });
});

describe('backslashPathNote', () => {
  it('says nothing of a path without \\, nor where \\ is the separator (Windows)', () => {
    expect(backslashPathNote('/home/me/plans/base.yaml', '/')).toBe('');
    expect(backslashPathNote('C:\\plans\\base.yaml', '\\')).toBe('');
  });
});
