/**
 * A scenario the schema accepts that the model cannot run: a driver that would take too long (a
 * million deals a month, each drawn one by one) or that gives numbers too large to add up. It names
 * the tier and the field (its path inside the tier), so the engine reports it as a problem of the
 * scenario at that field (see `engine/run-errors.ts`), the same in-process and from a worker.
 */
export class ModelLimitError extends RangeError {
  override readonly name = 'ModelLimitError';
  constructor(
    /** The tier's name. */
    readonly tier: string,
    /** The field inside the tier, e.g. ['newBusiness', 'leadsPerMonth'], a list's index a number (['newBusiness', 'leadSources', 2, 'conversion']) so the message finds its line. */
    readonly field: ReadonlyArray<string | number>,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A guard against a typo (leads of 1e12, a billion customers) turning a run into a hang: far beyond
 * any real company. Deals, and contracting or expanding customers, are each drawn one by one, per month.
 */
export const MAX_UNITS_PER_MONTH = 1_000_000;

/**
 * The most leads a month can hold: a count above 2^53 is no longer a whole number in floating point,
 * and a month's deals are Binomial(leads, conversion), whose n must be one. The schema takes a mean
 * up to 1e15, which seasonality (up to 12x), the market and a year-level draw can carry past it.
 */
export const MAX_LEADS_PER_MONTH = Number.MAX_SAFE_INTEGER;

/** More leads in a month than a count holds exactly: stop with the field to check. */
export function tooManyLeads(tier: string, field: ReadonlyArray<string | number>, count: number): never {
  throw new ModelLimitError(
    tier,
    field,
    `${tier}: ${count.toExponential(2)} leads in one month; above 2^53 (9.01e+15) a count is not a whole number in floating point: check leadsPerMonth (its mean, dispersion and seasonality)`,
  );
}

/** A trial-level driver drew NaN: stop, naming it, rather than simulate with it (a binomial with p = NaN never returns). */
export function drewNaN(tier: string, field: ReadonlyArray<string | number>): never {
  throw new ModelLimitError(tier, field, `${tier}: ${field.join('.')} drew NaN (not a number); check its parameters`);
}

/** Too many units drawn one by one in a month: stop with the field to check. */
export function tooManyUnits(tier: string, field: ReadonlyArray<string | number>, count: number, what: string, drawn: string, fix: string): never {
  throw new ModelLimitError(
    tier,
    field,
    `${tier}: ${count.toExponential(2)} ${what} in one month; each ${drawn} is drawn, so more than ${MAX_UNITS_PER_MONTH.toLocaleString('en-US')} a month would not finish: check ${fix}`,
  );
}
