import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { RunAbortedError } from '../../src/engine/errors.js';
import { InTurn } from '../../src/studio/in-turn.js';
import type { StudioSession } from '../../src/studio/session.js';
import { MAX_SAVES_WAITING, startStudioServer, type StudioServer } from '../../src/studio/server.js';

/**
 * Every save runs the full answer of its state. They ran all at once: forty saves of other states
 * held about 2 GB of the studio's memory (10,000 trials of the example, 2 workers), where answers and
 * reports run one at a time (a newer one cancels the older). A save is not to be cancelled by a
 * newer one, so saves take turns.
 */

/** An answer the stand-in session holds until the test ends it, and the state it answers. */
interface Held {
  readonly state: { readonly confidence: number };
  readonly signal: AbortSignal;
  finish(): void;
}
const held: Held[] = [];
/** The states the save route has compiled (scenarioOf), in order. */
const compiled: number[] = [];
/** Compiling a state of this confidence waits until the test opens it (a new state takes 3-16 ms, a seen one 0.3 ms). */
const slow = new Map<number, Promise<void>>();
const dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-saves-'));

/** The server over a session that compiles and answers only when told: which saves run at once, and in which order, is then certain. */
const session = {
  scenario: {
    base: 'plan.yaml',
    dir,
    allowedRoots: [],
    loaded: { scenario: { name: 'stand-in', currency: 'USD' } },
    controls: {},
    scenarioOf: async (state: { confidence: number }) => {
      compiled.push(state.confidence);
      await slow.get(state.confidence);
      return { overlay: {}, text: '', loaded: {} };
    },
    chainChangedSinceStart: async () => false,
  },
  fullTrials: 10,
  firstTrials: 5,
  seed: '1',
  confidence: 0.8,
  answerOnData: (state: { confidence: number }, _pass: unknown, signal: AbortSignal) =>
    new Promise((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new RunAbortedError()), { once: true });
      held.push({ state, signal, finish: () => resolve({ answer: {}, dataEdited: false }) });
    }),
  stillOnDisk: async () => true,
  cancelOrphans: () => undefined,
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

/**
 * POSTs sent in one write on one connection (HTTP pipelining): the server reads them in this order,
 * all at once, so the order they were asked in is certain. Resolves with each answer's status and body.
 */
function pipelined(requests: ReadonlyArray<{ path: string; value: unknown }>): Promise<Array<{ status: number; body: Record<string, unknown> }>> {
  const text = requests
    .map(({ path, value }) => {
      const body = JSON.stringify(value);
      return `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nx-arrcast-token: ${server.token}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    })
    .join('');
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let got = '';
    const answers: Array<{ status: number; body: Record<string, unknown> }> = [];
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      got += chunk;
      for (;;) {
        const head = got.indexOf('\r\n\r\n');
        const length = head < 0 ? null : /content-length: (\d+)/i.exec(got.slice(0, head));
        if (!length || got.length - head - 4 < Number(length[1])) break;
        answers.push({ status: Number(got.slice(9, 12)), body: JSON.parse(got.slice(head + 4, head + 4 + Number(length[1]))) });
        got = got.slice(head + 4 + Number(length[1]));
      }
      if (answers.length === requests.length) {
        socket.destroy();
        resolve(answers);
      }
    });
    socket.on('close', () => reject(new Error(`the connection closed after ${answers.length} answers`)));
    socket.on('error', reject);
    socket.write(text);
  });
}

describe('arrcast studio: saves take turns', () => {
  it('three saves of other states: one answer runs at a time, in the order asked (the first slowest to compile), and each is written', async () => {
    const names = ['first', 'second', 'third'];
    const confidences = [0.5, 0.6, 0.7];
    let open!: () => void;
    slow.set(0.5, new Promise<void>((resolve) => (open = resolve)));
    const replies = pipelined(names.map((name, i) => ({ path: '/api/save', value: { state: { drivers: {}, market: null, confidence: confidences[i] }, name } })));
    // Awaited at the end; a failed run closes the connection early, and that is not a second failure.
    replies.catch(() => undefined);
    await until(() => compiled.length > 0);
    await settle();
    // Before: the second and third saves, quicker to compile, joined the queue while the first compiled,
    // and the second's answer ran first ([0.6] here; the file order second, third, first).
    expect(held.map((h) => h.state.confidence)).toEqual([]);
    open();
    for (let k = 0; k < names.length; k++) {
      // The k-th save's answer has started (the one before it has been written), and no later one has.
      await until(() => held.length > k);
      await settle();
      // Before the saves took turns: all three were answering at once here.
      expect(held.map((h) => h.state.confidence)).toEqual(confidences.slice(0, k + 1));
      held[k]!.finish();
      await until(() => existsSync(join(dir, `${names[k]}.yaml`)));
    }
    expect(compiled).toEqual(confidences);
    expect((await replies).map((r) => [r.status, r.body.file])).toEqual(names.map((n) => [200, `${n}.yaml`]));
  });
});

describe('arrcast studio: saves waiting their turn are bounded', () => {
  // Every save waited, however many: a script (or a stuck key) could queue saves without end, each
  // answered only after all those before it.
  it(`one running and ${MAX_SAVES_WAITING} waiting: one more is refused at once (503), and the others are each written`, async () => {
    const before = held.length;
    const count = MAX_SAVES_WAITING + 2;
    const names = Array.from({ length: count }, (_, i) => `bound-${i}`);
    const replies = pipelined(names.map((name, i) => ({ path: '/api/save', value: { state: { drivers: {}, market: null, confidence: 0.1 + i / 100 }, name } })));
    let answered = false;
    replies.then(
      () => (answered = true),
      () => (answered = true),
    );
    // Each save's answer let through as it starts, until all are answered (without the bound, the last too).
    for (let k = 0; k < count; k++) {
      await until(() => answered || held.length > before + k);
      if (answered) break;
      held[before + k]!.finish();
    }
    const answers = await replies;
    expect(answers.map((r) => r.status)).toEqual([...Array<number>(count - 1).fill(200), 503]);
    expect(answers[count - 1]!.body.error).toBe(`${MAX_SAVES_WAITING} saves are already waiting their turn; save again once they are written`);
    expect(existsSync(join(dir, `bound-${count - 1}.yaml`))).toBe(false);
    expect(names.slice(0, -1).every((n) => existsSync(join(dir, `${n}.yaml`)))).toBe(true);
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
    expect(turns.waiting).toBe(3);
    gone.abort();
    // One aborted while it waits waits no more.
    expect(turns.waiting).toBe(2);
    await expect(rc).rejects.toBeInstanceOf(RunAbortedError);
    a.open();
    expect(await ra).toBe('a');
    await settle();
    expect(log).toEqual(['start a', 'end a', 'start b']);
    b.open();
    await expect(rb).rejects.toThrow('b failed');
    expect(await rd).toBe('d');
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start d']);
    expect(turns.waiting).toBe(0);
  });
});
