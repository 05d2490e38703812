import { targetAmount, type CurrencyMark } from '../report/money.js';
import { defaultTargetLabel, METRIC_WORDS } from '../scenario/target-labels.js';
import type { MetricTarget } from '../scenario/targets-schema.js';

/**
 * A target's name as the studio's page shows it: a default label's amount with the scenario's
 * currency ('revenue >= $120M'), as the page's figures have it; the results panel read
 * 'P(revenue >= 120M)' beside '$118M'. The amount is written by targetAmount, every digit as the label has it, so its sign
 * comes before the symbol as in every other amount ('bookings >= -$5M'; the symbol put before the
 * label's own text read '$-5M'). A label the planner gave (a target of `given` with that label), or
 * any label that is not the target's default, is shown as written. Only the page's text: every
 * other output keeps the shared label (scenario/target-labels.ts), which names targets wherever one
 * is looked up.
 *
 * @example targetLabelShown({ label: 'revenue >= 120M', metric: 'revenue', value: 120e6 }, [], '€') // => 'revenue >= €120M'
 */
export function targetLabelShown(
  t: { readonly label: string } & Pick<MetricTarget, 'metric' | 'tier' | 'value'>,
  given: ReadonlyArray<Pick<MetricTarget, 'label'>>,
  symbol: CurrencyMark,
): string {
  if (given.some((g) => g.label === t.label) || t.label !== defaultTargetLabel(t)) return t.label;
  return `${t.tier ? `${t.tier} ` : ''}${METRIC_WORDS[t.metric]} >= ${targetAmount(t.value, symbol)}`;
}
