import { amountBesideCurrencyCode } from './currency-code.js';
import { quoteText } from './display-text.js';
import { numberMeant, type NumberMeant } from './number-suggestion.js';

/**
 * Numbers as people write them, one set of rules for scenario files and for the command line
 * (`--target revenue=52M`, `--confidence 80%`):
 *
 * - a plain number: `110000`, `0.85`, `.5`, `-0.2`, `1.2e6`;
 * - thousands separators `,` or `_` between groups of three digits: `110,000`, `1_500_000`
 *   (`1,5` is refused, not read as 15 or 1.5, with "did you mean 1.5?": number-suggestion.ts; so is
 *   `0,125`, not read as 125: no group of thousands leads with 0);
 * - one suffix, upper or lower case, with or without a space: `%` (÷ 100), `k` (× 1e3),
 *   `M` (× 1e6), `B` (× 1e9), `T` (× 1e12): `85%` = 0.85, `110k` = 110000, `1.5M` = 1500000,
 *   `2B` = 2e9, `1.5T` = 1.5e12 (the units the outputs write amounts in, report/money.ts);
 * - no currency sign (`$110k` is refused, "write 110k"): amounts are in the scenario's currency,
 *   which need not be dollars.
 *
 * The value is the decimal written, rounded once to the nearest double (`0.1%` is exactly 0.001),
 * because the suffix moves the decimal exponent instead of multiplying.
 *
 * `%` makes a share, so it is refused where a number is not one (NumberKind): an amount in the
 * scenario's currency (`openingArr: 110%`, `--target revenue=110%` read as 1.1 would be met in
 * every trial) or a whole number, a count, month or year (`trials: 2000%` read as 20 trials).
 */

/**
 * What a number field holds, for its `%`: `any` number (a rate, a share, a shift, a weight: `85%`
 * is 0.85), an `amount` in the scenario's currency, a `count` or a mean count, which may have
 * decimals (leads a month, deals a rep closes), a `whole` number (a count, a month, a year), or a
 * number in its own `units` (a market factor in standard deviations, log-odds). The last four
 * refuse `%`: a share of nothing named is not an amount, a count or a measure.
 */
export type NumberKind = 'any' | 'amount' | 'count' | 'whole' | 'units';

/** The text of a human number, for the JSON Schema (`pattern`); `%` only for a number of kind `any`. */
export function humanNumberPattern(kind: NumberKind = 'any'): string {
  const suffixes = kind === 'any' ? '%kKmMbBtT' : 'kKmMbBtT';
  return `^\\s*[+-]?(?:(?:[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]{0,2}(?:_[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+|\\s*[${suffixes}])?\\s*$`;
}

const SHAPE = /^\s*([+-]?)((?:[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]{0,2}(?:_[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+)(?:[eE]([+-]?[0-9]+)|\s*([%kKmMbBtT]))?\s*$/;

/** Decimal places each suffix moves the number by. */
const SHIFT: Record<string, number> = { '%': -2, k: 3, m: 6, b: 9, t: 12 };

const CURRENCY = /^\s*[+-]?\s*[$€£¥]|[$€£¥]\s*$/;
/**
 * The text refused, quoted for the message: as JSON writes it, cut at 60 characters when longer (a
 * 30,000-character text was echoed whole, into a terminal or a studio refusal).
 */
const shownText = (text: string) => (text.length > 60 ? quoteText(text, 60) : JSON.stringify(text));

/** Numbers written as a field of each kind takes them, for the message refusing one that is not. */
const EXAMPLES: Record<NumberKind, string> = {
  any: 'write e.g. 0.85, 85%, 110k, 110,000, 1.5M or 2B',
  amount: 'write e.g. 110000, 110,000, 110k, 1.5M or 2B',
  count: 'write e.g. 800, 0.4, 1,500 or 1.5k',
  whole: 'write a whole number, e.g. 12, 2000, 1,500 or 20k',
  units: 'write e.g. 0.2 or -1.5',
};

/**
 * Either the number, or why the text is not one (a sentence that quotes the text). `advice`: the
 * number the message advises (`text`, which this reader takes) and the message without it
 * (`unadvised`), for a field whose own check refuses the advised value (checked-advice.ts).
 */
export type HumanNumber =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly message: string; readonly advice?: { readonly text: string; readonly unadvised: string }; readonly readings?: Readings };

/**
 * A refusal naming the numbers a text may have meant (`1.000`: 1000 or 1): `lead` says why it is
 * refused, `options` are the readings, each with what it takes the text to be. The message offers
 * them all (readingsAdvice); a field checks each against its range and offers only those it takes
 * (checked-advice.ts: a month's `2.000` is not told "write 2000").
 */
export interface Readings {
  readonly lead: string;
  readonly options: readonly { readonly text: string; readonly as?: string }[];
}

/**
 * The sentence of a refusal with readings, offering `kept` of them (all by default): "LEAD: write A
 * (as A) or B (as B), whichever it is", one "write A (as A)", none "neither A nor B is a number this
 * field takes".
 *
 * @example readingsAdvice({ lead: '"2.000" has a point', options: [{ text: '2000' }, { text: '2' }] }, [1]) // => '"2.000" has a point: write 2'
 */
export function readingsAdvice(readings: Readings, kept: readonly number[] = readings.options.map((_, i) => i)): string {
  const { lead, options } = readings;
  if (kept.length === 0) return `${lead}: neither ${options.map((o) => o.text).join(' nor ')} is a number this field takes`;
  const said = kept.map((i) => options[i]!).map((o) => (o.as === undefined ? o.text : `${o.text} (${o.as})`));
  return said.length === 1 ? `${lead}: write ${said[0]}` : `${lead}: write ${said.join(' or ')}, whichever it is`;
}

/** Why a percentage is refused where a number of `kind` goes. */
const NOT_A_SHARE: Record<Exclude<NumberKind, 'any'>, string> = {
  amount: "an amount in the scenario's currency, not a share: write the amount itself (e.g. 110M)",
  count: 'a number of things (leads, deals, customers), not a share: write the number itself, without %',
  units: 'a number in its own units (standard deviations, log-odds), not a share: write the number itself, without %',
  whole: 'a whole number (a count, a month or a year), not a share: write the number itself, without %',
};

/**
 * Read a number written as people write it (rules above); `kind` says whether `%` may be used;
 * `examples` are the numbers the message refusing a text that is no number gives (the kind's).
 *
 * @example readHumanNumber('1.5M') // => { ok: true, value: 1500000 }
 * @example readHumanNumber('85%') // => { ok: true, value: 0.85 }
 * @example readHumanNumber('110%', 'amount').ok // => false
 * Complexity: O(length of the text).
 */
export function readHumanNumber(text: string, kind: NumberKind = 'any', examples: string = EXAMPLES[kind]): HumanNumber {
  const m = SHAPE.exec(text);
  if (!m) {
    if (CURRENCY.test(text)) {
      // The number without its sign, if this field reads it ('-$5M' is -5M); else the one that
      // number most likely meant ('$1,5M' is 1.5M); else no number: '$1,5M' was told "write 1,5M".
      const bare = text.replace(/[$€£¥]/g, '').trim().replace(/^([+-])\s+/, '$1');
      const said = (advice: string) => `${shownText(text)} has a currency sign: ${advice} (amounts are in the scenario's currency)`;
      const unadvised = said(examples);
      // In money (`€12.000`) a point before three digits may be a European thousands separator, as the
      // CSV readers take it (export-forms.ts): "write 12.000" advised twelve for twelve thousand.
      const point = SHAPE.test(bare) ? pointAdvice(bare, kind === 'amount' ? 'amount' : 'any') : undefined;
      if (point !== undefined) return { ok: false, message: said(point) };
      const meant = readHumanNumber(bare, kind).ok ? bare : numberAdvice(bare, kind)?.text;
      return meant === undefined ? { ok: false, message: unadvised } : { ok: false, message: said(`write ${meant}`), advice: { text: meant, unadvised } };
    }
    // `5M USD`, `EUR 1.2M`: a currency's code beside the amount, as a finance sheet writes it.
    // (Once: `USD USD 5M` is not unwrapped code by code, a long text's recursion deep.)
    const bare = amountBesideCurrencyCode(text);
    if (bare !== undefined && amountBesideCurrencyCode(bare) === undefined) {
      const meantBare = readHumanNumber(bare, kind).ok ? bare : numberAdvice(bare, kind)?.text;
      if (meantBare !== undefined) {
        const unadvised = `${shownText(text)} has a currency code: ${examples} (amounts are in the scenario's currency, its currency field)`;
        return { ok: false, message: `${shownText(text)} has a currency code: write ${meantBare} (amounts are in the scenario's currency, its currency field)`, advice: { text: meantBare, unadvised } };
      }
    }
    const meant = numberAdvice(text, kind);
    const unadvised = `${shownText(text)} is not a number: ${examples}`;
    return meant === undefined ? { ok: false, message: unadvised } : { ok: false, message: `${shownText(text)} is not a number: did you mean ${meant.text}? ${meant.why}`, advice: { text: meant.text, unadvised } };
  }
  const [, sign, digits, exponent, suffix] = m;
  // A whole number (a count of customers, trials, a month) written with `.000` too: `customers:
  // 1.000` is a thousand or one, as a CSV count column and --trials refuse it (other decimals are
  // refused by the field as not whole). A mean count (`leadsPerMonth: 1.000`, `12.500`, a Poisson's
  // mean) as money: 12,500 leads a month is as likely a funnel as 12.5, so both are offered.
  const point = kind === 'amount' || kind === 'count' || (kind === 'whole' && /\.000\s*$/.test(text)) ? pointReadings(text, kind === 'amount' ? 'amount' : 'any') : undefined;
  if (point !== undefined) return { ok: false, message: readingsAdvice(point), readings: point };
  if (suffix === '%' && kind !== 'any') return { ok: false, message: `${shownText(text)} is a percentage, but this is ${NOT_A_SHARE[kind]}` };
  const shift = (exponent !== undefined ? Number(exponent) : 0) + (suffix ? SHIFT[suffix.toLowerCase()]! : 0);
  const value = Number(`${sign}${digits!.replace(/[,_]/g, '')}e${shift}`);
  if (!Number.isFinite(value)) return { ok: false, message: `${shownText(text)} is too large a number` };
  return { ok: true, value };
}

/**
 * In money (and a count, or a whole number written `1.000`), a point before exactly three digits (`22.500`) may be a European thousands separator or a
 * decimal point: the readings, as the CSV readers refuse such a money cell
 * (export-forms.ts amountPointProblem); in money the decimal reading only when it does not end in three digits
 * again (`1.234` is offered as 1234 alone, as there). `kind` `any`: both readings always (a count's
 * `1.234` may be a mean; a currency sign's text, whatever the field). Undefined for any
 * other text, and for a number with a k, M, B or T after it (`1.500M`, `112.500M`): nobody groups the
 * thousands of a figure already in millions, so its point is a decimal point, read as before (the
 * grouped reading advised 1234M, a thousand times too much, for `1.234M`).
 *
 * @example readingsAdvice(pointReadings('22.500', 'amount')!) // => '"22.500" has a point that is a thousands separator or a decimal point: write 22500 (the point a thousands separator) or 22.5 (a decimal point), whichever it is'
 */
function pointReadings(text: string, kind: 'amount' | 'any'): Readings | undefined {
  const m = /^\s*([+-]?)([1-9]\d{0,2})\.(\d{3})\s*$/.exec(text);
  if (m === null) return undefined;
  const [, sign, whole, three] = m;
  const decimals = three!.replace(/0+$/, '');
  const grouped = { text: `${sign}${whole}${three}`, as: 'the point a thousands separator' };
  const decimal = { text: `${sign}${whole}${decimals === '' ? '' : `.${decimals}`}`, as: 'a decimal point' };
  return {
    lead: `${shownText(text)} has a point that is a thousands separator or a decimal point`,
    options: kind === 'amount' && decimals.length === 3 ? [grouped] : [grouped, decimal],
  };
}

/** The advice of pointReadings alone, "write A (...) or B (...), whichever it is", for a currency sign's message. */
function pointAdvice(text: string, kind: 'amount' | 'any'): string | undefined {
  const readings = pointReadings(text, kind);
  return readings === undefined ? undefined : readingsAdvice({ ...readings, lead: '' }).slice(2);
}

/**
 * The number a text that is no number most likely meant (numberMeant: 0.125 for '0,125', since
 * "the decimal point is '.', not ','"), only when a field of `kind` reads it, whole for a whole
 * number: '86,5%' in an amount is not answered "86.5%?", which the amount refuses too, nor '1,5'
 * in a count of trials "1.5?". Undefined when there is no such number. Whether the field's own
 * range takes it is the field's check (checked-advice.ts; the CLI's options in parse-options.ts).
 *
 * @example numberAdvice('0,86') // => { text: '0.86', why: '(the decimal point is ".", not ",")' }
 * @example numberAdvice('86,5%', 'amount') // => undefined
 */
export function numberAdvice(text: string, kind: NumberKind = 'any'): NumberMeant | undefined {
  const meant = numberMeant(text);
  if (meant === undefined) return undefined;
  const r = readHumanNumber(meant.text, kind);
  return r.ok && (kind !== 'whole' || Number.isInteger(r.value)) ? meant : undefined;
}

/**
 * The number, or throw an Error whose message says why not.
 *
 * @example parseHumanNumber('110k') // => 110000
 */
export function parseHumanNumber(text: string): number {
  const r = readHumanNumber(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}
