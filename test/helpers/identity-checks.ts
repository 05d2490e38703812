import type { Simulation } from '../../src/engine/simulate.js';
import { COMPONENTS, METRICS, type Metric } from '../../src/model/components.js';
import { storedComponents } from '../../src/model/trial-layout.js';
import { tierKey } from '../../src/model/column-key.js';
import { EXTRA_KEYS } from '../../src/model/drivers/extra-keys.js';
import { csvRecords } from './csv-records.js';

/**
 * The accounting identities every trial of every run must satisfy (DOMAIN.md), checked on a run's
 * stored columns:
 * - bookings = the sum of its components; revenue and ending ARR = the opening book + their components
 *   (the ARR bridge: end = begin + new + expansion + uplift - contraction - churn), the opening book the
 *   same in every trial;
 * - the company's revenue, bookings, ending ARR, customers won and lost = the sums of the tiers';
 * - recognized revenue = the sum of the months' MRR (a month's revenue is its live ARR / 12).
 *
 * Tolerance: a float32 column holds x to within |x| 2^-24 (round to nearest), a float64 sum of n
 * terms to within n |terms| 2^-53; so an identity a = sum(b_i) may miss by at most
 * 2^-24 sum over float32 terms |t| + 2^-50 sum |all terms|. Anything beyond that is a number in
 * the wrong column, not rounding.
 */
export interface IdentityViolation {
  readonly identity: string;
  readonly trial: number;
  readonly lhs: number;
  readonly rhs: number;
  readonly tolerance: number;
}

const F32 = 2 ** -24;
const F64 = 2 ** -50;

export function checkStoredIdentities(sim: Simulation, maxPerIdentity = 3): IdentityViolation[] {
  const out: IdentityViolation[] = [];
  const store = sim.store;
  const n = store.trials;
  const col = (key: string): ArrayLike<number> => {
    const c = store.column(key);
    if (!c) throw new Error(`no column ${key}`);
    return c;
  };
  const has = (key: string) => store.column(key) !== undefined;
  const isF32 = (key: string) => store.column(key) instanceof Float32Array || store.column(key) instanceof Uint16Array;
  /** a[t] = offset + sum of parts[t]; `constantOffset` true: offset fitted from trial 0 and checked constant. */
  const check = (identity: string, lhsKey: string, parts: readonly string[], offset: number | 'constant') => {
    const lhs = col(lhsKey);
    const cols = parts.map(col);
    const f32 = parts.map(isF32);
    let bad = 0;
    let fitted = 0;
    let fittedTolerance = 0;
    for (let t = 0; t < n; t++) {
      let sum = 0;
      let abs32 = 0;
      let abs = Math.abs(lhs[t]!);
      for (let i = 0; i < cols.length; i++) {
        const v = cols[i]![t]!;
        sum += v;
        abs += Math.abs(v);
        if (f32[i]) abs32 += Math.abs(v);
      }
      if (isF32(lhsKey)) abs32 += Math.abs(lhs[t]!);
      const own = F32 * abs32 + F64 * abs;
      if (offset === 'constant' && t === 0) {
        fitted = lhs[t]! - sum;
        fittedTolerance = own;
      }
      const off = offset === 'constant' ? fitted : offset;
      // A fitted offset carries trial 0's rounding too.
      const tolerance = own + F64 * Math.abs(off) + fittedTolerance + 1e-9;
      if (!(Math.abs(lhs[t]! - (off + sum)) <= tolerance) && bad++ < maxPerIdentity)
        out.push({ identity, trial: t, lhs: lhs[t]!, rhs: off + sum, tolerance });
    }
  };
  const checkScaled = (identity: string, lhsKey: string, key: string, k: number) => {
    const lhs = col(lhsKey);
    const c = col(key);
    let bad = 0;
    for (let t = 0; t < n; t++) {
      const tolerance = F32 * k * Math.abs(c[t]!) + F64 * Math.abs(lhs[t]!) + 1e-9;
      if (!(Math.abs(lhs[t]! - k * c[t]!) <= tolerance) && bad++ < maxPerIdentity) out.push({ identity, trial: t, lhs: lhs[t]!, rhs: k * c[t]!, tolerance });
    }
  };
  /** sum of lhs keys = sum of rhs keys. */
  const checkSum = (identity: string, lhsKeys: readonly string[], rhsKeys: readonly string[], offset: number) => {
    const l = lhsKeys.map(col);
    const r = rhsKeys.map(col);
    let bad = 0;
    for (let t = 0; t < n; t++) {
      let a = 0;
      let b = offset;
      let abs = Math.abs(offset);
      for (const c of l) (a += c[t]!), (abs += Math.abs(c[t]!));
      for (const c of r) (b += c[t]!), (abs += Math.abs(c[t]!));
      const tolerance = F32 * abs + 1e-9;
      if (!(Math.abs(a - b) <= tolerance) && bad++ < maxPerIdentity) out.push({ identity, trial: t, lhs: a, rhs: b, tolerance });
    }
  };
  const tiers = sim.plan.tiers;
  const revenueAdjustment = tiers.reduce((s, t) => s + (t.start?.revenueAdjustment ?? 0), 0);
  const openingArr = tiers.reduce((s, t) => s + (t.existing?.openingArr ?? 0), 0);
  for (const metric of METRICS) {
    const parts = storedComponents(metric).map((c) => `component.${metric}.${c}`);
    // A plan run's opening book is the tiers' opening ARR; a re-forecast's is fixed by its actuals (constant).
    // A re-forecast's components hold its closed months' events too; its revenue's opening book adds
    // the closed months' revenue as reported beyond their live ARR / 12.
    const offset = metric === 'bookings' ? 0 : metric === 'endingArr' ? openingArr : openingArr + revenueAdjustment;
    check(`${metric} = ${metric === 'bookings' ? '' : 'opening book + '}its components`, metric, parts, offset);
  }
  if (tiers.length > 1) {
    for (const metric of METRICS as readonly Metric[])
      check(`company ${metric} = sum of tiers'`, metric, tiers.map((t) => tierKey(t.name, metric)), 0);
    const won = tiers.filter((t) => has(tierKey(t.name, 'customersWon')));
    if (tiers.every((t) => !t.newBusiness || has(tierKey(t.name, 'customersWon'))))
      check('company customersWon = sum of tiers\'', 'customersWon', won.map((t) => tierKey(t.name, 'customersWon')), 0);
    const lost = tiers.filter((t) => has(tierKey(t.name, 'customersLost')));
    if (tiers.every((t) => !t.existing || has(tierKey(t.name, 'customersLost'))))
      check('company customersLost = sum of tiers\'', 'customersLost', lost.map((t) => tierKey(t.name, 'customersLost')), 0);
  }
  check('revenue = sum of the months\' MRR', 'revenue', Array.from({ length: 12 }, (_, i) => `mrr.${i + 1}`), 0);
  checkScaled('ending ARR = 12 x the last month\'s MRR', 'endingArr', 'mrr.12', 12);
  // Each tier's own figures (extras): leads of every source add up to the tier's leads; the deals
  // closed in the year are the sources' deals (when they all close in their lead's month, no
  // deals before the year close in it), the earlier leads', the reps' own, less those lost to
  // capacity, plus the pipeline's won; the total contract value of 12-month terms is their bookings.
  for (const t of tiers) {
    const nb = t.newBusiness;
    if (!nb) continue;
    const one = tiers.length === 1;
    const ext = (k: string) => tierKey(t.name, k);
    const named = nb.sources.length > 0 && nb.sources.every((x) => x.name !== '');
    // A re-forecast's tier figures hold the closed months' actuals; the sources', reps' and pipeline's the simulated months'.
    const closed = t.start?.counts;
    const upTo = closed ? ` (closed months' actuals + the simulated months')` : '';
    if (named) check(`${t.name}: leads = sum of its sources' leads${upTo}`, ext('leads'), nb.sources.map((x) => ext(EXTRA_KEYS.sourceLeads(x.name))), closed?.leads ?? 0);
    // A lead converts once at most: a source's deals (of its leads, whenever they close) are at most its leads.
    if (named)
      for (const x of nb.sources) {
        const d = col(ext(EXTRA_KEYS.sourceDeals(x.name)));
        const l = col(ext(EXTRA_KEYS.sourceLeads(x.name)));
        let bad = 0;
        for (let i = 0; i < n; i++) if (!(d[i]! <= l[i]! + 0.5) && bad++ < maxPerIdentity) out.push({ identity: `${t.name}: ${x.name}'s deals <= its leads`, trial: i, lhs: d[i]!, rhs: l[i]!, tolerance: 0.5 });
      }
    const wonKey = one ? 'customersWon' : ext('customersWon');
    const sameMonth = nb.salesCycle.max === 0;
    if (sameMonth && (named || nb.sources.length === 0)) {
      const plus = [
        ...nb.sources.map((x) => ext(EXTRA_KEYS.sourceDeals(x.name))),
        ...[EXTRA_KEYS.earlierLeadsDeals, EXTRA_KEYS.repSourced, EXTRA_KEYS.pipelineWon].map(ext).filter(has),
      ];
      const over = ext(EXTRA_KEYS.overCapacity);
      if (has(over)) {
        // won + overCapacity = demand + pipeline won
        checkSum(`${t.name}: deals won + lost to capacity = sources' + earlier leads' + rep-sourced + pipeline's${upTo}`, [wonKey, over], plus, closed?.customersWon ?? 0);
      } else check(`${t.name}: deals won = sources' + earlier leads' + pipeline's${upTo}`, wonKey, plus, closed?.customersWon ?? 0);
    }
    const tcv = ext(EXTRA_KEYS.newTcv);
    const booked = one ? 'component.bookings.newBusiness' : undefined;
    if (has(tcv) && booked && nb.terms && Array.from(nb.terms.tcvFactor).every((f) => f === 1)) check(`${t.name}: new TCV of 12-month terms = new business bookings`, tcv, [booked], 0);
    if (has(ext(EXTRA_KEYS.pipelineBookings)) && booked) {
      const pb = col(ext(EXTRA_KEYS.pipelineBookings));
      const b = col(booked);
      let bad = 0;
      for (let i = 0; i < n; i++)
        if (!(pb[i]! <= b[i]! * (1 + 2 * F32) + 1e-6) && bad++ < maxPerIdentity) out.push({ identity: `${t.name}: pipeline bookings <= new business bookings`, trial: i, lhs: pb[i]!, rhs: b[i]!, tolerance: 0 });
    }
  }
  if (sim.reforecast) {
    // The closed months are facts: each month's MRR is the tiers' reported revenue (else ending ARR / 12) in every trial.
    const { file, months } = sim.reforecast.input;
    for (let m = 1; m <= months; m++) {
      let actual = 0;
      for (const rows of file.byTier.values()) {
        const v = rows[m - 1]!.values;
        actual += v.revenue ?? v.ending_arr! / 12;
      }
      const c = col(`mrr.${m}`);
      let bad = 0;
      for (let t = 0; t < n; t++) {
        const tolerance = F32 * Math.abs(actual) + 1e-9;
        if (!(Math.abs(c[t]! - actual) <= tolerance) && bad++ < maxPerIdentity) out.push({ identity: `closed month ${m}'s MRR = the actuals'`, trial: t, lhs: c[t]!, rhs: actual, tolerance });
      }
    }
  }
  return out;
}

export { csvRecords } from './csv-records.js';

/**
 * The stored trials behind a written figure named by metric (a metric, customersWon, customersLost,
 * leads, a retention ratio or a tier's extra key), tier ('all' or a tier's name) and component
 * ('total' or a component): a column (every statistic), or for a tier's component only its mean
 * (the store keeps their sums, not their trials). Undefined: the name matches nothing stored, which
 * the checks report (a figure under a wrong name is a mix-up, not something to skip).
 */
export type StoredFigure = { readonly key: string; readonly values: ArrayLike<number> } | { readonly key: string; readonly mean: number };

export function storedFigure(sim: Simulation, metric: string, tier: string, component: string): StoredFigure | undefined {
  const store = sim.store;
  const tiers = sim.plan.tiers;
  const column = (key: string): StoredFigure | undefined => {
    const c = store.column(key) ?? store.column(sim.plan.layout.aliases.get(key) ?? '');
    return c ? { key, values: c } : undefined;
  };
  const isMetric = (METRICS as readonly string[]).includes(metric);
  if (tier === 'all') {
    if (component === 'total') return column(metric);
    // The opening book is the same in every trial: the tiers' opening ARR (revenue: + the closed months' beyond ARR / 12).
    if (component === 'openingBook' && (metric === 'revenue' || metric === 'endingArr')) {
      const book = tiers.reduce((s, x) => s + (x.existing?.openingArr ?? 0) + (metric === 'revenue' ? (x.start?.revenueAdjustment ?? 0) : 0), 0);
      return { key: 'the opening book', values: new Float64Array(store.trials).fill(book) };
    }
    return isMetric && (COMPONENTS as readonly string[]).includes(component) ? column(`component.${metric}.${component}`) : undefined;
  }
  const t = tiers.findIndex((x) => x.name === tier);
  if (t < 0) return undefined;
  if (component !== 'total') {
    const mi = (METRICS as readonly string[]).indexOf(metric);
    const ci = (COMPONENTS as readonly string[]).indexOf(component);
    if (mi < 0 || ci < 0) return undefined;
    // Sums laid out tier x metric x component (as ChunkResult.componentSums).
    return { key: `${tierKey(tier, metric)} ${component}`, mean: store.componentSums()[(t * METRICS.length + mi) * COMPONENTS.length + ci]! / store.trials };
  }
  // A one-tier run stores its tier's metrics, customers and ratios as the company's; leads and extras by tier.
  return (tiers.length === 1 ? column(metric) : undefined) ?? column(tierKey(tier, metric));
}

/** Sorted copies of columns, for the order statistics a percentile lies between. */
const sortedCache = new WeakMap<ArrayLike<number>, Float64Array>();
const sortedOf = (values: ArrayLike<number>) => {
  let s = sortedCache.get(values);
  if (!s) sortedCache.set(values, (s = Float64Array.from(values).sort()));
  return s;
};

/**
 * Whether a written statistic (mean, min, max or pX) is the stored trials' own, to `tolerance` (the
 * written rounding): a mean to the sums' float32 rounding; a percentile between the order statistics
 * next to rank p n (any interpolation lies there). Undefined when the statistic is not checked (sd).
 * Returns the two sides.
 */
export function storedStatistic(figure: StoredFigure, statistic: string): { value: number; lo: number; hi: number } | undefined {
  if ('mean' in figure) return statistic === 'mean' ? { value: figure.mean, lo: figure.mean, hi: figure.mean } : undefined;
  const v = figure.values;
  const n = v.length;
  if (statistic === 'mean') {
    let sum = 0;
    let abs = 0;
    for (let i = 0; i < n; i++) (sum += v[i]!), (abs += Math.abs(v[i]!));
    const mean = sum / n;
    const slack = 2 ** -22 * (abs / n);
    return { value: mean, lo: mean - slack, hi: mean + slack };
  }
  const sorted = sortedOf(v);
  if (statistic === 'min') return { value: sorted[0]!, lo: sorted[0]!, hi: sorted[0]! };
  if (statistic === 'max') return { value: sorted[n - 1]!, lo: sorted[n - 1]!, hi: sorted[n - 1]! };
  const m = /^p(\d+(?:\.\d+)?)$/.exec(statistic);
  if (!m) return undefined;
  const p = Number(m[1]) / 100;
  const lo = sorted[Math.max(0, Math.ceil(p * n) - 2)]!;
  const hi = sorted[Math.min(n - 1, Math.floor(p * n) + 1)]!;
  return { value: (lo + hi) / 2, lo, hi };
}

/** A problem found in a written output: which file, which identity, the two sides. */
export interface WrittenViolation {
  readonly file: string;
  readonly identity: string;
  readonly lhs: number;
  readonly rhs: number;
  readonly tolerance: number;
}

type Stat = { mean: number; min: number; max: number; percentiles: Record<string, number> };

/**
 * The identities of checkStoredIdentities as the written outputs state them (`--outputs all`):
 * - trials.csv: every row's bridge, bookings, tier sums and monthly MRR sum, and every value the
 *   store's (a float64 figure to the cent: 0.005, plus 1e-14 |x| as the cent is rounded half away from
 *   zero on the value's 15-digit decimal (README: 20038513.04499999 writes .05); a float32 one to 7
 *   significant digits: 5e-7 |x|);
 * - summary.json: each metric's mean = the opening book + its components' means, company = the sum of
 *   the tiers' (means of metrics, components, customers won and lost), the tier bridge from its
 *   componentMeans, the months' MRR means adding to the revenue mean and to each cumulative mean,
 *   the last month's cumulative revenue = revenue (every statistic), and the means, minima and maxima
 *   the trials' (a mean of float32 values within 2^-24 of their mean |x|);
 * - percentiles.csv and monthly.csv: summary.json's figures (written to the cent or 6 decimals);
 * - charts/arr-bridge.vl.json: steps that chain, from opening to ending ARR, at the means;
 * - sipmath.json: each SIP's values the trials'.
 */
export function checkWrittenIdentities(dir: string, sim: Simulation, read: (path: string) => string): WrittenViolation[] {
  const out: WrittenViolation[] = [];
  const near = (file: string, identity: string, lhs: number, rhs: number, tolerance: number) => {
    if (!(Math.abs(lhs - rhs) <= tolerance)) out.push({ file, identity, lhs, rhs, tolerance });
  };
  const store = sim.store;
  const tiers = sim.plan.tiers;
  const many = tiers.length > 1;
  const openingArr = tiers.reduce((s, t) => s + (t.existing?.openingArr ?? 0), 0);
  const revenueAdjustment = tiers.reduce((s, t) => s + (t.start?.revenueAdjustment ?? 0), 0);
  const opening = (metric: Metric) => (metric === 'bookings' ? 0 : metric === 'endingArr' ? openingArr : openingArr + revenueAdjustment);

  // trials.csv
  const trials = csvRecords(read(`${dir}/trials.csv`));
  const header = trials[0]!;
  const at = new Map(header.map((k, i) => [k, i]));
  const written = (key: string): number => {
    const i = at.get(key);
    if (i === undefined) throw new Error(`trials.csv has no column ${key}`);
    return i;
  };
  near('trials.csv', 'one row per trial', trials.length - 1, store.trials, 0);
  const err = (key: string, x: number) => (store.column(key) instanceof Float64Array ? 0.005 + 1e-14 * Math.abs(x) : Math.max(0.005, 5e-7 * Math.abs(x)) + 2 ** -24 * Math.abs(x));
  const sums: Array<[string, string, string[], (m: Metric) => number]> = [];
  for (const metric of METRICS) sums.push([`${metric} = opening book + its components`, metric, storedComponents(metric).map((c) => `component.${metric}.${c}`), opening]);
  if (many) for (const metric of METRICS) sums.push([`company ${metric} = sum of tiers'`, metric, tiers.map((t) => tierKey(t.name, metric)), () => 0]);
  sums.push(["revenue = sum of the months' MRR", 'revenue', Array.from({ length: 12 }, (_, i) => `mrr.${i + 1}`), () => 0]);
  const keys = store.trials > 0 ? header.slice(1) : [];
  let badValues = 0;
  for (let r = 1; r < trials.length; r++) {
    const row = trials[r]!;
    const v = (key: string) => Number(row[written(key)]);
    for (const [identity, lhs, parts, off] of sums) {
      const metric = (METRICS as readonly string[]).includes(lhs) ? (lhs as Metric) : 'revenue';
      let sum = off(metric);
      let tol = err(lhs, v(lhs));
      for (const p of parts) {
        sum += v(p);
        tol += err(p, v(p));
      }
      if (!(Math.abs(v(lhs) - sum) <= tol) && out.length < 50) out.push({ file: 'trials.csv', identity: `${identity} (trial ${r - 1})`, lhs: v(lhs), rhs: sum, tolerance: tol });
    }
    for (const key of keys) {
      const stored = store.column(key) ?? store.column(sim.plan.layout.aliases.get(key) ?? '');
      if (!stored) continue;
      const s = stored[r - 1]!;
      if (!(Math.abs(v(key) - s) <= err(key, s) + 1e-12) && badValues++ < 5) out.push({ file: 'trials.csv', identity: `${key} of trial ${r - 1} = the stored value`, lhs: v(key), rhs: s, tolerance: err(key, s) });
    }
  }

  // summary.json
  const summary = JSON.parse(read(`${dir}/summary.json`)) as {
    metrics: Record<Metric, Stat>;
    byComponent: Record<Metric, Record<string, Stat>>;
    byTier?: Record<string, Record<string, unknown> & { componentMeans: Record<Metric, Record<string, number>>; openingArr: number }>;
    customers: { won: Stat; lost: Stat };
    monthly: Array<{ month: number; mrr: Stat; cumulativeRevenue: Stat }>;
  };
  const meanOf = (key: string) => {
    const c = store.column(key)!;
    let s = 0;
    let a = 0;
    for (let i = 0; i < c.length; i++) (s += c[i]!), (a += Math.abs(c[i]!));
    return { mean: s / c.length, absMean: a / c.length };
  };
  const meanTol = (absMean: number) => 2 ** -22 * absMean + 1e-6;
  for (const metric of METRICS) {
    const m = summary.metrics[metric];
    const comps = summary.byComponent[metric];
    let sum = 0;
    let abs = 0;
    for (const [c, s] of Object.entries(comps)) (sum += s.mean), (abs += Math.abs(s.mean));
    near('summary.json', `${metric} mean = opening book + its components' means`, m.mean, sum, meanTol(abs + Math.abs(m.mean)));
    if (metric !== 'bookings') near('summary.json', `${metric}'s opening book = the opening ARR${metric === 'revenue' ? ' + closed months\' revenue beyond ARR / 12' : ''}`, comps.openingBook?.mean ?? 0, opening(metric), 1e-6 * Math.max(1, opening(metric)));
    const own = meanOf(metric);
    near('summary.json', `${metric} mean = the trials' mean`, m.mean, own.mean, meanTol(own.absMean));
    const c = store.column(metric)!;
    near('summary.json', `${metric} min = the trials'`, m.min, Math.min(...c), 0);
    near('summary.json', `${metric} max = the trials'`, m.max, Math.max(...c), 0);
    for (const comp of storedComponents(metric)) {
      const key = `component.${metric}.${comp}`;
      const k = store.column(key) ? key : sim.plan.layout.aliases.get(key)!;
      const cm = meanOf(k);
      near('summary.json', `${key} mean = the trials' mean`, comps[comp]!.mean, cm.mean, meanTol(cm.absMean));
    }
    if (many && summary.byTier) {
      let tierSum = 0;
      let tierAbs = 0;
      for (const t of tiers) {
        const row = summary.byTier[t.name]!;
        const st = row[metric] as Stat;
        tierSum += st.mean;
        tierAbs += Math.abs(st.mean);
        const cm = row.componentMeans[metric];
        let bridge = 0;
        let babs = 0;
        for (const v of Object.values(cm)) (bridge += v), (babs += Math.abs(v));
        near('summary.json', `${t.name}'s ${metric} mean = its componentMeans' sum`, st.mean, bridge, meanTol(babs + Math.abs(st.mean)));
      }
      near('summary.json', `company ${metric} mean = sum of tiers' means`, m.mean, tierSum, meanTol(tierAbs));
      for (const comp of Object.keys(comps)) {
        const s = tiers.reduce((a, t) => a + (summary.byTier![t.name]!.componentMeans[metric][comp] ?? 0), 0);
        near('summary.json', `company ${metric}.${comp} mean = sum of tiers' componentMeans`, comps[comp]!.mean, s, meanTol(Math.abs(s) + Math.abs(comps[comp]!.mean)) + 2 ** -22 * Math.abs(m.mean));
      }
    }
  }
  if (many && summary.byTier) {
    for (const [key, total] of [
      ['customersWon', summary.customers.won],
      ['customersLost', summary.customers.lost],
    ] as const) {
      const rows = tiers.map((t) => summary.byTier![t.name]![key] as Stat | undefined);
      const s = rows.reduce((a, r) => a + (r?.mean ?? 0), 0);
      near('summary.json', `company ${key} mean = sum of tiers'`, total.mean, s, meanTol(Math.abs(s)));
    }
  }
  // Each tier's figures are that tier's own trials (a swap of two tiers' entries keeps every sum).
  const against = (file: string, label: string, figure: StoredFigure | undefined, statistic: string, written: number, rounding: number) => {
    if (!figure) return void out.push({ file, identity: `${label}: matches no stored figure`, lhs: written, rhs: NaN, tolerance: 0 });
    const s = storedStatistic(figure, statistic);
    if (!s) return;
    const slack = rounding + 1e-9 * Math.max(Math.abs(s.lo), Math.abs(s.hi));
    if (!(written >= s.lo - slack && written <= s.hi + slack)) out.push({ file, identity: `${label} = the stored trials' (${figure.key})`, lhs: written, rhs: s.value, tolerance: slack });
  };
  if (summary.byTier)
    for (const [name, row] of Object.entries(summary.byTier)) {
      for (const metric of [...METRICS, 'customersWon', 'customersLost'] as const) {
        const st = row[metric] as Stat | undefined;
        if (st) for (const s of ['mean', 'min', 'max', ...Object.keys(st.percentiles)]) against('summary.json', `byTier.${name}.${metric} ${s}`, storedFigure(sim, metric, name, 'total'), s, s === 'mean' ? st.mean : s === 'min' ? st.min : s === 'max' ? st.max : st.percentiles[s]!, 1e-6);
      }
      for (const metric of METRICS)
        for (const [comp, mean] of Object.entries(row.componentMeans[metric])) if (comp !== 'openingBook') against('summary.json', `byTier.${name}.componentMeans.${metric}.${comp}`, storedFigure(sim, metric, name, comp), 'mean', mean, 1e-6 * Math.max(1, Math.abs(mean)));
    }

  let cumulative = 0;
  let cabs = 0;
  for (const month of summary.monthly) {
    cumulative += month.mrr.mean;
    cabs += Math.abs(month.mrr.mean);
    near('summary.json', `cumulative revenue mean of month ${month.month} = sum of MRR means`, month.cumulativeRevenue.mean, cumulative, meanTol(cabs));
  }
  const last = summary.monthly[11]!.cumulativeRevenue;
  const rev = summary.metrics.revenue;
  // Per trial, cumulative revenue of month 12 is the float32 MRRs' sum: 12 x 2^-24 of the revenue at most.
  const perTrial = 12 * 2 ** -24 * Math.max(Math.abs(rev.min), Math.abs(rev.max)) + 1e-6;
  near('summary.json', 'cumulative revenue of month 12 mean = revenue mean', last.mean, rev.mean, perTrial);
  for (const p of Object.keys(rev.percentiles)) near('summary.json', `cumulative revenue of month 12 ${p} = revenue ${p}`, last.percentiles[p]!, rev.percentiles[p]!, perTrial);

  // percentiles.csv: summary.json's figures.
  const pct = csvRecords(read(`${dir}/percentiles.csv`)).slice(1);
  const lookup = (metric: string, tier: string, component: string, statistic: string): number | undefined => {
    const row = pct.find((r) => r[0] === metric && r[1] === tier && r[2] === component && r[3] === statistic);
    return row ? Number(row[4]) : undefined;
  };
  for (const metric of METRICS) {
    const stat = summary.metrics[metric];
    for (const [s, v] of [['mean', stat.mean], ...Object.entries(stat.percentiles)] as Array<[string, number]>) {
      const w = lookup(metric, 'all', 'total', s);
      near('percentiles.csv', `${metric} ${s} = summary.json's`, w ?? NaN, v, 0.0051);
    }
    for (const [comp, st] of Object.entries(summary.byComponent[metric])) near('percentiles.csv', `${metric}.${comp} mean = summary.json's`, lookup(metric, 'all', comp, 'mean') ?? NaN, st.mean, 0.0051);
    if (many)
      for (const t of tiers) {
        // Tier x component rows: the tier's bridge as the spreadsheet reads it.
        const total = lookup(metric, t.name, 'total', 'mean');
        let sum = 0;
        let n = 0;
        for (const comp of METRIC_COMPONENTS_OF(metric)) {
          const v = lookup(metric, t.name, comp, 'mean');
          if (v !== undefined) (sum += v), n++;
        }
        near('percentiles.csv', `${t.name}'s ${metric} mean = its components' means`, total ?? NaN, sum, 0.0051 * (n + 1) + 2 ** -22 * Math.abs(sum));
      }
  }

  // Every row of percentiles.csv is its own tier's and component's trials (a mix-up of two tiers or
  // components keeps the sums above); retention ratios are ratios of sums, not a column, except by tier.
  for (const r of pct) {
    const [metric, tier, component, statistic, value] = r as [string, string, string, string, string];
    if (value === '' || statistic === 'sd') continue;
    const retention = ['grr', 'nrr', 'logoRenewal', 'dollarRenewal'].includes(metric);
    const figure = storedFigure(sim, metric, tier, component);
    if (retention && !figure) continue;
    against('percentiles.csv', `${metric},${tier},${component},${statistic}`, figure, statistic, Number(value), 0.0051);
  }

  // monthly.csv: summary.json's monthly figures.
  const monthly = csvRecords(read(`${dir}/monthly.csv`));
  const mh = monthly[0]!;
  for (const r of monthly.slice(1)) {
    if (r.length < mh.length) continue;
    const month = summary.monthly[Number(r[0]) - 1]!;
    const stat = r[2] === 'mrr' ? month.mrr : month.cumulativeRevenue;
    near('monthly.csv', `month ${r[0]} ${r[2]} mean = summary.json's`, Number(r[mh.indexOf('mean')]), stat.mean, 0.0051);
    for (const p of ['p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95']) near('monthly.csv', `month ${r[0]} ${r[2]} ${p} = summary.json's`, Number(r[mh.indexOf(p)]), stat.percentiles[p]!, 0.0051);
  }

  // charts/arr-bridge.vl.json: steps at the means, chained from the opening to the ending ARR.
  const bridge = JSON.parse(read(`${dir}/charts/arr-bridge.vl.json`)) as { datasets: { steps: Array<{ label: string; kind: string; start: number; end: number; amount: number }> } };
  const steps = bridge.datasets.steps;
  const endMean = summary.metrics.endingArr.mean;
  const scale = 2 ** -22 * Math.max(endMean, ...steps.map((s) => Math.abs(s.amount))) + 1e-6;
  near('arr-bridge.vl.json', 'opening step = opening ARR', steps[0]!.end, openingArr, scale);
  near('arr-bridge.vl.json', 'ending step = ending ARR mean', steps[steps.length - 1]!.end, endMean, scale);
  for (let i = 1; i < steps.length - 1; i++) {
    near('arr-bridge.vl.json', `${steps[i]!.label} starts where the step before ends`, steps[i]!.start, steps[i - 1]!.end, scale);
    near('arr-bridge.vl.json', `${steps[i]!.label}: end - start = amount`, steps[i]!.end - steps[i]!.start, steps[i]!.amount, scale);
  }
  near('arr-bridge.vl.json', 'the last component ends at the ending ARR', steps[steps.length - 2]!.end, endMean, scale * steps.length);

  // sipmath.json: the trials.
  const sip = JSON.parse(read(`${dir}/sipmath.json`)) as { sips: Array<{ name: string; arguments: { value: number[] } }> };
  const sipNames = new Set<string>();
  for (const s of sip.sips) {
    if (sipNames.has(s.name)) out.push({ file: 'sipmath.json', identity: `SIP ${s.name}: written once`, lhs: 2, rhs: 1, tolerance: 0 });
    sipNames.add(s.name);
    // A SIP is named by its column's key (revenue, tier.SMB.revenue): one that names no column is a violation.
    const key = s.name;
    const c = store.column(key) ?? store.column(sim.plan.layout.aliases.get(key) ?? '');
    if (!c) {
      out.push({ file: 'sipmath.json', identity: `SIP ${s.name}: matches no stored column`, lhs: NaN, rhs: NaN, tolerance: 0 });
      continue;
    }
    if (s.arguments.value.length !== c.length) out.push({ file: 'sipmath.json', identity: `SIP ${s.name}: one value per trial`, lhs: s.arguments.value.length, rhs: c.length, tolerance: 0 });
    let bad = 0;
    for (let i = 0; i < c.length; i++) if (!(Math.abs(s.arguments.value[i]! - c[i]!) <= err(key, c[i]!)) && bad++ < 3) out.push({ file: 'sipmath.json', identity: `${s.name} of trial ${i} = the stored value`, lhs: s.arguments.value[i]!, rhs: c[i]!, tolerance: err(key, c[i]!) });
  }
  return out;
}

/** The statistics of a report.xlsx stat row, in its columns' order. */
const STAT_NAMES = ['mean', 'sd', 'p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99'] as const;

const METRIC_COMPONENTS_OF = (metric: Metric): readonly string[] => (metric === 'bookings' ? storedComponents(metric) : ['openingBook', ...storedComponents(metric)]);

/**
 * report.xlsx's figures against summary.json's and against each other: the Summary and Percentiles
 * sheets' rows of every metric (all tiers) are summary.json's statistics; each metric's Total mean,
 * for all tiers and for each tier, is the sum of its components' means (the bridge as the workbook
 * shows it), and the tiers' Total means add up to all tiers'; the Monthly sheet's MRR mean and
 * percentiles are summary.json's. Numbers are stored as doubles: summary's exactly, sums to 2^-22 of
 * the magnitudes (means of float32 columns).
 */
export async function checkWorkbookIdentities(path: string, summaryText: string, sim?: Simulation): Promise<WrittenViolation[]> {
  const { default: ExcelJS } = await import('exceljs');
  const { METRIC_LABELS, COMPONENT_LABELS } = await import('../../src/model/components.js');
  const out: WrittenViolation[] = [];
  const near = (identity: string, lhs: number, rhs: number, tolerance: number) => {
    if (!(Math.abs(lhs - rhs) <= tolerance)) out.push({ file: 'report.xlsx', identity, lhs, rhs, tolerance });
  };
  const summary = JSON.parse(summaryText) as { metrics: Record<Metric, Stat & { sd: number }>; monthly: Array<{ month: number; mrr: Stat }> };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const rows = (name: string): unknown[][] => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`report.xlsx has no sheet ${name}`);
    const r: unknown[][] = [];
    ws.eachRow((row) => r.push((row.values as unknown[]).slice(1)));
    return r;
  };
  const metricOf = new Map(METRICS.map((m) => [METRIC_LABELS[m], m]));
  const stats = (s: Stat & { sd: number }) => [s.mean, s.sd, ...['p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99'].map((p) => s.percentiles[p]!)];
  for (const r of rows('Summary')) {
    const m = metricOf.get(r[0] as Metric);
    if (m) stats(summary.metrics[m]).forEach((v, i) => near(`Summary: ${r[0]} column ${i + 2} = summary.json's`, r[i + 1] as number, v, 0));
  }
  const componentOf = new Map(Object.entries(COMPONENT_LABELS).map(([c, l]) => [l, c]));
  const totals = new Map<string, number>();
  const sums = new Map<string, { sum: number; abs: number }>();
  for (const r of rows('Percentiles')) {
    const m = metricOf.get(r[0] as Metric);
    if (!m || typeof r[3] !== 'number') continue;
    const key = `${m}|${String(r[1])}`;
    // With the run: every row's figures are its own tier's and component's trials (a mix-up of two
    // rows keeps every sum); a component label that names no component is a violation.
    if (sim) {
      const tier = r[1] === 'All tiers' ? 'all' : String(r[1]);
      const component = r[2] === 'Total' ? 'total' : componentOf.get(String(r[2])) ?? `unknown component ${String(r[2])}`;
      const figure = storedFigure(sim, m, tier, component);
      STAT_NAMES.forEach((statistic, i) => {
        const written = r[i + 3];
        if (typeof written !== 'number') return;
        const label = `Percentiles: ${String(r[0])}, ${String(r[1])}, ${String(r[2])}, ${statistic}`;
        if (!figure) return void out.push({ file: 'report.xlsx', identity: `${label}: matches no stored figure`, lhs: written, rhs: NaN, tolerance: 0 });
        const st = storedStatistic(figure, statistic);
        if (!st) return;
        const slack = 1e-6 + 1e-9 * Math.max(Math.abs(st.lo), Math.abs(st.hi));
        if (!(written >= st.lo - slack && written <= st.hi + slack)) out.push({ file: 'report.xlsx', identity: `${label} = the stored trials' (${figure.key})`, lhs: written, rhs: st.value, tolerance: slack });
      });
    }
    if (r[2] === 'Total') {
      totals.set(key, r[3]);
      if (r[1] === 'All tiers') stats(summary.metrics[m]).forEach((v, i) => near(`Percentiles: ${r[0]} all tiers column ${i + 4} = summary.json's`, r[i + 3] as number, v, 0));
    } else if (componentOf.has(String(r[2]))) {
      const s = sums.get(key) ?? { sum: 0, abs: 0 };
      sums.set(key, { sum: s.sum + r[3], abs: s.abs + Math.abs(r[3]) });
    }
  }
  for (const [key, total] of totals) {
    const s = sums.get(key);
    if (s) near(`Percentiles: ${key.replace('|', ', ')}: Total mean = its components' means`, total, s.sum, 2 ** -22 * (s.abs + Math.abs(total)) + 1e-6);
  }
  for (const m of METRICS) {
    let sum = 0;
    let abs = 0;
    let tiers = 0;
    for (const [key, total] of totals)
      if (key.startsWith(`${m}|`) && !key.endsWith('|All tiers')) (sum += total), (abs += Math.abs(total)), tiers++;
    if (tiers > 0) near(`Percentiles: ${m}: all tiers' Total mean = sum of the tiers'`, totals.get(`${m}|All tiers`) ?? NaN, sum, 2 ** -22 * abs + 1e-6);
  }
  const monthly = rows('Monthly');
  const head = monthly.find((r) => r.includes('MRR mean'))!;
  for (const r of monthly) {
    const month = r[head.indexOf('Fiscal month')];
    if (typeof month !== 'number') continue;
    const s = summary.monthly[month - 1]!.mrr;
    near(`Monthly: month ${month} MRR mean = summary.json's`, r[head.indexOf('MRR mean')] as number, s.mean, 0);
    for (const p of ['P10', 'P50', 'P90']) near(`Monthly: month ${month} MRR ${p} = summary.json's`, r[head.indexOf(`MRR ${p}`)] as number, s.percentiles[p.toLowerCase()]!, 0);
  }
  return out;
}
