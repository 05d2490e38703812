import type { Scenario } from '../scenario/scenario-schema.js';

/**
 * What `arrcast fit` does not estimate from monthly totals and writes as placeholders for the planner
 * to set (its file's header: "Not in monthly totals, so not fitted"; the customer count, a rough
 * opening ARR / mean ARR unless a renewal outcomes file counts them).
 */
export const FIT_PLACEHOLDERS = 'sales cycles, price uplift, the split of contraction and expansion into probability and size, new-customer expansion, the market factor and the customer counts';

/**
 * The sentence report.html's and report.xlsx's Assumptions carry for a scenario `arrcast fit` wrote
 * (its `fittedFrom`): its drivers are echoed as the file states them, the way a planner's typed figures
 * are, so the reader is told which are estimates from a history and which are fit's placeholders, to
 * be set (the loader keeps no comments, where fit writes each one's data and interval). Undefined for
 * a scenario without it.
 *
 * @example fittedNote({ ...scenario, fittedFrom: 'history.csv (24 months, Feb 2024 to Jan 2026)' })
 * // => 'Fitted by arrcast fit from history.csv (24 months, Feb 2024 to Jan 2026): its renewal, ... are estimates from that history, ...'
 */
export function fittedNote(scenario: Pick<Scenario, 'fittedFrom'>): string | undefined {
  if (scenario.fittedFrom === undefined) return undefined;
  return (
    `Fitted by arrcast fit from ${scenario.fittedFrom}: its opening ARR and, where the history has them, renewal, contraction and expansion, leads, conversion and deal size are estimates from that history, not figures a planner typed ` +
    `(the scenario file's comments give each one's data and 95% interval); its ${FIT_PLACEHOLDERS} are placeholders arrcast fit writes, not estimates, to be set before planning. Both unless edited since.`
  );
}
