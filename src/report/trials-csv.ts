import { open } from 'node:fs/promises';
import type { TrialStore } from '../engine/trial-store.js';
import type { Column, TrialLayout } from '../model/trial-layout.js';
import { AsciiBuffer } from './ascii-buffer.js';
import { csvField } from './csv-field.js';
import { writtenMoneyDecimals } from './money.js';

const ROWS_PER_WRITE = 2000;

/** Decimals of a breakdown's money by its size (decimalsFor's BREAKDOWN_MONEY). */
const BREAKDOWN_MONEY = -1;

/**
 * Decimal places written for each kind of column; BREAKDOWN_MONEY: float32 money, written with
 * the 7 significant digits it holds, to `money` decimals at most (breakdownDecimals).
 */
function decimalsFor(column: Column, money: number): number {
  switch (column.kind) {
    case 'metric':
      return money; // headline money, float64: to the minor unit (the cent at least)
    case 'tierMetric':
    case 'component':
    case 'mrr':
      return BREAKDOWN_MONEY;
    case 'count':
      return 0; // counts: whole units
    case 'extra':
      return 2; // counts, ramped-rep equivalents (fractions) and contract values
    case 'ratio':
    case 'market':
    case 'driver':
    case 'ownDraw':
      return 6; // rates, ratios and the market factor
  }
}

/**
 * Decimals of a float32 amount: as many as its 7 significant digits reach, at most `most` (the
 * currency's writtenMoneyDecimals: the cent, or a dinar's fils).
 * Whole units lost digits on small amounts: an MRR of 91,666.66 was written 91667 and a tier's
 * revenue of 103.33 as 103, so sums and percentiles recomputed from the file missed summary.json's.
 *
 * @example breakdownDecimals(91_666.66, 2) // => 2; breakdownDecimals(8_475_321, 2) // => 0; breakdownDecimals(1234.5678, 3) // => 3
 */
export function breakdownDecimals(value: number, most: number): number {
  const a = Math.abs(value);
  return Math.min(most, a >= 1e6 ? 0 : a >= 1e5 ? 1 : a >= 1e4 ? 2 : 3);
}

/** How trials.csv lays out a run: its header, and for each of its columns (every key, aliases resolved) where the values come from and their decimals. */
export interface TrialsCsvLayout {
  /** The header line, UTF-8 (keys hold tier names: each a text cell, quoted, formulas neutralised). */
  readonly header: Buffer;
  /** Per CSV column: the stored column's index in the layout. */
  readonly sources: Int32Array;
  /** Per CSV column: decimals (BREAKDOWN_MONEY: by the value's size). */
  readonly decimals: Int32Array;
  /** The most decimals a breakdown's money is written with (writtenMoneyDecimals). */
  readonly money: number;
}

/** trials.csv's columns for a layout of a scenario in `currency` (see TrialsCsvLayout). */
export function trialsCsvLayout(layout: TrialLayout, currency: string): TrialsCsvLayout {
  const keys = layout.keys;
  const stored = (k: string) => layout.index.get(layout.aliases.get(k) ?? k)!;
  const money = writtenMoneyDecimals(currency);
  return {
    header: Buffer.from(`${['trial', ...keys].map(csvField).join(',')}\n`, 'utf8'),
    sources: Int32Array.from(keys, stored),
    decimals: Int32Array.from(keys, (k) => decimalsFor(layout.columns[stored(k)]!, money)),
    money,
  };
}

/**
 * Write rows `rows` trials into `buffer`, the first numbered `firstTrial` + 1: `block` holds each
 * CSV column's values for these trials, column after column (block[c * rows + r]), widened to
 * float64 (so this loop reads a single array type).
 */
export function formatTrialRows(buffer: AsciiBuffer, block: Float64Array, rows: number, firstTrial: number, decimals: Int32Array, money: number): void {
  const ncol = decimals.length;
  for (let r = 0; r < rows; r++) {
    buffer.fixed(firstTrial + r + 1, 0);
    for (let c = 0; c < ncol; c++) {
      buffer.byte(44);
      const v = block[c * rows + r]!;
      const d = decimals[c]!;
      buffer.fixed(v, d === BREAKDOWN_MONEY ? breakdownDecimals(v, money) : d);
    }
    buffer.byte(10);
  }
}

/**
 * Write one row per trial: the trial number, then every per-trial column (headline metrics, by
 * tier, by component, monthly MRR, and the trial-level drivers drawn). Headline money to the
 * currency's minor unit (the cent at least), breakdowns to their 7 significant digits (to that at most), rates to 6 decimals; an empty cell where a value does not exist
 * (GRR of a tier with no opening book). Streams, so a million rows never sit in memory as text.
 * A run can also write the same bytes while it simulates (trials-csv-stream.ts).
 */
export async function writeTrialsCsv(file: string, store: TrialStore, currency: string): Promise<void> {
  if (store.shortened) throw new RangeError('this run kept the drivers\' own draws for its first trials only (ownDrawTrials) or its counts as tallies (tallyCounts): it cannot be written to trials.csv');
  const csv = trialsCsvLayout(store.layout, currency);
  const columns = Array.from(csv.sources, (i) => store.columns[i]!);
  const handle = await open(file, 'w');
  try {
    await handle.write(csv.header);
    // Rows go out in blocks: each block's columns are first widened into one float64 array; the byte
    // buffer is written and then reused, so a million rows allocate nothing per block.
    const buffer = new AsciiBuffer();
    const ncol = columns.length;
    const block = new Float64Array(ncol * ROWS_PER_WRITE);
    for (let start = 0; start < store.trials; start += ROWS_PER_WRITE) {
      const rows = Math.min(ROWS_PER_WRITE, store.trials - start);
      for (let c = 0; c < ncol; c++) block.set(columns[c]!.subarray(start, start + rows), c * rows);
      formatTrialRows(buffer, block, rows, start, csv.decimals, csv.money);
      const bytes = buffer.view();
      for (let written = 0; written < bytes.length; ) written += (await handle.write(bytes, written)).bytesWritten;
      buffer.clear();
    }
  } finally {
    await handle.close();
  }
}
