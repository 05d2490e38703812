import { decimalsBelowWhole, twoSignificantDigits } from '../math/share-decimals.js';
import { toFixedDecimal, toPrecisionText } from '../math/decimal-round.js';
import { groupThousands } from '../math/group-thousands.js';
import { exactAmount } from '../scenario/exact-amount.js';
import { APPROXIMATELY, statedRounding } from './stated-figure.js';

// Also the decimals of format.ts's and interval-format.ts's shares.
export { decimalsBelowWhole };

// Each currency's symbol and minor digits, looked up once: an Intl.NumberFormat per call made report.xlsx's
// per-cell formats (amountFormat) cost 41-96 ms a workbook, against 17-19 ms.
const symbolOfCode = new Map<string, string>();
const minorDigitsOfCode = new Map<string, number>();

/**
 * The symbol a reader expects before an amount in this ISO 4217 currency: "$" for USD, "€" for
 * EUR, "CHF" for Swiss francs (from the runtime's ICU data, en-US conventions).
 *
 * @example currencySymbol('EUR') // => '€'
 */
export function currencySymbol(currency: string): string {
  let symbol = symbolOfCode.get(currency);
  if (symbol === undefined) {
    try {
      const part = new Intl.NumberFormat('en-US', { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency');
      symbol = part?.value ?? currency;
    } catch {
      symbol = currency;
    }
    symbolOfCode.set(currency, symbol);
  }
  return symbol;
}

/**
 * The decimals of a currency's minor unit as Intl (Node's ICU data) gives them: 2 for USD's cents, 0 for JPY and
 * KRW (no minor unit), 3 for KWD and BHD; 2 for a code it does not know. Not ISO 4217's table: ICU writes
 * HUF, IDR, COP and IQD in whole units (ISO 4217: 2, 2, 2, 3).
 *
 * @example currencyMinorDigits('JPY') // => 0
 */
export function currencyMinorDigits(currency: string): number {
  let digits = minorDigitsOfCode.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    minorDigitsOfCode.set(currency, digits);
  }
  return digits;
}

/**
 * The decimals trials.csv, sipmath.json and score.csv write a currency's amounts to at most: its
 * minor unit, the cent at least (yen keep their cents, as before; dinars their fils: at the cent a
 * KWD P50 of 0.075 read back as 0.08).
 *
 * @example writtenMoneyDecimals('KWD') // => 3; writtenMoneyDecimals('JPY') // => 2
 */
export const writtenMoneyDecimals = (currency: string): number => Math.max(2, currencyMinorDigits(currency));

/**
 * A currency as the terminal writes its amounts: without a symbol (its tables name the currency in
 * their headings) but with its minor unit's decimals, so ¥7 is "7", not "7.00".
 */
export interface BareCurrency {
  readonly symbol: '';
  readonly minorDigits: number;
}

/** The terminal's mark of a currency: no symbol, its minor unit's decimals. */
export const bareCurrency = (currency: string): BareCurrency => ({ symbol: '', minorDigits: currencyMinorDigits(currency) });

/** A currency as report.html, the charts, report.xlsx and the studio write its amounts: its symbol and its minor unit's decimals. */
export interface MarkedCurrency {
  readonly symbol: string;
  readonly minorDigits: number;
}

/**
 * The mark of a currency by its code: its symbol and its own minor digits, so that no formatter has
 * to tell the currency back from its symbol (markMinorDigits' table of every currency's symbol cost
 * the first time a run wrote an amount: CPU 0.21 against 0.19 s a process, below the noise, bench/mark-by-symbol.mjs).
 *
 * @example currencyMark('KWD') // => { symbol: 'KWD', minorDigits: 3 }
 */
export const currencyMark = (currency: string): MarkedCurrency => ({ symbol: currencySymbol(currency), minorDigits: currencyMinorDigits(currency) });

/**
 * What an amount is written with: a currency's mark (currencyMark: its symbol and minor digits; a
 * BareCurrency for the terminal), or a symbol alone ('$', '¥', 'KWD'), whose currency's minor unit
 * is then found from the symbol (markMinorDigits). A symbol no currency writes ('' alone, as tests
 * and digit counting pass it) caps nothing.
 */
export type CurrencyMark = string | MarkedCurrency;

/** The symbol a mark writes before an amount. */
export const markSymbol = (mark: CurrencyMark): string => (typeof mark === 'string' ? mark : mark.symbol);

let symbolDigits: Map<string, number> | undefined;

/**
 * The minor-unit decimals of the currency a mark names (undefined: no cap). A symbol names one
 * currency: en-US's symbols tell currencies apart ('$' USD, 'CA$', 'A$', '¥' JPY, 'CN¥'), checked
 * over every currency the runtime knows in test/report/currency-minor-digits.test.ts.
 */
export function markMinorDigits(mark: CurrencyMark): number | undefined {
  if (typeof mark !== 'string') return mark.minorDigits;
  if (mark === '') return undefined;
  if (symbolDigits === undefined) {
    symbolDigits = new Map();
    // XXX ("no currency") is not listed but has a symbol, '¤': its digits as bareCurrency('XXX') takes them.
    for (const code of [...Intl.supportedValuesOf('currency'), 'XXX']) symbolDigits.set(currencySymbol(code), currencyMinorDigits(code));
  }
  // A code ICU lists no symbol for (XYZ) is its own symbol: its digits are Intl's for it, as bareCurrency's.
  return symbolDigits.get(mark) ?? (/^[A-Z]{3}$/.test(mark) ? currencyMinorDigits(mark) : undefined);
}

/** "CHF" and other letter codes need a space before the amount; "$" and "€" do not. */
export const currencyPrefix = (mark: CurrencyMark) => {
  const symbol = markSymbol(mark);
  return /[A-Za-z]$/.test(symbol) ? `${symbol} ` : symbol;
};
const prefix = currencyPrefix;

/** The units amounts are written in, smallest first, with their size: tables, axes and labels use the same. */
export const MONEY_UNITS = [
  ['', 1],
  ['k', 1e3],
  ['M', 1e6],
  ['B', 1e9],
  ['T', 1e12],
] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number][0];

/** The size of a unit: 1e6 for 'M'. */
export const unitSize = (unit: MoneyUnit): number => MONEY_UNITS.find(([u]) => u === unit)![1];

/**
 * A non-negative amount in the unit a planner would write it in: thousands (k), millions (M),
 * billions (B) or trillions (T, from 1e12 up: amounts reach 1e15), or as it is below 1,000.
 *
 * @example moneyUnit(132162418) // => [132.162418, 'M']
 */
export function moneyUnit(abs: number): [number, MoneyUnit] {
  for (let i = MONEY_UNITS.length - 1; i > 0; i--) {
    const [unit, size] = MONEY_UNITS[i]!;
    if (abs >= size) return [abs / size, unit];
  }
  return [abs, ''];
}

/**
 * THE way every output writes an amount (the terminal without a symbol, report.html, report.xlsx's
 * text, the charts' labels, compare's files, the studio): `significantDigits` significant digits
 * (three unless an interval or a row of figures beside it needs more) and the unit a planner writes
 * it in, k/M/B/T, with its trailing zeros kept, so a figure shows the precision it is written at and
 * reads like its neighbours: 94,000,000 -> "$94.0M" beside "$94.3M", not "$94M"; 1,900,000 -> "$1.90M"
 * beside "$1.91M". 150000 -> "$150k", 2500 -> "$2.50k", -1234567 -> "-$1.23M", 0 -> "$0".
 * An amount that rounds to 1,000 of its unit is written in the next unit: 999,950 -> "$1.00M".
 * (Chart axes' ticks, round numbers on a scale, drop the zeros: moneyLabelExpr.)
 *
 * @example formatCurrency(150000, '$') // => '$150k'
 * @example formatCurrency(94e6, '$') // => '$94.0M'
 * Complexity: O(1).
 */
export function formatCurrency(value: number, symbol: CurrencyMark, significantDigits = 3): string {
  if (!Number.isFinite(value)) return '-';
  if (value === 0) return signedAmount(0, '0', symbol);
  const [scaled, unit] = moneyUnit(Math.abs(value));
  const text = unitDigits(scaled, unit, significantDigits, markMinorDigits(symbol));
  // 999.95k rounds to 1000k at three digits, so carry it to the next unit ("1.00M").
  if (Number(text) >= 1000 && unit !== 'T') {
    const next = MONEY_UNITS[MONEY_UNITS.findIndex(([u]) => u === unit) + 1]![0];
    return signedAmount(value, unitText(toPrecisionText(Number(text) / 1000, significantDigits), next), symbol);
  }
  return signedAmount(value, unitText(text, unit), symbol);
}

/**
 * An amount in its unit at `significantDigits`; below 1,000 (no unit) at most the currency's
 * minor-unit decimals (`minorDigits`; undefined: no cap): ¥7 is "7", not "7.00", $0.001234 "0.00".
 */
function unitDigits(scaled: number, unit: MoneyUnit, significantDigits: number, minorDigits: number | undefined): string {
  const text = toPrecisionText(scaled, significantDigits);
  if (unit !== '' || minorDigits === undefined || belowMinorUnit(scaled, minorDigits)) return text;
  return (text.split('.')[1]?.length ?? 0) > minorDigits ? toFixedDecimal(scaled, minorDigits) : text;
}

/**
 * Whether a non-zero amount below 1,000 would read as zero at its currency's minor unit (-$0.004 as
 * "$0.00", an s.e. of ¥0.4 as "¥0"): such an amount is not capped but keeps its significant digits
 * ("-$0.00400", "¥0.400"), so no amount that is not zero ever reads as zero.
 */
export function belowMinorUnit(abs: number, minorDigits: number): boolean {
  return abs !== 0 && Number(toFixedDecimal(Math.abs(abs), minorDigits)) === 0;
}

/**
 * THE carry of a unit, as every money formatter writes an amount in a unit: an amount is written in
 * the unit of its size (moneyUnit), and one that rounds to 1,000 of its unit in the next ("$1.00M",
 * not "$1000k": formatCurrency, and the set formatters that pick the unit of their largest member by
 * it); the largest unit, T, has no next, so its thousands, and only T's, are grouped:
 * 999,999,999,999,999 at three digits is "$1,000T", not "$1000T". Below T a whole part of four
 * digits is a missed carry, never grouped ("$1,000.00" for 999.996 was one).
 *
 * @example unitText('1000.00', 'T') // => '1,000.00T'
 */
export function unitText(digits: string, unit: MoneyUnit): string {
  return `${unit === 'T' ? groupThousands(digits) : digits}${unit}`;
}

/**
 * An amount's digits (written without its sign: '1.23M') after the sign of `value` and the
 * currency's symbol: '-$1.23M'. The one place the sign and the symbol are put together: the
 * studio's sliders did it again on formatMoney's text and read its '-' for a non-finite amount as a
 * minus sign ('-$'). A non-finite amount is '-' (no amount), as formatMoney and formatCurrency write it.
 *
 * @example signedAmount(-1234567, '1.23M', '$') // => '-$1.23M'
 */
export function signedAmount(value: number, digits: string, symbol: CurrencyMark): string {
  if (!Number.isFinite(value)) return '-';
  return `${value < 0 ? '-' : ''}${prefix(symbol)}${digits}`;
}

/**
 * A stated amount (a target, a monthly plan, an input) in a currency, as the planner gave it
 * (exactAmount) up to STATED_DIGITS significant digits: '$119.996M', not the three digits of an
 * estimate ('$120M', another target, and a value it is not); more digits rounded to those and marked:
 * 18,234,567.89 is '≈$18.2346M', not '$18.23456789M'.
 *
 * @example formatStatedCurrency(119_996_000, '$') // => '$119.996M'
 * @example formatStatedCurrency(18_234_567.89, '$') // => '≈$18.2346M'
 */
export function formatStatedCurrency(value: number, symbol: CurrencyMark): string {
  if (!Number.isFinite(value)) return '-';
  const { rounded, digits } = statedRounding(value);
  return rounded ? `${APPROXIMATELY}${formatCurrency(value, symbol, digits)}` : signedAmount(value, exactAmount(Math.abs(value)), symbol);
}

/**
 * A target's amount in a currency as its label writes it, every digit (exactAmount): the label names
 * the target in every output and summary.json, so the chart's target line and the studio's name of it
 * read as the label does ("$120.0000005M" beside "revenue >= 120.0000005M"), not "≈$120.000M".
 *
 * @example targetAmount(120_000_000.5, '$') // => '$120.0000005M'
 */
export function targetAmount(value: number, symbol: CurrencyMark): string {
  if (!Number.isFinite(value)) return '-';
  return signedAmount(value, exactAmount(Math.abs(value)), symbol);
}

/**
 * A stated amount without a symbol (the terminal's tables, whose headings name the currency), as
 * formatStatedCurrency writes it: '119.996M', '≈18.2346M'.
 *
 * @example statedAmount(18_234_567.89) // => '≈18.2346M'
 */
export function statedAmount(value: number, mark: CurrencyMark = ''): string {
  if (!Number.isFinite(value)) return '-';
  return formatStatedCurrency(value, mark);
}

/**
 * A Vega expression that formats the axis value `datum.value` like formatCurrency (three
 * significant digits, k/M/B), so the saved specs need nothing but Vega's built-in functions.
 *
 * @example moneyLabelExpr('$') // an expression for an axis's labelExpr
 */
export function moneyLabelExpr(symbol: CurrencyMark): string {
  // d3's SI prefix writes G for billions; finance writes B. Below 1,000 the amount is written as it
  // is: an SI prefix there is m (milli), and $0.5 read "$500m". From 1e12 up, trillions (T), as the
  // tables write them (SI would write P from 1e15). JSON.stringify quotes the symbol safely.
  // Below 1,000 at most the currency's minor-unit decimals (a yen axis's tick of 2.5 reads "¥3", as
  // formatCurrency writes it); trillions' thousands grouped ("1,000T"), as unitText groups them.
  const abs = 'abs(datum.value)';
  const minor = markMinorDigits(symbol);
  // A tick below half the minor unit keeps its digits (¥0.4, not "¥0"), as formatCurrency's belowMinorUnit.
  const small = minor === undefined ? abs : `(${abs} < ${0.5 / 10 ** minor} ? ${abs} : round(${abs} * ${10 ** minor}) / ${10 ** minor})`;
  return `(datum.value < 0 ? '-' : '') + ${JSON.stringify(prefix(symbol))} + (${abs} < 1000 ? format(${small}, '.3~r') : ${abs} >= 1e12 ? format(${abs} / 1e12, ',.3~r') + 'T' : replace(format(${abs}, '.3~s'), 'G', 'B'))`;
}

/**
 * THE way every output writes a share or a chance as a percentage (formatPercent is this, for the
 * terminal): one decimal, or two significant digits below 0.1% so a small share does not print as
 * 0.0% (a target one trial in 3,000 reaches: 0.033%; a component that gains a little in bad years:
 * -0.040%), and below 100% as many decimals as it takes not to print 100.0%.
 * 0.03 -> "3.0%", 0.0004 -> "0.040%", 0.99967 -> "99.97%".
 *
 * @example formatShare(0.004) // => '0.4%'
 */
export function formatShare(value: number): string {
  if (!Number.isFinite(value)) return '-';
  const pct = value * 100;
  if (pct !== 0 && Math.abs(pct) < 0.1) return `${twoSignificantDigits(pct)}%`;
  return `${toFixedDecimal(pct, decimalsBelowWhole(value))}%`;
}
