/**
 * The files of `arrcast compare --out DIR` (their own file: the command's help names them at start-up,
 * before the modules that write them are loaded).
 */

/** The file `arrcast compare --out DIR` writes. */
export const COMPARISON_FILE = 'comparison.json';
/** The comparison chart beside it: the Vega-Lite spec and its SVG. */
export const COMPARISON_CHART_FILES = { spec: 'comparison.vl.json', svg: 'comparison.svg' } as const;
/** The page beside them, and the overlaid distributions it shows. */
export const COMPARISON_PAGE_FILES = { html: 'comparison.html', xlsx: 'comparison.xlsx', distributionSpec: 'distribution.vl.json', distributionSvg: 'distribution.svg' } as const;
