import { Worker } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { renderChart, type ChartRenderer, type RenderedChart } from './render-chart.js';
import { sourceWorkerUrl } from '../engine/source-worker.js';

/** What the main thread sends the chart thread: a spec to draw. */
export interface ChartThreadRequest {
  readonly id: number;
  readonly spec: TopLevelSpec;
}

/** What the chart thread answers: loaded (or not), a chart drawn, or a chart it could not draw. */
export type ChartThreadReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'unusable' }
  | { readonly kind: 'drawn'; readonly id: number; readonly svg: string; readonly warnings: string[] }
  | { readonly kind: 'failed'; readonly id: number };

/**
 * A ChartRenderer whose calls may all be started at once: writeReport's drawCharts asks for every
 * chart before it waits for the first, and writes them in their order as they come in.
 */
export type ConcurrentChartRenderer = ChartRenderer & { readonly concurrent: true };

/** Whether drawCharts may start all of a report's charts at once with this renderer. */
export const isConcurrentRenderer = (render: ChartRenderer): render is ConcurrentChartRenderer => (render as { concurrent?: unknown }).concurrent === true;

/** The chart thread and the renderer that shares a report's charts between it and the main thread. */
export interface ChartThread {
  readonly render: ConcurrentChartRenderer;
  /** Resolves true once the thread has loaded vega and drawn its warm-up chart, false if it never will. */
  readonly ready: Promise<boolean>;
  /** How many charts the thread (not the main thread) has drawn so far. */
  readonly drawnByThread: () => number;
  /** Stop the thread; charts not yet drawn are refused (their callers have stopped waiting). Never rejects. */
  close(): Promise<void>;
}

interface Job {
  readonly id: number;
  readonly spec: TopLevelSpec;
  readonly resolve: (drawn: RenderedChart) => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Start a thread that loads vega and vega-lite (chart-worker.ts) while the main thread does other work
 * (the CLI: while it summarises a run, when the workers have stopped and a core is idle), then draws
 * charts beside the main thread: the main thread draws from the front of the report's charts, the
 * thread from the back, one at a time each, until none is left. Each SVG is renderChart's, the same
 * bytes on either thread (ids numbered from 1 per chart). A chart the thread could not draw, or any
 * chart it held when it failed, is drawn on the main thread, so an error is reported as it always was.
 * Until the thread is ready, the main thread draws alone.
 */
export function startChartThread(): ChartThread {
  const queue: Job[] = [];
  // Charts the thread failed on or held when it failed: the main thread's only, first in line.
  const mainOnly: Job[] = [];
  const held = new Map<number, Job>();
  let ready = false;
  let usable = true;
  let closed = false;
  let pumping = false;
  let nextId = 0;
  let drawnByThread = 0;
  let settleReady: (usable: boolean) => void = () => undefined;
  const readyPromise = new Promise<boolean>((resolve) => (settleReady = resolve));
  const worker = new Worker(chartWorkerUrl());
  // It never keeps the process alive: a run that ends without closing it is not held open by it.
  worker.unref();
  const giveUp = () => {
    usable = false;
    settleReady(false);
    mainOnly.push(...held.values());
    held.clear();
    pump();
  };
  worker.on('error', giveUp);
  worker.on('exit', giveUp);
  worker.on('message', (reply: ChartThreadReply) => {
    if (reply.kind === 'ready') {
      ready = true;
      settleReady(true);
    }
    else if (reply.kind === 'unusable') giveUp();
    else {
      const job = held.get(reply.id);
      if (!job) return;
      held.delete(reply.id);
      if (reply.kind === 'drawn') {
        drawnByThread++;
        job.resolve({ svg: reply.svg, warnings: reply.warnings });
      }
      else {
        mainOnly.push(job);
        pump();
      }
    }
    feed();
  });
  /** Hand the thread the last chart waiting, when it is free. */
  const feed = () => {
    if (closed || !ready || !usable || held.size > 0) return;
    const job = queue.pop();
    if (!job) return;
    held.set(job.id, job);
    worker.postMessage({ id: job.id, spec: job.spec } satisfies ChartThreadRequest);
  };
  /** Draw the first chart waiting on the main thread, then the next, until none waits. */
  const pump = () => {
    if (pumping || closed) return;
    pumping = true;
    void (async () => {
      try {
        for (;;) {
          // A turn of the event loop before each chart: the thread's answers (ready, a chart drawn) are
          // read in between, where a chain of resolved promises would keep the main thread to itself.
          await new Promise((resolve) => setImmediate(resolve));
          const job = closed ? undefined : (mainOnly.shift() ?? queue.shift());
          if (!job) break;
          try {
            job.resolve(await renderChart(job.spec));
          } catch (err) {
            job.reject(err);
          }
        }
      } finally {
        pumping = false;
      }
    })();
  };
  const render = Object.assign(
    (spec: TopLevelSpec) =>
      new Promise<RenderedChart>((resolve, reject) => {
        if (closed) throw new Error('the chart thread is closed');
        queue.push({ id: nextId++, spec, resolve, reject });
        // After the caller has asked for every chart of its turn: the thread takes the last, the main thread the first.
        queueMicrotask(() => {
          feed();
          pump();
        });
      }),
    { concurrent: true as const },
  );
  return {
    render,
    ready: readyPromise,
    drawnByThread: () => drawnByThread,
    close: async () => {
      if (closed) return;
      closed = true;
      settleReady(false);
      worker.off('exit', giveUp);
      const refused = new Error('the chart thread is closed');
      for (const job of [...mainOnly, ...queue, ...held.values()]) job.reject(refused);
      mainOnly.length = 0;
      queue.length = 0;
      held.clear();
      await worker.terminate().catch(() => undefined);
    },
  };
}

/**
 * The thread's script. '../report/chart-worker.js' holds both from dist/report/ and from the CLI's
 * bundle, dist/cli/main.js (scripts/bundle.mjs bundles the worker over tsc's file); from the sources
 * (the tests), a bundle of chart-worker.ts (source-worker.ts; a thread cannot start from a .ts file).
 */
function chartWorkerUrl(): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  const bundle = fromSource ? sourceWorkerUrl(new URL('./chart-worker.ts', import.meta.url)) : undefined;
  return new URL(bundle ?? (fromSource ? './chart-worker.ts' : '../report/chart-worker.js'), import.meta.url);
}
