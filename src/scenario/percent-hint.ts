/**
 * The values a field accepts, [min, max], the ends included unless `open`: a hint names a fraction
 * only if the field then accepts it (an escalator of 60 is not "0.6": the field stops at 0.5; a
 * share of -5 is not "-0.05": a share is at least 0; a beta's mean of 100 is not "1").
 */
export interface Accepted {
  readonly min: number;
  readonly max: number;
  readonly open?: boolean;
}

/** [0, 1]: a rate, a share or a probability. */
export const UNIT_INTERVAL: Accepted = { min: 0, max: 1 };

/** (0, 1): a share strictly between its ends (a confidence, a nominal coverage). */
export const OPEN_UNIT_INTERVAL: Accepted = { min: 0, max: 1, open: true };

/**
 * The fraction `value` percent is, if the field accepts it; undefined when `value` does not look like a
 * percent or the fraction is refused. The one decision behind every percent hint: the scenario's fields
 * (below), a pipeline file's probability column (pipeline-file.ts) and the library's shares
 * (share-argument.ts) all ask it (the last two had their own bands: a probability of 1.5 had no hint, a
 * coverage of 100 was told to pass 1, which it refuses, and 33.3 was told 0.33299999999999996).
 *
 * @example percentFraction(33.3, UNIT_INTERVAL) // => 0.333
 * @example percentFraction(100, OPEN_UNIT_INTERVAL) // => undefined
 */
export function percentFraction(value: unknown, accepted: Accepted): number | undefined {
  if (typeof value !== 'number' || !(Math.abs(value) > 1 && Math.abs(value) <= 100)) return undefined;
  // Moving the decimal exponent gives the decimal a person means (33.3 -> 0.333, not 0.33299999...).
  const fraction = Number(`${value}e-2`);
  const inside = accepted.open ? fraction > accepted.min && fraction < accepted.max : fraction >= accepted.min && fraction <= accepted.max;
  return inside ? fraction : undefined;
}

/**
 * The hint for a rate written as a percent (`conversion: 25` meant 25%): rates, shares and
 * probabilities are fractions, so a value above 1 and at most 100 in size is most likely a percent.
 * Empty for anything else (a number outside that band, or not a number), and when the field would
 * refuse the fraction too (`accepted`).
 *
 * @example percentHint(25, UNIT_INTERVAL) // => '; did you mean 0.25 (or 25%)?'
 * @example percentHint(-5, { min: -1, max: 1 }) // => '; did you mean -0.05 (or -5%)?'
 * @example percentHint(-5, UNIT_INTERVAL) // => ''
 */
export function percentHint(value: unknown, accepted: Accepted): string {
  const fraction = percentFraction(value, accepted);
  return fraction === undefined ? '' : `; did you mean ${fraction} (or ${value as number}%)?`;
}

/**
 * The fix for a distribution of a rate written in percents (a PERT of 80 / 88 / 95, quantiles
 * p10: 80, p50: 85): its central value, between 1 and 100 in size, stands for the percent. Empty
 * for anything else, and when the field would refuse that fraction (`accepted`).
 *
 * @example percentValuesHint(88, UNIT_INTERVAL) // => 'its values look like percents (88 for 88%): write each as a fraction (0.88) or with % (88%)'
 */
export function percentValuesHint(central: unknown, accepted: Accepted): string {
  const fraction = percentFraction(central, accepted);
  if (fraction === undefined) return '';
  const value = central as number;
  return `its values look like percents (${value} for ${value}%): write each as a fraction (${fraction}) or with % (${value}%)`;
}

/**
 * The hint for a monthly rate (a rep's attrition) written as a percent: as percentHint, and since
 * a planner's figure is often a year's (`attrition: 17` for 17% of reps leaving in a year), the
 * month's rate that year's rate means, 1 - (1 - y)^(1/12): taking 0.17 a month for it would lose
 * 89% of the reps in a year. Empty where percentHint is.
 *
 * @example monthlyPercentHint(17) // => "; did you mean 0.17 (or 17%)? It is a month's rate: if 17% is a year's, write 0.0154 (1.54%) a month"
 */
export function monthlyPercentHint(value: unknown): string {
  const hint = percentHint(value, UNIT_INTERVAL);
  const month = monthOfYearWords(value);
  return hint === '' || month === '' ? hint : `${hint} ${month}`;
}

/**
 * percentValuesHint for a distribution of a monthly rate (`{ dist: pert, min: 10, mode: 17, max: 25 }`
 * of a rep's attrition), with the month's rate its central value means if it is a year's. Empty where
 * percentValuesHint is.
 *
 * @example monthlyPercentValuesHint(17) // => "its values look like percents (17 for 17%): write each as a fraction (0.17) or with % (17%). It is a month's rate: if 17% is a year's, write 0.0154 (1.54%) a month"
 */
export function monthlyPercentValuesHint(central: unknown): string {
  const hint = percentValuesHint(central, UNIT_INTERVAL);
  const month = monthOfYearWords(central);
  return hint === '' || month === '' ? hint : `${hint}. ${month}`;
}

/**
 * "It is a month's rate: if 17% is a year's, write 0.0154 (1.54%) a month": the month's rate
 * 1 - (1 - y)^(1/12) a year's rate of `value` percent means. Empty outside (0, 100).
 *
 * @example monthOfYearWords(17) // => "It is a month's rate: if 17% is a year's, write 0.0154 (1.54%) a month"
 */
export function monthOfYearWords(value: unknown): string {
  if (typeof value !== 'number' || !(value > 0 && value < 100)) return '';
  const month = 1 - (1 - value / 100) ** (1 / 12);
  return `It is a month's rate: if ${value}% is a year's, write ${Number(month.toPrecision(3))} (${Number((month * 100).toPrecision(3))}%) a month`;
}

/**
 * `message` without the percent hint one of this file's functions ended it with (percentHint,
 * percentValuesHint, and their monthly forms): for a problem another reading explains better (a
 * decimal comma in a [ ] list, whose 0,05 read as 0 and 5 is not 5%). `message` itself where it has none.
 *
 * @example withoutPercentHint('a ramp share must be in [0, 1]; did you mean 0.05 (or 5%)?') // => 'a ramp share must be in [0, 1]'
 */
export function withoutPercentHint(message: string): string {
  return message.replace(PERCENT_HINT, '');
}

const MONTH_WORDS = String.raw`It is a month's rate: if [^;]*? a month`;
const PERCENT_HINT = new RegExp(
  String.raw`; (?:did you mean [-0-9.e+]+ \(or [-0-9.e+]+%\)\?(?: ${MONTH_WORDS})?|its values look like percents \([^)]*\): write each as a fraction \([^)]*\) or with % \([^)]*\)(?:\. ${MONTH_WORDS})?)`,
);
