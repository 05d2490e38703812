import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate, type Simulation } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { compareSimulations } from '../../src/analysis/compare.js';
import { OneForecastError } from '../../src/analysis/one-forecast-compared.js';
import { comparisonTable } from '../../src/cli/compare-table.js';
import { prepareComparisonDir, writeComparison } from '../../src/cli/write-comparison.js';
import { OKABE_ITO } from '../../src/report/charts/chart-context.js';
import { renderChart, type ChartRenderer } from '../../src/report/render-chart.js';
import { TWO_TIERS } from './fixture.js';
import { comparisonParagraph } from '../../src/report/html/comparison-html.js';
import { compareDecisions } from '../../src/analysis/compare-decisions.js';
import { comparisonSpec } from '../../src/report/charts/comparison.js';
import { comparisonDistributionSpec } from '../../src/report/charts/comparison-distribution.js';
import { sortedFinite } from '../../src/report/charts/downsample.js';
import { formatShareInterval } from '../../src/report/interval-format.js';
import { SAME_LAW } from '../../src/scenario/one-forecast.js';

let sims: Simulation[];
let out: string;

const tmp = () => mkdtempSync(join(tmpdir(), 'arrcast-comparison-'));
type Row = Record<string, unknown>;
const read = (file: string) => JSON.parse(readFileSync(join(out, file), 'utf8'));

beforeAll(async () => {
  const downside = TWO_TIERS.replace('name: Report test Co', 'name: Report test downside').concat('stress: { renewal: -0.03, leads: -0.1 }\n');
  const upside = TWO_TIERS.replace('name: Report test Co', 'name: Report test upside').concat('stress: { conversion: 0.005 }\n');
  sims = [];
  for (const [yaml, file] of [
    [TWO_TIERS, 'plan.yaml'],
    [downside, 'downside.yaml'],
    [upside, 'upside.yaml'],
  ] as const)
    sims.push(await simulate(parseScenario(yaml, file), { trials: 1500, seed: '5', workers: 0 }));
  out = join(tmp(), 'cmp');
  await writeComparison(out, compareSimulations(sims), sims);
});

describe('the comparison chart', () => {
  it('is written beside comparison.json, and the saved spec renders to the saved SVG with no warning', async () => {
    expect(readdirSync(out).sort()).toEqual(['.arrcast-report', 'comparison.html', 'comparison.json', 'comparison.svg', 'comparison.vl.json', 'comparison.xlsx', 'distribution.svg', 'distribution.vl.json']);
    const spec = read('comparison.vl.json');
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
    const { svg, warnings } = await renderChart(spec);
    expect(warnings).toEqual([]);
    expect(svg).toBe(readFileSync(join(out, 'comparison.svg'), 'utf8'));
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(5);
    expect(JSON.stringify(spec)).not.toMatch(/"url"\s*:/);
    await expect(prepareComparisonDir(out)).resolves.toBe(out);
  });

  it("comparison.html's foot names every file written beside it, and only those", () => {
    // It named comparison.json, comparison.vl.json and comparison.svg only: not comparison.xlsx, nor
    // the overlaid distribution's distribution.vl.json and distribution.svg the page shows.
    const foot = /Beside this page: (.*)\.<\/p>/.exec(readFileSync(join(out, 'comparison.html'), 'utf8'));
    expect(foot).not.toBeNull();
    const named = [...foot![1]!.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1]).sort();
    const written = readdirSync(out).filter((f) => f !== 'comparison.html' && !f.startsWith('.')).sort();
    expect(written).toContain('comparison.xlsx');
    expect(named).toEqual(written);
  });

  it("comparison.html's glossary defines what the page shows, and sends the reader to no line it lacks", () => {
    // It was report.html's: bookings 'that is the "New ARR" line', and opening ARR, variance shares
    // and GRR / NRR, none of which comparison.html shows.
    const page = readFileSync(join(out, 'comparison.html'), 'utf8');
    const at = page.indexOf('<section id="glossary">');
    expect(at).toBeGreaterThan(0);
    const [body, glossary] = [page.slice(0, at), page.slice(at)];
    const terms = [...glossary.matchAll(/<dt>([^<]+)<\/dt>/g)].map((m) => m[1]);
    for (const absent of ['New ARR', 'Opening ARR', 'Share of variance', 'GRR / NRR']) {
      expect(body.toLowerCase()).not.toContain(absent.toLowerCase());
      expect(terms).not.toContain(absent);
    }
    expect(glossary).not.toMatch(/that is the (&quot;|")New ARR/);
    for (const shown of ['Recognized revenue', 'Bookings', 'Ending ARR', 'Budget at c confidence', '95% interval', 'Common random numbers']) expect(terms).toContain(shown);
  });

  it("names every scenario whole in both charts' legends, as a planner names them", async () => {
    // A legend limit of 260 px cut the example's own 'B: Example SaaS Co - FY downside' to '... FY down…'.
    const c = structuredClone(compareSimulations(sims));
    const names = ['Example SaaS Co - FY plan', 'Example SaaS Co - FY downside', 'Example SaaS Co - FY upside with the new pricing page'];
    c.scenarios.forEach((s, i) => Object.assign(s, { name: names[i] }));
    const sorted = sims.map((s) => sortedFinite(s.store.column('revenue')!));
    for (const spec of [comparisonSpec(c, sorted), comparisonDistributionSpec(c, sorted)]) {
      const svg = (await renderChart(spec)).svg;
      for (const s of c.scenarios) expect(svg).toContain(`>${s.label}: ${s.name}</text>`);
      expect(svg).not.toContain('…');
    }
  });

  it("comparison.html's paragraph gives a median difference of 0 no direction, and says a B that gave A's year in every trial is one forecast", async () => {
    // A stress of 1e-300 hashes apart from A (a stress of exactly 0 is none: one forecast) but moves
    // nothing (1 + 1e-300 is 1): every B - A is 0, known only after the run.
    const nothing = await simulate(parseScenario(TWO_TIERS.concat('stress: { leads: 1e-300 }\n'), 'no-change.yaml'), { trials: 1500, seed: '5', workers: 0 });
    const same = compareSimulations([sims[0]!, nothing]);
    expect(same.metrics.revenue.differences[0]!.percentiles.p50).toBe(0);
    // No trial of 1,500 below A: the exact upper end 1 - 0.025^(1/1500) = 0.2456%, written outward at one decimal.
    expect(comparisonParagraph(same, compareDecisions([sims[0]!, nothing]))).toContain('it comes in level with A at the median, and below A in under 0.3% of years (none of 1,500 simulated years).');
    // Said where the pairing is said: the terminal, comparison.html and .json, the workbook.
    const words = 'A and B gave the same year in every trial: one forecast, so every B - A is 0.';
    expect(same.pairing).toContain(words);
    expect(comparisonTable(same)).toContain(words);
    // A change that moves the year says nothing of the kind.
    expect(compareSimulations(sims).pairing).not.toContain('gave the same year');
  });

  it('compareSimulations refuses one forecast given twice (one run, or a renamed copy with its own seed and trials), in the CLI\'s words', async () => {
    const law = `(${SAME_LAW}): compare runs every scenario on one seed and trial count against A's targets, so it would show one forecast twice; give scenarios that differ in a driver`;
    expect(() => compareSimulations([sims[0]!, sims[0]!])).toThrow(new OneForecastError(`B (plan.yaml) forecasts what A (plan.yaml) does ${law}`));
    const copy = await simulate(parseScenario(TWO_TIERS.replace('name: Report test Co', 'name: Renamed copy'), 'copy.yaml'), { trials: 100, seed: '9', workers: 0 });
    expect(() => compareSimulations([sims[0]!, sims[1]!, copy])).toThrow(new OneForecastError(`C (copy.yaml) forecasts what A (plan.yaml) does ${law}`));
    expect(() => compareSimulations([sims[0]!, copy])).toThrow(OneForecastError);
  });

  it("comparison.html's paragraph says the chance of a target whose metric is the same in every trial as it is, as run's paragraph does", () => {
    // It read 'under 0.5% (none of 1,500 simulated years)' in compare where run wrote a certain 0.0%.
    const decisions = structuredClone(compareDecisions(sims, { extra: [{ metric: 'revenue', value: 1e15, label: 'Never' }] }));
    const never = decisions.scenarios.map((s) => s.targets.find((t) => t.label === 'Never')!);
    expect(never.map((t) => t.probability.value)).toEqual([0, 0, 0]);
    expect(decisions.scenarios[0]!.targets[0]!.label).toBe('Never');
    const c = compareSimulations(sims);
    expect(comparisonParagraph(c, decisions)).toContain('The chance of Never is under ');
    // The metric the same in every trial: still N trials' count while its interval says so, as run's paragraph writes it.
    for (const t of never) Object.assign(t, { certain: true });
    expect(comparisonParagraph(c, decisions)).toContain('The chance of Never is under ');
  });

  it("comparison.html's paragraph says a scenario below A in every trial as an estimate, not a certain 100.0% (P(X < A) is always the trials' count)", () => {
    const c = structuredClone(compareSimulations(sims));
    const d = c.metrics.revenue.differences[0]! as { probabilityBelow: { value: number; interval: readonly [number, number] } };
    // Every one of the 1,500 trials below A: Wilson's interval starts at 1 - z^2 / (n + z^2) = 99.74%.
    const z2 = 1.959963984540054 ** 2;
    d.probabilityBelow = { ...d.probabilityBelow, value: 1, interval: [1 - z2 / (1500 + z2), 1] };
    expect(comparisonParagraph(c, compareDecisions(sims))).toContain('and below A in over 99.7% of years (all 1,500 simulated years).');
    // The comparison chart's label of the difference says it so too.
    const label = () => ((comparisonSpec(c, sims.map((s) => sortedFinite(s.store.column('revenue')!))) as { datasets: Record<string, Row[]> }).datasets.differences![0]!.text as string);
    expect(label()).toMatch(/; P\(B < A\) over 99\.7%$/);
    // One trial in 1,000 below A (Wilson [0.01765%, 0.5643%]): the label at the decimals comparison.html's
    // table gives it beside that interval (0.10% [0.02%, 0.56%]: the low end at the fewest decimals that read
    // it off 0%), where it read 0.1%.
    d.probabilityBelow = { ...d.probabilityBelow, value: 0.001, interval: [0.00017654637, 0.0056425586] };
    expect(label()).toMatch(/; P\(B < A\) 0\.10%$/);
  });

  it('holds the data of comparison.json: each scenario P10/P50/P90 and the per-trial differences with P(X < A)', () => {
    const c = read('comparison.json');
    const spec = read('comparison.vl.json');
    const sets = spec.datasets as Record<string, Row[]>;
    const names = ['A: Report test Co', 'B: Report test downside', 'C: Report test upside'];
    c.metrics.revenue.scenarios.forEach((s: { percentiles: Record<string, number> }, i: number) => {
      const marks = sets.marks!.filter((m) => m.scenario === names[i]);
      expect(marks.map((m) => [m.percentile, m.value, m.probability])).toEqual([
        ['P10', s.percentiles.p10, 0.9],
        ['P50', s.percentiles.p50, 0.5],
        ['P90', s.percentiles.p90, 0.1],
      ]);
      // The curve crosses 90%, 50% and 10% at those same values.
      const curve = sets.curves!.filter((p) => p.scenario === names[i]);
      expect(curve.find((p) => p.probability === 0.9)!.value).toBe(s.percentiles.p10);
      expect(curve.find((p) => p.probability === 0.5)!.value).toBe(s.percentiles.p50);
      expect(curve.find((p) => p.probability === 0.1)!.value).toBe(s.percentiles.p90);
    });
    const diffs = c.metrics.revenue.differences as Array<{ percentiles: Record<string, number>; probabilityBelow: { value: number } }>;
    expect(sets.differences!.map((d) => d.scenario)).toEqual(['B − A', 'C − A']);
    sets.differences!.forEach((d, k) => {
      expect([d.p10, d.p50, d.p90, d.probabilityBelow]).toEqual([diffs[k]!.percentiles.p10, diffs[k]!.percentiles.p50, diffs[k]!.percentiles.p90, diffs[k]!.probabilityBelow.value]);
    });
    const subtitle = (spec.title as { subtitle: string[] }).subtitle;
    const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
    expect(subtitle).toContain(subtitle.find((l) => l.startsWith('B − A per trial: P10 ')));
    // With its 95% interval as comparison.html's table writes it, not '± ' a standard error beside that table's interval.
    const interval = (p: { interval: readonly [number, number] }) => formatShareInterval(p.interval);
    const below = c.metrics.revenue.differences as Array<{ probabilityBelow: { value: number; interval: [number, number] } }>;
    expect(subtitle.find((l) => l.startsWith('B − A per trial'))).toContain(`P(B < A) = ${pct(diffs[0]!.probabilityBelow.value)}, 95% interval ${interval(below[0]!.probabilityBelow)}.`);
    expect(readFileSync(join(out, 'comparison.html'), 'utf8')).toContain(`<td class="num">${interval(below[0]!.probabilityBelow)}</td>`);
    expect(subtitle.join(' ')).not.toContain('±');
    expect(subtitle.find((l) => l.startsWith('C − A per trial'))).toContain(`P(C < A) = ${pct(diffs[1]!.probabilityBelow.value)}`);
    expect(subtitle.at(-1)).toBe('Px = x% chance of coming in below. 1,500 simulated years. Amounts in USD.');
    // The downside comes in below the plan in most years.
    expect(diffs[0]!.probabilityBelow.value).toBeGreaterThan(0.5);
    expect(JSON.stringify(spec)).toContain(OKABE_ITO.blue);
  });

  it('replaces a previous comparison, and writes nothing when the chart fails to render', async () => {
    const before = readFileSync(join(out, 'comparison.json'), 'utf8');
    const erring: ChartRenderer = async (spec) => ({ ...(await renderChart(spec)), warnings: ['error: Loading failed'] });
    await expect(writeComparison(out, compareSimulations(sims), sims, { renderChart: erring })).rejects.toThrow('the comparison chart did not render: error: Loading failed');
    expect(readFileSync(join(out, 'comparison.json'), 'utf8')).toBe(before);
    const parent = tmp();
    await expect(writeComparison(join(parent, 'cmp'), compareSimulations(sims), sims, { renderChart: erring })).rejects.toThrow('did not render');
    expect(readdirSync(parent)).toEqual([]);
  });

  it('refuses a directory holding anything but a comparison', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'comparison.svg'), '');
    writeFileSync(join(dir, 'notes.txt'), 'keep');
    await expect(prepareComparisonDir(dir)).rejects.toThrow('it holds notes.txt');
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
  });
});
