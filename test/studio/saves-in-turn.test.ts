import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunAbortedError } from '../../src/engine/errors.js';
import { InTurn } from '../../src/studio/in-turn.js';
import type { StudioSession } from '../../src/studio/session.js';
import { startStudioServer, type StudioServer } from '../../src/studio/server.js';
import { requester } from './studio-fixture.js';

/**
 * Every save runs the full answer of its state. They ran all at once: forty saves of other states
 * held about 2 GB of the studio's memory (10,000 trials of the example, 2 workers), where answers and
 * reports run one at a time (a newer one cancels the older). A save is not to be cancelled by a
 * newer one, so saves take turns.
 */

/** An answer the stand-in session holds until the test ends it. */
interface Held {
  readonly signal: AbortSignal;
  finish(): void;
}
const held: Held[] = [];
/** States the save route has compiled (scenarioOf): each save has reached its turn's queue once counted. */
let compiled = 0;
const dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-saves-'));

/** The server over a session that answers only when told: which saves run at once is then certain. */
const session = {
  scenario: {
    base: 'plan.yaml',
    dir,
    allowedRoots: [],
    loaded: { scenario: { name: 'stand-in', currency: 'USD' } },
    controls: {},
    scenarioOf: async () => {
      compiled++;
      return { overlay: {}, text: '', loaded: {} };
    },
  },
  fullTrials: 10,
  firstTrials: 5,
  seed: '1',
  confidence: 0.8,
  answer: (_state: unknown, _pass: unknown, signal: AbortSignal) =>
    new Promise((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new RunAbortedError()), { once: true });
      held.push({ signal, finish: () => resolve({}) });
    }),
} as unknown as StudioSession;

let server: StudioServer;
beforeAll(async () => {
  server = await startStudioServer(session, { port: 0, assetsDir: '/nonexistent' });
});
afterAll(async () => {
  await server?.close();
});

/** Let every callback already due run (the server's handlers between a request's arrival and its answer). */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};
const until = async (ok: () => boolean) => {
  while (!ok()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('arrcast studio: saves take turns', () => {
  it("three saves of other states: one answer runs at a time, in the order asked, and each is written", async () => {
    const { post } = requester(server);
    const names = ['first', 'second', 'third'];
    const replies = names.map((name, i) => post('/api/save', { state: { drivers: {}, market: null, confidence: 0.5 + i / 10 }, name }));
    await until(() => compiled === 3);
    for (let k = 0; k < names.length; k++) {
      // The k-th save's answer has started (the one before it has been written), and no later one has.
      await until(() => held.length > k);
      await settle();
      // Before: all three were answering at once here.
      expect(held).toHaveLength(k + 1);
      held[k]!.finish();
      await until(() => existsSync(join(dir, `${names[k]}.yaml`)));
    }
    expect((await Promise.all(replies)).map((r) => [r.status, r.json().file])).toEqual(names.map((n) => [200, `${n}.yaml`]));
  });
});

describe('InTurn', () => {
  it('starts each piece when the one before has ended, a failed one too; one whose signal aborts while it waits never starts', async () => {
    const turns = new InTurn();
    const log: string[] = [];
    const gate = (name: string) => {
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      return { open, work: async () => (log.push(`start ${name}`), await opened, log.push(`end ${name}`), name) };
    };
    const a = gate('a');
    const b = gate('b');
    const c = gate('c');
    const gone = new AbortController();
    const ra = turns.run(a.work);
    const rb = turns.run(async () => {
      await b.work();
      throw new Error('b failed');
    });
    const rc = turns.run(c.work, gone.signal);
    const rd = turns.run(async () => (log.push('start d'), 'd'));
    await settle();
    expect(log).toEqual(['start a']);
    gone.abort();
    await expect(rc).rejects.toBeInstanceOf(RunAbortedError);
    a.open();
    expect(await ra).toBe('a');
    await settle();
    expect(log).toEqual(['start a', 'end a', 'start b']);
    b.open();
    await expect(rb).rejects.toThrow('b failed');
    expect(await rd).toBe('d');
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start d']);
  });
});
