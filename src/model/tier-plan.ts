import type { MarketLoadings, Tier } from '../scenario/scenario-schema.js';
import type { Stress } from '../scenario/stress-schema.js';
import type { CustomerBook } from '../scenario/customer-book.js';
import type { PipelineBook } from '../scenario/pipeline-file.js';
import { planCustomerBook, type CustomerBookPlan } from './customer-book-plan.js';
import { compileDistribution, type CompiledDistribution } from './distribution-sampler.js';
import { lagPmf, type LagPmf } from './lag-pmf.js';
import { planNewBusiness, type NewBusinessPlan } from './new-business-plan.js';
import { customersDue } from './renewal-schedule.js';
import { sourceKey, sourceOfKey } from './column-key.js';

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
  /** Average ARR of a customer (currency); in an aggregate book every customer of the tier carries it. */
  readonly averageArr: number;
  /** Aggregate book: customers due for renewal in each fiscal month (index 0 = month 1). */
  readonly due: Int32Array;
  /** A book read customer by customer from a file (then `due` is unused). */
  readonly book: CustomerBookPlan | undefined;
  readonly renewalRate: CompiledDistribution;
  readonly priceUplift: CompiledDistribution;
  readonly contraction: { readonly probability: CompiledDistribution; readonly size: CompiledDistribution } | undefined;
  readonly expansion: { readonly probability: CompiledDistribution; readonly size: CompiledDistribution } | undefined;
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

/** A per-trial figure a tier reports beyond the metrics: stored as column `tier.<name>.<key>`. */
export interface TierExtra {
  readonly key: string;
  readonly label: string;
}

/** A tier made ready to simulate: distributions compiled, calendars turned into counts. */
export interface TierPlan {
  readonly name: string;
  readonly existing: ExistingPlan | undefined;
  readonly newBusiness: NewBusinessPlan | undefined;
  readonly newCustomerExpansion: NewCustomerExpansionPlan | undefined;
  readonly loadings: MarketLoadings;
  readonly stress: TierStress;
  /** Every trial-level driver slot of this tier: TIER_DRIVERS, then its lead sources', reps' and so on. */
  readonly drivers: readonly string[];
  /** The drivers that vary from trial to trial, in `drivers` order. */
  readonly varyingDrivers: readonly string[];
  /** Per-trial figures beyond the metrics, in the order the simulator writes them. */
  readonly extras: readonly TierExtra[];
}

/** The files a tier's plan draws on: its customers and its opening pipeline. */
export interface TierFiles {
  readonly book?: CustomerBook;
  readonly pipeline?: PipelineBook;
}

/**
 * Compile one tier of a validated scenario; `stress` is the scenario-wide stress (the tier's own is
 * in `tier.stress`).
 * Complexity: O(size of its distributions' tables and of its files).
 */
export function planTier(tier: Tier, loadings: MarketLoadings, stress?: Stress, files: TierFiles = {}): TierPlan {
  const e = tier.existing;
  if (e?.customersFile !== undefined && !files.book) throw new RangeError(`${tier.name}: customersFile ${e.customersFile} is read when the scenario is loaded from its file (loadScenario, or the arrcast commands), not from text`);
  const book = e && files.book ? planCustomerBook(files.book, e.renewalAdjustments) : undefined;
  const customers = book ? book.customers : (e?.customers ?? 0);
  const openingArr = book ? book.openingArr : (e?.openingArr ?? 0);
  const existing: ExistingPlan | undefined = e && {
    openingArr,
    customers,
    averageArr: customers > 0 ? openingArr / customers : 0,
    due: book ? new Int32Array(12) : customersDue(e),
    book,
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
  const newBusiness = tier.newBusiness && planNewBusiness(tier.newBusiness, files.pipeline);
  const x = tier.newCustomerExpansion;
  const newCustomerExpansion: NewCustomerExpansionPlan | undefined = x && {
    probability: compileDistribution(x.probability),
    size: compileDistribution(x.size),
    timing: lagPmf(x.monthsAfterClose),
  };

  const varies = (d: CompiledDistribution | undefined, loading: number) => d !== undefined && (d.constant === undefined || (loading !== 0 && d.constant > 0 && d.constant < 1));
  const single = newBusiness?.sources.find((s) => s.name === '');
  const varying = new Map<string, boolean>([
    ['conversion', varies(single?.conversion, loadings.conversion)],
    ['renewalRate', varies(existing?.renewalRate, loadings.renewal)],
    ['contractionProbability', varies(existing?.contraction?.probability, loadings.contraction)],
    ['expansionProbability', varies(existing?.expansion?.probability, loadings.expansion)],
    ['newCustomerExpansionProbability', varies(newCustomerExpansion?.probability, loadings.expansion)],
    ['priceUplift', varies(existing?.priceUplift, 0)],
  ]);
  const extras: TierExtra[] = [];
  if (newBusiness) {
    for (const s of newBusiness.sources) {
      if (s.name === '') continue;
      varying.set(sourceKey('conversion', s.name), varies(s.conversion, loadings.conversion));
      extras.push({ key: sourceKey('leads', s.name), label: `${s.name} leads` }, { key: sourceKey('deals', s.name), label: `${s.name} deals` });
    }
    if (newBusiness.earlierLeads) {
      varying.set('earlierLeads.conversion', varies(newBusiness.earlierLeads.conversion, loadings.conversion));
      extras.push({ key: 'earlierLeads.deals', label: 'deals from earlier leads' });
    }
    if (newBusiness.pipelineGroups.length > 0 || newBusiness.pipelineFile)
      extras.push({ key: 'pipeline.won', label: 'opening-pipeline deals won' }, { key: 'pipeline.bookings', label: 'opening-pipeline bookings' });
    newBusiness.pipelineGroups.forEach((g, i) => varying.set(`pipeline.${i + 1}.winProbability`, varies(g.winProbability, loadings.conversion)));
    const r = newBusiness.reps;
    if (r) {
      varying.set('reps.attrition', varies(r.attrition, 0));
      varying.set('reps.capacity', varies(r.capacity, 0));
      if (r.slipProbability) varying.set('reps.hireSlip', varies(r.slipProbability, 0));
      for (let m = 1; m <= 12; m++) extras.push({ key: `reps.ramped.${m}`, label: `ramped reps, month ${m}` });
      extras.push({ key: 'reps.capacity.deals', label: 'deal capacity of the year' });
      extras.push({ key: 'reps.headcount', label: 'reps at year end' });
      extras.push({ key: 'deals.overCapacity', label: 'deals lost to capacity' });
      if (r.sourced) extras.push({ key: 'deals.repSourced', label: 'rep-sourced deals' });
    }
    if (newBusiness.terms) extras.push({ key: 'newTcv', label: 'total contract value of new deals' });
  }
  const drivers = [...varying.keys()];
  return {
    name: tier.name,
    existing,
    newBusiness,
    newCustomerExpansion,
    loadings,
    stress: combineStress(stress, tier.stress),
    drivers,
    varyingDrivers: drivers.filter((d) => varying.get(d)),
    extras,
  };
}

/** A driver's words, e.g. 'conversion.A' -> 'A conversion'. */
export function driverLabel(key: string): string {
  if (Object.hasOwn(TIER_DRIVER_LABELS, key)) return TIER_DRIVER_LABELS[key as TierDriver];
  const source = sourceOfKey('conversion', key);
  if (source !== undefined) return `${source} conversion`;
  if (key.startsWith('pipeline.')) return `pipeline group ${key.split('.')[1]} win probability`;
  const words: Record<string, string> = {
    'earlierLeads.conversion': 'earlier leads conversion',
    'reps.attrition': 'rep attrition',
    'reps.capacity': 'deals per ramped rep',
    'reps.hireSlip': 'hire slip probability',
  };
  return Object.hasOwn(words, key) ? words[key]! : key;
}
