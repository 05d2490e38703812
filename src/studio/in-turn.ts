import { untilAborted } from './cancellation.js';

/**
 * Work of one kind run a piece at a time, in the order asked, none cancelled by the next: each
 * piece starts once the one before it has ended, however that ended. The studio's saves are so:
 * each runs the full answer of its state (forty saves of other states at once held about 2 GB of the
 * studio's memory), and a newer save must not cancel an older one that the planner asked for. A
 * piece whose `signal` aborts while it waits comes back aborted at once and never starts.
 *
 * @example const saves = new InTurn(); const file = await saves.run(() => save(state), requestGone);
 */
export class InTurn {
  private last: Promise<unknown> = Promise.resolve();
  private queued = 0;

  /** Pieces asked for that have not started (nor been aborted): a caller may refuse more beyond a bound. */
  get waiting(): number {
    return this.queued;
  }

  run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    this.queued++;
    let counted = true;
    const leave = () => {
      if (counted) this.queued--;
      counted = false;
    };
    signal?.addEventListener('abort', leave, { once: true });
    const mine = this.last.then(() => {
      leave();
      signal?.removeEventListener('abort', leave);
      signal?.throwIfAborted();
      return work();
    });
    this.last = mine.catch(() => undefined);
    return untilAborted(mine, signal);
  }
}
