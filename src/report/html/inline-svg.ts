import { renameSvgIds } from '../svg-ids.js';

/**
 * An SVG document made safe to inline in an HTML page beside others: its ids (vega's clip paths
 * and gradients) get a per-chart prefix, so two charts' "clip1" cannot clip each other, and the
 * root element is labelled for screen readers. Text inside is left as vega escaped it.
 *
 * @example inlineSvg(svg, 'exceedance', 'Chance of at least x')
 * Complexity: O(length of the SVG).
 */
export function inlineSvg(svg: string, prefix: string, label: string): string {
  const safePrefix = prefix.replace(/[^A-Za-z0-9_-]/g, '-');
  const out = renameSvgIds(svg.replace(/^<\?xml[^>]*>\s*/, ''), (id) => `${safePrefix}-${id}`);
  const attr = label.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return out.replace(/^<svg\b/, `<svg role="img" aria-label="${attr}"`);
}
