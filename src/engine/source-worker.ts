import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NODE_BUNDLE_OPTIONS } from './bundle-options.js';

/** Bundles of the worker kept in the cache folder: the most recent, the rest removed (arrcast wrote them all). */
const KEPT = 8;
/** A bundle used within this long is never removed (another process may be starting threads from it). */
const KEEP_USED_MS = 24 * 3600 * 1000;

let bundled: string | null | undefined;

/**
 * The worker as one ES module file, for pools started while arrcast runs from its TypeScript
 * sources (the tests, tsx): esbuild, a development dependency, bundles `worker.ts` as
 * scripts/bundle.mjs bundles it for dist/, once per process, into node_modules/.cache/arrcast/,
 * under the hash of its contents (written whole, by rename; reused by every process that bundles
 * the same sources). Why: through tsx each thread compiled and loaded some 150 modules on its own,
 * about a second of CPU a thread; a bundle loads in a few tens of milliseconds. Undefined when it
 * cannot be made (no esbuild, a read-only folder): the caller then loads the sources through tsx.
 *
 * @example sourceWorkerUrl(new URL('./worker.ts', import.meta.url)) // => 'file:///.../node_modules/.cache/arrcast/worker-1f2e....mjs'
 */
export function sourceWorkerUrl(workerTs: URL): string | undefined {
  if (bundled !== undefined) return bundled ?? undefined;
  bundled = null;
  try {
    const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
    const result = esbuild.buildSync({
      ...NODE_BUNDLE_OPTIONS,
      external: [...NODE_BUNDLE_OPTIONS.external],
      entryPoints: [fileURLToPath(workerTs)],
      // Paths in the bundle's comments relative to the sources' root, not the working directory: the same sources, the same bundle and name.
      absWorkingDir: fileURLToPath(new URL('../../', workerTs)),
      write: false,
      logLevel: 'silent',
    });
    const file = cacheBundle(fileURLToPath(new URL('../../node_modules/.cache/arrcast/', workerTs)), result.outputFiles[0]!.contents);
    bundled = pathToFileURL(file).href;
  } catch {
    // No bundle: the sources load through tsx.
  }
  return bundled ?? undefined;
}

/**
 * Keep `code` in the cache folder `dir` under the hash of its contents, written whole (a temporary
 * file renamed; removed again if the write fails, so half a bundle is never left), or marked as used
 * when it is there already; prune the others. Returns the file's path; throws what the file system says.
 */
export function cacheBundle(dir: string, code: Uint8Array): string {
  const file = join(dir, `worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  mkdirSync(dir, { recursive: true });
  if (!exists(file)) {
    const temp = `${file}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, code);
      renameSync(temp, file);
    } catch (err) {
      try {
        unlinkSync(temp);
      } catch {
        // Never made, or already gone.
      }
      throw err;
    }
  } else {
    const now = new Date();
    utimesSync(file, now, now); // marked as used: pruning goes by the time of last use
  }
  prune(dir, file);
  return file;
}

function exists(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Remove the worker bundles of the cache folder beyond the KEPT most recently used, but never `keep`
 * (the one this process loads) nor one used within KEEP_USED_MS (another process may load it). A
 * file that vanishes meanwhile, or that cannot be removed, is left to others.
 */
export function prune(dir: string, keep?: string, now = Date.now()): void {
  const bundles: Array<{ name: string; time: number }> = [];
  for (const name of readdirSync(dir)) {
    if (!/^worker-[0-9a-f]{16}\.mjs$/.test(name)) continue;
    try {
      bundles.push({ name, time: statSync(join(dir, name)).mtimeMs });
    } catch {
      // Removed by another process since the listing.
    }
  }
  bundles.sort((a, b) => b.time - a.time);
  for (const { name, time } of bundles.slice(KEPT)) {
    if (join(dir, name) === keep || now - time < KEEP_USED_MS) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // Another process removed it first, or it is not ours to remove: left as it is.
    }
  }
}
