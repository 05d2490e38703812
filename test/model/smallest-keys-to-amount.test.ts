import { describe, expect, it } from 'vitest';
import { smallestKeysToAmount } from '../../src/model/smallest-keys-to-amount.js';

/** The rule written plainly: a stable sort of the indices by key, then the walk. */
function reference(keys: readonly number[], amount: readonly number[], target: number): number[] {
  const taken = keys.map(() => 0);
  if (!(target > 0)) return taken;
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  let need = target;
  let passed = -1;
  for (const i of order) {
    if (need <= 0) break;
    if (amount[i]! <= need) {
      taken[i] = 1;
      need -= amount[i]!;
    } else if (passed < 0) passed = i;
  }
  if (need > 0 && passed >= 0 && amount[passed]! - need < need) taken[passed] = 1;
  return taken;
}

function run(keys: readonly number[], amount: readonly number[], target: number): number[] {
  const taken = new Uint8Array(keys.length);
  smallestKeysToAmount(Float64Array.from(keys), Float64Array.from(amount), target, new Int32Array(keys.length), taken);
  return [...taken];
}

describe('smallestKeysToAmount', () => {
  it.each([
    { keys: [0.3, 0.1, 0.2], amount: [5, 5, 5], target: 10, taken: [0, 1, 1] },
    // 14 of items of 5: round(14 / 5) = 3; 12: 2.
    { keys: [0.3, 0.1, 0.2, 0.4], amount: [5, 5, 5, 5], target: 14, taken: [1, 1, 1, 0] },
    { keys: [0.3, 0.1, 0.2, 0.4], amount: [5, 5, 5, 5], target: 12, taken: [0, 1, 1, 0] },
    // The 50 comes first: 30 taken of the 10s (need 20 < 50), then the 10s after it fill the rest.
    { keys: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], amount: [10, 10, 10, 50, 10, 10], target: 50, taken: [1, 1, 1, 0, 1, 1] },
    // Nothing fits: the first passed over is taken when it overshoots by less than the shortfall.
    { keys: [0.2, 0.1], amount: [30, 40], target: 25, taken: [0, 1] },
    { keys: [0.2, 0.1], amount: [30, 60], target: 25, taken: [0, 0] },
    { keys: [0.1, 0.2], amount: [10, 10], target: 0, taken: [0, 0] },
    { keys: [0.1, 0.2], amount: [10, 10], target: 1e9, taken: [1, 1] },
    // Infinite keys (a customer who cannot have left) come last.
    { keys: [Infinity, 0.5, 0], amount: [10, 10, 10], target: 20, taken: [0, 1, 1] },
  ])('keys $keys, amounts $amount, target $target', ({ keys, amount, target, taken }) => {
    expect(run(keys, amount, target)).toEqual(taken);
  });

  it('agrees with the plain rule on 2,000 random cases (ties, infinite keys, up to 300 items, every 20th up to 3,000)', () => {
    let s = 12345;
    const u = () => ((s = (1664525 * s + 1013904223) >>> 0) + 0.5) / 2 ** 32;
    let differ = 0;
    for (let c = 0; c < 2000; c++) {
      const n = 1 + Math.floor(u() * (c % 20 === 0 ? 3000 : 300));
      // Amounts alike or spread; with amounts alike, keys from a few values (ties) or infinite too
      // (with spread amounts, which of two tied keys comes first would change what is taken).
      const alike = u() < 0.5;
      const tied = alike && u() < 0.5;
      const keys = Array.from({ length: n }, () => (alike && u() < 0.05 ? Infinity : tied ? Math.floor(u() * 4) : u()));
      const amount = Array.from({ length: n }, () => (alike ? 1000 : Math.round(u() * 5000)));
      const total = amount.reduce((a, b) => a + b, 0);
      const target = Math.round(u() * total * 1.1);
      const got = run(keys, amount, target);
      const want = reference(keys, amount, target);
      // Equal keys may go in another order in the two sorts: compare how many of each key are taken.
      const summary = (t: number[]) => keys.map((k, i) => (t[i] ? `${k}:${amount[i]}` : '')).filter(Boolean).sort().join();
      if (summary(got) !== summary(want)) differ++;
    }
    expect(differ).toBe(0);
  });
});
