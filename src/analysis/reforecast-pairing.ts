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
 * What compareSimulations' pairing note must add when a simulation is a re-forecast: its closed months
 * are the actuals in every trial, and its learned drivers are drawn from their posterior given those
 * months (a chain of its own, actuals/posterior-draws.ts), not on the numbers another scenario draws,
 * so its differences hold sampling noise as well as the change. Before December 2026 the note said of
 * such a pair that trial i of each shared every random number, "not sampling noise". Empty when every
 * simulation is a plan run.
 *
 * @example reforecastNote([planRun, juneReforecast]) // => ' B re-forecasts from 3 closed months of actuals: ...'
 */
export function reforecastNote(sims: ReadonlyArray<Pick<Simulation, 'reforecast'>>): string {
  const which = sims.flatMap((s, i) => (s.reforecast === undefined ? [] : [`${scenarioLabel(i)} from ${s.reforecast.input.months} closed month${s.reforecast.input.months === 1 ? '' : 's'}`]));
  if (which.length === 0) return '';
  const list = which.length === 1 ? which[0]! : `${which.slice(0, -1).join(', ')} and ${which.at(-1)}`;
  return ` Re-forecasts from actuals (${list}) are not paired with the other scenarios trial by trial: their closed months are the actuals in every trial and their learned drivers are drawn from their posterior given those months, a draw of their own, so their differences hold sampling noise as well as the change.`;
}
