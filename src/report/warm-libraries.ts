import { resolveOutputs, type OutputName } from './outputs.js';

/**
 * Load, and exercise once, the libraries the chosen outputs will need: vega and vega-lite for
 * report.html and charts/ (about 0.3 s of module loading and first-use compiling; report.xlsx needs
 * none, xlsx-file.ts writes it). The CLI starts this once the run's first chunks are sent, so it runs
 * while the workers simulate rather than after them or while they start; outputs not asked for load nothing.
 * Never rejects: a library that fails to load fails when its output is written.
 *
 * @example void warmReportLibraries(['summary', 'csv']) // loads nothing
 */
export async function warmReportLibraries(outputs: readonly OutputName[] | undefined): Promise<void> {
  const want = resolveOutputs(outputs);
  const warming: Array<Promise<void>> = [];
  if (want.has('html') || want.has('charts')) warming.push(import('./render-chart.js').then((m) => m.warmChartLibraries()));
  await Promise.all(warming.map((w) => w.catch(() => undefined)));
}
