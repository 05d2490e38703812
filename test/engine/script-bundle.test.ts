import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { CODE_CACHE_SUFFIX, codeCacheData, codeCacheFile, runScriptBundle, scriptText } from '../../src/engine/script-bundle.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * dist/'s bundles are scripts run with V8's code cache made by the build (src/engine/script-bundle.ts,
 * scripts/code-cache.mjs). A cache that is not the bundle's (damaged, cut, another build's, another
 * V8's) must be ignored, silently: V8 checks neither its data's integrity nor the source's content,
 * and a damaged one aborts the process (seen: "Fatal error ... unreachable code" in its deserializer).
 */
const dir = mkdtempSync(join(tmpdir(), 'arrcast-script-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A bundle as esbuild writes them: CommonJS's names, import.meta by define, a sibling bundle by the loader.
const BUNDLE = `var helper = require('node:path');
function twice(x) { return 2 * x; }
function fails() { throw new Error('from line 3'); }
module.exports = { answer: twice(21), joined: helper.join('a', 'b'), url: __arrcastImportMeta.url, sibling: () => __arrcastScriptBundle('./sibling.cjs').name, fails, sloppy: () => { undeclaredName = 1; } };
`;
writeFileSync(join(dir, 'sibling.cjs'), "module.exports = { name: 'sibling' };\n");
const meta = { url: 'file:///somewhere/cli/main.js', resolve: (s: string) => s };

/**
 * The test bundle, written as dir/NAME.cjs, its text made its own by a last comment: V8 takes a
 * source this isolate compiled before from its own compilation cache, without looking at cachedData.
 */
function writeBundle(name: string): string {
  const path = join(dir, `${name}.cjs`);
  writeFileSync(path, `${BUNDLE}// ${name}\n`);
  return path;
}

/** V8's data for bundle `path` as made by another process (with V8 `flags`): this isolate has not compiled it. */
function dataFromAnotherProcess(path: string, flags: readonly string[] = []): Buffer {
  writeFileSync(`${path}.text`, scriptText(readFileSync(path)));
  const code = `const { Script } = require('node:vm'); const fs = require('node:fs');
    fs.writeFileSync(process.argv[1] + '.data', new Script(fs.readFileSync(process.argv[1] + '.text', 'utf8'), { filename: process.argv[1] }).createCachedData());`;
  const r = spawnSync(process.execPath, [...flags, '-e', code, path], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(`${path}.data`);
}

/** Runs bundle `path`, and says whether V8 took a cache for it: true, false (rejected), undefined (none given). */
function runBundle(path: string) {
  let accepted: boolean | undefined;
  const exports = runScriptBundle(pathToFileURL(path), meta, {
    onCompiled: (compiled, script) => {
      if (compiled === path) accepted = script.cachedDataRejected === undefined ? undefined : !script.cachedDataRejected;
    },
  });
  return { exports, accepted };
}

function expectSameRun(exports: Record<string, unknown>) {
  expect(exports.answer).toBe(42);
  expect(exports.joined).toBe(join('a', 'b'));
  expect(exports.url).toBe(meta.url);
  expect((exports.sibling as () => string)()).toBe('sibling');
}

describe("a script bundle's code cache", () => {
  it('is read back only for the very bundle and data it was made of', () => {
    const path = writeBundle('checked');
    const source = readFileSync(path);
    const data = dataFromAnotherProcess(path);
    const file = codeCacheFile(source, data);
    expect(codeCacheData(source, file)?.equals(data)).toBe(true);
    expect(codeCacheData(source, undefined)).toBeUndefined();
    expect(codeCacheData(source, Buffer.alloc(0))).toBeUndefined();
    // Cut anywhere: in the header, or in V8's data.
    expect(codeCacheData(source, file.subarray(0, 10))).toBeUndefined();
    expect(codeCacheData(source, file.subarray(0, file.length - 1))).toBeUndefined();
    // One bit of V8's data changed.
    const flipped = Buffer.from(file);
    flipped[file.length - data.length + Math.floor(data.length / 2)]! ^= 1;
    expect(codeCacheData(source, flipped)).toBeUndefined();
    // Another build's bundle of the same length (V8 itself would take the cache: it checks the length).
    const other = Buffer.from(source.toString().replace('2 * x', '3 * x'));
    expect(other.length).toBe(source.length);
    expect(codeCacheData(other, file)).toBeUndefined();
    // Not a code cache at all.
    expect(codeCacheData(source, Buffer.concat([Buffer.from('not ours\n'), data]))).toBeUndefined();
  });

  it("is given to V8, which takes it, when it is the bundle's own; the bundle runs as without it", () => {
    const path = writeBundle('own');
    writeFileSync(`${path}${CODE_CACHE_SUFFIX}`, codeCacheFile(readFileSync(path), dataFromAnotherProcess(path)));
    const { exports, accepted } = runBundle(path);
    expect(accepted).toBe(true);
    expectSameRun(exports);
  });

  it('damaged, cut, of another build, or missing, is not given to V8: the bundle runs the same', () => {
    for (const [name, fileFor] of [
      ['damaged', (good: Buffer) => good.map((byte, i) => (i >= 40 && i % 7 === 0 ? byte ^ 0x5a : byte))],
      ['cut', (good: Buffer) => good.subarray(0, good.length >> 1)],
      ['other-build', (good: Buffer, data: Buffer, path: string) => codeCacheFile(Buffer.from(readFileSync(path, 'utf8').replace('2 * x', '3 * x')), data)],
      ['missing', undefined],
    ] as const) {
      const path = writeBundle(name);
      if (fileFor) {
        const data = dataFromAnotherProcess(path);
        writeFileSync(`${path}${CODE_CACHE_SUFFIX}`, fileFor(codeCacheFile(readFileSync(path), data), data, path));
      }
      const { exports, accepted } = runBundle(path);
      expect(accepted, name).toBeUndefined();
      expectSameRun(exports);
    }
  });

  it('made by another V8 or with other V8 flags, is rejected by V8 and the bundle compiled as without it', () => {
    const path = writeBundle('other-flags');
    writeFileSync(`${path}${CODE_CACHE_SUFFIX}`, codeCacheFile(readFileSync(path), dataFromAnotherProcess(path, ['--no-lazy'])));
    const { exports, accepted } = runBundle(path);
    expect(accepted).toBe(false);
    expectSameRun(exports);
  });

  it("keeps the bundle's line numbers in stack traces, and its strict mode (the sources are ES modules)", () => {
    const path = writeBundle('stack');
    const { exports } = runBundle(path);
    let stack = '';
    try {
      (exports.fails as () => void)();
    } catch (err) {
      stack = (err as Error).stack ?? '';
    }
    expect(stack).toContain('from line 3');
    expect(stack).toContain(`${path}:3:`);
    expect(() => (exports.sloppy as () => void)()).toThrow(ReferenceError);
  });
});

describe("the build's code caches (npm run build)", () => {
  const BUNDLES = ['dist/cli/main.bundle.cjs', 'dist/engine/worker.bundle.cjs', 'dist/cli/vendor/charts.bundle.cjs'];

  it('are each its bundle own, taken by this Node, and made after a run (more code than a bundle just compiled)', () => {
    for (const name of BUNDLES) {
      const path = join(ROOT, name);
      const source = readFileSync(path);
      const data = codeCacheData(source, readFileSync(`${path}${CODE_CACHE_SUFFIX}`));
      expect(data, name).toBeDefined();
      const script = new Script(scriptText(source), { filename: path, cachedData: data });
      expect(script.cachedDataRejected, name).toBe(false);
      // A cache made at compile time holds little but the top level; the build's, the functions its run called too.
      // (Another text, so that V8 compiles it anew rather than take it from this isolate's compilation cache.)
      const compiledOnly = new Script(`${scriptText(source)}//`, { filename: path }).createCachedData().length;
      expect(data!.length, name).toBeGreaterThan(2 * compiledOnly);
    }
  });

  it('damaged, leave a run (workers and charts) and its outputs as they were, with no message', () => {
    // The bin's files and the bundles, copied beside links to the clone's node_modules and package.json (ES modules).
    const copy = join(dir, 'copy');
    const files = ['dist/cli/main.js', 'dist/engine/worker.js', 'dist/engine/script-bundle.js', ...BUNDLES.flatMap((b) => [b, `${b}${CODE_CACHE_SUFFIX}`])];
    for (const file of files) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      copyFileSync(join(ROOT, file), join(copy, file));
    }
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    symlinkSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    for (const b of BUNDLES) {
      const cache = readFileSync(join(copy, `${b}${CODE_CACHE_SUFFIX}`));
      for (let i = 100; i < cache.length; i += 997) cache[i]! ^= 0x5a;
      writeFileSync(join(copy, `${b}${CODE_CACHE_SUFFIX}`), cache);
    }
    const scenario = join(ROOT, 'test/fixtures/minimal.yaml');
    const run = (root: string, out: string) =>
      spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), 'run', scenario, '--trials', '600', '--workers', '2', '--out', join(dir, out), '--quiet', '--no-progress'], { encoding: 'utf8' });
    const damaged = run(copy, 'damaged');
    expect(damaged.status, damaged.stderr).toBe(0);
    const intact = run(ROOT, 'intact');
    expect(intact.status, intact.stderr).toBe(0);
    // Nothing but the last line, "wrote OUT/ in T s".
    const wrote = (stderr: string, out: string) => stderr.replace(/ in [0-9.]+ s\n$/, '').replace(join(dir, out), 'OUT');
    expect(wrote(damaged.stderr, 'damaged')).toBe(wrote(intact.stderr, 'intact'));
    expect(wrote(intact.stderr, 'intact')).toBe('wrote OUT/');
    expect(damaged.stdout).toBe(intact.stdout);
    const written = readdirSync(join(dir, 'intact', 'charts')).sort();
    expect(written.some((f) => f.endsWith('.svg'))).toBe(true);
    expect(readdirSync(join(dir, 'damaged', 'charts')).sort()).toEqual(written);
    for (const f of ['summary.json', 'percentiles.csv', ...written.map((w) => `charts/${w}`)])
      expect(readFileSync(join(dir, 'damaged', f)).equals(readFileSync(join(dir, 'intact', f))), f).toBe(true);
  });
});

describe("the build's cache step (scripts/code-cache.mjs), when it cannot make the caches", () => {
  it('ends with exit code 0 and one line of warning, leaving no cache: none of an earlier build, no temporary one', () => {
    // A copy of the built tree without scenarios/example.yaml, with the caches of an earlier build and an interrupted one's temporary.
    const build = join(dir, 'build-without-example');
    cpSync(join(ROOT, 'dist'), join(build, 'dist'), { recursive: true, filter: (from) => !/\.(map|d\.ts)$/.test(from) && !from.includes('studio') });
    mkdirSync(join(build, 'scripts'));
    copyFileSync(join(ROOT, 'scripts/code-cache.mjs'), join(build, 'scripts/code-cache.mjs'));
    symlinkSync(join(ROOT, 'node_modules'), join(build, 'node_modules'));
    symlinkSync(join(ROOT, 'package.json'), join(build, 'package.json'));
    const stale = ['dist/cli/main.bundle.cjs.cache', 'dist/cli/vendor/charts.bundle.cjs.cache', 'dist/engine/worker.bundle.cjs.cache.4242.tmp'];
    for (const file of stale) writeFileSync(join(build, file), 'an earlier build');
    const temp = join(dir, 'build-temp');
    mkdirSync(temp);
    const r = spawnSync(process.execPath, [join(build, 'scripts/code-cache.mjs')], { encoding: 'utf8', env: { ...process.env, TMPDIR: temp } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^code cache: not made \([^\n]*example\.yaml[^\n]*\)[^\n]*\n$/);
    const caches = ['dist/cli', 'dist/cli/vendor', 'dist/engine'].flatMap((f) => readdirSync(join(build, f)).filter((n) => n.includes('.cache')));
    expect(caches).toEqual([]);
    // Its run's temporary folder is gone too.
    expect(readdirSync(temp)).toEqual([]);
  });
});
