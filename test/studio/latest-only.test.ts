import { describe, expect, it } from 'vitest';
import { LatestOnly } from '../../src/studio/latest-only.js';

const live = () => new AbortController().signal;

describe('LatestOnly', () => {
  it('a start of another group cancels the work before; one of the same group runs beside it', () => {
    const answers = new LatestOnly();
    const a = answers.start(live(), 'x');
    const b = answers.start(live(), 'x');
    expect([a.aborted, b.aborted]).toEqual([false, false]);
    const c = answers.start(live(), 'y');
    expect([a.aborted, b.aborted, c.aborted]).toEqual([true, true, false]);
  });

  it('a request whose asker has already gone comes back aborted and cancels nothing', () => {
    const answers = new LatestOnly();
    const current = answers.start(live(), 'x');
    const goneAsker = new AbortController();
    goneAsker.abort();
    expect(answers.start(goneAsker.signal, 'y').aborted).toBe(true);
    expect(current.aborted).toBe(false);
  });

  it("a page's older change comes back aborted and cancels nothing; its same or later change, and another page's, go on as usual", () => {
    const answers = new LatestOnly();
    const current = answers.start(live(), 'x', { page: 'p', change: 5 });
    expect(answers.start(live(), 'w', { page: 'p', change: 4 }).aborted).toBe(true);
    expect(current.aborted).toBe(false);
    expect(answers.start(live(), 'x', { page: 'p', change: 5 }).aborted).toBe(false);
    const other = answers.start(live(), 'z', { page: 'q', change: 1 });
    expect([current.aborted, other.aborted]).toEqual([true, false]);
  });

  it('remembers 32 pages: the longest unheard-of is forgotten first', () => {
    const answers = new LatestOnly();
    for (let page = 0; page <= 32; page++) answers.start(live(), `g${page}`, { page: `p${page}`, change: 10 });
    // p0 was forgotten (33 pages heard of), so its older change is no longer known to be older.
    expect(answers.start(live(), 'a', { page: 'p0', change: 1 }).aborted).toBe(false);
    expect(answers.start(live(), 'b', { page: 'p32', change: 1 }).aborted).toBe(true);
  });
});
