import { numberCell, readCsv, readCsvBytes, TierLookup, checkUniqueId, type CsvColumn } from '../scenario/csv-table.js';
import { quoteText } from '../scenario/display-text.js';
import { nameKey } from '../scenario/name-key.js';

/**
 * Renewal outcomes for `arrcast fit --customers`: one row per customer that came up for renewal
 * in the history's last 12 months, and whether it renewed.
 *
 * ```text
 * id,tier,arr,renewed
 * c-001,SMB,12000,1
 * c-002,SMB,8000,0
 * ```
 *
 * - `id` (required): unique in the file.
 * - `tier` (required): a tier of the history, ignoring case.
 * - `arr` (required): the ARR that was due, at least 0.
 * - `renewed` (required): 1 (or yes / true) renewed, 0 (or no / false) churned.
 */

/** One tier's renewals due, columnar. */
export interface TierOutcomes {
  readonly arr: number[];
  readonly renewed: boolean[];
}

const ID = 0;
const TIER = 1;
const ARR = 2;
const RENEWED = 3;
const COLUMNS: readonly CsvColumn[] = [
  { name: 'id', required: true, hints: ['customerid', 'customer', 'account'] },
  { name: 'tier', required: true, hints: ['segment'] },
  { name: 'arr', required: true, amount: true, least: 0, hints: ['duearr', 'arrdue'] },
  {
    name: 'renewed',
    required: true,
    reads: (c) => c === '' || YES.has(nameKey(c)) || NO.has(nameKey(c)),
    hints: ['outcome', 'renewal', 'status'],
    // A churned flag's 1 is renewed's 0: "did you mean renewed?" had the file read backwards once renamed.
    opposites: { names: ['churned', 'churn', 'ischurned', 'churnflag', 'lost', 'islost', 'cancelled', 'canceled'], fix: 'write a "renewed" column, 1 (or yes) for a customer that renewed and 0 (or no) for one that churned' },
  },
];

/** renewed's words, matched as a tier's name is (nameKey: case, fullwidth, invisible characters). */
const YES = new Set(['1', 'yes', 'true', 'y', 'renewed']);
const NO = new Set(['0', 'no', 'false', 'n', 'churned']);

/**
 * Validate a renewal-outcomes file for the history's tiers. Throws ScenarioError with every problem.
 *
 * @example parseRenewalOutcomes('id,tier,arr,renewed\nc1,SMB,100,1\n', 'c.csv', ['SMB']).get('SMB')!.renewed // => [true]
 * Complexity: O(size of the file).
 */
export function parseRenewalOutcomes(input: string | Buffer, file: string, tiers: readonly string[]): Map<string, TierOutcomes> {
  const lookup = new TierLookup(tiers, tiers, 'renewals');
  const t = readCsv(input, file, COLUMNS, 'customers', 'a renewal outcomes file', new Map([[TIER, (c: string) => lookup.knows(c)]]));
  const seen = new Map<string, number>();
  const out = new Map<string, TierOutcomes>(tiers.map((x) => [x, { arr: [], renewed: [] }]));
  for (let r = 0; r < t.rows.length; r++) {
    checkUniqueId(t, r, ID, seen, 'customer');
    const tier = lookup.resolve(t, r, TIER);
    const arr = numberCell(t, r, ARR, 'is required: the ARR that came up for renewal', 0, 1e12, (v) => (v < 0 ? `must be at least 0, got ${v}` : `must be at most 1e12, got ${v}`));
    const cell = nameKey(t.cell(r, RENEWED));
    const renewed = YES.has(cell) ? true : NO.has(cell) ? false : undefined;
    if (renewed === undefined) t.problem(r, RENEWED, `must be 1 (renewed) or 0 (churned), or yes / no; got ${quoteText(t.cell(r, RENEWED))}`);
    if (tier < 0 || Number.isNaN(arr) || renewed === undefined) continue;
    out.get(tiers[tier]!)!.arr.push(arr);
    out.get(tiers[tier]!)!.renewed.push(renewed);
  }
  t.throwIfProblems();
  return out;
}

/** Read a renewal-outcomes file, then parseRenewalOutcomes. */
export async function readRenewalOutcomes(path: string, tiers: readonly string[]): Promise<Map<string, TierOutcomes>> {
  return parseRenewalOutcomes(await readCsvBytes(path, path, undefined, undefined, 'a renewal outcomes file'), path, tiers);
}
