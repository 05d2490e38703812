#!/usr/bin/env node
// Candidate estimators of a first-order share S = Var(E[Y | X]) / Var(Y), measured against closed forms (att19):
//   npm run build --silent && node bench/attribution-estimators.mjs
//   (BENCH_TRIALS=2000,20000,100000  BENCH_SEEDS=8  BENCH_LOADINGS=0.2,0.7,1,1.5,2,2.5  BENCH_CASES=curved,linear)
// Estimators, each on the input's order (ties in trial order) and its equal-count bins (binCount):
//   bins       the shipped one: a line in each of K bins, adjusted R² (1 - (n - 1) MSE / SST).
//   neighbours 1 - W / (SST / (n - 1)), W the mean over the n - 2 neighbour triples of
//              (a y0 + b y2 - y1)² / (a² + b² + 1), a, b the line through the two neighbours' x
//              (Gasser, Sroka & Jennen-Steinmetz 1986; rank-based in the sense of Gamboa et al. 2022).
//   refined    bins, the two outer bins split in halves towards the extremes down to 20-39 trials (lines in each).
//   refined+tail  refined, the extreme bin of a tail halved 3 times or more with its noise from neighbours:
//              the shipped estimator from att19 (src/analysis/attribution/tail-bins.ts).
//   hybrid     bins, with the two outer bins' SSE replaced by (n_k - 2) x that bin's W (the curvature a
//              line misses is in the tails; a line cancels in W, so W is the bin's noise alone).
// Cases: 'curved', bench/attribution-curvature.mjs's scenario (leads loaded b on the market, closed form
// in its header), the market's share; 'linear', Y = 2 U1 + 0.3 U2 + 0 U3 + 0.3 eps, U ~ U(0, 1):
// shares (4/12, 0.09/12, 0) / (4/12 + 0.09/12 + 0.09) = 0.7743, 0.01742, 0. For each: mean over seeds
// minus the truth (bias), the seeds' SD (the estimator's standard error), and for 'neighbours' the
// batch-means SE (20 blocks, each estimated alone) and how many 95% intervals cover the truth.
import { parseScenario } from '../dist/scenario/parse.js';
import { simulate } from '../dist/engine/simulate.js';
import { attributionInputs } from '../dist/analysis/attribution/sim-inputs.js';
import { prepareInput } from '../dist/analysis/attribution/input.js';
import { createStream } from '../dist/random/source.js';
import { standardNormal } from '../dist/random/normal.js';

const trialCounts = (process.env.BENCH_TRIALS ?? '2000,20000,100000').split(',').map(Number);
const seeds = Number(process.env.BENCH_SEEDS ?? 8);
const loadings = (process.env.BENCH_LOADINGS ?? '0.2,0.7,1,1.5,2,2.5').split(',').map(Number);
const cases = (process.env.BENCH_CASES ?? 'curved,linear').split(',');
const G = 20;
const T19 = 2.093;

const orderOf = (input) => Int32Array.from(Array.from({ length: input.x.length }, (_, i) => i).sort((a, b) => input.percentile[a] - input.percentile[b] || a - b));

function triple(x, y, i0, i1, i2) {
  const w = x[i2] - x[i0];
  const a = w > 0 ? (x[i2] - x[i1]) / w : 0.5;
  const b = w > 0 ? (x[i1] - x[i0]) / w : 0.5;
  const e = a * y[i0] + b * y[i2] - y[i1];
  return (e * e) / (a * a + b * b + 1);
}

/** Sum of the triple terms over `idx` (trial indices in the input's order). */
function tripleSum(x, y, idx) {
  let s = 0;
  for (let j = 1; j + 1 < idx.length; j++) s += triple(x, y, idx[j - 1], idx[j], idx[j + 1]);
  return s;
}

function sst(y, idx) {
  let m = 0;
  for (const i of idx) m += y[i];
  m /= idx.length;
  let s = 0;
  for (const i of idx) s += (y[i] - m) ** 2;
  return s;
}

function neighbours(y, x, idx) {
  return 1 - tripleSum(x, y, idx) / (idx.length - 2) / (sst(y, idx) / (idx.length - 1));
}

/**
 * The outer bins split in halves towards the extremes, down to MIN_TAIL trials: positions in the
 * order [0, m/2^j) and the mirror, so the tails have bins as narrow as their curvature needs.
 */
const MIN_TAIL = Number(process.env.BENCH_MIN_TAIL ?? 20);
const HALVINGS = Number(process.env.BENCH_HALVINGS ?? 3);
function refinedBins(input, order) {
  const K = input.bins;
  const byBin = Array.from({ length: K }, () => []);
  for (const i of order) byBin[input.bin[i]].push(i);
  const split = (idx, low) => {
    const parts = [];
    let rest = low ? idx : [...idx].reverse();
    while (rest.length >= 2 * MIN_TAIL) {
      const h = Math.floor(rest.length / 2);
      parts.push(rest.slice(h));
      rest = rest.slice(0, h);
    }
    parts.push(rest);
    // Extreme first on both sides' lists: parts[last] is the extreme; the low side's listed extreme first.
    return low ? parts.reverse() : parts.map((p) => [...p].reverse());
  };
  const low = split(byBin[0], true);
  const high = split(byBin[K - 1], false);
  const all = [...low, ...byBin.slice(1, K - 1), ...high];
  // The extreme bin of a tail halved HALVINGS times or more: its noise from neighbours (refined+tail).
  all.neighbours = new Set([...(low.length > HALVINGS ? [0] : []), ...(high.length > HALVINGS ? [all.length - 1] : [])]);
  return all;
}

/** bins (outer = false), hybrid (outer = true) or refined (refine = true). */
function binned(y, input, order, outer, refine = false, tailNeighbours = 0) {
  const n = y.length;
  const byBin = refine ? refinedBins(input, order) : Array.from({ length: input.bins }, () => []);
  const K = byBin.length;
  if (tailNeighbours) tailNeighbours = byBin.neighbours;
  if (!refine) for (const i of order) byBin[input.bin[i]].push(i);
  let within = 0;
  let dof = 0;
  byBin.forEach((idx, k) => {
    const c = idx.length;
    if (c === 0) return;
    let X = 0, Y = 0;
    for (const i of idx) { X += input.x[i]; Y += y[i]; }
    const xm = X / c, ym = Y / c;
    let sxx = 0, sxy = 0, syy = 0;
    for (const i of idx) { sxx += (input.x[i] - xm) ** 2; sxy += (input.x[i] - xm) * (y[i] - ym); syy += (y[i] - ym) ** 2; }
    const line = sxx > 1e-9 * c;
    const d = c - (line ? 2 : 1);
    if (((outer && (k === 0 || k === K - 1)) || (tailNeighbours && tailNeighbours.has(k))) && c >= 3) within += (c - 2) * (tripleSum(input.x, y, idx) / (c - 2)), (dof += c - 2);
    else within += line ? syy - (sxy * sxy) / sxx : syy, (dof += d);
    void k;
  });
  return 1 - (within / dof) / (sst(y, order) / (n - 1));
}

function neighboursWithInterval(y, x, order) {
  const n = y.length;
  const value = neighbours(y, x, order);
  const blockOf = (i) => Math.min(G - 1, Math.floor((i * G) / n));
  const blocks = Array.from({ length: G }, () => []);
  for (const i of order) blocks[blockOf(i)].push(i);
  const est = blocks.map((idx) => neighbours(y, x, idx));
  const m = est.reduce((a, b) => a + b) / G;
  const se = Math.sqrt(est.reduce((a, b) => a + (b - m) ** 2, 0) / (G * (G - 1)));
  return { value, se };
}

function record(acc, key, v) { (acc[key] ??= []).push(v); }
const stats = (a, truth) => {
  const m = a.reduce((p, q) => p + q, 0) / a.length;
  const sd = Math.sqrt(a.reduce((p, q) => p + (q - m) ** 2, 0) / (a.length - 1));
  return `bias ${(100 * (m - truth)).toFixed(3)} sd ${(100 * sd).toFixed(3)}`;
};

function measure(label, truth, draws) {
  const acc = {};
  let covered = 0;
  let seSum = 0;
  let cpu = { bins: 0, neighbours: 0, hybrid: 0 };
  for (const { y, input } of draws) {
    const order = orderOf(input);
    let t = process.cpuUsage();
    record(acc, 'bins', binned(y, input, order, false));
    cpu.bins += process.cpuUsage(t).user;
    t = process.cpuUsage();
    record(acc, 'hybrid', binned(y, input, order, true));
    cpu.hybrid += process.cpuUsage(t).user;
    record(acc, 'refined', binned(y, input, order, false, true));
    record(acc, 'refinedTail', binned(y, input, order, false, true, true));
    t = process.cpuUsage();
    const nb = neighboursWithInterval(y, input.x, order);
    cpu.neighbours += process.cpuUsage(t).user;
    record(acc, 'neighbours', nb.value);
    seSum += nb.se;
    if (Math.abs(nb.value - truth) <= T19 * nb.se) covered++;
  }
  console.log(`  ${label} truth ${(100 * truth).toFixed(4)}% | bins ${stats(acc.bins, truth)} | hybrid ${stats(acc.hybrid, truth)} | refined ${stats(acc.refined, truth)} | refined+tail ${stats(acc.refinedTail, truth)} | neighbours ${stats(acc.neighbours, truth)}, batch-means SE ${(100 * seSum / draws.length).toFixed(3)}, covers ${covered}/${draws.length} (points of %)`);
}

for (const n of trialCounts) {
  console.log(`${n.toLocaleString('en-US')} trials, ${seeds} seeds:`);
  if (cases.includes('curved'))
    for (const b of loadings) {
      const [L, A, MU] = [4000, 10_000, 0.05];
      const yaml = `name: curvature\nmarket:\n  loadings:\n    leads: ${b}\ntiers:\n  - name: T\n    newBusiness:\n      leadsPerMonth: { dist: poisson, mean: ${L} }\n      conversion: ${MU}\n      acv: ${A}\n`;
      const k = 6.5 * L * A;
      const between = k * k * MU * MU * (Math.exp(b * b) - 1);
      const truth = between / (between + A * A * (650 / 144) * L * MU);
      const draws = [];
      for (let s = 0; s < seeds; s++) {
        const sim = await simulate(parseScenario(yaml, 'curvature.yaml'), { trials: n, seed: 100 + s, workers: 0 });
        const input = attributionInputs(sim).drivers[0].input; // the first ATTRIBUTION_TRIALS (50,000) trials, as a summary's
        draws.push({ y: Float64Array.from(sim.store.column('revenue')).subarray(0, input.x.length), input });
      }
      measure(`curved b ${b}:`, truth, draws);
    }
  if (cases.includes('linear')) {
    const v = 4 / 12 + 0.09 / 12 + 0.09;
    const sets = Array.from({ length: 3 }, () => []);
    for (let s = 0; s < seeds; s++) {
      const st = createStream(`att19-linear-${n}-${s}`);
      const z = standardNormal(st);
      const u = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        u[0][i] = st(); u[1][i] = st(); u[2][i] = st();
        y[i] = 2 * u[0][i] + 0.3 * u[1][i] + 0.3 * z();
      }
      u.forEach((a, j) => sets[j].push({ y, input: prepareInput(a, 'own') }));
    }
    [4 / 12 / v, 0.09 / 12 / v, 0].forEach((truth, j) => measure(`linear U${j + 1}:`, truth, sets[j]));
  }
}
