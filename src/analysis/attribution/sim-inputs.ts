import type { Simulation } from '../../engine/simulate.js';
import type { CompiledDistribution } from '../../model/distribution-sampler.js';
import type { DriverUnit, PlannedDriver } from '../../model/drivers/planned-driver.js';
import type { TierPlan } from '../../model/tier-plan.js';
import { prepareInput, type PreparedInput } from './input.js';

/**
 * Attribution uses at most this many trials (the first ones; trials are independent, so any block is
 * a fair sample). At 50,000 a variance share is known to about -/+ 0.5 percentage points (its jackknife
 * interval says how well), a tornado end holds 5,000 trials, and the analysis of the example's 17
 * drivers stays within 0.3 s at 100,000 trials (bench/attribution.mjs).
 */
export const ATTRIBUTION_TRIALS = 50_000;

/** The key and label of the market factor among the drivers. */
export const MARKET_KEY = 'driver.market';
export const MARKET_LABEL = 'Market';

/** A driver as the analysis sees it: what a planner calls it, and its own draw prepared once. */
export interface AttributionDriver {
  /** 'driver.<tier>.<key>', or 'driver.market'. */
  readonly key: string;
  readonly label: string;
  readonly unit: DriverUnit | 'market';
  /** Its tier; undefined for the market, which moves every tier. */
  readonly tier: string | undefined;
  /** The value the scenario states (undefined for the market, whose plan is an average year). */
  readonly planValue: number | undefined;
  readonly loading: number;
  /** Its own draw (z for the market), prepared; undefined when it has no own uncertainty. */
  readonly input: PreparedInput | undefined;
}

export interface AttributionInputs {
  /** Trials used: the first min(trials, ATTRIBUTION_TRIALS). */
  readonly trials: number;
  /** The market first (when some driver is loaded on it), then every tier's drivers in plan order. */
  readonly drivers: readonly AttributionDriver[];
}

/**
 * The independent inputs of a run: the market factor z (column `driver.market`) and each planned
 * driver's own year-level draw (column `own.<tier>.<key>`). Each is ranked once here.
 *
 * Until the model records own draws (issue 11's model side), a tier without `plannedDrivers` gets a
 * fallback list from today's `driver.<tier>.<key>` columns, whose own draw is recovered by undoing
 * the stress and the market shift: own = logistic(logit(value - stress) - b z) for a rate loaded with
 * b (exact up to float32 rounding unless the stress clamped the rate at 0 or 1); a driver the market
 * does not move is its own draw. Its plan value is the stated constant, else the mean of its own draws.
 *
 * Complexity: O(drivers x n log n), one sort per driver.
 */
export function attributionInputs(sim: Simulation): AttributionInputs {
  const n = Math.min(sim.trials, ATTRIBUTION_TRIALS);
  const cut = (c: ArrayLike<number> & { subarray(a: number, b: number): ArrayLike<number> }) => c.subarray(0, n);
  const z = sim.store.column(MARKET_KEY);
  const drivers: AttributionDriver[] = [];
  if (z) drivers.push({ key: MARKET_KEY, label: MARKET_LABEL, unit: 'market', tier: undefined, planValue: undefined, loading: 1, input: prepareInput(cut(z), 'market') });
  for (const tier of sim.plan.tiers) {
    const planned = (tier as TierPlan & { readonly plannedDrivers?: readonly PlannedDriver[] }).plannedDrivers;
    for (const d of planned ?? fallbackDrivers(tier)) {
      const own = ownValues(sim, tier, d, z ? cut(z) : undefined, n);
      // A driver that never varies (no own draw, no market loading) moves nothing: not listed.
      if (!own && (d.loading === 0 || !z)) continue;
      drivers.push({
        key: d.shiftedColumn ?? `driver.${d.tier}.${d.key}`,
        label: d.label,
        unit: d.unit,
        tier: d.tier,
        planValue: Number.isFinite(d.planValue) ? d.planValue : own ? mean(own) : undefined,
        loading: d.loading,
        input: own ? prepareInput(own, 'own') : undefined,
      });
    }
  }
  return { trials: n, drivers };
}

/** The drivers that can move a metric: a tier's own and the market for a tier's metric, all for the company's. */
export function driversMoving(drivers: readonly AttributionDriver[], tier: string | undefined): AttributionDriver[] {
  return tier === undefined ? [...drivers] : drivers.filter((d) => d.tier === undefined || d.tier === tier);
}

const mean = (v: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]!;
  return s / v.length;
};

/** The driver's own draws: its `own.` column, else (fallback) recovered from the shifted column. */
function ownValues(sim: Simulation, tier: TierPlan, d: PlannedDriver, z: ArrayLike<number> | undefined, n: number): Float64Array | undefined {
  if (d.ownColumn !== undefined) {
    const c = sim.store.column(d.ownColumn);
    return c ? Float64Array.from(c.subarray(0, n)) : undefined;
  }
  // A planned driver from the model with no own column has no own uncertainty.
  if ((tier as { plannedDrivers?: unknown }).plannedDrivers !== undefined || d.shiftedColumn === undefined) return undefined;
  const dist = compiled(tier, d.key);
  if (!dist || dist.constant !== undefined) return undefined;
  const shifted = sim.store.column(d.shiftedColumn);
  if (!shifted) return undefined;
  const shift = stressShift(tier, d.key);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = shifted[i]! - shift;
    out[i] = d.loading !== 0 && z && p > 0 && p < 1 ? 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) - d.loading * z[i]!))) : p;
  }
  return out;
}

/**
 * Fallback list from today's varying-driver slots (`TierPlan.varyingDrivers`, read loosely: the
 * registry replaces it, and then this fallback is never reached and can go).
 */
function fallbackDrivers(tier: TierPlan): PlannedDriver[] {
  const slots = (tier as { readonly varyingDrivers?: readonly string[] }).varyingDrivers ?? [];
  return slots.map((key) => {
    const dist = compiled(tier, key);
    return {
      key,
      tier: tier.name,
      label: `${tier.name} ${slotLabel(key)}`,
      unit: key === 'reps.capacity' ? 'deals per rep a month' : 'rate',
      planValue: dist?.constant ?? NaN,
      ownColumn: undefined,
      shiftedColumn: `driver.${tier.name}.${key}`,
      loading: loadingOf(tier, key),
    };
  });
}

/** A driver slot in words, e.g. 'conversion.A' -> 'A conversion' (as today's driverLabel). */
function slotLabel(key: string): string {
  const words: Record<string, string> = {
    conversion: 'conversion',
    renewalRate: 'renewal rate',
    contractionProbability: 'contraction probability',
    expansionProbability: 'expansion probability',
    newCustomerExpansionProbability: 'new-customer expansion probability',
    priceUplift: 'price uplift',
    'earlierLeads.conversion': 'earlier leads conversion',
    'reps.attrition': 'rep attrition',
    'reps.capacity': 'deals per ramped rep',
    'reps.hireSlip': 'hire slip probability',
  };
  if (key in words) return words[key]!;
  if (key.startsWith('conversion.')) return `${key.slice('conversion.'.length)} conversion`;
  if (key.startsWith('pipeline.')) return `pipeline group ${key.split('.')[1]} win probability`;
  return key;
}

/** The market loading of a driver slot (contraction moves against the market). */
function loadingOf(tier: TierPlan, key: string): number {
  const l = tier.loadings;
  if (key === 'conversion' || key.startsWith('conversion.') || key === 'earlierLeads.conversion' || key.startsWith('pipeline.')) return l.conversion;
  if (key === 'renewalRate') return l.renewal;
  if (key === 'contractionProbability') return -l.contraction;
  if (key === 'expansionProbability' || key === 'newCustomerExpansionProbability') return l.expansion;
  return 0;
}

/** The stress shift added to a driver slot after the market shift. */
function stressShift(tier: TierPlan, key: string): number {
  const s = tier.stress;
  if (key === 'conversion' || key.startsWith('conversion.') || key === 'earlierLeads.conversion' || key.startsWith('pipeline.')) return s.conversion;
  if (key === 'renewalRate') return s.renewal;
  if (key === 'contractionProbability') return s.contraction;
  if (key === 'expansionProbability' || key === 'newCustomerExpansionProbability') return s.expansion;
  return 0;
}

/** The compiled distribution behind a driver slot. */
function compiled(tier: TierPlan, key: string): CompiledDistribution | undefined {
  const nb = tier.newBusiness;
  const e = tier.existing;
  if (key === 'conversion') return nb?.sources.find((s) => s.name === '')?.conversion;
  if (key.startsWith('conversion.')) return nb?.sources.find((s) => s.name === key.slice('conversion.'.length))?.conversion;
  if (key === 'earlierLeads.conversion') return nb?.earlierLeads?.conversion;
  if (key.startsWith('pipeline.')) return nb?.pipelineGroups[Number(key.split('.')[1]) - 1]?.winProbability;
  if (key === 'renewalRate') return e?.renewalRate;
  if (key === 'priceUplift') return e?.priceUplift;
  if (key === 'contractionProbability') return e?.contraction?.probability;
  if (key === 'expansionProbability') return e?.expansion?.probability;
  if (key === 'newCustomerExpansionProbability') return tier.newCustomerExpansion?.probability;
  if (key === 'reps.attrition') return nb?.reps?.attrition;
  if (key === 'reps.capacity') return nb?.reps?.capacity;
  if (key === 'reps.hireSlip') return nb?.reps?.slipProbability;
  return undefined;
}
