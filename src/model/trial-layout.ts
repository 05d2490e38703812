import { METRIC_COMPONENTS, METRICS, type Component, type Metric } from './components.js';
import type { TierDriver, TierPlan } from './tier-plan.js';

/**
 * One per-trial output column. Headline totals are kept in float64; breakdowns in float32, which
 * is exact to about 7 significant digits and halves the memory of a million-trial run.
 */
export type Column =
  | { readonly kind: 'metric'; readonly key: string; readonly metric: Metric; readonly precision: 'f64' }
  | { readonly kind: 'ratio'; readonly key: string; readonly ratio: 'grr' | 'nrr'; readonly tier?: string; readonly precision: 'f32' }
  | { readonly kind: 'count'; readonly key: string; readonly count: 'customersWon' | 'customersLost' | 'leads'; readonly tier?: string; readonly precision: 'f32' }
  | { readonly kind: 'mrr'; readonly key: string; readonly month: number; readonly precision: 'f32' }
  | { readonly kind: 'component'; readonly key: string; readonly metric: Metric; readonly component: Component; readonly precision: 'f32' }
  | { readonly kind: 'tierMetric'; readonly key: string; readonly metric: Metric; readonly tier: string; readonly precision: 'f32' }
  | { readonly kind: 'market'; readonly key: string; readonly precision: 'f32' }
  | { readonly kind: 'driver'; readonly key: string; readonly tier: string; readonly driver: TierDriver; readonly precision: 'f32' };

/** The per-trial columns of a scenario, in a fixed order, with an index by key. */
export interface TrialLayout {
  readonly columns: readonly Column[];
  readonly index: ReadonlyMap<string, number>;
}

/** Components that vary per trial (the opening book is a constant: not stored per trial). */
export const storedComponents = (metric: Metric): readonly Component[] => METRIC_COMPONENTS[metric].filter((c) => c !== 'openingBook');

/**
 * Lay out the columns for these tiers. Keys read like paths: `revenue`, `tier.SMB.revenue`,
 * `component.revenue.newBusiness`, `mrr.3`, `driver.SMB.conversion`.
 * Complexity: O(tiers x drivers).
 */
export function createTrialLayout(tiers: readonly TierPlan[], marketLoaded: boolean): TrialLayout {
  const columns: Column[] = [];
  for (const metric of METRICS) columns.push({ kind: 'metric', key: metric, metric, precision: 'f64' });
  const hasBook = tiers.some((t) => t.existing && t.existing.openingArr > 0);
  if (hasBook) {
    columns.push({ kind: 'ratio', key: 'grr', ratio: 'grr', precision: 'f32' });
    columns.push({ kind: 'ratio', key: 'nrr', ratio: 'nrr', precision: 'f32' });
  }
  columns.push({ kind: 'count', key: 'customersWon', count: 'customersWon', precision: 'f32' });
  columns.push({ kind: 'count', key: 'customersLost', count: 'customersLost', precision: 'f32' });
  for (let m = 1; m <= 12; m++) columns.push({ kind: 'mrr', key: `mrr.${m}`, month: m, precision: 'f32' });
  for (const metric of METRICS)
    for (const component of storedComponents(metric))
      columns.push({ kind: 'component', key: `component.${metric}.${component}`, metric, component, precision: 'f32' });
  if (tiers.length > 1) {
    for (const t of tiers)
      for (const metric of METRICS) columns.push({ kind: 'tierMetric', key: `tier.${t.name}.${metric}`, metric, tier: t.name, precision: 'f32' });
  }
  for (const t of tiers) {
    if (tiers.length > 1 && t.existing && t.existing.openingArr > 0) {
      columns.push({ kind: 'ratio', key: `tier.${t.name}.grr`, ratio: 'grr', tier: t.name, precision: 'f32' });
      columns.push({ kind: 'ratio', key: `tier.${t.name}.nrr`, ratio: 'nrr', tier: t.name, precision: 'f32' });
    }
    if (tiers.length > 1 && t.newBusiness)
      columns.push({ kind: 'count', key: `tier.${t.name}.customersWon`, count: 'customersWon', tier: t.name, precision: 'f32' });
    if (tiers.length > 1 && t.existing)
      columns.push({ kind: 'count', key: `tier.${t.name}.customersLost`, count: 'customersLost', tier: t.name, precision: 'f32' });
    if (t.newBusiness) columns.push({ kind: 'count', key: `tier.${t.name}.leads`, count: 'leads', tier: t.name, precision: 'f32' });
  }
  if (marketLoaded) columns.push({ kind: 'market', key: 'driver.market', precision: 'f32' });
  for (const t of tiers)
    for (const driver of t.varyingDrivers) columns.push({ kind: 'driver', key: `driver.${t.name}.${driver}`, tier: t.name, driver, precision: 'f32' });
  return { columns, index: new Map(columns.map((c, i) => [c.key, i])) };
}
