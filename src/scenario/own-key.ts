/**
 * Records keyed by names a user chose (tier names): any string is a key of its own, `__proto__`,
 * `constructor` and `toString` included. An assignment `record[name] = value` would set the record's
 * prototype for `__proto__`, and a read `record[name]` finds Object.prototype's members for the
 * others; these two never do.
 */

/** Set `record[key]` as an own, enumerable data property, whatever the key. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `record[key]` if the record has it as its own property, else undefined. */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
