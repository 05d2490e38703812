import { actualsKey } from '../actuals/reforecast.js';
import type { Simulation } from '../engine/simulate.js';
import { scenarioLabel } from './compare-limits.js';

/**
 * Which closed months a simulation forecasts from: '' for a plan run, else the digest of its
 * re-forecast's months and their rows (actualsKey). A plan and its re-forecast, or re-forecasts from
 * other months, are other forecasts of one scenario: compareSimulations called a plan beside its own
 * re-forecast "one forecast" (their scenarios hash alike) and refused it.
 *
 * @example closedMonthsKey(planRun) // => ''
 */
export function closedMonthsKey(sim: Pick<Simulation, 'reforecast'>): string {
  return sim.reforecast === undefined ? '' : actualsKey(sim.reforecast.input);
}

/**
 * compareSimulations' pairing note when a simulation is a re-forecast, in place of the notes that say
 * what is paired: a re-forecast's closed months are the actuals in every trial and its learned
 * drivers are drawn from their posterior given those months (a chain of its own,
 * actuals/posterior-draws.ts), not on the numbers another scenario draws, so its differences hold
 * sampling noise as well as the change. Before December 2026 the note said of such a pair that trial
 * i of each shared every random number, "not sampling noise" (and, for a while, that and then "not
 * paired"). Empty when every simulation is a plan run.
 *
 * @example reforecastNote([planRun, juneReforecast]) // => 'Not paired trial by trial: B re-forecasts from 5 closed months of actuals; ...'
 */
export function reforecastNote(sims: ReadonlyArray<Pick<Simulation, 'reforecast'>>): string {
  const which = sims.flatMap((s, i) => (s.reforecast === undefined ? [] : [`${scenarioLabel(i)} from ${s.reforecast.input.months} closed month${s.reforecast.input.months === 1 ? '' : 's'}`]));
  if (which.length === 0) return '';
  const list = which.length === 1 ? which[0]! : `${which.slice(0, -1).join(', ')} and ${which.at(-1)}`;
  return `Not paired trial by trial: ${which.length === 1 ? 'a re-forecast' : 're-forecasts'} from actuals (${list}) ${which.length === 1 ? 'has' : 'have'} the actuals as ${which.length === 1 ? 'its' : 'their'} closed months in every trial and ${which.length === 1 ? 'draws its' : 'draw their'} learned drivers from their posterior given those months, a draw of ${which.length === 1 ? 'its' : 'their'} own, so a difference with ${which.length === 1 ? 'it' : 'one'} holds sampling noise as well as the change.`;
}
