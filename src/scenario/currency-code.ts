/** Codes for the currency signs and words a planner most often writes instead of one. */
const MEANT: Readonly<Record<string, string>> = {
  $: 'USD',
  'us$': 'USD',
  dollar: 'USD',
  dollars: 'USD',
  'us dollars': 'USD',
  '€': 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  '£': 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
  sterling: 'GBP',
  '¥': 'JPY',
  yen: 'JPY',
};

/**
 * Why a scenario's `currency` is refused, with the code most likely meant: `usd` -> "did you mean
 * USD?", `$` or `dollars` -> USD, `€` -> EUR.
 *
 * @example currencyCodeError('usd') // => 'currency is a three-letter ISO 4217 code such as USD; did you mean USD?'
 */
export function currencyCodeError(input: unknown): string {
  const rule = 'currency is a three-letter ISO 4217 code such as USD';
  if (typeof input !== 'string') return rule;
  const text = input.trim();
  const meant = /^[A-Za-z]{3}$/.test(text) ? text.toUpperCase() : MEANT[text.toLowerCase()];
  return meant === undefined || meant === input ? rule : `${rule}; did you mean ${meant}?`;
}

/**
 * A currency's code beside an amount (`5M USD`, `EUR 1.2M`), one rule for the scenario file's and
 * the command line's numbers (human-number.ts) and the CSV readers' cells (export-forms.ts): three
 * capital letters, ISO 4217's form (any code, not a list: a scenario's currency may be any), at
 * either end of the amount, a space or none between. Lower case (`5M usd`) is not taken for a
 * code: `1.5 mln`, `12 pcs` are words, not currencies.
 */
export const CURRENCY_CODE_SOURCE = '[A-Z]{3}';

const CODE = new RegExp(`^${CURRENCY_CODE_SOURCE}$`);

/** Whether `word` is a currency's code by the rule above. */
export function isCurrencyCode(word: string): boolean {
  return CODE.test(word);
}

/**
 * The amount written beside a currency code at either end of `text` (`5M USD` -> `5M`,
 * `EUR 1.2M` -> `1.2M`), trimmed; undefined when neither end is a code or nothing else is written.
 * By slicing, not one pattern over the whole text: a pattern with a lazy `(.+?)` before `\s*CODE`
 * tried every split of a long text (quadratic: 40,000 spaces took seconds).
 * Complexity: O(length of the text).
 *
 * @example amountBesideCurrencyCode(' EUR 1.2M ') // => '1.2M'
 * @example amountBesideCurrencyCode('5m usd') // => undefined
 */
export function amountBesideCurrencyCode(text: string): string | undefined {
  const t = text.trim();
  if (t.length <= 3) return undefined;
  if (isCurrencyCode(t.slice(0, 3))) return t.slice(3).trim();
  if (isCurrencyCode(t.slice(-3))) return t.slice(0, -3).trim();
  return undefined;
}
