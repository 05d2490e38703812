/**
 * Where a request stands among one page's changes: the page's own id (random, made when it loads) and
 * the number of the change it asks about (counting up on that page).
 */
export interface ChangeOrder {
  readonly page: string;
  readonly change: number;
}

/** Pages whose latest change number is remembered; the longest unheard-of is forgotten first. */
const PAGES_REMEMBERED = 32;

/**
 * One piece of work of a kind at a time: starting another cancels the one before, so a page that
 * asks faster than the engine answers (slider drags, repeated downloads) queues nothing behind it.
 * Work of the same `group` (the two passes of one page state: the full answer resumes from the
 * first) runs side by side; work of another group cancels all of it.
 *
 * A request carrying its page's `order` that is older than a change the same page has already asked
 * about is refused (its signal comes back aborted) and cancels nothing: a superseded request that
 * reaches the server late (its connection raced the newer one's; the page had already dropped it)
 * must not cancel the answer the page is waiting for.
 *
 * @example const answers = new LatestOnly(); const signal = answers.start(requestGone, stateKey, { page, change });
 */
export class LatestOnly {
  private current: AbortController | undefined;
  private group: string | undefined;
  private readonly latestChange = new Map<string, number>();

  /**
   * A signal that aborts when a `start` of another group (or of no group) or a `cancel` comes, or when
   * `also` aborts; already aborted, cancelling nothing, when `also` is or `order` is older than its
   * page's latest change.
   */
  start(also: AbortSignal, group?: string, order?: ChangeOrder): AbortSignal {
    // A request whose asker has already gone (its connection closed before it was read) cancels nothing.
    if (also.aborted) return also;
    if (order && this.superseded(order)) return AbortSignal.abort(new DOMException('superseded by a later change of the same page', 'AbortError'));
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

  /** Whether the page has asked about a later change; otherwise `order` becomes its latest. */
  private superseded(order: ChangeOrder): boolean {
    const latest = this.latestChange.get(order.page);
    if (latest !== undefined && order.change < latest) return true;
    this.latestChange.delete(order.page);
    this.latestChange.set(order.page, order.change);
    if (this.latestChange.size > PAGES_REMEMBERED) this.latestChange.delete(this.latestChange.keys().next().value!);
    return false;
  }
}
