/**
 * What happened, month by month: the rows of an actuals file (issue 15's re-forecast) or of a history
 * file (`arrcast fit`). Both files have the same columns; an actuals file covers closed months of the
 * scenario's fiscal year, a history file 12 to 36 consecutive months before it.
 *
 * This file holds only the shapes. The reader (`read-monthly-file.ts`) validates a CSV into them;
 * the re-forecast, the fit and the score read them. Money is in the scenario's currency units
 * (annualized ARR, as the scenario states ARR); counts are whole numbers.
 */

/** The measured columns, in the order they are documented and written. */
export const MONTHLY_MEASURES = [
  /** New leads created in the month. */
  'leads',
  /** New-business deals closed (won) in the month. */
  'deals',
  /** New-business ARR booked in the month (the won deals' ACV). */
  'new_arr',
  /** ARR lost to customers who did not renew or left in the month. */
  'churned_arr',
  /** ARR lost to customers who stayed but shrank in the month. */
  'contraction_arr',
  /** ARR gained from existing customers who grew in the month. */
  'expansion_arr',
  /** ARR that came up for renewal in the month and renewed (before contraction and expansion). */
  'renewed_arr',
  /** ARR that came up for renewal in the month (renewed_arr + the churned part of it). */
  'due_arr',
  /** The tier's ARR live at month end. */
  'ending_arr',
  /** Recognised revenue of the month. */
  'revenue',
] as const;

export type MonthlyMeasure = (typeof MONTHLY_MEASURES)[number];

/** One tier's figures for one month; a measure the file does not give is absent. */
export interface MonthlyRow {
  /** 1-based index of the month on the file's timeline: fiscal month for actuals, 1..N for history. */
  readonly month: number;
  /** Calendar label when the file gave one (`2027-03`), else the fiscal month as text. */
  readonly label: string;
  readonly tier: string;
  /** 1-based line of the file the row came from, for messages. */
  readonly line: number;
  readonly values: Readonly<Partial<Record<MonthlyMeasure, number>>>;
  /** 1-based character column of each cell of the row as read (for messages); absent for rows built in code. */
  readonly columns?: Readonly<Partial<Record<MonthlyColumn, number>>>;
}

/** A column of a monthly file: month, tier or a measure. */
export type MonthlyColumn = MonthlyMeasure | 'month' | 'tier';

/** A validated file: every tier has the same consecutive months 1..months. */
export interface MonthlyFile {
  readonly path: string;
  /** The measures present in the header (same for every row; an empty cell is an error). */
  readonly measures: readonly MonthlyMeasure[];
  readonly tiers: readonly string[];
  /** Number of consecutive months covered, from month 1. */
  readonly months: number;
  /** Rows per tier, ordered by month (index m - 1 holds month m). */
  readonly byTier: ReadonlyMap<string, readonly MonthlyRow[]>;
  /** Tiers not among the caller's whose every figure is 0, left out (read-monthly-file.ts); absent when none. */
  readonly leftOut?: readonly LeftOutTier[];
}

/** A tier of a monthly file left out: not the caller's, and nothing but 0 in its rows. */
export interface LeftOutTier {
  /** As the file spells it (its first row). */
  readonly tier: string;
  /** Line of its first row, and its number of rows. */
  readonly line: number;
  readonly rows: number;
}
