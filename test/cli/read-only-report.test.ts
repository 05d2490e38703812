import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess } from '../helpers/cli.js';
import { unprivileged } from '../helpers/unprivileged.js';

const minimal = join(ROOT, 'test/fixtures/minimal.yaml');


/** Every directory below `dir`, itself included, given `mode` (chmod -R on directories). */
function chmodDirs(dir: string, mode: number): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) chmodDirs(join(dir, e.name), mode);
  chmodSync(dir, mode);
}

let dir: string | undefined;
afterEach(() => {
  if (dir) {
    chmodDirs(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * A report the user made read-only (`chmod -R a-w`, to keep it from being changed by hand) is
 * still replaced whole by the next run into it, as any earlier report is. The previous one, moved
 * aside to be removed, could be neither claimed (given its owner file) nor emptied: it stayed beside
 * --out for good as a hidden `.arrcast-tmp-report-old-...` copy that no later run could prove
 * arrcast's. Now its owner's write bits are given back first. The new report keeps the earlier one's
 * group and others' bits, with its owner's rwx (same-access.ts), so the run after it leaves nothing
 * either.
 */
describe('a read-only earlier report', () => {
  it('is replaced whole, leaving no copy of it beside --out, run after run', async () => {
    dir = mkdtempSync(join(tmpdir(), 'arrcast-read-only-'));
    const out = join(dir, 'report');
    const first = await arrcastInProcess(['run', minimal, '--trials', '200', '--seed', '1', '--workers', '0', '--out', out, '--quiet']);
    expect(first.code, first.stderr).toBe(0);
    chmodDirs(out, 0o555);
    for (const seed of ['2', '3']) {
      const [cmd, ...args] = unprivileged(['run', minimal, '--trials', '200', '--seed', seed, '--workers', '0', '--out', out, '--quiet', '--no-progress']);
      const r = spawnSync(cmd!, args, { encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
      expect(readdirSync(dir)).toEqual(['report']);
      expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).seed).toBe(seed);
      expect((statSync(out).mode & 0o777).toString(8)).toBe('755');
      chmodDirs(out, 0o555);
    }
  });
});
