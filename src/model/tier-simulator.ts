import { binomial } from '../random/binomial.js';
import { createStream, streamSeed } from '../random/source.js';
import { COMPONENTS, componentIndex } from './components.js';
import type { Draw, SumDraw } from './distribution-sampler.js';
import type { CountDraw } from './count-sampler.js';
import { LagSplitter } from './lag-splitter.js';
import { ModelLimitError } from './model-limit-error.js';
import { trialRate, volumeMultiplier } from './market.js';
import { TIER_DRIVERS, type TierPlan } from './tier-plan.js';

const C_NEW = componentIndex('newBusiness');
const C_NEW_EXP = componentIndex('newCustomerExpansion');
const C_EXP = componentIndex('existingExpansion');
const C_UPLIFT = componentIndex('priceUplift');
const C_CONTRACTION = componentIndex('contraction');
const C_CHURN = componentIndex('churn');
const D_CONVERSION = TIER_DRIVERS.indexOf('conversion');
const D_RENEWAL = TIER_DRIVERS.indexOf('renewalRate');
const D_CONTRACTION = TIER_DRIVERS.indexOf('contractionProbability');
const D_EXPANSION = TIER_DRIVERS.indexOf('expansionProbability');
const D_NEW_EXPANSION = TIER_DRIVERS.indexOf('newCustomerExpansionProbability');
const D_UPLIFT = TIER_DRIVERS.indexOf('priceUplift');

/**
 * What one trial produced for one tier, before it is reduced to revenue, bookings and ARR. The
 * buffers are reused from trial to trial (nothing is allocated per trial).
 *
 * Timing convention: an event dated fiscal month m (a deal closing, a renewal, a churn) takes
 * effect from the start of month m, so it counts in month m's MRR and contributes
 * amount x (13 - m) / 12 to the year's recognized revenue.
 */
export class TierOutcome {
  /** ARR change by component and month: events[c * 12 + (m - 1)], currency. */
  readonly events = new Float64Array(COMPONENTS.length * 12);
  /** Renewed ARR booked at renewal (after contraction, before uplift), currency. */
  renewalBookings = 0;
  /** Opening ARR lost for GRR: churned plus contracted ARR (price uplift and expansion excluded). */
  grossLoss = 0;
  customersWon = 0;
  customersLost = 0;
  /** Qualified leads in the fiscal year. */
  leads = 0;
  /** The trial-level drivers as used this trial (after the market shift), in TIER_DRIVERS order. */
  readonly drivers = new Float64Array(TIER_DRIVERS.length);

  reset(): void {
    this.events.fill(0);
    this.renewalBookings = 0;
    this.grossLoss = 0;
    this.customersWon = 0;
    this.customersLost = 0;
    this.leads = 0;
    this.drivers.fill(NaN);
  }
}

/**
 * A guard against a typo (leads of 1e12, a billion customers) turning a run into a hang: far beyond
 * any real company. Deals, and contracting or expanding customers, each drawn one by one, per month.
 */
const MAX_DEALS_PER_MONTH = 1_000_000;

const NEVER: Draw = () => 0;
const NO_SUM: SumDraw = () => 0;

/**
 * Simulates one tier's fiscal year, trial after trial, from streams of its own. Each driver has
 * its own stream, seeded from (scenario seed, chunk, tier name, driver), so changing one driver's
 * parameters leaves every other driver's draws as they were (common random numbers).
 */
export class TierSimulator {
  private readonly closed = new Float64Array(12);
  // Trial-level draws (parameter uncertainty), one stream each.
  private readonly conversion: Draw;
  private readonly renewalRate: Draw;
  private readonly priceUplift: Draw;
  private readonly contractionProbability: Draw;
  private readonly expansionProbability: Draw;
  private readonly newExpansionProbability: Draw;
  // Unit outcomes.
  private readonly leads: CountDraw;
  private readonly deals: (n: number, p: number) => number;
  private readonly salesCycle: LagSplitter | undefined;
  private readonly acv: SumDraw;
  private readonly newExpansionCount: (n: number, p: number) => number;
  private readonly newExpansionTiming: LagSplitter | undefined;
  private readonly newExpansionSize: SumDraw;
  private readonly renewals: (n: number, p: number) => number;
  private readonly contractionCount: (n: number, p: number) => number;
  private readonly contractionSize: Draw;
  private readonly expansionCount: (n: number, p: number) => number;
  private readonly expansionSize: SumDraw;

  constructor(
    private readonly plan: TierPlan,
    seedPrefix: string,
  ) {
    const stream = (driver: string) => createStream(streamSeed(seedPrefix, plan.name, driver));
    const e = plan.existing;
    const n = plan.newBusiness;
    const x = plan.newCustomerExpansion;
    this.conversion = n ? n.conversion.bind(stream('conversion')) : NEVER;
    this.renewalRate = e ? e.renewalRate.bind(stream('renewalRate')) : NEVER;
    this.priceUplift = e ? e.priceUplift.bind(stream('priceUplift')) : NEVER;
    this.contractionProbability = e?.contraction ? e.contraction.probability.bind(stream('contraction.probability')) : NEVER;
    this.expansionProbability = e?.expansion ? e.expansion.probability.bind(stream('expansion.probability')) : NEVER;
    this.newExpansionProbability = x ? x.probability.bind(stream('newCustomerExpansion.probability')) : NEVER;
    this.leads = n ? n.leads(stream('leads')) : () => 0;
    this.deals = binomial(stream('deals'));
    this.salesCycle = n ? new LagSplitter(n.salesCycle, stream('salesCycle')) : undefined;
    this.acv = n ? n.acv.bindSum(stream('acv')) : NO_SUM;
    this.newExpansionCount = binomial(stream('newCustomerExpansion.count'));
    this.newExpansionTiming = x ? new LagSplitter(x.timing, stream('newCustomerExpansion.timing')) : undefined;
    this.newExpansionSize = x ? x.size.bindSum(stream('newCustomerExpansion.size')) : NO_SUM;
    this.renewals = binomial(stream('renewals'));
    this.contractionCount = binomial(stream('contraction.count'));
    this.contractionSize = e?.contraction ? e.contraction.size.bind(stream('contraction.size')) : NEVER;
    this.expansionCount = binomial(stream('expansion.count'));
    this.expansionSize = e?.expansion ? e.expansion.size.bindSum(stream('expansion.size')) : NO_SUM;
  }

  /** Simulate one fiscal year of this tier given the trial's market factor z; writes `out`. */
  run(z: number, out: TierOutcome): void {
    out.reset();
    if (this.plan.newBusiness) this.runNewBusiness(z, out);
    if (this.plan.existing) this.runExistingBook(z, out);
  }

  private runNewBusiness(z: number, out: TierOutcome): void {
    const plan = this.plan.newBusiness!;
    const { loadings, stress } = this.plan;
    // Stress overlays act after the market shift and draw nothing: every stream stays as it was.
    const conversion = trialRate(this.conversion(), loadings.conversion, z, stress.conversion);
    if (Number.isNaN(conversion)) this.drewNaN(['newBusiness', 'conversion']);
    out.drivers[D_CONVERSION] = conversion;
    const leadMultiplier = volumeMultiplier(loadings.leads, z) * stress.leads;
    const acvMultiplier = volumeMultiplier(loadings.acv, z) * stress.acv;
    const cycle = plan.salesCycle;
    const closed = this.closed;
    closed.fill(0);

    // Leads of the `cycle.max` months before the year still close in it: simulate them with this
    // year's drivers (seasonality wrapping around) so the year opens with a steady-state pipeline.
    for (let month = 1 - cycle.max; month <= 12; month++) {
      const season = plan.seasonality[(((month - 1) % 12) + 12) % 12]!;
      const leads = this.leads(season * leadMultiplier);
      if (month >= 1) out.leads += leads;
      const deals = this.deals(leads, conversion);
      if (deals === 0) continue;
      if (deals > MAX_DEALS_PER_MONTH)
        throw new ModelLimitError(
          this.plan.name,
          ['newBusiness', 'leadsPerMonth'],
          `${this.plan.name}: ${deals.toExponential(2)} deals in one month; each deal's ACV is drawn, so more than ${MAX_DEALS_PER_MONTH.toLocaleString('en-US')} a month would not finish: check leadsPerMonth and conversion`,
        );
      const byLag = this.salesCycle!.split(deals);
      for (let lag = 0; lag <= cycle.max; lag++) {
        const closeMonth = month + lag;
        if (closeMonth >= 1 && closeMonth <= 12) closed[closeMonth - 1]! += byLag[lag]!;
      }
    }

    const ev = out.events;
    const x = this.plan.newCustomerExpansion;
    const newExpansionProbability = x ? trialRate(this.newExpansionProbability(), loadings.expansion, z, stress.expansion) : 0;
    if (x) out.drivers[D_NEW_EXPANSION] = newExpansionProbability;
    if (Number.isNaN(newExpansionProbability)) this.drewNaN(['newCustomerExpansion', 'probability']);
    for (let m = 1; m <= 12; m++) {
      const deals = closed[m - 1]!;
      if (deals === 0) continue;
      out.customersWon += deals;
      ev[C_NEW * 12 + m - 1]! += this.acv(deals) * acvMultiplier;
      if (!x) continue;
      const expanding = this.newExpansionCount(deals, newExpansionProbability);
      if (expanding === 0) continue;
      const byLag = this.newExpansionTiming!.split(expanding);
      for (let lag = 0; lag <= x.timing.max && m + lag <= 12; lag++) {
        if (byLag[lag]! > 0) ev[C_NEW_EXP * 12 + m + lag - 1]! += this.newExpansionSize(byLag[lag]!);
      }
    }
  }

  private runExistingBook(z: number, out: TierOutcome): void {
    const book = this.plan.existing!;
    const { loadings, stress } = this.plan;
    const renewalRate = trialRate(this.renewalRate(), loadings.renewal, z, stress.renewal);
    const uplift = this.priceUplift();
    const contractionProbability = book.contraction
      ? trialRate(this.contractionProbability(), -loadings.contraction, z, stress.contraction)
      : 0;
    const expansionProbability = book.expansion
      ? trialRate(this.expansionProbability(), loadings.expansion, z, stress.expansion)
      : 0;
    // One test per trial; which driver it was is looked for only when one is NaN.
    if (Number.isNaN(renewalRate + uplift + contractionProbability + expansionProbability))
      this.drewNaN(
        Number.isNaN(renewalRate)
          ? ['existing', 'renewalRate']
          : Number.isNaN(uplift)
            ? ['existing', 'priceUplift']
            : Number.isNaN(contractionProbability)
              ? ['existing', 'contraction', 'probability']
              : ['existing', 'expansion', 'probability'],
      );
    out.drivers[D_RENEWAL] = renewalRate;
    out.drivers[D_UPLIFT] = uplift;
    if (book.contraction) out.drivers[D_CONTRACTION] = contractionProbability;
    if (book.expansion) out.drivers[D_EXPANSION] = expansionProbability;

    const arr = book.averageArr;
    const ev = out.events;
    for (let m = 1; m <= 12; m++) {
      const due = book.due[m - 1]!;
      if (due === 0) continue;
      const renewed = this.renewals(due, renewalRate);
      const churned = due - renewed;
      out.customersLost += churned;
      ev[C_CHURN * 12 + m - 1] = -churned * arr;
      out.grossLoss += churned * arr;

      const contracted = book.contraction ? this.contractionCount(renewed, contractionProbability) : 0;
      if (contracted > MAX_DEALS_PER_MONTH) this.tooMany(contracted, 'contracting', 'contraction');
      let lost = 0;
      for (let k = 0; k < contracted; k++) lost += this.contractionSize() * arr;
      // GRR excludes price and upsell: a contraction counts in full even when the uplift offsets it.
      out.grossLoss += lost;
      ev[C_CONTRACTION * 12 + m - 1] = -lost;
      const retained = renewed * arr - lost;
      out.renewalBookings += retained;
      ev[C_UPLIFT * 12 + m - 1] = retained * uplift;

      const expanding = book.expansion ? this.expansionCount(renewed - contracted, expansionProbability) : 0;
      if (expanding > MAX_DEALS_PER_MONTH) this.tooMany(expanding, 'expanding', 'expansion');
      ev[C_EXP * 12 + m - 1] = expanding > 0 ? this.expansionSize(expanding) * arr : 0;
    }
  }

  /** A trial-level driver drew NaN: stop, naming it, rather than simulate with it (a binomial with p = NaN never returns). */
  private drewNaN(field: readonly string[]): never {
    throw new ModelLimitError(this.plan.name, field, `${this.plan.name}: ${field.join('.')} drew NaN (not a number); check its parameters`);
  }

  /** The existing book's per-customer draws, like deals, stop at MAX_DEALS_PER_MONTH customers a month. */
  private tooMany(count: number, what: string, part: 'contraction' | 'expansion'): never {
    throw new ModelLimitError(
      this.plan.name,
      ['existing', 'customers'],
      `${this.plan.name}: ${count.toExponential(2)} customers ${what} in one month; each one's size is drawn, so more than ${MAX_DEALS_PER_MONTH.toLocaleString('en-US')} a month would not finish: check customers and ${part}.probability`,
    );
  }
}
