import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A file system without hard links (link fails with EPERM: some FUSE and network mounts, FAT):
 * writePartFile moves a part in with a rename, which replaces anything. Two shards of one run
 * moving in side by side both found nothing there and both renamed: the second replaced the
 * first's part, both saying they wrote it. The name is now claimed first (an empty file made with
 * O_EXCL), so only one takes it. link is made to fail here as such a file system makes it fail.
 */
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  // As Linux orders it (vfat, sysfs): a name that exists is EEXIST before the missing link's EPERM.
  // Mocked with EPERM alone, a fresh claim by the shard beside seemed to be seen and this missed a
  // part replaced (fixleft17's empty-file rule).
  const link = async (_from: string, to: string) => {
    if (await actual.lstat(to).then(() => true, () => false)) throw Object.assign(new Error('EEXIST: file already exists, link'), { code: 'EEXIST' });
    throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
  };
  return { ...actual, default: { ...actual, link }, link };
});

// The forks pool runs files one after another with their module cache kept (isolate: false): part-file
// may already be loaded without the mock, with real links, and these tests would then check nothing of
// this case. Loaded afresh, it takes the mocked link.
vi.resetModules();
// ...and the files after this one in the fork get the real link again.
afterAll(() => {
  vi.doUnmock('node:fs/promises');
  vi.resetModules();
});
const { simulateShard } = await import('../../src/engine/simulate.js');
const { checkPartOutput, partRunOf, readPartHeader, writePartFile } = await import('../../src/engine/part-file.js');
const { PartFileError } = await import('../../src/engine/part-format.js');
const { fixtureText, scenarioFrom } = await import('../helpers/fixtures.js');

const minimal = scenarioFrom(fixtureText('minimal.yaml'), 'minimal.yaml');
const shardOf = (index: number) => simulateShard(minimal, { trials: 2_000, seed: 3, workers: 0, shard: { index, count: 2 } });

describe('a part moved in where hard links cannot be made', () => {
  it('two shards of one run moving into one --out file side by side: one part is written, the other refused, nothing left beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-no-links-'));
    const file = join(dir, 'parts');
    const [a, b] = await Promise.all([shardOf(0), shardOf(1)]);
    const results = await Promise.allSettled([writePartFile(file, a), writePartFile(file, b)]);
    const written = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(written).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(PartFileError);
    // The part there is whole and the one that said it was written.
    const winner = results[0]!.status === 'fulfilled' ? a : b;
    expect((await readPartHeader(file)).header.shard).toEqual(winner.shard);
    expect(readdirSync(dir)).toEqual(['parts']);
  });

  it('one shard alone is written, and a re-run of it replaces its part (the claim is only for an empty place)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-no-links-'));
    const file = join(dir, 'parts');
    const part = await shardOf(1);
    await writePartFile(file, part);
    const first = readFileSync(file);
    await writePartFile(file, part);
    expect(readFileSync(file).length).toBe(first.length);
    expect((await readPartHeader(file)).header.shard).toEqual({ index: 1, count: 2 });
    expect(readdirSync(dir)).toEqual(['parts']);
  });

  it('an empty file at the name (a live claim, or one a killed shard left) is never replaced, however old: refused before the run and at the move, saying to remove it if no shard runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-no-links-'));
    const file = join(dir, 'parts');
    const part = await shardOf(0);
    writeFileSync(file, '');
    // Old as a killed shard's: its age tells nothing (a claim may sit on a slow mount), so it is kept too.
    utimesSync(file, 1_000_000, 1_000_000);
    const before = await checkPartOutput(file, file, partRunOf(part)).catch((e: unknown) => e);
    expect(before).toBeInstanceOf(PartFileError);
    expect(String((before as Error).message)).toMatch(/an empty file: the claim of a shard of this run .* or one left by a shard killed there .*remove it if no shard of this run is running/);
    await expect(writePartFile(file, part)).rejects.toBeInstanceOf(PartFileError);
    expect(readFileSync(file).length).toBe(0);
    expect(readdirSync(dir)).toEqual(['parts']);
    rmSync(file);
    await writePartFile(file, part);
    expect((await readPartHeader(file)).header.shard).toEqual({ index: 0, count: 2 });
  });
});
