import seedrandom from 'seedrandom';
import { fitMetalog, metalogQuantile } from '../../src/math/metalog.js';
import type { Scenario, Tier } from '../../src/scenario/scenario-schema.js';

/**
 * A plain reference simulation of the aggregate-book, lead-driven model, written from the README's
 * model description and the scenario schema's field docs, NOT from the engine's simulators: every
 * lead, deal, customer and size is drawn one by one, with textbook samplers on seedrandom's Alea
 * (a generator the engine no longer uses). Slow (about a millisecond a trial) and meant to be
 * obviously right.
 *
 * Covered: a market factor Z ~ N(0, 1) (or fixed), loadings (volumes x exp(bZ - b^2/2), rates on
 * the log-odds scale + bZ), stresses (volume factors 1 + s, rate shifts + s clamped to [0, 1]),
 * tier lead streams (Poisson or negative binomial, seasonality rescaled to average 1, a warm start
 * of sales-cycle max months), conversion per lead, the sales-cycle lag per deal, a lognormal ACV
 * per deal, new-customer expansion per new customer after its monthsAfterClose lag, and an
 * aggregate existing book (renewal calendar by rounding on the cumulative calendar, each due
 * customer renewing, contracting or expanding on its own, contraction before uplift).
 * Also lead sources (grades/channels, each with its own seasonality and conversion), year-level
 * draws of a lead mean and of the ACV median (the year's units scale by draw / plan), and earlier
 * leads (each closing or not, in a month drawn from the close-month weights).
 * Not covered (`notCovered` names them, and a tier with any of them is refused): opening pipelines,
 * reps, service-start lags, terms, customer files (and so monthly billing and renewal adjustments),
 * year-level layers of other drivers than the lead mean and the ACV median.
 */

const Z90 = 1.2815515655446004;

/** A uniform [0, 1) generator with the textbook samplers built on it. */
class Rng {
  private readonly u: () => number;
  constructor(seed: string) {
    this.u = seedrandom.alea(seed);
  }
  uniform(): number {
    return this.u();
  }
  /** Box-Muller. */
  normal(): number {
    const u1 = 1 - this.u();
    const u2 = this.u();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
  /** Marsaglia-Tsang (2000), with the U^(1/a) boost below shape 1. */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(1 - this.u(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - this.u();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  }
  beta(a: number, b: number): number {
    const x = this.gamma(a);
    return x / (x + this.gamma(b));
  }
  bernoulli(p: number): boolean {
    return this.u() < p;
  }
  /** Poisson by counting the arrivals of a unit-rate-lambda Poisson process in [0, 1): one exponential per arrival. */
  poisson(lambda: number): number {
    let t = 0;
    let k = 0;
    for (;;) {
      t += -Math.log(1 - this.u()) / lambda;
      if (t >= 1) return k;
      k++;
    }
  }
  /** Negative binomial with mean m and dispersion k (variance m + m^2 / k): a gamma-mixed Poisson. */
  negativeBinomial(mean: number, k: number): number {
    return this.poisson((this.gamma(k) * mean) / k);
  }
  /** Index drawn from weights, by a linear scan of the cumulative weights. */
  discrete(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    let u = this.u() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i]!;
      if (u < 0) return i;
    }
    return weights.length - 1;
  }
}

type Sampler = (rng: Rng) => number;

/** A sampler of a distribution spec, from the parameterisations the README and schema state. */
function sampler(spec: unknown): Sampler {
  if (typeof spec === 'number') return () => spec;
  const s = spec as Record<string, unknown> & { dist: string };
  switch (s.dist) {
    case 'fixed':
      return () => s.value as number;
    case 'beta': {
      const mean = s.mean as number;
      const sd = s.sd as number;
      const k = (mean * (1 - mean)) / (sd * sd) - 1;
      return (r) => r.beta(mean * k, (1 - mean) * k);
    }
    case 'pert': {
      const [min, mode, max] = [s.min as number, s.mode as number, s.max as number];
      const a = 1 + (4 * (mode - min)) / (max - min);
      const b = 1 + (4 * (max - mode)) / (max - min);
      return (r) => min + (max - min) * r.beta(a, b);
    }
    case 'lognormal': {
      let mu: number;
      let sigma: number;
      if (s.median !== undefined) {
        mu = Math.log(s.median as number);
        sigma = Math.log((s.p90 as number) / (s.median as number)) / Z90;
      } else {
        const mean = s.mean as number;
        const sd = s.sd as number;
        sigma = Math.sqrt(Math.log(1 + (sd * sd) / (mean * mean)));
        mu = Math.log(mean) - (sigma * sigma) / 2;
      }
      return (r) => Math.exp(mu + sigma * r.normal());
    }
    case 'quantiles': {
      const q = s.quantiles as Record<string, number>;
      const points = Object.entries(q)
        .map(([key, x]) => ({ p: Number(key.slice(1)) / 100, x }))
        .sort((a, b) => a.p - b.p);
      const fit = fitMetalog(points, { lower: s.lower as number | undefined, upper: s.upper as number | undefined });
      return (r) => metalogQuantile(fit, r.uniform());
    }
    case 'discrete': {
      const values = s.values as number[];
      const weights = s.weights as number[];
      return (r) => values[r.discrete(weights)]!;
    }
    default:
      throw new Error(`reference model: distribution ${s.dist} not covered`);
  }
}

/**
 * A volume or amount that may have a year-level layer: a number, or a distribution drawn once a
 * trial. Returns the planned (central) value as written (a PERT's mode, a lognormal's median, a
 * distribution's mean otherwise) and the per-trial draw.
 */
function level(spec: unknown): { plan: number; draw: Sampler } {
  if (typeof spec === 'number') return { plan: spec, draw: () => spec };
  const s = spec as Record<string, number> & { dist: string };
  const plan = s.dist === 'pert' || s.dist === 'triangular' ? s.mode! : s.dist === 'lognormal' && s.median !== undefined ? s.median : s.mean!;
  return { plan, draw: sampler(spec) };
}

/** A lag distribution (a whole number of months, or discrete values with weights) as a sampler. */
function lagSampler(spec: unknown): Sampler {
  return spec === undefined ? () => 0 : sampler(spec);
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
/** A rate moved by the market on the log-odds scale, then shifted by a stress and clamped. */
function rate(p: number, loading: number, z: number, shift: number): number {
  let q = p;
  if (loading !== 0 && p > 0 && p < 1) q = logistic(Math.log(p / (1 - p)) + loading * z);
  if (shift === 0) return q;
  q += shift;
  return q < 0 ? 0 : q > 1 ? 1 : q;
}
const volume = (loading: number, z: number) => Math.exp(loading * z - (loading * loading) / 2);

/** One trial's figures: company and per-tier revenue, bookings and ending ARR. */
export interface ReferenceTrial {
  revenue: number;
  bookings: number;
  endingArr: number;
  tiers: Record<string, { revenue: number; bookings: number; endingArr: number }>;
}

/** Customers due for renewal in each month: rounding on the cumulative renewal calendar. */
function dueByMonth(customers: number, calendar: 'uniform' | readonly number[] | undefined): number[] {
  const shares = calendar === undefined || calendar === 'uniform' ? Array<number>(12).fill(1 / 12) : calendar;
  const due: number[] = [];
  let cumulative = 0;
  let before = 0;
  for (let m = 0; m < 12; m++) {
    cumulative += shares[m]!;
    const upTo = Math.round(customers * cumulative + 1e-9);
    due.push(upTo - before);
    before = upTo;
  }
  return due;
}

/**
 * The parts of a tier the reference model does not implement (empty when it models the whole tier).
 * These are covered by hand-computed tests instead: test/model/new-business-sources.test.ts (reps,
 * opening pipelines, terms, service-start lags) and test/model/customer-book.test.ts (books from files).
 */
export function notCovered(tier: Tier): string[] {
  const nb = tier.newBusiness;
  const out: string[] = [];
  if (nb?.reps) out.push('reps');
  if (nb?.openingPipeline) out.push('an opening pipeline');
  if (nb?.terms) out.push('contract terms');
  if (nb?.serviceStartLagMonths) out.push('a service-start lag');
  if (tier.existing?.customersFile) out.push('a customer book from a file');
  const yearLevel = (spec: unknown) => typeof spec === 'object' && spec !== null && typeof (spec as { median?: unknown }).median === 'object';
  if (yearLevel(tier.existing?.expansion?.size) || yearLevel(tier.newCustomerExpansion?.size)) out.push('a year-level expansion size');
  return out;
}

interface TierModel {
  name: string;
  trial(rng: Rng, z: number): { revenue: number; bookings: number; endingArr: number };
}

function tierModel(tier: Tier, scenario: Scenario): TierModel {
  const L: Record<'leads' | 'conversion' | 'acv' | 'renewal' | 'contraction' | 'expansion', number> = Object.assign(
    { leads: 0, conversion: 0, acv: 0, renewal: 0, contraction: 0, expansion: 0 },
    scenario.market?.loadings,
  );
  const g = scenario.stress ?? {};
  const t = tier.stress ?? {};
  const stress = {
    leads: (1 + (g.leads ?? 0)) * (1 + (t.leads ?? 0)),
    acv: (1 + (g.acv ?? 0)) * (1 + (t.acv ?? 0)),
    conversion: (g.conversion ?? 0) + (t.conversion ?? 0),
    renewal: (g.renewal ?? 0) + (t.renewal ?? 0),
    contraction: (g.contraction ?? 0) + (t.contraction ?? 0),
    expansion: (g.expansion ?? 0) + (t.expansion ?? 0),
  };
  const e = tier.existing;
  const nb = tier.newBusiness;
  const x = tier.newCustomerExpansion;
  const missing = notCovered(tier);
  if (missing.length > 0) throw new Error(`reference model: tier ${tier.name} has ${missing.join(', ')}, which it does not cover`);

  const due = e ? dueByMonth(e.customers ?? 0, e.renewalCalendar as 'uniform' | number[] | undefined) : [];
  const arr = e && (e.customers ?? 0) > 0 ? (e.openingArr ?? 0) / e.customers! : 0;
  const opening = e?.openingArr ?? 0;
  const renewalRate = e ? sampler(e.renewalRate) : () => 0;
  const uplift = e ? sampler(e.priceUplift ?? 0) : () => 0;
  const cProb = e?.contraction ? sampler(e.contraction.probability) : () => 0;
  const cSize = e?.contraction ? sampler(e.contraction.size) : () => 0;
  const xProb = e?.expansion ? sampler(e.expansion.probability) : () => 0;
  const xSize = e?.expansion ? sampler(e.expansion.size) : () => 0;

  // Lead streams: the tier's own, or its lead sources; each with a count law, a mean (maybe a
  // year-level draw), a seasonality rescaled to average 1 and a conversion rate.
  const normalise = (xs: readonly number[] | undefined): number[] => {
    const raw = xs ?? Array<number>(12).fill(1);
    const mean = raw.reduce((a, b) => a + b, 0) / 12;
    return raw.map((x) => x / mean);
  };
  const tierSeason = normalise(nb?.seasonality);
  type LeadSpec = { dist: string; mean: unknown; dispersion?: number };
  const streams = nb
    ? (nb.leadSources ?? [{ leadsPerMonth: nb.leadsPerMonth, conversion: nb.conversion, seasonality: undefined }]).map((src) => {
        const spec = src.leadsPerMonth as unknown as LeadSpec;
        return {
          dist: spec.dist,
          dispersion: spec.dispersion ?? 0,
          mean: level(spec.mean),
          season: src.seasonality ? normalise(src.seasonality) : tierSeason,
          conversion: sampler(src.conversion),
        };
      })
    : [];
  const earlier = nb?.earlierLeads && {
    count: nb.earlierLeads.count,
    conversion: sampler(nb.earlierLeads.conversion),
    month: nb.earlierLeads.closeMonth as unknown as number[],
  };
  // Without a stated open book (earlier leads or a pipeline), leads of the months before the year close in it.
  const warm = !nb?.earlierLeads && !nb?.openingPipeline;
  const cycle = lagSampler(nb?.salesCycleMonths);
  const cycleMax = nb?.salesCycleMonths === undefined ? 0 : typeof nb.salesCycleMonths === 'number' ? nb.salesCycleMonths : Math.max(...(nb.salesCycleMonths as { values: number[] }).values);
  // ACV: a lognormal whose median may be a year-level draw M; the spread is that of the plan's
  // median and the stated p90 (or p10), and the year's deals are the plan's scaled by M / plan.
  const acvSpec = nb?.acv as unknown as Record<string, unknown> | undefined;
  const acvLevel = acvSpec && typeof acvSpec === 'object' && typeof acvSpec.median === 'object' ? level(acvSpec.median) : undefined;
  const acv = nb ? sampler(acvLevel ? { ...acvSpec, median: acvLevel.plan } : nb.acv!) : () => 0;
  const nxProb = x ? sampler(x.probability) : () => 0;
  const nxSize = x ? sampler(x.size) : () => 0;
  const nxLag = lagSampler(x?.monthsAfterClose);

  return {
    name: tier.name,
    trial(rng, z) {
      // events[m]: ARR added (or lost, negative) going live in month m = 1..12; booked: bookings.
      const events = new Float64Array(13);
      let booked = 0;
      if (nb) {
        const leadScale = volume(L.leads, z) * stress.leads;
        let acvScale = volume(L.acv, z) * stress.acv;
        if (acvLevel) acvScale *= acvLevel.draw(rng) / acvLevel.plan;
        const newCustomers = new Float64Array(13);
        const sign = (close: number): void => {
          if (close < 1 || close > 12) return;
          const value = acv(rng) * acvScale;
          events[close]! += value;
          booked += value;
          newCustomers[close]! += 1;
        };
        for (const src of streams) {
          const p = rate(src.conversion(rng), L.conversion, z, stress.conversion);
          const yearMean = src.mean.draw(rng);
          // Leads of the cycle's longest lag before the year still close in it (a warm pipeline).
          for (let month = warm ? 1 - cycleMax : 1; month <= 12; month++) {
            const mean = yearMean * src.season[(((month - 1) % 12) + 12) % 12]! * leadScale;
            const leads = src.dist === 'poisson' ? rng.poisson(mean) : rng.negativeBinomial(mean, src.dispersion);
            for (let i = 0; i < leads; i++) if (rng.bernoulli(p)) sign(month + cycle(rng));
          }
        }
        if (earlier) {
          // Leads already open at the start: each closes (or not) in a month drawn from the weights.
          const p = rate(earlier.conversion(rng), L.conversion, z, stress.conversion);
          for (let i = 0; i < earlier.count; i++) if (rng.bernoulli(p)) sign(1 + rng.discrete(earlier.month));
        }
        if (x) {
          const q = rate(nxProb(rng), L.expansion, z, stress.expansion);
          for (let m = 1; m <= 12; m++) {
            for (let i = 0; i < newCustomers[m]!; i++) {
              if (!rng.bernoulli(q)) continue;
              const at = m + nxLag(rng);
              if (at > 12) continue;
              const added = nxSize(rng);
              events[at]! += added;
              booked += added;
            }
          }
        }
      }
      if (e) {
        const r = rate(renewalRate(rng), L.renewal, z, stress.renewal);
        const up = uplift(rng);
        const c = e.contraction ? rate(cProb(rng), -L.contraction, z, stress.contraction) : 0;
        const ex = e.expansion ? rate(xProb(rng), L.expansion, z, stress.expansion) : 0;
        for (let m = 1; m <= 12; m++) {
          for (let i = 0; i < due[m - 1]!; i++) {
            if (!rng.bernoulli(r)) {
              events[m]! -= arr; // churn
              continue;
            }
            let retained = arr;
            if (rng.bernoulli(c)) retained -= cSize(rng) * arr; // contraction
            else if (rng.bernoulli(ex)) {
              const added = xSize(rng) * arr; // expansion
              events[m]! += added;
              booked += added;
            }
            events[m]! += retained - arr + retained * up; // contraction (<= 0) and uplift on what is kept
            booked += retained + retained * up; // the renewal and its uplift
          }
        }
      }
      let revenue = opening;
      let endingArr = opening;
      for (let m = 1; m <= 12; m++) {
        revenue += (events[m]! * (13 - m)) / 12;
        endingArr += events[m]!;
      }
      return { revenue, bookings: booked, endingArr };
    },
  };
}

/**
 * Simulate `trials` years of a scenario with the reference model: every tier, or only the tiers
 * named in `only` (the company totals are then those tiers' sums). Tiers are independent given the
 * market factor, so a tier's figures do not depend on which other tiers are simulated with it.
 */
export function referenceSimulate(scenario: Scenario, trials: number, seed: string, only?: readonly string[]): ReferenceTrial[] {
  const tiers = scenario.tiers.filter((t) => only === undefined || only.includes(t.name)).map((t) => tierModel(t, scenario));
  const rng = new Rng(seed);
  const fixed = scenario.market?.factor;
  const out: ReferenceTrial[] = [];
  for (let i = 0; i < trials; i++) {
    const drawn = rng.normal();
    const z = fixed ?? drawn;
    const trial: ReferenceTrial = { revenue: 0, bookings: 0, endingArr: 0, tiers: {} };
    for (const t of tiers) {
      const r = t.trial(rng, z);
      trial.tiers[t.name] = r;
      trial.revenue += r.revenue;
      trial.bookings += r.bookings;
      trial.endingArr += r.endingArr;
    }
    out.push(trial);
  }
  return out;
}
