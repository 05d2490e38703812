import { Binomial } from '../random/binomial.js';
import type { Stream } from '../random/source.js';
import { componentIndex } from './components.js';
import { sumInto, type Draw, type SumInto } from './distribution-sampler.js';
import { trialRate } from './market.js';
import { drewNaN, MAX_UNITS_PER_MONTH, tooManyUnits } from './model-limit-error.js';
import type { TierOutcome } from './tier-outcome.js';
import type { TierPlan } from './tier-plan.js';
import { DRIVER_KINDS, type DriverKind } from './drivers/driver-kinds.js';
import { driverSlot } from './drivers/tier-drivers.js';
import { levelDraw, type LevelSource } from './given-levels.js';

/** The book's year-level rates, in the order of BookRateDrawer's slots. */
const BOOK_RATES: readonly DriverKind[] = ['renewalRate', 'priceUplift', 'contractionProbability', 'expansionProbability'];
const driverStream = (kind: DriverKind) => DRIVER_KINDS[kind].stream('');

const C_EXP = componentIndex('existingExpansion');
const C_UPLIFT = componentIndex('priceUplift');
const C_CONTRACTION = componentIndex('contraction');
const C_CHURN = componentIndex('churn');
const C_RENEWAL = componentIndex('renewal');

const NEVER: Draw = () => 0;

/** The trial-level rates of an existing book, drawn once per trial and moved by the market. */
export interface BookRates {
  renewal: number;
  uplift: number;
  contraction: number;
  expansion: number;
  /** This year's expansion sizes over the planned ones: this year's median size / the median as written (1 without a year layer). */
  expansionScale: number;
}

/** Draws a book's trial-level rates (one stream per driver) and records them in the outcome. */
export class BookRateDrawer {
  private readonly renewalRate: Draw;
  private readonly priceUplift: Draw;
  private readonly contractionProbability: Draw;
  private readonly expansionProbability: Draw;
  private readonly expansionSizeLevel: Draw | undefined;
  private readonly sizeSlot: number;
  private readonly slots: Int32Array;

  constructor(
    private readonly plan: TierPlan,
    stream: (driver: string) => Stream,
    levels?: LevelSource,
  ) {
    const e = plan.existing!;
    this.renewalRate = levelDraw(levels, driverSlot(plan.plannedDrivers, 'renewalRate'), e.renewalRate.bind(stream(driverStream('renewalRate'))));
    this.priceUplift = e.priceUplift.bind(stream(driverStream('priceUplift')));
    this.contractionProbability = e.contraction ? e.contraction.probability.bind(stream(driverStream('contractionProbability'))) : NEVER;
    this.expansionProbability = e.expansion ? e.expansion.probability.bind(stream(driverStream('expansionProbability'))) : NEVER;
    this.slots = Int32Array.from(BOOK_RATES, (kind) => driverSlot(plan.plannedDrivers, kind));
    this.expansionSizeLevel = e.expansion?.sizeLevel?.distribution.bind(stream(driverStream('expansionSize')));
    this.sizeSlot = driverSlot(plan.plannedDrivers, 'expansionSize');
  }

  draw(z: number, out: TierOutcome, rates: BookRates): void {
    const e = this.plan.existing!;
    const { loadings, stress } = this.plan;
    const own = out.own;
    const slots = this.slots;
    // Each rate's own draw is kept before the market and stress move it (attribution reads it).
    const renewal = (own[slots[0]!] = this.renewalRate());
    rates.renewal = trialRate(renewal, loadings.renewal, z, stress.renewal);
    rates.uplift = own[slots[1]!] = this.priceUplift();
    if (e.contraction) {
      const p = (own[slots[2]!] = this.contractionProbability());
      rates.contraction = trialRate(p, -loadings.contraction, z, stress.contraction);
    } else rates.contraction = 0;
    if (e.expansion) {
      const p = (own[slots[3]!] = this.expansionProbability());
      rates.expansion = trialRate(p, loadings.expansion, z, stress.expansion);
    } else rates.expansion = 0;
    rates.expansionScale = 1;
    if (this.expansionSizeLevel) {
      // The market does not move sizes: the own draw is the value used.
      const median = (out.own[this.sizeSlot] = out.drivers[this.sizeSlot] = this.expansionSizeLevel());
      if (Number.isNaN(median)) drewNaN(this.plan.name, ['existing', 'expansion', 'size', 'median']);
      rates.expansionScale = median / e.expansion!.sizeLevel!.plan;
    }
    // One test per trial; which driver it was is looked for only when one is NaN.
    if (Number.isNaN(rates.renewal + rates.uplift + rates.contraction + rates.expansion))
      drewNaN(
        this.plan.name,
        Number.isNaN(rates.renewal)
          ? ['existing', 'renewalRate']
          : Number.isNaN(rates.uplift)
            ? ['existing', 'priceUplift']
            : Number.isNaN(rates.contraction)
              ? ['existing', 'contraction', 'probability']
              : ['existing', 'expansion', 'probability'],
      );
    out.drivers[slots[0]!] = rates.renewal;
    out.drivers[slots[1]!] = rates.uplift;
    if (e.contraction) out.drivers[slots[2]!] = rates.contraction;
    if (e.expansion) out.drivers[slots[3]!] = rates.expansion;
  }
}

/**
 * An existing book given as aggregates: every customer carries the tier's average ARR, and the
 * customers due each month renew, contract and expand by binomial counts.
 */
export class AggregateBookSimulator {
  /** Binomial counts at the trial's rates: each p set once a trial, then drawn month by month. */
  private readonly renewals: Binomial;
  private readonly contractionCount: Binomial;
  /** Where the two sum samplers write each sum (read at once). */
  private readonly sum = new Float64Array(1);
  /** Sums of n contraction shares and of n expansion sizes, into `sum`; undefined without contraction or expansion. */
  private readonly contractionSize: SumInto | undefined;
  private readonly expansionCount: Binomial;
  private readonly expansionSize: SumInto | undefined;

  constructor(
    private readonly plan: TierPlan,
    stream: (driver: string) => Stream,
  ) {
    const e = plan.existing!;
    this.renewals = new Binomial(stream('renewals'));
    this.contractionCount = new Binomial(stream('contraction.count'));
    this.contractionSize = e.contraction ? sumInto(e.contraction.size, stream('contraction.size'), this.sum) : undefined;
    this.expansionCount = new Binomial(stream('expansion.count'));
    this.expansionSize = e.expansion ? sumInto(e.expansion.size, stream('expansion.size'), this.sum) : undefined;
  }

  run(rates: BookRates, out: TierOutcome): void {
    const book = this.plan.existing!;
    const arr = book.averageArr;
    const ev = out.events;
    const { uplift } = rates;
    this.renewals.setP(rates.renewal);
    this.contractionCount.setP(rates.contraction);
    this.expansionCount.setP(rates.expansion);
    // A re-forecast renews only the customers due after the closed months (the others are in the actuals).
    // Customers who left mid-term in the closed months are not due again (start.dueAfter).
    const calendar = this.plan.start?.dueAfter ?? book.due;
    for (let m = (this.plan.start?.months ?? 0) + 1; m <= 12; m++) {
      const due = calendar[m - 1]!;
      if (due === 0) continue;
      out.customersDue += due;
      out.arrDue += due * arr;
      const renewed = this.renewals.draw(due);
      const churned = due - renewed;
      out.customersRenewed += renewed;
      out.renewedByMonth[m - 1] = renewed * arr;
      out.customersLost += churned;
      ev[C_CHURN * 12 + m - 1] = -churned * arr;
      out.grossLoss += churned * arr;

      const contracted = book.contraction ? this.contractionCount.draw(renewed) : 0;
      if (contracted > MAX_UNITS_PER_MONTH)
        tooManyUnits(this.plan.name, ['existing', 'customers'], contracted, 'customers contracting', "one's size", 'customers and contraction.probability');
      // The contracting customers' shares lost, summed through the one sum seam (sumInto).
      let lost = 0;
      if (contracted > 0) {
        this.contractionSize!(contracted);
        lost = this.sum[0]! * arr;
      }
      // GRR excludes price and upsell: a contraction counts in full even when the uplift offsets it.
      out.grossLoss += lost;
      ev[C_CONTRACTION * 12 + m - 1] = -lost;
      const retained = renewed * arr - lost;
      out.booked[C_RENEWAL]! += retained;
      ev[C_UPLIFT * 12 + m - 1] = retained * uplift;
      out.booked[C_UPLIFT]! += retained * uplift;

      const expanding = book.expansion ? this.expansionCount.draw(renewed - contracted) : 0;
      if (expanding > MAX_UNITS_PER_MONTH)
        tooManyUnits(this.plan.name, ['existing', 'customers'], expanding, 'customers expanding', "one's size", 'customers and expansion.probability');
      let added = 0;
      if (expanding > 0) {
        this.expansionSize!(expanding);
        added = this.sum[0]! * arr * rates.expansionScale;
      }
      ev[C_EXP * 12 + m - 1] = added;
      out.booked[C_EXP]! += added;
    }
  }
}
