import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { TrialStore } from '../engine/trial-store.js';

const ROWS_PER_WRITE = 2000;

/** A float32 value as its shortest decimal that reads back to the same float32 (at most 9 digits). */
function formatF32(v: number): string {
  if (!Number.isFinite(v)) return '';
  for (let digits = 6; digits < 9; digits++) {
    const s = v.toPrecision(digits);
    if (Math.fround(Number(s)) === v) return String(Number(s));
  }
  return String(Number(v.toPrecision(9)));
}

const formatF64 = (v: number) => (Number.isFinite(v) ? String(v) : '');

/**
 * Write one row per trial: the trial number, then every per-trial column (headline metrics, by
 * tier, by component, monthly MRR, and the trial-level drivers drawn). Streams, so a million rows
 * never sit in memory as text.
 */
export async function writeTrialsCsv(file: string, store: TrialStore): Promise<void> {
  const stream = createWriteStream(file, { encoding: 'utf8' });
  const columns = store.columns;
  const formats = store.layout.columns.map((c) => (c.precision === 'f64' ? formatF64 : formatF32));
  const header = ['trial', ...store.layout.columns.map((c) => c.key)].join(',');
  const failed = once(stream, 'error').then(([err]) => {
    throw err;
  });
  const write = async (text: string) => {
    if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
  };
  await write(`${header}\n`);
  for (let start = 0; start < store.trials; start += ROWS_PER_WRITE) {
    const end = Math.min(store.trials, start + ROWS_PER_WRITE);
    const rows: string[] = [];
    for (let i = start; i < end; i++) {
      let row = String(i + 1);
      for (let c = 0; c < columns.length; c++) row += `,${formats[c]!(columns[c]![i]!)}`;
      rows.push(row);
    }
    await write(`${rows.join('\n')}\n`);
  }
  stream.end();
  await Promise.race([once(stream, 'finish'), failed]);
}
