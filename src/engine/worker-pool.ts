import { Piscina } from 'piscina';

/**
 * A piscina pool running `worker.ts`/`worker.js`. From compiled code (dist/) it loads worker.js;
 * when this module runs from TypeScript source (tests), the worker is loaded through tsx.
 */
export function createWorkerPool(threads: number, options: { readonly keepAlive?: boolean } = {}): Piscina {
  const fromSource = import.meta.url.endsWith('.ts');
  const filename = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url).href;
  const pool = new Piscina({
    filename,
    minThreads: threads,
    maxThreads: threads,
    // Each worker has one chunk at a time, so a slow chunk never holds another behind it.
    concurrentTasksPerWorker: 1,
    // An engine's pool keeps its threads between runs; a run's own pool is destroyed with it anyway.
    idleTimeout: options.keepAlive ? 2 ** 31 - 1 : 1000,
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  // Piscina emits 'error' for what belongs to no task: above all the answer of a worker whose task
  // was cancelled because another chunk failed first ("Unexpected message from Worker"), which
  // arrives after the cancellation. Every task's own failure rejects its run() promise, which the
  // run reports; without a listener, this event would crash the process with a stack trace.
  pool.on('error', () => undefined);
  return pool;
}
