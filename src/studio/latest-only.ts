/**
 * One piece of work of a kind at a time: starting another cancels the one before, so a page that
 * asks faster than the engine answers (slider drags, repeated downloads) queues nothing behind it.
 *
 * @example const answers = new LatestOnly(); const signal = answers.start(requestGone);
 */
export class LatestOnly {
  private current: AbortController | undefined;

  /** A signal that aborts when the next `start` or `cancel` comes, or when `also` aborts. */
  start(also: AbortSignal): AbortSignal {
    this.current?.abort();
    const mine = new AbortController();
    this.current = mine;
    return AbortSignal.any([mine.signal, also]);
  }

  cancel(): void {
    this.current?.abort();
  }
}
