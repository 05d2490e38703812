import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readMarker } from '../report/output-marker.js';
import { REPORT_FILES } from '../report/report-files.js';
import { MAX_REPORT_JSON_BYTES } from '../report/read-report-trials.js';
import { UsageError } from './exit-codes.js';

/** Whether the report in `dir` is a re-forecast's (its summary.json has `reforecast`), or undefined when that cannot be told. */
async function reportIsReforecast(dir: string): Promise<boolean | undefined> {
  if ((await readMarker(dir))?.kind !== 'report') return undefined;
  const file = join(dir, REPORT_FILES.summary);
  try {
    const info = await stat(file);
    if (!info.isFile() || info.size > MAX_REPORT_JSON_BYTES) return undefined;
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.hasOwn(value, 'reforecast') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Refuse (exit 2) to replace, at an --out the user did not give (the default `reports/<file
 * name>`), a report of the other kind of forecast: a re-forecast (`run --actuals`) and the plan's
 * own run of one scenario default to the same folder, so the re-forecast replaced the plan's report
 * without a word (the report `--plan` would have compared it with), and the plan's run again
 * replaced the re-forecast's. A report of the same kind there is replaced, as a re-run; an --out
 * given is replaced as the user named it; a report whose kind cannot be told (no summary.json) is
 * left to the output rules (output-dir.ts). `out` is resolved, `shown` as the message names it.
 */
export async function refuseDefaultOutOfOtherForecast(out: string, shown: string, reforecast: boolean): Promise<void> {
  const there = await reportIsReforecast(out);
  if (there === undefined || there === reforecast) return;
  throw new UsageError(
    `--out defaults to ${shown}, which holds ${there ? "a re-forecast's report (a run with --actuals)" : "the plan's report (a run without --actuals)"}, and this ${reforecast ? 're-forecast' : 'run of the plan'} would replace it; give --out another directory${reforecast ? ` (and --plan ${shown} to compare with the plan)` : ''}, or --out ${shown} to replace it`,
  );
}
