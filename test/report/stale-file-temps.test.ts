import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { STALE_FILE_TEMP_MS, tempFileBeside, writeFileAtomically } from '../../src/report/atomic-file.js';
import { resolveOutFile } from '../../src/report/resolve-out-file.js';
import { hostTag } from '../../src/engine/stale-temps.js';
import { cleanUpNow } from '../../src/engine/exit-cleanup.js';

/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

/**
 * A `fit` (or a studio save) killed between its temporary write and its link or rename leaves
 * `.NAME.arrcast-tmp-hHOST-PID-HEX` beside the file. The next write of that file removes such a file
 * when its process ran on this machine and is gone, or when it is a day old (another machine's, or
 * one named before host tags), and nothing else: a live process's, another target's, a near name, a
 * directory.
 */
describe('temporary files a killed single-file write left', () => {
  it('are removed by the next write of that file when their process is gone, and nothing else is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-file-temps-'));
    const dead = deadPid();
    const h = `h${hostTag()}-`;
    const other = hostTag() === '0badcafe' ? 'h0badcaff-' : 'h0badcafe-';
    const gone = [`.fitted.yaml.arrcast-tmp-${h}${dead}-0a1b2c3d`, `.fitted.yaml.arrcast-tmp-${h}${dead}-ffffffff`];
    const old = [`.fitted.yaml.arrcast-tmp-${dead}-0a1b2c3d`, `.fitted.yaml.arrcast-tmp-${other}${dead}-0a1b2c3d`, `.fitted.yaml.arrcast-tmp-${h}${process.ppid}-00000000`];
    const kept = [
      `.fitted.yaml.arrcast-tmp-${h}${process.ppid}-0a1b2c3d`, // its process is alive
      `.fitted.yaml.arrcast-tmp-${h}${process.pid}-0a1b2c3d`, // this very process's
      `.fitted.yaml.arrcast-tmp-${other}${dead}-12121212`, // another machine's, written lately: its pid means nothing here
      `.fitted.yaml.arrcast-tmp-${dead}-12121212`, // named before host tags, written lately
      `.other.yaml.arrcast-tmp-${h}${dead}-0a1b2c3d`, // another file's
      `.fitted.yaml.arrcast-tmp-${dead}-0a1b2c3d.bak`, // near names
      `.fitted.yaml.arrcast-tmp-${dead}-0A1B2C3D`,
      `.fitted.yaml.arrcast-tmp-${dead}-0a1b2c3`,
      `fitted.yaml.arrcast-tmp-${dead}-0a1b2c3d`,
      `.fitted.yaml.arrcast-tmp-x${dead}-0a1b2c3d`,
      'notes.txt',
    ];
    const aDirectory = `.fitted.yaml.arrcast-tmp-${h}${dead}-12345678`;
    for (const name of [...gone, ...old, ...kept]) writeFileSync(join(dir, name), 'tenants: {}\n');
    // A day and a minute old: stale whoever wrote them, alive or on another machine.
    const dayAgo = (Date.now() - STALE_FILE_TEMP_MS - 60_000) / 1000;
    for (const name of old) utimesSync(join(dir, name), dayAgo, dayAgo);
    mkdirSync(join(dir, aDirectory));

    await writeFileAtomically(join(dir, 'fitted.yaml'), 'tiers: []\n');
    expect(readdirSync(dir).sort()).toEqual([...kept, aDirectory, 'fitted.yaml'].sort());
    expect(readFileSync(join(dir, 'fitted.yaml'), 'utf8')).toBe('tiers: []\n');
    for (const name of kept) expect(readFileSync(join(dir, name), 'utf8')).toBe('tenants: {}\n');
  });

  it('are removed by a write that is then refused because the file exists (no --force)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-file-temps-'));
    const stale = `.fitted.yaml.arrcast-tmp-h${hostTag()}-${deadPid()}-0a1b2c3d`;
    writeFileSync(join(dir, 'fitted.yaml'), 'the user’s scenario');
    writeFileSync(join(dir, stale), 'half a scenario');
    await expect(writeFileAtomically(join(dir, 'fitted.yaml'), 'tiers: []\n')).rejects.toThrow('exists; use --force to replace it');
    expect(readdirSync(dir)).toEqual(['fitted.yaml']);
    expect(readFileSync(join(dir, 'fitted.yaml'), 'utf8')).toBe('the user’s scenario');
  });
});

/**
 * Before any work the file's folder is probed with a file named as the write's temporary file, in
 * the nearest folder that exists when the file's own is still to be made (fit --out new/f.yaml). A
 * process killed between making and removing that probe left it where the file's own write never
 * looks; the next check of that path removes it (it is the temporary file of `at/NAME`, stale).
 */
describe('a probe a killed write left in the folder above a new one', () => {
  it('is removed by the next check of that path, and nothing else there is', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-file-probe-')));
    const path = join(dir, 'new', 'fitted.yaml');
    const probe = basename(tempFileBeside(path)).replace(`-${process.pid}-`, `-${deadPid()}-`);
    writeFileSync(join(dir, probe), '');
    writeFileSync(join(dir, 'fitted.yaml'), 'the user’s scenario');
    expect(await resolveOutFile(path, { inputs: [] })).toBe(path);
    expect(readdirSync(dir)).toEqual(['fitted.yaml']);
  });
});

/**
 * A second Ctrl-C while `fit`, `init` or a studio save writes its file exits at once after the
 * registered clean-ups (engine/exit-cleanup.ts), saying "temporary files removed": the single-file
 * write's temporary file was not registered, so it stayed beside the file.
 */
describe('a forced exit while a single file is written', () => {
  it('removes its temporary file (and never the file already in place)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-file-forced-'));
    const path = join(dir, 'fitted.yaml');
    writeFileSync(path, 'earlier\n');
    const temps = () => readdirSync(dir).filter((n) => n.includes('.arrcast-tmp-'));
    // Large enough that its write spans many turns of the event loop.
    const writing = writeFileAtomically(path, 'x'.repeat(64 * 2 ** 20), { force: true });
    writing.catch(() => undefined);
    let seen: string[] = [];
    for (let i = 0; i < 10_000 && seen.length === 0; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      seen = temps();
    }
    expect(seen).toHaveLength(1);
    cleanUpNow();
    expect(temps()).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe('earlier\n');
    await writing.catch(() => undefined);
    expect(temps()).toEqual([]);
  });
});
