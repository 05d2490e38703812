/** An amount written with thousands commas (`86,500`, `-1,234,567.50`, `$86,500`), as it reads once its split fields are joined. */
const THOUSANDS_AMOUNT = /^[+-]?\s*[$\u20ac\u00a3]?\s*\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Where a CSV row holding `extra` fields more than the header's `width` columns holds one amount
 * split by its unquoted thousands commas: `c1,SMB,86,500,2027-03` under `id,tier,arr,next_renewal`
 * is `86,500` in arr when fields 2 and 3, joined by a comma, read as a number with thousands commas
 * and field 2 is an amount column's (`amountFields`, by field index), and the row so joined reads
 * in its other columns (`reads`, by field index: a month, a number): `Acme, Inc,SMB,2026-03,12,500`
 * under `id,tier,next_renewal,term_months,arr` joins 12,500 only by reading "SMB" as next_renewal,
 * so its comma is the name's. The one such place, or undefined when there is none or more than one
 * (the row is then refused without naming a number: which comma is the number's cannot be told).
 *
 * @example splitAmount(['c1', 'SMB', '86', '500', '2027-03'], 4, 1, new Set([2])) // => { field: 2, joined: '86,500' }
 * Complexity: O(width x extra x amount columns).
 */
export function splitAmount(
  record: readonly string[],
  width: number,
  extra: number,
  amountFields: ReadonlySet<number>,
  reads: ReadonlyMap<number, (cell: string) => boolean> = new Map(),
): { readonly field: number; readonly joined: string } | undefined {
  if (extra < 1) return undefined;
  let found: { field: number; joined: string } | undefined;
  for (const field of amountFields) {
    if (field < 0 || field >= width) continue;
    const joined = record.slice(field, field + extra + 1).join(',');
    if (!THOUSANDS_AMOUNT.test(joined)) continue;
    // Field f of the joined row: the record's own before the split, `extra` further on after it.
    const othersRead = [...reads].every(([f, read]) => f === field || f >= width || read(record[f < field ? f : f + extra] ?? ''));
    if (!othersRead) continue;
    if (found !== undefined) return undefined;
    found = { field, joined };
  }
  return found;
}
