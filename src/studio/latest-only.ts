/**
 * Where a request stands among one page's changes: the page's own id (random, made when it loads) and
 * the number of the change it asks about (counting up on that page).
 */
export interface ChangeOrder {
  readonly page: string;
  readonly change: number;
}

/** Pages whose latest change number, and work, are remembered; the longest unheard-of is forgotten first (its work cancelled). */
const PAGES_REMEMBERED = 32;

/** One asker's work: what cancels it, and the group it runs for. */
interface Work {
  readonly controller: AbortController;
  readonly group: string | undefined;
}

/**
 * One piece of work of a kind at a time for each asker: starting another cancels that asker's work
 * before, so a page that asks faster than the engine answers (slider drags, repeated downloads)
 * queues nothing behind it. Work of the same `group` (the two passes of one page state: the full
 * answer resumes from the first) runs side by side; work of another group cancels all of it.
 *
 * The asker is the page named in `order` (requests without one are one asker together). Another
 * page's change does not cancel a page's work: two tabs moved at once each cancelled the other's
 * answer, asked again, and cancelled it again, until one of them gave up ("cancelled by a newer
 * change", no answer). At most PAGES_REMEMBERED pages' work runs: the page heard of longest ago is
 * cancelled past that.
 *
 * A request carrying its page's `order` that is older than a change the same page has already asked
 * about is refused (its signal comes back aborted) and cancels nothing: a superseded request that
 * reaches the server late (its connection raced the newer one's; the page had already dropped it)
 * must not cancel the answer the page is waiting for.
 *
 * @example const answers = new LatestOnly(); const signal = answers.start(requestGone, stateKey, { page, change });
 */
export class LatestOnly {
  /** Each asker's work, by page ('' for requests without a page), the asker heard of latest last. */
  private readonly work = new Map<string, Work>();
  private readonly latestChange = new Map<string, number>();

  /**
   * A signal that aborts when a `start` of the same asker in another group (or of no group), a
   * `cancel`, or `also` aborts; already aborted, cancelling nothing, when `also` is or `order` is
   * older than its page's latest change.
   */
  start(also: AbortSignal, group?: string, order?: ChangeOrder): AbortSignal {
    // A request whose asker has already gone (its connection closed before it was read) cancels nothing.
    if (also.aborted) return also;
    if (order && this.superseded(order)) return AbortSignal.abort(new DOMException('superseded by a later change of the same page', 'AbortError'));
    const asker = order?.page ?? '';
    let current = this.work.get(asker);
    this.work.delete(asker);
    if (group === undefined || !current || group !== current.group || current.controller.signal.aborted) {
      current?.controller.abort();
      current = { controller: new AbortController(), group };
    }
    this.work.set(asker, current);
    if (this.work.size > PAGES_REMEMBERED) {
      const [oldest, w] = this.work.entries().next().value!;
      w.controller.abort();
      this.work.delete(oldest);
    }
    return AbortSignal.any([current.controller.signal, also]);
  }

  cancel(): void {
    for (const w of this.work.values()) w.controller.abort();
    this.work.clear();
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
