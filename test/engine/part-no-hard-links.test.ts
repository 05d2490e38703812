import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
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
  const link = async () => {
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
const { checkPartOutput, partRunOf, readPartHeader, STALE_CLAIM_MS, writePartFile } = await import('../../src/engine/part-file.js');
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

  it('a shard killed between claiming the name and its rename left an empty file: its re-run replaces it (nothing to lose); a fresh claim is left to its owner', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-no-links-'));
    const file = join(dir, 'parts');
    const part = await shardOf(0);
    writeFileSync(file, '');
    // A claim being made now (a shard beside this one) is not taken.
    await expect(writePartFile(file, part)).rejects.toBeInstanceOf(PartFileError);
    expect(readFileSync(file).length).toBe(0);
    // Left by a killed shard: older than any claim being made. Checked before the shard runs, and replaced.
    const past = (Date.now() - 2 * STALE_CLAIM_MS) / 1000;
    utimesSync(file, past, past);
    await expect(checkPartOutput(file, file, partRunOf(part))).resolves.toBeUndefined();
    await writePartFile(file, part);
    expect((await readPartHeader(file)).header.shard).toEqual({ index: 0, count: 2 });
    expect(readdirSync(dir)).toEqual(['parts']);
  });
});
