import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from '../report/charts/chart-context.js';
import { markersForWidth } from '../report/charts/revenue-markers.js';
import { wrapLabel } from '../report/charts/wrap-label.js';

/**
 * Room a fan panel needs beside its plot: its money axis ("$120M") and the bands' legend, measured in
 * Chromium (two panels of 290 drew 708 px side by side), with a little to
 * spare: the page's browser test at 800 and 1,280 px checks that no chart is wider than its column.
 */
const PANEL_ROOM = 130;

/** Room the revenue distribution's plot leaves for its y axis (labels and title): 55 px of 348 drawn, padding included. */
const Y_AXIS_ROOM = 50;

/** Width of a subtitle character (11 px): a little generous, as label-layout.ts's labelWidth. */
const SUBTITLE_PX_PER_CHAR = 6.6;

type Spec = Record<string, unknown> & { title?: { subtitle?: string[] }; hconcat?: Array<Record<string, unknown> & { width?: number }> };

/**
 * A report chart's spec (answer.ts sends the report's) drawn `boxWidth` pixels wide at most, so it
 * fits the studio's results column instead of scrolling sideways in it (at an 800 px window the column
 * is 348 px, and the charts 675 to 708). A single or layered chart fills the column (Vega-Lite's
 * `fit-x`, its axes and padding inside the width); panels side by side (the monthly fan) are stacked
 * when they do not fit side by side, each as wide as the column; subtitle lines are wrapped to it.
 * `width: "container"` would do for the first only, and not for a chart drawn before it is in the page
 * (main.ts swaps a chart in once it is drawn). The revenue distribution's line labels are laid out
 * again for the plot's width (markersForWidth).
 *
 * @example fittedChart(revenueDistributionSpec(...), 348).width // => 348, with autosize fit-x
 */
export function fittedChart(spec: TopLevelSpec, boxWidth: number): TopLevelSpec {
  const s = spec as unknown as Spec;
  const padding = CHART_CONFIG.padding;
  const chars = Math.max(20, Math.floor((boxWidth - 2 * padding) / SUBTITLE_PX_PER_CHAR));
  const title = s.title && Array.isArray(s.title.subtitle) ? { ...s.title, subtitle: s.title.subtitle.flatMap((line) => wrapLabel(line, chars)) } : s.title;
  if (Array.isArray(s.hconcat)) {
    const panels = s.hconcat;
    const sideBySide = panels.reduce((w, p) => w + (p.width ?? 0), 0) + PANEL_ROOM;
    if (sideBySide <= boxWidth) return { ...s, title } as unknown as TopLevelSpec;
    const { hconcat: _, ...rest } = s;
    const width = Math.max(100, boxWidth - PANEL_ROOM);
    // The bands' legend, one row under the panels, was wider than the column: two columns.
    const config = { ...(s.config as object), legend: { ...CHART_CONFIG.legend, ...((s.config as { legend?: object } | undefined)?.legend ?? {}), columns: 2 } };
    return { ...rest, title, config, vconcat: panels.map((p) => ({ ...p, width })) } as unknown as TopLevelSpec;
  }
  // The distribution's line labels laid out for the plot it will have (placed for 620 px, they overlapped on a narrower one).
  const markers = markersForWidth(spec, boxWidth - 2 * padding - Y_AXIS_ROOM);
  const datasets = markers ? { ...(s.datasets as object), markers } : s.datasets;
  return { ...s, title, datasets, width: boxWidth, autosize: { type: 'fit-x', contains: 'padding' } } as unknown as TopLevelSpec;
}
