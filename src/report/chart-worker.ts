import { parentPort } from 'node:worker_threads';
import { renderChart, warmChartLibraries } from './render-chart.js';
import type { ChartThreadReply, ChartThreadRequest } from './chart-thread.js';

// The chart thread (chart-thread.ts): loads vega and vega-lite and draws the tiny warm-up chart, says
// it is ready, then draws each spec it is sent with the same renderChart the main thread uses, so an
// SVG is the same bytes whichever thread drew it. A chart it cannot draw (renderChart threw) is
// answered `failed`: the main thread then draws it itself, so the error shown is the one it always was.
const port = parentPort!;
warmChartLibraries().then(
  () => port.postMessage({ kind: 'ready' } satisfies ChartThreadReply),
  () => port.postMessage({ kind: 'unusable' } satisfies ChartThreadReply),
);
port.on('message', (request: ChartThreadRequest) => {
  renderChart(request.spec).then(
    (drawn) => port.postMessage({ kind: 'drawn', id: request.id, svg: drawn.svg, warnings: [...drawn.warnings] } satisfies ChartThreadReply),
    () => port.postMessage({ kind: 'failed', id: request.id } satisfies ChartThreadReply),
  );
});
