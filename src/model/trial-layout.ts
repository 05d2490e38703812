import { METRIC_COMPONENTS, METRICS, type Component, type Metric } from './components.js';
import type { TierPlan } from './tier-plan.js';
import { MARKET_COLUMN } from './drivers/column-keys.js';
import { tierKey } from './column-key.js';

/**
 * One per-trial output column. Headline totals are kept in float64; breakdowns in float32, which
 * is exact to about 7 significant digits and halves the memory of a million-trial run.
 */
export type Column =
  | { readonly kind: 'metric'; readonly key: string; readonly metric: Metric; readonly precision: 'f64' }
  | { readonly kind: 'ratio'; readonly key: string; readonly ratio: 'grr' | 'nrr' | 'logoRenewal' | 'dollarRenewal'; readonly tier?: string; readonly precision: 'f32' }
  | { readonly kind: 'count'; readonly key: string; readonly count: 'customersWon' | 'customersLost' | 'leads'; readonly tier?: string; readonly precision: 'f32' }
  | { readonly kind: 'mrr'; readonly key: string; readonly month: number; readonly precision: 'f32' }
  | { readonly kind: 'component'; readonly key: string; readonly metric: Metric; readonly component: Component; readonly precision: 'f32' }
  | { readonly kind: 'tierMetric'; readonly key: string; readonly metric: Metric; readonly tier: string; readonly precision: 'f32' }
  | { readonly kind: 'market'; readonly key: string; readonly precision: 'f32' }
  | { readonly kind: 'driver'; readonly key: string; readonly tier: string; readonly driver: string; readonly precision: 'f32' }
  /** A driver's own year-level draw before the market shift and stress (`own.<tier>.<key>`): independent of the market column. */
  | { readonly kind: 'ownDraw'; readonly key: string; readonly tier: string; readonly driver: string; readonly precision: 'f32' }
  | { readonly kind: 'extra'; readonly key: string; readonly tier: string; readonly extra: string; readonly label: string; readonly precision: 'f32' };

/** The per-trial columns of a scenario, in a fixed order, with an index by key. */
export interface TrialLayout {
  /** The stored columns. */
  readonly columns: readonly Column[];
  readonly index: ReadonlyMap<string, number>;
  /** Keys that are not stored because they always equal a stored column: key -> stored key. */
  readonly aliases: ReadonlyMap<string, string>;
  /** Every key, stored or aliased, in reading order (the columns of trials.csv). */
  readonly keys: readonly string[];
}

/**
 * Bookings components equal to the ARR they add when every contract signed in the year is live at
 * its end (no service-start lag) and no ARR steps up without a signature (no escalators): then
 * these bookings columns alias the ending-ARR ones (saving memory at scale).
 */
const BOOKINGS_ALIASES: readonly Component[] = ['newBusiness', 'newCustomerExpansion', 'existingExpansion', 'priceUplift'];

/** Components that vary per trial (the opening book is a constant: not stored per trial). */
export const storedComponents = (metric: Metric): readonly Component[] => METRIC_COMPONENTS[metric].filter((c) => c !== 'openingBook');

/**
 * Lay out the columns for these tiers. Keys read like paths: `revenue`, `tier.SMB.revenue`,
 * `component.revenue.newBusiness`, `mrr.3`, `driver.SMB.conversion`, `own.SMB.conversion`. The
 * drivers' columns come from each tier's planned drivers (`drivers/tier-drivers.ts`): the shifted
 * values, then the own draws, after every other column.
 * Complexity: O(tiers x drivers).
 */
export function createTrialLayout(tiers: readonly TierPlan[], marketLoaded: boolean): TrialLayout {
  const columns: Column[] = [];
  const aliases = new Map<string, string>();
  const keys: string[] = [];
  const push = (c: Column) => {
    columns.push(c);
    keys.push(c.key);
  };
  for (const metric of METRICS) push({ kind: 'metric', key: metric, metric, precision: 'f64' });
  const hasBook = tiers.some((t) => t.existing && t.existing.openingArr > 0);
  if (hasBook) {
    push({ kind: 'ratio', key: 'grr', ratio: 'grr', precision: 'f32' });
    push({ kind: 'ratio', key: 'nrr', ratio: 'nrr', precision: 'f32' });
  }
  // Renewal rates need customers (and ARR) due this year, which the plan fixes: none, no column.
  if (tiers.some(renewsThisYear)) {
    push({ kind: 'ratio', key: 'logoRenewal', ratio: 'logoRenewal', precision: 'f32' });
    push({ kind: 'ratio', key: 'dollarRenewal', ratio: 'dollarRenewal', precision: 'f32' });
  }
  const bookingsAreArr = tiers.every(
    (t) => (t.newBusiness?.serviceStart.max ?? 0) === 0 && !(t.existing?.book?.escalation.some((x) => x > 0) ?? false),
  );
  push({ kind: 'count', key: 'customersWon', count: 'customersWon', precision: 'f32' });
  push({ kind: 'count', key: 'customersLost', count: 'customersLost', precision: 'f32' });
  for (let m = 1; m <= 12; m++) push({ kind: 'mrr', key: `mrr.${m}`, month: m, precision: 'f32' });
  for (const metric of METRICS)
    for (const component of storedComponents(metric)) {
      const key = `component.${metric}.${component}`;
      if (metric === 'bookings' && bookingsAreArr && BOOKINGS_ALIASES.includes(component)) {
        aliases.set(key, `component.endingArr.${component}`);
        keys.push(key);
      } else push({ kind: 'component', key, metric, component, precision: 'f32' });
    }
  if (tiers.length > 1) {
    for (const t of tiers)
      for (const metric of METRICS) push({ kind: 'tierMetric', key: tierKey(t.name, metric), metric, tier: t.name, precision: 'f32' });
  }
  for (const t of tiers) {
    if (tiers.length > 1 && t.existing && t.existing.openingArr > 0) {
      push({ kind: 'ratio', key: tierKey(t.name, 'grr'), ratio: 'grr', tier: t.name, precision: 'f32' });
      push({ kind: 'ratio', key: tierKey(t.name, 'nrr'), ratio: 'nrr', tier: t.name, precision: 'f32' });
    }
    // Logo and dollar renewal part ways when customers differ in size: kept by tier for books read
    // customer by customer (an aggregate book's are near its renewal rate; 8 MB a million trials each).
    if (tiers.length > 1 && t.existing?.book && renewsThisYear(t)) {
      push({ kind: 'ratio', key: tierKey(t.name, 'logoRenewal'), ratio: 'logoRenewal', tier: t.name, precision: 'f32' });
      push({ kind: 'ratio', key: tierKey(t.name, 'dollarRenewal'), ratio: 'dollarRenewal', tier: t.name, precision: 'f32' });
    }
    if (tiers.length > 1 && t.newBusiness)
      push({ kind: 'count', key: tierKey(t.name, 'customersWon'), count: 'customersWon', tier: t.name, precision: 'f32' });
    if (tiers.length > 1 && t.existing)
      push({ kind: 'count', key: tierKey(t.name, 'customersLost'), count: 'customersLost', tier: t.name, precision: 'f32' });
    if (t.newBusiness && t.newBusiness.sources.length > 0) push({ kind: 'count', key: tierKey(t.name, 'leads'), count: 'leads', tier: t.name, precision: 'f32' });
    for (const e of t.extras) push({ kind: 'extra', key: tierKey(t.name, e.key), tier: t.name, extra: e.key, label: e.label, precision: 'f32' });
  }
  if (marketLoaded) push({ kind: 'market', key: MARKET_COLUMN, precision: 'f32' });
  for (const t of tiers)
    for (const d of t.plannedDrivers) if (d.shiftedColumn) push({ kind: 'driver', key: d.shiftedColumn, tier: t.name, driver: d.key, precision: 'f32' });
  for (const t of tiers)
    for (const d of t.plannedDrivers) if (d.ownColumn) push({ kind: 'ownDraw', key: d.ownColumn, tier: t.name, driver: d.key, precision: 'f32' });
  return { columns, index: new Map(columns.map((c, i) => [c.key, i])), aliases, keys };
}

/** True when some customer of the tier with ARR above 0 is due for renewal this year (fixed by the plan). */
function renewsThisYear(t: TierPlan): boolean {
  const e = t.existing;
  if (!e || e.averageArr <= 0) return false;
  if (e.book) return e.book.arrDue > 0;
  return e.due.some((n) => n > 0);
}
