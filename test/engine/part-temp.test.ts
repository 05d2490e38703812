import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { partTempName, removeStalePartTemps, STALE_PART_TEMP_MS } from '../../src/engine/part-file.js';
import { PART_MAGIC } from '../../src/engine/part-format.js';
import { ROOT } from '../helpers/fixtures.js';

/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('temporary part files a killed shard run left', () => {
  it('are removed when provably arrcast’s and stale, and nothing else is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-part-temp-'));
    const dead = deadPid();
    const named = (pid: number, host?: string) => {
      let name = partTempName(join(dir, 'shard-1-of-4.arrcast-part')).replace(`-${process.pid}-`, `-${pid}-`);
      if (host) name = name.replace(/-h[0-9a-f]{8}-/, `-h${host}-`);
      return name;
    };
    const gone = { dead: named(dead), deadEmpty: named(dead), otherHostOld: named(dead, '00000000') };
    const kept = {
      live: named(process.ppid),
      otherHostRecent: named(dead, 'ffffffff'),
      notAPart: named(dead),
      otherName: '.arrcast-tmp-mine',
      aDirectory: named(dead),
    };
    for (const name of [gone.dead, gone.otherHostOld, kept.live, kept.otherHostRecent]) writeFileSync(join(dir, name), `${PART_MAGIC}and the rest`);
    writeFileSync(join(dir, gone.deadEmpty), '');
    writeFileSync(join(dir, kept.notAPart), 'the user’s data');
    writeFileSync(join(dir, kept.otherName), PART_MAGIC);
    mkdirSync(join(dir, kept.aDirectory));
    const old = (Date.now() - STALE_PART_TEMP_MS - 60_000) / 1000;
    utimesSync(join(dir, gone.otherHostOld), old, old);

    const removed = await removeStalePartTemps(dir);
    expect(removed.map((p) => p.slice(dir.length + 1)).sort()).toEqual(Object.values(gone).sort());
    expect(readdirSync(dir).sort()).toEqual(Object.values(kept).sort());
  });

  it('a shard run writing into the directory removes them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-part-temp-'));
    const stale = partTempName(join(dir, 'shard-1-of-2.arrcast-part')).replace(`-${process.pid}-`, `-${deadPid()}-`);
    writeFileSync(join(dir, stale), `${PART_MAGIC}partial`);
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'run', join(ROOT, 'test/fixtures/minimal.yaml'), '--trials', '300', '--workers', '0', '--shard', '1/2', '--out', `${dir}/`], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(readdirSync(dir)).toEqual(['shard-1-of-2.arrcast-part']);
  });
});
