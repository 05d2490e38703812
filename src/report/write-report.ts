import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Simulation } from '../engine/simulate.js';
import type { Summary } from '../analysis/summarize.js';
import { writeDirectoryAtomically } from './atomic-dir.js';
import { writeTrialsCsv } from './trials-csv.js';
import { checkOutputDir } from './output-dir.js';
import { buildCharts } from './charts/chart-set.js';
import type { RevenueMarks } from './charts/revenue-distribution.js';
import { renderChart, type ChartRenderer } from './render-chart.js';
import { reportHtml, type HtmlChart } from './html/report-html.js';
import { percentilesCsv } from './percentiles-csv.js';
import { monthlyCsv } from './monthly-csv.js';
import { writeSipmath } from './sipmath.js';

import { REPORT_FILES } from './report-files.js';
import { resolveOutputs, type OutputName } from './outputs.js';

export { REPORT_FILES };

export interface ReportOptions {
  /**
   * Target and budget lines for the revenue distribution chart. Default: from the summary (its
   * first company-wide revenue target, the revenue budget at its confidence); given, they replace
   * those whole.
   */
  readonly marks?: RevenueMarks;
  /** Renders a chart spec to SVG; default: vega in Node. Injectable, so a test can make a chart fail. */
  readonly renderChart?: ChartRenderer;
  /** Which files to write (see outputs.ts); default DEFAULT_OUTPUTS. summary.json and scenario.json are always written. */
  readonly outputs?: readonly OutputName[];
}

/**
 * Write a run's outputs into `dir`, whole or not at all: summary.json (the contract other tools
 * read) and scenario.json (the validated scenario, defaults filled in, that the summary's hash refers
 * to) always; then those `options.outputs` names (default: html, charts, csv; see outputs.ts):
 * percentiles.csv and monthly.csv (csv, for spreadsheets), the charts (charts/NAME.vl.json and
 * charts/NAME.svg), report.html (one self-contained page), sipmath.json (the per-trial results as a
 * SIPmath 3.0 library) and trials.csv (one row per trial), the last two streamed. Everything is written into one
 * temporary directory renamed into place at the end, so a failure anywhere (a chart that does not
 * render, a full disk) leaves the previous report as it was. Refuses (OutputDirError) to replace a
 * directory that is not an arrcast report.
 */
export async function writeReport(dir: string, sim: Simulation, summary: Summary, options: ReportOptions = {}): Promise<void> {
  await checkOutputDir(dir);
  const render = options.renderChart ?? renderChart;
  const want = resolveOutputs(options.outputs);
  await writeDirectoryAtomically(dir, async (tmp) => {
    await writeFile(join(tmp, REPORT_FILES.summary), `${JSON.stringify(summary, null, 2)}\n`);
    await writeFile(join(tmp, REPORT_FILES.scenario), `${JSON.stringify(sim.loaded.scenario, null, 2)}\n`);
    if (want.has('csv')) await writeFile(join(tmp, REPORT_FILES.percentiles), percentilesCsv(summary));
    if (want.has('csv')) await writeFile(join(tmp, REPORT_FILES.monthly), monthlyCsv(summary));

    const chartsDir = join(tmp, REPORT_FILES.charts);
    if (want.has('charts')) await mkdir(chartsDir);
    const rendered: HtmlChart[] = [];
    // Charts are built and drawn (vega loaded) only for a report.html or the charts/ files.
    const charts = want.has('charts') || want.has('html') ? buildCharts(summary, sim.store, { ...(options.marks ? { marks: options.marks } : {}), monthlyPlan: sim.loaded.scenario.targets?.monthly }) : [];
    for (const chart of charts) {
      if (want.has('charts')) await writeFile(join(chartsDir, `${chart.name}.vl.json`), `${JSON.stringify(chart.spec, null, 2)}\n`);
      const { svg, warnings } = await render(chart.spec);
      // A chart vega could not draw (an error, not a warning) fails the report rather than leaving a hole in it.
      const errors = warnings.filter((w) => w.startsWith('error:'));
      if (errors.length > 0) throw new Error(`chart ${chart.name} did not render: ${errors.join('; ')}`);
      if (want.has('charts')) await writeFile(join(chartsDir, `${chart.name}.svg`), svg);
      rendered.push({ name: chart.name, caption: chart.caption, svg });
    }
    if (want.has('html')) await writeFile(join(tmp, REPORT_FILES.html), reportHtml({ summary, scenario: sim.loaded.scenario, charts: rendered }));

    if (want.has('sipmath')) await writeSipmath(join(tmp, REPORT_FILES.sipmath), summary, sim.store);
    if (want.has('trials')) await writeTrialsCsv(join(tmp, REPORT_FILES.trials), sim.store);
  });
}
