import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';

/**
 * Runs one of dist/'s script bundles (scripts/bundle.mjs: the command line, dist/cli/main.bundle.cjs;
 * the worker, dist/engine/worker.bundle.cjs; vega and vega-lite, dist/cli/vendor/charts.bundle.cjs)
 * with the V8 code cache the build made for it, beside it (FILE.cache, by scripts/code-cache.mjs
 * after a small run): V8 then neither parses nor compiles the functions the cache holds. Why a
 * script: Node 20 has no code cache for ES modules (module.enableCompileCache is Node 22's), but a
 * vm.Script takes V8's cachedData (bench/RESULTS.md, 2026-12-07, spd24).
 *
 * The cache is only read, never written, at run time. One that is not this bundle's (another
 * build's, a damaged or cut file: its checksum; another V8 or other V8 flags: V8 rejects it) is
 * ignored: the bundle is compiled as if there were none, with no message.
 */
export function runScriptBundle(file: URL, importMeta: BundleImportMeta, options: ScriptBundleOptions = {}): Record<string, unknown> {
  const path = fileURLToPath(file);
  const source = readFileSync(path);
  const cachedData = options.useCache === false ? undefined : codeCacheData(source, readOrNothing(`${path}${CODE_CACHE_SUFFIX}`));
  const script = new Script(scriptText(source), { filename: path, cachedData });
  options.onCompiled?.(path, script);
  const module = { exports: {} as Record<string, unknown> };
  const loadSibling = (relative: string) => runScriptBundle(new URL(relative, file), importMeta, options);
  (script.runInThisContext() as BundleFunction).call(undefined, module.exports, createRequire(path), module, path, dirname(path), importMeta, loadSibling);
  return module.exports;
}

/** What a script bundle sees as `import.meta` (esbuild's define): the ES module's that runs it, dist/cli/main.js or dist/engine/worker.js. */
export interface BundleImportMeta {
  readonly url: string;
  resolve(specifier: string): string;
}

export interface ScriptBundleOptions {
  /** False: compile without the cache (scripts/code-cache.mjs, which makes it). */
  readonly useCache?: boolean;
  /** Called with each script compiled, this bundle's and those it loads (scripts/code-cache.mjs). */
  readonly onCompiled?: (path: string, script: Script) => void;
}

/** A bundle's names for what its loader gives it: CommonJS's, then import.meta and the loader of a sibling bundle (scripts/bundle.mjs defines them). */
export const BUNDLE_PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname', '__arrcastImportMeta', '__arrcastScriptBundle'] as const;

/**
 * What V8 compiles for a bundle: a function of BUNDLE_PARAMETERS, which runScriptBundle calls. Its
 * head is on the bundle's first line, so that line numbers (stack traces) stay the file's; 'use
 * strict' as the sources are ES modules, strict, and esbuild's CommonJS form does not say so.
 */
export function scriptText(source: Uint8Array): string {
  return `(function (${BUNDLE_PARAMETERS.join(', ')}) {'use strict';${Buffer.from(source.buffer, source.byteOffset, source.byteLength).toString('utf8')}\n})`;
}

export const CODE_CACHE_SUFFIX = '.cache';

/**
 * A code cache file: MAGIC, then the CRC-32 of the bundle's bytes followed by V8's data (4 bytes,
 * big-endian), then V8's data. V8 checks its data's version and flags and the source's length, not
 * its content nor the data's own integrity (a damaged one aborts the process), hence the checksum.
 */
export function codeCacheFile(source: Uint8Array, data: Uint8Array): Buffer {
  const header = Buffer.alloc(MAGIC.length + 4);
  MAGIC.copy(header);
  header.writeUInt32BE(checksum(source, data)!, MAGIC.length);
  return Buffer.concat([header, data]);
}

/** V8's data in a code cache `file` made for `source`, or undefined when it is not (or there is no file, or no zlib.crc32: Node before 20.15). */
export function codeCacheData(source: Uint8Array, file: Buffer | undefined): Buffer | undefined {
  if (file === undefined || file.length <= MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const data = file.subarray(MAGIC.length + 4);
  const sum = checksum(source, data);
  return sum !== undefined && sum === file.readUInt32BE(MAGIC.length) ? data : undefined;
}

const MAGIC = Buffer.from('arrcast code cache 1\n');

type BundleFunction = (this: undefined, ...args: unknown[]) => void;

function checksum(source: Uint8Array, data: Uint8Array): number | undefined {
  const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  return crc32 && crc32(data, crc32(source));
}

function readOrNothing(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
