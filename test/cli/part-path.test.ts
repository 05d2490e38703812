import { describe, expect, it } from 'vitest';
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { partPath } from '../../src/cli/shard-commands.js';

/**
 * A shard's --out whose last part is `.` or `..` names a directory, as one ending in `/` does (the
 * rule fit and init follow: resolve-out.ts namesDirectory). Taken as text, `--shard 1/2 --out
 * parts/.` (parts new) wrote a regular file named parts, which merge then could not read as a folder.
 */
describe("a shard's --out whose last part is . or .. is a directory to write the part into", () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-part-path-')));
  const shard = { index: 0, count: 2 };
  it.each([
    ['parts/.', 'parts'],
    ['parts/sub/..', 'parts'],
    ['parts/', 'parts'],
  ])('%s, not yet made: the part goes into %s', async (out, folder) => {
    const { file, shown } = await partPath(`${dir}/${out}`, shard);
    expect(file).toBe(join(dir, folder, 'shard-1-of-2.arrcast-part'));
    expect(shown).toBe(`${dir}/${out}${out.endsWith('/') ? '' : '/'}shard-1-of-2.arrcast-part`);
  });
  it('a name without a last . or .. that does not exist is the part file itself', async () => {
    expect((await partPath(join(dir, 'mine.arrcast-part'), shard)).file).toBe(join(dir, 'mine.arrcast-part'));
  });
});
