/**
 * A testing hook, and nothing else: `ARRCAST_FAULT_CHUNK=<chunk>:<throw|exit>` makes the worker
 * thread that simulates chunk <chunk> fail, to test that a crashed worker stops the run cleanly.
 * `throw` throws an Error from the chunk; `exit` ends the worker thread with process.exit(3) in the
 * middle of the run. `load:throw` makes every worker thread throw while loading its module, before
 * any chunk (as a thread out of memory or out of file descriptors then dies). Only `worker.ts` reads
 * the variable, so only pooled runs (--workers 1 or more) can fail this way; an in-process run never
 * does. Unset, it costs one comparison per chunk.
 */
export interface Fault {
  /** The chunk to fail in, or 'load': while the thread loads. */
  readonly chunk: number | 'load';
  readonly mode: 'throw' | 'exit';
}

/**
 * The fault a setting asks for, if any.
 *
 * @example parseFault('3:exit') // => { chunk: 3, mode: 'exit' }
 */
export function parseFault(setting: string | undefined): Fault | undefined {
  if (setting === undefined || setting === '') return undefined;
  const m = /^(?:(\d+):(throw|exit)|load:throw)$/.exec(setting.trim());
  if (!m) throw new Error(`ARRCAST_FAULT_CHUNK must look like 3:throw, 3:exit or load:throw, not "${setting}"`);
  return m[1] === undefined ? { chunk: 'load', mode: 'throw' } : { chunk: Number(m[1]), mode: m[2] as Fault['mode'] };
}

/** Throw while the worker loads, when `fault` says so (load:throw). */
export function injectLoadFault(fault: Fault | undefined): void {
  if (fault?.chunk === 'load') throw new Error('fault injected by ARRCAST_FAULT_CHUNK while loading');
}

/** Fail as `fault` says when simulating its chunk; otherwise do nothing. */
export function injectFault(fault: Fault | undefined, chunk: number): void {
  if (fault === undefined || fault.chunk !== chunk) return;
  if (fault.mode === 'exit') process.exit(3);
  throw new Error(`fault injected by ARRCAST_FAULT_CHUNK in chunk ${chunk}`);
}
