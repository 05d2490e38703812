import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fftPermuted } from '../../src/math/fft.js';
import { planLoaded } from '../../src/engine/simulate.js';
import { collectSumTableKeys, sumTables } from '../../src/model/sum-tables.js';
import { bindChunkSamplers } from '../../src/model/simulate-chunk.js';
import { LARGEST_LOG2, SMALLEST_LOG2 } from '../../src/random/compound-sum.js';
import { createStream } from '../../src/random/source.js';
import { loadScenario } from '../../src/scenario/load.js';
import { referenceFftPermuted } from '../helpers/reference-fft.js';

const randomVector = (n: number, seed: string) => {
  const u = createStream(seed);
  return Float64Array.from({ length: n }, () => u() - 0.3);
};

/** Indices where a and b differ by Object.is (so -0 against 0 and NaN against NaN count as they should). */
const differing = (a: Float64Array, b: Float64Array) => Array.from(a.keys()).filter((i) => !Object.is(a[i], b[i]));

describe('fft: twiddles laid out pass by pass give the same bits as the strided reads they replace', () => {
  // Every length from 2 (one lone stage) to 2^15 (the aggregate grid: its real transform is a complex one of 2^14),
  // odd and even numbers of stages, both directions.
  for (let log2 = 1; log2 <= 15; log2++) {
    it(`n = 2^${log2}, forward and inverse`, () => {
      const n = 1 << log2;
      for (const inverse of [false, true]) {
        const re = randomVector(n, `re${log2}${inverse}`);
        const im = randomVector(n, `im${log2}${inverse}`);
        const [r1, i1, r2, i2] = [re.slice(), im.slice(), re.slice(), im.slice()];
        fftPermuted(r1, i1, inverse);
        referenceFftPermuted(r2, i2, inverse);
        expect(differing(r1, r2)).toEqual([]);
        expect(differing(i1, i2)).toEqual([]);
      }
    });
  }

  it('signed zeros and non-finite values pass through as before', () => {
    const re = Float64Array.of(-0, 0, 1, -0, Infinity, 0, -1, 0);
    const im = Float64Array.of(0, -0, -0, 0, 0, Number.NaN, 0, -0);
    for (const inverse of [false, true]) {
      const [r1, i1, r2, i2] = [re.slice(), im.slice(), re.slice(), im.slice()];
      fftPermuted(r1, i1, inverse);
      referenceFftPermuted(r2, i2, inverse);
      expect(differing(r1, r2)).toEqual([]);
      expect(differing(i1, i2)).toEqual([]);
    }
  });

  it("the example's 55 aggregate tables are bit for bit those of the build before the change", async () => {
    // The digest was computed with src/math/fft.ts as it was at e7cc422 (the strided twiddles).
    const plan = planLoaded(await loadScenario(join(import.meta.dirname, '..', '..', 'scenarios', 'example.yaml')));
    const keys = collectSumTableKeys(() => bindChunkSamplers(plan));
    const hash = createHash('sha256');
    let tables = 0;
    for (const key of keys) {
      const set = sumTables(key, () => {
        throw new Error(`no set for ${key}`);
      });
      for (let j = SMALLEST_LOG2; j <= LARGEST_LOG2; j++) {
        const t = set.table(j);
        const { k, h, range, biasPerDeal, massAboveRange } = t.aggregate;
        hash.update(`${key} ${j} ${k} ${h} ${range} ${biasPerDeal} ${massAboveRange} ${t.first} ${t.interpolationError}\n`);
        hash.update(new Uint8Array(t.quantiles.buffer, t.quantiles.byteOffset, t.quantiles.byteLength));
        hash.update(new Uint8Array(t.cdf.buffer, t.cdf.byteOffset, t.cdf.byteLength));
        tables++;
      }
    }
    expect(tables).toBe(55);
    expect(hash.digest('hex')).toBe('77c6406e1c5d01769029302710f3e2496568a2d5904984d5165131aaabbded5c');
  });
});
