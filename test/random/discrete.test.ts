import { describe, expect, it } from 'vitest';
import { discreteIndex, prepareAlias, type AliasTable } from '../../src/random/discrete.js';
import { createStream } from '../../src/random/source.js';
import { expectChiSquareFit, sample } from '../helpers/stats.js';

const N = 100_000;

/** The probability each outcome gets from the table: its own column's keep mass plus alias mass. */
function encodedProbabilities(table: AliasTable): Float64Array {
  const out = new Float64Array(table.n);
  for (let i = 0; i < table.n; i++) {
    out[i]! += table.prob[i]! / table.n;
    out[table.alias[i]!]! += (1 - table.prob[i]!) / table.n;
  }
  return out;
}

describe('prepareAlias', () => {
  it('encodes exactly the normalised weights, any scale, zero weights never reachable', () => {
    for (const weights of [[0.1, 0, 0.6, 0.3], [1, 1, 1], [5], [1e308, 1e308, 0, 1e307], [3, 0, 0, 0, 1e-9], [0, 0, 7]]) {
      const table = prepareAlias(weights);
      const max = Math.max(...weights);
      const sum = weights.reduce((a, b) => a + b / max, 0);
      const encoded = encodedProbabilities(table);
      for (let i = 0; i < weights.length; i++) {
        expect(Math.abs(table.probabilities[i]! - weights[i]! / max / sum)).toBeLessThan(1e-15);
        expect(Math.abs(encoded[i]! - table.probabilities[i]!)).toBeLessThan(1e-15);
        if (weights[i] === 0) expect(table.prob[i]).toBe(0);
        if (table.prob[i]! < 1) expect(weights[table.alias[i]!]).toBeGreaterThan(0);
      }
    }
  });
});

describe('discreteIndex', () => {
  it('weights [0.1, 0, 0.6, 0.3]: chi-square, and index 1 never appears', () => {
    const weights = [0.1, 0, 0.6, 0.3];
    const table = prepareAlias(weights);
    const draw = discreteIndex(createStream('test/discrete/small'));
    const xs = sample(N, () => draw(table));
    expect(xs.filter((x) => x === 1).length).toBe(0);
    expectChiSquareFit(xs, (k) => weights[k] ?? 0);
  });

  it('uses one uniform per draw for small tables', () => {
    const stream = createStream('test/discrete/count');
    let calls = 0;
    const draw = discreteIndex(() => {
      calls++;
      return stream();
    });
    const table = prepareAlias([1, 2, 3]);
    for (let i = 0; i < 1000; i++) draw(table);
    expect(calls).toBe(1000);
  });

  it('large table (5000 outcomes, 53-bit path) with zeros: chi-square, zeros never drawn', () => {
    const init = createStream('test/discrete/large/weights');
    const weights = Array.from({ length: 5000 }, (_, i) => (i % 7 === 3 ? 0 : init() ** 3));
    const sum = weights.reduce((a, b) => a + b, 0);
    const table = prepareAlias(weights);
    const draw = discreteIndex(createStream('test/discrete/large'));
    const xs = sample(N, () => draw(table));
    expect(xs.filter((x) => !(weights[x]! > 0)).length).toBe(0);
    expectChiSquareFit(xs, (k) => (weights[k] ?? 0) / sum);
  });
});
