import type { Simulation } from '../engine/simulate.js';
import type { Summary } from '../analysis/summarize.js';

/**
 * Refuse (RangeError) a summary that is not the summary of `sim`: writeReport writes summary.json,
 * the tables and percentiles.csv from the summary, and the charts, trials.csv and sipmath.json from
 * the run's trials, so a summary of another run (another seed, trial count, scenario, generator, or a
 * re-forecast from other closed months) made a report whose files disagreed, each whole and none
 * saying so. Compared: what names a run in summary.json (scenario hash, seed, trials, generator) and
 * a re-forecast's closed months and file.
 *
 * @example checkSummaryOfRun(sim, summarize(other)) // RangeError: the summary given is of another run than its trials ...
 */
export function checkSummaryOfRun(sim: Simulation, summary: Summary): void {
  const runOf = (hash: string, seed: string, trials: number, generator: string, months: number | undefined, file: string | undefined) =>
    `${hash.slice(0, 12)} seed ${JSON.stringify(seed)}, ${trials.toLocaleString('en-US')} trials, ${generator}${months === undefined ? '' : `, re-forecast from ${months} closed months of ${file}`}`;
  const ofSim = runOf(sim.runHash, sim.seed, sim.trials, sim.generator, sim.reforecast?.input.months, sim.reforecast?.input.file.path);
  const ofSummary = runOf(summary.scenario.hash, summary.seed, summary.trials, summary.tool.generator, summary.reforecast?.asOfMonth, summary.reforecast?.actualsFile);
  if (ofSim !== ofSummary)
    throw new RangeError(
      `the summary given is of another run than the trials (scenario ${ofSummary}; the trials: scenario ${ofSim}): a report's files would disagree; pass summarize() of this run`,
    );
}
