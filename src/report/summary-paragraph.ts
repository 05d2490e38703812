import { forecastKindWords } from './forecast-kind-words.js';
import type { Summary } from '../analysis/summarize.js';
import type { DriverSensitivity } from '../analysis/sensitivity.js';
import { COMPONENT_LABELS, type Component } from '../model/components.js';
import { bareCurrency, currencyMark, formatShare, type CurrencyMark } from './money.js';
import { confidenceWords } from './confidence-text.js';
import { displayWidth } from './display-width.js';
import { terminalText } from './terminal-text.js';
import { driverKey } from '../model/column-key.js';
import { budgetMoney, formatMoneyBeside, formatShareBeside, metricRowMoney } from './interval-format.js';
import { varianceShareFormat } from './variance-share-format.js';
import { chanceWords } from './chance-words.js';
import { badYearsShare } from './bad-years-share.js';

/**
 * How an output writes the paragraph's figures: every output by the same rule (formatCurrency,
 * formatShare and their interval forms), with or without the currency's symbol ('' in the terminal,
 * whose tables name the currency in their headings). The terminal wrote the paragraph with its own
 * formatters ("118.7M") where report.html wrote "$119M" for the same P50.
 */
export interface ParagraphFormat {
  readonly symbol: CurrencyMark;
}

/** What a driver's own draw is, in the words a person would use ("how many Enterprise leads become customers"). */
const DRIVER_WORDS: Record<string, (tier: string) => string> = {
  conversion: (t) => `how many ${t} leads become customers`,
  renewalRate: (t) => `how many ${t} customers renew`,
  contractionProbability: (t) => `how many ${t} customers cut back`,
  expansionProbability: (t) => `how many ${t} customers expand`,
  newCustomerExpansionProbability: (t) => `how many new ${t} customers expand in their first year`,
  priceUplift: (t) => `the price uplift ${t} customers accept`,
  'earlierLeads.conversion': (t) => `how many of last year's ${t} leads still close`,
  'reps.attrition': (t) => `how many ${t} reps leave`,
  'reps.capacity': (t) => `how many deals a ramped ${t} rep closes`,
  'reps.hireSlip': (t) => `how late ${t} hires start`,
};

/**
 * A driver as a sentence fragment: the market as "the market as a whole (one shared factor that
 * moves every driver loaded on it together)", a tier's driver by what it counts; anything else by its label.
 *
 * @example driverWords({ key: 'driver.Enterprise.conversion', tier: 'Enterprise', label: 'Enterprise conversion' }) // => 'how many Enterprise leads become customers'
 */
export function driverWords(d: Pick<DriverSensitivity, 'key' | 'label' | 'tier'>): string {
  // Not "every tier": a tier none of whose drivers is loaded on the market does not move with it.
  if (d.key === 'driver.market') return 'the market as a whole (one shared factor that moves every driver loaded on it together)';
  if (d.tier !== undefined) {
    // The key holds the tier's name as driverKey encodes it ('Self-serve/SMB' as 'Self-serve%2FSMB').
    const prefix = driverKey(d.tier, '');
    const slot = d.key.startsWith(prefix) ? d.key.slice(prefix.length) : '';
    const words = DRIVER_WORDS[slot];
    if (words) return words(d.tier);
    // A tier's driver reads as its label, which starts with the tier's name: a name, kept as
    // written ('Solo leads a month', 'Enterprise ACV'; not 'solo leads a month').
    return d.label;
  }
  // 'Deals per rep' -> 'deals per rep'; 'SMB odd one' keeps its acronym.
  return /^[A-Z][a-z]/.test(d.label) ? d.label.charAt(0).toLowerCase() + d.label.slice(1) : d.label;
}

/** "a, b and c". */
const list = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** Drivers carrying at least this share of the variance are named as sources of risk. */
const NAMED_SHARE = 0.01;

/**
 * The run in one paragraph a CEO can read aloud, generated from the summary only: the revenue P50
 * and its P10-P90 range, the chance of each target, the budgets at the chosen confidence, what a
 * 1-in-10 bad year looks like (its P10, the mean of the worst 10% and the component that falls
 * short most), and the two or three largest sources of risk by variance share (of 1% or more, and
 * above 0 by its 95% interval), after unit-level luck with its share when luck carries more than any
 * driver by more than their 95% intervals allow. Every figure is
 * written with the formatters of the tables beside it, so the same number reads the same.
 *
 * @example summaryParagraph(summary) // => 'Recognized revenue next year is most likely about $119M (P50) ...'
 * Complexity: O(targets + drivers).
 */
export function summaryParagraph(summary: Summary, format?: ParagraphFormat): string {
  const cur = summary.scenario.currency;
  // The terminal's '' is its currency without a symbol, at the currency's minor unit (bareCurrency).
  const symbol = format === undefined ? currencyMark(cur) : format.symbol === '' ? bareCurrency(cur) : format.symbol;
  const share = formatShare;
  const rev = summary.metrics.revenue.percentiles;
  // Revenue's P10, P50 and P90 as report.html's headline row writes them (the digits that tell them apart).
  const revenueMoney = metricRowMoney(summary.metrics.revenue, symbol);
  const d = summary.decisions;
  const conf = confidenceWords(d.confidence).share;
  const out: string[] = [];
  // A year the actuals close entirely (or a scenario with nothing uncertain) has no range to give.
  const certain = summary.metrics.revenue.min === summary.metrics.revenue.max;
  const kind = forecastKindWords(summary);
  const year = kind.closed ? `${kind.year}, re-forecast from ${kind.closed},` : kind.year;
  // One trial is one year, the same as itself whatever the scenario leaves uncertain (but a year the actuals close).
  out.push(
    certain && summary.trials === 1 && summary.reforecast?.asOfMonth !== 12
      ? `Recognized revenue ${year} is ${revenueMoney(rev.p50)} in the one simulated year: a single trial gives no range, however uncertain the ${kind.closed ? 're-forecast' : 'scenario'}.`
      : certain
      ? summary.reforecast?.asOfMonth === 12
        ? `Recognized revenue ${year} is ${revenueMoney(rev.p50)} in every simulated year: nothing in the re-forecast leaves it uncertain.`
        : // The same in each of N trials is not proof no year could differ (the chances beside it say
          // "over 99.6%", as their intervals do): the count, not a claim of certainty.
          `Recognized revenue ${year} is ${revenueMoney(rev.p50)} in every one of the ${summary.trials.toLocaleString('en-US')} simulated years.`
      : `Recognized revenue ${year} is most likely about ${revenueMoney(rev.p50)} (P50), with an 80% chance of landing between ${revenueMoney(rev.p10, 'p10')} (P10) and ${revenueMoney(rev.p90)} (P90).`,
  );
  // A target's chance as the targets table writes it, with the decimals its 95% interval takes (99.88%
  // beside [99.86%, 99.90%], not 99.9%).
  // A target no trial reaches (or every trial reaches) is an estimate, not a certainty: said as the
  // interval's far end and the count (chanceWords), unless its metric is the same in every trial.
  const chance = (t: Summary['decisions']['targets'][number]) => chanceWords(t.probability, summary.trials, t.certain, formatShareBeside);
  if (d.targets.length > 0) {
    if (d.targets.length === 1) out.push(`The chance of reaching ${d.targets[0]!.label} is ${chance(d.targets[0]!)}.`);
    else out.push(`The chance of reaching each target is ${list(d.targets.map((t) => `${chance(t)} for ${t.label}`))}.`);
  }
  // A budget and the worst 10%'s mean as the budget and downside tables write them, with the digits
  // their 95% interval takes ($111.79M, not $112M).
  const beside = (v: number, interval: readonly [number, number] | null) => formatMoneyBeside(v, interval, symbol);
  const b = d.budgets.metrics;
  // At 90% or 95% confidence a budget is its row's P10 or P5, read as the row writes it (budgetMoney).
  const budget = (m: keyof typeof b) => budgetMoney(summary.metrics[m], b[m], d.confidence, symbol)(b[m].value);
  out.push(
    `A budget that is met or beaten in ${conf} of simulated years is ${budget('revenue')} of revenue, ${budget('bookings')} of bookings and ${budget('endingArr')} of ending ARR.`,
  );
  const down = d.downside.revenue;
  const bad = summary.badYears.metrics.revenue;
  const worstPart = [...bad.components].sort((a, c) => c.shortfall - a.shortfall)[0];
  out.push(
    `In a 1-in-10 bad year revenue comes in at ${revenueMoney(down.p10.value, 'p10')} or less; the worst 10% of years average ${beside(down.worst10Mean, down.worst10Interval)}${
      worstPart && worstPart.shortfall > 0
        ? `, ${badYearsShare(worstPart.share)} of their shortfall from an average year coming from ${COMPONENT_LABELS[worstPart.component as Component].toLowerCase()}`
        : ''
    }.`,
  );
  if (summary.sensitivity.notEstimable !== undefined) {
    out.push(`Which drivers move revenue most cannot be estimated from this run (${summary.sensitivity.notEstimable}).`);
    return out.join(' ');
  }
  // Named only when its share is shown above 0 by its 95% interval, as what must be true names drivers:
  // a 1.6% share of interval [-0.6%, 3.7%] may be no effect at all, and was read aloud as the third
  // biggest source of risk, ranked by chance against others as uncertain.
  const candidates = summary.sensitivity.drivers.filter((x) => x.ownUncertainty !== false && x.varianceShare! >= NAMED_SHARE);
  const named = candidates.filter((x) => x.varianceShareInterval !== null && x.varianceShareInterval[0] > 0).slice(0, 3);
  // As the sources-of-risk tables write a share (the terminal's, report.html's and report.xlsx's alike).
  const pct = varianceShareFormat(summary.sensitivity);
  const luck = summary.sensitivity.unexplained.value!;
  // Luck larger than any driver's share (a few large deals a year), named or not: it is the biggest
  // source of risk, and calling a driver of 10% 'the biggest' beside 90% of luck said the opposite.
  // Larger by more than their 95% intervals allow (luck's low end above each driver's high end), not
  // by the point estimates: where the metric curves strongly in an input (a market loading of 2 on
  // leads) the line fitted in each bin reads the market at 40-59% for a true 99.9%, and luck's point
  // estimate then passed it, naming luck the biggest source of risk (bench/attribution-curvature.mjs).
  const luckLow = summary.sensitivity.unexplained.interval?.[0] ?? luck;
  const luckFirst = candidates.length > 0 && candidates.every((x) => luckLow > (x.varianceShareInterval?.[1] ?? x.varianceShare!));
  const luckWords = `The biggest source of risk is deal-by-deal and customer-by-customer luck and the drivers' interactions, which account for ${pct(luck)} of the year-to-year swing in revenue`;
  const noneShown = `at ${summary.trials.toLocaleString('en-US')} trials (each such share's 95% interval reaches 0); more trials would tell.`;
  if (named.length > 0) {
    const varianceShare = (x: DriverSensitivity) => pct(x.varianceShare!);
    const [first, ...rest] = named;
    const tail = rest.length > 0 ? `, followed by ${list(rest.map((x) => `${driverWords(x)} (${varianceShare(x)})`))}` : '';
    if (luckFirst) out.push(`${luckWords}; of the drivers, the biggest is ${driverWords(first!)} (${varianceShare(first!)})${tail}.`);
    else out.push(`The biggest source of risk is ${driverWords(first!)}, which accounts for ${varianceShare(first!)} of the year-to-year swing in revenue${tail}.`);
  } else if (candidates.length > 0) {
    // Shares of 1% or more are the candidates; none has its 95% interval above 0 (the test named drivers pass).
    if (luckFirst) out.push(`${luckWords}; no driver's share of 1% or more of it is shown to be above 0 ${noneShown}`);
    else out.push(`No driver's share of 1% or more of the year-to-year swing in revenue is shown to be above 0 ${noneShown}`);
  } else {
    out.push('No single driver accounts for as much as 1% of the swing in revenue: it comes from deal-by-deal and customer-by-customer luck.');
  }
  return out.join(' ');
}

/**
 * Text wrapped at `width` terminal columns on spaces (a word longer than the width keeps its line):
 * each word measured as it is printed (displayWidth of terminalText's form, where a control
 * character reads `\u{1b}`), so a line with a tier named 中小企業 or 👩‍💻 is not drawn wider.
 *
 * @example wrapText('a b c', 3) // => 'a b\nc'
 */
export function wrapText(text: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  let columns = 0;
  for (const word of text.split(' ')) {
    const w = displayWidth(terminalText(word));
    if (line.length > 0 && columns + 1 + w > width) {
      lines.push(line);
      line = word;
      columns = w;
    } else if (line.length > 0) {
      line = `${line} ${word}`;
      columns += 1 + w;
    } else {
      line = word;
      columns = w;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines.join('\n');
}
