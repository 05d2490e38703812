import type { GivenLevels } from '../model/given-levels.js';
import { standardNormal } from '../random/normal.js';
import { createStream, streamSeed } from '../random/source.js';
import { AtomUpdate } from './atom-update.js';
import { cholesky, EllipticalSlice } from './elliptical-slice.js';
import type { LearningModel } from './learning-model.js';
import { steppedStart } from './stepped-start.js';

/** Steps of the pilot run (half to settle, half to measure the posterior's mean and covariance), then before the first kept draw, and between kept draws. */
export const PILOT = 300;
export const BURN_IN = 100;
export const THIN = 3;
/** The reference covariance is the pilot's, widened by this factor (a reference a little wider than the posterior keeps the weights bounded). */
const WIDEN = 1.5;

/**
 * One chunk's posterior draws of the year-level values: an elliptical slice chain of its own,
 * seeded from (seed, chunk), started from a prior draw. A pilot run of PILOT steps against the prior
 * measures the posterior's mean and covariance over its second half; the chain then runs against
 * that Gaussian (widened) as its reference, BURN_IN steps, then one draw kept every THIN steps. The
 * reference is fixed before any draw is kept, so the kept draws come from a fixed Markov kernel
 * whose stationary distribution is the posterior. A chunk's draws depend on nothing but (model,
 * seed, chunk, trials): the same for any worker count or shard.
 *
 * Complexity: O((PILOT + BURN_IN + THIN x trials) x evaluations per step x likelihood cost).
 */
export function posteriorDraws(model: LearningModel, seed: string | number, chunk: number, trials: number): GivenLevels & { evaluations: number } {
  const prefix = streamSeed(seed, chunk, 'reforecast.chain');
  const normal = standardNormal(createStream(streamSeed(prefix, 'normal')));
  const uniform = createStream(streamSeed(prefix, 'uniform'));
  const d = model.dimension;
  const sampler = new EllipticalSlice(d, (f) => model.logLikelihood(f), normal, uniform);
  // Drivers of a discrete or empirical prior: a move of their own after each slice step, from a
  // stream of its own (re-forecasts without such a driver draw exactly as before).
  const atoms = new AtomUpdate(model, createStream(streamSeed(prefix, 'atoms')));
  const step = (f: Float64Array, current: number): number => {
    const next = sampler.step(f, current);
    if (!atoms.active) return next;
    atoms.sweep(f);
    return sampler.weighed(f);
  };
  const f = new Float64Array(d);
  for (let i = 0; i < d; i++) f[i] = normal();
  let current = sampler.weighed(f);
  // A prior draw the evidence rules out: start at the prior's centre instead, or where a discrete
  // prior's values make it possible (compileReforecast checked that one of them is).
  if (!(current > Number.NEGATIVE_INFINITY)) {
    f.fill(0);
    steppedStart(model, f);
    current = sampler.weighed(f);
  }
  const width = model.drivers.length;
  const z = new Float64Array(trials);
  const own = new Float64Array(trials * width);
  if (d > 0) {
    const half = Math.floor(PILOT / 2);
    const sum = new Float64Array(d);
    const cross = new Float64Array(d * d);
    for (let s = 0; s < PILOT; s++) {
      current = step(f, current);
      if (s < half) continue;
      for (let i = 0; i < d; i++) {
        sum[i]! += f[i]!;
        for (let j = 0; j <= i; j++) cross[i * d + j]! += f[i]! * f[j]!;
      }
    }
    const n = PILOT - half;
    const mean = sum.map((x) => x / n);
    const cov = new Float64Array(d * d);
    for (let i = 0; i < d; i++)
      for (let j = 0; j <= i; j++) {
        // Widened, with a floor on the variances so a direction the pilot barely moved in stays open.
        const c = (WIDEN * (cross[i * d + j]! - n * mean[i]! * mean[j]!)) / (n - 1);
        cov[i * d + j] = cov[j * d + i] = i === j ? Math.max(c, 1e-6) : c;
      }
    const chol = cholesky(cov, d);
    if (chol) {
      sampler.setReference(mean, chol);
      current = sampler.weighed(f);
    }
    for (let s = 0; s < BURN_IN; s++) current = step(f, current);
  }
  for (let t = 0; t < trials; t++) {
    if (d > 0) for (let s = 0; s < THIN; s++) current = step(f, current);
    z[t] = model.zOf(f);
    for (let i = 0; i < width; i++) own[t * width + i] = model.valueOf(f, i);
  }
  const columnOf = new Map(model.drivers.map((l, i) => [`${l.tier}:${l.slot}`, i]));
  return { z, own, width, columnOf, evaluations: sampler.evaluations + atoms.evaluations };
}
