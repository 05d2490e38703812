import { discreteIndex } from '../random/discrete.js';
import type { Stream } from '../random/source.js';
import type { Draw } from './distribution-sampler.js';
import type { RepsPlan } from './new-business-plan.js';
import { DRIVER_KINDS } from './drivers/driver-kinds.js';

/** A start month that puts a rep past any ramp: the reps on the floor at the start of the year. */
const LONG_AGO = -1000;

/**
 * A tier's sales floor through one trial's year: who is on it each month, how ramped, and how
 * many deals they source. Reps are followed one by one (their count is small) so each keeps its
 * own productivity draw (the spread across reps) and tenure.
 *
 * Conventions: a hire planned for month m starts on the first of m (or later if the hire slips)
 * and is in tenure month 1 during m; a rep leaves at the start of a month with the trial's monthly
 * attrition probability, checked every month it is on the floor; ramped-rep equivalents in a month
 * are the sum of ramp(tenure) over the reps on the floor.
 */
export class RepFloor {
  /** Ramped-rep equivalents by fiscal month (index 0 = month 1), this trial. */
  readonly ramped = new Float64Array(12);
  /** Mean rep-sourced deals by month: sum over reps of ramp x the rep's productivity. */
  readonly sourcedMean = new Float64Array(12);
  /** Reps on the floor at year end. */
  headcount = 0;
  attrition = 0;
  capacity = 0;
  slip = 0;
  /** This year's median productivity (the year-level draw), NaN when productivity has no year layer. */
  productivityLevel = NaN;

  private readonly startMonth: Int32Array;
  private readonly productivity: Float64Array;
  /** Uniforms of hire slips and of leavers: two streams, so a slip probability leaves attrition's draws as they were. */
  private readonly slips: Stream;
  private readonly leavers: Stream;
  private readonly slipMonths: (table: NonNullable<RepsPlan['slipMonths']>['alias']) => number;
  private readonly drawAttrition: Draw;
  private readonly drawCapacity: Draw;
  private readonly drawSlip: Draw;
  private readonly drawProductivity: Draw;
  private readonly drawProductivityLevel: Draw | undefined;

  constructor(
    private readonly plan: RepsPlan,
    stream: (driver: string) => Stream,
  ) {
    this.startMonth = new Int32Array(plan.maxReps);
    this.productivity = new Float64Array(plan.maxReps);
    this.slips = stream('reps.slip');
    this.leavers = stream('reps.leave');
    this.slipMonths = discreteIndex(stream('reps.slipMonths'));
    this.drawAttrition = plan.attrition.bind(stream(DRIVER_KINDS.repAttrition.stream('')));
    this.drawCapacity = plan.capacity.bind(stream(DRIVER_KINDS.repCapacity.stream('')));
    this.drawSlip = plan.slipProbability ? plan.slipProbability.bind(stream(DRIVER_KINDS.hireSlip.stream(''))) : () => 0;
    const sourced = plan.sourced;
    this.drawProductivity = sourced ? sourced.bind(stream('reps.productivity')) : () => 0;
    this.drawProductivityLevel = plan.sourcedLevel?.distribution.bind(stream(DRIVER_KINDS.repProductivity.stream('')));
  }

  /** Simulate the floor for one trial; fills `ramped` and `sourcedMean`. */
  run(): void {
    const plan = this.plan;
    this.attrition = this.drawAttrition();
    this.capacity = this.drawCapacity();
    this.slip = this.drawSlip();
    // Every rep's productivity this year scales by the year's median over the planned one (1: no year layer).
    let scale = 1;
    if (this.drawProductivityLevel) {
      this.productivityLevel = this.drawProductivityLevel();
      scale = this.productivityLevel / plan.sourcedLevel!.plan;
    }
    const starts = this.startMonth;
    const prod = this.productivity;
    let n = 0;
    for (let r = 0; r < plan.start; r++) {
      starts[n] = LONG_AGO;
      prod[n++] = this.drawProductivity() * scale;
    }
    for (let m = 1; m <= 12; m++)
      for (let h = 0; h < plan.hires[m - 1]!; h++) {
        let start = m;
        if (this.slip > 0 && this.slips() < this.slip) start += this.slipMonths(plan.slipMonths!.alias);
        starts[n] = start;
        prod[n++] = this.drawProductivity() * scale;
      }
    const ramp = plan.ramp;
    const attrition = this.attrition;
    for (let m = 1; m <= 12; m++) {
      let ramped = 0;
      let sourced = 0;
      for (let r = 0; r < n; r++) {
        const start = starts[r]!;
        if (start > m) continue;
        if (attrition > 0 && this.leavers() < attrition) {
          // Gone: never starts again this year.
          starts[r] = 1000;
          continue;
        }
        const tenure = m - start;
        const share = tenure < ramp.length ? ramp[tenure]! : 1;
        ramped += share;
        sourced += share * prod[r]!;
      }
      this.ramped[m - 1] = ramped;
      this.sourcedMean[m - 1] = sourced;
    }
    let headcount = 0;
    for (let r = 0; r < n; r++) if (starts[r]! <= 12) headcount++;
    this.headcount = headcount;
  }
}
