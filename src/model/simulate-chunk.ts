import { standardNormal } from '../random/normal.js';
import { createStream, streamSeed } from '../random/source.js';
import { COMPONENTS, METRICS, componentIndex, metricIndex } from './components.js';
import type { ScenarioPlan } from './scenario-plan.js';
import { TierOutcome, TierSimulator } from './tier-simulator.js';
import { TIER_DRIVERS } from './tier-plan.js';

/** Trials per chunk. Part of the definition of a run's random numbers: changing it changes results. */
export const CHUNK_SIZE = 1000;

const NC = COMPONENTS.length;
const NM = METRICS.length;
const REVENUE = metricIndex('revenue');
const BOOKINGS = metricIndex('bookings');
const ARR = metricIndex('endingArr');
const C_OPENING = componentIndex('openingBook');
const C_RENEWAL = componentIndex('renewal');
const C_CHURN = componentIndex('churn');
const C_CONTRACTION = componentIndex('contraction');
const C_UPLIFT = componentIndex('priceUplift');
const C_EXP = componentIndex('existingExpansion');
const SIGNED = new Set([componentIndex('newBusiness'), componentIndex('newCustomerExpansion'), C_EXP, C_UPLIFT]);

/** Share of the year an event dated month m (1..12) is live: (13 - m) / 12. */
const LIVE_SHARE = Float64Array.from({ length: 12 }, (_, i) => (12 - i) / 12);

/** What one chunk of trials produced. */
export interface ChunkResult {
  readonly chunk: number;
  readonly trials: number;
  /** Column-major per-trial values: values[column * trials + trial], columns as in the plan's layout. */
  readonly values: Float64Array;
  /** Sum over the chunk's trials of each tier x metric x component: sums[(t * 3 + metric) * 8 + component]. */
  readonly componentSums: Float64Array;
}

/**
 * Simulate one chunk of trials. Every random stream is seeded from (seed, chunk index, tier,
 * driver), so a chunk's results depend on nothing else: not on the worker that runs it, nor on
 * the other chunks. Pure apart from the arrays it returns.
 *
 * @example simulateChunk(planScenario(scenario), '7', 0, 1000).values
 * Complexity: O(trials x (months x lags + deals + customers due)).
 */
export function simulateChunk(plan: ScenarioPlan, seed: string | number, chunk: number, trials: number): ChunkResult {
  const prefix = streamSeed(seed, chunk);
  const market = standardNormal(createStream(streamSeed(prefix, 'market')));
  const simulators = plan.tiers.map((t) => new TierSimulator(t, prefix));
  const outcomes = plan.tiers.map(() => new TierOutcome());
  const columns = plan.layout.columns;
  const ncol = columns.length;
  const values = new Float64Array(ncol * trials);
  const componentSums = new Float64Array(plan.tiers.length * NM * NC);
  const tierTotals = new Float64Array(plan.tiers.length * NM * NC);
  const record = new Float64Array(ncol);
  const mrr = new Float64Array(12);
  const tierIndex = new Map(plan.tiers.map((t, i) => [t.name, i]));
  const opening = plan.tiers.map((t) => t.existing?.openingArr ?? 0);

  for (let trial = 0; trial < trials; trial++) {
    const z = market();
    mrr.fill(0);
    tierTotals.fill(0);
    for (let t = 0; t < plan.tiers.length; t++) {
      const out = outcomes[t]!;
      simulators[t]!.run(z, out);
      reduceTier(out, opening[t]!, tierTotals, t, mrr);
    }
    for (let k = 0; k < componentSums.length; k++) componentSums[k]! += tierTotals[k]!;
    fillRecord(record, plan, tierTotals, outcomes, tierIndex, mrr, z, opening);
    for (let c = 0; c < ncol; c++) values[c * trials + trial] = record[c]!;
  }
  return { chunk, trials, values, componentSums };
}

/** Turn a tier's monthly events into revenue, bookings and ARR by component, and add its MRR. */
function reduceTier(out: TierOutcome, openingArr: number, totals: Float64Array, t: number, mrr: Float64Array): void {
  const ev = out.events;
  const base = t * NM * NC;
  totals[base + REVENUE * NC + C_OPENING] = openingArr;
  totals[base + ARR * NC + C_OPENING] = openingArr;
  totals[base + BOOKINGS * NC + C_RENEWAL] = out.renewalBookings;
  let live = openingArr;
  for (let m = 0; m < 12; m++) {
    for (let c = 0; c < NC; c++) live += ev[c * 12 + m]!;
    mrr[m]! += live / 12;
  }
  for (let c = 0; c < NC; c++) {
    if (c === C_OPENING || c === C_RENEWAL) continue;
    let arr = 0;
    let revenue = 0;
    for (let m = 0; m < 12; m++) {
      const e = ev[c * 12 + m]!;
      arr += e;
      revenue += e * LIVE_SHARE[m]!;
    }
    totals[base + REVENUE * NC + c] = revenue;
    totals[base + ARR * NC + c] = arr;
    if (SIGNED.has(c)) totals[base + BOOKINGS * NC + c] = arr;
  }
}

function fillRecord(
  record: Float64Array,
  plan: ScenarioPlan,
  totals: Float64Array,
  outcomes: readonly TierOutcome[],
  tierIndex: ReadonlyMap<string, number>,
  mrr: Float64Array,
  z: number,
  opening: readonly number[],
): void {
  const nt = plan.tiers.length;
  const metricOf = (t: number, m: number) => {
    let s = 0;
    for (let c = 0; c < NC; c++) s += totals[(t * NM + m) * NC + c]!;
    return s;
  };
  const existingChange = (t: number) =>
    totals[(t * NM + ARR) * NC + C_CHURN]! +
    totals[(t * NM + ARR) * NC + C_CONTRACTION]! +
    totals[(t * NM + ARR) * NC + C_UPLIFT]! +
    totals[(t * NM + ARR) * NC + C_EXP]!;
  const columns = plan.layout.columns;
  for (let k = 0; k < columns.length; k++) {
    const col = columns[k]!;
    let v = 0;
    switch (col.kind) {
      case 'metric': {
        const m = metricIndex(col.metric);
        for (let t = 0; t < nt; t++) v += metricOf(t, m);
        break;
      }
      case 'tierMetric':
        v = metricOf(tierIndex.get(col.tier)!, metricIndex(col.metric));
        break;
      case 'component': {
        const m = metricIndex(col.metric);
        const c = componentIndex(col.component);
        for (let t = 0; t < nt; t++) v += totals[(t * NM + m) * NC + c]!;
        break;
      }
      case 'mrr':
        v = mrr[col.month - 1]!;
        break;
      case 'ratio': {
        let start = 0;
        let num = 0;
        for (let t = 0; t < nt; t++) {
          if (col.tier !== undefined && plan.tiers[t]!.name !== col.tier) continue;
          start += opening[t]!;
          num += col.ratio === 'grr' ? opening[t]! - outcomes[t]!.grossLoss : opening[t]! + existingChange(t);
        }
        v = start > 0 ? num / start : NaN;
        break;
      }
      case 'count':
        for (let t = 0; t < nt; t++) {
          if (col.tier !== undefined && plan.tiers[t]!.name !== col.tier) continue;
          v += outcomes[t]![col.count];
        }
        break;
      case 'market':
        v = z;
        break;
      case 'driver':
        v = outcomes[tierIndex.get(col.tier)!]!.drivers[TIER_DRIVERS.indexOf(col.driver)]!;
        break;
    }
    record[k] = v;
  }
}
