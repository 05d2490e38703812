import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { OWNER_FILE, removeStaleTemps, STALE_AFTER_MS, tempPathBeside } from '../../src/report/temp-dir.js';
import { prepareReportDir } from '../../src/report/output-dir.js';

/**
 * A process killed outright (SIGKILL, the OOM killer, power loss) in the instant between making one
 * of arrcast's temporary directories and claiming it (makeTempDir: 'new', 'trials'), or between
 * making and removing --out's probe ('probe'), leaves it empty, without an owner file. The next run
 * writing beside it removes it by its name (machine, pid) alone, and never anything else. The kill
 * is emulated: the directory is made under the name the code gives it, with a pid that is gone.
 */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

let dir: string;
beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-unclaimed-')));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The name the code gives a temporary directory of `label` beside `out`, as process `pid` would have made it. */
const leftBy = (pid: number, out: string, label: string) => basename(tempPathBeside(join(dir, out), label)).replace(`-${process.pid}-`, `-${pid}-`);

describe('an empty temporary directory a killed run left before claiming it', () => {
  it('is removed by the next run writing beside it: probe, new and trials, empty or with an empty owner file', async () => {
    const dead = deadPid();
    const left = [leftBy(dead, 'fy27', 'probe'), leftBy(dead, 'fy27', 'new'), leftBy(dead, 'fy27', 'trials'), leftBy(dead, 'other', 'new')];
    for (const name of left) mkdirSync(join(dir, name));
    writeFileSync(join(dir, left[1]!, OWNER_FILE), ''); // killed inside the claim's write
    expect(await prepareReportDir(join(dir, 'fy27'))).toBe(join(dir, 'fy27'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is removed whoever made it once nothing has touched it for a day (another machine, a pid reused)', async () => {
    const name = leftBy(process.ppid, 'fy27', 'probe').replace(/-h[0-9a-f]{8}-/, '-h00000000-');
    mkdirSync(join(dir, name));
    const old = (Date.now() - STALE_AFTER_MS - 60_000) / 1000;
    utimesSync(join(dir, name), old, old);
    expect(await removeStaleTemps(dir)).toEqual([join(dir, name)]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is left alone when it is not provably a killed run’s, empty and arrcast’s', async () => {
    const dead = deadPid();
    const kept = {
      live: leftBy(process.ppid, 'fy27', 'probe'), // its process is alive
      mine: leftBy(process.pid, 'fy27', 'new'), // this very process's
      otherMachine: leftBy(dead, 'fy27', 'probe').replace(/-h[0-9a-f]{8}-/, '-h00000000-'), // its pid means nothing here
      userFile: leftBy(dead, 'fy27', 'new'), // holds something
      ownerNotEmpty: leftBy(dead, 'fy27', 'trials'), // an owner file that is not a killed claim's
      otherLabel: leftBy(dead, 'fy27', 'old'), // a previous output moved aside is never removed unclaimed
      userNamed: '.arrcast-tmp-mine',
      noHost: `.arrcast-tmp-fy27-probe-${dead}-0a1b2c3d`,
      nearName: `${leftBy(dead, 'fy27', 'probe')}x`,
    };
    for (const name of Object.values(kept)) mkdirSync(join(dir, name));
    writeFileSync(join(dir, kept.userFile, 'notes.txt'), 'mine');
    writeFileSync(join(dir, kept.ownerNotEmpty, OWNER_FILE), '{"not":"an owner"}\n');
    expect(await removeStaleTemps(dir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(Object.values(kept).sort());
  });
});
