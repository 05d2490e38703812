import { Binomial } from '../random/binomial.js';
import { discreteIndex } from '../random/discrete.js';
import type { RandomSource } from '../random/source.js';
import { SINGLE_DRAW_MAX_N } from '../random/uniform53.js';
import type { LagPmf } from './lag-pmf.js';

/** At or below this many units, drawing each unit's lag is cheaper than one binomial per lag. */
const PER_UNIT_BELOW = 24;

/**
 * Splits a count of units (deals, expanding customers) across whole-month lags: an exact
 * multinomial draw. Few units: each unit's lag is drawn from the alias table (one uniform each);
 * many: one binomial per lag, P(lag = j | lag >= j); a lag that is certain draws nothing. Writes into `counts` (reused, no allocation).
 */
export class LagSplitter {
  readonly counts: Float64Array;
  /** The lag every unit has when the distribution is a single value (monthsAfterClose: 6), else -1: nothing to draw. */
  private readonly certain: number;
  /** One binomial sampler per lag j at its fixed P(lag = j | lag >= j), all on the one source: p's constants computed once. */
  private readonly binomials: Binomial[];
  private readonly pick: (table: LagPmf['alias']) => number;
  /** The alias table read in place by the per-unit loop (discreteIndex's one-uniform draw, inlined), or undefined above SINGLE_DRAW_MAX_N lags. */
  private readonly inline: LagPmf['alias'] | undefined;

  constructor(
    private readonly lag: LagPmf,
    private readonly source: RandomSource,
  ) {
    this.counts = new Float64Array(lag.max + 1);
    this.certain = lag.pmf.indexOf(1);
    this.binomials = Array.from(lag.conditional, (p) => {
      const b = new Binomial(source);
      b.setP(p);
      return b;
    });
    this.pick = discreteIndex(source);
    this.inline = lag.alias.n <= SINGLE_DRAW_MAX_N ? lag.alias : undefined;
  }

  /** Split n units; afterwards counts[j] holds the units with lag j. The caller only reads `counts`. */
  split(n: number): Float64Array {
    const counts = this.counts;
    const lag = this.lag;
    if (this.certain >= 0) {
      // One possible lag (0 included): an exact split that draws nothing from the stream. No other
      // entry is ever written, so they stay 0 from the constructor.
      counts[this.certain] = n;
      return counts;
    }
    // A loop, not counts.fill(0): fill is a builtin call that costs more than clearing a few lags.
    for (let j = 0; j < counts.length; j++) counts[j] = 0;
    const table = this.inline;
    if (n <= PER_UNIT_BELOW && table) {
      // discreteIndex's draw for a table of at most SINGLE_DRAW_MAX_N outcomes, without a call per unit:
      // the same uniform, the same column and the same choice.
      const source = this.source;
      const size = table.n;
      const prob = table.prob;
      const alias = table.alias;
      for (let k = 0; k < n; k++) {
        const x = source() * size;
        const i = Math.min(Math.floor(x), size - 1);
        // The column i or its alias, chosen by arithmetic on the comparison (0 or 1), not by a
        // branch: the choice is random, so a branch would be mispredicted about as often as not.
        const a = alias[i]!;
        counts[a + (i - a) * +(x - i < prob[i]!)]! += 1;
      }
    } else if (n <= PER_UNIT_BELOW) {
      for (let k = 0; k < n; k++) counts[this.pick(lag.alias)]! += 1;
    } else {
      let remaining = n;
      for (let j = 0; remaining > 0 && j <= lag.max; j++) {
        const c = j === lag.max ? remaining : this.binomials[j]!.draw(remaining);
        counts[j] = c;
        remaining -= c;
      }
    }
    return counts;
  }
}
