import { beta, binomial, createStream, lognormal, negativeBinomial, poisson } from '../../src/random/index.js';

/**
 * A plain simulator of monthly history for the fit's recovery tests: one tier, every parameter
 * known and constant across the years (so the truth is what the fit should recover).
 */
export interface HistoryTruth {
  readonly months: number;
  /** Mean leads a month. */
  readonly leads: number;
  /** Mean leads a month of each 12-month year of the history, oldest first (drifting levels); default `leads` throughout. */
  readonly leadLevels?: readonly number[];
  /** Seasonal weights by fiscal month (mean 1), or none. */
  readonly seasonality?: readonly number[];
  /** Negative binomial k of the monthly counts; undefined = Poisson. */
  readonly k?: number;
  /** Each month's conversion rate is Beta(alpha, beta): beta-binomial across months. */
  readonly alpha: number;
  readonly beta: number;
  /** Each deal's ACV is lognormal(mu, sigma). */
  readonly mu: number;
  readonly sigma: number;
  /** Customers due each month, each with ARR `arrEach`, renewing with probability `renewal`. */
  readonly dueCustomers: number;
  readonly arrEach: number;
  readonly renewal: number;
}

/** One simulated history: monthly columns (index 0 = month 1) and every deal. */
export interface SimulatedHistory {
  readonly leads: Float64Array;
  readonly deals: Float64Array;
  readonly newArr: Float64Array;
  readonly due: Float64Array;
  readonly renewed: Float64Array;
  readonly dealAmounts: number[];
  readonly dealMonths: number[];
}

/** Fiscal month (0..11) of history month i (1..n), the history ending the month before the year. */
const fiscal = (i: number, n: number) => (((i - n - 1) % 12) + 12) % 12;

/** Simulate `truth.months` months from `seed`. */
export function simulateHistory(truth: HistoryTruth, seed: string): SimulatedHistory {
  const n = truth.months;
  const nb = negativeBinomial(createStream(`${seed}/leads`));
  const pois = poisson(createStream(`${seed}/leads`));
  const rate = beta(createStream(`${seed}/rate`));
  const bin = binomial(createStream(`${seed}/deals`));
  const acv = lognormal(createStream(`${seed}/acv`));
  const renew = binomial(createStream(`${seed}/renew`));
  const out: SimulatedHistory = {
    leads: new Float64Array(n),
    deals: new Float64Array(n),
    newArr: new Float64Array(n),
    due: new Float64Array(n),
    renewed: new Float64Array(n),
    dealAmounts: [],
    dealMonths: [],
  };
  for (let i = 1; i <= n; i++) {
    const level = truth.leadLevels?.[Math.floor((i - 1 - (n % 12 === 0 ? 0 : n % 12 - 12)) / 12)] ?? truth.leads;
    const mean = level * (truth.seasonality?.[fiscal(i, n)] ?? 1);
    const leads = truth.k === undefined ? pois(mean) : nb(mean, truth.k);
    const deals = bin(leads, rate(truth.alpha, truth.beta));
    let arr = 0;
    for (let d = 0; d < deals; d++) {
      const a = acv(truth.mu, truth.sigma);
      arr += a;
      out.dealAmounts.push(a);
      out.dealMonths.push(i);
    }
    out.leads[i - 1] = leads;
    out.deals[i - 1] = deals;
    out.newArr[i - 1] = arr;
    out.due[i - 1] = truth.dueCustomers * truth.arrEach;
    out.renewed[i - 1] = renew(truth.dueCustomers, truth.renewal) * truth.arrEach;
  }
  return out;
}
