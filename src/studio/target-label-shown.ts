import { currencyPrefix } from '../report/money.js';
import { METRIC_WORDS } from '../scenario/target-labels.js';
import type { MetricTarget } from '../scenario/targets-schema.js';

/**
 * A target's name as the studio's page shows it: a default label's amount with the scenario's
 * currency ('revenue >= $120M'), as the page's figures have it; the results panel read
 * 'P(revenue >= 120M)' beside '$118M'. A label the planner gave (a target of `given` with that label)
 * is shown as written. Only the page's text: every other output keeps the shared label
 * (scenario/target-labels.ts), which names targets wherever one is looked up.
 *
 * @example targetLabelShown({ label: 'revenue >= 120M', metric: 'revenue' }, [], '€') // => 'revenue >= €120M'
 */
export function targetLabelShown(
  t: { readonly label: string } & Pick<MetricTarget, 'metric' | 'tier'>,
  given: ReadonlyArray<Pick<MetricTarget, 'label'>>,
  symbol: string,
): string {
  if (given.some((g) => g.label === t.label)) return t.label;
  const head = `${t.tier ? `${t.tier} ` : ''}${METRIC_WORDS[t.metric]} >= `;
  return t.label.startsWith(head) ? `${head}${currencyPrefix(symbol)}${t.label.slice(head.length)}` : t.label;
}
