#!/usr/bin/env node
// Makes the V8 code caches of dist/'s script bundles (scripts/bundle.mjs; read by
// src/engine/script-bundle.ts), at build time only: each bundle is compiled without a cache, run on
// a small representative piece of work, then V8 is asked for its code (script.createCachedData after
// the run holds the functions the run compiled, not only those compiled at load):
// - the worker's (dist/engine/worker.bundle.cjs): 3 chunks of scenarios/example.yaml, in this thread;
// - the command line's and the charts' (dist/cli/main.bundle.cjs, dist/cli/vendor/charts.bundle.cjs):
//   `arrcast run scenarios/example.yaml --trials 2000` with its default outputs, in a temporary folder.
// Each cache is written whole (a temporary file, renamed) or not at all.
//
// The caches are optional (a bundle runs as well without one, only its start costs more): when they
// cannot be made (no scenarios/example.yaml, no writable temporary folder, a failed run), this says
// so in one line and ends with exit code 0, leaving no cache at all: the caches and temporaries of an
// earlier or interrupted build are removed first, and those made before the failure after it.
import { mkdtempSync, readdirSync, renameSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/', import.meta.url);
const example = new URL('../scenarios/example.yaml', import.meta.url);
/** The folders of the bundles, and the names of their caches and of the caches' temporaries (FILE.cache.PID.tmp). */
const BUNDLE_FOLDERS = ['cli', 'cli/vendor', 'engine'];
const CACHE_OR_TEMPORARY = /\.bundle\.cjs\.cache(\.\d+\.tmp)?$/;

/** Removes every code cache in dist/ and every temporary one (of a build interrupted while writing it). */
function removeCaches() {
  for (const folder of BUNDLE_FOLDERS) {
    const path = fileURLToPath(new URL(`${folder}/`, dist));
    let names;
    try {
      names = readdirSync(path);
    } catch {
      continue;
    }
    for (const name of names) if (CACHE_OR_TEMPORARY.test(name)) rmSync(join(path, name), { force: true });
  }
}

removeCaches();
try {
  await makeCaches();
} catch (err) {
  removeCaches();
  process.exitCode = 0;
  const reason = String(err instanceof Error ? err.message : err).split('\n')[0];
  process.stderr.write(`code cache: not made (${reason}); the bundles run without it (their start costs more CPU)\n`);
}

async function makeCaches() {
  const { runScriptBundle, codeCacheFile, CODE_CACHE_SUFFIX } = await import(new URL('engine/script-bundle.js', dist).href);
  const { loadScenario } = await import(new URL('scenario/load.js', dist).href);
  const { planLoaded } = await import(new URL('engine/simulate.js', dist).href);
  const { allocateChunkBuffers } = await import(new URL('model/simulate-chunk.js', dist).href);
  const { planSumTables } = await import(new URL('model/plan-sum-tables.js', dist).href);
  const { TableHandoff } = await import(new URL('engine/table-handoff.js', dist).href);

  const compiled = new Map();
  const options = { useCache: false, onCompiled: (path, script) => compiled.set(path, script) };
  /** import.meta of the ES module in dist/ that runs a bundle (what it sees when run by it). */
  const metaOf = (module) => ({ url: new URL(module, dist).href, resolve: (specifier) => import.meta.resolve(specifier) });

  function writeCaches() {
    for (const [path, script] of compiled) {
      const temp = `${path}${CODE_CACHE_SUFFIX}.${process.pid}.tmp`;
      writeFileSync(temp, codeCacheFile(readFileSync(path), script.createCachedData()));
      renameSync(temp, `${path}${CODE_CACHE_SUFFIX}`);
    }
    compiled.clear();
  }

  // The command line's run writes in a temporary folder: made first, so that without one nothing runs.
  const out = mkdtempSync(join(tmpdir(), 'arrcast-code-cache-'));
  try {
    // The worker, as a pool's thread runs it: tables given by the main thread, chunks of the example.
    const runChunk = runScriptBundle(new URL('engine/worker.bundle.cjs', dist), metaOf('engine/worker.js'), options).default;
    const loaded = await loadScenario(fileURLToPath(example));
    const plan = planLoaded(loaded);
    const tables = new TableHandoff(planSumTables(plan), 1);
    for (let chunk = 0; chunk < 3; chunk++)
      runChunk({ scenario: loaded.scenario, files: loaded.files, hash: loaded.hash, seed: '1', chunk, trials: 1000, buffers: allocateChunkBuffers(plan, true), ...tables.forTask() });
    writeCaches();

    // The command line, charts included.
    process.argv = [process.execPath, new URL('cli/main.js', dist).pathname, 'run', fileURLToPath(example), '--trials', '2000', '--out', join(out, 'report'), '--quiet', '--no-progress'];
    // The run's own words ("wrote ... in 2.1 s") are shown only if it fails.
    const said = [];
    const write = process.stderr.write;
    process.stderr.write = (text) => said.push(String(text)) > 0;
    try {
      await runScriptBundle(new URL('cli/main.bundle.cjs', dist), metaOf('cli/main.js'), options).finished;
    } finally {
      process.stderr.write = write;
    }
    if (process.exitCode !== 0) throw new Error(`the run made for it failed (exit code ${process.exitCode}): ${said.join('').trim().replace(/\s*\n\s*/g, '; ')}`);
    writeCaches();
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
