import type { DistributionSpec } from '../scenario/distribution-schema.js';
import { betaParams, lognormalParams } from '../math/distribution-params.js';
import { quantilePoints } from '../scenario/quantile-points.js';
import type { MarketLoadings, Scenario, Tier } from '../scenario/scenario-schema.js';
import { normalQuantile } from '../math/normal-cdf.js';
import { leadSourceName } from '../scenario/lead-source-name.js';
import { splitYearLevel } from '../scenario/year-level.js';
import type { YearLevelSpec } from '../scenario/year-level-schema.js';
import { fiscalMonthNames } from '../analysis/summarize.js';
import { formatCurrency, formatStatedCurrency, formatShare, type CurrencyMark } from './money.js';
import { toPrecisionDecimal } from '../math/decimal-round.js';
import { APPROXIMATELY, statedRounding } from './stated-figure.js';

/** What a driver's values mean, which decides how they are written. */
export type Unit = 'rate' | 'money' | 'count' | 'months' | 'number';

const Z90 = normalQuantile(0.9);

/** A value written in its unit: 0.03 -> "3.0%", 150000 -> "$150k", 2700 -> "2,700", 1 -> "1 month". */
export function formatValue(value: number, unit: Unit, symbol: CurrencyMark): string {
  switch (unit) {
    case 'rate':
      return formatShare(value);
    case 'money':
      return formatCurrency(value, symbol);
    case 'count':
      return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
    case 'months':
      return `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${value === 1 ? 'month' : 'months'}`;
    case 'number':
      return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
  }
}

/**
 * A value the planner wrote, echoed as written in its unit: 0.86 -> "86%", 0.004 -> "0.4%", 11000 ->
 * "$11k", 18000000 -> "$18M", 2700 -> "2,700". formatValue writes what arrcast derived (a mean from a
 * median and P90) with an estimate's three digits and trailing zeros; an input at those digits read as
 * something other than written ("median $11.0k" for 11000, "mean 86.0%" for 0.86; 0.1235 as "12.4%").
 * Up to STATED_DIGITS significant digits exactly; more rounded to those and marked (statedRounding):
 * 18,234,567.89 is "≈$18.2346M", 0.123456789 "≈12.3457%"; a count keeps its whole digits (1,234,567).
 *
 * @example statedValue(0.86, 'rate', '$') // => '86%'
 * @example statedValue(18_234_567.89, 'money', '$') // => '≈$18.2346M'
 */
export function statedValue(value: number, unit: Unit, symbol: CurrencyMark): string {
  if (!Number.isFinite(value)) return formatValue(value, unit, symbol);
  // 15 significant digits: the decimal a planner typed (0.07 * 100 is 7.000000000000001).
  const exact = (v: number, grouping = true) => {
    const { value: shown, rounded, digits } = statedRounding(v, unit !== 'rate', unit === 'rate' ? 100 : undefined);
    // Rounded: at its digits, trailing zeros kept, marked (toLocaleString rounds the double, which statedRounding already rounded as a decimal).
    if (rounded) return `${APPROXIMATELY}${shown.toLocaleString('en-US', { minimumSignificantDigits: digits, maximumSignificantDigits: digits, useGrouping: grouping })}`;
    return toPrecisionDecimal(v, 15).toLocaleString('en-US', { maximumSignificantDigits: 15, useGrouping: grouping });
  };
  switch (unit) {
    case 'rate':
      return `${exact(value * 100, false)}%`;
    case 'money':
      return formatStatedCurrency(value, symbol);
    case 'count':
      return exact(value);
    case 'months':
      return `${exact(value)} ${value === 1 ? 'month' : 'months'}`;
    case 'number':
      return exact(value);
  }
}

/** "P10", "P0.5": a quantile probability as a planner writes it. */
const pName = (p: number) => `P${Number((p * 100).toPrecision(6))}`;

/** Bounds as words: "", ", bounded to [a, b]", ", at least a", ", at most b". */
function bounds(lo: number | undefined, hi: number | undefined, f: (v: number) => string): string {
  if (lo !== undefined && hi !== undefined) return `, bounded to [${f(lo)}, ${f(hi)}]`;
  if (lo !== undefined) return `, at least ${f(lo)}`;
  if (hi !== undefined) return `, at most ${f(hi)}`;
  return '';
}

/** How far from 1 discrete weights may add up and still be the shares the planner wrote (binary sums' error). */
const WEIGHTS_SUM_TOLERANCE = 1e-9;

/** Discrete values shown before "and N more". */
const LISTED = 8;

/**
 * A distribution in the words a planner wrote it in, with the figures they would check it by:
 * "beta, mean 3%, sd 0.4%", "lognormal, median $150k, P90 $400k (mean $201k)",
 * "discrete: 0 months (60%), 1 month (40%)". What the planner wrote is echoed exactly (statedValue;
 * `derived`: the parameter a year-level distribution's centre stands in for); derived figures are in parentheses, at an estimate's digits.
 *
 * @example describeDistribution({ dist: 'lognormal', median: 150000, p90: 400000 }, 'money', '$') // => 'lognormal, median $150k, P90 $400k (mean $201k)'
 * Complexity: O(values listed).
 */
export function describeDistribution(spec: DistributionSpec, unit: Unit, symbol: CurrencyMark, derived?: 'mean' | 'median'): string {
  // What the planner wrote (w), exactly; what arrcast derived from it (f), as an estimate.
  const w = (v: number) => statedValue(v, unit, symbol);
  const f = (v: number) => formatValue(v, unit, symbol);
  const wn = (v: number) => statedValue(v, 'number', symbol);
  // The parameter a year-level distribution's centre stands in for (describeWithYearLevel), derived.
  const wMean = (v: number) => (derived === 'mean' ? f(v) : w(v));
  const wMedian = (v: number) => (derived === 'median' ? f(v) : w(v));
  if (typeof spec === 'number') return `${w(spec)} (fixed)`;
  switch (spec.dist) {
    case 'fixed':
      return `${w(spec.value)} (fixed)`;
    case 'uniform':
      return `uniform, ${w(spec.min)} to ${w(spec.max)}`;
    case 'triangular':
      return `triangular, min ${w(spec.min)}, most likely ${w(spec.mode)}, max ${w(spec.max)} (mean ${f((spec.min + spec.mode + spec.max) / 3)})`;
    case 'pert':
      return `PERT, min ${w(spec.min)}, most likely ${w(spec.mode)}, max ${w(spec.max)} (mean ${f((spec.min + 4 * spec.mode + spec.max) / 6)})`;
    case 'normal':
      return `normal, mean ${w(spec.mean)}, sd ${w(spec.sd)}${bounds(spec.min, spec.max, w)}`;
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(spec);
      const median = Math.exp(mu);
      const mean = Math.exp(mu + (sigma * sigma) / 2);
      if (spec.median !== undefined && spec.p90 !== undefined) return `lognormal, median ${wMedian(spec.median)}, P90 ${w(spec.p90)} (mean ${f(mean)})`;
      if (spec.p10 !== undefined && spec.p90 !== undefined)
        return `lognormal, P10 ${w(spec.p10)}, P90 ${w(spec.p90)} (median ${f(median)}, mean ${f(mean)})`;
      if (spec.mean !== undefined && spec.sd !== undefined) return `lognormal, mean ${w(spec.mean)}, sd ${w(spec.sd)} (median ${f(median)})`;
      return `lognormal, mu ${wn(mu)}, sigma ${wn(sigma)} of log (median ${f(median)}, P90 ${f(Math.exp(mu + Z90 * sigma))}, mean ${f(mean)})`;
    }
    case 'beta': {
      if (spec.mean !== undefined && spec.sd !== undefined) return `beta, mean ${w(spec.mean)}, sd ${w(spec.sd)}`;
      const { alpha, beta } = betaParams(spec);
      const mean = alpha / (alpha + beta);
      const sd = Math.sqrt((alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1)));
      return `beta, alpha ${wn(alpha)}, beta ${wn(beta)} (mean ${f(mean)}, sd ${f(sd)})`;
    }
    case 'poisson':
      return `Poisson, mean ${wMean(spec.mean)}`;
    case 'negativeBinomial':
      return `negative binomial, mean ${wMean(spec.mean)}, dispersion ${wn(spec.dispersion)} (sd ${f(Math.sqrt(spec.mean + (spec.mean * spec.mean) / spec.dispersion))})`;
    case 'discrete': {
      const total = spec.weights.reduce((a, b) => a + b, 0);
      // Weights that add up to 1 are shares the planner wrote; others' shares are derived. Within
      // WEIGHTS_SUM_TOLERANCE: 0.3 + 0.6 + 0.1 adds to 0.9999999999999999 in binary.
      const share = (weight: number) => (Math.abs(total - 1) <= WEIGHTS_SUM_TOLERANCE ? statedValue(weight, 'rate', symbol) : formatShare(weight / total));
      const listed = spec.values.slice(0, LISTED).map((v, i) => `${w(v)} (${share(spec.weights[i] ?? 0)})`);
      const more = spec.values.length > LISTED ? `, and ${spec.values.length - LISTED} more` : '';
      return `discrete: ${listed.join(', ')}${more}`;
    }
    case 'empirical': {
      const n = spec.values.length;
      let min = Infinity;
      let max = -Infinity;
      let sum = 0;
      for (const v of spec.values) {
        min = Math.min(min, v);
        max = Math.max(max, v);
        sum += v;
      }
      // Observed data, not figures the planner typed: by the estimate rule (f), without "≈" (which marks a typed figure rounded).
      return `empirical, ${n.toLocaleString('en-US')} observed ${n === 1 ? 'value' : 'values'} from ${f(min)} to ${f(max)} (mean ${f(sum / n)})`;
    }
    case 'quantiles': {
      const stated = quantilePoints(spec.quantiles).map((q) => `${pName(q.p)} ${w(q.x)}`);
      return `metalog fitted to ${stated.join(', ')}${bounds(spec.lower, spec.upper, w)}`;
    }
  }
}

/**
 * A volume or amount with its two layers: the unit-level distribution at the planned level, then
 * the year-level distribution of its mean (or median) when it has one.
 *
 * @example describeWithYearLevel({ dist: 'poisson', mean: { dist: 'lognormal', p10: 2000, p90: 3000 } }, 'count', '$')
 * // => 'Poisson, mean 2,449; this year's mean: lognormal, P10 2,000, P90 3,000 (median 2,449, mean 2,467), drawn once per trial'
 * Complexity: as describeDistribution.
 */
export function describeWithYearLevel(spec: YearLevelSpec, unit: Unit, symbol: CurrencyMark): string {
  const split = splitYearLevel(spec);
  // Beside a year-level distribution, the unit-level one's parameter is that distribution's centre, derived.
  const parameter = typeof spec !== 'number' && spec.dist === 'lognormal' ? 'median' : 'mean';
  // A centre the planner typed in the year-level distribution (a PERT's mode, a normal's mean) is
  // stated, as it reads there ("median $7k" beside "most likely $7k", not "median $7.00k"); another is derived.
  const typed = split.level !== undefined && typeof split.level === 'object' && Object.values(split.level).some((v) => v === split.plan);
  const described = describeDistribution(split.unit, unit, symbol, split.level && !typed ? parameter : undefined);
  if (!split.level) return described;
  return `${described}; this year's ${parameter}: ${describeDistribution(split.level, unit, symbol)}, drawn once per trial`;
}

/** One driver of one tier, described. */
export interface DriverAssumption {
  /** "Conversion", "ACV", ... */
  readonly driver: string;
  readonly description: string;
  /** The whole sentence: "SMB conversion: beta, mean 3.0%, sd 0.4%". */
  readonly sentence: string;
}

export interface TierAssumptions {
  readonly tier: string;
  readonly drivers: readonly DriverAssumption[];
}

export interface MarketAssumption {
  readonly driver: string;
  readonly loading: number;
  readonly how: string;
  /** The loading and how it acts, as every output writes it: the loading as typed (statedValue), "≈0.123457 (multiplicative)". */
  readonly text: string;
}

const MARKET: Record<keyof MarketLoadings, { driver: string; how: string }> = {
  leads: { driver: 'Lead volume', how: 'multiplicative' },
  conversion: { driver: 'Conversion', how: 'log-odds' },
  acv: { driver: 'ACV of new deals', how: 'multiplicative' },
  renewal: { driver: 'Renewal rate', how: 'log-odds' },
  contraction: { driver: 'Contraction probability', how: 'log-odds, against the market: a good year contracts less' },
  expansion: { driver: 'Expansion probabilities', how: 'log-odds' },
};

/** A twelve-value profile by calendar month name: "Feb 6.0%, Mar 6.0%, ...". */
const byMonth = (values: readonly number[], names: readonly string[], f: (v: number) => string) => values.map((v, i) => `${names[i]} ${f(v)}`).join(', ');

/** The drivers of one tier, described, in the order a planner fills them in. */
function tierAssumptions(tier: Tier, months: readonly string[], symbol: CurrencyMark): TierAssumptions {
  const rows: Array<[string, string]> = [];
  const d = (driver: string, spec: DistributionSpec, unit: Unit) => rows.push([driver, describeDistribution(spec, unit, symbol)]);
  const e = tier.existing;
  if (e) {
    if (e.customersFile !== undefined) {
      rows.push(['Customer book', `${e.customersFile}: one row per customer, each renewing (or not) on its own date`]);
      const a = e.renewalAdjustments;
      const typed = (v: number) => statedValue(v, 'number', symbol);
      if (a)
        rows.push([
          'Renewal adjustments (log-odds)',
          `per doubling of ARR ${typed(a.perArrDoubling)}, first renewal ${typed(a.firstRenewal)}, per renewal after the first ${typed(a.perRenewalAfterFirst)}, health ${typed(a.health)}`,
        ]);
    } else {
      rows.push(['Opening ARR', statedValue(e.openingArr ?? 0, 'money', symbol)]);
      rows.push(['Customers', statedValue(e.customers ?? 0, 'count', symbol)]);
      const calendar = e.renewalCalendar ?? 'uniform';
      rows.push([
        'Renewal calendar',
        calendar === 'uniform'
          ? 'uniform: 1/12 of the book renews each month'
          : `${byMonth(calendar, months, (v) => statedValue(v, 'rate', symbol))} (${formatShare(calendar.reduce((a, b) => a + b, 0))} of the book renews this year)`,
      ]);
    }
    if (e.renewalRate !== undefined) d('Renewal rate', e.renewalRate, 'rate');
    if (e.dollarRenewalRate !== undefined) d('Dollar renewal rate (ARR renewed / ARR due)', e.dollarRenewalRate, 'rate');
    d('Price uplift', e.priceUplift, 'rate');
    if (e.contraction) {
      d('Contraction probability', e.contraction.probability, 'rate');
      d('Contraction size (share of ARR lost)', e.contraction.size, 'rate');
    }
    if (e.expansion) {
      d('Expansion probability', e.expansion.probability, 'rate');
      rows.push(['Expansion size (share of ARR added)', describeWithYearLevel(e.expansion.size, 'rate', symbol)]);
    }
  }
  const nb = tier.newBusiness;
  if (nb) {
    if (nb.leadsPerMonth !== undefined) rows.push(['Leads per month', describeWithYearLevel(nb.leadsPerMonth, 'count', symbol)]);
    if (nb.seasonality) rows.push(['Seasonality (relative lead volume)', byMonth(nb.seasonality, months, (v) => statedValue(v, 'number', symbol))]);
    if (nb.conversion !== undefined) d('Conversion', nb.conversion, 'rate');
    for (const src of nb.leadSources ?? []) {
      const name = leadSourceName(src);
      rows.push([`${name} leads per month`, describeWithYearLevel(src.leadsPerMonth, 'count', symbol)]);
      d(`${name} conversion`, src.conversion, 'rate');
    }
    if (nb.earlierLeads) {
      rows.push(['Earlier leads still open', statedValue(nb.earlierLeads.count, 'count', symbol)]);
      d('Earlier leads conversion', nb.earlierLeads.conversion, 'rate');
    }
    const p = nb.openingPipeline;
    if (p?.file !== undefined) rows.push(['Opening pipeline', `${p.file}: each opportunity won or lost in its expected close month`]);
    for (const [i, g] of (p?.groups ?? []).entries()) {
      rows.push([`Pipeline group ${i + 1}`, `${statedValue(g.count, 'count', symbol)} opportunities closing in ${months[g.closeMonth - 1]}`]);
      d(`Pipeline group ${i + 1} win probability`, g.winProbability, 'rate');
    }
    const r = nb.reps;
    if (r) {
      rows.push(['Reps', `${r.start} at the start, ${r.hires.reduce((a, b) => a + b, 0)} hires planned (${byMonth(r.hires, months, String)})`]);
      if (r.ramp.length > 0) rows.push(['Ramp (share of full productivity by month of tenure)', r.ramp.map((v) => statedValue(v, 'rate', symbol)).join(', ')]);
      d('Rep attrition (monthly)', r.attrition, 'rate');
      if (r.hireSlip) d('Hire slip probability', r.hireSlip.probability, 'rate');
      d('Deals a ramped rep can close a month', r.capacity, 'count');
      if (r.sourcedDealsPerMonth !== undefined) rows.push(['Deals a ramped rep sources a month', describeWithYearLevel(r.sourcedDealsPerMonth, 'count', symbol)]);
      rows.push(['Deals beyond capacity', r.overflow === 'carry' ? 'wait for the next month' : 'are lost']);
    }
    d('Sales cycle', nb.salesCycleMonths, 'months');
    rows.push(['ACV', describeWithYearLevel(nb.acv, 'money', symbol)]);
    if (nb.terms)
      rows.push([
        'Contract terms',
        nb.terms.map((t) => `${statedValue(t.share, 'rate', symbol)} ${t.months} months${t.escalator > 0 ? ` (+${statedValue(t.escalator, 'rate', symbol)} a year)` : ''}`).join(', '),
      ]);
    if (nb.serviceStartLagMonths !== 0) d('Service start after signing', nb.serviceStartLagMonths, 'months');
  }
  const x = tier.newCustomerExpansion;
  if (x) {
    d('New-customer expansion probability', x.probability, 'rate');
    rows.push(['New-customer expansion size', describeWithYearLevel(x.size, 'money', symbol)]);
    d('New-customer expansion timing', x.monthsAfterClose, 'months');
  }
  // "SMB conversion", but "SMB ACV": keep acronyms as written.
  const lower = (s: string) => (/^[A-Z]{2,}/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));
  return {
    tier: tier.name,
    drivers: rows.map(([driver, description]) => ({ driver, description, sentence: `${tier.name} ${lower(driver)}: ${description}` })),
  };
}

/**
 * Every driver of every tier and its distribution in words, and the market loadings: the
 * assumptions section of the report.
 *
 * @example scenarioAssumptions(loaded.scenario, '$').tiers[0].drivers.map((d) => d.sentence)
 * Complexity: O(size of the scenario).
 */
export function scenarioAssumptions(scenario: Scenario, symbol: CurrencyMark): { tiers: TierAssumptions[]; market: MarketAssumption[] } {
  const months = fiscalMonthNames(scenario.fiscalYearStartMonth);
  return {
    tiers: scenario.tiers.map((t) => tierAssumptions(t, months, symbol)),
    market: (Object.keys(MARKET) as Array<keyof MarketLoadings>).map((k) => {
      const loading = scenario.market.loadings[k];
      return { ...MARKET[k], loading, text: `${statedValue(loading, 'number', symbol)} (${MARKET[k].how})` };
    }),
  };
}
