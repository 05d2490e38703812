import type { NewBusiness } from '../scenario/scenario-schema.js';
import { leadSourceName } from '../scenario/lead-source-name.js';
import { distributionSupport } from '../scenario/distribution-support.js';
import type { PipelineBook } from '../scenario/pipeline-file.js';
import type { RandomSource } from '../random/source.js';
import { compileCount, type CountSampler } from './count-sampler.js';
import { compileDistribution, type CompiledDistribution } from './distribution-sampler.js';
import { lagPmf, type LagPmf } from './lag-pmf.js';
import { compileYearLevel, type CompiledYearLevel, type YearLevel } from './year-level-plan.js';
import type { YearLevelSpec } from '../scenario/year-level-schema.js';
import type { DistributionSpec } from '../scenario/distribution-schema.js';
import { betaParams } from '../math/distribution-params.js';

export type { YearLevel } from './year-level-plan.js';

/** One stream of leads: the tier's leads (name ''), or a grade/channel of them. */
export interface LeadSourcePlan {
  /** '' for the tier's single lead stream; the grade/channel name otherwise. */
  readonly name: string;
  readonly grade: string | undefined;
  readonly channel: string | undefined;
  /** Each month's count at the planned mean (scaled by the year-level draw / plan, seasonality and market). */
  readonly leads: CountSampler;
  /** This year's mean leads a month, drawn once per trial; undefined when the mean is a number. */
  readonly level: YearLevel | undefined;
  /** Leads a month as written (the mean, or the year-level mean's central value). */
  readonly planLeads: number;
  /** Lead-volume weight of each fiscal month, averaging 1 (index 0 = month 1). */
  readonly seasonality: Float64Array;
  readonly conversion: CompiledDistribution;
  /**
   * The most leads a month can bring at a multiplier of 1 (seasonality, market, stress 1), before
   * the stochastic rounding's one more: the top of the count's support; Infinity for a Poisson or
   * negative binomial count or a year-level mean (capacity-slack.ts's capacityNeverBinds).
   */
  readonly leadsMax: number;
  /**
   * The mean of a Poisson count with a number for its mean (at a multiplier of 1), whose deals
   * a month are Poisson too: capacity-slack.ts bounds the chance they exceed the reps' capacity.
   * Undefined for any other count, or a year-level mean.
   */
  readonly poissonMean: number | undefined;
  /** The top of the conversion's support (capacity-slack.ts: no deal more than this share of the leads, before market and stress). */
  readonly conversionMax: number;
  /**
   * A beta conversion's parameters (capacity-slack.ts bounds the deals over its distribution instead
   * of at the top of the support, 1); undefined for any other.
   */
  readonly conversionBeta: { readonly alpha: number; readonly beta: number } | undefined;
}

export interface EarlierLeadsPlan {
  readonly count: number;
  readonly conversion: CompiledDistribution;
  /** P(close month = m) for m = 1..12, as a lag pmf over 0..11 (lag = m - 1). */
  readonly closeMonth: LagPmf;
}

export interface PipelineGroupPlan {
  readonly count: number;
  readonly winProbability: CompiledDistribution;
  readonly closeMonth: number;
  /** Each won opportunity's ACV at the planned median; undefined: the tier's acv. */
  readonly amount: CompiledDistribution | undefined;
  /** This year's median amount of the group, drawn once per trial; undefined when a number (or the tier's acv). */
  readonly amountLevel: YearLevel | undefined;
  readonly planAmount: number | undefined;
}

export interface RepsPlan {
  readonly start: number;
  /** Planned hires by fiscal month (index 0 = month 1). */
  readonly hires: Int32Array;
  readonly slipProbability: CompiledDistribution | undefined;
  /** Months a slipped hire starts late (lag 1..24). */
  readonly slipMonths: LagPmf | undefined;
  readonly attrition: CompiledDistribution;
  /** Share of full productivity by month of tenure (index 0 = first month); 1 after the last. */
  readonly ramp: Float64Array;
  readonly capacity: CompiledDistribution;
  /** The top of the capacity's support (Infinity: unbounded): what the floor can close at most (rep-floor-timing.ts). */
  readonly capacityMax: number;
  /** The bottom of the capacity's support: what the floor can close at least (rep-floor-timing.ts). */
  readonly capacityMin: number;
  /** Each rep's productivity (deals it sources a month) at the planned median, drawn per rep per trial. */
  readonly sourced: CompiledDistribution | undefined;
  /** This year's median productivity, drawn once per trial (every rep's draw scales by it / plan); undefined when a number. */
  readonly sourcedLevel: YearLevel | undefined;
  /** Productivity as written (the median, or the year-level median's central value). */
  readonly planSourced: number;
  readonly carryOverflow: boolean;
  /** Most reps the year can see: start + every hire. */
  readonly maxReps: number;
}

export interface ContractTermsPlan {
  readonly months: Int32Array;
  /** Total contract value per unit of first-year ACV: sum over contract years of (1 + escalator)^y. */
  readonly tcvFactor: Float64Array;
  /** The share of deals on each term, by term index: split a month's deals, or pick one deal's term. */
  readonly mix: LagPmf;
}

export interface NewBusinessPlan {
  readonly sources: readonly LeadSourcePlan[];
  /** Simulate leads of the months before the year that close in it (false when the open book is stated). */
  readonly warmStart: boolean;
  readonly salesCycle: LagPmf;
  /** Each deal's ACV at the planned median (scaled by the year-level draw / plan, market and stress). */
  readonly acv: CompiledDistribution;
  /** This year's median ACV, drawn once per trial; undefined when the median is a number. */
  readonly acvLevel: YearLevel | undefined;
  /** ACV as written (the median, or the year-level median's central value). */
  readonly planAcv: number;
  readonly earlierLeads: EarlierLeadsPlan | undefined;
  readonly pipelineGroups: readonly PipelineGroupPlan[];
  readonly pipelineFile: PipelineBook | undefined;
  readonly reps: RepsPlan | undefined;
  readonly terms: ContractTermsPlan | undefined;
  readonly serviceStart: LagPmf;
}

/**
 * Compile a tier's new business. `pipeline` is the tier's part of its opening-pipeline file, if any.
 * Complexity: O(size of its distributions' tables).
 */
export function planNewBusiness(n: NewBusiness, pipeline: PipelineBook | undefined): NewBusinessPlan {
  const tierSeasonality = normalisedSeasonality(n.seasonality);
  const sources: LeadSourcePlan[] = [];
  if (n.leadsPerMonth !== undefined && n.conversion !== undefined) {
    const leads = compileYearLevel(n.leadsPerMonth);
    sources.push({
      name: '',
      grade: undefined,
      channel: undefined,
      leads: compileCount(leads.unit),
      level: leads.level,
      planLeads: leads.plan,
      seasonality: tierSeasonality,
      conversion: compileDistribution(n.conversion),
      leadsMax: leads.level === undefined ? distributionSupport(leads.unit).max : Infinity,
      poissonMean: fixedPoissonMean(leads),
      conversionMax: distributionSupport(n.conversion).max,
      conversionBeta: betaOf(n.conversion),
    });
  }
  for (const s of n.leadSources ?? []) {
    const leads = compileYearLevel(s.leadsPerMonth);
    sources.push({
      name: leadSourceName(s),
      grade: s.grade,
      channel: s.channel,
      leads: compileCount(leads.unit),
      level: leads.level,
      planLeads: leads.plan,
      seasonality: s.seasonality ? normalisedSeasonality(s.seasonality) : tierSeasonality,
      conversion: compileDistribution(s.conversion),
      leadsMax: leads.level === undefined ? distributionSupport(leads.unit).max : Infinity,
      poissonMean: fixedPoissonMean(leads),
      conversionMax: distributionSupport(s.conversion).max,
      conversionBeta: betaOf(s.conversion),
    });
  }
  const e = n.earlierLeads;
  const earlierLeads: EarlierLeadsPlan | undefined = e && {
    count: e.count,
    conversion: compileDistribution(e.conversion),
    closeMonth: lagPmf({ dist: 'discrete', values: e.closeMonth.map((_, i) => i), weights: e.closeMonth }),
  };
  const r = n.reps;
  const sourced = r?.sourcedDealsPerMonth === undefined ? undefined : compileYearLevel(r.sourcedDealsPerMonth);
  const reps: RepsPlan | undefined = r && {
    start: r.start,
    hires: Int32Array.from(r.hires),
    slipProbability: r.hireSlip && compileDistribution(r.hireSlip.probability),
    slipMonths: r.hireSlip && lagPmf(r.hireSlip.months),
    attrition: compileDistribution(r.attrition),
    ramp: Float64Array.from(r.ramp),
    capacity: compileDistribution(r.capacity),
    capacityMax: distributionSupport(r.capacity).max,
    capacityMin: distributionSupport(r.capacity).min,
    sourced: sourced && compileDistribution(sourced.unit),
    sourcedLevel: sourced?.level,
    planSourced: sourced?.plan ?? 0,
    carryOverflow: r.overflow === 'carry',
    maxReps: r.start + r.hires.reduce((a, h) => a + h, 0),
  };
  const terms: ContractTermsPlan | undefined = n.terms && {
    months: Int32Array.from(n.terms, (t) => t.months),
    tcvFactor: Float64Array.from(n.terms, (t) => {
      let f = 0;
      for (let y = 0; y < t.months / 12; y++) f += (1 + t.escalator) ** y;
      return f;
    }),
    mix: lagPmf({ dist: 'discrete', values: n.terms.map((_, i) => i), weights: n.terms.map((t) => t.share) }),
  };
  const acv = compileYearLevel(n.acv);
  return {
    sources,
    warmStart: n.earlierLeads === undefined && n.openingPipeline === undefined,
    salesCycle: lagPmf(n.salesCycleMonths),
    acv: compileDistribution(acv.unit),
    acvLevel: acv.level,
    planAcv: acv.plan,
    earlierLeads,
    pipelineGroups: (n.openingPipeline?.groups ?? []).map((g) => ({
      count: g.count,
      winProbability: compileDistribution(g.winProbability),
      closeMonth: g.closeMonth,
      ...groupAmount(g.amount),
    })),
    pipelineFile: pipeline,
    reps,
    terms,
    serviceStart: lagPmf(n.serviceStartLagMonths),
  };
}

/** A beta's parameters (alpha, beta); undefined for any other distribution. */
function betaOf(spec: DistributionSpec): { alpha: number; beta: number } | undefined {
  if (typeof spec !== 'object' || spec.dist !== 'beta') return undefined;
  const { alpha, beta } = betaParams(spec);
  return { alpha, beta };
}

/** The mean of a lead count that is a Poisson of a stated mean (LeadSourcePlan.poissonMean); undefined otherwise. */
function fixedPoissonMean(leads: CompiledYearLevel): number | undefined {
  const unit = leads.unit;
  return leads.level === undefined && typeof unit !== 'number' && unit.dist === 'poisson' ? unit.mean : undefined;
}

/** A pipeline group's own amount in its two layers (see `year-level-plan.ts`). */
function groupAmount(spec: YearLevelSpec | undefined): Pick<PipelineGroupPlan, 'amount' | 'amountLevel' | 'planAmount'> {
  if (spec === undefined) return { amount: undefined, amountLevel: undefined, planAmount: undefined };
  const c = compileYearLevel(spec);
  return { amount: compileDistribution(c.unit), amountLevel: c.level, planAmount: c.plan };
}

function normalisedSeasonality(profile: readonly number[] | undefined): Float64Array {
  if (!profile) return new Float64Array(12).fill(1);
  const mean = profile.reduce((a, b) => a + b, 0) / 12;
  return Float64Array.from(profile, (w) => (mean > 0 ? w / mean : 0));
}
