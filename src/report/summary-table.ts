import type { CurrencyMark } from './money.js';
import { forecastKindWords } from './forecast-kind-words.js';
import { toFixedDecimal, toPrecisionDecimal } from '../math/decimal-round.js';
import { EXTRA_KEYS } from '../model/drivers/extra-keys.js';
import { COMPONENT_LABELS, METRIC_COMPONENTS, METRIC_LABELS, METRICS } from '../model/components.js';
import type { Stat } from '../analysis/describe.js';
import type { Summary } from '../analysis/summarize.js';
import type { DriverCondition, WhatMustBeTrue } from '../analysis/what-must-be-true.js';
import { CONSTANT_METRIC } from '../analysis/attribution/first-order.js';
import { isKnownChance, KNOWN_CHANCE, probability, type Probability } from '../analysis/probability.js';
import { chanceShort } from './chance-words.js';
import { someChanceKnown } from '../analysis/decisions.js';
import { formatCount, formatInterval, formatPercent, formatTenths, columnPercent, wholePercentDigits, textTable } from './format.js';
import { terminalCell, terminalText } from './terminal-text.js';
import { confidenceWords } from './confidence-text.js';
import { closedMonthsNote, monthlyPlanRows, planMonthLabel, type PlanFigure } from './monthly-plan-rows.js';
import { formatMoneyBeside, formatMoneyInterval, formatShareBeside, formatShareInterval, budgetMoney, metricRowMoney, statFigureBeside, statRowMoney, type RowMoney } from './interval-format.js';
import { bareCurrency, formatCurrency, statedAmount } from './money.js';
import { varianceShareFormat } from './variance-share-format.js';
import { NO_OWN_UNCERTAINTY } from './no-own-uncertainty.js';
import { sharesPastOneNote } from './shares-past-one-note.js';
import { negativeShareNote } from './negative-share-note.js';
import { noDriverVariesWords } from './no-driver-varies.js';
import { wrapText, type ParagraphFormat } from './summary-paragraph.js';
import { BOOKINGS_NOTE, NEW_ARR_LABEL } from './bookings-note.js';
import { reforecastSalesNote } from './reforecast-sales-note.js';
import { farthestFromOrdinary } from '../analysis/bad-year-drivers.js';
import { moneyBesideTarget } from './money-beside-target.js';
import { tornadoEndsFormat } from './charts/tornado.js';
import { badYearsMean } from './charts/bad-years.js';
import { badYearsShare } from './bad-years-share.js';

/** How the paragraph printed above these tables writes its figures: as report.html does, without the currency's symbol. */
export const TERMINAL_PARAGRAPH_FORMAT: ParagraphFormat = { symbol: '' };

/**
 * A money row's formatter, as report.html's row of the same figure writes it (moneyCellsFormat of
 * its Mean, P10, P50 and P90), without the symbol: every column of the row (P5 to P95) at those digits.
 */
const rowMoney = (s: Stat, mark: CurrencyMark) => statRowMoney(s, mark);

const SHOWN = ['p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const;
const HEADER = ['', 'mean', ...SHOWN.map((p) => p.toUpperCase())];

const row = (label: string, s: Stat, fmt: RowMoney) => [label, fmt(s.mean, 'mean'), ...SHOWN.map((p) => fmt(s.percentiles[p], p))];

/**
 * The run's summary as the text tables `arrcast run` prints: headline metrics, each by tier and by
 * component, retention and customers.
 */
export function summaryTable(summary: Summary): string {
  const out: string[] = [];
  const cur = summary.scenario.currency;
  // Amounts without a symbol (the heading names the currency), at its minor unit's decimals.
  const bare = bareCurrency(cur);
  // A re-forecast says so first: its figures are this year's from the closed months, not a plan's.
  const { closed } = forecastKindWords(summary);
  out.push(
    `${terminalCell(summary.scenario.name)}: ${closed ? `re-forecast from ${closed} in ${terminalCell(summary.reforecast!.actualsFile)}, ` : ''}${summary.trials.toLocaleString('en-US')} trials, seed ${terminalCell(String(summary.seed))}, ${cur}. ${summary.percentileConvention}.`,
  );
  out.push('');
  // Bookings include renewals, so they can equal ending ARR in every column: the headline says so,
  // with the new-ARR line those who count new business only as bookings read (as report.html's does).
  const newArr = summary.byComponent.bookings.newBusiness;
  out.push(
    textTable([
      HEADER,
      ...METRICS.flatMap((m) => [row(METRIC_LABELS[m], summary.metrics[m], metricRowMoney(summary.metrics[m], bare)), ...(m === 'bookings' && newArr ? [row(`  ${NEW_ARR_LABEL}`, newArr, rowMoney(newArr, bare))] : [])]),
    ]),
  );
  out.push(wrapText(BOOKINGS_NOTE));
  const tiers = Object.entries(summary.byTier);
  for (const m of METRICS) {
    out.push('');
    const rows: string[][] = [[`${METRIC_LABELS[m]} (${cur})`, ...HEADER.slice(1)]];
    if (tiers.length > 1) {
      rows.push(['by tier']);
      for (const [name, t] of tiers) rows.push(row(`  ${name}`, t[m], rowMoney(t[m], bare)));
    }
    rows.push(['by component']);
    for (const c of METRIC_COMPONENTS[m]) {
      const s = summary.byComponent[m][c];
      if (s) rows.push(row(`  ${COMPONENT_LABELS[c]}`, s, rowMoney(s, bare)));
    }
    out.push(textTable(rows));
  }
  const ratios: string[][] = [['Retention and customers', ...HEADER.slice(1)]];
  if (summary.retention) {
    ratios.push(row('GRR', summary.retention.grr, formatPercent));
    ratios.push(row('NRR', summary.retention.nrr, formatPercent));
    if (summary.retention.logoRenewal) ratios.push(row('Logo renewal (customers renewed / due)', summary.retention.logoRenewal, formatPercent));
    if (summary.retention.dollarRenewal) ratios.push(row('Dollar renewal (ARR renewed / due)', summary.retention.dollarRenewal, formatPercent));
    if (tiers.length > 1)
      for (const [name, t] of tiers) {
        if (t.grr) ratios.push(row(`  ${name} GRR`, t.grr, formatPercent));
        if (t.nrr) ratios.push(row(`  ${name} NRR`, t.nrr, formatPercent));
        if (t.logoRenewal) ratios.push(row(`  ${name} logo renewal`, t.logoRenewal, formatPercent));
        if (t.dollarRenewal) ratios.push(row(`  ${name} dollar renewal`, t.dollarRenewal, formatPercent));
      }
  }
  ratios.push(row('Customers won', summary.customers.won, formatCount));
  ratios.push(row('Customers lost', summary.customers.lost, formatCount));
  out.push('');
  out.push(textTable(ratios));
  const salesNote = reforecastSalesNote(summary);
  if (salesNote !== undefined && tiers.some(([, t]) => Object.keys(t.extras).length > 0)) out.push('', wrapText(salesNote));
  for (const [name, t] of tiers) {
    const extras = Object.entries(t.extras);
    if (extras.length === 0) continue;
    out.push('');
    out.push(textTable([[`${name}: sources, reps and contracts`, ...HEADER.slice(1)], ...extras.map(([key, e]) => row(`  ${e.label}`, e.stat, extraFormat(key, bare)))]));
  }
  out.push(...decisionTables(summary));
  // Lines outside the tables carry names too (targets, drivers): nothing unsafe reaches the terminal.
  return `${terminalText(out.join('\n'))}\n`;
}


/** How to show a tier's extra figure: money for contract values, tenths for ramped reps, else a count. */
export function extraFormat(key: string, mark: CurrencyMark = ''): (v: number) => string {
  if (key === EXTRA_KEYS.newTcv || key === EXTRA_KEYS.pipelineBookings) return (v) => formatCurrency(v, mark);
  if (Array.from({ length: 12 }, (_, m) => EXTRA_KEYS.ramped(m + 1)).includes(key)) return formatTenths;
  return formatCount;
}

/** A driver's value as a planner reads it, in its unit: rates in percent, counts whole, amounts in money. */
export function driverValue(v: number, unit: DriverCondition['unit'], mark: CurrencyMark = ''): string {
  switch (unit) {
    case 'rate':
      // Three significant digits, trailing zeros dropped: 2.5%, 6.01%, 86.3%; a half away from zero,
      // as Assumptions and report.xlsx write it (0.1235 is 12.4%, not toPrecision's 12.3%).
      return Number.isFinite(v) ? `${toPrecisionDecimal(v * 100, 3)}%` : '-';
    case 'count':
      return formatCount(v);
    case 'currency':
      // Without a symbol, at the currency's minor unit (mark): an ACV of ¥7 is 7, not 7.00.
      return formatCurrency(v, mark);
    case 'deals per rep a month':
      // Three significant digits, as rates: a rep's deals are often a fraction of one (0.35 a month),
      // which one decimal showed as 0.3, the same as a move to 0.31.
      return Number.isFinite(v) ? `${toPrecisionDecimal(v, 3)} deals per rep a month` : '-';
    case 'market':
      return `${Math.abs(v) < 0.005 ? '0.00' : toFixedDecimal(v, 2)} sd`;
    default:
      // A unit the registry may add later ('months', ...): the value and its unit's name.
      return `${toPrecisionDecimal(v, 3)} ${String(unit)}`;
  }
}

/**
 * The years in which a driver's condition holds, in a planner's words: its draw at least (or at
 * most, `direction`) its value at own percentile `p`, which holds in a share of years (1 - p at
 * least, p at most; a discrete driver's `p` is counted so that this is exact, drawnValueAt): "(its
 * P35; true in 65% of years)", the same form on either side of the median (before December 2026 it
 * read "a top-20% year for SMB conversion" below half, "any but a bottom-35% year" above). The
 * market, which has no value of its own to show: "the market at its P69 or better (true in 31% of years)".
 * The two whole percents add to 100; under half a percent reads "<1", over 99.5 ">99".
 *
 * @example percentileWords(0.35, 'rate', 'atLeast') // => '(its P35; true in 65% of years)'
 * @example percentileWords(0.69, 'market', 'atLeast') // => 'the market at its P69 or better (true in 31% of years)'
 */
export function percentileWords(p: number, unit: DriverCondition['unit'], direction: NonNullable<DriverCondition['direction']>): string {
  const atLeast = direction === 'atLeast';
  // Rounded as every figure is (the decimal's half away from zero, math/decimal-round.ts); the share
  // of years is read from the same whole percent, so the two add to 100 and agree at the ends.
  const whole = Number(wholePercentDigits(p));
  const shown = (w: number) => (w < 1 ? '<1' : w > 99 ? '>99' : String(w));
  const at = shown(whole);
  const share = shown(atLeast ? 100 - whole : whole);
  const years = `true in ${share}% of years`;
  return unit === 'market' ? `the market at its P${at} or ${atLeast ? 'better' : 'worse'} (${years})` : `(its P${at}; ${years})`;
}

/**
 * What one driver must be for a target to be the median outcome, in a planner's words:
 * "SMB conversion 2.1% instead of the planned 2.5% (its P30; true in 70% of years)"; in a
 * re-forecast, against the median of its own draws there ("instead of 2.2%, its median after the
 * actuals, planned 2.5%"), the point its percentiles are counted from.
 */
export function conditionWords(c: DriverCondition, mark: CurrencyMark = ''): string {
  if (c.reach !== 'crosses') return c.reach === 'always' ? `${c.label}: anywhere in its range` : `${c.label}: cannot get there alone`;
  if (c.unit === 'market') return percentileWords(c.percentile!, c.unit, c.direction!);
  // In a re-forecast the percentiles count from what the closed months taught, not from the plan.
  const plan =
    c.learnedValue !== undefined
      ? ` instead of ${driverValue(c.learnedValue, c.unit, mark)}, its median after the actuals${c.planValue === undefined ? '' : `, planned ${driverValue(c.planValue, c.unit, mark)}`}`
      : c.planValue === undefined
        ? ''
        : ` instead of the planned ${driverValue(c.planValue, c.unit, mark)}`;
  return `${c.label} ${driverValue(c.value!, c.unit, mark)}${plan} ${percentileWords(c.percentile!, c.unit, c.direction!)}`;
}

/**
 * A what must be true line as the files beside a paragraph write it (report.html, report.xlsx): the
 * currency's symbol, and the P50 of a company-wide metric as its headline row and the paragraph write
 * it (moneyCellsFormat). The workbook wrote the terminal's "P50 now 118.8M" under its own paragraph's
 * "$119M (P50)".
 *
 * @example whatMustBeTrueText(summary, summary.whatMustBeTrue[0], '$') // => 'For revenue >= 120M to be the median outcome (P50 now $119M), one of: ...'
 */
export function whatMustBeTrueText(summary: Summary, w: WhatMustBeTrue, symbol: CurrencyMark): string {
  const median = w.tier === undefined ? metricRowMoney(summary.metrics[w.metric], symbol) : (v: number) => formatCurrency(v, symbol);
  return whatMustBeTrueLine(w, median, (v, more) => formatCurrency(v, symbol, 3 + more), summary.whatMustBeTrue, bareCurrency(summary.scenario.currency));
}

/**
 * A target's "what must be true" as one line: for each top driver that can move its metric, the
 * smallest change of its own draw, the others as drawn, that makes the target the median outcome.
 * The printed table and report.html use the same words; `money` writes the median (report.html
 * passes its headline's format, so the P50 reads as the headline writes it, with the currency), and
 * `finer(value, more)` writes it with `more` digits where `money`'s would put it on the wrong side of
 * a target (moneyBesideTarget). `all`: every what must be true of the run, so the P50 reads alike
 * in each line that shows it, with the digits every target beside it takes.
 *
 * @example whatMustBeTrueLine(summary.whatMustBeTrue[0]) // => 'For revenue >= 120M to be the median outcome (P50 now 112.4M), one of: SMB conversion 2.9% instead of the planned 2.5% (its P80; true in 20% of years); or the market at its P69 or better (true in 31% of years).'
 * Complexity: O(drivers).
 */
export function whatMustBeTrueLine(
  w: WhatMustBeTrue,
  money?: (value: number) => string,
  finer?: (value: number, more: number) => string,
  all: readonly WhatMustBeTrue[] = [w],
  driverMark: CurrencyMark = '',
): string {
  // Without formatters given, the median as the drivers' mark writes amounts (at its currency's minor unit).
  const write = money ?? ((v: number) => formatCurrency(v, driverMark));
  const writeFiner = finer ?? ((v: number, more: number) => formatCurrency(v, driverMark, 3 + more));
  // A metric the same in every trial (a re-forecast of twelve closed months) is known: it reaches the
  // target in every trial or in none, which the lines below say; only its variance shares are not estimable.
  if (w.notEstimable !== undefined && w.notEstimable !== CONSTANT_METRIC) return `What must be true for ${w.target}: not estimable (${w.notEstimable}).`;
  if (w.trialsReaching === w.trialsUsed) return `${w.target} is reached in every one of the ${w.trialsUsed.toLocaleString('en-US')} trials looked at${chanceBound(w)}: nothing more has to be true.`;
  if (w.trialsReaching === 0) return `${w.target} is reached in none of the ${w.trialsUsed.toLocaleString('en-US')} trials looked at${chanceBound(w)}: no driver within the scenario's ranges gets there.`;
  // On the side of the target it lies on (139.97M against 139.99M is not "140.0M"): `finer` adds the digits that take.
  const now = `P50 now ${moneyBesideTarget(w.median, targetsBesideMedian(w, all), write, writeFiner)}`;
  // Drivers there are, but the trials do not show any above 0: not 'no driver moves it' (a driver
  // whose P99 year reaches the target read so at 2,000 trials), nor 'the median already, whatever any driver does'.
  if (w.drivers.length === 0 && w.notShown !== undefined && w.notShown.length > 0) {
    const shares = w.notShown.map((x) => `${x.label} ${shareWords(x.varianceShare)} [${shareWords(x.varianceShareInterval[0])}, ${shareWords(x.varianceShareInterval[1])}]`).join(', ');
    const unshown = `no driver is shown to move it at ${w.trialsUsed.toLocaleString('en-US')} trials (share of variance ${shares}); run more trials.`;
    return w.median >= w.value ? `${w.target} is the median outcome already (${now}); how far any one driver could take it down: ${unshown}` : `For ${w.target} to be the median outcome (${now}): ${unshown}`;
  }
  // No driver has uncertainty of its own: "it takes several together" would name a way the scenario does not have.
  if (w.noSingleDriver && w.drivers.length === 0)
    return `For ${w.target} to be the median outcome (${now}): no driver of the scenario measurably moves it; its spread is deal-by-deal and customer-by-customer luck, which no driver's year sets.`;
  // One driver moves the metric at all (the market of a pure-market tier, the one rate a plan leaves
  // uncertain): "it takes several together" named drivers the scenario does not have. The years that
  // reach the target take a year of it beyond its P1 to P99, or deal-by-deal luck.
  if (w.noSingleDriver && w.drivers.length === 1 && (w.notShown?.length ?? 0) === 0) {
    const only = w.drivers[0]!;
    return `For ${w.target} to be the median outcome (${now}): ${only.unit === 'market' ? 'the market' : only.label}, the only driver that moves it, does not get there within the range the scenario allows (its P1 to P99 years); the years that reach it take a rarer year for it or deal-by-deal and customer-by-customer luck.`;
  }
  if (w.noSingleDriver) return `For ${w.target} to be the median outcome (${now}): no single driver gets there within the range the scenario allows, others as drawn; it takes several together.`;
  const ways = w.drivers.filter((c) => c.reach === 'crosses').map((c) => conditionWords(c, driverMark));
  const already = w.median >= w.value;
  if (ways.length === 0) return `${w.target} is the median outcome already (${now}), whatever any one driver does within its range.`;
  return already
    ? `${w.target} stays the median outcome (${now}) down to any one of: ${ways.join('; or ')}.`
    : `For ${w.target} to be the median outcome (${now}), one of: ${ways.join('; or ')}.`;
}

/**
 * A target reached in none (every one) of the trials: its chance is not 0 (1), only below (above) the
 * end of its 95% interval, as the headline writes it (chanceShort). The line said "none of 500 trials"
 * alone, which read as out of reach for certain. Not for a metric the same in every trial (nothing varies it).
 *
 * @example chanceBound({ trialsReaching: 0, trialsUsed: 500, ... }) // => ' (its chance: under 0.8%, the upper end of its 95% interval)'
 */
function chanceBound(w: WhatMustBeTrue): string {
  if (w.notEstimable === CONSTANT_METRIC) return '';
  const none = w.trialsReaching === 0;
  return ` (its chance: ${chanceShort(probability(w.trialsReaching, w.trialsUsed), false)}, the ${none ? 'upper' : 'lower'} end of its 95% interval)`;
}

/** Whether whatMustBeTrueLine writes w's P50 ("P50 now ..."): not of a target not estimable, nor reached in every trial or none. */
const showsMedian = (w: WhatMustBeTrue) => (w.notEstimable === undefined || w.notEstimable === CONSTANT_METRIC) && w.trialsReaching > 0 && w.trialsReaching < w.trialsUsed;

/** The targets of every line of `all` that writes the P50 `w`'s does (its metric, tier and median), w's own among them. */
function targetsBesideMedian(w: WhatMustBeTrue, all: readonly WhatMustBeTrue[]): number[] {
  const same = all.filter((x) => x !== w && x.metric === w.metric && x.tier === w.tier && x.median === w.median && showsMedian(x));
  return [w.value, ...same.map((x) => x.value)];
}

/** A share of variance with one decimal, one that rounds to zero as 0.0%: '1.3%', '-0.2%'. */
function shareWords(value: number): string {
  const digits = toFixedDecimal(value * 100, 1);
  return `${Number(digits) === 0 ? '0.0' : digits}%`;
}

/** Budgets, downside, targets, sensitivity, what must be true and precision. */
function decisionTables(summary: Summary): string[] {
  const out: string[] = [];
  const d = summary.decisions;
  const bare = bareCurrency(summary.scenario.currency);
  // As report.html and the workbook write it (confidenceWords): 99.5% is the P0.5 and 99.99% the P0.01, not "100% = P0".
  const { share: conf, percentile: pct } = confidenceWords(d.confidence);
  out.push('');
  out.push(
    textTable([
      [`Budget at ${conf} confidence (reached or beaten in ${conf} of trials = ${pct})`, 'budget', '95% interval'],
      // With the digits the interval takes, as report.html writes them: 19.71M [19.68M, 19.74M], not 19.7M [19.7M, 19.7M].
      // At 90% or 95% confidence the budget is the row's P10 or P5, at the row's digits (budgetMoney).
      ...METRICS.map((m) => {
        const b = d.budgets.metrics[m];
        const write = budgetMoney(summary.metrics[m], b, d.confidence, bare);
        return [METRIC_LABELS[m], write(b.value), b.interval === null ? '-' : `[${write(b.interval[0])}, ${write(b.interval[1])}]`];
      }),
    ]),
  );
  const budgetReason = d.budgets.metrics.revenue.notEstimable;
  if (budgetReason !== undefined) out.push(`95% intervals shown as -: not estimable (${budgetReason}).`);
  out.push('');
  out.push(
    textTable([
      ['Downside', 'P10', 'mean of worst 10%', 'mean of worst 5%'],
      // Each figure as report.html's downside table writes it beside its interval (formatMoneyBeside;
      // the P10 at its row's digits, as the headline row writes it: statFigureBeside).
      ...METRICS.map((m) => [
        METRIC_LABELS[m],
        statFigureBeside(summary.metrics[m], d.downside[m].p10, bare).value,
        formatMoneyBeside(d.downside[m].worst10Mean, d.downside[m].worst10Interval, bare),
        formatMoneyBeside(d.downside[m].worst5Mean, d.downside[m].worst5Interval, bare),
      ]),
    ]),
  );
  if (d.targets.length > 0) {
    const rows = [['Targets', 'P(reach)', '95% interval', 'mean gap if missed', 'P10 - target']];
    // A chance known from the actuals has no interval (KNOWN_CHANCE): '-', as a closed month's.
    const chanceInterval = (p: Probability) => (isKnownChance(p) ? '-' : formatShareInterval(p.interval, p.value));
    for (const t of d.targets)
      rows.push([t.label, formatShareBeside(t.probability.value, t.probability.interval), chanceInterval(t.probability), t.shortfall.trialsMissing === 0 ? '-' : formatCurrency(t.shortfall.meanGap, bare), formatCurrency(t.p10MinusTarget, bare)]);
    if (d.jointProbability) rows.push(['All targets in the same year', formatShareBeside(d.jointProbability.value, d.jointProbability.interval), chanceInterval(d.jointProbability), '', '']);
    out.push('');
    out.push(textTable(rows));
    if (someChanceKnown(d, 'targets')) out.push(`Interval -: ${KNOWN_CHANCE}.`);
  }
  out.push(...monthlyPlanTable(summary));
  // A tier's shares not estimable for the same reason as the company's (the same trials): said once.
  const sameReason = (sens: Summary['sensitivity']) => sens.notEstimable !== undefined && sens.notEstimable === summary.sensitivity.notEstimable;
  const tiers = Object.entries(summary.sensitivityByTier ?? {});
  // No driver varies from year to year: said in report.html's and report.xlsx's words, where the terminal said nothing.
  const noneVaries = noDriverVariesWords(summary.sensitivity);
  if (noneVaries !== undefined) out.push('', `What moves recognized revenue: ${noneVaries}.`);
  else {
    out.push(...sensitivityTable(summary, summary.sensitivity, tiers.some(([, sens]) => sameReason(sens)) ? "recognized revenue (and each tier's)" : 'recognized revenue'));
    for (const [tier, sens] of tiers) if (!sameReason(sens)) out.push(...sensitivityTable(summary, sens, `${tier} recognized revenue`));
  }
  // A re-forecast's learned drivers tied to the market factor: the shares above overlap or offset (market-overlap.ts).
  const overlap = summary.reforecast?.attributionOverlap;
  if (overlap !== undefined && summary.sensitivity.drivers.length > 0 && summary.sensitivity.notEstimable === undefined) out.push(overlap);
  out.push(...badYearsTable(summary));
  for (const w of summary.whatMustBeTrue) {
    out.push('');
    out.push(whatMustBeTrueText(summary, w, bareCurrency(summary.scenario.currency)));
  }
  if (summary.precision) {
    const p = summary.precision;
    const w = p.relativeHalfWidths;
    out.push('');
    out.push(
      // Below minTrials a width is null (not estimable): the line says so instead of printing it.
      p.trials < p.minTrials || Object.values(w).some((x) => x === null)
        ? `Precision: the 95% intervals of revenue's P10/P50/P90 cannot be estimated from fewer than ${p.minTrials.toLocaleString('en-US')} trials (this run has ${p.trials.toLocaleString('en-US')}); asked ${formatPercent(p.target)}, not reached: ${p.overMemoryLimit ? `the next step, ${p.overMemoryLimit.nextTrials.toLocaleString('en-US')} trials, would not fit in this machine's memory` : `raise ${p.overTimeLimit ? '--max-minutes' : '--max-trials'}`}.`
        : // Half-widths, as the stopping rule measures them: an interval's far end can lie further from its
          // percentile than that (P90's upper end 2.2% above it beside a half-width of 1.6%), so not "within".
          `Precision: the 95% intervals of revenue's P10/P50/P90 have half-widths of ${formatPercent(w.p10!)}/${formatPercent(w.p50!)}/${formatPercent(w.p90!)} of their value (half the distance between the ends; an end can lie further from its percentile) after ${p.trials.toLocaleString('en-US')} trials; asked ${formatPercent(p.target)}${p.reached ? '' : p.overTimeLimit ? `, not reached: the next step, ${p.overTimeLimit.nextTrials.toLocaleString('en-US')} trials, is estimated over --max-minutes` : p.overMemoryLimit ? `, not reached: the next step, ${p.overMemoryLimit.nextTrials.toLocaleString('en-US')} trials, would not fit in this machine's memory` : ', not reached before the cap'}.`,
    );
  }
  return out;
}

/**
 * The monthly plan month by month (the scenario's `targets.monthly`): each plan series given, its
 * planned amount and P(figure >= plan) with its 95% interval, as the targets table writes them. A
 * re-forecast's closed months are marked (actual), with no interval. Nothing without a plan.
 */
function monthlyPlanTable(summary: Summary): string[] {
  const plan = monthlyPlanRows(summary);
  if (!plan) return [];
  const cur = summary.scenario.currency;
  const head = [`Monthly plan (${cur})`];
  if (plan.mrr) head.push('planned MRR', 'P(MRR >= plan)', '95% interval');
  if (plan.cumulativeRevenue) head.push('planned cumulative revenue', 'P(cumulative >= plan)', '95% interval');
  const cells = (f: PlanFigure | undefined, closed: boolean) =>
    // The planned amount is stated, as a target is (statedAmount: as typed up to six digits), not formatMoney's one decimal.
    f === undefined ? ['-', '-', '-'] : [statedAmount(f.plan, bareCurrency(summary.scenario.currency)), closed ? formatPercent(f.probability.value) : formatShareBeside(f.probability.value, f.probability.interval), closed ? '-' : formatShareInterval(f.probability.interval, f.probability.value)];
  const rows = [head];
  for (const r of plan.rows) rows.push([planMonthLabel(r), ...(plan.mrr ? cells(r.mrr, r.closed) : []), ...(plan.cumulativeRevenue ? cells(r.cumulativeRevenue, r.closed) : [])]);
  const note = closedMonthsNote(plan);
  return ['', textTable(rows), ...(note === undefined ? [] : [note, `Interval -: ${KNOWN_CHANCE}.`])];
}

/** How many drivers the printed sensitivity table shows, largest share first. */
const SHOWN_DRIVERS = 8;

/** The variance shares and tornado ends of a metric, and what is left to unit-level luck. */
function sensitivityTable(summary: Summary, sens: Summary['sensitivity'], what: string): string[] {
  if (sens.drivers.length === 0) return [];
  // Too few trials: one line with the reason, no table of shares that would read as findings.
  if (sens.notEstimable !== undefined) return ['', `What moves ${what}: not estimable (${sens.notEstimable}).`];
  // Estimable: every share, interval, end and swing is a number.
  const shown = sens.drivers.slice(0, SHOWN_DRIVERS);
  // One number of decimals for the shares and their intervals ('0.1%' above '0.099%' read as a
  // difference the estimate does not have), the same as report.html's and report.xlsx's.
  const pct = varianceShareFormat(sens);
  // The ends as the tornado chart writes them (tornadoEndsFormat), without the symbol.
  const end = tornadoEndsFormat(sens, bareCurrency(summary.scenario.currency));
  const rows = [
    [`What moves ${what} (median at the driver's own P10 / P90)`, 'share of variance', '95% interval', 'at P10', 'at P90', 'swing'],
    ...shown.map((x) =>
      x.ownUncertainty
        ? [`  ${x.label}`, pct(x.varianceShare!), formatInterval(x.varianceShareInterval!, pct), end(x.low!.metricMedian), end(x.high!.metricMedian), formatCurrency(x.swing!, bareCurrency(summary.scenario.currency))]
        : [`  ${x.label} ${NO_OWN_UNCERTAINTY}`, pct(0), '', '', '', ''],
    ),
    ['  Unit-level luck and interactions', pct(sens.unexplained.value!), formatInterval(sens.unexplained.interval!, pct), '', '', ''],
  ];
  const out = ['', textTable(rows)];
  // A share printed below 0 said nothing of why (README, "Sensitivity"): the same sentence as every other place writes.
  const negative = negativeShareNote(sens, shown);
  if (negative !== undefined) out.push(negative);
  // Shares adding up past 100% (luck below 0): the same sentence as every other place writes.
  const pastOne = sharesPastOneNote(summary, sens);
  if (pastOne !== undefined) out.push(pastOne);
  return out;
}

/** Where the worst 10% of years of revenue come from: components' shares of the shortfall, drivers' percentiles. */
function badYearsTable(summary: Summary): string[] {
  const b = summary.badYears.metrics.revenue;
  const pct = wholePercentDigits(summary.badYears.share);
  const out: string[] = [''];
  const short = b.components.filter((c) => c.shortfall !== 0);
  // Which mean is which: 'revenue 18.3M, 21.3M on average' left the reader to guess.
  // As the bad-years chart's caption writes them (with the downside table's worst 10% and the headline row's mean).
  const head = `Worst ${pct}% of years: revenue ${badYearsMean(summary, bareCurrency(summary.scenario.currency))} on average, against ${metricRowMoney(summary.metrics.revenue, bareCurrency(summary.scenario.currency))(b.mean)} in all years`;
  // Bad years no worse than the average (revenue the same in every trial): no shortfall to share
  // out, and a table head over no rows said nothing.
  if (short.length === 0) out.push(`${head}: no component falls short.`);
  else
    out.push(
      textTable([
        [head, 'shortfall', 'share'],
        ...short.map((c) => [`  ${COMPONENT_LABELS[c.component]}`, formatCurrency(c.shortfall, bareCurrency(summary.scenario.currency)), badYearsShare(c.share)]),
      ]),
    );
  if (b.drivers.length > 0) {
    out.push('');
    out.push(
      textTable([
        [`Worst ${pct}% of years: drivers' average own percentile`, 'percentile', '+/- 2 se'],
        ...farthestFromOrdinary(b.drivers, SHOWN_DRIVERS).map((d) => [`  ${d.label}`, columnPercent(d.meanPercentile), columnPercent(2 * (d.standardError ?? NaN))]),
      ]),
    );
    const reason = b.drivers.find((d) => d.notEstimable !== undefined)?.notEstimable;
    if (reason !== undefined) out.push(`+/- 2 se shown as -: not estimable (${reason}).`);
  }
  return out;
}
