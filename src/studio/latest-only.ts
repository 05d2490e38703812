/**
 * One piece of work of a kind at a time: starting another cancels the one before, so a page that
 * asks faster than the engine answers (slider drags, repeated downloads) queues nothing behind it.
 * Work of the same `group` (the two passes of one page state: the full answer resumes from the
 * first) runs side by side; work of another group cancels all of it.
 *
 * @example const answers = new LatestOnly(); const signal = answers.start(requestGone, stateKey);
 */
export class LatestOnly {
  private current: AbortController | undefined;
  private group: string | undefined;

  /** A signal that aborts when a `start` of another group (or of no group) or a `cancel` comes, or when `also` aborts. */
  start(also: AbortSignal, group?: string): AbortSignal {
    if (group === undefined || group !== this.group || !this.current || this.current.signal.aborted) {
      this.current?.abort();
      this.current = new AbortController();
      this.group = group;
    }
    return AbortSignal.any([this.current.signal, also]);
  }

  cancel(): void {
    this.current?.abort();
  }
}
