import type { MarketLoadings, Tier } from '../scenario/scenario-schema.js';
import type { Stress } from '../scenario/stress-schema.js';
import { compileCount, type CountDraw } from './count-sampler.js';
import { compileDistribution, type CompiledDistribution } from './distribution-sampler.js';
import { lagPmf, type LagPmf } from './lag-pmf.js';
import { customersDue } from './renewal-schedule.js';
import type { RandomSource } from '../random/source.js';

/** A trial-level driver of a tier, drawn once per trial and reported per trial (trials.csv, sensitivity). */
export const TIER_DRIVERS = [
  'conversion',
  'renewalRate',
  'contractionProbability',
  'expansionProbability',
  'newCustomerExpansionProbability',
  'priceUplift',
] as const;
export type TierDriver = (typeof TIER_DRIVERS)[number];

export const TIER_DRIVER_LABELS: Record<TierDriver, string> = {
  conversion: 'conversion',
  renewalRate: 'renewal rate',
  contractionProbability: 'contraction probability',
  expansionProbability: 'expansion probability',
  newCustomerExpansionProbability: 'new-customer expansion probability',
  priceUplift: 'price uplift',
};

export interface ExistingPlan {
  readonly openingArr: number;
  readonly customers: number;
  /** Average ARR of a customer (currency); every customer of the tier carries it. */
  readonly averageArr: number;
  /** Customers due for renewal in each fiscal month (index 0 = month 1). */
  readonly due: Int32Array;
  readonly renewalRate: CompiledDistribution;
  readonly priceUplift: CompiledDistribution;
  readonly contraction: { readonly probability: CompiledDistribution; readonly size: CompiledDistribution } | undefined;
  readonly expansion: { readonly probability: CompiledDistribution; readonly size: CompiledDistribution } | undefined;
}

export interface NewBusinessPlan {
  readonly leads: (source: RandomSource) => CountDraw;
  /** Lead-volume weight of each fiscal month, averaging 1 (index 0 = month 1). */
  readonly seasonality: Float64Array;
  readonly conversion: CompiledDistribution;
  readonly salesCycle: LagPmf;
  readonly acv: CompiledDistribution;
}

export interface NewCustomerExpansionPlan {
  readonly probability: CompiledDistribution;
  readonly size: CompiledDistribution;
  readonly timing: LagPmf;
}

/**
 * The stress of a tier, the scenario's and the tier's own combined: volume multipliers (1 = none)
 * and additive shifts of rates (0 = none). See `scenario/stress-schema.ts`.
 */
export interface TierStress {
  /** Lead volume x this: (1 + scenario's) x (1 + tier's). */
  readonly leads: number;
  /** New deals' ACV x this. */
  readonly acv: number;
  /** Added to the rate after the market shift, then clamped to [0, 1]: scenario's + tier's. */
  readonly conversion: number;
  readonly renewal: number;
  readonly contraction: number;
  /** Existing and new customers' expansion probability. */
  readonly expansion: number;
}

/**
 * Combine the scenario's stress with a tier's own: relative changes multiply, shifts add.
 *
 * @example combineStress({ leads: -0.2 }, { leads: -0.5, renewal: -0.05 }) // leads 0.4, renewal -0.05
 * Complexity: O(1).
 */
export function combineStress(scenario: Stress | undefined, tier: Stress | undefined): TierStress {
  const g = scenario ?? {};
  const t = tier ?? {};
  return {
    leads: (1 + (g.leads ?? 0)) * (1 + (t.leads ?? 0)),
    acv: (1 + (g.acv ?? 0)) * (1 + (t.acv ?? 0)),
    conversion: (g.conversion ?? 0) + (t.conversion ?? 0),
    renewal: (g.renewal ?? 0) + (t.renewal ?? 0),
    contraction: (g.contraction ?? 0) + (t.contraction ?? 0),
    expansion: (g.expansion ?? 0) + (t.expansion ?? 0),
  };
}

/** A tier made ready to simulate: distributions compiled, calendars turned into counts. */
export interface TierPlan {
  readonly name: string;
  readonly existing: ExistingPlan | undefined;
  readonly newBusiness: NewBusinessPlan | undefined;
  readonly newCustomerExpansion: NewCustomerExpansionPlan | undefined;
  readonly loadings: MarketLoadings;
  readonly stress: TierStress;
  /** The trial-level drivers that vary from trial to trial, in TIER_DRIVERS order. */
  readonly varyingDrivers: readonly TierDriver[];
}

/**
 * Compile one tier of a validated scenario; `stress` is the scenario-wide stress (the tier's own is
 * in `tier.stress`).
 * Complexity: O(size of its distributions' tables).
 */
export function planTier(tier: Tier, loadings: MarketLoadings, stress?: Stress): TierPlan {
  const e = tier.existing;
  const existing: ExistingPlan | undefined = e && {
    openingArr: e.openingArr,
    customers: e.customers,
    averageArr: e.customers > 0 ? e.openingArr / e.customers : 0,
    due: customersDue(e),
    renewalRate: compileDistribution(e.renewalRate),
    priceUplift: compileDistribution(e.priceUplift),
    contraction: e.contraction && {
      probability: compileDistribution(e.contraction.probability),
      size: compileDistribution(e.contraction.size),
    },
    expansion: e.expansion && {
      probability: compileDistribution(e.expansion.probability),
      size: compileDistribution(e.expansion.size),
    },
  };
  const n = tier.newBusiness;
  const newBusiness: NewBusinessPlan | undefined = n && {
    leads: compileCount(n.leadsPerMonth),
    seasonality: normalisedSeasonality(n.seasonality),
    conversion: compileDistribution(n.conversion),
    salesCycle: lagPmf(n.salesCycleMonths),
    acv: compileDistribution(n.acv),
  };
  const x = tier.newCustomerExpansion;
  const newCustomerExpansion: NewCustomerExpansionPlan | undefined = x && {
    probability: compileDistribution(x.probability),
    size: compileDistribution(x.size),
    timing: lagPmf(x.monthsAfterClose),
  };

  const varies = (d: CompiledDistribution | undefined, loading: number) => d !== undefined && (d.constant === undefined || (loading !== 0 && d.constant > 0 && d.constant < 1));
  const varying: Record<TierDriver, boolean> = {
    conversion: varies(newBusiness?.conversion, loadings.conversion),
    renewalRate: varies(existing?.renewalRate, loadings.renewal),
    contractionProbability: varies(existing?.contraction?.probability, loadings.contraction),
    expansionProbability: varies(existing?.expansion?.probability, loadings.expansion),
    newCustomerExpansionProbability: varies(newCustomerExpansion?.probability, loadings.expansion),
    priceUplift: varies(existing?.priceUplift, 0),
  };
  return {
    name: tier.name,
    existing,
    newBusiness,
    newCustomerExpansion,
    loadings,
    stress: combineStress(stress, tier.stress),
    varyingDrivers: TIER_DRIVERS.filter((d) => varying[d]),
  };
}

function normalisedSeasonality(profile: readonly number[] | undefined): Float64Array {
  if (!profile) return new Float64Array(12).fill(1);
  const mean = profile.reduce((a, b) => a + b, 0) / 12;
  return Float64Array.from(profile, (w) => (mean > 0 ? w / mean : 0));
}
