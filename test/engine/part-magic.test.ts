import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startsWithPartMagic } from '../../src/engine/part-file.js';

/**
 * startsWithPartMagic, the one reading of a part's first bytes (the stale part temps' sweep,
 * checkPartOutput, and fit/init's resolveOutFile and recheck). A FIFO put where a file was checked
 * (after the caller's lstat) is answered at once: opened without blocking and refused by fstat.
 * With a plain open(path, 'r') it waited forever for a writer (issue 10's class).
 */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-part-magic-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startsWithPartMagic', () => {
  it('a FIFO with no writer is not a part, answered without waiting for one', async () => {
    const fifo = join(dir, 'pipe.arrcast-part');
    execFileSync('mkfifo', [fifo]);
    expect(await startsWithPartMagic(fifo)).toBe(false);
  });

  it('a device is not a part', async () => {
    expect(await startsWithPartMagic('/dev/null')).toBe(false);
  });

  it.each([
    ['the whole magic and more', 'ARRCPART\u0001rest', true],
    ['exactly the magic', 'ARRCPART', true],
    ['the magic cut short', 'ARRCPAR', false],
    ['another text', 'name: Plan\n', false],
    ['nothing', '', false],
  ])('a regular file holding %s: %s', async (_, text, expected) => {
    const file = join(dir, 'f.yaml');
    writeFileSync(file, text, 'latin1');
    expect(await startsWithPartMagic(file)).toBe(expected);
  });

  it('a missing file throws (the caller decides what that means)', async () => {
    await expect(startsWithPartMagic(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
