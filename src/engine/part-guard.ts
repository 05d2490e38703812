import type { TrialStore } from './trial-store.js';
import { PartFileError, type PartHeader } from './part-format.js';

/**
 * Check a part's trials, once merged into the store, as a run checks every chunk before keeping it
 * (chunk-guard.ts): every per-trial value and every chunk's component sums must be finite. A run
 * stops rather than store anything else, so a part holding NaN or infinity was not written by
 * `arrcast run --shard` as it stands (a forged part, or a corrupted one with its checksum
 * recomputed): it is refused with a PartFileError naming the file, the column and the trial,
 * before anything is summarized.
 *
 * Complexity: O(the part's trials x columns + its chunks x sums), like the chunk checks of a run.
 */
export function checkPartFinite(file: string, header: PartHeader, store: TrialStore): void {
  const first = header.firstTrial;
  const end = first + header.partTrials;
  store.layout.columns.forEach((column, c) => {
    const values = store.columns[c]!;
    for (let i = first; i < end; i++)
      if (!Number.isFinite(values[i]!))
        throw new PartFileError(file, `is corrupt: ${column.key} is ${values[i]} in trial ${(i + 1).toLocaleString('en-US')}, and a run never stores a value that is not finite`);
  });
  for (const chunk of header.chunks) {
    const sums = store.chunkSumsAt(chunk);
    if (sums && !sums.every(Number.isFinite))
      throw new PartFileError(file, `is corrupt: the component sums of chunk ${chunk} are not all finite, and a run never stores such sums`);
  }
}
