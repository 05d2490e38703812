import { realpath } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { markerScenarioFile, readMarker } from './output-marker.js';

/** The real path of report folder `out` (as it is when it does not exist yet) and the scenario file its marker names, if any. */
export async function reportThere(out: string): Promise<{ readonly dir: string; readonly recorded?: string } | undefined> {
  const marker = await readMarker(out);
  if (marker?.kind !== 'report') return undefined;
  const dir = await realpath(out).catch(() => resolve(out));
  const recorded = markerScenarioFile(dir, marker.scenario);
  return recorded === undefined ? { dir } : { dir, recorded };
}

/**
 * The scenario file to record in the marker of the report a run of `real` (its real path) writes
 * to `out`: `real`, except when it is the report's own scenario.json run again (the only file in the
 * report a run may read: inputs-inside-output.ts), which is not where the report came from: then
 * the file the marker names already (or none). Recording the scenario.json let any file of the
 * report's name replace it (the second exemption in refuseDefaultOutOfOtherScenario).
 */
export async function scenarioFileToRecord(out: string, real: string | undefined): Promise<string | undefined> {
  if (real === undefined) return undefined;
  const dir = await realpath(out).catch(() => resolve(out));
  if (dirname(real) !== dir) return real;
  return (await reportThere(out))?.recorded;
}

