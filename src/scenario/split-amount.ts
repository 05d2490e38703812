/** An amount written with thousands commas (`86,500`, `-1,234,567.50`, `$86,500`), as it reads once its split fields are joined. */
const THOUSANDS_AMOUNT = /^[+-]?\s*[$\u20ac\u00a3]?\s*\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** One amount split by its unquoted thousands commas: the field it starts at (in the header's columns) and the amount joined. */
export interface SplitAmount {
  readonly field: number;
  readonly joined: string;
}

/** The most extra fields a row may hold for its splits to be looked for (the ways to share them out grow fast). */
const MOST_EXTRA = 8;

/**
 * Where a CSV row holding `extra` fields more than the header's `width` columns holds amounts split
 * by their unquoted thousands commas: `c1,SMB,86,500,2027-03` under `id,tier,arr,next_renewal` is
 * `86,500` in arr when fields 2 and 3, joined by a comma, read as a number with thousands commas
 * and field 2 is an amount column's (`amountFields`, by field index), and the row so joined reads
 * in its other columns (`reads`, by field index: a month, a number): `Acme, Inc,SMB,2026-03,12,500`
 * under `id,tier,next_renewal,term_months,arr` joins 12,500 only by reading "SMB" as next_renewal,
 * so its comma is the name's. Several amounts of one row may be split (`1,SMB,86,500,1,286,000`
 * under `month,tier,new_arr,ending_arr`): the extra fields are shared out among the amount columns
 * every way, and the one way that reads is returned, its splits in column order; undefined when no
 * way reads or more than one does (the row is then refused without naming a number: which comma is
 * a number's cannot be told), or past MOST_EXTRA extra fields.
 *
 * @example splitAmounts(['c1', 'SMB', '86', '500', '2027-03'], 4, 1, new Set([2])) // => [{ field: 2, joined: '86,500' }]
 * Complexity: O(ways x width), ways at most C(extra + amount columns, amount columns).
 */
export function splitAmounts(
  record: readonly string[],
  width: number,
  extra: number,
  amountFields: ReadonlySet<number>,
  reads: ReadonlyMap<number, (cell: string) => boolean> = new Map(),
): readonly SplitAmount[] | undefined {
  if (extra < 1 || extra > MOST_EXTRA) return undefined;
  const fields = [...amountFields].filter((f) => f >= 0 && f < width).sort((a, b) => a - b);
  // Commas taken out of each amount column (0: not split), in the order of `fields`.
  const taken = fields.map(() => 0);
  let found: SplitAmount[] | undefined;
  let ways = 0;
  // Field f of the joined row is the record's field f + the commas taken by the split columns before it.
  const shiftBefore = (f: number) => fields.reduce((sum, g, i) => (g < f ? sum + taken[i]! : sum), 0);
  const othersRead = () =>
    [...reads].every(([f, read]) => f >= width || (taken[fields.indexOf(f)] ?? 0) > 0 || read(record[f + shiftBefore(f)] ?? ''));
  const search = (i: number, left: number): void => {
    if (ways > 1) return;
    if (i === fields.length) {
      if (left !== 0 || !othersRead()) return;
      ways++;
      found = fields.flatMap((f, j) => (taken[j]! > 0 ? [{ field: f, joined: record.slice(f + shiftBefore(f), f + shiftBefore(f) + taken[j]! + 1).join(',') }] : []));
      return;
    }
    for (let k = 0; k <= left; k++) {
      taken[i] = k;
      if (k > 0) {
        const at = fields[i]! + shiftBefore(fields[i]!);
        if (!THOUSANDS_AMOUNT.test(record.slice(at, at + k + 1).join(','))) continue;
      }
      search(i + 1, left - k);
    }
    taken[i] = 0;
  };
  search(0, extra);
  return ways === 1 ? found : undefined;
}
