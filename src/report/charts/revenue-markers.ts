import type { TopLevelSpec } from 'vega-lite';
import { labelWidth, placeLineLabels } from './label-layout.js';
import type { Marker } from './revenue-distribution.js';

// The revenue distribution's labelled lines laid out, apart from the spec (no Node module here: the
// studio's page bundles this file to lay them out for the width it draws the chart at).

/**
 * The lines' labels laid out above a plot of `width` pixels showing `domain`, so labels of nearby
 * lines do not overlap (revenueMarkers' layout, and the studio's when it draws the chart narrower:
 * markersForWidth).
 */
export function placedMarkers(lines: ReadonlyArray<Pick<Marker, 'key' | 'value' | 'text'>>, domain: readonly [number, number], width: number): Marker[] {
  // P50 first, so the median keeps the row nearest the plot; then P10, P90, the mean, the rest.
  const priority = ['p50', 'p10', 'p90', 'mean', 'target', 'budget'];
  const order = lines.map((_, i) => i).sort((a, b) => priority.indexOf(lines[a]!.key) - priority.indexOf(lines[b]!.key));
  const px = (v: number) => ((v - domain[0]) / (domain[1] - domain[0])) * width;
  const placements = placeLineLabels(order.map((i) => ({ x: px(lines[i]!.value), width: labelWidth(lines[i]!.text.length) })), width);
  const out: Marker[] = new Array<Marker>(lines.length);
  order.forEach((i, k) => {
    const p = placements[k]!;
    out[i] = { ...lines[i]!, labelY: -9 - p.row * 15, side: p.side };
  });
  return out;
}

/**
 * The markers of a revenueDistributionSpec laid out anew for a plot of `width` pixels (its labels
 * were placed for WIDTH): the studio draws the chart as wide as its column, and labels placed for
 * 620 px overlapped on a plot of 280. undefined when `spec` holds no markers.
 *
 * @example markersForWidth(revenueDistributionSpec(summary, order, ctx), 280) // => the markers, rows for 280 px
 */
export function markersForWidth(spec: TopLevelSpec, width: number): Marker[] | undefined {
  const s = spec as { datasets?: { markers?: Marker[] }; layer?: Array<{ encoding?: { x?: { scale?: { domain?: [number, number] } } } }> };
  const markers = s.datasets?.markers;
  const domain = s.layer?.[0]?.encoding?.x?.scale?.domain;
  return markers && domain ? placedMarkers(markers, domain, width) : undefined;
}
