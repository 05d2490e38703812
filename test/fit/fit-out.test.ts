import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';
import { NotAFileError, writeFileAtomically } from '../../src/report/atomic-file.js';
import { hostTag } from '../../src/engine/stale-temps.js';

/**
 * `arrcast fit --out`: whatever the path names, the outcome is a whole scenario in a regular file
 * that held nothing of the user's (or one replaced with --force), or exit 2 before anything is read,
 * with nothing written. A device, FIFO, directory (or a link to one), a link to nothing, and the
 * very file being read are never replaced, --force or not.
 */
const HISTORY_TEXT = `month,tier,leads,deals,new_arr,ending_arr,due_arr,renewed_arr\n${Array.from({ length: 12 }, (_, k) => `${k + 1},SMB,1000,30,300000,5000000,100000,90000`).join('\n')}\n`;

let dir: string;
let history: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-fit-out-'));
  history = join(dir, 'history.csv');
  writeFileSync(history, HISTORY_TEXT);
  mkdirSync(join(dir, 'plans'));
  execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
  symlinkSync(join(dir, 'plans'), join(dir, 'to-plans'));
  symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.yaml'));
  symlinkSync(history, join(dir, 'to-history.yaml'));
  writeFileSync(join(dir, 'deals.csv'), 'close_month,tier,amount\n1,SMB,9000\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('arrcast fit --out', () => {
  const cases: Array<[string, (d: string) => string[], (d: string) => string]> = [
    ['empty', () => ['--out', ''], () => 'arrcast: --out is empty: name the scenario file to write, e.g. --out fitted.yaml'],
    // fit writes commented YAML: it wrote it into fitted.json, which no JSON tool reads.
    ['a .json name', (d) => ['--out', join(d, 'fitted.json')], (d) => `arrcast: --out ${d}/fitted.json: arrcast writes a commented YAML scenario, not JSON; name it ${d}/fitted.yaml (arrcast reads YAML and JSON alike)`],
    ['a FIFO, with --force', (d) => ['--out', join(d, 'pipe.yaml'), '--force'], (d) => `arrcast: --out ${d}/pipe.yaml is a FIFO (named pipe), not a regular file: arrcast writes its output only as a regular file and never replaces anything else`],
    ['a symlink to a directory, with --force', (d) => ['--out', join(d, 'to-plans'), '--force'], (d) => `arrcast: --out ${d}/to-plans is a directory; name the scenario file to write, e.g. ${d}/to-plans/fitted.yaml`],
    ['a symlink to nothing, with --force', (d) => ['--out', join(d, 'dangling.yaml'), '--force'], (d) => `arrcast: --out ${d}/dangling.yaml is a symbolic link to ${d}/nowhere, which does not exist: remove the link or name another file`],
    ['the history itself, with --force', (d) => ['--out', join(d, 'history.csv'), '--force'], (d) => `arrcast: --out ${d}/history.csv is the input file ${d}/history.csv: writing it would replace what is being read; name another file`],
    ['a link to the history, with --force', (d) => ['--out', join(d, 'to-history.yaml'), '--force'], (d) => `arrcast: --out ${d}/to-history.yaml is the input file ${d}/history.csv: writing it would replace what is being read; name another file`],
    ['the deals file, with --force', (d) => ['--deals', join(d, 'deals.csv'), '--out', `${d}/plans/../deals.csv`, '--force'], (d) => `arrcast: --out ${d}/plans/../deals.csv is the input file ${d}/deals.csv: writing it would replace what is being read; name another file`],
    ['a name ending in / (a folder to be, not a file)', (d) => ['--out', `${d}/new/`], (d) => `arrcast: --out ${d}/new/ names a directory (it ends in /); name the scenario file to write, e.g. ${d}/new/fitted.yaml`],
    // Taken as text, `deals.csv/.` was deals.csv: replaced under --force, where `deals.csv/` was refused.
    ['a name whose last part is . (a folder), with --force', (d) => ['--out', `${d}/deals.csv/.`, '--force'], (d) => `arrcast: --out ${d}/deals.csv/. names a directory (its last part is .); name the scenario file to write, e.g. ${d}/fitted.yaml`],
    // The advice names a path that works: `deals.csv/./fitted.yaml` is below a file (ENOTDIR).
    ['a name whose last part is .. below a folder to be', (d) => ['--out', `${d}/new/sub/..`], (d) => `arrcast: --out ${d}/new/sub/.. names a directory (its last part is ..); name the scenario file to write, e.g. ${d}/new/sub/../fitted.yaml`],
    ['in a folder nothing can be written to', () => ['--out', '/proc/fitted.yaml'], () => 'arrcast: --out /proc/fitted.yaml cannot be written: no such file or directory (ENOENT) in /proc'],
    ['below a file', (d) => ['--out', join(d, 'history.csv/fitted.yaml')], (d) => `arrcast: --out ${d}/history.csv/fitted.yaml cannot be used: not a directory (ENOTDIR)`],
  ];
  it.each(cases)('refuses %s with exit 2, replacing nothing', async (_, args, message) => {
    const before = readdirSync(dir).sort();
    const r = await runCli('fit', history, ...args(dir));
    expect(r.err).toBe(`${message(dir)}\n`);
    expect(r.code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(lstatSync(join(dir, 'pipe.yaml')).isFIFO()).toBe(true);
    expect(lstatSync(join(dir, 'to-plans')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'dangling.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(history, 'utf8')).toBe(HISTORY_TEXT);
    expect(readFileSync(join(dir, 'deals.csv'), 'utf8')).toBe('close_month,tier,amount\n1,SMB,9000\n');
  });

  it('removes a temporary file a killed fit left beside --out (its process gone), and no other', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const stale = `.fitted.yaml.arrcast-tmp-h${hostTag()}-${dead}-0a1b2c3d`;
    const live = `.fitted.yaml.arrcast-tmp-h${hostTag()}-${process.ppid}-0a1b2c3d`;
    writeFileSync(join(dir, 'plans', stale), 'half a scenario');
    writeFileSync(join(dir, 'plans', live), 'a fit still running');
    const r = await runCli('fit', history, '--out', join(dir, 'plans/fitted.yaml'));
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'plans')).sort()).toEqual([live, 'fitted.yaml'].sort());
  });

  it('writes through a symlinked folder to the file it names', async () => {
    const r = await runCli('fit', history, '--out', join(dir, 'to-plans/fitted.yaml'));
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'plans/fitted.yaml'), 'utf8')).toContain('name: "Fitted from');
  });

  it('names the file in its next command so that the command opens it (a missing folder before `..` does not)', async () => {
    // to-plans/../x/../f.yaml: the text takes x/.. away, the system does not go through a missing x.
    // It was printed as given, and its "next: arrcast validate" exited 2 ("does not exist").
    for (const [out, shown] of [
      [`${dir}/to-plans/../x/../f.yaml`, join(dir, 'f.yaml')],
      [`${dir}/to-plans/../g.yaml`, `${dir}/to-plans/../g.yaml`],
    ]) {
      const r = await runCli('fit', history, '--out', out!);
      expect(r.code).toBe(0);
      const next = /next: arrcast validate (.*)\n$/.exec(r.err)?.[1];
      expect(next).toBe(shown);
      expect((await runCli('validate', next!)).code).toBe(0);
    }
  });
});

describe('writeFileAtomically', () => {
  it('never replaces what is not a regular file, even with force', async () => {
    await expect(writeFileAtomically(join(dir, 'pipe.yaml'), 'x', { force: true })).rejects.toBeInstanceOf(NotAFileError);
    await expect(writeFileAtomically(join(dir, 'plans'), 'x', { force: true })).rejects.toBeInstanceOf(NotAFileError);
    expect(lstatSync(join(dir, 'pipe.yaml')).isFIFO()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('arrcast-tmp'))).toEqual([]);
  });
});

describe('writeFileAtomically’s recheck (fit and init: the place is checked again just before the move)', () => {
  it('runs once the temporary file is written; what it throws moves nothing and leaves no temporary file or folder made', async () => {
    const refusal = new Error('now inside an arrcast output');
    let seen: string[] = [];
    const error = await writeFileAtomically(join(dir, 'new', 'f.yaml'), 'x: 1\n', {
      parents: true,
      recheck: async () => {
        seen = readdirSync(join(dir, 'new'));
        throw refusal;
      },
    }).catch((e: unknown) => e);
    expect(error).toBe(refusal);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^\.f\.yaml/);
    expect(readdirSync(dir)).not.toContain('new');
  });
});
