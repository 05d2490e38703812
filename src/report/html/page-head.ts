import { escapeHtml } from './escape.js';
import { inlineSvg } from './inline-svg.js';
import { REPORT_CSS } from './report-css.js';

/** What a self-contained page of arrcast's may load: nothing but its own inline styles and data: images. */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The start of a self-contained report page (report.html, comparison.html, score.html): the doctype,
 * the security policy, the title (escaped here) and the shared styles, through `</head>`.
 */
export function pageHead(title: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="arrcast">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>`;
}

/** One chart as a figure: its SVG inline and its caption; `note` is HTML added after the caption. */
export function chartFigure(chart: { readonly name: string; readonly caption: string; readonly svg: string }, note = ''): string {
  const e = escapeHtml;
  return `<figure class="chart" id="chart-${e(chart.name)}">\n${inlineSvg(chart.svg, chart.name, chart.caption)}\n<figcaption>${e(chart.caption)}${note}</figcaption>\n</figure>`;
}
