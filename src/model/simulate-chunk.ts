import { standardNormal } from '../random/normal.js';
import { createStream, streamSeed, type Stream } from '../random/source.js';
import { COMPONENTS, METRICS, componentIndex, metricIndex } from './components.js';
import type { ScenarioPlan } from './scenario-plan.js';
import { TierOutcome, TierSimulator } from './tier-simulator.js';
import { GivenCursor, type GivenLevels } from './given-levels.js';
import type { TierRows } from './tier-rows.js';
import { BOOK, NEW_BUSINESS, TIER_PARTS } from './tier-outcome.js';

/** Trials per chunk. Part of the definition of a run's random numbers: changing it changes results. */
export const CHUNK_SIZE = 1000;

const NC = COMPONENTS.length;
const NM = METRICS.length;
const REVENUE = metricIndex('revenue');
const BOOKINGS = metricIndex('bookings');
const ARR = metricIndex('endingArr');
const C_OPENING = componentIndex('openingBook');
const C_CHURN = componentIndex('churn');
const C_RENEWAL = componentIndex('renewal');
/** Ratio columns, by code. */
const RATIOS = ['grr', 'nrr', 'logoRenewal', 'dollarRenewal'] as const;
const C_CONTRACTION = componentIndex('contraction');
const C_UPLIFT = componentIndex('priceUplift');
const C_EXP = componentIndex('existingExpansion');
/** Components that count in bookings (the opening book and losses sign nothing). */
const SIGNED = Uint8Array.from(COMPONENTS, (c) => (['newBusiness', 'newCustomerExpansion', 'renewal', 'existingExpansion', 'priceUplift'].includes(c) ? 1 : 0));

/** Share of the year an event dated month m (1..12) is live: (13 - m) / 12. */
const LIVE_SHARE = Float64Array.from({ length: 12 }, (_, i) => (12 - i) / 12);

/**
 * Memory a chunk writes its results into, reusable from chunk to chunk, so a run allocates no result
 * arrays per chunk. A pooled run's are SharedArrayBuffers (allocateChunkBuffers(plan, true)): the
 * task and the worker's answer are clones of views on them that share the memory, so nothing is
 * copied between threads and nothing detached (a detached buffer costs a thread its optimized code:
 * engine/worker.ts).
 */
export interface ChunkBuffers {
  readonly wide: ArrayBufferLike;
  readonly narrow: ArrayBufferLike;
  readonly sums: ArrayBufferLike;
}

/** Count of float64 and float32 columns in a layout. */
function precisionCounts(plan: ScenarioPlan): { wide: number; narrow: number } {
  let wide = 0;
  for (const c of plan.layout.columns) if (c.precision === 'f64') wide++;
  return { wide, narrow: plan.layout.columns.length - wide };
}

/** Buffers big enough for any chunk of this plan (up to CHUNK_SIZE trials); `shared`: on SharedArrayBuffers, for a worker to write. */
export function allocateChunkBuffers(plan: ScenarioPlan, shared = false): ChunkBuffers {
  const n = precisionCounts(plan);
  const bytes = (length: number): ArrayBufferLike => (shared ? new SharedArrayBuffer(length) : new ArrayBuffer(length));
  return {
    wide: bytes(n.wide * CHUNK_SIZE * 8),
    narrow: bytes(n.narrow * CHUNK_SIZE * 4),
    sums: bytes(plan.tiers.length * NM * NC * 8),
  };
}

/** What one chunk of trials produced. */
export interface ChunkResult {
  readonly chunk: number;
  readonly trials: number;
  /**
   * Column-major per-trial values, each column in its stored precision: the float64 columns of the
   * layout, in layout order, in `wide` (wide[k * trials + trial] for the k-th float64 column), the
   * float32 ones in `narrow`. Half the bytes of an all-float64 chunk to transfer and copy.
   */
  readonly wide: Float64Array;
  readonly narrow: Float32Array;
  /** Sum over the chunk's trials of each tier x metric x component: sums[(t * 3 + metric) * 8 + component]. */
  readonly componentSums: Float64Array;
}

/**
 * Simulate one chunk of trials. Every random stream is seeded from (seed, chunk index, tier,
 * driver), so a chunk's results depend on nothing else: not on the worker that runs it, nor on
 * the other chunks. It writes only the buffers (given, or fresh); a plain chunk also keys this
 * thread's kept simulators of the plan for itself (keptSimulators), which leaves no trace in results.
 *
 * A re-forecast passes `given`: the trials' market factors and learned drivers (posterior draws,
 * row by row), which replace those draws; its plan's tiers carry the closed months' state.
 *
 * `tierRows` (not with `given`) reads some tiers' outcomes back from an earlier chunk of the same
 * tier plans, seed and market instead of simulating them, and saves the others' (tier-rows.ts).
 *
 * @example simulateChunk(planScenario(scenario), '7', 0, 1000).wide
 * Complexity: O(trials x (months x lags + deals + customers due)).
 */
export function simulateChunk(
  plan: ScenarioPlan,
  seed: string | number,
  chunk: number,
  trials: number,
  buffers: ChunkBuffers = allocateChunkBuffers(plan),
  given?: GivenLevels,
  tierRows?: TierRows,
): ChunkResult {
  if (tierRows) checkTierRows(plan, trials, tierRows, given);
  const prefix = streamSeed(seed, chunk);
  // A plan's chunks (not a re-forecast's, not with tier rows) use its simulators kept from the chunk
  // before, keyed again: the same draws as simulators made for this chunk, without making them.
  const kept = given || tierRows ? undefined : keptSimulators(plan, prefix);
  const made = kept ? undefined : chunkSimulators(plan, prefix, given, tierRows);
  const { market, simulators, outcomes } = kept ?? made!;
  // A stress may fix the market factor; it is still drawn (and discarded) so the stream is the same.
  const fixedFactor = plan.scenario.market.factor;
  const cursor = made?.cursor;
  const saved = tierRows?.rows;
  const replay = tierRows?.replay;
  const columns = plan.layout.columns;
  const ncol = columns.length;
  // Where each column goes: slot >= 0 is a float64 column index, slot < 0 is -(float32 index) - 1.
  const slot = new Int32Array(ncol);
  let nWide = 0;
  let nNarrow = 0;
  columns.forEach((c, k) => (slot[k] = c.precision === 'f64' ? nWide++ : -++nNarrow));
  const wide = new Float64Array(buffers.wide, 0, nWide * trials);
  const narrow = new Float32Array(buffers.narrow, 0, nNarrow * trials);
  const componentSums = new Float64Array(buffers.sums, 0, plan.tiers.length * NM * NC).fill(0);
  const tierTotals = new Float64Array(plan.tiers.length * NM * NC);
  const record = new Float64Array(ncol);
  const mrr = new Float64Array(12);
  const opening = Float64Array.from(plan.tiers, (t) => t.existing?.openingArr ?? 0);
  const revenueAdjustment = Float64Array.from(plan.tiers, (t) => t.start?.revenueAdjustment ?? 0);
  const recordPlan = planRecord(plan);
  const scratch = new TrialScratch(plan.tiers.length);
  // Made before the loop, so that nothing but a return follows it: V8 compiles this function while
  // its first chunk's loop runs (on-stack replacement), before anything after the loop has run, and
  // code after the loop with no feedback yet (an object literal, a call) deoptimised that compiled
  // code at the end of every chunk.
  const result: ChunkResult = { chunk, trials, wide, narrow, componentSums };

  for (let trial = 0; trial < trials; trial++) {
    const drawn = market();
    const z = given ? given.z[trial]! : (fixedFactor ?? drawn);
    if (cursor) cursor.row = trial;
    mrr.fill(0);
    tierTotals.fill(0);
    for (let t = 0; t < plan.tiers.length; t++) {
      const out = outcomes[t]!;
      if (!saved) simulators[t]!.run(z, out);
      else replayTier(simulators[t], out, saved, replay!, t, z, trial);
      reduceTier(out, opening[t]!, tierTotals, t, mrr);
      const start = plan.tiers[t]!.start;
      if (start) {
        // Closed months' revenue as reported, beyond what their ARR gives: in the opening book's share.
        tierTotals[t * NM * NC + REVENUE * NC + C_OPENING]! += revenueAdjustment[t]!;
        for (let m = 0; m < start.months; m++) mrr[m]! += start.mrrAdjustment[m]!;
      }
    }
    for (let k = 0; k < componentSums.length; k++) componentSums[k]! += tierTotals[k]!;
    fillRecord(record, recordPlan, tierTotals, outcomes, mrr, z, opening, scratch);
    for (let c = 0; c < ncol; c++) {
      const k = slot[c]!;
      if (k >= 0) wide[k * trials + trial] = record[c]!;
      else narrow[(-k - 1) * trials + trial] = record[c]!;
    }
  }
  return result;
}

/** What a chunk draws with: the market's stream and normals, and each tier's simulator (none for a tier read back whole) and outcome. */
interface ChunkSimulators {
  /** The market factor's stream, and its normals. */
  readonly marketStream: Stream;
  readonly market: () => number;
  readonly simulators: (TierSimulator | undefined)[];
  readonly outcomes: TierOutcome[];
  readonly cursor?: GivenCursor | undefined;
}

/**
 * The simulators a chunk makes: every stream seeded from the chunk's prefix (`seed/chunk`), a
 * re-forecast's given levels read through a cursor, a tier part read back given no simulator.
 */
function chunkSimulators(plan: ScenarioPlan, prefix: string, given?: GivenLevels, tierRows?: TierRows): ChunkSimulators {
  const marketStream = createStream(streamSeed(prefix, 'market'));
  const cursor = given && new GivenCursor(given);
  const replay = tierRows?.replay;
  // Both arrays are filled by push, not built by plan.tiers.map: the map that optimized code inlines
  // makes holey arrays and the builtin packed ones, and the trial loop (and fillRecord) deoptimized on
  // the other kind in the first chunks of each run.
  const simulators: (TierSimulator | undefined)[] = [];
  const outcomes: TierOutcome[] = [];
  plan.tiers.forEach((t, i) => {
    // A part read back draws nothing: it needs no simulator (and no streams).
    simulators.push(
      replay?.[2 * i] && replay[2 * i + 1] ? undefined : new TierSimulator(t, prefix, cursor && { cursor, tier: i }, [!replay?.[2 * i], !replay?.[2 * i + 1]]),
    );
    outcomes.push(new TierOutcome(t));
  });
  return { marketStream, market: standardNormal(marketStream), simulators, outcomes, cursor };
}

/**
 * A plan's simulators in this thread, kept from one chunk to the next. Making them for each chunk
 * cost about 0.8 ms of the example's 55 ms and some 140 typed arrays (three for each of some 45
 * streams), garbage that outlived the chunk in the old generation; and each chunk's new closures made
 * the compiled trial loop deoptimise once more ("wrong call target"). Keyed again instead, they draw
 * what new ones would (Stream.rekey, TierSimulator.rekey; test/model/rekeyed-simulator.test.ts).
 * Kept as long as the plan is (a worker keeps its last few plans).
 */
const keptByPlan = new WeakMap<ScenarioPlan, ChunkSimulators>();

function keptSimulators(plan: ScenarioPlan, prefix: string): ChunkSimulators {
  const known = keptByPlan.get(plan);
  if (!known) {
    const made = chunkSimulators(plan, prefix);
    keptByPlan.set(plan, made);
    return made;
  }
  known.marketStream.rekey(streamSeed(prefix, 'market'));
  for (const sim of known.simulators) sim!.rekey(prefix);
  return known;
}

/**
 * Bind every sampler a chunk of `plan` binds, on fresh simulators (never the kept ones): what
 * plan-sum-tables.ts watches to learn which aggregate tables a plan's chunks will ask for.
 */
export function bindChunkSamplers(plan: ScenarioPlan): void {
  chunkSimulators(plan, streamSeed('sum-tables', 0));
}

/** Refuse tier rows that do not fit the plan and chunk (before anything is drawn). */
function checkTierRows(plan: ScenarioPlan, trials: number, tierRows: TierRows, given: GivenLevels | undefined): void {
  if (given || plan.tiers.some((t) => t.start)) throw new RangeError('simulateChunk: a re-forecast cannot read tiers back (tierRows)');
  plan.tiers.forEach((t, i) => {
    const need = trials * TierOutcome.rowWidth(t);
    TIER_PARTS.forEach((part, p) => {
      const rows = tierRows.rows[2 * i + p];
      if (tierRows.replay[2 * i + p] && !rows) throw new RangeError(`simulateChunk: tier ${i}'s ${part} is to be read back but has no rows`);
      if (rows && rows.length < need) throw new RangeError(`simulateChunk: tier ${i}'s ${part} rows hold ${rows.length} numbers, not ${need}`);
    });
  });
}

/**
 * One trial of tier t with TierRows: each part read back or simulated (the two write disjoint
 * fields, so the order does not matter), then the trial's outcome saved for each simulated part
 * that has rows.
 */
function replayTier(sim: TierSimulator | undefined, out: TierOutcome, rows: TierRows['rows'], replay: Uint8Array, t: number, z: number, trial: number): void {
  const nb = rows[2 * t];
  const book = rows[2 * t + 1];
  const replayNb = replay[2 * t] === 1;
  const replayBook = replay[2 * t + 1] === 1;
  if (!replayNb && !replayBook) sim!.run(z, out);
  else {
    out.reset();
    if (replayNb) out.readPart(nb!, trial, NEW_BUSINESS);
    else sim!.runNewBusiness(z, out);
    if (replayBook) out.readPart(book!, trial, BOOK);
    else sim!.runBook(z, out);
  }
  if (nb && !replayNb) out.writeRow(nb, trial);
  if (book && !replayBook && book !== nb) out.writeRow(book, trial);
}

/** Turn a tier's monthly events into revenue, bookings and ARR by component, and add its MRR. */
function reduceTier(out: TierOutcome, openingArr: number, totals: Float64Array, t: number, mrr: Float64Array): void {
  const ev = out.events;
  const base = t * NM * NC;
  totals[base + REVENUE * NC + C_OPENING] = openingArr;
  totals[base + ARR * NC + C_OPENING] = openingArr;
  let live = openingArr;
  for (let m = 0; m < 12; m++) {
    for (let c = 0; c < NC; c++) live += ev[c * 12 + m]!;
    mrr[m]! += live / 12;
  }
  for (let c = 0; c < NC; c++) {
    if (SIGNED[c] === 1) totals[base + BOOKINGS * NC + c] = out.booked[c]!;
    if (c === C_OPENING) continue;
    let arr = 0;
    let revenue = 0;
    for (let m = 0; m < 12; m++) {
      const e = ev[c * 12 + m]!;
      arr += e;
      revenue += e * LIVE_SHARE[m]!;
    }
    totals[base + REVENUE * NC + c] = revenue;
    totals[base + ARR * NC + c] = arr;
  }
}

/** Per-trial column writers compiled once per chunk: numeric codes instead of keys in the hot loop. */
const enum Op {
  Metric,
  TierMetric,
  Component,
  Mrr,
  Ratio,
  Count,
  Market,
  Driver,
  Own,
  Extra,
}
const COUNT_FIELDS = ['customersWon', 'customersLost', 'leads'] as const;

interface RecordPlan {
  readonly op: Int32Array;
  /** Metric, month, ratio (0 grr, 1 nrr), count field or driver index, by column. */
  readonly a: Int32Array;
  /** Tier index (-1: all tiers) or component index, by column. */
  readonly b: Int32Array;
}

function planRecord(plan: ScenarioPlan): RecordPlan {
  const cols = plan.layout.columns;
  const op = new Int32Array(cols.length);
  const a = new Int32Array(cols.length);
  const b = new Int32Array(cols.length).fill(-1);
  const tierOf = (name: string | undefined) => (name === undefined ? -1 : plan.tiers.findIndex((t) => t.name === name));
  cols.forEach((col, k) => {
    switch (col.kind) {
      case 'metric':
        op[k] = Op.Metric;
        a[k] = metricIndex(col.metric);
        break;
      case 'tierMetric':
        op[k] = Op.TierMetric;
        a[k] = metricIndex(col.metric);
        b[k] = tierOf(col.tier);
        break;
      case 'component':
        op[k] = Op.Component;
        a[k] = metricIndex(col.metric);
        b[k] = componentIndex(col.component);
        break;
      case 'mrr':
        op[k] = Op.Mrr;
        a[k] = col.month - 1;
        break;
      case 'ratio':
        op[k] = Op.Ratio;
        a[k] = RATIOS.indexOf(col.ratio);
        b[k] = tierOf(col.tier);
        break;
      case 'count':
        op[k] = Op.Count;
        a[k] = COUNT_FIELDS.indexOf(col.count);
        b[k] = tierOf(col.tier);
        break;
      case 'market':
        op[k] = Op.Market;
        break;
      case 'driver':
      case 'ownDraw':
        op[k] = col.kind === 'driver' ? Op.Driver : Op.Own;
        b[k] = tierOf(col.tier);
        a[k] = plan.tiers[b[k]!]!.plannedDrivers.findIndex((d) => d.key === col.driver);
        break;
      case 'extra':
        op[k] = Op.Extra;
        b[k] = tierOf(col.tier);
        a[k] = plan.tiers[b[k]!]!.extras.findIndex((e) => e.key === col.extra);
        break;
    }
  });
  return { op, a, b };
}

/** Scratch of one trial's per-tier figures, reused across trials. */
class TrialScratch {
  readonly tierMetric: Float64Array;
  readonly existingChange: Float64Array;
  constructor(tiers: number) {
    this.tierMetric = new Float64Array(tiers * NM);
    this.existingChange = new Float64Array(tiers);
  }
}

function fillRecord(
  record: Float64Array,
  rp: RecordPlan,
  totals: Float64Array,
  outcomes: readonly TierOutcome[],
  mrr: Float64Array,
  z: number,
  opening: Float64Array,
  scratch: TrialScratch,
): void {
  const nt = outcomes.length;
  const tm = scratch.tierMetric;
  const change = scratch.existingChange;
  for (let t = 0; t < nt; t++) {
    for (let m = 0; m < NM; m++) {
      let s = 0;
      for (let c = 0; c < NC; c++) s += totals[(t * NM + m) * NC + c]!;
      tm[t * NM + m] = s;
    }
    const arr = (t * NM + ARR) * NC;
    change[t] = totals[arr + C_CHURN]! + totals[arr + C_CONTRACTION]! + totals[arr + C_UPLIFT]! + totals[arr + C_EXP]!;
  }
  const { op, a, b } = rp;
  // Each case stores its value itself: one value merged from all of them was kept boxed by the
  // optimizer (a heap number for every column of every trial).
  for (let k = 0; k < op.length; k++) {
    const tier = b[k]!;
    // The tiers a ratio or count column sums over: one tier, or all of them (-1).
    const first = tier < 0 ? 0 : tier;
    const last = tier < 0 ? nt : tier + 1;
    switch (op[k]) {
      case Op.Metric: {
        let v = 0;
        for (let t = 0; t < nt; t++) v += tm[t * NM + a[k]!]!;
        record[k] = v;
        break;
      }
      case Op.TierMetric:
        record[k] = tm[tier * NM + a[k]!]!;
        break;
      case Op.Component: {
        let v = 0;
        for (let t = 0; t < nt; t++) v += totals[(t * NM + a[k]!) * NC + tier]!;
        record[k] = v;
        break;
      }
      case Op.Mrr:
        record[k] = mrr[a[k]!]!;
        break;
      case Op.Ratio: {
        let den = 0;
        let num = 0;
        for (let t = first; t < last; t++) {
          const o = outcomes[t]!;
          switch (a[k]) {
            case 0: // GRR
              den += opening[t]!;
              num += opening[t]! - o.grossLoss;
              break;
            case 1: // NRR
              den += opening[t]!;
              num += opening[t]! + change[t]!;
              break;
            case 2: // logo renewal
              den += o.customersDue;
              num += o.customersRenewed;
              break;
            default: // dollar renewal: renewed ARR after contraction, before uplift and expansion
              den += o.arrDue;
              num += o.booked[C_RENEWAL]!;
          }
        }
        record[k] = den > 0 ? num / den : NaN;
        break;
      }
      case Op.Count: {
        let v = 0;
        for (let t = first; t < last; t++) {
          const o = outcomes[t]!;
          v += a[k] === 0 ? o.customersWon : a[k] === 1 ? o.customersLost : o.leads;
        }
        record[k] = v;
        break;
      }
      case Op.Market:
        record[k] = z;
        break;
      case Op.Driver:
        record[k] = outcomes[tier]!.drivers[a[k]!]!;
        break;
      case Op.Own:
        record[k] = outcomes[tier]!.own[a[k]!]!;
        break;
      case Op.Extra:
        record[k] = outcomes[tier]!.extras[a[k]!]!;
        break;
      default:
        record[k] = 0;
    }
  }
}
