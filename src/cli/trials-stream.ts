import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { planChunks } from '../engine/chunks.js';
import type { OutputName } from '../report/outputs.js';
import type { TrialsCsvStream } from '../report/trials-csv-stream.js';

/**
 * trials.csv written while the run simulates (report/trials-csv-stream.ts), for a run whose outputs
 * include it: not a --precision run (its trials are found by running, a step at a time), and only
 * when the report's folder already exists (the stream's temporary directory goes beside the report,
 * and a folder the run makes is the atomic write's to make and remove). Otherwise undefined: the
 * report writes trials.csv from the store, once the run is over, as before. The same when the stream's
 * temporary directory cannot be made: the folder seen a moment ago may be gone (runs into sibling
 * folders of a new parent remove it again when empty, output-dir.ts), and a lasting cause (a
 * permission, a full disk) is met again by the report's write, which names the report, not a
 * temporary path. `currency`: the scenario's (its minor unit sets the decimals of amounts).
 */
export async function startTrialsStream(out: string, outputs: readonly OutputName[] | undefined, trials: number, precision: boolean, currency: string): Promise<TrialsCsvStream | undefined> {
  if (precision || !outputs?.includes('trials') || !existsSync(dirname(out))) return undefined;
  const { TrialsCsvStream } = await import('../report/trials-csv-stream.js');
  try {
    return TrialsCsvStream.open(out, planChunks(trials).length, currency);
  } catch {
    return undefined;
  }
}
