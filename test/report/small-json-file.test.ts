import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSmallJson, SMALL_JSON_BYTES } from '../../src/report/small-json-file.js';

describe('readSmallJson (output markers, temporary directories\' owner files)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-small-json-'));

  it('parses a small JSON file', async () => {
    writeFileSync(join(dir, 'ok.json'), '{"magic":"m","kind":"report"}\n');
    expect(await readSmallJson(join(dir, 'ok.json'))).toEqual({ magic: 'm', kind: 'report' });
  });

  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(readSmallJson(fifo)).rejects.toThrow(/not a regular file/);
  });

  it(`refuses a file over ${SMALL_JSON_BYTES} bytes without parsing it`, async () => {
    writeFileSync(join(dir, 'big.json'), `"${'x'.repeat(SMALL_JSON_BYTES)}"`);
    await expect(readSmallJson(join(dir, 'big.json'))).rejects.toThrow(/bytes/);
  });

  it('refuses a directory', async () => {
    await expect(readSmallJson(dir)).rejects.toThrow(/directory/);
  });
});
