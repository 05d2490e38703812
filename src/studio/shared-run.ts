import { untilAborted } from './cancellation.js';

/**
 * One run that several askers wait for (the first and full answers of states that differ in their
 * targets or confidence alone, a report, a save). It goes on when every asker has gone, until
 * `cancel()` (its own signal aborts): its owner cancels it when trials of another state are asked.
 * Cancelled on a timer once its askers went, it raced the page: a page that moves on drops its
 * request just before it asks for the next state, whose request needs a few ms more (its body read,
 * its state compiled) to reach the run, so a target typed while a full pass ran (the same trials)
 * could find it cancelled and run the trials again. An asker without a signal never goes.
 *
 * @example const run = new SharedRun((signal) => engine.simulate(s, { trials, signal })); await run.join(requestSignal);
 */
export class SharedRun<T> {
  readonly result: Promise<T>;
  private readonly controller = new AbortController();
  private askers = 0;
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
    signal?.addEventListener('abort', () => this.askers--, { once: true });
    return untilAborted(this.result, signal);
  }

  cancel(): void {
    this.controller.abort();
  }

  private settle(): void {
    this.settled = true;
  }
}
