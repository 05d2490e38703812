import type { Simulation } from './simulate.js';

/**
 * Refuse (RangeError) a shard's part given where a whole run is read: a SimulationPart has every
 * field of a Simulation (TypeScript takes one for the other), with `trials` the whole run's and a
 * store of its own chunks' trials only. summarize() of shard 1 of 2 said "4,000 trials" of the 2,000
 * it held, with percentiles of those, and writeReport wrote that report, whole; a resume from one
 * kept trials it did not have. Merge the parts first (mergeParts).
 *
 * @example checkWholeRun(await simulateShard(loaded, { trials: 4_000, shard: { index: 0, count: 2 } }), 'summarize reads a whole run') // RangeError: summarize reads a whole run, and was given shard 1/2's part: ...
 */
export function checkWholeRun(sim: Simulation, needs: string): void {
  const shard = (sim as { shard?: { index?: unknown; count?: unknown } }).shard;
  if (shard === undefined && sim.store.trials === sim.trials) return;
  const which = shard && typeof shard.index === 'number' && typeof shard.count === 'number' ? `shard ${shard.index + 1}/${shard.count}'s part` : 'a part of a run';
  throw new RangeError(
    `${needs}, and was given ${which}: ${sim.store.trials.toLocaleString('en-US')} of its ${sim.trials.toLocaleString('en-US')} trials; merge the parts first (mergeParts), or simulate the whole run`,
  );
}
