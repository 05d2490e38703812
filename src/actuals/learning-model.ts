import type { ScenarioPlan } from '../model/scenario-plan.js';
import type { TierPlan } from '../model/tier-plan.js';
import { driverSlot, type TierDriver } from '../model/drivers/tier-drivers.js';
import { streamSeed } from '../random/source.js';
import { namePart } from '../random/name-part.js';
import type { MonthlyFile } from './monthly-record.js';
import { QuantileTable } from './prior-table.js';
import { tierLikelihood, type LearnedKind, type Term } from './likelihood-terms.js';

export { LEARNED_KINDS, type LearnedKind } from './likelihood-terms.js';

/** A driver whose own draw the sampler moves: its tier, slot and prior as a quantile table. */
export interface LearnedDriver {
  readonly tier: number;
  readonly kind: LearnedKind;
  readonly driver: TierDriver;
  readonly table: QuantileTable;
  /** Its slot in the tier's planned drivers (TierOutcome.own). */
  readonly slot: number;
  /** Index of its standard normal in the sampler's state (the market factor, when learned, is index 0). */
  readonly latent: number;
}

/** What the evidence of one tier taught, in words, for the report. */
export interface EvidenceNote {
  readonly tier: string;
  /** The likelihood terms used: 'leads', 'deals', 'new_arr', 'renewals'. */
  readonly terms: readonly string[];
  /** Evidence the model could not use, and why. */
  readonly unused: readonly string[];
}

/**
 * The posterior of a re-forecast's year-level draws, as a likelihood on standard normals: the state
 * f holds the market factor z (index 0, unless a stress fixes it) and one normal e per learned
 * driver, whose value is its prior's quantile at Phi(e). The prior of f is N(0, I) exactly, so an
 * elliptical slice sampler needs only `logLikelihood`.
 */
export interface LearningModel {
  readonly dimension: number;
  /** Index of the market factor in f, or -1 when a stress fixes it (then `fixedZ`). */
  readonly market: number;
  readonly fixedZ: number;
  readonly drivers: readonly LearnedDriver[];
  readonly notes: readonly EvidenceNote[];
  logLikelihood(f: Float64Array): number;
  /** The market factor of state f. */
  zOf(f: Float64Array): number;
  /** The own draw of learned driver i in state f. */
  valueOf(f: Float64Array, i: number): number;
  /** Each likelihood term's tier (its index in the plan) and what it weighs (its name in `notes`' terms), in termValues' order. */
  readonly termNames: ReadonlyArray<{ readonly tier: number; readonly term: string }>;
  /** Each term's log-likelihood at state f, in termNames' order: which evidence pulls the posterior where (not the sampler's path). */
  termValues(f: Float64Array): Float64Array;
}

/**
 * Build the likelihood of the first `months` closed months of `file` under the plan's model.
 * Exact terms: leads ~ Poisson / negative binomial of the month's mean; deals ~ Binomial(leads,
 * conversion) when deals close in the month of their lead. Approximate terms: with a sales cycle,
 * deals ~ Poisson(conversion x sum over cohorts of leads x P(lag)), leads before the year at their
 * mean; new_arr given deals ~ lognormal with the sum's mean and variance (Fenton-Wilkinson, exact
 * for one deal); a customer book's renewed ARR ~ normal with its mean and variance.
 * Complexity: O(tiers x months x lags) per evaluation; tables O(16,384 log) per learned driver once.
 */
export function learningModel(plan: ScenarioPlan, file: MonthlyFile, months: number, seed: string): LearningModel {
  const fixed = plan.scenario.market.factor;
  const market = fixed === undefined ? 0 : -1;
  let next = market + 1;
  const drivers: LearnedDriver[] = [];
  const notes: EvidenceNote[] = [];
  const tierTerms: Array<{ tier: number; terms: Term[]; own: Float64Array; learned: LearnedDriver[] }> = [];
  const termNames: Array<{ tier: number; term: string }> = [];
  plan.tiers.forEach((t, ti) => {
    const rows = (file.byTier.get(t.name) ?? []).slice(0, months);
    const spec = plan.scenario.tiers[ti]!;
    const own = new Float64Array(t.plannedDrivers.length).fill(NaN);
    const learned: LearnedDriver[] = [];
    // A driver's value in the likelihood: a constant, or learned (its own draw moves); undefined: neither (terms needing it are left out).
    const known = (kind: LearnedKind): boolean => {
      const slot = driverSlot(t.plannedDrivers, kind);
      if (slot < 0) return false;
      const d = t.plannedDrivers[slot]!;
      if (d.ownColumn === undefined) {
        own[slot] = d.planValue;
        return true;
      }
      if (!learned.some((l) => l.kind === kind)) {
        const table = new QuantileTable(yearLevelOf(t, kind)!, streamSeed(seed, 'reforecast.prior', namePart(t.name), d.stream));
        const l: LearnedDriver = { tier: ti, kind, driver: d, table, slot, latent: next++ };
        learned.push(l);
        drivers.push(l);
      }
      return true;
    };
    const { terms, used, unused } = tierLikelihood(t, spec, rows, known);
    notes.push({ tier: t.name, terms: used, unused });
    tierTerms.push({ tier: ti, terms, own, learned });
    // tierLikelihood names each term it makes, in order (used[i] is terms[i]'s).
    for (const term of used) termNames.push({ tier: ti, term });
  });
  const zOf = (f: Float64Array) => (market < 0 ? fixed! : f[market]!);
  const valueOf = (f: Float64Array, i: number) => {
    const l = drivers[i]!;
    return l.table.atScore(f[l.latent]!);
  };
  return {
    dimension: next,
    market,
    fixedZ: fixed ?? NaN,
    drivers,
    notes,
    zOf,
    valueOf,
    termNames,
    termValues(f) {
      const z = zOf(f);
      const out: number[] = [];
      for (const tt of tierTerms) {
        for (const l of tt.learned) tt.own[l.slot] = l.table.atScore(f[l.latent]!);
        for (const term of tt.terms) out.push(term(z, tt.own));
      }
      return Float64Array.from(out);
    },
    logLikelihood(f) {
      const z = zOf(f);
      let sum = 0;
      for (const tt of tierTerms) {
        for (const l of tt.learned) tt.own[l.slot] = l.table.atScore(f[l.latent]!);
        for (const term of tt.terms) sum += term(z, tt.own);
        if (!(sum > Number.NEGATIVE_INFINITY)) return Number.NEGATIVE_INFINITY;
      }
      return sum;
    },
  };
}

/** The compiled year-level distribution of a learned driver of a tier. */
function yearLevelOf(t: TierPlan, kind: LearnedKind) {
  const single = t.newBusiness?.sources.find((s) => s.name === '');
  switch (kind) {
    case 'conversion':
      return single?.conversion;
    case 'leadsPerMonth':
      return single?.level?.distribution;
    case 'acv':
      return t.newBusiness?.acvLevel?.distribution;
    case 'renewalRate':
      return t.existing?.renewalRate;
  }
}
