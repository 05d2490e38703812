import { describe, expect, it } from 'vitest';
import { binomial } from '../../src/random/binomial.js';
import { discreteIndex, prepareAlias } from '../../src/random/discrete.js';
import { gamma } from '../../src/random/gamma.js';
import { normal } from '../../src/random/normal.js';
import { poisson } from '../../src/random/poisson.js';
import { createStream, type Stream } from '../../src/random/source.js';
import { prepareTruncatedNormal } from '../../src/math/truncated-normal.js';
import { truncatedNormal } from '../../src/random/truncated-normal.js';
import { triangular } from '../../src/random/triangular.js';

/**
 * (Samplers that alternate parameters keep a counter; `before` is even so both runs continue
 * with the same parameter.)
 *
 * Save a stream's state mid-way, keep drawing, then restore a new stream from the saved state and
 * check a sampler built on it reproduces the same subsequent draws (stdlib-js style replay).
 */
function expectReplay(seed: string, makeDraw: (s: Stream) => () => number, before: number, after = 1000): void {
  const stream = createStream(seed);
  const draw = makeDraw(stream);
  for (let i = 0; i < before; i++) draw();
  const saved = stream.state();
  const original = Array.from({ length: after }, draw);
  const restored = createStream(seed, saved);
  const replay = makeDraw(restored);
  expect(Array.from({ length: after }, replay)).toEqual(original);
  expect(restored.state()).toEqual(stream.state());
}

describe('replay from a saved stream state', () => {
  it('poisson (inversion and PTRS), binomial (inversion and BTRS), triangular, discrete', () => {
    expectReplay('test/replay/poisson', (s) => {
      const p = poisson(s);
      let i = 0;
      return () => p(i++ % 2 === 0 ? 4.2 : 37.5);
    }, 778);
    expectReplay('test/replay/binomial', (s) => {
      const b = binomial(s);
      let i = 0;
      return () => b(1000, i++ % 2 === 0 ? 0.002 : 0.4);
    }, 334);
    expectReplay('test/replay/triangular', (s) => {
      const t = triangular(s);
      return () => t(0, 1, 5);
    }, 101);
    const table = prepareAlias([0.1, 0, 0.6, 0.3]);
    expectReplay('test/replay/discrete', (s) => {
      const d = discreteIndex(s);
      return () => d(table);
    }, 55);
  });

  it('normal-based samplers, saved at any point (the ziggurat keeps no state of its own)', () => {
    expectReplay('test/replay/normal', (s) => {
      const n = normal(s);
      return () => n(10, 2);
    }, 1001);
    const params = prepareTruncatedNormal(0, 1, -1, 2);
    expectReplay('test/replay/truncated', (s) => {
      const t = truncatedNormal(s);
      return () => t(params);
    }, 333);
    expectReplay('test/replay/gamma', (s) => {
      const g = gamma(s);
      return () => g(2.5, 3);
    }, 77);
  });
});
