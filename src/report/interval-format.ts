import type { CurrencyMark } from './money.js';
import { belowMinorUnit, decimalsBelowWhole, formatCurrency, formatShare, markMinorDigits, signedAmount, unitSize, unitText, type MoneyUnit } from './money.js';
import { toFixedDecimal, toPrecisionDecimal } from '../math/decimal-round.js';
import type { Stat } from '../analysis/describe.js';

/**
 * What a company metric's row is written from (metricRowMoney, statRowDigits, statFigureBeside,
 * budgetMoney): its mean and standard error, its P5, P10, P50 and P90 and their 95% intervals. A run's
 * Stat is one; so is a compared scenario's (analysis/compare's ScenarioStat), named alike.
 */
export interface RowStat {
  readonly mean: number;
  readonly standardError: number | null;
  readonly percentiles: Readonly<Record<'p5' | 'p10' | 'p50' | 'p90', number>>;
  readonly percentileIntervals: Readonly<Partial<Record<'p5' | 'p10' | 'p50' | 'p90', readonly [number, number] | null>>> | null;
}
import { decimalsOffEnds } from '../math/share-decimals.js';

/** The most significant digits an interval is ever written with. */
const MAX_DIGITS = 7;

/**
 * A figure's 95% interval "[low, high]" in money, written with the figure (value) as one group
 * (moneyBesideFormat): its ends in the figure's unit and at the figure's decimal place, so an interval
 * never mixes precisions with its point or within itself ("$94.1M [$94.0M, $94.3M]", not
 * "[$94M, $94.3M]"), with as many significant digits (3 at least) as it takes for the two ends to read
 * differently: [$110M, $110M] becomes [$109.8M, $110.1M]. The terminal writes it with symbol ''.
 *
 * @example formatMoneyInterval([109.77e6, 110.08e6], '$', 109.9e6) // => '[$109.8M, $110.1M]'
 * Complexity: O(1).
 */
export function formatMoneyInterval(interval: readonly [number, number], symbol: CurrencyMark, value: number): string {
  const write = moneyBesideFormat(value, interval, symbol);
  return `[${write(interval[0])}, ${write(interval[1])}]`;
}

/**
 * A value shown beside its 95% interval, in the group formatMoneyInterval writes the ends in: three
 * digits would put $111.78M at "$112M", outside its own "[$111.7M, $111.8M]". Without an interval,
 * formatCurrency's three digits.
 *
 * @example formatMoneyBeside(111.78e6, [111.7e6, 111.8e6], '$') // => '$111.8M'
 */
export function formatMoneyBeside(value: number, interval: readonly [number, number] | null, symbol: CurrencyMark): string {
  return moneyBesideFormat(value, interval, symbol)(value);
}

/**
 * THE rule for a figure and its 95% interval, as every output writes them: one formatter for the
 * figure and both ends, all in one unit (that of the largest of the three) and at one decimal place,
 * the place of the figure's last significant digit, trailing zeros kept ("$9.86M [$9.70M, $10.00M]",
 * not "$9.86M [$9.7M, $10M]"); its significant digits three, or more until the two ends read
 * differently (at most MAX_DIGITS). Ends that read alike at any digits (equal, or apart in their last
 * bits only) take three. An amount that rounds to zero is written without a sign; zero itself is "$0".
 * A figure small against its interval (zero, or the widest member at the figure's place would carry
 * more than one digit beyond the figure's) does not set the place: the figure and each end keep their
 * own significant digits ("$1.20k [$0, $250k]", not "$1.20k [$0.00k, $250.00k]"). Without an
 * interval: formatCurrency. Other figures written at these digits (the plan's budget beside the
 * re-forecast's) use the same formatter.
 *
 * @example moneyBesideFormat(94.1e6, [94.04e6, 94.3e6], '$')(94.04e6) // => '$94.0M'
 * Complexity: O(MAX_DIGITS) to build, O(1) a call.
 */
export function moneyBesideFormat(value: number, interval: readonly [number, number] | null, symbol: CurrencyMark, leastDigits = 3): (v: number) => string {
  if (interval === null) return (v) => formatCurrency(v, symbol, leastDigits);
  return moneyGroupFormat(value, interval, symbol, Math.max(leastDigits, moneyBesideDigits(value, interval)));
}

/**
 * The significant digits moneyBesideFormat writes a figure and its 95% interval with: three, or more
 * until the two ends read differently (at most MAX_DIGITS); ends that read alike at any digits take three.
 *
 * @example moneyBesideDigits(106.06e6, [105.56e6, 106.44e6]) // => 4 ('$106.1M [$105.6M, $106.4M]')
 */
export function moneyBesideDigits(value: number, interval: readonly [number, number]): number {
  const [lo, hi] = interval;
  const alike = (digits: number) => {
    const write = moneyGroupFormat(value, interval, '', digits);
    return write(lo) === write(hi);
  };
  let digits = 3;
  while (digits < MAX_DIGITS && lo !== hi && alike(digits)) digits++;
  // Ends that differ in the last bits only (783,333.33 summed two ways) read alike at any digits: three, as equal ends.
  return alike(digits) ? 3 : digits;
}

/** The most decimals of a unit a figure and its interval are written with. */
const MAX_GROUP_DECIMALS = 8;

/** A figure and its interval's ends in one unit at the figure's decimal place at `digits` significant digits (moneyBesideFormat). */
function moneyGroupFormat(value: number, interval: readonly [number, number], symbol: CurrencyMark, digits: number): (v: number) => string {
  const members = [value, ...interval].filter(Number.isFinite).map(Math.abs);
  const largest = members.length > 0 ? Math.max(...members) : 0;
  if (largest === 0) return (v) => formatCurrency(v, symbol, digits);
  // The unit the largest is written in, carried as formatCurrency carries it at the currency's minor
  // unit (999,960 is 1.00M; $999.996 is $1.00k, not $1,000.00): THE one carry rule.
  const unit = /([kMBT]?)$/.exec(formatCurrency(largest, symbol, digits))![1] as MoneyUnit;
  const size = unitSize(unit);
  // The figure's last significant digit at `digits`, in that unit; a figure of 0 (or none) takes the largest's.
  const lead = (x: number) => Math.floor(Math.log10(toPrecisionDecimal(x / size, digits)));
  // A figure small against its interval (zero, or the largest end written at the figure's place would
  // take more than one digit beyond `digits`: 50 beside [0, 5,000] read "$0.0500k [$0.0000k, $5.0000k]"):
  // each written with its own `digits` significant digits, "$50.0 [$0, $5.00k]".
  if (value === 0 || (Number.isFinite(value) && lead(largest) - lead(Math.abs(value)) >= 2)) return (v) => formatCurrency(v, symbol, digits);
  const anchor = Number.isFinite(value) ? Math.abs(value) : largest;
  const decimals = Math.min(MAX_GROUP_DECIMALS, groupMinorCap(members, unit, markMinorDigits(symbol)), Math.max(0, digits - 1 - lead(anchor)));
  return (v) => {
    if (!Number.isFinite(v)) return '-';
    // Zero is written "$0" wherever it stands, as formatCurrency writes it (not "$0.00k").
    if (v === 0) return formatCurrency(0, symbol);
    const text = toFixedDecimal(Math.abs(v) / size, decimals);
    // An amount outside the group (larger than its largest) that reaches 1,000 of the unit: written alone, carried.
    if (Number(text) >= 1000 && unit !== 'T') return formatCurrency(v, symbol, digits);
    return signedAmount(Number(text) === 0 ? 0 : v, unitText(text, unit), symbol);
  };
}

/**
 * The most decimals of `unit` a group is written with at its currency's minor unit (formatCurrency's
 * cap, in the group's unit: 2 for dollars, 5 for $k, 0 for yen): none (MAX_GROUP_DECIMALS) without a
 * currency, or when a non-zero member would read as zero at it (belowMinorUnit: such a group keeps
 * its significant digits, "-$0.00400", never "$0.00").
 */
function groupMinorCap(members: readonly number[], unit: MoneyUnit, minor: number | undefined): number {
  if (minor === undefined) return MAX_GROUP_DECIMALS;
  if (members.some((m) => belowMinorUnit(m, minor))) return MAX_GROUP_DECIMALS;
  return minor + Math.round(Math.log10(unitSize(unit)));
}

/**
 * A 95% interval of a share, one decimal or more until the ends differ: [91.0%, 91.0%] becomes [90.98%, 91.04%].
 * Beside its figure (`value` given), the figure's group (shareGroupFormat): its ends at the figure's
 * decimals, "0.075% [0.015%, 0.200%]", not "0.075% [0.015%, 0.2%]".
 *
 * @example formatShareInterval([0.9098, 0.9104]) // => '[90.98%, 91.04%]'
 */
export function formatShareInterval(interval: readonly [number, number], value?: number): string {
  const [lo, hi] = value === undefined ? formatShareIntervalEnds(interval) : interval.map(shareGroupFormat(value, interval));
  return `[${lo}, ${hi}]`;
}

/**
 * The two ends of a share's 95% interval as formatShareInterval writes them, for a sentence that
 * names one end ("under 0.4%").
 *
 * @example formatShareIntervalEnds([0, 0.0038]) // => ['0.0%', '0.4%']
 */
export function formatShareIntervalEnds(interval: readonly [number, number]): [string, string] {
  const [lo, hi] = interval;
  const decimals = shareIntervalDecimals(interval);
  if (decimals === undefined) return [formatShare(lo), formatShare(hi)];
  return [percentWith(lo, decimals), percentWith(hi, decimals)];
}

/**
 * The two ends of a share's 95% interval at the digits formatShareIntervalEnds shows them, rounded
 * outward (the low end down, the high end up), for a claim that the share lies beyond an end:
 * "under 0.2%" of a bound of 0.128%, where rounding to nearest wrote "under 0.1%", which the
 * interval does not allow.
 *
 * @example formatShareIntervalEndsOutward([0, 0.00128]) // => ['0.0%', '0.2%']
 * @example formatShareIntervalEndsOutward([0, 0.00003841311], 0) // => ['0.000%', '0.004%']
 */
export function formatShareIntervalEndsOutward(interval: readonly [number, number], value?: number): [string, string] {
  // Beside its figure, the ends exactly as the tables write that interval (shareGroupFormat, whose far
  // end of a figure at 0% or 100% holds as a bound): "under 0.013%" of none of 30,000 beside
  // "[0.000%, 0.013%]", "under 0.004%" of none of 100,000 beside "[0.000%, 0.004%]".
  if (value !== undefined) return interval.map(shareGroupFormat(value, interval)) as [string, string];
  const [lo, hi] = formatShareIntervalEnds(interval);
  return [percentOutward(lo, interval[0], -1), percentOutward(hi, interval[1], 1)];
}

/**
 * `text` (a percentage formatShare or percentWith wrote for the share `v`) moved one unit of its last
 * digit in `direction` when rounding went the other way; in whole units of that digit (BigInt), so
 * 0.038 + 0.001 does not come out 0.039000000000000004.
 */
function percentOutward(text: string, v: number, direction: 1 | -1): string {
  const match = /^(\d+)(?:\.(\d+))?%$/.exec(text);
  if (match === null) return text;
  // The share as the decimal a reader sees (15 digits), so a bound that prints exactly is not moved.
  const pct = toPrecisionDecimal(v * 100, 15);
  const shown = Number(text.slice(0, -1));
  if (direction > 0 ? shown >= pct : shown <= pct) return text;
  const decimals = match[2]?.length ?? 0;
  const units = BigInt(`${match[1]}${match[2] ?? ''}`) + BigInt(direction);
  if (units < 0n) return text;
  const digits = units.toString().padStart(decimals + 1, '0');
  return `${decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`}%`;
}

const percentWith = (v: number, decimals: number) => `${toFixedDecimal(v * 100, decimals)}%`;

/** The decimals formatShareInterval needs beyond formatShare's: undefined when formatShare tells the ends apart (or they are equal). */
function shareIntervalDecimals([lo, hi]: readonly [number, number]): number | undefined {
  if (formatShare(lo) !== formatShare(hi) || lo === hi) return undefined;
  // From the decimals formatShare gave the ends (more than 2 just below 100%: 1 - 1e-9 is 99.9999999%),
  // so no end below 1 reads 100.00000% again.
  let decimals = Math.max(2, decimalsBelowWhole(lo), decimalsBelowWhole(hi));
  const most = Math.max(5, decimals + 3);
  while (decimals < most && percentWith(lo, decimals) === percentWith(hi, decimals)) decimals++;
  return decimals;
}

/**
 * A share shown beside its 95% interval, with the decimals the interval is written with, so it
 * never reads as outside it (91.02% as "91.0%" beside "[91.01%, 91.04%]").
 *
 * @example formatShareBeside(0.9102, [0.9101, 0.9104]) // => "91.02%"
 */
export function formatShareBeside(value: number, interval: readonly [number, number] | null): string {
  return interval === null ? formatShare(value) : shareGroupFormat(value, interval)(value);
}

/** The decimals formatShare writes a share with: 1 for "91.2%", 3 for "0.075%". */
const shareDecimals = (v: number) => /\.(\d+)%$/.exec(formatShare(v))?.[1]?.length ?? 0;

/**
 * THE rule for a share and its 95% interval (formatShareBeside, formatShareInterval with its value): the
 * figure and both ends at one number of decimals, the figure's as formatShare writes it (two
 * significant digits below 0.1%: "0.075%"), or more to keep a member short of 100% from reading 100%
 * or one off 0 from reading 0% (decimalsOffEnds: told from its end, no more; two significant digits of that distance, as the
 * twenty-third session wrote, took five decimals for one trial in 3,000's "99.96667% [99.81142%, 99.99916%]"
 * where its 0.19%-wide interval supports two and its upper end needs three), or until
 * the two ends read differently ("91.02% [91.01%, 91.04%]"). An end that rounds to zero is "0.000%",
 * without a sign.
 *
 * @example shareGroupFormat(0.00075, [0.00015, 0.002])(0.002) // => '0.200%'
 */
export function shareGroupFormat(value: number, interval: readonly [number, number]): (v: number) => string {
  const [lo, hi] = interval;
  const finite = [lo, hi].filter(Number.isFinite);
  const members = [value, lo, hi].filter(Number.isFinite);
  // The figure's decimals, or more for a member that would read as 0% or 100% (see above).
  const least = Math.max(Number.isFinite(value) ? shareDecimals(value) : 1, ...finite.map(decimalsBelowWhole), ...members.map(decimalsOffEnds));
  let decimals = least;
  const most = Math.max(5, decimals + 3);
  while (decimals < most && lo !== hi && percentWith(lo, decimals) === percentWith(hi, decimals)) decimals++;
  // Ends that differ in their last bits only read alike at any decimals: the figure's.
  if (percentWith(lo, decimals) === percentWith(hi, decimals)) decimals = least;
  // A figure of 0% (100%) is told in a sentence as "under" ("over") its interval's far end, which must
  // read as the table writes it and still hold: up to two more decimals until that end, rounded to
  // nearest, does not fall inside the interval (Wilson's 0.0128% for none of 30,000 reads 0.013%, not
  // 0.01%, which "under 0.01%" would overclaim, nor "under 0.02%" beside a table's 0.01%); past those,
  // the end is written rounded outward.
  const far = value === 0 && hi > 0 ? { end: hi, direction: 1 as const } : value === 1 && lo < 1 ? { end: lo, direction: -1 as const } : undefined;
  if (far !== undefined) {
    const holds = (d: number) => percentOutward(percentWith(far.end, d), far.end, far.direction) === percentWith(far.end, d);
    const top = decimals + 2;
    while (decimals < top && !holds(decimals)) decimals++;
  }
  return (v) => {
    if (!Number.isFinite(v)) return '-';
    const text = far !== undefined && v === far.end ? percentOutward(percentWith(v, decimals), v, far.direction) : percentWith(v, decimals);
    return Number(text.slice(0, -1)) === 0 ? percentWith(0, decimals) : text;
  };
}

/** A figure with its 95% Monte Carlo interval (null when not estimable). */
export interface MoneyCell {
  readonly value: number;
  readonly interval: readonly [number, number] | null;
}

/**
 * The formatter of figures that stand side by side (a row of Mean, P10, P50, P90; one budget for
 * each compared scenario): one number of significant digits for all of them, three, or more while two
 * neighbouring figures that differ print alike ($111M, $112M, $114M for P10/P50/P90 of 111.4M, 112.5M, 113.6M
 * becomes $111.4M, $112.5M, $113.6M), but never more than the figure with the widest Monte Carlo
 * error can claim: its last digit no finer than the leading digit of its 95% interval's half-width.
 * A figure whose interval is not estimable sets no bound; none estimable: three digits.
 *
 * @example moneyCellsFormat([{ value: 111.4e6, interval: [111.3e6, 111.5e6] }, { value: 112.5e6, interval: [112.4e6, 112.6e6] }], '$')(111.4e6) // => '$111.4M'
 * Complexity: O(cells) a digit, at most MAX_DIGITS digits.
 */
export function moneyCellsFormat(cells: readonly MoneyCell[], symbol: CurrencyMark): (v: number) => string {
  const digits = moneyCellsDigits(cells, symbol);
  return (v) => formatCurrency(v, symbol, digits);
}

/** The significant digits moneyCellsFormat writes `cells` with. */
function moneyCellsDigits(cells: readonly MoneyCell[], symbol: CurrencyMark): number {
  const bounds = cells.flatMap((c) => (c.interval === null ? [] : [errorDigits(c.value, c.interval)]));
  const most = bounds.length === 0 ? 3 : Math.min(...bounds);
  // Neighbours only, in the order given (a mean of 112.50M and a P50 of 112.47M two cells on may
  // read alike, as the terminal's 112.5M and 112.5M do). Told apart: the last digit at most a tenth of
  // the gap, so $111M, $112M, $114M (gaps of 1.1M each) does not pass for unevenly spaced figures.
  const place = (v: number, digits: number) => 10 ** (Math.floor(Math.log10(Math.abs(v))) - digits + 1);
  const alike = (digits: number) =>
    cells.some((c, i) => {
      const next = cells[i + 1];
      if (next === undefined || !Number.isFinite(c.value) || !Number.isFinite(next.value) || c.value === next.value) return false;
      const gap = Math.abs(next.value - c.value);
      return formatCurrency(c.value, symbol, digits) === formatCurrency(next.value, symbol, digits) || Math.max(place(c.value, digits), place(next.value, digits)) > gap / 10;
    });
  let digits = 3;
  while (digits < most && alike(digits)) digits++;
  return digits;
}

/**
 * The significant digits a figure can claim given its 95% interval: its last digit no finer than the
 * leading digit of the interval's half-width (111.4M -/+ 0.1M: 4 digits, $111.4M; -/+ 0.02M: 5),
 * three at least. A zero-width interval bounds nothing (MAX_DIGITS).
 */
function errorDigits(value: number, [lo, hi]: readonly [number, number]): number {
  const half = (hi - lo) / 2;
  if (!(half > 0) || !Number.isFinite(half) || !(Math.abs(value) > 0)) return MAX_DIGITS;
  const digits = Math.floor(Math.log10(Math.abs(value))) - Math.floor(Math.log10(half)) + 1;
  return Math.min(MAX_DIGITS, Math.max(3, digits));
}

/** A figure of a row: its mean or one of its percentiles, named so a formatter knows which (two may share a value). */
export type RowFigure = 'mean' | 'p5' | 'p10' | 'p25' | 'p50' | 'p75' | 'p90' | 'p95';

/** A row's formatter: a figure of the row, named by `figure` where the row writes it beside an interval elsewhere. */
export type RowMoney = (v: number, figure?: RowFigure) => string;

/**
 * THE formatter of a tier's or a component's money row (a Stat's Mean and P5 to P95), the one every
 * output writes such a row with: the terminal's tables (symbol ''), report.html's tier and component
 * tables, the breakdown chart. moneyCellsFormat of the row's Mean, P10, P50 and P90, so every column
 * reads at those digits (three, or more to tell neighbours apart). Its P10 and P5 stand beside no
 * interval anywhere, so they do not raise the row (metricRowMoney's do): "SMB $24.2M" above
 * "Mid-market $47.3M", not "$24.16M" above "$47.3M".
 *
 * @example statRowMoney(summary.byTier.SMB.revenue, '$')(summary.byTier.SMB.revenue.mean) // => '$24.2M'
 */
export function statRowMoney(stat: Stat, symbol: CurrencyMark): RowMoney {
  const digits = moneyCellsDigits(statMoneyCells(stat), '');
  return (v) => formatCurrency(v, symbol, digits);
}

/**
 * THE formatter of a company metric's row (revenue, bookings, ending ARR: the headline row), the one
 * every output writes it and its figures with (the terminal, report.html, the paragraph, the charts'
 * labels, the studio): at statRowDigits, and its P10 and P5, named by `figure`, as the downside table
 * writes them beside their intervals (statFigureBeside: in the unit of the group's largest member, so
 * 999,960 beside [999,900, 1,000,020] is $0.99996M in each, not $999.96k in the row). Keyed by the
 * figure, not its value: a P25 equal to the P10 is the row's, not the P10's group's.
 *
 * @example metricRowMoney(summary.metrics.revenue, '$')(summary.metrics.revenue.percentiles.p10, 'p10') // => '$106.1M'
 */
export function metricRowMoney(stat: RowStat, symbol: CurrencyMark): RowMoney {
  const digits = statRowDigits(stat);
  const beside = new Map<RowFigure, (v: number) => string>();
  for (const k of ROW_FIGURES_BESIDE_INTERVALS) {
    const value = stat.percentiles[k];
    const interval = stat.percentileIntervals?.[k] ?? null;
    if (interval !== null && Number.isFinite(value)) beside.set(k, moneyGroupFormat(value, interval, symbol, digits));
  }
  return (v, figure) => (figure === undefined ? undefined : beside.get(figure))?.(v) ?? formatCurrency(v, symbol, digits);
}

/**
 * The percentiles of a company metric's row that outputs also write beside their 95% interval (the
 * downside table's 1-in-10 and 1-in-20 years, and the budget at 90% or 95% confidence): the row reads
 * at the digits those take, so a figure reads the same in the headline row, the paragraph, the
 * downside and budget tables ($106.1M in each, where the row wrote $106M beside the table's $106.1M
 * [$105.6M, $106.4M]).
 */
export const ROW_FIGURES_BESIDE_INTERVALS = ['p5', 'p10'] as const;

/**
 * How many digits the downside figures may add to a row beyond its own rule (moneyCellsDigits): one.
 * A P10 whose interval is narrower still (a million trials) does not send every column of the row to
 * "$120.7000M"; its interval is then written at the row's digits, its ends possibly alike.
 */
const ROW_DIGITS_RAISED_AT_MOST = 1;

/**
 * The significant digits metricRowMoney writes a company metric's row with: moneyCellsFormat's of its
 * Mean, P10, P50 and P90, raised to what each of ROW_FIGURES_BESIDE_INTERVALS takes beside its interval
 * (moneyBesideDigits), by ROW_DIGITS_RAISED_AT_MOST at most.
 */
export function statRowDigits(stat: RowStat): number {
  const pi = stat.percentileIntervals;
  const own = moneyCellsDigits(statMoneyCells(stat), '');
  const beside = ROW_FIGURES_BESIDE_INTERVALS.flatMap((k) => {
    const interval = pi?.[k];
    const value = stat.percentiles[k];
    return interval == null || value === undefined || !Number.isFinite(value) ? [] : [moneyBesideDigits(value, interval)];
  });
  return Math.min(own + ROW_DIGITS_RAISED_AT_MOST, Math.max(own, ...beside));
}

/**
 * A company metric's percentile (the downside table's P10 and P5) and its 95% interval as one group at
 * the row's digits (statRowDigits of `stat`, the row the figure belongs to), so the figure beside its
 * interval reads as the row writes it. At the row's digits exactly: where the row's cap leaves the
 * ends alike, the interval reads so ("[$106.0M, $106.0M]").
 *
 * @example statFigureBeside(summary.metrics.revenue, summary.decisions.downside.revenue.p10, '$') // => { value: '$106.1M', interval: '[$105.6M, $106.4M]' }
 */
export function statFigureBeside(stat: RowStat, figure: { readonly value: number; readonly interval: readonly [number, number] | null }, symbol: CurrencyMark): { value: string; interval: string | null } {
  const { value, interval } = figure;
  const digits = statRowDigits(stat);
  const write = interval === null ? (v: number) => formatCurrency(v, symbol, digits) : moneyGroupFormat(value, interval, symbol, digits);
  return { value: write(value), interval: interval === null ? null : `[${write(interval[0])}, ${write(interval[1])}]` };
}

/**
 * The formatter of a company metric's budget and its 95% interval's ends. A budget at 90% or 95%
 * confidence is the row's P10 or P5 (ROW_FIGURES_BESIDE_INTERVALS): written as the row writes it
 * (statFigureBeside's digits), one figure read one way ("$103.2M" in the row and the budget table, not
 * "$103M" in the budget's). Any other: moneyBesideFormat (the digits its interval takes).
 *
 * @example budgetMoney(summary.metrics.revenue, summary.decisions.budgets.metrics.revenue, 0.9, '$')(budget.value) // => '$106.1M'
 */
export function budgetMoney(stat: RowStat, budget: { readonly value: number; readonly interval: readonly [number, number] | null }, confidence: number, symbol: CurrencyMark): (v: number) => string {
  const percentile = Math.round((1 - confidence) * 1e9) / 1e9;
  const inRow = (percentile === 0.1 || percentile === 0.05) && budget.interval !== null;
  return inRow ? moneyGroupFormat(budget.value, budget.interval!, symbol, statRowDigits(stat)) : moneyBesideFormat(budget.value, budget.interval, symbol);
}

/** A Stat's Mean, P10, P50 and P90 as MoneyCells: the mean's interval is mean -/+ 1.96 standard errors. */
export function statMoneyCells(stat: RowStat): MoneyCell[] {
  const se = stat.standardError;
  const pi = stat.percentileIntervals;
  return [
    { value: stat.mean, interval: se === null || !(se > 0) ? null : [stat.mean - 1.96 * se, stat.mean + 1.96 * se] },
    ...(['p10', 'p50', 'p90'] as const).map((k) => ({ value: stat.percentiles[k], interval: pi?.[k] ?? null })),
  ];
}
