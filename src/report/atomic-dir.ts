import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Prefix of the temporary directories written beside an output directory. */
export const TEMP_PREFIX = '.arrcast-tmp-';

/**
 * Write a directory whole or not at all: `fill` writes into a fresh temporary directory beside
 * `target`, which is renamed into place only when complete. An existing `target` is replaced only
 * by a complete one; if `fill` throws, the temporary directory is removed and `target` is left as
 * it was.
 */
export async function writeDirectoryAtomically(target: string, fill: (dir: string) => Promise<void>): Promise<void> {
  const out = resolve(target);
  const parent = dirname(out);
  await mkdir(parent, { recursive: true });
  const token = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = join(parent, `${TEMP_PREFIX}${basename(out)}-${token}`);
  const old = join(parent, `${TEMP_PREFIX}${basename(out)}-old-${token}`);
  await mkdir(temp);
  try {
    await fill(temp);
    let moved = false;
    try {
      await rename(out, old);
      moved = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    try {
      await rename(temp, out);
    } catch (err) {
      if (moved) await rename(old, out);
      throw err;
    }
    if (moved) await rm(old, { recursive: true, force: true });
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err;
  }
}
