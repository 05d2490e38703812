import type { Summary } from '../analysis/summarize.js';
import { ArgumentRangeError } from '../scenario/argument-error.js';
import type { StressCase } from './html/downside-section.js';

/**
 * Refuse a stress case whose figures cannot sit beside the plan's in report.html's stress table
 * (writeReport's and reportPage's `stress`), before anything is drawn. The table writes every
 * column with the plan's currency sign, heads its budget row with the plan's confidence, labels each
 * P(target) row with the plan's i-th target while reading the case's i-th, and says every case was
 * "simulated on the plan's seed and trial count". `--with-stress` makes its cases so
 * (cli/stress.ts); a library caller could pass the summary of a run in euros, of another seed or
 * trial count, or summarized at another confidence or against other targets, and the page showed
 * it under the plan's words without one: EUR 110M read as $110M, a 80% budget under "90%
 * confidence", the chance of another target under this one's label; or a re-forecast on either side,
 * whose posterior draws the note's "the same random numbers" does not hold for.
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
    const what = `as the plan's summary (its figures sit under the plan's words in the stress table; simulate the stress scenario on the plan's seed and trials and summarize it with the plan's confidence and targets, as --with-stress does)`;
    // The table pairs trial by trial, which a re-forecast's posterior draws are not (--with-stress does not go with --actuals).
    if (s.reforecast !== undefined || plan.reforecast !== undefined)
      throw new ArgumentRangeError(
        fn,
        ['options', 'stress', i, 'summary', 'reforecast'],
        "absent, and the plan a plan run's: stress cases are plan runs beside a plan run, paired trial by trial, which a re-forecast's posterior draws are not (--with-stress does not go with --actuals)",
        s.reforecast !== undefined ? `a re-forecast's summary from ${s.reforecast.asOfMonth} closed months` : `a plan run's, beside a re-forecast from ${plan.reforecast!.asOfMonth} closed months`,
      );
    if (s.scenario.currency !== plan.scenario.currency) refuse(['scenario', 'currency'], `${plan.scenario.currency}, ${what}`, s.scenario.currency);
    if (s.trials !== plan.trials) refuse(['trials'], `${plan.trials}, ${what}`, s.trials);
    if (s.seed !== plan.seed) refuse(['seed'], `${plan.seed}, ${what}`, s.seed);
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
