import type { Summary } from '../analysis/summarize.js';
import { ArgumentRangeError } from '../scenario/argument-error.js';
import type { StressCase } from './html/downside-section.js';

/**
 * Refuse a stress case whose figures would sit under words of the plan that are not theirs in
 * report.html's stress table (writeReport's and reportPage's `stress`), before anything is drawn.
 * The table writes every column with the plan's currency sign, heads its budget row with the plan's
 * confidence and labels each P(target) row with the plan's i-th target while reading the case's
 * i-th: a library caller could pass the summary of a run in euros, or summarized at another
 * confidence or against other targets, and the page showed EUR 110M as $110M, an 80% budget under
 * "90% confidence", the chance of another target under this one's label. A case on another seed or
 * trial count, or a re-forecast on either side, has right figures that are not paired with the
 * plan's: the table's note says so (stressPairingNote), it is not refused.
 *
 * Throws ArgumentRangeError (exit 2 in the CLI) naming the case and the figure that differs.
 * Complexity: O(stress cases x targets).
 */
export function checkStressBesidePlan(fn: 'writeReport' | 'reportPage', plan: Summary, stress: readonly StressCase[] | undefined): void {
  (stress ?? []).forEach((c, i) => {
    const s = c.summary;
    const refuse = (path: ReadonlyArray<string | number>, expected: string, got: unknown) => {
      throw new ArgumentRangeError(fn, ['options', 'stress', i, 'summary', ...path], expected, String(got));
    };
    const what = `as the plan's summary (its figures sit under the plan's words in the stress table; summarize the stress scenario's run with the plan's confidence and targets, as --with-stress does)`;
    if (s.scenario.currency !== plan.scenario.currency) refuse(['scenario', 'currency'], `${plan.scenario.currency}, as the plan's summary (the stress table writes every column with the plan's currency sign: a stress scenario is written in the plan's currency)`, s.scenario.currency);
    if (s.decisions.confidence !== plan.decisions.confidence) refuse(['decisions', 'confidence'], `${plan.decisions.confidence}, ${what}`, s.decisions.confidence);
    const targets = s.decisions.targets;
    if (targets.length !== plan.decisions.targets.length) refuse(['decisions', 'targets', 'length'], `${plan.decisions.targets.length}, ${what}`, targets.length);
    plan.decisions.targets.forEach((t, k) => {
      const x = targets[k]!;
      // The label names metric, tier and value as the table prints them; each is compared as well, as a label could be made alike.
      if (x.label !== t.label || x.metric !== t.metric || x.tier !== t.tier || x.value !== t.value) refuse(['decisions', 'targets', k], `the plan's target ${t.label}, ${what}`, x.label);
    });
  });
}
