import { Piscina } from 'piscina';
import { LOADED_KEY, loadedCounter, whenLoaded } from './worker-loaded.js';
import { sourceWorkerUrl } from './source-worker.js';

/**
 * A piscina pool running `worker.ts`/`worker.js`. From compiled code (dist/) it loads worker.js;
 * when this module runs from TypeScript source (tests), a bundle of worker.ts (source-worker.ts), or
 * worker.ts itself through tsx when no bundle can be made.
 */
export function createWorkerPool(threads: number, options: { readonly keepAlive?: boolean } = {}): Piscina {
  const fromSource = import.meta.url.endsWith('.ts');
  const bundle = fromSource ? sourceWorkerUrl(new URL('./worker.ts', import.meta.url)) : undefined;
  const throughTsx = fromSource && bundle === undefined;
  // '../engine/worker.js' holds both from dist/engine/ and from the CLI's bundle (dist/cli/main.bundle.cjs, whose import.meta is dist/cli/main.js's: scripts/bundle.mjs).
  const filename = bundle ?? new URL(fromSource ? './worker.ts' : '../engine/worker.js', import.meta.url).href;
  const loaded = loadedCounter();
  const pool = new Piscina({
    filename,
    workerData: { [LOADED_KEY]: loaded },
    minThreads: threads,
    maxThreads: threads,
    // Each worker has one chunk at a time, so a slow chunk never holds another behind it.
    concurrentTasksPerWorker: 1,
    // An engine's pool keeps its threads between runs; a run's own pool is destroyed with it anyway.
    idleTimeout: options.keepAlive ? 2 ** 31 - 1 : 1000,
    // tsx as resolved from here, not from the working directory (a test run from a temporary folder
    // could not find it, and its threads never loaded).
    execArgv: throughTsx ? ['--import', import.meta.resolve('tsx')] : [],
    // A young generation of 3 MB (semi-spaces of 1 MB): each thread holds about 5 MB less than with 8
    // (bench/RESULTS.md, 2026-12-06: about 10 MB less at the peak of 100,000 trials, CPU within 2%;
    // 2 MB cost 4% of CPU).
    resourceLimits: { maxYoungGenerationSizeMb: 3 },
  });
  // Piscina emits 'error' for what belongs to no task: above all the answer of a worker whose task
  // was cancelled because another chunk failed first ("Unexpected message from Worker"), which
  // arrives after the cancellation. Every task's own failure rejects its run() promise, which the
  // run reports; without a listener, this event would crash the process with a stack trace.
  pool.on('error', () => undefined);
  failWhenEmpty(pool);
  LOADED.set(pool, loaded);
  return pool;
}

/** A watched pool's state: whether it has lost its last thread, the error that killed it, and who waits on it. */
interface EmptyWatch {
  emptied: boolean;
  error: unknown;
  readonly waiting: Set<(err: unknown) => void>;
}

/** Each watched pool's EmptyWatch (failWhenEmpty). */
const WATCHED = new WeakMap<Piscina, EmptyWatch>();

/**
 * Watch `pool` for losing its last thread. Piscina does not replace a thread that died while
 * starting (a real memory limit hit while loading the module, for one), and a thread that died then
 * held no task: nothing rejects the tasks still queued, and a run waiting for them hung, or exited
 * silently with code 13 once nothing else kept the process alive (bench/real-faults.sh). So once the
 * pool has no thread, every task waited on through untilPoolEmptied rejects with the error that
 * killed the last one (piscina's 'error' event, for a thread with no task).
 */
export function failWhenEmpty(pool: Piscina): void {
  const watch: EmptyWatch = { emptied: false, error: undefined, waiting: new Set() };
  pool.on('error', (err: unknown) => {
    watch.error = err;
  });
  // Emitted while piscina removes the thread: it is gone from pool.threads, its replacement (if any)
  // started and the 'error' event emitted only once the current call has returned, hence the microtask.
  pool.on('workerDestroy', () => {
    queueMicrotask(() => {
      if (watch.emptied || pool.threads.length > 0) return;
      watch.emptied = true;
      watch.error ??= new Error('every worker thread exited');
      for (const fail of [...watch.waiting]) fail(watch.error);
    });
  });
  WATCHED.set(pool, watch);
}

/**
 * `task` (a run on `pool`), or its rejection with the error that killed the pool's last thread once
 * it has none (failWhenEmpty; at once when it has none already). Nothing outlives the call: its
 * waiter is removed when the task settles, so a warm pool running chunk after chunk holds no
 * reaction (and no result) of a chunk that is done. A pool not watched gives `task` itself.
 */
export function untilPoolEmptied<T>(pool: Piscina, task: Promise<T>): Promise<T> {
  const watch = WATCHED.get(pool);
  if (!watch) return task;
  if (watch.emptied) {
    task.catch(() => undefined);
    return Promise.reject(watch.error);
  }
  return new Promise<T>((resolve, reject) => {
    const fail = (err: unknown): void => {
      watch.waiting.delete(fail);
      reject(err);
    };
    watch.waiting.add(fail);
    task.then(
      (value) => {
        watch.waiting.delete(fail);
        resolve(value);
      },
      (err: unknown) => {
        watch.waiting.delete(fail);
        reject(err);
      },
    );
  });
}

/** How many runs wait on `pool` through untilPoolEmptied (0 once they have settled). */
export function waitingOnPool(pool: Piscina): number {
  return WATCHED.get(pool)?.waiting.size ?? 0;
}

/** Each pool's counter of loaded threads (worker-loaded.ts). */
const LOADED = new WeakMap<Piscina, Int32Array>();

/**
 * Whether `err`, the failure of a task on `pool`, is the threads' failure to start rather than a
 * chunk's: no thread of the pool has ever loaded its module (a chunk runs only on a thread that has),
 * whatever the error (Node's ERR_WORKER_INIT_FAILED, 'Worker initialization failure: EMFILE', or a
 * module that threw while loading). Once a thread has loaded (chunks ran: a warm engine's pool), a
 * replacement thread that cannot start fails the chunk it was to run, named as a chunk's failure. A
 * pool not made by createWorkerPool (no counter) is judged by the error's code alone.
 */
export function isThreadStartFailure(pool: Piscina, err: unknown): boolean {
  const counter = LOADED.get(pool);
  if (counter !== undefined) return Atomics.load(counter, 0) === 0;
  return (err as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_INIT_FAILED';
}

/** Longest wait for threads still loading before a pool is destroyed anyway (one that failed to load never counts). */
const LOAD_WAIT_MS = 15_000;

/**
 * Destroy a pool made by createWorkerPool, after its threads have loaded their module (see
 * worker-loaded.ts: terminating a thread mid-load aborts the process on Node 20).
 */
export async function destroyWorkerPool(pool: Piscina): Promise<void> {
  await whenPoolLoaded(pool);
  await pool.destroy();
}

/**
 * Resolves once every thread a pool made by createWorkerPool has now has loaded its module (looked at
 * by thread id until then: a replacement for a thread that exited or was terminated may still be
 * loading), or after LOAD_WAIT_MS. Terminate threads (destroy, or cancel a running task) only then.
 */
export async function whenPoolLoaded(pool: Piscina): Promise<void> {
  const counter = LOADED.get(pool);
  if (counter) await whenLoaded(counter, () => pool.threads.map((w) => w.threadId), LOAD_WAIT_MS);
}
