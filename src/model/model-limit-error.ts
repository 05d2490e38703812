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
    /** The field inside the tier, e.g. ['newBusiness', 'leadsPerMonth']. */
    readonly field: readonly string[],
    message: string,
  ) {
    super(message);
  }
}
