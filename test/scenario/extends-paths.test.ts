import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

/**
 * `extends:` must name a regular file (a path relative to the extending file: see extends.test.ts);
 * anything else is refused at the extends line.
 */
const cases: Array<{ name: string; extendsPath: string; prepare?: (dir: string) => void; expected: string; allowedRoots?: string[] }> = [
  { name: 'a missing file', extendsPath: 'plan.yaml', expected: 'extends: the base scenario <dir>/plan.yaml: does not exist' },
  {
    name: 'a directory',
    extendsPath: 'plans',
    prepare: (dir) => mkdirSync(join(dir, 'plans')),
    expected: 'extends: the base scenario <dir>/plans: is a directory, not a scenario file',
  },
  // /dev is outside the scenario's folder (path-policy.test.ts): allowed here to reach the file-type check.
  { name: 'a device (absolute path)', extendsPath: '/dev/zero', allowedRoots: ['/dev'], expected: 'extends: the base scenario /dev/zero: is a device, not a regular file' },
  {
    name: 'a symbolic link to a device',
    extendsPath: 'zero.yaml',
    prepare: (dir) => symlinkSync('/dev/zero', join(dir, 'zero.yaml')),
    allowedRoots: ['/dev'],
    expected: 'extends: the base scenario <dir>/zero.yaml: is a device, not a regular file',
  },
  {
    name: 'a FIFO (refused without blocking on it)',
    extendsPath: 'pipe.yaml',
    prepare: (dir) => {
      const r = spawnSync('mkfifo', [join(dir, 'pipe.yaml')]);
      if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
    },
    expected: 'extends: the base scenario <dir>/pipe.yaml: is a FIFO (named pipe), not a regular file',
  },
  {
    name: 'a binary file',
    extendsPath: 'plan.yaml',
    prepare: (dir) => writeFileSync(join(dir, 'plan.yaml'), Buffer.from([0x6e, 0, 0x0a])),
    expected: 'extends: the base scenario <dir>/plan.yaml: is binary (it holds a NUL byte), not a YAML or JSON scenario',
  },
];

describe('extends: the base must be a regular file', () => {
  it.each(cases)('$name', async ({ extendsPath, prepare, expected, allowedRoots }) => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-extends-paths-'));
    prepare?.(dir);
    writeFileSync(join(dir, 'child.yaml'), `name: Child\nextends: ${extendsPath}\n`);
    const err = await loadScenario(join(dir, 'child.yaml'), { allowedRoots }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScenarioError);
    expect((err as ScenarioError).message.split(dir).join('<dir>')).toBe(`<dir>/child.yaml:2:10 ${expected}`);
  });
});
