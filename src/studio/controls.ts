import type { LoadedScenario } from '../scenario/parse.js';
import { distinctTargets } from '../scenario/target-labels.js';
import type { DistributionSpec } from '../scenario/distribution-schema.js';
import type { MetricTarget } from '../scenario/targets-schema.js';
import type { TierDriver } from '../model/drivers/tier-drivers.js';
import { planLoaded } from '../engine/simulate.js';
import { formatMarketFactor } from '../analysis/compare.js';
import { normalQuantile } from '../math/normal-cdf.js';
import { formatCount, formatPercent } from '../report/format.js';
import { toFixedDecimal } from '../math/decimal-round.js';
import { currencyMark, formatCurrency, type CurrencyMark } from '../report/money.js';
import { editable } from './recentre.js';
import { shapeControls, type ShapeKind } from './shape-controls.js';
import { fieldTakes, widestSpreads } from './feasible-spread.js';

/** One driver's slider: the central values it offers (the plan among them) and, where it has one, spread factors. */
export interface DriverControl {
  /** `<tier index>/<driver key>`: how a page state names it. */
  readonly id: string;
  readonly tier: string;
  readonly label: string;
  readonly unit: TierDriver['unit'] | 'months' | 'factor';
  /**
   * Absent: the slider moves the driver's central value (recentre.ts). Present: it moves the field's
   * shape in named whole steps (shape-controls.ts): the plan is 0 months or × 1, and only the values
   * offered are taken.
   */
  readonly kind?: ShapeKind;
  /** Its central value as the file writes it. */
  readonly plan: number;
  /** The central values the slider steps through, ascending; `values[planIndex] === plan`. */
  readonly values: readonly number[];
  readonly labels: readonly string[];
  readonly planIndex: number;
  /** Spread factors (1 = as the file), present when the driver has year-level uncertainty with a spread. */
  readonly spreads?: readonly number[];
  /**
   * With `spreads`: for each central value, the index in `spreads` of the widest spread its field
   * takes there (feasible-spread.ts): the page offers the spreads up to it, and the central values
   * whose widest reaches the spread slider's position (central-range.ts).
   */
  readonly widest?: readonly number[];
  /** Where the moved distribution goes inside the tier: the driver's field, then 'mean' or 'median' for a year-level layer. */
  readonly path: ReadonlyArray<string | number>;
}

/** The market control: fix the year at one of these percentiles of the market factor, or leave it as the file says. */
export interface MarketControl {
  readonly percentiles: readonly number[];
  readonly labels: readonly string[];
  /** The file's own market: 'drawn every trial' or the factor it fixes. */
  readonly asFile: string;
}

export interface Controls {
  readonly drivers: readonly DriverControl[];
  readonly market?: MarketControl;
  /** The targets the page starts with: the file's, then those given at start. */
  readonly targets: readonly MetricTarget[];
  readonly confidences: readonly number[];
}

/** Steps each side of the plan on a central-value slider. */
const STEPS = 20;
/** Spread factors offered: a quarter of the file's spread to twice it. */
export const SPREADS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2] as const;
/** Market percentiles offered ("a year like the worst 10%" .. "the best 10%"). */
export const MARKET_PERCENTILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] as const;
export const CONFIDENCES = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95] as const;

/**
 * The confidences the page offers when it starts at `start` (arrcast studio --confidence): `offered`
 * with `start` among them, in order. The page starts its slider at `start` only if it is one of them;
 * otherwise it started at 80%, and `--confidence 65%` showed the 80% budget without a word.
 *
 * @example withConfidence(CONFIDENCES, 0.65) // => [0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]
 */
export function withConfidence(offered: readonly number[], start: number): number[] {
  return [...new Set([...offered, start])].sort((a, b) => a - b);
}

/**
 * The market factor for "a year like the P-th percentile": z = Φ⁻¹(p), as `market.factor` takes it
 * (p = 0.1 gives -1.2816, the one-in-ten bad year of README's stress cases).
 */
export const marketFactor = (percentile: number): number => normalQuantile(percentile);

/** "a year like the worst 10%", "a middling year", "a year like the best 30%". */
export function marketLabel(p: number): string {
  const pct = Number(toFixedDecimal(p * 100, 0));
  if (pct === 50) return 'a middling year (the market at its median)';
  return pct < 50 ? `a year like the worst ${pct}%` : `a year like the best ${100 - pct}%`;
}

/**
 * A driver value as the page shows it; an amount with the scenario's currency symbol (`symbol`), as
 * the page's figures have it (formatCurrency, at the currency's minor unit: ¥7, not ¥7.40): an ACV
 * read "11.0k" beside revenue's "$119M".
 *
 * @example formatDriverValue('currency', 11000, '$') // => '$11.0k'
 */
export function formatDriverValue(unit: TierDriver['unit'], v: number, symbol: CurrencyMark): string {
  if (unit === 'rate') return Math.abs(v) < 0.1 ? `${toFixedDecimal(v * 100, 2)}%` : formatPercent(v);
  if (unit === 'currency') return formatCurrency(v, symbol);
  if (unit === 'count') return formatCount(v);
  return toFixedDecimal(v, 2);
}

/** The distribution at `path` in a value, or undefined. */
export function specAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let at: unknown = root;
  for (const p of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[p];
  }
  return at;
}

/** Central values around the plan: rates within 60% of the way to 0 or 1, volumes and amounts ±50%. */
function centralValues(unit: TierDriver['unit'], plan: number): number[] {
  const out: number[] = [];
  if (unit === 'rate') {
    const h = 0.6 * Math.min(plan, 1 - plan);
    if (!(h > 0)) return [plan];
    for (let i = -STEPS; i <= STEPS; i++) out.push(i === 0 ? plan : plan + (i * h) / STEPS);
  } else {
    if (!(plan > 0)) return [plan];
    for (let i = -STEPS; i <= STEPS; i++) out.push(i === 0 ? plan : plan * (1 + (i * 0.5) / STEPS));
  }
  return out;
}

/** Where a driver's year-level distribution sits in its tier: its field, or the `mean`/`median` inside it. */
function yearLevelPath(driver: TierDriver, tier: unknown): ReadonlyArray<string | number> {
  const spec = specAt(tier, driver.field) as DistributionSpec | undefined;
  if (spec && typeof spec === 'object') {
    if ((spec.dist === 'poisson' || spec.dist === 'negativeBinomial') && typeof spec.mean === 'object') return [...driver.field, 'mean'];
    if (spec.dist === 'lognormal' && typeof spec.median === 'object') return [...driver.field, 'median'];
  }
  return driver.field;
}

/**
 * The page's controls, read from the driver registry (model/drivers): one per driver of every tier
 * whose central value is one number of its distribution (the spread too when the driver has
 * year-level uncertainty); then each tier's rep hires, sales cycle and seasonality, moved by their
 * shape (shape-controls.ts); the market when some loading is set; the targets; the confidences.
 */
export function studioControls(loaded: LoadedScenario, extraTargets: readonly MetricTarget[] = []): Controls {
  const plan = planLoaded(loaded);
  const scenario = loaded.scenario;
  const symbol = currencyMark(scenario.currency);
  const drivers: DriverControl[] = [];
  plan.tiers.forEach((tierPlan, t) => {
    const tier = scenario.tiers[t];
    for (const d of tierPlan.plannedDrivers) {
      const path = yearLevelPath(d, tier);
      const spec = specAt(tier, path) as DistributionSpec | undefined;
      if (spec === undefined) continue;
      const e = editable(spec);
      if (!e || !Number.isFinite(e.central)) continue;
      const spreads = d.ownColumn !== undefined && e.spread ? SPREADS : undefined;
      // Only central values the driver's field takes (at some spread offered, or as it is): a PERT
      // price uplift whose min would go below 0, a rate's quantiles past 1, are not offered.
      const field = specAt(tier, d.field);
      const inner = path.slice(d.field.length) as string[];
      const all = centralValues(d.unit, e.central);
      const widestAll = spreads ? widestSpreads(d.kind, field, inner, all, all.indexOf(e.central), spreads) : undefined;
      const kept = all.map((v, i) => v === e.central || (widestAll ? widestAll[i]! >= 0 : fieldTakes(d.kind, field, inner, v, 1)));
      const values = all.filter((_, i) => kept[i]);
      if (values.length < 2) continue;
      const planIndex = values.indexOf(e.central);
      drivers.push({
        id: `${t}/${d.key}`,
        tier: tierPlan.name,
        label: d.label,
        unit: d.unit,
        plan: e.central,
        values,
        labels: values.map((v) => formatDriverValue(d.unit, v, symbol)),
        planIndex,
        ...(spreads ? { spreads, widest: widestAll!.filter((_, i) => kept[i]) } : {}),
        path,
      });
    }
    for (const c of shapeControls(tier!))
      drivers.push({ id: `${t}/${c.key}`, tier: tierPlan.name, label: c.label, unit: c.unit, kind: c.kind, plan: c.plan, values: c.values, labels: c.labels, planIndex: c.values.indexOf(c.plan), path: c.path });
  });
  // Drivers the file states with year-level uncertainty first (the planner's open questions), then the rest.
  drivers.sort((a, b) => Number(b.spreads !== undefined) - Number(a.spreads !== undefined));
  const loadings = scenario.market.loadings;
  const moves = Object.values(loadings).some((b) => b !== 0);
  const factor = scenario.market.factor;
  const market = moves
    ? {
        percentiles: MARKET_PERCENTILES,
        labels: MARKET_PERCENTILES.map(marketLabel),
        asFile: factor === undefined ? 'drawn afresh every trial' : `fixed at z = ${formatMarketFactor(factor)}`,
      }
    : undefined;
  return {
    drivers,
    ...(market ? { market } : {}),
    targets: distinctTargets([...(scenario.targets?.metrics ?? []), ...extraTargets]),
    confidences: CONFIDENCES,
  };
}
