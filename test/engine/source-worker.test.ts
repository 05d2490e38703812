import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheBundle, prune, sourceWorkerUrl } from '../../src/engine/source-worker.js';
import { createWorkerPool, destroyWorkerPool } from '../../src/engine/worker-pool.js';
import { allocateChunkBuffers, simulateChunk } from '../../src/model/simulate-chunk.js';
import { planLoaded } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../helpers/fixtures.js';

describe('the worker bundled from the sources (pools started from TypeScript)', () => {
  it('is one ES module in node_modules/.cache/arrcast, named by the hash of its contents, the same for the whole process', () => {
    const url = sourceWorkerUrl(new URL('../../src/engine/worker.ts', import.meta.url));
    expect(url).toMatch(/\/node_modules\/\.cache\/arrcast\/worker-[0-9a-f]{16}\.mjs$/);
    expect(sourceWorkerUrl(new URL('../../src/engine/worker.ts', import.meta.url))).toBe(url);
    const code = readFileSync(fileURLToPath(url!), 'utf8');
    // piscina is never inlined (it starts its threads from its own files; worker.ts no longer imports
    // it: its answer is a plain result, posted by copy): esbuild names each inlined file in a comment.
    expect(code).not.toMatch(/node_modules\/piscina\//);
    expect(code).not.toMatch(/from "\.\.?\//); // no import of a source module left
  });

  it('simulates a chunk on a pool exactly as simulateChunk does in process', async () => {
    const loaded = await loadScenario(`${ROOT}scenarios/example.yaml`);
    const plan = planLoaded(loaded);
    const local = simulateChunk(plan, '5', 3, 200, allocateChunkBuffers(plan));
    const pool = createWorkerPool(1);
    try {
      // As a pooled run sends them: on SharedArrayBuffers, with no transfer list.
      const buffers = allocateChunkBuffers(plan, true);
      const remote = (await pool.run({ scenario: loaded.scenario, files: loaded.files, hash: loaded.hash, seed: '5', chunk: 3, trials: 200, buffers })) as typeof local;
      expect(Buffer.from(remote.wide.buffer, 0, remote.wide.byteLength).equals(Buffer.from(local.wide.buffer, 0, local.wide.byteLength))).toBe(true);
      expect(Buffer.from(remote.narrow.buffer, 0, remote.narrow.byteLength).equals(Buffer.from(local.narrow.buffer, 0, local.narrow.byteLength))).toBe(true);
      // The worker wrote into the main thread's own buffers, and its answer is views on them (no copy).
      expect(remote.wide.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(Buffer.from(buffers.wide, 0, local.wide.byteLength).equals(Buffer.from(local.wide.buffer, 0, local.wide.byteLength))).toBe(true);
      new Float64Array(buffers.wide)[0] = -1;
      expect(remote.wide[0]).toBe(-1);
    } finally {
      await destroyWorkerPool(pool);
    }
  });

  it('keeps the 8 most recently used bundles of its folder, the one it loads, and any used within a day; removes no other file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-cache-'));
    const now = Date.UTC(2026, 11, 5);
    const day = 24 * 3600;
    const names = Array.from({ length: 12 }, (_, i) => `worker-${String(i).padStart(16, '0')}.mjs`);
    names.forEach((name, i) => {
      writeFileSync(join(dir, name), '');
      // Later index, more recent: 0 to 9 used two days ago or earlier, 10 and 11 an hour ago.
      const t = i >= 10 ? now / 1000 - 3600 : now / 1000 - (12 - i) * day;
      utimesSync(join(dir, name), t, t);
    });
    writeFileSync(join(dir, 'notes.txt'), 'not a bundle');
    writeFileSync(join(dir, 'worker-123.mjs'), 'not named as a bundle');
    prune(dir, join(dir, names[0]!), now);
    // The 8 most recent (4 to 11) stay; of 0 to 3, 0 is the one loaded; 1 to 3 go.
    expect(readdirSync(dir).sort()).toEqual([names[0]!, ...names.slice(4), 'notes.txt', 'worker-123.mjs'].sort());
    // Bundles used within a day are kept even past the 8 most recent.
    const recent = mkdtempSync(join(tmpdir(), 'arrcast-cache-'));
    names.forEach((name) => writeFileSync(join(recent, name), ''));
    prune(recent, undefined, Date.now());
    expect(readdirSync(recent).sort()).toEqual([...names].sort());
  });

  it('gives the same bundle, under the same name, whatever the working directory', () => {
    const url = sourceWorkerUrl(new URL('../../src/engine/worker.ts', import.meta.url));
    const module = JSON.stringify(new URL('../../src/engine/source-worker.ts', import.meta.url).href);
    const worker = JSON.stringify(new URL('../../src/engine/worker.ts', import.meta.url).href);
    const script = `process.chdir(${JSON.stringify(tmpdir())}); const m = await import(${module}); console.log(m.sourceWorkerUrl(new URL(${worker})));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(url);
  });
});

describe('cacheBundle', () => {
  it('writes a bundle once under the hash of its contents, and leaves no temporary file when the write fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-bundle-cache-'));
    const code = new TextEncoder().encode('export const x = 1;\n');
    const file = cacheBundle(dir, code);
    expect(readFileSync(file, 'utf8')).toBe('export const x = 1;\n');
    expect(cacheBundle(dir, code)).toBe(file);
    // A folder (not empty) where the bundle goes: the rename fails, and the temporary file goes with it.
    rmSync(file);
    mkdirSync(file);
    writeFileSync(join(file, 'kept'), '');
    expect(() => cacheBundle(dir, code)).toThrow();
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(file)).toEqual(['kept']);
    rmSync(dir, { recursive: true });
  });
});
