import {
  closest,
  fiscalMonth,
  numberCell,
  pick,
  readCsv,
  readCsvBytes,
  rowsByGroup,
  TierLookup,
  type CsvColumn,
  type CsvTable,
  type FiscalCalendar,
  type MonthRule,
  checkUniqueId,
  readsAsMonth, readsAsNumber,
} from './csv-table.js';
import { quoteText } from './display-text.js';
import { percentFraction, UNIT_INTERVAL } from './percent-hint.js';
import { nameKey } from './name-key.js';

/**
 * An opening-pipeline file: the opportunities open at the start of the year, one row each.
 *
 * ```csv
 * id,tier,amount,probability,stage,close_month
 * o-1,ent,80000,0.4,,3
 * o-2,ent,120000,,Proposal,2027-05
 * ```
 *
 * - `id` (required): unique in the file (exact text).
 * - `tier` (required): the tier the opportunity belongs to, ignoring case.
 * - `amount` (required): ACV if won, currency, 0 to 1e12.
 * - `probability` and/or `stage` (at least one of the columns): per row exactly one of them, the win
 *   probability in [0, 1] or a stage named in the scenario's stage map (ignoring case).
 * - `close_month` (required): expected close, fiscal month 1 to 12, or a date YYYY-MM or YYYY-MM-DD
 *   (needs `fiscalYear`). Opportunities expected after the year do not belong in the file.
 */

/** One tier's open opportunities at the start of the year, columnar, in SharedArrayBuffers. */
export interface PipelineBook {
  /** The file, as given to the reader (for messages). */
  readonly file: string;
  /** Opportunities. */
  readonly size: number;
  /** ACV of the opportunity if won, currency. */
  readonly amount: Float64Array;
  /** Win probability in [0, 1] (from the probability column or the stage map). */
  readonly probability: Float64Array;
  /** Expected close, fiscal month 1..12. */
  readonly closeMonth: Int32Array;
}

const ID = 0;
const TIER = 1;
const AMOUNT = 2;
const PROBABILITY = 3;
const STAGE = 4;
const CLOSE = 5;

const COLUMNS: readonly CsvColumn[] = [
  { name: 'id', required: true, hints: ['opportunityid', 'opportunity', 'opp', 'oppid', 'dealid', 'deal', 'name'] },
  { name: 'tier', required: true, hints: ['segment', 'plan', 'tiername'] },
  { name: 'amount', required: true, amount: true, least: 0, hints: ['acv', 'value', 'dealvalue', 'dealsize', 'arr'] },
  { name: 'probability', reads: readsAsNumber, oneOf: 'the win probability of each opportunity', hints: ['prob', 'winprobability', 'winrate', 'likelihood'] },
  { name: 'stage', oneOf: 'the win probability of each opportunity', hints: ['dealstage', 'salesstage', 'opportunitystage'] },
  { name: 'close_month', required: true, reads: readsAsMonth, hints: ['closedate', 'expectedclose', 'expectedclosedate', 'close', 'month'] },
];

const MAX_AMOUNT = 1e12;

const CLOSE_MONTH: MonthRule = {
  max: 12,
  beforeStart: (what, start) => `${what}: expected close before the year starts (${start}); it is overdue: give month 1`,
  afterMax: (what, start) => `${what} is after the fiscal year (which starts ${start}): drop opportunities expected to close after the year from the file`,
};

const amountRange = (v: number) => (v < 0 ? `must be at least 0, got ${v}` : `must be at most ${MAX_AMOUNT.toExponential()}, got ${v}`);
const probabilityRange = (v: number) => {
  const fraction = percentFraction(v, UNIT_INTERVAL);
  return `must be a win probability within [0, 1], got ${v}${fraction === undefined ? '' : ` (write ${v}% as ${fraction})`}`;
};

/**
 * Read an opening-pipeline file; rows are grouped by their tier column. `tiers` = tier names that take
 * their pipeline from this file (the keys of the result, in that order); `allTiers` = every tier of the
 * scenario; `stages` = win probability by stage name, for a `stage` column. Every problem in the file
 * is reported at once (see csv-table.ts for positions); nothing is returned unless all is valid.
 *
 * @example readPipelines('id,tier,amount,probability,close_month\no1,ent,5000,0.3,2\n', 'p.csv', ['ent'], ['ent'], { startMonth: 1 }, undefined).get('ent')!.closeMonth // => Int32Array [2]
 * Complexity: O(size of the file).
 */
export function readPipelines(
  text: string | Buffer,
  file: string,
  tiers: readonly string[],
  allTiers: readonly string[],
  calendar: FiscalCalendar,
  stages: Readonly<Record<string, number>> | undefined,
): Map<string, PipelineBook> {
  const lookup = new TierLookup(tiers, allTiers, 'pipeline');
  const t = readCsv(text, file, COLUMNS, 'opportunities', undefined, new Map([[TIER, (c: string) => lookup.knows(c)]]));
  const n = t.rows.length;
  const tierOf = new Int32Array(n);
  const amount = new Float64Array(n);
  const probability = new Float64Array(n);
  const closeMonth = new Int32Array(n);
  const stageMap = stages && new StageMap(stages);
  const seen = new Map<string, number>();

  for (let r = 0; r < n; r++) {
    checkUniqueId(t, r, ID, seen, 'opportunity');
    tierOf[r] = lookup.resolve(t, r, TIER);
    amount[r] = numberCell(t, r, AMOUNT, 'is required: the ACV if the opportunity is won', 0, MAX_AMOUNT, amountRange);
    probability[r] = readProbability(t, r, stageMap);
    const close = t.cell(r, CLOSE);
    if (close === '') t.problem(r, CLOSE, 'is required: the fiscal month (1..12) or date the opportunity is expected to close');
    else {
      const month = fiscalMonth(close, calendar, CLOSE_MONTH);
      if (typeof month === 'string') t.problem(r, CLOSE, month);
      else closeMonth[r] = month;
    }
  }

  const groups = rowsByGroup(tierOf, tiers.length);
  if (!t.failed)
    groups.forEach((rows, i) => rows.length === 0 && t.fileProblem(TIER, `tier ${quoteText(tiers[i]!)} has no opportunities in this file`));
  t.throwIfProblems();

  const books = new Map<string, PipelineBook>();
  groups.forEach((rows, i) => {
    books.set(tiers[i]!, {
      file,
      size: rows.length,
      amount: pick(amount, rows),
      probability: pick(probability, rows),
      closeMonth: pick(closeMonth, rows),
    });
  });
  return books;
}

/**
 * Read an opening-pipeline file from `path` (a regular file of at most MAX_BOOK_BYTES), reported as
 * `file`, then `readPipelines`. Throws ScenarioError naming `file`.
 */
export async function loadPipelines(
  path: string,
  file: string,
  tiers: readonly string[],
  allTiers: readonly string[],
  calendar: FiscalCalendar,
  stages: Readonly<Record<string, number>> | undefined,
): Promise<Map<string, PipelineBook>> {
  return readPipelines(await readCsvBytes(path, file), file, tiers, allTiers, calendar, stages);
}

/** Stage names, ignoring case, surrounding spaces and Unicode form (nameKey), to win probabilities. */
class StageMap {
  private readonly byName = new Map<string, number>();
  readonly names: string[];
  constructor(stages: Readonly<Record<string, number>>) {
    this.names = Object.keys(stages);
    for (const name of this.names) this.byName.set(nameKey(name), stages[name]!);
  }
  get(name: string): number | undefined {
    return this.byName.get(nameKey(name));
  }
}

/** Win probability of row r from its probability or its stage; NaN after recording a problem. */
function readProbability(t: CsvTable, r: number, stages: StageMap | undefined): number {
  const p = t.cell(r, PROBABILITY);
  const stage = t.cell(r, STAGE);
  if (p !== '' && stage !== '') {
    t.problem(r, STAGE, 'give a probability or a stage, not both');
    return NaN;
  }
  if (p !== '') return numberCell(t, r, PROBABILITY, NaN, 0, 1, probabilityRange);
  if (stage === '') {
    const both = t.has(PROBABILITY) && t.has(STAGE);
    t.problem(r, t.has(PROBABILITY) ? PROBABILITY : STAGE, `is required: ${both ? 'give a probability or a stage' : t.has(PROBABILITY) ? 'the win probability, 0 to 1' : 'the stage the opportunity is in'}`);
    return NaN;
  }
  if (stages === undefined) {
    t.problem(r, STAGE, `stage ${quoteText(stage)} needs openingPipeline.stages in the scenario (the win probability of each stage); or give the probability`);
    return NaN;
  }
  const won = stages.get(stage);
  if (won !== undefined) return won;
  const near = closest(stage, stages.names);
  t.problem(r, STAGE, `unknown stage ${quoteText(stage)}${near ? ` (did you mean ${quoteText(near)}?)` : ''}; the stages are: ${stages.names.join(', ')}`);
  return NaN;
}
