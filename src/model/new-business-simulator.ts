import { Binomial, binomial } from '../random/binomial.js';
import { discreteIndex } from '../random/discrete.js';
import { poisson } from '../random/poisson.js';
import type { Stream } from '../random/source.js';
import { componentIndex } from './components.js';
import { sumInto, type Draw, type SumInto } from './distribution-sampler.js';
import type { LagPmf } from './lag-pmf.js';
import { LagSplitter } from './lag-splitter.js';
import { leadMultiplier } from './lead-stress.js';
import { trialRate, volumeMultiplier } from './market.js';
import type { NewBusinessPlan } from './new-business-plan.js';
import { drewNaN, MAX_LEADS_PER_MONTH, MAX_UNITS_PER_MONTH, tooManyLeads, tooManyUnits } from './model-limit-error.js';
import { RepFloor } from './rep-floor.js';
import type { TierOutcome } from './tier-outcome.js';
import type { TierPlan } from './tier-plan.js';
import { DRIVER_KINDS } from './drivers/driver-kinds.js';
import { sourceKey, type SourceFigure } from './column-key.js';
import { EXTRA_KEYS } from './drivers/extra-keys.js';
import { driverSlot } from './drivers/tier-drivers.js';
import { levelDraw, type LevelSource } from './given-levels.js';
import { TailSplitter } from './tail-splitter.js';
import { WindowSplitter } from './window-splitter.js';
import type { TierStart } from './horizon.js';

const C_NEW = componentIndex('newBusiness');
const C_NEW_EXP = componentIndex('newCustomerExpansion');


/** One lead source bound to its own streams, and where its figures go in the outcome. */
interface BoundSource {
  readonly seasonality: Float64Array;
  readonly conversion: Draw;
  /** A month's leads at the multiplier in the simulator's `leadScale` slot (seasonality x market x level). */
  readonly leads: () => number;
  /** True when the leads' count thins within its family (Poisson, negative binomial: CountSampler.thins). */
  readonly thins: boolean;
  /** Deals ~ Binomial(leads, this trial's conversion), p set once a trial. */
  readonly deals: Binomial;
  /** Deals closing in the year of a month whose sales cycle can end outside it: Binomial(leads, conversion x share), on the deals' stream. */
  readonly dealsInWindow: (n: number, p: number) => number;
  /** A month's deals split by sales-cycle lag, every lag (a source whose deals are reported: lead sources). */
  readonly cycle: LagSplitter;
  /** The same split for the deals closing in the year only, on the same stream. */
  readonly window: WindowSplitter;
  readonly driverSlot: number;
  /** This year's mean leads a month (year-level draw), or undefined when the mean is a number. */
  readonly level: Draw | undefined;
  /** The mean as written: the year-level draw scales the monthly counts by draw / levelPlan. */
  readonly levelPlan: number;
  readonly levelSlot: number;
  /** Where the source is in newBusiness, for messages: [] (the tier's leads) or ['leadSources', i]. */
  readonly field: ReadonlyArray<string | number>;
  /** Extras slots of its leads and deals (-1: the tier's single source, reported as the tier's leads). */
  readonly leadsSlot: number;
  readonly dealsSlot: number;
}

/** Splits a month's signed deals by service-start lag and, with a term mix, by term. */
interface SigningSplitters {
  readonly serviceStart: LagSplitter;
  readonly terms: LagSplitter | undefined;
}

interface BoundGroup {
  readonly index: number;
  /** True when the group's deals are priced at the tier's ACV (then the ACV loading and stress apply). */
  readonly atTierAcv: boolean;
  readonly count: number;
  readonly closeMonth: number;
  readonly winProbability: Draw;
  /** The sum of n deals' amounts, into the simulator's `sum` slot. */
  readonly amount: SumInto;
  readonly driverSlot: number;
  /** This year's median amount (year-level draw) of a group with its own amounts, or undefined. */
  readonly amountLevel: Draw | undefined;
  readonly amountPlan: number;
  readonly amountSlot: number;
}

/**
 * A tier's new business through one trial's year. Deals come from the sources the tier has:
 *  - lead sources (the tier's leads, or its grades/channels): leads ~ count distribution x
 *    seasonality x market, deals ~ Binomial(leads, the source's conversion this year), each deal
 *    closing after its sales-cycle lag; without a stated open book, leads of the months before the
 *    year close in it too (a warm pipeline);
 *  - earlier leads still open at the start: Binomial(count, their conversion), spread over the
 *    year by their close-month weights;
 *  - reps' own sourcing: Poisson(sum over reps of ramp x productivity) deals a month;
 *  - the opening pipeline: each opportunity won or lost in its expected close month.
 * With reps, the sourced demand (all but the opening pipeline, which reps already work) is capped
 * each month by the ramped reps' capacity; the excess is lost or carried to the next month.
 * A deal signs in its close month (bookings) and goes live after its service-start lag (revenue
 * and ARR); a deal going live after year end adds bookings only.
 */
export class NewBusinessSimulator {
  private readonly nb: NewBusinessPlan;
  private readonly sources: BoundSource[];
  private readonly demand = new Float64Array(12);
  /** The multiplier of the next lead count drawn (a slot, not an argument: see CountSampler.bindScaled). */
  private readonly leadScale = new Float64Array(1);
  private readonly closed = new Float64Array(12);
  private readonly pipelineDeals = new Float64Array(12);
  /** New customers going live in each month (after their service-start lag): their expansions count from then. */
  private readonly live = new Float64Array(12);
  /** Where the sum samplers below write each sum (read at once: one slot for all of them). */
  private readonly sum = new Float64Array(1);
  /** The sum of n deals' ACVs, into `sum`. */
  private readonly acv: SumInto;
  /** This year's median ACV (year-level draw), or undefined when the median is a number. */
  private readonly acvLevel: Draw | undefined;
  /** Service-start lags and terms of the sourced deals, and of the pipeline's groups: streams of their own. */
  private readonly dealTiming: SigningSplitters;
  private readonly groupTiming: SigningSplitters;
  /** One pipeline-file opportunity's service-start lag and term, each from its own stream. */
  private readonly pickFileLag: (table: LagPmf['alias']) => number;
  private readonly pickFileTerm: (table: LagPmf['alias']) => number;
  private readonly earlier:
    | { conversion: Draw; deals: (n: number, p: number) => number; months: LagSplitter; driverSlot: number; dealsSlot: number }
    | undefined;
  private readonly groups: BoundGroup[];
  private readonly groupWins: (n: number, p: number) => number;
  private readonly fileWins: Stream;
  private readonly floor: RepFloor | undefined;
  private readonly repDeals: (mean: number) => number;
  private readonly newExpansionProbability: Draw;
  private readonly newExpansionCount: Binomial;
  /** New customers' expansions by months after close, only those in the year (on the timing stream). */
  private readonly newExpansionWindow: WindowSplitter | undefined;
  /** Expansions in the year of a month's new customers when some would fall after it: Binomial(live, probability x share). */
  private readonly newExpansionInWindow: (n: number, p: number) => number;
  /** The sum of n new customers' expansion sizes, into `sum`. */
  private readonly newExpansionSize: SumInto;
  /** This year's median new-customer expansion size (year-level draw), or undefined when a number. */
  private readonly newExpansionSizeLevel: Draw | undefined;
  private readonly slot: (extra: string) => number;
  private tcv = 0;
  /** A re-forecast's closed months' new deals' total contract value (see closedMonthsTcv); 0 in a plan run. */
  private readonly closedTcv: number;
  /** A re-forecast's closed months (0 in a plan run) and what is still to come from them. */
  private readonly closedMonths: number;
  private readonly start: TierStart | undefined;
  private readonly tails:
    | { cycle: TailSplitter; earlier: TailSplitter | undefined; expansion: TailSplitter | undefined; serviceStart: TailSplitter }
    | undefined;
  /** Outcome slots, looked up once (no string search per trial). */
  private readonly slots: Record<
    'tcv' | 'pipelineWon' | 'pipelineBookings' | 'ramped' | 'capacity' | 'headcount' | 'over' | 'repSourced' | 'attrition' | 'repCapacity' | 'hireSlip' | 'productivity' | 'newExpansion' | 'acv' | 'newExpansionSize',
    number
  >;

  constructor(
    private readonly plan: TierPlan,
    stream: (driver: string) => Stream,
    levels?: LevelSource,
  ) {
    const nb = plan.newBusiness!;
    this.nb = nb;
    this.slot = (extra) => plan.extras.findIndex((e) => e.key === extra);
    const drivers = plan.plannedDrivers;
    // The tier's single lead stream keeps the stream names it always had, so results of scenarios
    // without grades are unchanged; a grade's streams carry its name.
    let named = 0;
    this.sources = nb.sources.map((s) => {
      const own = (figure: SourceFigure) => (s.name === '' ? figure : sourceKey(figure, s.name));
      // Each stream made once: two samplers of one driver read one stream, in turn.
      const dealsStream = stream(own('deals'));
      const cycleStream = stream(own('salesCycle'));
      return {
        field: s.name === '' ? [] : ['leadSources', named++],
        seasonality: s.seasonality,
        conversion: levelDraw(
          levels,
          s.name === '' ? driverSlot(drivers, 'conversion') : driverSlot(drivers, 'sourceConversion', s.name),
          s.conversion.bind(stream(s.name === '' ? DRIVER_KINDS.conversion.stream('') : DRIVER_KINDS.sourceConversion.stream(s.name))),
        ),
        leads: s.leads.bindScaled(stream(own('leads')), this.leadScale),
        thins: s.leads.thins,
        deals: new Binomial(dealsStream),
        dealsInWindow: binomial(dealsStream),
        cycle: new LagSplitter(nb.salesCycle, cycleStream),
        window: new WindowSplitter(nb.salesCycle, cycleStream),
        driverSlot: s.name === '' ? driverSlot(drivers, 'conversion') : driverSlot(drivers, 'sourceConversion', s.name),
        level: levelDraw(
          levels,
          s.name === '' ? driverSlot(drivers, 'leadsPerMonth') : driverSlot(drivers, 'sourceLeadsPerMonth', s.name),
          s.level?.distribution.bind(stream(s.name === '' ? DRIVER_KINDS.leadsPerMonth.stream('') : DRIVER_KINDS.sourceLeadsPerMonth.stream(s.name))),
        ),
        levelPlan: s.level?.plan ?? 1,
        levelSlot: s.name === '' ? driverSlot(drivers, 'leadsPerMonth') : driverSlot(drivers, 'sourceLeadsPerMonth', s.name),
        leadsSlot: s.name === '' ? -1 : this.slot(EXTRA_KEYS.sourceLeads(s.name)),
        dealsSlot: s.name === '' ? -1 : this.slot(EXTRA_KEYS.sourceDeals(s.name)),
      };
    });
    this.acv = sumInto(nb.acv, stream('acv'), this.sum);
    this.acvLevel = levelDraw(levels, driverSlot(drivers, 'acv'), nb.acvLevel?.distribution.bind(stream(DRIVER_KINDS.acv.stream(''))));
    this.start = plan.start;
    this.closedMonths = plan.start?.months ?? 0;
    this.closedTcv = closedMonthsTcv(nb, plan.start);
    // Streams of a re-forecast only: a plan run creates none of them, so its draws are as they were.
    this.tails = plan.start && {
      cycle: new TailSplitter(nb.salesCycle, stream('reforecast.salesCycle')),
      earlier: nb.earlierLeads && new TailSplitter(nb.earlierLeads.closeMonth, stream('reforecast.earlierLeads')),
      expansion: plan.newCustomerExpansion && new TailSplitter(plan.newCustomerExpansion.timing, stream('reforecast.newCustomerExpansion')),
      serviceStart: new TailSplitter(nb.serviceStart, stream('reforecast.serviceStart')),
    };
    const termPmf = nb.terms?.mix;
    const splitters = (prefix: string): SigningSplitters => ({
      serviceStart: new LagSplitter(nb.serviceStart, stream(`${prefix}serviceStart`)),
      terms: termPmf && new LagSplitter(termPmf, stream(`${prefix}terms`)),
    });
    this.dealTiming = splitters('');
    this.groupTiming = splitters('pipeline.');
    this.pickFileLag = discreteIndex(stream('pipeline.file.serviceStart'));
    this.pickFileTerm = discreteIndex(stream('pipeline.file.terms'));
    const e = nb.earlierLeads;
    this.earlier = e && {
      conversion: e.conversion.bind(stream(DRIVER_KINDS.earlierLeadsConversion.stream(''))),
      deals: binomial(stream('earlierLeads.deals')),
      months: new LagSplitter(e.closeMonth, stream('earlierLeads.closeMonth')),
      driverSlot: driverSlot(drivers, 'earlierLeadsConversion'),
      dealsSlot: this.slot(EXTRA_KEYS.earlierLeadsDeals),
    };
    this.groups = nb.pipelineGroups.map((g, i) => ({
      index: i,
      count: g.count,
      closeMonth: g.closeMonth,
      winProbability: g.winProbability.bind(stream(DRIVER_KINDS.pipelineWinProbability.stream(String(i + 1)))),
      amount: sumInto(g.amount ?? nb.acv, stream(`pipeline.${i + 1}.amount`), this.sum),
      atTierAcv: g.amount === undefined,
      driverSlot: driverSlot(drivers, 'pipelineWinProbability', String(i + 1)),
      amountLevel: g.amountLevel?.distribution.bind(stream(DRIVER_KINDS.pipelineAmount.stream(String(i + 1)))),
      amountPlan: g.amountLevel?.plan ?? 1,
      amountSlot: driverSlot(drivers, 'pipelineAmount', String(i + 1)),
    }));
    this.groupWins = binomial(stream('pipeline.won'));
    this.fileWins = stream('pipeline.file');
    this.floor = nb.reps ? new RepFloor(nb.reps, stream) : undefined;
    this.repDeals = poisson(stream('reps.sourcedDeals'));
    const x = plan.newCustomerExpansion;
    this.newExpansionProbability = x ? x.probability.bind(stream(DRIVER_KINDS.newCustomerExpansionProbability.stream(''))) : () => 0;
    const expansionCount = stream('newCustomerExpansion.count');
    this.newExpansionCount = new Binomial(expansionCount);
    this.newExpansionInWindow = binomial(expansionCount);
    this.newExpansionWindow = x ? new WindowSplitter(x.timing, stream('newCustomerExpansion.timing')) : undefined;
    this.newExpansionSize = x ? sumInto(x.size, stream('newCustomerExpansion.size'), this.sum) : () => void (this.sum[0] = 0);
    this.newExpansionSizeLevel = x?.sizeLevel?.distribution.bind(stream(DRIVER_KINDS.newCustomerExpansionSize.stream('')));
    this.slots = {
      tcv: this.slot(EXTRA_KEYS.newTcv),
      pipelineWon: this.slot(EXTRA_KEYS.pipelineWon),
      pipelineBookings: this.slot(EXTRA_KEYS.pipelineBookings),
      ramped: this.slot(EXTRA_KEYS.ramped(1)),
      capacity: this.slot(EXTRA_KEYS.capacityDeals),
      headcount: this.slot(EXTRA_KEYS.headcount),
      over: this.slot(EXTRA_KEYS.overCapacity),
      repSourced: this.slot(EXTRA_KEYS.repSourced),
      attrition: driverSlot(drivers, 'repAttrition'),
      repCapacity: driverSlot(drivers, 'repCapacity'),
      hireSlip: driverSlot(drivers, 'hireSlip'),
      productivity: driverSlot(drivers, 'repProductivity'),
      newExpansion: driverSlot(drivers, 'newCustomerExpansionProbability'),
      acv: driverSlot(drivers, 'acv'),
      newExpansionSize: driverSlot(drivers, 'newCustomerExpansionSize'),
    };
  }

  run(z: number, out: TierOutcome): void {
    const { loadings, stress } = this.plan;
    const nb = this.nb;
    const demand = this.demand;
    const closed = this.closed;
    demand.fill(0);
    this.pipelineDeals.fill(0);
    this.live.fill(0);
    this.tcv = this.closedTcv;
    // Stress overlays act after the market shift and draw nothing: every stream stays as it was.
    const leadVolume = volumeMultiplier(loadings.leads, z);
    let acvMultiplier = volumeMultiplier(loadings.acv, z) * stress.acv;
    if (this.acvLevel) {
      // This year's median ACV: every deal at the tier's ACV scales by it over the planned median.
      const median = this.acvLevel();
      if (Number.isNaN(median)) drewNaN(this.plan.name, ['newBusiness', 'acv', 'median']);
      out.own[this.slots.acv] = median;
      out.drivers[this.slots.acv] = median * acvMultiplier;
      acvMultiplier *= median / nb.acvLevel!.plan;
    }

    for (const s of this.sources) this.runSource(s, z, leadVolume, out);
    if (this.earlier) {
      const e = this.earlier;
      const drawn = (out.own[e.driverSlot] = e.conversion());
      const conversion = trialRate(drawn, loadings.conversion, z, stress.conversion);
      if (Number.isNaN(conversion)) drewNaN(this.plan.name, ['newBusiness', 'earlierLeads', 'conversion']);
      out.drivers[e.driverSlot] = conversion;
      const tail = this.tails?.earlier;
      // A re-forecast: only the deals still to close after the closed months (close month m is lag m - 1).
      const byMonth = tail ? tail.split(nb.earlierLeads!.count, conversion, this.closedMonths - 1) : e.months.split(e.deals(nb.earlierLeads!.count, conversion));
      let deals = 0;
      for (let lag = 0; lag < byMonth.length; lag++) deals += byMonth[lag]!;
      out.extras[e.dealsSlot] = deals;
      for (let lag = 0; lag < byMonth.length; lag++) {
        if (byMonth[lag]! > MAX_UNITS_PER_MONTH)
          tooManyUnits(this.plan.name, ['newBusiness', 'earlierLeads', 'count'], byMonth[lag]!, 'deals from earlier leads', "deal's ACV", 'earlierLeads.count and conversion');
        demand[lag]! += byMonth[lag]!;
      }
    }

    // Rep-sourced deals of the year's months take the year's leads stress as its leads do.
    if (this.floor) this.capDemand(leadMultiplier(1, leadVolume, stress.leads, 1), out);
    else closed.set(demand);
    if (this.start) this.fromClosedMonths(out);

    // Signing: the sourced deals at the tier's ACV, then the opening pipeline at its own amounts.
    for (let m = 1; m <= 12; m++) if (closed[m - 1]! > 0) this.sign(closed[m - 1]!, m, this.acv, acvMultiplier, this.dealTiming, out);
    this.runPipeline(z, acvMultiplier, out);

    const x = this.plan.newCustomerExpansion;
    const drawnExpansion = x ? (out.own[this.slots.newExpansion] = this.newExpansionProbability()) : 0;
    const newExpansionProbability = x ? trialRate(drawnExpansion, loadings.expansion, z, stress.expansion) : 0;
    if (Number.isNaN(newExpansionProbability)) drewNaN(this.plan.name, ['newCustomerExpansion', 'probability']);
    if (x) out.drivers[this.slots.newExpansion] = newExpansionProbability;
    let sizeScale = 1;
    if (this.newExpansionSizeLevel) {
      // The market does not move sizes: the own draw is the value used.
      const median = (out.own[this.slots.newExpansionSize] = out.drivers[this.slots.newExpansionSize] = this.newExpansionSizeLevel());
      if (Number.isNaN(median)) drewNaN(this.plan.name, ['newCustomerExpansion', 'size', 'median']);
      sizeScale = median / x!.sizeLevel!.plan;
    }
    const ev = out.events;
    for (let m = 1; m <= 12; m++) {
      out.customersWon += closed[m - 1]! + this.pipelineDeals[m - 1]!;
      out.dealsByMonth[m - 1]! += closed[m - 1]! + this.pipelineDeals[m - 1]!;
    }
    // A new customer expands some months after it goes live (sales owns it for its first months).
    const k = this.closedMonths;
    this.newExpansionCount.setP(newExpansionProbability);
    for (let m = 1; x && m <= 12; m++) {
      const deals = this.live[m - 1]!;
      if (deals === 0) continue;
      let byLag: Float64Array;
      if (m <= k) {
        // A customer live in a closed month: only its expansion still to come after them.
        byLag = this.tails!.expansion!.split(deals, newExpansionProbability, k - m);
      } else {
        // Only the expansions falling in the year are drawn (lags 0..12 - m): Binomial(live, p share),
        // their lags from the timing restricted to the window (WindowSplitter); the others count nowhere.
        const window = this.newExpansionWindow!;
        const share = window.share(0, 12 - m);
        if (share === 0) continue;
        const expanding = share === 1 ? this.newExpansionCount.draw(deals) : this.newExpansionInWindow(deals, newExpansionProbability * share);
        if (expanding === 0) continue;
        byLag = window.split(expanding, 0, 12 - m);
      }
      for (let lag = 0; lag < byLag.length && m + lag <= 12; lag++) {
        if (byLag[lag]! > 0) {
          this.newExpansionSize(byLag[lag]!);
          const added = this.sum[0]! * sizeScale;
          ev[C_NEW_EXP * 12 + m + lag - 1]! += added;
          out.booked[C_NEW_EXP]! += added;
        }
      }
    }
    if (nb.terms) out.extras[this.slots.tcv] = this.tcv;
  }

  /**
   * One lead source's deals by close month into `demand`. `leadVolume` is the market's multiplier on
   * leads; each month's leads scale by leadMultiplier (lead-stress.ts: the leads stress moves the
   * year's leads, not the warm start's before it).
   */
  private runSource(s: BoundSource, z: number, leadVolume: number, out: TierOutcome): void {
    const { loadings, stress } = this.plan;
    const drawn = (out.own[s.driverSlot] = s.conversion());
    const conversion = trialRate(drawn, loadings.conversion, z, stress.conversion);
    if (Number.isNaN(conversion)) drewNaN(this.plan.name, ['newBusiness', ...s.field, 'conversion']);
    out.drivers[s.driverSlot] = conversion;
    s.deals.setP(conversion);
    let level = 1;
    if (s.level) {
      // This year's mean leads a month: the monthly counts scale by it over the planned mean.
      const mean = s.level();
      if (Number.isNaN(mean)) drewNaN(this.plan.name, ['newBusiness', ...s.field, 'leadsPerMonth', 'mean']);
      out.own[s.levelSlot] = mean;
      out.drivers[s.levelSlot] = mean * leadMultiplier(1, leadVolume, stress.leads, 1);
      level = mean / s.levelPlan;
    }
    const cycle = this.nb.salesCycle;
    const demand = this.demand;
    let leadsInYear = 0;
    let dealsInYear = 0;
    // Leads of the `cycle.max` months before the year still close in it: simulate them with this
    // year's drivers (seasonality wrapping around) so the year opens with a steady-state pipeline,
    // but not this year's `leads` stress (leadMultiplier): those leads have already come in (a
    // conversion stress still moves them, as it moves every deal closing in the year).
    const first = this.nb.warmStart ? 1 - cycle.max : 1;
    const k = this.closedMonths;
    for (let month = first; month <= 12; month++) {
      const season = s.seasonality[(((month - 1) % 12) + 12) % 12]!;
      if (k > 0 && month <= k) {
        // A re-forecast: a closed month's leads are known (when the tier has one lead stream: the
        // file gives a tier's total; grades' and channels' cohorts are simulated) and its
        // deals that closed are in the actuals; its leads still in the cycle close after them.
        const known = month >= 1 && this.sources.length === 1 ? this.start!.leads[month - 1]! : NaN;
        if (month <= k - cycle.max) continue;
        this.leadScale[0] = season * leadMultiplier(month, leadVolume, stress.leads, level);
        const leads = Number.isNaN(known) ? s.leads() : known;
        if (leads > MAX_LEADS_PER_MONTH) tooManyLeads(this.plan.name, ['newBusiness', ...s.field, 'leadsPerMonth'], leads);
        const byLag = this.tails!.cycle.split(leads, conversion, k - month);
        // Demand, but not the source's deals: those count the simulated months' leads' deals, beside
        // their leads, so deals / leads stays the conversion (counted here, a closed month's cohort
        // added deals without its leads: a conversion of 100% with a 3-month cycle read 150% after 6 closed months).
        for (let lag = k - month + 1; lag <= cycle.max; lag++) demand[month + lag - 1]! += byLag[lag]!;
        continue;
      }
      if (month >= 1 && s.dealsSlot >= 0) {
        // A lead source reports its deals of the year's leads, wherever they close: every deal is drawn.
        this.leadScale[0] = season * leadMultiplier(month, leadVolume, stress.leads, level);
        const leads = s.leads();
        if (leads > MAX_LEADS_PER_MONTH) tooManyLeads(this.plan.name, ['newBusiness', ...s.field, 'leadsPerMonth'], leads);
        const deals = s.deals.draw(leads);
        leadsInYear += leads;
        dealsInYear += deals;
        out.leadsByMonth[month - 1]! += leads;
        if (deals === 0) continue;
        if (deals > MAX_UNITS_PER_MONTH) tooManyUnits(this.plan.name, ['newBusiness', ...s.field, 'leadsPerMonth'], deals, 'deals', "deal's ACV", 'leadsPerMonth and conversion');
        const byLag = s.cycle.split(deals);
        for (let lag = 0; lag <= cycle.max && month + lag <= 12; lag++) demand[month + lag - 1]! += byLag[lag]!;
        continue;
      }
      // Otherwise only the deals closing in the year (lags lo..hi) are drawn, by thinning: of a month's
      // leads, Binomial(leads, conversion x share) close in it, with lags from the sales cycle restricted
      // to the window (WindowSplitter). A month before the year reports no leads: with a count that
      // thins (Poisson, negative binomial) its deals in the year are that count at the mean scaled by
      // conversion x share, with no leads drawn.
      const lo = month < 1 ? 1 - month : 0;
      const hi = 12 - month;
      const share = s.window.share(lo, hi);
      let deals: number;
      if (month >= 1) {
        this.leadScale[0] = season * leadMultiplier(month, leadVolume, stress.leads, level);
        const leads = s.leads();
        if (leads > MAX_LEADS_PER_MONTH) tooManyLeads(this.plan.name, ['newBusiness', ...s.field, 'leadsPerMonth'], leads);
        leadsInYear += leads;
        out.leadsByMonth[month - 1]! += leads;
        if (share === 0) continue;
        deals = share === 1 ? s.deals.draw(leads) : s.dealsInWindow(leads, conversion * share);
      } else {
        if (share === 0) continue;
        if (s.thins) {
          this.leadScale[0] = season * leadMultiplier(month, leadVolume, stress.leads, level) * conversion * share;
          deals = s.leads();
        } else {
          this.leadScale[0] = season * leadMultiplier(month, leadVolume, stress.leads, level);
          const leads = s.leads();
          if (leads > MAX_LEADS_PER_MONTH) tooManyLeads(this.plan.name, ['newBusiness', ...s.field, 'leadsPerMonth'], leads);
          deals = s.dealsInWindow(leads, conversion * share);
        }
      }
      if (deals === 0) continue;
      if (deals > MAX_UNITS_PER_MONTH) tooManyUnits(this.plan.name, ['newBusiness', ...s.field, 'leadsPerMonth'], deals, 'deals', "deal's ACV", 'leadsPerMonth and conversion');
      const byLag = s.window.split(deals, lo, hi);
      for (let lag = lo; lag < byLag.length; lag++) demand[month + lag - 1]! += byLag[lag]!;
    }
    out.leads += leadsInYear;
    if (s.leadsSlot >= 0) {
      out.extras[s.leadsSlot] = leadsInYear;
      out.extras[s.dealsSlot] = dealsInYear;
    }
  }

  /**
   * A re-forecast's state from the closed months: their new customers count as live from their
   * signing month (for new-customer expansion still to come), and deals signed in them but going
   * live after them (a service-start lag) add their ARR when they go live, at the month's average
   * deal size; their bookings are in the actuals.
   */
  private fromClosedMonths(out: TierOutcome): void {
    const start = this.start!;
    const k = this.closedMonths;
    const lag = this.nb.serviceStart;
    for (let j = 1; j <= k; j++) {
      const deals = start.deals[j - 1]!;
      if (!(deals > 0)) continue;
      if (lag.max === 0) {
        this.live[j - 1]! += deals;
        continue;
      }
      const byLag = this.tails!.serviceStart.split(deals, 1, k - j);
      let pending = 0;
      for (let l = k - j + 1; l <= lag.max; l++) pending += byLag[l]!;
      this.live[j - 1]! += deals - pending;
      const each = Number.isNaN(start.newArr[j - 1]!) ? 0 : start.newArr[j - 1]! / deals;
      for (let l = k - j + 1; l <= lag.max && j + l <= 12; l++) {
        if (byLag[l]! === 0) continue;
        out.events[C_NEW * 12 + j + l - 1]! += byLag[l]! * each;
        this.live[j + l - 1]! += byLag[l]!;
      }
    }
  }

  /** Reps: add their own deals to the demand and cap it month by month by ramped capacity. */
  private capDemand(sourcedMultiplier: number, out: TierOutcome): void {
    const floor = this.floor!;
    const reps = this.nb.reps!;
    floor.run();
    // The market does not move the sales floor: each driver's own draw is the value used.
    out.drivers[this.slots.attrition] = out.own[this.slots.attrition] = floor.attrition;
    out.drivers[this.slots.repCapacity] = out.own[this.slots.repCapacity] = floor.capacity;
    if (reps.slipProbability) out.drivers[this.slots.hireSlip] = out.own[this.slots.hireSlip] = floor.slip;
    if (reps.sourcedLevel) {
      if (Number.isNaN(floor.productivityLevel)) drewNaN(this.plan.name, ['newBusiness', 'reps', 'sourcedDealsPerMonth', 'median']);
      out.own[this.slots.productivity] = floor.productivityLevel;
      out.drivers[this.slots.productivity] = floor.productivityLevel * sourcedMultiplier;
    }
    const demand = this.demand;
    const closed = this.closed;
    let carry = 0;
    let lost = 0;
    let capacityTotal = 0;
    let sourcedTotal = 0;
    // Capacity in deals, carried month to month: 0.9 of a deal this month and 0.9 next make one
    // deal's worth of work, so a team whose monthly capacity is below one deal still closes deals.
    let budget = 0;
    for (let m = 0; m < 12; m++) {
      if (m < this.closedMonths) {
        // A closed month's deals are in the actuals; the floor still ramps through it.
        closed[m] = 0;
        out.extras[this.slots.ramped + m] = floor.ramped[m]!;
        continue;
      }
      // Rep-sourced demand moves with the market like leads do.
      const sourced = reps.sourced ? this.repDeals(floor.sourcedMean[m]! * sourcedMultiplier) : 0;
      if (sourced > MAX_UNITS_PER_MONTH) tooManyUnits(this.plan.name, ['newBusiness', 'reps', 'sourcedDealsPerMonth'], sourced, 'rep-sourced deals', "deal's ACV", 'reps.sourcedDealsPerMonth');
      sourcedTotal += sourced;
      const capacity = floor.ramped[m]! * floor.capacity;
      capacityTotal += capacity;
      budget += capacity;
      // Whole deals close (1e-9 guards 0.1 x 30 = 2.9999...); the unused fraction waits.
      const whole = Math.floor(budget + 1e-9);
      const want = demand[m]! + sourced + carry;
      const close = want < whole ? want : whole;
      budget -= close;
      // Capacity is work time: whole deals' worth unused this month do not pile up; a fraction does.
      if (budget >= 1 - 1e-9) budget = Math.max(0, budget - Math.floor(budget + 1e-9));
      closed[m] = close;
      if (reps.carryOverflow) carry = want - close;
      else lost += want - close;
      out.extras[this.slots.ramped + m] = floor.ramped[m]!;
    }
    lost += carry;
    out.extras[this.slots.capacity] = capacityTotal;
    out.extras[this.slots.headcount] = floor.headcount;
    out.extras[this.slots.over] = lost;
    if (reps.sourced) out.extras[this.slots.repSourced] = sourcedTotal;
  }

  /**
   * Sign n deals in month m whose ACVs are drawn from `amount` (x multiplier): book them now, and
   * put each lag group live after its service-start lag. With a term mix the deals are also split
   * by term for their total contract value.
   */
  private sign(n: number, m: number, amount: SumInto, multiplier: number, timing: SigningSplitters, out: TierOutcome): void {
    const nb = this.nb;
    const ev = out.events;
    if (nb.serviceStart.max === 0 && !nb.terms) {
      amount(n);
      const acv = this.sum[0]! * multiplier;
      ev[C_NEW * 12 + m - 1]! += acv;
      out.booked[C_NEW]! += acv;
      out.signedByMonth[m - 1]! += acv;
      this.live[m - 1]! += n;
      return;
    }
    const byLag = timing.serviceStart.split(n);
    for (let lag = 0; lag <= nb.serviceStart.max; lag++) {
      const k = byLag[lag]!;
      if (k === 0) continue;
      let acv = 0;
      if (nb.terms) {
        const byTerm = timing.terms!.split(k);
        for (let t = 0; t < byTerm.length; t++) {
          if (byTerm[t]! === 0) continue;
          amount(byTerm[t]!);
          const part = this.sum[0]! * multiplier;
          acv += part;
          this.tcv += part * nb.terms.tcvFactor[t]!;
        }
      } else {
        amount(k);
        acv = this.sum[0]! * multiplier;
      }
      out.booked[C_NEW]! += acv;
      out.signedByMonth[m - 1]! += acv;
      if (m + lag <= 12) {
        ev[C_NEW * 12 + m + lag - 1]! += acv;
        this.live[m + lag - 1]! += k;
      }
    }
  }

  /** Sign one deal of a known ACV in month m (an opportunity from the pipeline file). */
  private signOne(acv: number, m: number, out: TierOutcome): void {
    const nb = this.nb;
    const lag = nb.serviceStart.max === 0 ? 0 : this.pickFileLag(nb.serviceStart.alias);
    if (nb.terms) this.tcv += acv * nb.terms.tcvFactor[this.pickFileTerm(nb.terms.mix.alias)]!;
    out.booked[C_NEW]! += acv;
    out.signedByMonth[m - 1]! += acv;
    if (m + lag <= 12) {
      out.events[C_NEW * 12 + m + lag - 1]! += acv;
      this.live[m + lag - 1]! += 1;
    }
  }

  /** The opening pipeline: each opportunity won (or not) in its expected close month, at its own amount. */
  private runPipeline(z: number, acvMultiplier: number, out: TierOutcome): void {
    const { loadings, stress } = this.plan;
    if (this.groups.length === 0 && !this.nb.pipelineFile) return;
    const before = out.booked[C_NEW]!;
    let won = 0;
    for (const g of this.groups) {
      const drawn = (out.own[g.driverSlot] = g.winProbability());
      // A certain group (probability 0 or 1: deals signed, or lost) stays so (trialRate keeps it).
      const p = trialRate(drawn, loadings.conversion, z, stress.conversion);
      if (Number.isNaN(p)) drewNaN(this.plan.name, ['newBusiness', 'openingPipeline', 'groups', g.index, 'winProbability']);
      out.drivers[g.driverSlot] = p;
      let multiplier = g.atTierAcv ? acvMultiplier : 1;
      if (g.amountLevel) {
        // This year's median amount of the group (drawn every trial, won deals or not).
        const median = (out.own[g.amountSlot] = out.drivers[g.amountSlot] = g.amountLevel());
        if (Number.isNaN(median)) drewNaN(this.plan.name, ['newBusiness', 'openingPipeline', 'groups', g.index, 'amount', 'median']);
        multiplier = median / g.amountPlan;
      }
      // A group closing in a closed month is in the actuals.
      if (g.closeMonth <= this.closedMonths) continue;
      const w = this.groupWins(g.count, p);
      if (w === 0) continue;
      if (w > MAX_UNITS_PER_MONTH)
        tooManyUnits(this.plan.name, ['newBusiness', 'openingPipeline', 'groups', g.index, 'count'], w, 'pipeline deals', "deal's ACV", 'the group\'s count');
      won += w;
      this.pipelineDeals[g.closeMonth - 1]! += w;
      this.sign(w, g.closeMonth, g.amount, multiplier, this.groupTiming, out);
    }
    const file = this.nb.pipelineFile;
    if (file) {
      const u = this.fileWins;
      for (let i = 0; i < file.size; i++) {
        // The market and a conversion stress move each opportunity's odds as they move conversion;
        // a stage that is certain (probability 0 or 1) stays so (trialRate keeps it).
        if (file.closeMonth[i]! <= this.closedMonths) continue;
        const stated = file.probability[i]!;
        const p = trialRate(stated, loadings.conversion, z, stress.conversion);
        if (u() >= p) continue;
        won++;
        const m = file.closeMonth[i]!;
        this.pipelineDeals[m - 1]! += 1;
        this.signOne(file.amount[i]!, m, out);
      }
    }
    out.extras[this.slots.pipelineWon] = won;
    out.extras[this.slots.pipelineBookings] = out.booked[C_NEW]! - before;
  }
}

/**
 * The total contract value of a re-forecast's closed months' new deals: their new ARR (booked as
 * new business, see actuals/start-state.ts) times the term mix's mean TCV per unit of first-year ACV
 * (which term each deal took is not in the actuals; a deal's ACV does not depend on its term, so
 * the expectation is the share-weighted mean). Exact when every term is 12 months (TCV = ACV).
 * Without it newTcv counted only the simulated months' deals beside bookings that count the year's:
 * 12-month terms after 6 closed months read a TCV of 6.07M beside 12.07M of bookings.
 *
 * @example closedMonthsTcv(nb with terms 12 (share 0.5) and 36 at 5% (0.5), start with new_arr 100k) // => 100k x (1 + 3.1525) / 2
 * Complexity: O(terms + closed months).
 */
function closedMonthsTcv(nb: NewBusinessPlan, start: TierStart | undefined): number {
  if (!nb.terms || !start) return 0;
  let factor = 0;
  for (let t = 0; t < nb.terms.tcvFactor.length; t++) factor += nb.terms.mix.pmf[t]! * nb.terms.tcvFactor[t]!;
  let arr = 0;
  for (let j = 0; j < start.months; j++) if (!Number.isNaN(start.newArr[j]!)) arr += start.newArr[j]!; // as booked: a month without new_arr books none
  return arr * factor;
}
