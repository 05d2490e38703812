import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomically } from '../../src/report/atomic-file.js';

/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

/**
 * A `fit` (or a studio save) killed between its temporary write and its link or rename leaves
 * `.NAME.arrcast-tmp-PID-HEX` beside the file. The next write of that file removes such a file when
 * its process is gone, and nothing else: a live process's, another target's, a near name, a directory.
 */
describe('temporary files a killed single-file write left', () => {
  it('are removed by the next write of that file when their process is gone, and nothing else is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-file-temps-'));
    const dead = deadPid();
    const gone = [`.fitted.yaml.arrcast-tmp-${dead}-0a1b2c3d`, `.fitted.yaml.arrcast-tmp-${dead}-ffffffff`];
    const kept = [
      `.fitted.yaml.arrcast-tmp-${process.ppid}-0a1b2c3d`, // its process is alive
      `.fitted.yaml.arrcast-tmp-${process.pid}-0a1b2c3d`, // this very process's
      `.other.yaml.arrcast-tmp-${dead}-0a1b2c3d`, // another file's
      `.fitted.yaml.arrcast-tmp-${dead}-0a1b2c3d.bak`, // near names
      `.fitted.yaml.arrcast-tmp-${dead}-0A1B2C3D`,
      `.fitted.yaml.arrcast-tmp-${dead}-0a1b2c3`,
      `fitted.yaml.arrcast-tmp-${dead}-0a1b2c3d`,
      `.fitted.yaml.arrcast-tmp-x${dead}-0a1b2c3d`,
      'notes.txt',
    ];
    const aDirectory = `.fitted.yaml.arrcast-tmp-${dead}-12345678`;
    for (const name of [...gone, ...kept]) writeFileSync(join(dir, name), 'tenants: {}\n');
    mkdirSync(join(dir, aDirectory));

    await writeFileAtomically(join(dir, 'fitted.yaml'), 'tiers: []\n');
    expect(readdirSync(dir).sort()).toEqual([...kept, aDirectory, 'fitted.yaml'].sort());
    expect(readFileSync(join(dir, 'fitted.yaml'), 'utf8')).toBe('tiers: []\n');
    for (const name of kept) expect(readFileSync(join(dir, name), 'utf8')).toBe('tenants: {}\n');
  });

  it('are removed by a write that is then refused because the file exists (no --force)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-file-temps-'));
    const stale = `.fitted.yaml.arrcast-tmp-${deadPid()}-0a1b2c3d`;
    writeFileSync(join(dir, 'fitted.yaml'), 'the user’s scenario');
    writeFileSync(join(dir, stale), 'half a scenario');
    await expect(writeFileAtomically(join(dir, 'fitted.yaml'), 'tiers: []\n')).rejects.toThrow('exists; use --force to replace it');
    expect(readdirSync(dir)).toEqual(['fitted.yaml']);
    expect(readFileSync(join(dir, 'fitted.yaml'), 'utf8')).toBe('the user’s scenario');
  });
});
