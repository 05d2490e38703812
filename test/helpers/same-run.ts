import { summarize } from '../../src/analysis/summarize.js';
import type { Simulation, SimulationPart } from '../../src/engine/simulate.js';
import type { StoredColumn } from '../../src/engine/trial-store.js';

/** A stored column's bytes, a count kept as uint16 read as the float32 of its layout column (trial-store.ts). */
function bytesOf(c: StoredColumn): Buffer {
  const a = c instanceof Uint16Array ? Float32Array.from(c) : c;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

function sumsBytes(s: Simulation, i: number): Buffer {
  const x = s.store.chunkSumsAt(i)!;
  return Buffer.from(x.buffer, x.byteOffset, x.byteLength);
}

/**
 * What differs, bit for bit, between two runs: the keys of the per-trial columns that differ (of
 * `b`'s trials `first` to `first + a.store.trials`, for a part), `chunk sums i` for a chunk's
 * component sums, `summary` for summarize's JSON (whole runs only), `layout` when the columns are
 * not the same. Empty when the runs are the same.
 */
export function runDifferences(a: Simulation | SimulationPart, b: Simulation | SimulationPart, first = 0): string[] {
  const keys = (s: Simulation | SimulationPart) => s.plan.layout.columns.map((c) => c.key).join('\n');
  if (keys(a) !== keys(b)) return ['layout'];
  const n = a.store.trials;
  const out: string[] = [];
  a.plan.layout.columns.forEach((col, i) => {
    if (!bytesOf(a.store.columns[i]!).equals(bytesOf(b.store.columns[i]!.subarray(first, first + n) as StoredColumn))) out.push(col.key);
  });
  if ('shard' in a || 'shard' in b) return out;
  if (a.store.chunks !== b.store.chunks) out.push('chunk count');
  for (let i = 0; i < Math.min(a.store.chunks, b.store.chunks); i++)
    if (!sumsBytes(a, i).equals(sumsBytes(b, i))) out.push(`chunk sums ${i}`);
  if (JSON.stringify(summarize(a)) !== JSON.stringify(summarize(b))) out.push('summary');
  return out;
}
