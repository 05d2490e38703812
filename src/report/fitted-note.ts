import type { Scenario } from '../scenario/scenario-schema.js';

/**
 * The sentence report.html's and report.xlsx's Assumptions carry for a scenario `arrcast fit` wrote
 * (its `fittedFrom`): its drivers are echoed as the file states them, the way a planner's typed figures
 * are, so the reader is told they are estimates from a history (the loader keeps no comments, where fit
 * writes each one's data and interval). Undefined for a scenario without it.
 *
 * @example fittedNote({ ...scenario, fittedFrom: 'history.csv (24 months, Feb 2024 to Jan 2026)' })
 * // => 'Fitted by arrcast fit from history.csv (24 months, Feb 2024 to Jan 2026): the drivers below are estimates from that history, ...'
 */
export function fittedNote(scenario: Pick<Scenario, 'fittedFrom'>): string | undefined {
  if (scenario.fittedFrom === undefined) return undefined;
  return `Fitted by arrcast fit from ${scenario.fittedFrom}: the drivers below are estimates from that history, not figures a planner typed, unless edited since (the scenario file's comments give each one's data and 95% interval).`;
}
