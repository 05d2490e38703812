import type { RandomSource } from '../random/source.js';
import { lagPmfOf, type LagPmf } from './lag-pmf.js';
import { LagSplitter } from './lag-splitter.js';

/**
 * The lag distribution restricted to the window lo..hi (clipped to 0..max) and renormalised, as a
 * LagPmf whose max is the last lag of the window with mass; undefined when the window has none.
 * The same conditionals and alias table lagPmf would build for those weights.
 */
function windowPmf(lag: LagPmf, lo: number, hi: number): LagPmf | undefined {
  let total = 0;
  let max = -1;
  for (let j = lo; j <= hi; j++) {
    if (lag.pmf[j]! > 0) max = j;
    total += lag.pmf[j]!;
  }
  if (max < 0 || !(total > 0)) return undefined;
  const pmf = new Float64Array(max + 1);
  for (let j = lo; j <= max; j++) pmf[j] = lag.pmf[j]! / total;
  return lagPmfOf(pmf);
}

/** The window pmfs of a lag distribution, by lo * (max + 1) + hi: built once per plan, shared by every chunk's splitters. */
const windows = new WeakMap<LagPmf, (LagPmf | undefined)[]>();

function windowPmfs(lag: LagPmf): (LagPmf | undefined)[] {
  let all = windows.get(lag);
  if (!all) {
    const w = lag.max + 1;
    all = new Array<LagPmf | undefined>(w * w).fill(undefined);
    for (let lo = 0; lo <= lag.max; lo++) for (let hi = lo; hi <= lag.max; hi++) all[lo * w + hi] = windowPmf(lag, lo, hi);
    windows.set(lag, all);
  }
  return all;
}

/**
 * Units of a cohort (a month's deals, a month's expanding customers) of which only those whose lag
 * falls in a window lo..hi count: the lags that land in the fiscal year. Thinning makes them exact
 * without drawing the others: of n units each converting with probability p, those in the window
 * are Binomial(n, p P(lo <= lag <= hi)) (`share`), and their lags are independent draws of the lag
 * distribution restricted to the window (`split`). What falls outside the window (before the year
 * or after it) is never drawn.
 *
 * @example const w = new WindowSplitter(lagPmf({ dist: 'discrete', values: [0, 1], weights: [0.6, 0.4] }), s); w.share(1, 5) // => 0.4
 * Complexity: O(max^2) window tables once per lag distribution; a split is LagSplitter's.
 */
export class WindowSplitter {
  private readonly width: number;
  private readonly shares: Float64Array;
  private readonly pmfs: (LagPmf | undefined)[];
  /** One LagSplitter per window, on the one source, made on first use. */
  private readonly splitters: (LagSplitter | undefined)[];

  constructor(
    private readonly lag: LagPmf,
    private readonly source: RandomSource,
  ) {
    const w = lag.max + 1;
    this.width = w;
    this.pmfs = windowPmfs(lag);
    this.splitters = new Array<LagSplitter | undefined>(w * w).fill(undefined);
    this.shares = new Float64Array(w * w);
    // A window holding every lag with mass shares exactly 1 (a sum of the pmf could round below it).
    const first = lag.pmf.findIndex((q) => q > 0);
    for (let lo = 0; lo <= lag.max; lo++) {
      let s = 0;
      for (let hi = lo; hi <= lag.max; hi++) {
        s += lag.pmf[hi]!;
        this.shares[lo * w + hi] = lo <= first && hi === lag.max ? 1 : Math.min(1, s);
      }
    }
  }

  /** P(lo <= lag <= hi), the window clipped to 0..max; 0 for an empty window, exactly 1 for the whole range. */
  share(lo: number, hi: number): number {
    const a = lo < 0 ? 0 : lo;
    const b = hi > this.lag.max ? this.lag.max : hi;
    return a > b ? 0 : this.shares[a * this.width + b]!;
  }

  /**
   * Split n units whose lags lie in the window (share(lo, hi) > 0): counts[j] holds those at lag j,
   * for j up to counts.length - 1 (no more than the window's hi); 0 outside the window.
   */
  split(n: number, lo: number, hi: number): Float64Array {
    const a = lo < 0 ? 0 : lo;
    const b = hi > this.lag.max ? this.lag.max : hi;
    const k = a * this.width + b;
    let s = this.splitters[k];
    if (!s) s = this.splitters[k] = new LagSplitter(this.pmfs[k]!, this.source);
    return s.split(n);
  }
}
