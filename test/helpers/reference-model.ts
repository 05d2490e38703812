import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import seedrandom from 'seedrandom';
import { fitMetalog, metalogQuantile } from '../../src/math/metalog.js';
import type { Scenario, Tier } from '../../src/scenario/scenario-schema.js';

/**
 * A plain reference simulation of the model, written from the README's model description (The
 * model; Customer books, reps, pipeline, lead grades and contracts) and the scenario schema's field
 * docs, NOT from the engine's simulators: every lead, deal, rep, opportunity, customer and size is
 * drawn one by one, with textbook samplers on seedrandom's Alea (a generator the engine no longer
 * uses). Slow (a few milliseconds a trial) and meant to be obviously right.
 *
 * Covered: a market factor Z ~ N(0, 1) (or fixed), loadings (volumes x exp(bZ - b^2/2), rates on
 * the log-odds scale + bZ), stresses (volume factors 1 + s, rate shifts + s clamped to [0, 1]; a
 * rate drawn as exactly 0 or 1 is moved by neither),
 * tier lead streams (Poisson or negative binomial; a number or another family drawn afresh every
 * month and rounded at random; seasonality rescaled to average 1, a warm start of sales-cycle max
 * months), conversion per lead, the sales-cycle lag per deal, a lognormal ACV
 * per deal, new-customer expansion per new customer after its monthsAfterClose lag from service
 * start, and an aggregate existing book (renewal calendar by rounding on the cumulative calendar,
 * each due customer renewing, contracting or expanding on its own, contraction before uplift).
 * Also lead sources (grades/channels, each with its own seasonality and conversion), year-level
 * draws of a lead mean, of the ACV median and of rep productivity's median (the year's units scale
 * by draw / plan), and earlier leads (each closing or not, in a month drawn from the close-month
 * weights).
 * Reps, one by one: start reps fully ramped, each hire starting in its month or, with the year's
 * slip probability, some months later; each month every rep on the floor leaves (at the start of
 * the month) with the year's attrition probability; a rep in its k-th month works ramp[k - 1] of a
 * ramped rep and sources Poisson(ramp x its own productivity x the leads' market and stress) deals.
 * Each month the deals wanted (leads', earlier leads', reps' and any carried over) close up to the
 * whole deals in the capacity budget (ramped reps x the year's capacity, plus the fraction of a
 * deal left from before); what is left is lost or carried (overflow), and whole deals' worth of
 * unused capacity is gone. The opening pipeline, uncapped: each opportunity of a group or a file won
 * or not in its close month (odds moved by the market and a conversion stress, but a certain one),
 * at its own amount or the tier's ACV. Each deal signed is booked at signing and goes live after its
 * own service-start lag (bookings only after the year), on a term drawn from the mix (its TCV the
 * ACV over the term's years, stepped up by the escalator each year).
 * Customer books from a file, one customer at a time: the customer's renewal log-odds are the
 * year's rate's plus the README's adjustments (size against the tier's median ARR, first renewal or
 * loyalty up to 5, health against the book's average score); one due this year renews or not, then
 * contracts or else expands, as in the aggregate book; a multi-year one not due steps up by its
 * escalator in its anniversary month (ARR, no bookings); a monthly-billed one leaves each month with
 * the hazard h of (1 - h)^12 = p (and sees no uplift, contraction or expansion).
 * Not covered (`notCovered` names them, and a tier with any of them is refused): year-level layers
 * of expansion sizes and of pipeline groups' amounts, and a book stated by its dollar renewal rate.
 */

const Z90 = 1.2815515655446004;
/** The largest Poisson mean Rng.poisson draws by inversion in one piece. */
const POISSON_PIECE = 30;

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
  /**
   * Poisson by inversion (sequential search up the pmf, p(i) = p(i - 1) lambda / i, one uniform;
   * Devroye 1986, X.3), in pieces of mean at most POISSON_PIECE: a sum of independent Poissons is
   * the Poisson of the sum of their means, and e^-30 is far from underflow. It was one exponential
   * per arrival (a log, a division and a uniform for each of ~1,000 leads a month), a third of this
   * file's CPU in test/model/reference-agreement.test.ts; this costs one uniform and one exp per 30.
   */
  poisson(lambda: number): number {
    let k = 0;
    for (let rest = lambda; rest > 0; rest -= POISSON_PIECE) {
      const mean = Math.min(rest, POISSON_PIECE);
      const u = this.u();
      let p = Math.exp(-mean);
      let cdf = p;
      let i = 0;
      // p > 0: a u above the cdf's rounded top (below 1 by ~1e-16) stops where the pmf underflows.
      while (u >= cdf && p > 0) {
        i++;
        p *= mean / i;
        cdf += p;
      }
      k += i;
    }
    return k;
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
/**
 * A rate moved by the market on the log-odds scale, then shifted by a stress and clamped; a rate
 * drawn as exactly 0 or 1 is certain, and neither moves it.
 */
function rate(p: number, loading: number, z: number, shift: number): number {
  if (p <= 0 || p >= 1) return p;
  let q = p;
  if (loading !== 0) q = logistic(Math.log(p / (1 - p)) + loading * z);
  if (shift === 0) return q;
  q += shift;
  return q < 0 ? 0 : q > 1 ? 1 : q;
}
const volume = (loading: number, z: number) => Math.exp(loading * z - (loading * loading) / 2);

/** One tier's figures in a trial: the headline metrics, and counts that show its parts at work. */
export interface ReferenceTier {
  revenue: number;
  bookings: number;
  endingArr: number;
  /** The total contract value of the new deals signed in the year, escalators included. */
  tcv: number;
  /** New deals signed in the year (pipeline included), and customers of the opening book lost in it. */
  customersWon: number;
  customersLost: number;
  /** Reps on the floor at year end, the year's capacity in deals (ramped reps x capacity, summed over months), deals lost to it, and deals the reps sourced. */
  headcount: number;
  capacityDeals: number;
  overCapacity: number;
  repSourced: number;
  /** Leads that arrived in the year (not those of the months before it). */
  leads: number;
  /** The opening book's renewals: customers and ARR due this year (monthly-billed ones are never due), customers renewed, ARR renewed after contraction, and ARR lost to churn and contraction. */
  customersDue: number;
  customersRenewed: number;
  arrDue: number;
  arrRenewed: number;
  grossLoss: number;
  /** ARR live at the start. */
  opening: number;
}

/** One trial's figures: company and per-tier revenue, bookings and ending ARR. */
export interface ReferenceTrial {
  revenue: number;
  bookings: number;
  endingArr: number;
  tiers: Record<string, ReferenceTier>;
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
 * The parts of a tier the reference model does not implement (empty when it models the whole tier):
 * year-level layers of other drivers than the lead mean, the ACV median and rep productivity, and
 * a dollar renewal rate instead of a renewal rate.
 */
export function notCovered(tier: Tier): string[] {
  const out: string[] = [];
  const yearLevel = (spec: unknown) => typeof spec === 'object' && spec !== null && typeof (spec as { median?: unknown }).median === 'object';
  if (yearLevel(tier.existing?.expansion?.size) || yearLevel(tier.newCustomerExpansion?.size)) out.push('a year-level expansion size');
  if (tier.newBusiness?.openingPipeline?.groups?.some((g) => yearLevel(g.amount))) out.push('a year-level pipeline amount');
  if (tier.existing && tier.existing.renewalRate === undefined) out.push('a dollar renewal rate');
  return out;
}

/** Where a scenario's data files are (dates in them are read with the scenario's fiscal calendar). */
export interface ReferenceFiles {
  /** The scenario file's folder: customersFile and openingPipeline.file are relative to it. */
  dir: string;
}

/** The rows of a CSV file, by column name, every cell trimmed. */
function readRows(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
}

/**
 * A fiscal month (1 = the first month of the fiscal year) from a cell: a number, or a date YYYY-MM
 * or YYYY-MM-DD counted from the fiscal year's first month (fiscalYear is the calendar year it starts in).
 */
function fiscalMonthOf(cell: string, scenario: Scenario): number {
  const date = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(cell);
  if (!date) return Number(cell);
  const startMonth = scenario.fiscalYearStartMonth ?? 1;
  return (Number(date[1]) - scenario.fiscalYear!) * 12 + (Number(date[2]) - startMonth) + 1;
}

/** One customer of a book read from a file, as the README's table describes its columns. */
interface FileCustomer {
  arr: number;
  monthly: boolean;
  /** Fiscal month of the next renewal (not for monthly-billed customers). */
  next: number;
  renewals: number;
  /** NaN when the file gives no score. */
  health: number;
  escalator: number;
}

function readCustomers(path: string, tierName: string, scenario: Scenario): FileCustomer[] {
  return readRows(path)
    .filter((row) => row.tier!.toLowerCase() === tierName.toLowerCase())
    .map((row) => {
      const monthly = row.term_months === '1' || row.term_months!.toLowerCase() === 'monthly';
      return {
        arr: Number(row.arr),
        monthly,
        next: monthly ? 0 : fiscalMonthOf(row.next_renewal!, scenario),
        renewals: row.renewals_completed ? Number(row.renewals_completed) : 0,
        health: row.health ? Number(row.health) : NaN,
        escalator: row.escalator ? Number(row.escalator) : 0,
      };
    });
}

/** The textbook median of a list of numbers. */
function medianOf(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

interface TierModel {
  name: string;
  trial(rng: Rng, z: number): ReferenceTier;
}

function tierModel(tier: Tier, scenario: Scenario, files: ReferenceFiles | undefined): TierModel {
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
  const file = (name: string): string => {
    if (!files) throw new Error(`reference model: tier ${tier.name} reads ${name}; give the scenario's folder`);
    return resolve(files.dir, name);
  };

  // The existing book: an aggregate (customers of the tier's average ARR on a renewal calendar), or
  // customers one by one from a file.
  const book = e?.customersFile ? readCustomers(file(e.customersFile), tier.name, scenario) : undefined;
  const due = e && !book ? dueByMonth(e.customers ?? 0, e.renewalCalendar as 'uniform' | number[] | undefined) : [];
  const arr = e && !book && (e.customers ?? 0) > 0 ? (e.openingArr ?? 0) / e.customers! : 0;
  const opening = book ? book.reduce((a, c) => a + c.arr, 0) : (e?.openingArr ?? 0);
  // A customer's renewal log-odds adjustment (README: customer books from a file): size against the
  // tier's median ARR, first renewal or loyalty (up to 5 renewals), health against the book's average.
  const adjustment: number[] = [];
  if (book) {
    const a = { perArrDoubling: 0, firstRenewal: 0, perRenewalAfterFirst: 0, health: 0, ...e!.renewalAdjustments };
    const medianArr = medianOf(book.map((c) => c.arr));
    const scored = book.filter((c) => !Number.isNaN(c.health));
    const meanHealth = scored.length > 0 ? scored.reduce((s, c) => s + c.health, 0) / scored.length : 0;
    for (const c of book) {
      let adj = c.arr > 0 && medianArr > 0 ? a.perArrDoubling * Math.log2(c.arr / medianArr) : 0;
      adj += c.renewals === 0 ? a.firstRenewal : a.perRenewalAfterFirst * (Math.min(c.renewals, 5) - 1);
      if (!Number.isNaN(c.health)) adj += a.health * (c.health - meanHealth);
      adjustment.push(adj);
    }
  }
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
  const leadSpecs = nb?.leadSources ?? (nb?.leadsPerMonth ? [{ leadsPerMonth: nb.leadsPerMonth, conversion: nb.conversion, seasonality: undefined }] : []);
  const streams = leadSpecs.map((src) => {
    const spec = src.leadsPerMonth as unknown as LeadSpec | number;
    const count = typeof spec === 'object' && (spec.dist === 'poisson' || spec.dist === 'negativeBinomial');
    return {
      dist: count ? spec.dist : 'other',
      dispersion: count ? (spec.dispersion ?? 0) : 0,
      mean: count ? level(spec.mean) : { plan: 1, draw: () => 1 },
      // Another family (or a number): this month's leads are a draw of it (README: drawn afresh
      // every month), scaled, and rounded to a whole number at random, up with the probability of
      // the fraction (so the mean is kept; the rule is count-sampler.ts's, the README is silent).
      other: count ? undefined : sampler(spec),
      season: src.seasonality ? normalise(src.seasonality) : tierSeason,
      conversion: sampler(src.conversion),
    };
  });
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
  const withLevel = (spec: unknown) => {
    const s = spec as Record<string, unknown> | undefined;
    const lvl = s && typeof s === 'object' && typeof s.median === 'object' ? level(s.median) : undefined;
    return { level: lvl, unit: spec === undefined ? () => 0 : sampler(lvl ? { ...s, median: lvl.plan } : spec) };
  };
  const acvParts = withLevel(nb?.acv);
  const acvLevel = acvParts.level;
  const acv = acvParts.unit;
  const nxProb = x ? sampler(x.probability) : () => 0;
  const nxSize = x ? sampler(x.size) : () => 0;
  const nxLag = lagSampler(x?.monthsAfterClose);

  // Reps (README: reps): start reps fully ramped, hires by month that may slip, monthly attrition,
  // a ramp by month of tenure, each rep's own productivity, and a capacity per ramped rep.
  const r = nb?.reps;
  const reps = r && {
    start: r.start,
    hires: r.hires,
    ramp: r.ramp,
    attrition: sampler(r.attrition ?? 0),
    capacity: sampler(r.capacity),
    slipProbability: r.hireSlip ? sampler(r.hireSlip.probability) : () => 0,
    slipMonths: r.hireSlip ? sampler(r.hireSlip.months) : () => 0,
    productivity: r.sourcedDealsPerMonth === undefined ? undefined : withLevel(r.sourcedDealsPerMonth),
    carry: r.overflow === 'carry',
  };
  // The opening pipeline: groups of like opportunities, and opportunities one by one from a file.
  const pipe = nb?.openingPipeline;
  const groups = (pipe?.groups ?? []).map((gr) => ({
    count: gr.count,
    month: gr.closeMonth,
    win: sampler(gr.winProbability),
    amount: gr.amount === undefined ? undefined : sampler(gr.amount),
  }));
  const opportunities = pipe?.file
    ? readRows(file(pipe.file))
        .filter((row) => row.tier!.toLowerCase() === tier.name.toLowerCase())
        .map((row) => ({
          amount: Number(row.amount),
          p: row.probability !== undefined && row.probability !== '' ? Number(row.probability) : pipe.stages![row.stage!]!,
          month: fiscalMonthOf(row.close_month!, scenario),
        }))
    : [];
  // Contracts: months from signing to service start, and the term mix with its escalators.
  const serviceLag = lagSampler(nb?.serviceStartLagMonths);
  const terms = nb?.terms?.map((term) => ({ share: term.share, years: term.months / 12, escalator: term.escalator ?? 0 }));

  return {
    name: tier.name,
    trial(rng, z) {
      // events[m]: ARR added (or lost, negative) going live in month m = 1..12; booked: bookings.
      const events = new Float64Array(13);
      let booked = 0;
      let tcv = 0;
      let customersWon = 0;
      let customersLost = 0;
      let headcount = 0;
      let capacityDeals = 0;
      let overCapacity = 0;
      let repSourced = 0;
      let leadsInYear = 0;
      let customersDue = 0;
      let customersRenewed = 0;
      let arrDue = 0;
      let arrRenewed = 0;
      let grossLoss = 0;
      if (nb) {
        const leadScale = volume(L.leads, z) * stress.leads;
        let acvScale = volume(L.acv, z) * stress.acv;
        if (acvLevel) acvScale *= acvLevel.draw(rng) / acvLevel.plan;
        // New customers going live in each month (after their service-start lag).
        const live = new Float64Array(13);
        // One deal signed in month `close` at ACV `value`: booked at signing, live after its
        // service-start lag (bookings only when that is after the year), on a term drawn from the mix.
        const sign = (close: number, value: number): void => {
          booked += value;
          customersWon++;
          if (terms) {
            const term = terms[rng.discrete(terms.map((t) => t.share))]!;
            for (let y = 0; y < term.years; y++) tcv += value * (1 + term.escalator) ** y;
          }
          const at = close + serviceLag(rng);
          if (at > 12) return;
          events[at]! += value;
          live[at]! += 1;
        };
        // Deals the tier's sources (leads, earlier leads, reps) bring to close in each month.
        const demand = new Array<number>(13).fill(0);
        const want = (close: number): void => {
          if (close >= 1 && close <= 12) demand[close]! += 1;
        };
        for (const src of streams) {
          const p = rate(src.conversion(rng), L.conversion, z, stress.conversion);
          const yearMean = src.mean.draw(rng);
          // Leads of the cycle's longest lag before the year still close in it (a warm pipeline);
          // they came in before the year, so this year's leads stress does not scale them.
          for (let month = warm ? 1 - cycleMax : 1; month <= 12; month++) {
            const mean = yearMean * src.season[(((month - 1) % 12) + 12) % 12]! * (month < 1 ? volume(L.leads, z) : leadScale);
            let leads: number;
            if (src.dist === 'poisson') leads = rng.poisson(mean);
            else if (src.dist === 'negativeBinomial') leads = rng.negativeBinomial(mean, src.dispersion);
            else {
              const x = src.other!(rng) * mean;
              leads = x <= 0 ? 0 : Math.floor(x) + (rng.bernoulli(x - Math.floor(x)) ? 1 : 0);
            }
            if (month >= 1) leadsInYear += leads;
            for (let i = 0; i < leads; i++) if (rng.bernoulli(p)) want(month + cycle(rng));
          }
        }
        if (earlier) {
          // Leads already open at the start: each closes (or not) in a month drawn from the weights.
          const p = rate(earlier.conversion(rng), L.conversion, z, stress.conversion);
          for (let i = 0; i < earlier.count; i++) if (rng.bernoulli(p)) want(1 + rng.discrete(earlier.month));
        }
        let closing = demand;
        if (reps) {
          // This year's figures of the floor, then the reps one by one.
          const attrition = reps.attrition(rng);
          const capacity = reps.capacity(rng);
          const slip = reps.slipProbability(rng);
          const prodScale = reps.productivity?.level ? reps.productivity.level.draw(rng) / reps.productivity.level.plan : 1;
          const floor: { start: number; productivity: number; gone: boolean }[] = [];
          const productivity = () => (reps.productivity ? reps.productivity.unit(rng) * prodScale : 0);
          for (let i = 0; i < reps.start; i++) floor.push({ start: -Infinity, productivity: productivity(), gone: false });
          for (let m = 1; m <= 12; m++)
            for (let h = 0; h < reps.hires[m - 1]!; h++) {
              const start = rng.bernoulli(slip) ? m + reps.slipMonths(rng) : m;
              floor.push({ start, productivity: productivity(), gone: false });
            }
          closing = new Array<number>(13).fill(0);
          let unused = 0; // a fraction of a deal's capacity, carried to the next month
          let waiting = 0; // deals carried over (overflow: carry)
          for (let m = 1; m <= 12; m++) {
            let ramped = 0;
            let sourced = 0;
            for (const rep of floor) {
              if (rep.gone || rep.start > m) continue;
              // Each month on the floor a rep may leave, at the start of the month.
              if (rng.bernoulli(attrition)) {
                rep.gone = true;
                continue;
              }
              const tenure = m - rep.start; // 0 in the month it starts
              const share = tenure < reps.ramp.length ? reps.ramp[tenure]! : 1;
              ramped += share;
              if (reps.productivity) sourced += rng.poisson(share * rep.productivity * leadScale);
            }
            repSourced += sourced;
            capacityDeals += ramped * capacity;
            const budget = unused + ramped * capacity;
            const wanted = demand[m]! + sourced + waiting;
            const closed = Math.min(wanted, Math.floor(budget + 1e-9));
            closing[m] = closed;
            const left = budget - closed;
            unused = left - Math.floor(left + 1e-9); // whole deals' worth unused is gone
            if (unused < 0) unused = 0;
            waiting = reps.carry ? wanted - closed : 0;
            if (!reps.carry) overCapacity += wanted - closed;
          }
          overCapacity += waiting; // what still waits at year end is lost
          headcount = floor.filter((rep) => !rep.gone && rep.start <= 12).length;
        }
        for (let m = 1; m <= 12; m++) for (let i = 0; i < closing[m]!; i++) sign(m, acv(rng) * acvScale);
        // The opening pipeline: not capped (the reps already work it).
        for (const gr of groups) {
          const p = rate(gr.win(rng), L.conversion, z, stress.conversion);
          for (let i = 0; i < gr.count; i++) if (rng.bernoulli(p)) sign(gr.month, gr.amount ? gr.amount(rng) : acv(rng) * acvScale);
        }
        for (const o of opportunities) {
          const p = rate(o.p, L.conversion, z, stress.conversion);
          if (rng.bernoulli(p)) sign(o.month, o.amount);
        }
        if (x) {
          const q = rate(nxProb(rng), L.expansion, z, stress.expansion);
          for (let m = 1; m <= 12; m++) {
            for (let i = 0; i < live[m]!; i++) {
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
        // A customer due in month m with ARR `value` renewing with probability p.
        const renewal = (m: number, value: number, p: number): void => {
          customersDue++;
          arrDue += value;
          if (!rng.bernoulli(p)) {
            events[m]! -= value; // churn
            customersLost++;
            grossLoss += value;
            return;
          }
          customersRenewed++;
          let retained = value;
          if (rng.bernoulli(c)) retained -= cSize(rng) * value; // contraction
          else if (rng.bernoulli(ex)) {
            const added = xSize(rng) * value; // expansion
            events[m]! += added;
            booked += added;
          }
          arrRenewed += retained;
          grossLoss += value - retained; // a contraction counts in full, uplift or not
          events[m]! += retained - value + retained * up; // contraction (<= 0) and uplift on what is kept
          booked += retained + retained * up; // the renewal and its uplift
        };
        if (book) {
          const logitR = Math.log(r / (1 - r));
          book.forEach((customer, i) => {
            const p = logistic(logitR + adjustment[i]!);
            if (customer.monthly) {
              // Monthly-billed: each month it may leave, with the hazard h of (1 - h)^12 = p.
              const h = 1 - Math.pow(p, 1 / 12);
              for (let m = 1; m <= 12; m++)
                if (rng.bernoulli(h)) {
                  events[m]! -= customer.arr;
                  customersLost++;
                  grossLoss += customer.arr;
                  break;
                }
            } else if (customer.next <= 12) renewal(customer.next, customer.arr, p);
            else if (customer.escalator > 0) {
              // A multi-year contract not ending this year steps up on its anniversary.
              for (let m = 1; m <= 12; m++) if ((customer.next - m) % 12 === 0) events[m]! += customer.arr * customer.escalator;
            }
          });
        } else for (let m = 1; m <= 12; m++) for (let i = 0; i < due[m - 1]!; i++) renewal(m, arr, r);
      }
      let revenue = opening;
      let endingArr = opening;
      for (let m = 1; m <= 12; m++) {
        revenue += (events[m]! * (13 - m)) / 12;
        endingArr += events[m]!;
      }
      return { revenue, bookings: booked, endingArr, tcv, customersWon, customersLost, headcount, capacityDeals, overCapacity, repSourced, leads: leadsInYear, customersDue, customersRenewed, arrDue, arrRenewed, grossLoss, opening };
    },
  };
}

/**
 * Simulate `trials` years of a scenario with the reference model: every tier, or only the tiers
 * named in `only` (the company totals are then those tiers' sums). Tiers are independent given the
 * market factor, so a tier's figures do not depend on which other tiers are simulated with it.
 * `files` says where the scenario's data files are (needed by a tier with a customer or pipeline file).
 */
export function referenceSimulate(scenario: Scenario, trials: number, seed: string, only?: readonly string[], files?: ReferenceFiles): ReferenceTrial[] {
  const tiers = scenario.tiers.filter((t) => only === undefined || only.includes(t.name)).map((t) => tierModel(t, scenario, files));
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
