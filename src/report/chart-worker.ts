import { parentPort } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { renderChart, warmChartLibraries } from './render-chart.js';

/**
 * A thread that draws charts for the main thread (chart-thread.ts): it loads vega and draws a tiny
 * chart as soon as it starts, then answers each { id, spec } with { id, svg, warnings } or, when
 * renderChart rejects, { id, error } (its message, which the main thread throws again).
 */
const port = parentPort;
if (port) {
  const warmed = warmChartLibraries().catch(() => undefined);
  port.on('message', (message: { readonly id: number; readonly spec: TopLevelSpec }) => {
    void warmed
      .then(() => renderChart(message.spec))
      .then(
        ({ svg, warnings }) => port.postMessage({ id: message.id, svg, warnings }),
        (err: unknown) => port.postMessage({ id: message.id, error: err instanceof Error ? err.message : String(err) }),
      );
  });
}
