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
