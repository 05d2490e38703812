import type { TopLevelSpec } from 'vega-lite';
import { renumberSvgIds } from './svg-ids.js';
import { xmlSafe } from './xml-safe.js';

/** A chart rendered to SVG, with anything vega-lite or vega warned about while doing it. */
export interface RenderedChart {
  readonly svg: string;
  readonly warnings: readonly string[];
}

/** Renders a Vega-Lite spec to an SVG document. Injectable, so a test can make a chart fail. */
export type ChartRenderer = (spec: TopLevelSpec) => Promise<RenderedChart>;

/** What vega and vega-lite call on a logger. */
interface Logger {
  level(): number;
  level(level: number): Logger;
  error(...args: unknown[]): Logger;
  warn(...args: unknown[]): Logger;
  info(...args: unknown[]): Logger;
  debug(...args: unknown[]): Logger;
}

/**
 * A logger collecting warnings and errors as text ("warning: ...", "error: ..."). Closures, not
 * methods: vega calls them detached from the logger.
 */
function collectingLogger(into: string[]): Logger {
  let current = 2; // vega's Warn
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  const level = (l?: number) => {
    if (l === undefined) return current;
    current = l;
    return logger;
  };
  const logger: Logger = {
    level: level as Logger['level'],
    error: (...args: unknown[]) => {
      into.push(`error: ${text(args)}`);
      return logger;
    },
    warn: (...args: unknown[]) => {
      into.push(`warning: ${text(args)}`);
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** A loader that loads nothing: the specs carry their data inline, and a report must never reach a network or a file. */
const refuse = (what: string) => () => Promise.reject(new Error(`arrcast charts load nothing (asked for ${what})`));
const OFFLINE_LOADER = { load: refuse('a URL'), sanitize: refuse('a URL'), http: refuse('an HTTP resource'), file: refuse('a file') };

/**
 * Render a Vega-Lite spec to SVG in Node, with no browser, no canvas, no network and no font
 * loading: vega-lite compiles it to Vega, a headless vega View (renderer 'none', text measured by
 * estimate) draws it, and any request to load data is refused. The spec given is left untouched
 * (vega draws from a copy). Characters XML cannot hold (a control character in a name) are written
 * visibly (xmlSafe), so the SVG stays well-formed. Its ids are numbered from 1, so the same spec gives the same bytes
 * whatever was rendered before. vega and vega-lite are imported on first use, so commands that
 * draw nothing do not pay for loading them.
 *
 * @example const { svg } = await renderChart(spec); await writeFile('chart.svg', svg);
 * Complexity: linear in the spec's data.
 */
export const renderChart: ChartRenderer = async (spec) => {
  const [vl, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  const warnings: string[] = [];
  const logger = collectingLogger(warnings);
  // vega tags the data rows it ingests; a copy keeps the caller's spec (and its datasets) as it was.
  const compiled = vl.compile(structuredClone(spec), { logger });
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none', loader: OFFLINE_LOADER, logger, logLevel: vega.Warn });
  try {
    return { svg: xmlSafe(renumberSvgIds(await view.toSVG())), warnings };
  } finally {
    view.finalize();
  }
};

/** The smallest chart that goes through vega-lite's compiler, vega's parser and its SVG renderer. */
const WARM_SPEC: TopLevelSpec = { data: { values: [{ x: 1 }] }, mark: 'bar', encoding: { x: { field: 'x', type: 'quantitative' } } };

/**
 * Load vega and vega-lite and draw one tiny chart, so the report's charts find their code loaded
 * and compiled (what the CLI starts while the workers simulate). What it draws is thrown away; every
 * chart's SVG ids are renumbered from 1 anyway, so drawing it first changes no byte of any chart.
 */
export async function warmChartLibraries(): Promise<void> {
  await renderChart(WARM_SPEC);
}
