import type { GivenLevels } from '../model/given-levels.js';
import { standardNormal } from '../random/normal.js';
import { createStream, streamSeed } from '../random/source.js';
import { EllipticalSlice } from './elliptical-slice.js';
import type { LearningModel } from './learning-model.js';

/** Steps before a chunk's first kept draw, and steps between kept draws. */
export const BURN_IN = 400;
export const THIN = 4;

/**
 * One chunk's posterior draws of the year-level values: an elliptical slice chain of its own,
 * seeded from (seed, chunk), started from a prior draw, run BURN_IN steps, then one draw kept every
 * THIN steps. A chunk's draws depend on nothing but (model, seed, chunk, trials), so results are the
 * same for any worker count or shard. `columnOf` maps (tier, slot) to the learned driver's column.
 *
 * Complexity: O((BURN_IN + THIN x trials) x evaluations per step x likelihood cost).
 */
export function posteriorDraws(model: LearningModel, seed: string | number, chunk: number, trials: number): GivenLevels & { evaluations: number } {
  const prefix = streamSeed(seed, chunk, 'reforecast.chain');
  const normal = standardNormal(createStream(streamSeed(prefix, 'normal')));
  const uniform = createStream(streamSeed(prefix, 'uniform'));
  const sampler = new EllipticalSlice(model.dimension, (f) => model.logLikelihood(f), normal, uniform);
  const f = new Float64Array(model.dimension);
  for (let i = 0; i < f.length; i++) f[i] = normal();
  let current = model.logLikelihood(f);
  // A prior draw the evidence rules out: look for one it allows (rare; a flat start at the prior's centre).
  if (!(current > Number.NEGATIVE_INFINITY)) {
    f.fill(0);
    current = model.logLikelihood(f);
  }
  const width = model.drivers.length;
  const z = new Float64Array(trials);
  const own = new Float64Array(trials * width);
  if (model.dimension > 0 && current > Number.NEGATIVE_INFINITY) for (let s = 0; s < BURN_IN; s++) current = sampler.step(f, current);
  for (let t = 0; t < trials; t++) {
    if (model.dimension > 0 && current > Number.NEGATIVE_INFINITY) for (let s = 0; s < THIN; s++) current = sampler.step(f, current);
    z[t] = model.zOf(f);
    for (let i = 0; i < width; i++) own[t * width + i] = model.valueOf(f, i);
  }
  const columnOf = new Map(model.drivers.map((d, i) => [`${d.tier}:${d.slot}`, i]));
  return { z, own, width, columnOf, evaluations: sampler.evaluations };
}
