import { open } from 'node:fs/promises';
import type { TrialStore } from '../engine/trial-store.js';
import type { Column } from '../model/trial-layout.js';
import { AsciiBuffer } from './ascii-buffer.js';
import { csvField } from './csv-field.js';

const ROWS_PER_WRITE = 2000;

/** Decimal places written for each kind of column. */
function decimalsFor(column: Column): number {
  switch (column.kind) {
    case 'metric':
      return 2; // headline money, float64: to the cent
    case 'tierMetric':
    case 'component':
    case 'mrr':
    case 'count':
      return 0; // breakdown money (float32, about 7 significant digits) and counts: whole units
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
 * Write one row per trial: the trial number, then every per-trial column (headline metrics, by
 * tier, by component, monthly MRR, and the trial-level drivers drawn). Headline money to the cent,
 * breakdowns to the currency unit, rates to 6 decimals; an empty cell where a value does not exist
 * (GRR of a tier with no opening book). Streams, so a million rows never sit in memory as text.
 */
export async function writeTrialsCsv(file: string, store: TrialStore): Promise<void> {
  if (store.shortened) throw new RangeError('this run kept the drivers\' own draws for its first trials only (ownDrawTrials): it cannot be written to trials.csv');
  const keys = store.layout.keys;
  const columns = keys.map((k) => store.column(k)!);
  const byKey = new Map(store.layout.columns.map((c) => [c.key, c]));
  const decimals = Int32Array.from(keys, (k) => decimalsFor(byKey.get(store.layout.aliases.get(k) ?? k)!));
  const handle = await open(file, 'w');
  try {
    // The header: keys hold tier names, so each is a text cell (quoted, formulas neutralised), in UTF-8.
    await handle.write(Buffer.from(`${['trial', ...keys].map(csvField).join(',')}\n`, 'utf8'));
    // Rows go out in blocks: each block's columns are first widened into one float64 array, so the
    // formatting loop reads a single array type; the byte buffer is written and then reused, so a
    // million rows allocate nothing per block.
    const buffer = new AsciiBuffer();
    const ncol = columns.length;
    const block = new Float64Array(ncol * ROWS_PER_WRITE);
    for (let start = 0; start < store.trials; start += ROWS_PER_WRITE) {
      const rows = Math.min(ROWS_PER_WRITE, store.trials - start);
      for (let c = 0; c < ncol; c++) block.set(columns[c]!.subarray(start, start + rows), c * rows);
      for (let r = 0; r < rows; r++) {
        buffer.fixed(start + r + 1, 0);
        for (let c = 0; c < ncol; c++) {
          buffer.byte(44);
          buffer.fixed(block[c * rows + r]!, decimals[c]!);
        }
        buffer.byte(10);
      }
      const bytes = buffer.view();
      for (let written = 0; written < bytes.length; ) written += (await handle.write(bytes, written)).bytesWritten;
      buffer.clear();
    }
  } finally {
    await handle.close();
  }
}
