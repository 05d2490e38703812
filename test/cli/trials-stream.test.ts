import { mkdirSync, mkdtempSync, readdirSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTrialsStream } from '../../src/cli/trials-stream.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'arrcast-trials-stream-'));

describe('startTrialsStream', () => {
  it('streams when the report folder exists, and only for a plain run asking for trials.csv', async () => {
    const dir = tmp();
    const out = join(dir, 'report');
    const stream = await startTrialsStream(out, ['summary', 'trials'], 2_500, false, 'USD');
    expect(stream).toBeDefined();
    expect(readdirSync(dir)).toHaveLength(1);
    stream!.discard();
    expect(readdirSync(dir)).toEqual([]);
    expect(await startTrialsStream(out, ['summary', 'trials'], 2_500, true, 'USD')).toBeUndefined();
    expect(await startTrialsStream(out, ['summary', 'csv'], 2_500, false, 'USD')).toBeUndefined();
    expect(await startTrialsStream(join(dir, 'new', 'report'), ['summary', 'trials'], 2_500, false, 'USD')).toBeUndefined();
  });

  it('falls back to the end-of-run writer when the report folder goes between its check and the stream (another run removed the empty parent it made)', async () => {
    // Runs writing into sibling folders of a new parent make it and remove it again when empty
    // (output-dir.ts, fresh-dir.ts): the folder seen a moment ago may be gone when the stream's
    // temporary directory is made. That run must not fail; the atomic write makes the folder again.
    const dir = tmp();
    const parent = join(dir, 'shared');
    mkdirSync(parent);
    const starting = startTrialsStream(join(parent, 'report'), ['summary', 'trials'], 2_500, false, 'USD');
    rmdirSync(parent);
    expect(await starting).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });
});
