import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunAbortedError } from '../../src/engine/errors.js';
import type { StudioSession } from '../../src/studio/session.js';
import { startStudioServer, type StudioServer } from '../../src/studio/server.js';
import { requester } from './studio-fixture.js';

/** A call the stand-in session holds until the test ends it: aborted by its signal, or given an answer. */
interface Held {
  readonly kind: 'answer' | 'report';
  readonly signal: AbortSignal;
  finish(value: unknown): void;
}
const held: Held[] = [];
const waiting: Array<() => void> = [];
/** Resolves once the session has been asked `n` times in all. */
const asked = (n: number) => new Promise<void>((resolve) => (held.length >= n ? resolve() : waiting.push(() => held.length >= n && resolve())));
const hold = (kind: Held['kind'], signal: AbortSignal) =>
  new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => reject(new RunAbortedError()), { once: true });
    held.push({ kind, signal, finish: resolve });
    for (const w of waiting) w();
  });

/** The server over a session that answers only when told: which work is cancelled is then certain. */
const session = {
  scenario: { base: 'plan.yaml', dir: '/nonexistent', loaded: { scenario: { name: 'stand-in', currency: 'USD' } }, controls: {} },
  fullTrials: 10,
  firstTrials: 5,
  seed: '1',
  confidence: 0.8,
  answerOnData: (_state: unknown, _pass: unknown, signal: AbortSignal) => hold('answer', signal).then((answer) => ({ answer, dataEdited: false })),
  cancelOrphans: () => undefined,
  reportHtml: (_state: unknown, signal: AbortSignal) => hold('report', signal).then((v) => Buffer.from(String(v))),
} as unknown as StudioSession;

let server: StudioServer;
let ask: ReturnType<typeof requester>;
beforeAll(async () => {
  server = await startStudioServer(session, { port: 0, assetsDir: '/nonexistent' });
  ask = requester(server);
});
afterAll(async () => {
  await server?.close();
});

const STATE = { drivers: {}, market: null, confidence: 0.8 };
const OTHER = { drivers: {}, market: null, confidence: 0.9 };
const CANCELLED = { error: 'cancelled by a newer change', cancelled: true };

describe('arrcast studio: one answer and one report at a time, the newest', () => {
  it('a second report cancels the first (409), so repeated downloads queue no runs', async () => {
    const start = held.length;
    const first = ask.post('/api/report', { state: STATE });
    await asked(start + 1);
    const second = ask.post('/api/report', { state: STATE });
    await asked(start + 2);
    const a = await first;
    expect([a.status, a.json()]).toEqual([409, CANCELLED]);
    expect(held[start]!.signal.aborted).toBe(true);
    held[start + 1]!.finish('<html>report</html>');
    const b = await second;
    expect([b.status, b.body]).toEqual([200, '<html>report</html>']);
  });

  // Two tabs downloading at once: the second cancelled the first's report ("cancelled by a newer change").
  it("another page's report runs beside a page's own; the page's own newer report cancels its older", async () => {
    const start = held.length;
    const mine = ask.post('/api/report', { state: STATE, order: { page: 'r1', change: 1 } });
    await asked(start + 1);
    const theirs = ask.post('/api/report', { state: OTHER, order: { page: 'r2', change: 1 } });
    await asked(start + 2);
    expect(held.slice(start).map((h) => h.signal.aborted)).toEqual([false, false]);
    const mineAgain = ask.post('/api/report', { state: OTHER, order: { page: 'r1', change: 2 } });
    await asked(start + 3);
    expect([(await mine).status, held.slice(start).map((h) => h.signal.aborted)]).toEqual([409, [true, false, false]]);
    held[start + 1]!.finish('theirs');
    held[start + 2]!.finish('mine');
    expect([(await theirs).body, (await mineAgain).body]).toEqual(['theirs', 'mine']);
  });

  it("the two passes of one state run side by side; another state's answer cancels both", async () => {
    const start = held.length;
    const first = ask.post('/api/answer', { state: STATE, pass: 'first' });
    await asked(start + 1);
    const full = ask.post('/api/answer', { state: STATE, pass: 'full' });
    await asked(start + 2);
    expect(held.slice(start).map((h) => h.signal.aborted)).toEqual([false, false]);
    const other = ask.post('/api/answer', { state: OTHER, pass: 'first' });
    await asked(start + 3);
    expect((await first).status).toBe(409);
    expect((await full).status).toBe(409);
    expect(held.slice(start).map((h) => h.signal.aborted)).toEqual([true, true, false]);
    held[start + 2]!.finish({ trials: 5 });
    expect((await other).json()).toEqual({ pass: 'first', trials: 5, dataEdited: false });
  });

  it("a second state's answer cancels the first's; an answer does not cancel a report, nor a report an answer", async () => {
    const start = held.length;
    const report = ask.post('/api/report', { state: STATE });
    await asked(start + 1);
    const first = ask.post('/api/answer', { state: STATE, pass: 'full' });
    await asked(start + 2);
    const second = ask.post('/api/answer', { state: OTHER, pass: 'first' });
    await asked(start + 3);
    expect((await first).status).toBe(409);
    expect(held.slice(start).map((h) => [h.kind, h.signal.aborted])).toEqual([
      ['report', false],
      ['answer', true],
      ['answer', false],
    ]);
    held[start + 2]!.finish({ trials: 5 });
    held[start]!.finish('r');
    expect((await second).json()).toEqual({ pass: 'first', trials: 5, dataEdited: false });
    expect((await report).body).toBe('r');
  });

  it("a page's older change that reaches the server late is refused (409) and cancels nothing; nor does another page's change", async () => {
    const start = held.length;
    const newer = ask.post('/api/answer', { state: OTHER, pass: 'full', order: { page: 'p1', change: 7 } });
    await asked(start + 1);
    // Answered at once, or (the defect) held by the session as a new state.
    const late = await Promise.race([ask.post('/api/answer', { state: STATE, pass: 'first', order: { page: 'p1', change: 6 } }), asked(start + 2).then(() => undefined)]);
    expect([late?.status, late?.json()]).toEqual([409, CANCELLED]);
    // The late one never reached the session, and the newer change's work goes on.
    expect(held.length).toBe(start + 1);
    expect(held[start]!.signal.aborted).toBe(false);
    // The same change again (its other pass) runs beside it.
    const again = ask.post('/api/answer', { state: OTHER, pass: 'first', order: { page: 'p1', change: 7 } });
    await asked(start + 2);
    expect(held.slice(start).map((h) => h.signal.aborted)).toEqual([false, false]);
    held[start + 1]!.finish({ trials: 5 });
    expect((await again).json()).toEqual({ pass: 'first', trials: 5, dataEdited: false });
    // Another page (and a page with an earlier number of its own) is another asker: its change runs
    // beside this page's and cancels nothing (two tabs moved at once cancelled each other's answers).
    const elsewhere = ask.post('/api/answer', { state: STATE, pass: 'first', order: { page: 'p2', change: 1 } });
    await asked(start + 3);
    expect(held[start]!.signal.aborted).toBe(false);
    held[start + 2]!.finish({ trials: 5 });
    expect((await elsewhere).json()).toEqual({ pass: 'first', trials: 5, dataEdited: false });
    held[start]!.finish({ trials: 10 });
    expect((await newer).json()).toEqual({ pass: 'full', trials: 10, dataEdited: false });
  });

  it('refuses a malformed change order by its field (400)', async () => {
    for (const order of [{ page: '', change: 1 }, { page: 'p', change: -1 }, { page: 'p', change: 1.5 }, { page: 'p' }, { page: 'p', change: 1, extra: 1 }, { page: 'x'.repeat(65), change: 1 }]) {
      const r = await ask.post('/api/answer', { state: STATE, pass: 'first', order });
      expect(r.status, JSON.stringify(order)).toBe(400);
      expect((r.json() as { field: string }).field, JSON.stringify(order)).toMatch(/^order/);
    }
  });
});
