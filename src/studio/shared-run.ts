import { untilAborted } from './cancellation.js';

/**
 * How long a run no one waits for any more goes on before it is cancelled: a page that moves on
 * drops its request (and the server cancels it) just before it asks for the next state, whose
 * request needs a few ms more (its body read, its state compiled) to reach the run. A target typed
 * while a full pass ran cancelled that pass and ran the state's trials again from the start.
 */
export const ORPHAN_GRACE_MS = 200;

/**
 * One run that several askers wait for (the first and full answers of states that differ in their
 * targets or confidence alone, a report, a save): it goes on while anyone waits for it, and is
 * cancelled (its own signal aborts) only once every asker has gone, ORPHAN_GRACE_MS later, or
 * sooner by `cancel()`, unless another asker joins meanwhile. An asker without a signal never goes.
 *
 * @example const run = new SharedRun((signal) => engine.simulate(s, { trials, signal })); await run.join(requestSignal);
 */
export class SharedRun<T> {
  readonly result: Promise<T>;
  private readonly controller = new AbortController();
  private askers = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private settled = false;

  constructor(work: (signal: AbortSignal) => Promise<T>) {
    this.result = work(this.controller.signal);
    this.result.then(
      () => this.settle(),
      () => this.settle(),
    );
  }

  /** Whether it was cancelled (a new asker must start another run). */
  get cancelled(): boolean {
    return this.controller.signal.aborted;
  }

  /** Whether no one waits for it and it is still running. */
  get orphaned(): boolean {
    return this.askers === 0 && !this.settled && !this.cancelled;
  }

  /** Its result, or a RunAbortedError as soon as `signal` aborts (the run goes on while others wait). */
  join(signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return untilAborted(this.result, signal);
    this.askers++;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    signal?.addEventListener('abort', () => this.leave(), { once: true });
    return untilAborted(this.result, signal);
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.controller.abort();
  }

  private leave(): void {
    if (--this.askers > 0 || this.settled) return;
    this.timer = setTimeout(() => this.cancel(), ORPHAN_GRACE_MS);
    this.timer.unref?.();
  }

  private settle(): void {
    this.settled = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
