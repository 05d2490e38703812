import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Simulation } from '../../src/engine/simulate.js';
import type { Summary } from '../../src/analysis/summarize.js';
import { writeReport } from '../../src/report/write-report.js';
import { DEFAULT_OUTPUTS, OUTPUTS, parseOutputs } from '../../src/report/outputs.js';
import { OutputDirError, prepareReportDir } from '../../src/report/output-dir.js';
import { renderChart, type ChartRenderer } from '../../src/report/render-chart.js';
import { HOSTILE_WITH_TARGETS, runReportScenario } from './fixture.js';
import { escapeHtml } from '../../src/report/html/escape.js';
import { whatMustBeTrueLine } from '../../src/report/summary-table.js';
import { RunAbortedError } from '../../src/engine/errors.js';
import { OutputWriteError } from '../../src/report/write-error.js';

let sim: Simulation;
let summary: Summary;

beforeAll(async () => {
  ({ sim, summary } = await runReportScenario());
});

const CHARTS = ['arr-bridge', 'bad-years', 'breakdown', 'exceedance', 'monthly-fan', 'revenue-distribution', 'tornado'];
const tmp = () => mkdtempSync(join(tmpdir(), 'arrcast-report-'));
/** Every file under dir, by relative path, with its contents. */
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => [relative(dir, join(d.parentPath, d.name)), readFileSync(join(d.parentPath, d.name), 'utf8')]),
  );

/**
 * A report of the shared run written by writeReport once for the file, with the default outputs or
 * with all of them: what the tests below only read, or copy into their own directory as the
 * previous report a second writeReport is to replace or leave intact (a report holds no path of its
 * own: its marker says only that arrcast wrote it). Writing each one again per test drew the same
 * seven charts a dozen more times.
 */
const written: Partial<Record<'default' | 'all', string>> = {};
async function writtenReport(kind: 'default' | 'all'): Promise<string> {
  if (written[kind] === undefined) {
    const out = join(tmp(), 'report');
    await writeReport(out, sim, summary, kind === 'all' ? { outputs: [...OUTPUTS] } : {});
    written[kind] = out;
  }
  return written[kind];
}

/** A fresh directory holding a copy of writtenReport(kind) in report/: its parent and the report's path. */
async function previousReport(kind: 'default' | 'all'): Promise<{ parent: string; out: string }> {
  const parent = tmp();
  const out = join(parent, 'report');
  cpSync(await writtenReport(kind), out, { recursive: true });
  return { parent, out };
}

describe('writeReport', () => {
  it('writes the default outputs: summary, scenario, report.html, the charts, the CSVs; not the per-trial exports', async () => {
    const out = await writtenReport('default');
    expect(readdirSync(out).sort()).toEqual(['.arrcast-report', 'charts', 'monthly.csv', 'percentiles.csv', 'report.html', 'report.xlsx', 'scenario.json', 'summary.json']);
    expect(readdirSync(join(out, 'charts'))).toHaveLength(2 * CHARTS.length);
  });

  it('writes what outputs names: summary alone draws no chart, html alone writes no charts/, sipmath and trials when asked', async () => {
    const never: ChartRenderer = () => Promise.reject(new Error('no chart should be drawn'));
    const bare = join(tmp(), 'report');
    await writeReport(bare, sim, summary, { outputs: ['summary'], renderChart: never });
    expect(readdirSync(bare).sort()).toEqual(['.arrcast-report', 'scenario.json', 'summary.json']);
    const html = join(tmp(), 'report');
    await writeReport(html, sim, summary, { outputs: ['html'] });
    expect(readdirSync(html).sort()).toEqual(['.arrcast-report', 'report.html', 'scenario.json', 'summary.json']);
    expect(readFileSync(join(html, 'report.html'), 'utf8')).toContain('<figure class="chart" id="chart-arr-bridge">');
    const exports = join(tmp(), 'report');
    await writeReport(exports, sim, summary, { outputs: ['trials', 'sipmath', 'csv'], renderChart: never });
    expect(readdirSync(exports).sort()).toEqual(['.arrcast-report', 'monthly.csv', 'percentiles.csv', 'scenario.json', 'sipmath.json', 'summary.json', 'trials.csv']);
    expect(readFileSync(join(exports, 'trials.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(sim.trials + 1);
    // The same summary.json whatever else is written.
    expect(readFileSync(join(exports, 'summary.json'), 'utf8')).toBe(readFileSync(join(bare, 'summary.json'), 'utf8'));
    await expect(writeReport(join(tmp(), 'report'), sim, summary, { outputs: ['pdf' as never] })).rejects.toThrow('"pdf" is not an output');
  });

  it('writes every output with all of them, the charts as spec and SVG', async () => {
    const out = await writtenReport('all');
    expect(readdirSync(out).sort()).toEqual(['.arrcast-report', 'charts', 'monthly.csv', 'percentiles.csv', 'report.html', 'report.xlsx', 'scenario.json', 'sipmath.json', 'summary.json', 'trials.csv']);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual(CHARTS.flatMap((c) => [`${c}.svg`, `${c}.vl.json`]));
    for (const c of CHARTS) {
      const spec = JSON.parse(readFileSync(join(out, 'charts', `${c}.vl.json`), 'utf8'));
      expect(spec.$schema).toContain('vega-lite');
      // The saved spec renders to the saved image, byte for byte.
      expect((await renderChart(spec)).svg).toBe(readFileSync(join(out, 'charts', `${c}.svg`), 'utf8'));
    }
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<figure class="chart" id="chart-arr-bridge">');
    expect(JSON.parse(readFileSync(join(out, 'sipmath.json'), 'utf8')).libraryType).toBe('SIPmath_3_0');
  });

  it("report.html's foot names the files beside it, as the outputs wrote them", async () => {
    // It named trials.csv and sipmath.json, which the default outputs do not write, and not report.xlsx.
    const named = (out: string) => {
      const foot = /Files beside this page: (.*)\.<\/p>/.exec(readFileSync(join(out, 'report.html'), 'utf8'))![1]!;
      return [...foot.matchAll(/<code>([^<]*)<\/code>/g)].map((m) => m[1]!).sort();
    };
    const beside = (out: string) => readdirSync(out, { withFileTypes: true }).filter((d) => !d.name.startsWith('.') && d.name !== 'report.html').map((d) => (d.isDirectory() ? `${d.name}/` : d.name)).sort();
    for (const kind of ['default', 'all'] as const) {
      const out = await writtenReport(kind);
      expect(named(out), kind).toEqual(beside(out));
    }
    const html = join(tmp(), 'report');
    await writeReport(html, sim, summary, { outputs: ['html', 'trials'] });
    expect(named(html)).toEqual(beside(html));
    expect(named(html)).toEqual(['scenario.json', 'summary.json', 'trials.csv']);
    // Nor do the charts' captions name a charts/ folder that is not written.
    expect(readFileSync(join(html, 'report.html'), 'utf8')).not.toContain('charts/');
    expect(readFileSync(join(await writtenReport('default'), 'report.html'), 'utf8')).toContain('Spec: <code>charts/revenue-distribution.vl.json</code>');
  });

  it('replaces a previous report on a rerun', async () => {
    const { out } = await previousReport('default');
    // A chart an earlier run drew and this one does not (capacity: that run's scenario had reps).
    writeFileSync(join(out, 'charts', 'capacity.svg'), 'from a run with reps');
    await writeReport(out, sim, summary);
    expect(existsSync(join(out, 'charts', 'capacity.svg'))).toBe(false);
    expect(readdirSync(join(out, 'charts'))).toHaveLength(2 * CHARTS.length);
  });

  it('leaves no partial directory, and the previous report untouched, when a chart fails to render', async () => {
    const { parent, out } = await previousReport('default');
    const before = snapshot(out);
    let calls = 0;
    const failing: ChartRenderer = async (spec) => {
      if (++calls === 3) throw new Error('injected: the third chart does not render');
      return renderChart(spec);
    };
    await expect(writeReport(out, sim, summary, { renderChart: failing })).rejects.toThrow('injected: the third chart does not render');
    expect(calls).toBe(3);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['report']);
  });

  it('fails, writing nothing, when vega reports an error drawing a chart', async () => {
    const parent = tmp();
    const erring: ChartRenderer = async (spec) => ({ ...(await renderChart(spec)), warnings: ['error: Loading failed'] });
    await expect(writeReport(join(parent, 'report'), sim, summary, { renderChart: erring })).rejects.toThrow(
      'chart revenue-distribution did not render: error: Loading failed',
    );
    expect(readdirSync(parent)).toEqual([]);
  });

  it('creates nothing when the first run fails', async () => {
    const parent = tmp();
    const failing: ChartRenderer = async () => {
      throw new Error('injected');
    };
    await expect(writeReport(join(parent, 'report'), sim, summary, { renderChart: failing })).rejects.toThrow('injected');
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('writeReport with targets', () => {
  it('draws the targets, the budget and the plan from the summary and the scenario, and lists them in report.html, escaped', async () => {
    const run = await runReportScenario(HOSTILE_WITH_TARGETS);
    const out = join(tmp(), 'report');
    await writeReport(out, run.sim, run.summary);
    const spec = (name: string) => JSON.parse(readFileSync(join(out, 'charts', `${name}.vl.json`), 'utf8'));
    const d = run.summary.decisions;
    const markers = spec('revenue-distribution').datasets.markers as Array<{ key: string; value: number; text: string }>;
    expect(markers.find((m) => m.key === 'target')!.value).toBe(12e6);
    expect(markers.find((m) => m.key === 'budget')!.value).toBe(d.budgets.metrics.revenue.value);
    expect(markers.find((m) => m.key === 'budget')!.text).toMatch(/^Budget at 80% confidence \(P20\) \$/);
    expect(spec('exceedance').datasets.targets.map((t: { probability: number }) => t.probability)).toEqual([d.targets[0]!.probability.value, d.targets[1]!.probability.value]);
    expect(spec('monthly-fan').datasets.mrrPlan.map((r: { value: number }) => r.value)).toEqual(run.sim.loaded.scenario.targets!.monthly!.mrr);

    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<h2>Targets and budgets</h2>');
    expect(html).toContain('<th scope="row">Board &lt;plan&gt; &amp; &quot;stretch&quot;</th>');
    expect(html).not.toContain('Board <plan>');
    const t = d.targets[0]!;
    const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
    expect(html).toContain(`<td class="num">${pct(t.probability.value)}</td><td class="num">[${pct(t.probability.interval[0])}, ${pct(t.probability.interval[1])}]</td>`);
    expect(html).toContain('<th scope="row">All targets in the same year</th>');
    expect(html).toContain('<h3>Budget at 80% confidence (P20)</h3>');
    expect(html).toContain('<th scope="col" class="num">Mean gap if missed</th>');
    expect(run.summary.whatMustBeTrue).toHaveLength(3);
    // The terminal's words, but for the P50, which report.html writes in its money (with the currency).
    const items = [...html.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]!);
    const withoutP50 = (line: string) => line.replace(/\(P50 now [^)]*\)/, '(P50)');
    for (const w of run.summary.whatMustBeTrue) {
      const item = items.find((i) => withoutP50(i) === withoutP50(escapeHtml(whatMustBeTrueLine(w))));
      expect(item, w.target).toBeDefined();
      if (/P50 now/.test(item!)) expect(item).toMatch(/\(P50 now \$/);
    }
    expect(items.filter((i) => /\(P50 now \$/.test(i)).length).toBeGreaterThan(0);
    expect(html).toContain('<figure class="chart" id="chart-tornado">');
  });

  it('lets explicit marks replace the ones from the summary', async () => {
    const run = await runReportScenario(HOSTILE_WITH_TARGETS, 500);
    const out = join(tmp(), 'report');
    await writeReport(out, run.sim, run.summary, { marks: { target: 1e7 } });
    const markers = JSON.parse(readFileSync(join(out, 'charts', 'revenue-distribution.vl.json'), 'utf8')).datasets.markers as Array<{ key: string; value: number }>;
    expect(markers.map((m) => m.key)).toEqual(['p10', 'p50', 'p90', 'mean', 'target']);
    expect(markers.at(-1)!.value).toBe(1e7);
  });

  it('writes a budgets table and no targets section when the run has no targets', async () => {
    const out = await writtenReport('default');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<h2>Budgets</h2>');
    expect(html).not.toContain('<h3>Targets</h3>');
    expect(html).not.toContain('What must be true');
  });
});

describe('prepareReportDir knows an arrcast report', () => {
  it('accepts a report with its charts directory', async () => {
    const { out } = await previousReport('default');
    await expect(prepareReportDir(out)).resolves.toBe(out);
  });

  it('refuses a charts directory holding anything but chart specs and images', async () => {
    const out = join(tmp(), 'report');
    mkdirSync(join(out, 'charts'), { recursive: true });
    writeFileSync(join(out, 'summary.json'), '{}');
    writeFileSync(join(out, 'charts', 'notes.txt'), 'keep me');
    await expect(prepareReportDir(out)).rejects.toThrow(OutputDirError);
    await expect(prepareReportDir(out)).rejects.toThrow('it holds charts/notes.txt');
  });

  it('refuses a charts that is a file, and any other name', async () => {
    const out = join(tmp(), 'report');
    mkdirSync(out);
    writeFileSync(join(out, 'charts'), 'a file');
    await expect(prepareReportDir(out)).rejects.toThrow('it holds charts');
    const other = join(tmp(), 'report');
    mkdirSync(other);
    writeFileSync(join(other, 'report.html'), '');
    writeFileSync(join(other, 'budget.xlsx'), '');
    await expect(prepareReportDir(other)).rejects.toThrow('it holds budget.xlsx');
  });
});

/** Every output, so a step after each kind of file can be tried. */
const ALL = { outputs: [...OUTPUTS] };

describe('writeReport stops cleanly', () => {
  it.each(['summary.json', 'charts/arr-bridge.svg', 'report.html', 'trials.csv', 'renaming'])(
    'at a signal after %s: RunAbortedError, the previous report intact, no temporary directory',
    async (at) => {
      const { parent, out } = await previousReport('all');
      const before = snapshot(out);
      const abort = new AbortController();
      const steps: string[] = [];
      const onStep = (step: string) => {
        steps.push(step);
        if (step === at) abort.abort();
      };
      await expect(writeReport(out, sim, summary, { ...ALL, signal: abort.signal, onStep })).rejects.toThrow(RunAbortedError);
      expect(steps.at(-1)).toBe(at);
      expect(snapshot(out)).toEqual(before);
      expect(readdirSync(parent)).toEqual(['report']);
    },
  );

  it.each([
    ['a file', (out: string) => writeFileSync(join(out, 'notes.md'), 'mine'), 'is an arrcast report that also holds notes.md'],
    ['a chart folder file', (out: string) => writeFileSync(join(out, 'charts', 'notes.txt'), 'mine'), 'also holds charts/notes.txt'],
    ['its marker gone', (out: string) => rmSync(join(out, '.arrcast-report')), 'looks like a report of an older arrcast'],
  ])('a previous report given %s while the new one is written is not replaced', async (_, change, message) => {
    const { parent, out } = await previousReport('all');
    const onStep = (step: string) => {
      if (step === 'trials.csv') change(out);
    };
    await expect(writeReport(out, sim, summary, { ...ALL, onStep })).rejects.toThrow(message);
    const kept = snapshot(out);
    expect(Object.keys(kept)).toContain('summary.json');
    expect(readdirSync(parent)).toEqual(['report']);
  });

  it('a full disk names the path under --out, not the temporary directory, and keeps the previous report', async () => {
    const { parent, out } = await previousReport('default');
    const before = snapshot(out);
    // What fs.write gives on a full disk: a system error without a path.
    const full: ChartRenderer = async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    };
    const error = await writeReport(out, sim, summary, { renderChart: full }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputWriteError);
    expect((error as Error).message).toBe(`cannot write ${out}: no space left on device (ENOSPC)`);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['report']);
  });
});

describe('--outputs lists', () => {
  it.each<[string, string[]]>([
    ['summary', ['summary']],
    ['html', ['summary', 'html']],
    ['trials, SIPMATH', ['summary', 'trials', 'sipmath']],
    ['default', [...DEFAULT_OUTPUTS]],
    ['default,trials', ['summary', 'html', 'charts', 'csv', 'xlsx', 'trials']],
    ['all', [...OUTPUTS]],
  ])('%s', (text, expected) => {
    expect(parseOutputs(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['', '--outputs needs at least one name: summary, html, charts, csv, xlsx, trials, sipmath, all or default'],
    ['html,pdf', '--outputs: "pdf" is not an output; choose among summary, html, charts, csv, xlsx, trials, sipmath, all or default'],
    ['tsv,pdf', '--outputs: "tsv", "pdf" are not outputs; choose among'],
  ])('refuses %j', (text, message) => {
    expect(() => parseOutputs(text)).toThrow(message);
  });
});
