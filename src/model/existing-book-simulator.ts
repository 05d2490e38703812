import { binomial } from '../random/binomial.js';
import type { Stream } from '../random/source.js';
import { componentIndex } from './components.js';
import type { Draw, SumDraw } from './distribution-sampler.js';
import { trialRate } from './market.js';
import { drewNaN, MAX_UNITS_PER_MONTH, tooManyUnits } from './model-limit-error.js';
import type { TierOutcome } from './tier-outcome.js';
import type { TierPlan } from './tier-plan.js';

const C_EXP = componentIndex('existingExpansion');
const C_UPLIFT = componentIndex('priceUplift');
const C_CONTRACTION = componentIndex('contraction');
const C_CHURN = componentIndex('churn');
const C_RENEWAL = componentIndex('renewal');

const NEVER: Draw = () => 0;
const NO_SUM: SumDraw = () => 0;

/** The trial-level rates of an existing book, drawn once per trial and moved by the market. */
export interface BookRates {
  renewal: number;
  uplift: number;
  contraction: number;
  expansion: number;
}

/** Draws a book's trial-level rates (one stream per driver) and records them in the outcome. */
export class BookRateDrawer {
  private readonly renewalRate: Draw;
  private readonly priceUplift: Draw;
  private readonly contractionProbability: Draw;
  private readonly expansionProbability: Draw;
  private readonly slots: Int32Array;

  constructor(
    private readonly plan: TierPlan,
    stream: (driver: string) => Stream,
  ) {
    const e = plan.existing!;
    this.renewalRate = e.renewalRate.bind(stream('renewalRate'));
    this.priceUplift = e.priceUplift.bind(stream('priceUplift'));
    this.contractionProbability = e.contraction ? e.contraction.probability.bind(stream('contraction.probability')) : NEVER;
    this.expansionProbability = e.expansion ? e.expansion.probability.bind(stream('expansion.probability')) : NEVER;
    this.slots = Int32Array.from(['renewalRate', 'priceUplift', 'contractionProbability', 'expansionProbability'], (d) => plan.drivers.indexOf(d));
  }

  draw(z: number, out: TierOutcome, rates: BookRates): void {
    const e = this.plan.existing!;
    const { loadings, stress } = this.plan;
    rates.renewal = trialRate(this.renewalRate(), loadings.renewal, z, stress.renewal);
    rates.uplift = this.priceUplift();
    rates.contraction = e.contraction ? trialRate(this.contractionProbability(), -loadings.contraction, z, stress.contraction) : 0;
    rates.expansion = e.expansion ? trialRate(this.expansionProbability(), loadings.expansion, z, stress.expansion) : 0;
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
    out.drivers[this.slots[0]!] = rates.renewal;
    out.drivers[this.slots[1]!] = rates.uplift;
    if (e.contraction) out.drivers[this.slots[2]!] = rates.contraction;
    if (e.expansion) out.drivers[this.slots[3]!] = rates.expansion;
  }
}

/**
 * An existing book given as aggregates: every customer carries the tier's average ARR, and the
 * customers due each month renew, contract and expand by binomial counts.
 */
export class AggregateBookSimulator {
  private readonly renewals: (n: number, p: number) => number;
  private readonly contractionCount: (n: number, p: number) => number;
  private readonly contractionSize: Draw;
  private readonly expansionCount: (n: number, p: number) => number;
  private readonly expansionSize: SumDraw;

  constructor(
    private readonly plan: TierPlan,
    stream: (driver: string) => Stream,
  ) {
    const e = plan.existing!;
    this.renewals = binomial(stream('renewals'));
    this.contractionCount = binomial(stream('contraction.count'));
    this.contractionSize = e.contraction ? e.contraction.size.bind(stream('contraction.size')) : NEVER;
    this.expansionCount = binomial(stream('expansion.count'));
    this.expansionSize = e.expansion ? e.expansion.size.bindSum(stream('expansion.size')) : NO_SUM;
  }

  run(rates: BookRates, out: TierOutcome): void {
    const book = this.plan.existing!;
    const arr = book.averageArr;
    const ev = out.events;
    const { uplift } = rates;
    for (let m = 1; m <= 12; m++) {
      const due = book.due[m - 1]!;
      if (due === 0) continue;
      out.customersDue += due;
      out.arrDue += due * arr;
      const renewed = this.renewals(due, rates.renewal);
      const churned = due - renewed;
      out.customersRenewed += renewed;
      out.customersLost += churned;
      ev[C_CHURN * 12 + m - 1] = -churned * arr;
      out.grossLoss += churned * arr;

      const contracted = book.contraction ? this.contractionCount(renewed, rates.contraction) : 0;
      if (contracted > MAX_UNITS_PER_MONTH)
        tooManyUnits(this.plan.name, ['existing', 'customers'], contracted, 'customers contracting', "one's size", 'customers and contraction.probability');
      let lost = 0;
      for (let k = 0; k < contracted; k++) {
        const cut = this.contractionSize() * arr;
        lost += cut;
      }
      // GRR excludes price and upsell: a contraction counts in full even when the uplift offsets it.
      out.grossLoss += lost;
      ev[C_CONTRACTION * 12 + m - 1] = -lost;
      const retained = renewed * arr - lost;
      out.booked[C_RENEWAL]! += retained;
      ev[C_UPLIFT * 12 + m - 1] = retained * uplift;
      out.booked[C_UPLIFT]! += retained * uplift;

      const expanding = book.expansion ? this.expansionCount(renewed - contracted, rates.expansion) : 0;
      if (expanding > MAX_UNITS_PER_MONTH)
        tooManyUnits(this.plan.name, ['existing', 'customers'], expanding, 'customers expanding', "one's size", 'customers and expansion.probability');
      const added = expanding > 0 ? this.expansionSize(expanding) * arr : 0;
      ev[C_EXP * 12 + m - 1] = added;
      out.booked[C_EXP]! += added;
    }
  }
}
