import { realpath } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readMarker } from '../report/output-marker.js';
import { quoteText } from '../scenario/display-text.js';
import { UsageError } from './exit-codes.js';

/**
 * The real path of scenario file `file` (links resolved, relative to this working directory), which
 * a report's marker records; undefined when it cannot be had (a file gone since it was read, a
 * merge's scenario named as the shards' working directory saw it): then nothing is recorded or
 * checked, as before.
 */
export const scenarioFileOf = (file: string): Promise<string | undefined> => realpath(file).catch(() => undefined);

/** Paths are shown whole (a name cut short names neither file), up to this many characters. */
const PATH_CHARS = 4096;

/**
 * Refuse (exit 2) to replace, at an --out the user did not give (the default reports/<file name>),
 * the report of ANOTHER scenario file: `run a/plan.yaml` then `run b/plan.yaml` both default to
 * reports/plan, and the second replaced the first's report without a word. The report's marker
 * names its scenario file by real path, so a re-run of the same file (edited, from another working
 * directory, through a link, or spelt another way) still replaces it; a report whose marker names
 * none (written before December 2026, or by the library) is replaced, as before. Reads only the
 * marker. `out` is resolved, `shown` as the message names it, `file` the scenario as given.
 */
export async function refuseDefaultOutOfOtherScenario(out: string, shown: string, file: string, real: string | undefined): Promise<void> {
  if (real === undefined) return;
  const marker = await readMarker(out);
  if (marker?.kind !== 'report' || marker.scenario === undefined || marker.scenario === real) return;
  // The report's own scenario.json run again (README: `arrcast run reports/plan/scenario.json`), or
  // a report written so, is the same report's scenario: left to the inputs-inside-output rule.
  const dir = await realpath(out).catch(() => out);
  if (dirname(real) === dir || dirname(marker.scenario) === dir) return;
  throw new UsageError(
    `--out defaults to ${shown}, which holds the report of another scenario file, ${quoteText(marker.scenario, PATH_CHARS)}, and this run of ${quoteText(file, PATH_CHARS)} (${quoteText(real, PATH_CHARS)}) would replace it; give --out another directory, or remove ${shown} (or give --out ${shown}) to replace it`,
  );
}
