import type { MarketLoadings, Tier } from '../scenario/scenario-schema.js';
import type { Stress } from '../scenario/stress-schema.js';
import type { CustomerBook } from '../scenario/customer-book.js';
import type { PipelineBook } from '../scenario/pipeline-file.js';
import { planCustomerBook, type CustomerBookPlan } from './customer-book-plan.js';
import { renewalRateSpec } from './dollar-renewal.js';
import { compileDistribution, type CompiledDistribution } from './distribution-sampler.js';
import { lagPmf, type LagPmf } from './lag-pmf.js';
import { planNewBusiness, type NewBusinessPlan } from './new-business-plan.js';
import { customersDue } from './renewal-schedule.js';
import { EXTRA_KEYS } from './drivers/extra-keys.js';
import { compileYearLevel, type YearLevel } from './year-level-plan.js';
import type { YearLevelSpec } from '../scenario/year-level-schema.js';
import { planTierDrivers, type TierDriver } from './drivers/tier-drivers.js';
import { driverStatements } from './drivers/driver-statements.js';
import type { TierStart } from './horizon.js';

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
  /** `size` at the planned median; `sizeLevel` this year's median size, drawn once per trial (undefined when a number). */
  readonly expansion: { readonly probability: CompiledDistribution; readonly size: CompiledDistribution; readonly sizeLevel: YearLevel | undefined; readonly planSize: number } | undefined;
}

export interface NewCustomerExpansionPlan {
  readonly probability: CompiledDistribution;
  /** Each expansion's size at the planned median (currency). */
  readonly size: CompiledDistribution;
  /** This year's median size, drawn once per trial (undefined when a number). */
  readonly sizeLevel: YearLevel | undefined;
  readonly planSize: number;
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
  /** Added to the rate after the market shift, then clamped to [0, 1] (a rate drawn as 0 or 1 stays): scenario's + tier's. */
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
  /**
   * Every year-level driver the tier states, from the registry (`drivers/driver-kinds.ts`): its
   * label, unit, plan value and columns. Its order is the order of the slots of TierOutcome.drivers
   * and .own, and of the driver columns.
   */
  readonly plannedDrivers: readonly TierDriver[];
  /** Per-trial figures beyond the metrics, in the order the simulator writes them. */
  readonly extras: readonly TierExtra[];
  /** A re-forecast's state at the end of the closed months (see horizon.ts); undefined in a plan run. */
  readonly start: TierStart | undefined;
}

/** An expansion size's two layers: the size at the planned median, and this year's median (see `year-level-plan.ts`). */
function sizeLayers(spec: YearLevelSpec): { size: CompiledDistribution; sizeLevel: YearLevel | undefined; planSize: number } {
  const c = compileYearLevel(spec);
  return { size: compileDistribution(c.unit), sizeLevel: c.level, planSize: c.plan };
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
export function planTier(tier: Tier, loadings: MarketLoadings, stress?: Stress, files: TierFiles = {}, start?: TierStart): TierPlan {
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
    renewalRate: compileDistribution(renewalRateSpec(e, book)),
    priceUplift: compileDistribution(e.priceUplift),
    contraction: e.contraction && {
      probability: compileDistribution(e.contraction.probability),
      size: compileDistribution(e.contraction.size),
    },
    expansion: e.expansion && {
      probability: compileDistribution(e.expansion.probability),
      ...sizeLayers(e.expansion.size),
    },
  };
  const newBusiness = tier.newBusiness && planNewBusiness(tier.newBusiness, files.pipeline);
  const x = tier.newCustomerExpansion;
  const newCustomerExpansion: NewCustomerExpansionPlan | undefined = x && {
    probability: compileDistribution(x.probability),
    ...sizeLayers(x.size),
    timing: lagPmf(x.monthsAfterClose),
  };

  const extras: TierExtra[] = [];
  if (newBusiness) {
    for (const s of newBusiness.sources)
      if (s.name !== '') extras.push({ key: EXTRA_KEYS.sourceLeads(s.name), label: `${s.name} leads` }, { key: EXTRA_KEYS.sourceDeals(s.name), label: `${s.name} deals` });
    if (newBusiness.earlierLeads) extras.push({ key: EXTRA_KEYS.earlierLeadsDeals, label: 'deals from earlier leads' });
    if (newBusiness.pipelineGroups.length > 0 || newBusiness.pipelineFile)
      extras.push({ key: EXTRA_KEYS.pipelineWon, label: 'opening-pipeline deals won' }, { key: EXTRA_KEYS.pipelineBookings, label: 'opening-pipeline bookings' });
    const r = newBusiness.reps;
    if (r) {
      for (let m = 1; m <= 12; m++) extras.push({ key: EXTRA_KEYS.ramped(m), label: `ramped reps, month ${m}` });
      extras.push({ key: EXTRA_KEYS.capacityDeals, label: 'deal capacity of the year' });
      extras.push({ key: EXTRA_KEYS.headcount, label: 'reps at year end' });
      extras.push({ key: EXTRA_KEYS.overCapacity, label: 'deals lost to capacity' });
      if (r.sourced) extras.push({ key: EXTRA_KEYS.repSourced, label: 'rep-sourced deals' });
    }
    if (newBusiness.terms) extras.push({ key: EXTRA_KEYS.newTcv, label: 'total contract value of new deals' });
  }
  return {
    name: tier.name,
    existing,
    newBusiness,
    newCustomerExpansion,
    loadings,
    stress: combineStress(stress, tier.stress),
    plannedDrivers: planTierDrivers(tier.name, loadings, driverStatements(tier, { existing, newBusiness, newCustomerExpansion })),
    extras,
    start,
  };
}
