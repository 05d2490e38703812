import { describe, expect, it } from 'vitest';
import { startCliEngine } from '../../src/cli/cli-engine.js';

describe("the CLI's engine: no more threads than the run has chunks", () => {
  it('a run of one chunk asked to use 2 workers starts one thread; of 3 chunks, 2', async () => {
    const one = startCliEngine({ workers: 2, trials: 1000, chunks: 1 });
    const three = startCliEngine({ workers: 2, trials: 2500, chunks: 3 });
    try {
      expect(one?.workers).toBe(1);
      expect(three?.workers).toBe(2);
    } finally {
      await Promise.all([one?.close(), three?.close()]);
    }
  });

  it('in-process runs start none, and a --workers the run will refuse is not made acceptable by the cap', () => {
    expect(startCliEngine({ workers: 0, trials: 1000, chunks: 1 })).toBeUndefined();
    expect(startCliEngine({ trials: 1000, chunks: 1 })).toBeUndefined();
    // 1.5 and -1 threads: createEngine refuses them (the run then refuses --workers by name).
    expect(startCliEngine({ workers: 1.5, trials: 1000, chunks: 1 })).toBeUndefined();
    expect(startCliEngine({ workers: -1, trials: 1000, chunks: 1 })).toBeUndefined();
  });
});
