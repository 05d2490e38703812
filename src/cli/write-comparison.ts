import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Comparison } from '../analysis/compare.js';
import type { Simulation } from '../engine/simulate.js';
import { writeDirectoryAtomically } from '../report/atomic-dir.js';
import { comparisonSpec } from '../report/charts/comparison.js';
import { sortedFinite } from '../report/charts/downsample.js';
import { prepareOutputDir, recheckOutputDir } from '../report/output-dir.js';
import { FOREIGN_ENTRIES, OUTPUT_ENTRIES } from '../report/output-entries.js';
import { renderChart, type ChartRenderer } from '../report/render-chart.js';
import { comparisonDistributionSpec } from '../report/charts/comparison-distribution.js';
import { comparisonHtml } from '../report/html/comparison-html.js';
import { writeWorkbook } from '../report/xlsx/workbook.js';
import { comparisonSheets } from '../report/xlsx/comparison-sheets.js';
import { compareDecisions, type CompareDecisions } from '../analysis/compare-decisions.js';

import { COMPARISON_CHART_FILES, COMPARISON_FILE, COMPARISON_PAGE_FILES } from '../report/comparison-files.js';

export { COMPARISON_CHART_FILES, COMPARISON_FILE, COMPARISON_PAGE_FILES };

/**
 * Resolve and check that `dir` may receive a comparison: it does not exist, is empty, or is a
 * previous comparison (arrcast's marker, comparison.json and its chart, nothing else); see
 * prepareOutputDir. It is replaced whole, so anything else is refused before anything runs
 * (OutputDirError: exit code 2). Returns the path to write to.
 */
export function prepareComparisonDir(dir: string): Promise<string> {
  return prepareOutputDir(dir, 'comparison', FOREIGN_ENTRIES.comparison);
}


export interface ComparisonWriteOptions {
  /** Renders the chart to SVG; default: vega in Node. Injectable, so a test can make it fail. */
  readonly renderChart?: ChartRenderer;
  /** Stops the write between two files, before the rename at the latest (RunAbortedError). */
  readonly signal?: AbortSignal;
  /** Called after each file with its name, and with 'renaming' before the rename; a test hook can pause there. */
  readonly onStep?: (step: string) => Promise<void> | void;
  /** Targets and budgets of every scenario (default: the baseline's targets at 80% confidence); in comparison.json and comparison.html. */
  readonly decisions?: CompareDecisions;
}

/**
 * Write comparison.json and its chart (comparison.vl.json, comparison.svg: each scenario's revenue
 * as exceedance curves and the per-trial difference from A, drawn from `sims`, the simulations the
 * comparison was made of, in the same order) into `dir`, whole or not at all (a temporary directory
 * renamed into place; see report/atomic-dir.ts). A chart vega cannot draw fails the write.
 */
export async function writeComparison(dir: string, comparison: Comparison, sims: readonly Simulation[], options: ComparisonWriteOptions = {}): Promise<void> {
  const out = await prepareComparisonDir(dir);
  if (sims.length !== comparison.scenarios.length) throw new RangeError(`${comparison.scenarios.length} scenarios compared but ${sims.length} simulations given`);
  // Each scenario's revenue sorted once, for both charts (it was sorted again for the second).
  const sorted = sims.map((s) => {
    const revenue = s.store.column('revenue');
    if (!revenue) throw new Error(`${s.loaded.source}: no per-trial revenue`);
    return sortedFinite(revenue);
  });
  const spec = comparisonSpec(comparison, sorted);
  const distribution = comparisonDistributionSpec(comparison, sorted);
  const decisions = options.decisions ?? compareDecisions(sims);
  const render = options.renderChart ?? renderChart;
  await writeDirectoryAtomically(
    out,
    async (tmp, checkpoint) => {
      await writeFile(join(tmp, COMPARISON_FILE), `${JSON.stringify({ ...comparison, decisions }, null, 2)}\n`);
      await checkpoint(COMPARISON_FILE);
      const draw = async (what: string, chart: typeof spec, specFile: string, svgFile: string) => {
        await writeFile(join(tmp, specFile), `${JSON.stringify(chart, null, 2)}\n`);
        await checkpoint(specFile);
        const { svg, warnings } = await render(chart);
        const errors = warnings.filter((w) => w.startsWith('error:'));
        if (errors.length > 0) throw new Error(`the ${what} chart did not render: ${errors.join('; ')}`);
        await writeFile(join(tmp, svgFile), svg);
        await checkpoint(svgFile);
        return svg;
      };
      const svg = await draw('comparison', spec, COMPARISON_CHART_FILES.spec, COMPARISON_CHART_FILES.svg);
      const distributionSvg = await draw('distribution', distribution, COMPARISON_PAGE_FILES.distributionSpec, COMPARISON_PAGE_FILES.distributionSvg);
      const charts = [
        { name: 'distribution', caption: 'Each scenario’s recognized revenue: share of simulated years in each band, the same bands for all.', svg: distributionSvg },
        { name: 'comparison', caption: 'Exceedance curves P(revenue ≥ x) of each scenario, and the per-trial difference from A with P(X < A).', svg },
      ];
      await writeFile(join(tmp, COMPARISON_PAGE_FILES.html), comparisonHtml({ comparison, decisions, charts, files: [...OUTPUT_ENTRIES.comparison].filter((f) => f !== COMPARISON_PAGE_FILES.html) }));
      await checkpoint(COMPARISON_PAGE_FILES.html);
      await writeWorkbook(join(tmp, COMPARISON_PAGE_FILES.xlsx), comparisonSheets(comparison, decisions));
      await checkpoint(COMPARISON_PAGE_FILES.xlsx);
    },
    { kind: 'comparison', signal: options.signal, onStep: options.onStep, recheck: () => recheckOutputDir(out, 'comparison', FOREIGN_ENTRIES.comparison) },
  );
}
