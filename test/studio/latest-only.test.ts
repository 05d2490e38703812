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

  it("a page's older change comes back aborted and cancels nothing; its same or later change goes on as usual", () => {
    const answers = new LatestOnly();
    const current = answers.start(live(), 'x', { page: 'p', change: 5 });
    expect(answers.start(live(), 'w', { page: 'p', change: 4 }).aborted).toBe(true);
    expect(current.aborted).toBe(false);
    expect(answers.start(live(), 'x', { page: 'p', change: 5 }).aborted).toBe(false);
    const later = answers.start(live(), 'z', { page: 'p', change: 6 });
    expect([current.aborted, later.aborted]).toEqual([true, false]);
  });

  // Two tabs moved at once each cancelled the other's answer, asked again and cancelled it again,
  // until one gave up with "cancelled by a newer change" and no answer.
  it("another page's change runs beside a page's work and cancels none of it", () => {
    const answers = new LatestOnly();
    const p = answers.start(live(), 'x', { page: 'p', change: 1 });
    const q = answers.start(live(), 'y', { page: 'q', change: 1 });
    expect([p.aborted, q.aborted]).toEqual([false, false]);
    // Each page's own newer change still cancels its own work, and only its own.
    const p2 = answers.start(live(), 'x2', { page: 'p', change: 2 });
    expect([p.aborted, q.aborted, p2.aborted]).toEqual([true, false, false]);
    // Requests that name no page are one asker together: they cancel each other, not a page's work.
    const a = answers.start(live(), 'a');
    const b = answers.start(live(), 'b');
    expect([a.aborted, b.aborted, q.aborted, p2.aborted]).toEqual([true, false, false, false]);
  });

  it("runs 32 askers' work at most: a 33rd cancels the work of the one heard of longest ago", () => {
    const answers = new LatestOnly();
    const signals = Array.from({ length: 32 }, (_, page) => answers.start(live(), 'g', { page: `p${page}`, change: 1 }));
    // p0 asks again (its same state): now p1 is the one heard of longest ago.
    expect(answers.start(live(), 'g', { page: 'p0', change: 1 }).aborted).toBe(false);
    expect(signals.filter((s) => s.aborted)).toHaveLength(0);
    answers.start(live(), 'g', { page: 'p32', change: 1 });
    expect(signals.map((s, i) => (s.aborted ? i : -1)).filter((i) => i >= 0)).toEqual([1]);
  });

  it('remembers 32 pages: the longest unheard-of is forgotten first', () => {
    const answers = new LatestOnly();
    for (let page = 0; page <= 32; page++) answers.start(live(), `g${page}`, { page: `p${page}`, change: 10 });
    // p0 was forgotten (33 pages heard of), so its older change is no longer known to be older.
    expect(answers.start(live(), 'a', { page: 'p0', change: 1 }).aborted).toBe(false);
    expect(answers.start(live(), 'b', { page: 'p32', change: 1 }).aborted).toBe(true);
  });
});
