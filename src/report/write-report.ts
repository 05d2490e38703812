import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Simulation } from '../engine/simulate.js';
import type { Summary } from '../analysis/summarize.js';
import { writeDirectoryAtomically } from './atomic-dir.js';
import { writeTrialsCsv } from './trials-csv.js';
import { checkOutputDir } from './output-dir.js';

import { REPORT_FILES } from './report-files.js';

export { REPORT_FILES };

/**
 * Write a run's outputs into `dir`, whole or not at all: summary.json (the contract other tools
 * read), trials.csv (one row per trial) and scenario.json (the validated scenario, defaults filled
 * in, that the summary's hash refers to). Refuses (OutputDirError) to replace a directory that is not
 * an arrcast report.
 */
export async function writeReport(dir: string, sim: Simulation, summary: Summary): Promise<void> {
  await checkOutputDir(dir);
  await writeDirectoryAtomically(dir, async (tmp) => {
    await writeFile(join(tmp, REPORT_FILES.summary), `${JSON.stringify(summary, null, 2)}\n`);
    await writeFile(join(tmp, REPORT_FILES.scenario), `${JSON.stringify(sim.loaded.scenario, null, 2)}\n`);
    await writeTrialsCsv(join(tmp, REPORT_FILES.trials), sim.store);
  });
}
