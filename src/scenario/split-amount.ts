/** An amount written with thousands commas (`86,500`, `-1,234,567.50`, `$86,500`), as it reads once its split fields are joined. */
const THOUSANDS_AMOUNT = /^[+-]?\s*[$\u20ac\u00a3]?\s*\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** One amount split by its unquoted thousands commas: the field it starts at (in the header's columns) and the amount joined. */
export interface SplitAmount {
  readonly field: number;
  readonly joined: string;
}

/** The most extra fields a row may hold for its splits to be looked for (the ways to share them out grow fast). */
const MOST_EXTRA = 8;
/** The most readings kept to be shown; the others are counted. */
const MOST_KEPT = 3;
/**
 * The most steps (a number of commas tried in one amount column) the search takes: 9 amount columns
 * sharing 8 extra fields of `100` have 12,870 ways, and took 11 ms a row; past this many steps the
 * readings found so far are given as a lower bound.
 */
const MOST_STEPS = 1000;

/** The ways a row's extra fields read as amounts split by thousands commas. */
export interface SplitReadings {
  /** The first readings found (at most MOST_KEPT), each its splits in column order. */
  readonly first: readonly (readonly SplitAmount[])[];
  /** How many readings there are; when not `complete`, how many were found before the search stopped (at least this many). */
  readonly count: number;
  readonly complete: boolean;
}

/**
 * Where a CSV row holding `extra` fields more than the header's `width` columns holds amounts split
 * by their unquoted thousands commas: `c1,SMB,86,500,2027-03` under `id,tier,arr,next_renewal` is
 * `86,500` in arr when fields 2 and 3, joined by a comma, read as a number with thousands commas
 * and field 2 is an amount column's (`amountFields`, by field index), and the row so joined reads
 * in its other columns (`reads`, by field index: a month, a number): `Acme, Inc,SMB,2026-03,12,500`
 * under `id,tier,next_renewal,term_months,arr` joins 12,500 only by reading "SMB" as next_renewal,
 * so its comma is the name's. Several amounts of one row may be split (`1,SMB,86,500,1,286,000`
 * under `month,tier,new_arr,ending_arr`): the extra fields are shared out among the amount columns
 * every way, and the ways that read are returned (the first MOST_KEPT, and their count); undefined
 * when no way reads, or past MOST_EXTRA extra fields. A column that reads is checked as soon as the
 * commas before it are shared out, so a row that cannot read (an unreadable month) stops at once, and
 * the search stops after MOST_STEPS steps.
 *
 * @example splitAmounts(['c1', 'SMB', '86', '500', '2027-03'], 4, 1, new Set([2])) // => { first: [[{ field: 2, joined: '86,500' }]], count: 1, complete: true }
 * Complexity: O(min(ways, MOST_STEPS) x width), ways at most C(extra + amount columns, amount columns).
 */
export function splitAmounts(
  record: readonly string[],
  width: number,
  extra: number,
  amountFields: ReadonlySet<number>,
  reads: ReadonlyMap<number, (cell: string) => boolean> = new Map(),
): SplitReadings | undefined {
  if (extra < 1 || extra > MOST_EXTRA) return undefined;
  const fields = [...amountFields].filter((f) => f >= 0 && f < width).sort((a, b) => a - b);
  // Commas taken out of each amount column (0: not split), in the order of `fields`.
  const taken = fields.map(() => 0);
  const first: SplitAmount[][] = [];
  let count = 0;
  let steps = 0;
  // Field f of the joined row is the record's field f + the commas taken by the split columns before it.
  const shiftBefore = (f: number) => fields.reduce((sum, g, i) => (g < f ? sum + taken[i]! : sum), 0);
  // The columns that read whose place is known once the first i amount columns have their commas:
  // those from the (i-1)th amount column (itself, when not split) up to the ith.
  const readsAt = Array.from({ length: fields.length + 1 }, (_, i) =>
    [...reads].filter(([f]) => f < width && f >= (i === 0 ? -Infinity : fields[i - 1]!) && f < (i === fields.length ? width : fields[i]!)),
  );
  const readAt = (i: number) => readsAt[i]!.every(([f, read]) => (taken[fields.indexOf(f)] ?? 0) > 0 || read(record[f + shiftBefore(f)] ?? ''));
  const search = (i: number, left: number): void => {
    if (steps > MOST_STEPS || !readAt(i)) return;
    if (i === fields.length) {
      if (left !== 0) return;
      if (++count <= MOST_KEPT)
        first.push(fields.flatMap((f, j) => (taken[j]! > 0 ? [{ field: f, joined: record.slice(f + shiftBefore(f), f + shiftBefore(f) + taken[j]! + 1).join(',') }] : [])));
      return;
    }
    for (let k = 0; k <= left && steps <= MOST_STEPS; k++) {
      steps++;
      taken[i] = k;
      if (k > 0) {
        const at = fields[i]! + shiftBefore(fields[i]!);
        // A piece that cannot be in an amount here cannot be in it with more pieces after it either.
        if (!THOUSANDS_AMOUNT.test(record.slice(at, at + k + 1).join(','))) break;
      }
      search(i + 1, left - k);
    }
    taken[i] = 0;
  };
  search(0, extra);
  return count === 0 ? undefined : { first, count, complete: steps <= MOST_STEPS };
}
