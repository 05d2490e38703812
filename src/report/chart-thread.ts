import { Worker } from 'node:worker_threads';
import type { ChartRenderer, RenderedChart } from './render-chart.js';
import { sourceWorkerUrl } from '../engine/source-worker.js';

/** A thread of its own drawing charts (chart-worker.ts), with vega loaded there from its start. */
export interface ChartThread {
  /** Draws a chart on the thread: the same SVG and warnings renderChart gives on the main thread. */
  readonly render: ChartRenderer;
  /** Ends the thread; a chart still being drawn rejects. */
  close(): Promise<void>;
}

type Answer = { readonly id: number; readonly svg: string; readonly warnings: string[] } | { readonly id: number; readonly error: string };

/**
 * Start a chart thread. The CLI starts one as its run's last chunks are sent, when one core is about
 * to be idle, so that vega loads there while the run ends and is summarised; writeReport then draws
 * some of the charts on it while the main thread draws the rest (renderChartAside). The thread never
 * keeps the process alive (unref). From TypeScript sources (tests) it runs a bundle of chart-worker.ts.
 *
 * @example const thread = startChartThread(); try { await writeReport(dir, sim, summary, { renderChartAside: thread.render }); } finally { await thread.close(); }
 */
export function startChartThread(): ChartThread {
  const fromSource = import.meta.url.endsWith('.ts');
  // From sources (tests), a bundle of chart-worker.ts, as the engine's pool does (source-worker.ts).
  const bundle = fromSource ? sourceWorkerUrl(new URL('./chart-worker.ts', import.meta.url)) : undefined;
  if (fromSource && bundle === undefined) throw new Error('the chart thread cannot start from TypeScript sources without esbuild');
  // '../report/chart-worker.js' holds both from dist/report/ and from the CLI's bundle, dist/cli/main.js (scripts/bundle.mjs).
  const worker = new Worker(bundle ? new URL(bundle) : new URL('../report/chart-worker.js', import.meta.url));
  worker.unref();
  const waiting = new Map<number, { resolve: (r: RenderedChart) => void; reject: (e: Error) => void }>();
  let failed: Error | undefined;
  const failAll = (err: Error) => {
    failed ??= err;
    for (const w of waiting.values()) w.reject(failed);
    waiting.clear();
  };
  worker.on('message', (answer: Answer) => {
    const w = waiting.get(answer.id);
    if (!w) return;
    waiting.delete(answer.id);
    if ('error' in answer) w.reject(new Error(answer.error));
    else w.resolve({ svg: answer.svg, warnings: answer.warnings });
  });
  worker.on('error', (err) => failAll(err));
  worker.on('exit', (code) => failAll(new Error(`the chart thread stopped (exit code ${code})`)));
  let next = 0;
  const render: ChartRenderer = (spec) =>
    new Promise<RenderedChart>((resolve, reject) => {
      if (failed) return reject(failed);
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, spec });
    });
  return {
    render,
    close: async () => {
      failAll(new Error('the chart thread was closed'));
      await worker.terminate();
    },
  };
}
