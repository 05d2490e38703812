/**
 * Working arrays the attribution's passes over its leading trials reuse from call to call (none is
 * handed out or kept past its call). Module state, safe because every pass is synchronous and runs
 * on the main thread (the attribution never runs in a worker): no two passes interleave. At most a few
 * MB stay allocated for the process's life (a studio's too). Made fresh, a summary's sensitivities and bad years left about
 * 6 MB of 0.1-0.4 MB arrays behind them at 50,000 trials, resident until V8's next collection: at a
 * million trials, beside the whole store at the summary's end, the run's peak. Each use has a slot of
 * its own, so two uses active at once never share an array.
 */
export type ScratchSlot = 'metric' | 'band' | 'centred' | 'worst';

const float64 = new Map<ScratchSlot, Float64Array>();
let blocks = new Uint16Array(0);
let bins = new Uint16Array(0);

/**
 * n float64 values of the slot's array (grown when shorter; what it held before is left in it).
 * @example scratchFloat64('metric', 50_000).length // => 50000
 * Complexity: O(1), O(n) when it grows.
 */
export function scratchFloat64(slot: ScratchSlot, n: number): Float64Array {
  let a = float64.get(slot);
  if (!a || a.length < n) float64.set(slot, (a = new Float64Array(n)));
  return a.subarray(0, n);
}

/** n uint16 values for each trial's jackknife block (firstOrderShares), as scratchFloat64. */
export function scratchBlocks(n: number): Uint16Array {
  if (blocks.length < n) blocks = new Uint16Array(n);
  return blocks.subarray(0, n);
}

/** n uint16 values for each trial's tail bin (firstOrderShares: tailBins), as scratchFloat64. */
export function scratchBins(n: number): Uint16Array {
  if (bins.length < n) bins = new Uint16Array(n);
  return bins.subarray(0, n);
}
