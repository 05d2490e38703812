import { realpath } from 'node:fs/promises';
import { dirname } from 'node:path';
import { reportThere, scenarioFileToRecord } from '../report/report-scenario-file.js';
import { quoteText } from '../scenario/display-text.js';
import { refuseDefaultOutOfOtherForecast } from './default-out-forecast.js';
import { UsageError } from './exit-codes.js';

/**
 * The real path of scenario file `file` (links resolved, relative to this working directory), which
 * a report's marker records; undefined when it cannot be had (a file gone since it was read): then
 * nothing is recorded or checked, as before.
 */
export const scenarioFileOf = (file: string): Promise<string | undefined> => realpath(file).catch(() => undefined);

/** Paths are shown whole (a name cut short names neither file), up to this many characters. */
const PATH_CHARS = 4096;

/**
 * Refuse (exit 2) to replace, at an --out the user did not give (the default reports/<file name>),
 * the report of ANOTHER scenario file: `run a/plan.yaml` then `run b/plan.yaml` both default to
 * reports/plan, and the second replaced the first's report without a word. The report's marker
 * names its scenario file (relative to the report, through real paths: a project moved whole still
 * matches), so a re-run of the same file (edited, from another working directory, through a link,
 * or spelt another way) still replaces it; a report whose marker names none, or no usable path
 * (written before December 2026, or by the library of a scenario parsed from text), is
 * replaced, as before. Reads only the marker. `out` is resolved, `shown` as the message names it,
 * `file` the scenario as given.
 */
export async function refuseDefaultOutOfOtherScenario(out: string, shown: string, file: string, real: string | undefined): Promise<void> {
  if (real === undefined) return;
  const there = await reportThere(out);
  if (there?.recorded === undefined || there.recorded === real) return;
  // The report's own scenario.json run again (README: `arrcast run reports/scenario/scenario.json`,
  // whose default --out is that report) is the same report's scenario: left to the
  // inputs-inside-output rule. A marker naming a file inside the report (written so before
  // scenarioFileToRecord) says nothing of where the report came from: replaced, as one naming none.
  if (dirname(real) === there.dir || dirname(there.recorded) === there.dir) return;
  throw new UsageError(
    `--out defaults to ${shown}, which holds the report of another scenario file, ${quoteText(there.recorded, PATH_CHARS)}, and this run of ${quoteText(file, PATH_CHARS)} (${quoteText(real, PATH_CHARS)}) would replace it; give --out another directory, or remove ${shown} (or give --out ${shown}) to replace it`,
  );
}

/**
 * merge at the default --out when the parts' scenario file cannot be confirmed from here (their path
 * finds no file, or one that is not the scenario the shards ran: parts run in another folder, or the
 * file edited since): the report there is replaced only when it names no file, names the very file
 * the parts' path finds (by real path: the same file run again, edited, is replaced, as `run` does),
 * or names one that `isParts` confirms (it loads as the parts' scenario); the path is then returned
 * to record again. A report of another file is refused (exit 2), as a run's is, rather than replaced
 * because nothing could be compared (it was). `source` is the path the parts name, `real` the real
 * path of the file found there from here (scenarioFileOf), undefined when none is.
 */
export async function refuseDefaultOutOfUnconfirmedScenario(out: string, shown: string, source: string, real: string | undefined, isParts: (file: string) => Promise<boolean>): Promise<string | undefined> {
  const there = await reportThere(out);
  // A marker naming a file inside the report says nothing of where it came from (refuseDefaultOutOfOtherScenario).
  if (there?.recorded === undefined || dirname(there.recorded) === there.dir) return undefined;
  if (there.recorded === real || (await isParts(there.recorded))) return there.recorded;
  throw new UsageError(
    `--out defaults to ${shown}, which holds the report of the scenario file ${quoteText(there.recorded, PATH_CHARS)}, not the scenario these parts ran (nor is the file they name, ${quoteText(source, PATH_CHARS)}: ${real !== undefined ? `from here it is another scenario, ${quoteText(real, PATH_CHARS)}` : 'not found from here'}); give --out another directory, or remove ${shown} (or give --out ${shown}) to replace it`,
  );
}

/**
 * The checks of a report's --out that depend on whose report is there, for `run` and `merge` alike:
 * at the default --out (`given` false), another scenario file's report (refuseDefaultOutOfOtherScenario)
 * or a report of the other kind of forecast (refuseDefaultOutOfOtherForecast) is refused. Returns the
 * scenario file to record in the new report's marker (scenarioFileToRecord). `real` is the scenario
 * file's real path (scenarioFileOf), undefined when unknown.
 */
export async function checkReportOwner(out: string, shown: string, file: string, real: string | undefined, reforecast: boolean, given: boolean): Promise<string | undefined> {
  if (!given) await refuseDefaultOutOfOtherScenario(out, shown, file, real);
  const recorded = await scenarioFileToRecord(out, real);
  if (!given) await refuseDefaultOutOfOtherForecast(out, shown, reforecast);
  return recorded;
}

/**
 * checkReportOwner's refusals again, for writeReport's `recheck` just before the move: a run at the
 * same default --out (`run a/plan.yaml` and `run b/plan.yaml` at once, or a plan's run beside its
 * re-forecast) may have put its report there since the check before the run, and the later of the
 * two replaced it without a word (both exited 0). At a given --out (`given`) there is nothing to check.
 */
export function recheckReportOwner(out: string, shown: string, file: string, real: string | undefined, reforecast: boolean, given: boolean): (() => Promise<void>) | undefined {
  if (given) return undefined;
  return async () => {
    await checkReportOwner(out, shown, file, real, reforecast, false);
  };
}

/**
 * merge's checkReportOwner, and its recheck for writeReport just before the move (as
 * recheckReportOwner is run's): the parts name their scenario file as the shards were given it,
 * perhaps from another folder; `confirmed` is the real path of the file found there from here when
 * it hashes as their scenario, else undefined, and then the report at the default --out is judged
 * by refuseDefaultOutOfUnconfirmedScenario (`isParts` as there), again at the recheck: a report
 * arriving meanwhile was replaced without a word. Returns the scenario file to record and the
 * recheck (undefined at a given --out).
 */
export async function checkMergeReportOwner(
  out: string,
  shown: string,
  source: string,
  confirmed: string | undefined,
  isParts: (file: string) => Promise<boolean>,
  given: boolean,
): Promise<{ readonly recorded: string | undefined; readonly recheck: (() => Promise<void>) | undefined }> {
  const check = async (): Promise<string | undefined> => {
    const real = confirmed === undefined && !given ? await refuseDefaultOutOfUnconfirmedScenario(out, shown, source, await scenarioFileOf(source), isParts) : confirmed;
    return checkReportOwner(out, shown, source, real, false, given);
  };
  const recorded = await check();
  return { recorded, recheck: given ? undefined : async () => void (await check()) };
}
