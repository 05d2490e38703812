import type { Summary } from '../../analysis/summarize.js';
import { intervalOutsideSample } from '../../analysis/order-statistics.js';
import { COMPONENT_LABELS, METRIC_LABELS, METRICS, type Component } from '../../model/components.js';
import { formatMoneyBeside, formatMoneyInterval, formatShareBeside, budgetMoney, metricRowMoney, statFigureBeside } from '../interval-format.js';
import { currencyMark, formatCurrency, formatShare, type CurrencyMark } from '../money.js';
import { driverWords } from '../summary-paragraph.js';
import { escapeHtml } from './escape.js';
import { gridTable } from './tables.js';
import { chanceShort } from '../chance-words.js';
import { confidenceWords, simulatedYears } from '../confidence-text.js';
import { varianceShareFormat } from '../variance-share-format.js';
import { sharesPastOneNote } from '../shares-past-one-note.js';
import { negativeShareNote } from '../negative-share-note.js';
import { noDriverVariesWords } from '../no-driver-varies.js';
import { formatInterval, wholePercentDigits } from '../format.js';
import { formatMarketFactor } from '../../analysis/compare.js';
import { differentFiscalYears, fiscalYearWords } from '../../analysis/fiscal-years.js';
import { apartFromOrdinary } from '../../analysis/bad-year-drivers.js';
import { badYearsShare } from '../bad-years-share.js';
import { sideBySideLabels } from '../side-by-side-labels.js';

/** A stress case a run names (`--with-stress downside.yaml`): its scenario simulated on the plan's seed and trials. */
export interface StressCase {
  /** The file it came from, as given. */
  readonly source: string;
  readonly summary: Summary;
  /** The market factor its scenario fixes (`market.factor`), if it does; else it draws it in each trial. */
  readonly marketFactor?: number;
}

/**
 * The downside figures of one metric as the page writes them: value and 95% interval, in the
 * table's order; "-" for an interval that is not estimable (downsideNotEstimable says why).
 */
export function downsideCells(summary: Summary, metric: (typeof METRICS)[number]): Array<[string, string, string]> {
  const symbol = currencyMark(summary.scenario.currency);
  // The value with its interval's digits, so it never reads as outside it.
  const beside = (v: number, i: readonly [number, number] | null) => formatMoneyBeside(v, i, symbol);
  const iv = (i: readonly [number, number] | null, v: number) => (i === null ? '-' : formatMoneyInterval(i, symbol, v));
  const d = summary.decisions.downside[metric];
  // The 1-in-10 and 1-in-20 years as the headline row writes them, at the row's digits (statFigureBeside).
  const stat = summary.metrics[metric];
  const row = (figure: { value: number; interval: readonly [number, number] | null }): [string, string] => {
    const f = statFigureBeside(stat, figure, symbol);
    return [f.value, f.interval ?? '-'];
  };
  return [
    ['1-in-10 year (P10)', ...row(d.p10)],
    ['1-in-20 year (P5)', ...row({ value: stat.percentiles.p5, interval: stat.percentileIntervals?.p5 ?? null })],
    ['Mean of the worst 10% (expected shortfall)', beside(d.worst10Mean, d.worst10Interval), iv(d.worst10Interval, d.worst10Mean)],
    ['Mean of the worst 5% (expected shortfall)', beside(d.worst5Mean, d.worst5Interval), iv(d.worst5Interval, d.worst5Mean)],
  ];
}

/**
 * The downside section of report.html: 1-in-10 and 1-in-20 years and the means of the worst 10%
 * and 5% of years with their 95% Monte Carlo intervals, for each metric; the components that fall
 * short in the worst 10% of years and the drivers that sit low or high in them; the sources of risk by
 * variance share; and the stress cases the run names, beside the plan.
 *
 * Complexity: O(metrics x (components + drivers) + stress cases x targets).
 */
export function downsideSection(summary: Summary, stress: readonly StressCase[] = [], planMarketFactor?: number): string {
  const e = escapeHtml;
  const symbol = currencyMark(summary.scenario.currency);
  const money = (v: number) => formatCurrency(v, symbol);
  const stamp = `${simulatedYears(summary.trials)}. ${summary.percentileConvention}.`;

  const figures = gridTable(
    `What a bad year looks like, ${summary.scenario.currency}: the value the year falls below one time in ten and one time in twenty, and the mean of the worst 10% and 5% of years, each with its 95% Monte Carlo interval. ${stamp}`,
    ['Metric and figure', 'Value', '95% interval'],
    METRICS.flatMap((m) => downsideCells(summary, m).map(([label, v, i]) => [`${METRIC_LABELS[m]}: ${label}`, v, i])),
    1,
    'downside',
  );
  const downsideReasons = downsideNotEstimable(summary);
  const figuresNote = downsideReasons.length > 0 ? `<p class="note">Intervals shown as -: not estimable (${e(downsideReasons.join('; '))}).</p>\n` : '';

  const bad = summary.badYears;
  const parts = gridTable(
    `What the worst ${formatShare(bad.share).replace('.0%', '%')} of years (${bad.trials.toLocaleString('en-US')} of ${bad.trialsUsed.toLocaleString('en-US')}) are made of, for each metric: each component's mean in all years and in the bad years, how much less it brings in them, and its share of the metric's shortfall. ${summary.scenario.currency}.`,
    ['Metric and component', 'Mean, all years', 'Mean, bad years', 'Shortfall', 'Share of shortfall'],
    METRICS.flatMap((m) =>
      bad.metrics[m].components.map((c, _, all) => [
        `${METRIC_LABELS[m]}: ${COMPONENT_LABELS[c.component as Component]}`,
        money(c.mean),
        money(c.worstMean),
        money(c.shortfall),
        // As the terminal's table, the chart and the paragraph write it: the metric's column (badYearsShare).
        badYearsShare(c.share),
      ]),
    ),
    1,
    'bad-years',
  );

  // Drivers apart from an ordinary year either way (a contraction probability sits high in the bad
  // years) and beyond chance: 5 points and more than 2 standard errors from P50, the terminal's "+/- 2 se".
  const drivers = bad.metrics.revenue.drivers;
  const { low, high } = apartFromOrdinary(drivers);
  const at = (xs: readonly { label: string; meanPercentile: number }[]) => xs.slice(0, 5).map((x) => `${x.label} at its P${wholePercentDigits(x.meanPercentile)} on average`).join('; ');
  const sitting =
    low.length > 0 && high.length > 0 ? `some drivers sit low (${at(low)}), others high (${at(high)})` : low.length > 0 ? `the drivers sit low: ${at(low)}` : `the drivers sit high: ${at(high)}`;
  // One bad year (10 trials or fewer): no standard error, so no driver is named, and that is not luck either.
  const unknown = drivers.find((x) => x.standardError === null && x.notEstimable !== undefined)?.notEstimable;
  const driversNote =
    low.length + high.length > 0
      ? `<p>In the worst 10% of years for revenue, ${e(sitting)} (P50 would mean no different from any year).</p>`
      : unknown !== undefined
        ? `<p>In the worst 10% of years for revenue, whether a driver sits low or high cannot be told (${e(unknown)}).</p>`
        : '<p>In the worst 10% of years for revenue no driver sits clearly low or high: the bad years come from deal-by-deal and customer-by-customer luck.</p>';

  const s = summary.sensitivity;
  const pct = varianceShareFormat(s);
  // No driver draws a year of its own and the market moves none: a table head over no rows said nothing.
  const riskDrivers = s.drivers.filter((x) => x.ownUncertainty !== false);
  const noneVaries = noDriverVariesWords(s);
  const risks =
    s.notEstimable !== undefined
      ? `<p class="note">Sources of risk (each driver's share of the year-to-year variance of recognized revenue): not estimable (${e(s.notEstimable)}).</p>`
      : noneVaries !== undefined
        ? `<p>Sources of risk: ${e(noneVaries)}.</p>`
        : gridTable(
          `Sources of risk: each driver's share of the year-to-year variance of recognized revenue (first-order, with its 95% interval); the rest is deal-by-deal luck and interactions (${pct(s.unexplained.value!)}).`,
          ['Driver', 'In words', 'Share of variance', '95% interval'],
          riskDrivers
            .slice(0, 8)
            .map((x) => [x.label, driverWords(x), pct(x.varianceShare!), formatInterval(x.varianceShareInterval!, pct)]),
          2,
          'risks',
        );

  // Luck printed below 0 (the shares add up past 100%): the terminal's sentence, from the one function.
  const pastOne = sharesPastOneNote(summary, s);
  // A driver's share printed below 0 (of those the table shows): the terminal's sentence too.
  const negative = noneVaries === undefined ? negativeShareNote(s, riskDrivers.slice(0, 8)) : undefined;
  const pastOneNote = [negative, pastOne].map((x) => (x === undefined ? '' : `\n<p class="note">${e(x)}</p>`)).join('');
  // A re-forecast's learned drivers tied to the market factor: the shares above overlap or offset (market-overlap.ts).
  const overlap = s.notEstimable === undefined ? summary.reforecast?.attributionOverlap : undefined;
  const overlapNote = overlap === undefined ? '' : `<p class="note">${e(overlap)}</p>\n`;
  const stressTable = stress.length > 0 ? stressComparison(summary, stress, symbol, planMarketFactor) : '';
  return `<section id="downside">
<h2>The downside</h2>
${figures}
${figuresNote}<h3>What the bad years are made of</h3>
${parts}
${driversNote}
<h3>Sources of risk</h3>
${risks}${pastOneNote}
${overlapNote}${stressTable}</section>`;
}

/** Why some downside intervals of a summary are not estimable, each reason once (the metrics share their trial count). */
export function downsideNotEstimable(summary: Summary): string[] {
  return [...new Set(METRICS.flatMap((m) => [summary.decisions.downside[m].p10.notEstimable ?? [], summary.metrics[m].notEstimable ?? [], p5NotEstimable(summary, m) ?? [], summary.decisions.downside[m].notEstimable ?? []].flat()))];
}

/** Why a metric's P5 (the 1-in-20 year) has no interval from two trials up: it would reach beyond the lowest trial. */
export function p5NotEstimable(summary: Summary, metric: (typeof METRICS)[number]): string | undefined {
  const stat = summary.metrics[metric];
  return stat.percentileIntervals !== null && stat.percentileIntervals.p5 === null ? intervalOutsideSample(summary.trials, 0.05) : undefined;
}

/**
 * Each stress case's column head: `Stress: <its scenario's name>`, and its file too when another
 * column has that name. A stress file that extends the plan without a name of its own has the
 * plan's, so two such cases were two columns of one head with other numbers.
 */
export function stressHeads(plan: Summary, stress: readonly StressCase[]): string[] {
  const names = [plan.scenario.name, ...stress.map((x) => x.summary.scenario.name)];
  return stress.map((x) => {
    const name = x.summary.scenario.name;
    return names.filter((n) => n === name).length > 1 ? `Stress: ${name} (${x.source})` : `Stress: ${name}`;
  });
}

/**
 * What the stress table's differences are. Each tier draws from streams keyed by its exact name
 * (namePart(plan.name), model/tier-simulator.ts), so a stress case pairs with the plan only in the
 * tiers of the very same name: a stress file of another company (`--with-stress
 * scenarios/downside.yaml` beside a plan of other tiers), or one that writes `smb` for the plan's
 * `SMB`, was said to differ by "the scenario's, not noise" when those tiers drew unpaired. The
 * market factor's stream ('market') is the plan's in any case, tiers in common or not. A case on
 * another seed or trial count, or a re-forecast on either side (its learned drivers are posterior
 * draws of its own), pairs with nothing: it is said to be unpaired, and nothing of it is said to be
 * paired. A case of another fiscal year (by the stated years and start months its summary and the
 * plan's record) is said to be that year's forecast.
 */
export function stressPairingNote(plan: Summary, stress: readonly StressCase[], planMarketFactor?: number): string {
  const heads = stressHeads(plan, stress);
  const which = (i: number) => heads[i]!.replace(/^Stress: /, '');
  const yearWords = (x: StressCase, i: number) => {
    const years = [x.summary.scenario, plan.scenario].map((s) => ({ startMonth: s.fiscalYearStartMonth, year: s.fiscalYear }));
    // Another fiscal year is another year's forecast whatever it draws: its column differs from the plan's by the year too.
    return differentFiscalYears(years)
      ? [`${which(i)} forecasts another fiscal year (${fiscalYearWords(years[0]!)}; the plan: ${fiscalYearWords(years[1]!)}), so its column is that year's forecast and differs from the plan's by the year as well as by the scenario's change`]
      : [];
  };
  const unpairedWords = "so its difference from the plan holds sampling noise as well as the scenario's change";
  if (plan.reforecast !== undefined) {
    const n = plan.reforecast.asOfMonth;
    const cases = stress.flatMap(yearWords);
    return `The plan is a re-forecast from ${n} closed month${n === 1 ? '' : 's'} of actuals, whose learned drivers are drawn from their posterior given those months, a draw of its own: no stress scenario is paired with it trial by trial, so each difference from the plan holds sampling noise as well as the scenario's change.${cases.map((c) => ` ${c}.`).join('')}`;
  }
  /** Why a case pairs with the plan in no trial, or undefined when it is simulated on the plan's numbers. */
  const unpaired = (x: StressCase): string | undefined => {
    const s = x.summary;
    if (s.reforecast !== undefined) return `is a re-forecast from ${s.reforecast.asOfMonth} closed month${s.reforecast.asOfMonth === 1 ? '' : 's'} of actuals, whose learned drivers are posterior draws of its own`;
    const other = [...(s.seed !== plan.seed ? [`seed ${s.seed} (the plan's: ${plan.seed})`] : []), ...(s.trials !== plan.trials ? [`${s.trials.toLocaleString('en-US')} trials (the plan's: ${plan.trials.toLocaleString('en-US')})`] : [])];
    return other.length === 0 ? undefined : `is simulated on ${other.join(' and ')}`;
  };
  const paired = stress.filter((x) => unpaired(x) === undefined);
  // Exact names, as the streams are keyed (not nameKey: 'smb' draws other numbers than 'SMB').
  const planTiers = new Set(Object.keys(plan.byTier));
  const apart = stress.flatMap((x, i) => {
    const why = unpaired(x);
    if (why !== undefined) return [`${which(i)} ${why}: it is not paired with the plan trial by trial, ${unpairedWords}`, ...yearWords(x, i)];
    const tiers = Object.keys(x.summary.byTier);
    const own = tiers.filter((t) => !planTiers.has(t));
    const missing = Object.keys(plan.byTier).filter((t) => !tiers.includes(t));
    // The market factor pairs when both draw it (one stream) or both fix it; as compare's marketNote says.
    const market = marketApart(x.marketFactor, planMarketFactor);
    if (own.length === 0 && missing.length === 0 && market === undefined) return yearWords(x, i);
    if (own.length === tiers.length)
      return [
        `${which(i)} shares no tier with the plan: it is another company's forecast, not a stress of this plan; ${market === undefined ? "only its market factor is drawn on the plan's numbers, its tiers on numbers of their own" : `none of it is drawn on the plan's numbers (its tiers have their own, and it ${market})`}`,
        ...yearWords(x, i),
      ];
    const parts = [...(own.length > 0 ? [`has tiers the plan lacks (${own.join(', ')})`] : []), ...(missing.length > 0 ? [`lacks the plan's ${missing.join(', ')}`] : [])];
    const tierWords = parts.length > 0 ? `${which(i)} ${parts.join(' and ')}: those draw numbers of their own, so its difference from the plan holds their noise as well as the scenario's change` : '';
    const marketWords =
      market === undefined ? '' : `${parts.length > 0 ? 'It' : which(i)} ${market}, so its difference from the plan holds the drawn year's market swing as well as the scenario's change`;
    return [[tierWords, marketWords].filter(Boolean).join('. '), ...yearWords(x, i)];
  });
  if (apart.length === 0) return "Each stress scenario simulated on the plan's seed and trial count (the same random numbers, so the differences are the scenario's, not noise).";
  if (paired.length === stress.length)
    return `Each stress scenario simulated on the plan's seed and trial count: the same random numbers where it draws what the plan draws (the tiers it shares with the plan, the market factor), so there the differences are the scenario's, not noise. ${apart.join('. ')}.`;
  // Some case is on other numbers: what is paired is said of the cases that are, by name, and of no other.
  const pairedWords =
    paired.length === 0
      ? ''
      : `${paired.map((x) => which(stress.indexOf(x))).join(', ')} ${paired.length === 1 ? 'is' : 'are'} simulated on the plan's seed and trial count: the same random numbers where ${paired.length === 1 ? 'it draws' : 'they draw'} what the plan draws (the tiers shared with the plan, the market factor), so there the differences are the scenario's, not noise. `;
  return `${pairedWords}${apart.join('. ')}.`;
}

/** How a stress case's market factor is not paired with the plan's (one fixes it, the other draws it), or undefined when it is. */
function marketApart(stress: number | undefined, plan: number | undefined): string | undefined {
  if ((stress === undefined) === (plan === undefined)) return undefined;
  return stress !== undefined
    ? `fixes the market factor (Z = ${formatMarketFactor(stress)}) where the plan draws it in each trial`
    : `draws the market factor in each trial where the plan fixes it (Z = ${formatMarketFactor(plan!)})`;
}

/** The plan beside each stress case: the same figures, the same seed and trial count. */
function stressComparison(plan: Summary, stress: readonly StressCase[], symbol: CurrencyMark, planMarketFactor: number | undefined): string {
  const all = [plan, ...stress.map((x) => x.summary)];
  const heads = ['Figure', `Plan: ${plan.scenario.name}`, ...stressHeads(plan, stress)];
  const rows: string[][] = [];
  // Each figure as its own report writes it: the plan's P50 as its headline row, its 1-in-10 year and
  // worst 10% as its downside table, its budget as its budget table (a stress case's as its own
  // report.html would).
  const beside = (v: number, i: readonly [number, number] | null) => formatMoneyBeside(v, i, symbol);
  for (const m of METRICS) {
    rows.push([sideBySideLabels.p50(m), ...all.map((s) => metricRowMoney(s.metrics[m], symbol)(s.metrics[m].percentiles.p50))]);
    rows.push([sideBySideLabels.p10(m), ...all.map((s) => statFigureBeside(s.metrics[m], s.decisions.downside[m].p10, symbol).value)]);
    rows.push([sideBySideLabels.worst10(m), ...all.map((s) => beside(s.decisions.downside[m].worst10Mean, s.decisions.downside[m].worst10Interval))]);
  }
  for (const m of METRICS) rows.push([sideBySideLabels.budget(m, plan.decisions.confidence), ...all.map((s) => budgetMoney(s.metrics[m], s.decisions.budgets.metrics[m], s.decisions.confidence, symbol)(s.decisions.budgets.metrics[m].value))]);
  plan.decisions.targets.forEach((t, i) => {
    // As the targets table writes P(reach): with the decimals its interval takes. With no interval
    // beside it, a chance no trial (every trial) reached is 'under 0.8%' ('over 99.2%'), not a certain 0.0% (chanceShort).
    rows.push([`P(${t.label})`, ...all.map((s) => s.decisions.targets[i]).map((x) => (x ? chanceShort(x.probability, x.certain) : '-'))]);
  });
  return `<h3>Stress cases</h3>
<p class="note">${escapeHtml(stressPairingNote(plan, stress, planMarketFactor))}</p>
${gridTable(`The plan beside ${stress.length === 1 ? 'its stress case' : 'its stress cases'}. ${plan.percentileConvention}.`, heads, rows, 1, 'stress')}
`;
}
