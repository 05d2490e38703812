import type { LearningModel } from './learning-model.js';

/**
 * Move a start the evidence rules out onto one it allows, through the drivers whose prior is
 * discrete or empirical: the centre of their scores is the prior's median value, which the evidence
 * may rule out where another value is possible (conversion 0 at 60% else 0.05, with deals reported:
 * the posterior is 0.05 with certainty, yet the centre's 0 has likelihood zero). Each such driver in
 * turn, the others at the start's values, takes the value of highest prior weight x likelihood; f is
 * left at the first start so found with a positive likelihood (unchanged if none: two such drivers
 * ruled out only together are not searched jointly). Returns the start's log-likelihood.
 *
 * Complexity: O(sum of the stepped drivers' values) likelihood evaluations, once per chain.
 */
export function steppedStart(model: LearningModel, f: Float64Array): number {
  const start = model.logLikelihood(f);
  if (start > Number.NEGATIVE_INFINITY) return start;
  const stepped = model.drivers.flatMap((l) => (l.table.steps && l.table.steps.values.length > 1 ? [{ latent: l.latent, steps: l.table.steps }] : []));
  for (const { latent, steps } of stepped) {
    const before = f[latent]!;
    let best = before;
    let bestWeight = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < steps.values.length; i++) {
      f[latent] = steps.centres[i]!;
      const weight = Math.log(steps.probabilities[i]!) + model.logLikelihood(f);
      if (weight > bestWeight) {
        bestWeight = weight;
        best = steps.centres[i]!;
      }
    }
    f[latent] = best;
    if (bestWeight > Number.NEGATIVE_INFINITY) break;
  }
  return model.logLikelihood(f);
}
