import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDirectoryAtomically } from '../../src/report/atomic-dir.js';
import { writeFileAtomically } from '../../src/report/atomic-file.js';
import { writePartFile } from '../../src/engine/part-file.js';
import { simulateShard } from '../../src/engine/simulate.js';
import { fixtureText, ROOT, scenarioFrom } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * An output replaced by a rename is a new inode, made with the process's umask. A report directory
 * the user had made private (an empty `mkdir -m 700` directory given as --out, or an earlier report
 * after `chmod 700`) came back 0755 after the run, readable by every user of the machine; a
 * `fit --force` over a 0600 scenario left a 0644 one; a rerun of a shard over a 0600 part the same.
 * What replaces an output now takes its permission bits and group; a new output is made as before.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-access-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o7777;
/** The mode this process gives a new directory and a new file (its umask applied). */
function fresh(): { dir: number; file: number } {
  mkdirSync(join(dir, 'probe-dir'));
  writeFileSync(join(dir, 'probe-file'), '');
  const made = { dir: mode(join(dir, 'probe-dir')), file: mode(join(dir, 'probe-file')) };
  rmSync(join(dir, 'probe-dir'), { recursive: true });
  rmSync(join(dir, 'probe-file'));
  return made;
}
const fill = async (out: string) => writeFileSync(join(out, 'summary.json'), '{}');
/** A group other than this process's own, when this process may give one (root); else undefined. */
const otherGroup = () => (process.getuid?.() === 0 ? (process.getgid!() === 65534 ? 65533 : 65534) : undefined);

describe('a replaced output keeps who may read it', () => {
  it('a directory: an empty private one and an earlier report keep their modes; a new one is made as any directory', async () => {
    const made = fresh();
    const empty = join(dir, 'private');
    mkdirSync(empty, { mode: 0o700 });
    chmodSync(empty, 0o700);
    await writeDirectoryAtomically(empty, fill, { kind: 'report' });
    expect(mode(empty).toString(8)).toBe('700');

    chmodSync(empty, 0o2750);
    const group = otherGroup();
    if (group !== undefined) chownSync(empty, -1, group);
    await writeDirectoryAtomically(empty, fill, { kind: 'report' });
    expect(mode(empty).toString(8)).toBe('2750');
    if (group !== undefined) expect(statSync(empty).gid).toBe(group);

    // A report made read-only keeps its group's and others' bits, but its owner may still replace it.
    chmodSync(empty, 0o550);
    await writeDirectoryAtomically(empty, fill, { kind: 'report' });
    expect(mode(empty).toString(8)).toBe('750');

    const added = join(dir, 'new-report');
    await writeDirectoryAtomically(added, fill, { kind: 'report' });
    expect(mode(added)).toBe(made.dir);
  });

  it('a single file replaced with --force keeps its mode; a new one is made as any file', async () => {
    const made = fresh();
    const file = join(dir, 'fitted.yaml');
    writeFileSync(file, 'mine\n');
    chmodSync(file, 0o600);
    await writeFileAtomically(file, 'tiers: []\n', { force: true });
    expect(mode(file).toString(8)).toBe('600');
    await writeFileAtomically(join(dir, 'other.yaml'), 'tiers: []\n');
    expect(mode(join(dir, 'other.yaml'))).toBe(made.file);
  });

  it('a part rerun over a private part keeps its mode', async () => {
    const part = await simulateShard(scenarioFrom(fixtureText('minimal.yaml')), { trials: 200, seed: 1, workers: 0, shard: { index: 0, count: 2 } });
    const file = join(dir, 'shard-1-of-2.arrcast-part');
    await writePartFile(file, part);
    chmodSync(file, 0o640);
    await writePartFile(file, part);
    expect(mode(file).toString(8)).toBe('640');
  });

  it('arrcast run --out an empty private directory leaves it private', async () => {
    const out = join(dir, 'fy27');
    mkdirSync(out);
    chmodSync(out, 0o700);
    const r = await runCli('run', join(ROOT, 'test/fixtures/minimal.yaml'), '--trials', '200', '--workers', '0', '--quiet', '--no-progress', '--outputs', 'summary', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(mode(out).toString(8)).toBe('700');
  });
});
