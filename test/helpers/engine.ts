import { afterAll } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/engine.js';

/**
 * One warm engine for the tests of a file that simulate on workers: its pool (from TypeScript, its
 * threads load a bundle of the worker, src/engine/source-worker.ts) starts once instead of once a run. Call
 * at the top level of a test file; the engine starts on first use and closes after the file.
 */
export function useSharedEngine(workers = 2): () => Engine {
  let engine: Engine | undefined;
  afterAll(async () => {
    await engine?.close();
  });
  return () => (engine ??= createEngine({ workers }));
}
