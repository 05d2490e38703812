/**
 * The hint for a rate written as a percent (`conversion: 25` meant 25%): rates, shares and
 * probabilities are fractions, so a value above 1 and at most 100 in size is most likely a percent.
 * Empty for anything else (a number outside that band, or not a number).
 *
 * @example percentHint(25) // => '; did you mean 0.25 (or 25%)?'
 * @example percentHint(-5) // => '; did you mean -0.05 (or -5%)?'
 */
export function percentHint(value: unknown): string {
  if (typeof value !== 'number' || !(Math.abs(value) > 1 && Math.abs(value) <= 100)) return '';
  // Moving the decimal exponent gives the decimal a person means (33.3 -> 0.333, not 0.33299999...).
  return `; did you mean ${Number(`${value}e-2`)} (or ${value}%)?`;
}

/**
 * The fix for a distribution of a rate written in percents (a PERT of 80 / 88 / 95, quantiles
 * p10: 80, p50: 85): its central value, between 1 and 100 in size, stands for the percent. Empty
 * for anything else.
 *
 * @example percentValuesHint(88) // => 'its values look like percents (88 for 88%): write each as a fraction (0.88) or with % (88%)'
 */
export function percentValuesHint(central: unknown): string {
  if (percentHint(central) === '') return '';
  const value = central as number;
  return `its values look like percents (${value} for ${value}%): write each as a fraction (${Number(`${value}e-2`)}) or with % (${value}%)`;
}
