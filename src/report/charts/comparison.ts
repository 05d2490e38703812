import type { TopLevelSpec } from 'vega-lite';
import type { Comparison } from '../../analysis/compare.js';
import { currencyMark } from '../money.js';
import { CHART_CONFIG, LABEL_PX_PER_CHAR, OKABE_ITO, VEGA_LITE_SCHEMA, chartTitle, exceedanceY, moneyAxis, type ChartContext } from './chart-context.js';
import { exceedanceCurve, nonEmptySpan } from './downsample.js';
import { chanceShort } from '../chance-words.js';
import { formatShareBeside, formatShareInterval } from '../interval-format.js';
import { differenceRowMoney } from '../difference-row-money.js';

/** Scenario colours in order (A, B, C, ...): Okabe-Ito, yellow last (faint on white); repeats after eight. */
const SCENARIO_COLOURS = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
  OKABE_ITO.yellow,
] as const;

/** One row of the difference panel: the per-trial X - A of revenue, from comparison.json. */
export interface DifferenceRow {
  readonly scenario: string;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly probabilityBelow: number;
  readonly text: string;
}

/** The context of a comparison's chart: its currency, trials and convention. */
export function comparisonContext(comparison: Comparison): ChartContext {
  const currency = comparison.scenarios[0]?.currency ?? 'USD';
  return { currency, symbol: currencyMark(currency), trials: comparison.trials, convention: comparison.percentileConvention };
}

/** "A: Plan", "B: Downside": a scenario as the chart names it (the letter keeps equal names apart). */
const scenarioName = (s: Comparison['scenarios'][number]) => `${s.label}: ${s.name}`;

/**
 * The comparison chart of `arrcast compare --out`: on top, each scenario's recognized revenue as an
 * exceedance curve P(revenue >= x) (from the per-trial revenue of each simulation, sorted), with its
 * P10, P50 and P90 from comparison.json as dots; below, the per-trial difference X - A of every
 * later scenario: a bar from its P10 to its P90 with its P50, and P(X < A), in the subtitle too.
 * `sortedRevenue[i]` is scenario i's per-trial revenue, sorted ascending.
 *
 * @example comparisonSpec(compareSimulations(sims), sims.map((s) => sortedFinite(s.store.column('revenue')!)))
 * Complexity: O(scenarios x points).
 */
/** The room a legend entry's colour symbol and the gap after it take. */
const LEGEND_SYMBOL_PX = 30;

/**
 * The legend of the compared scenarios ("A: name") under a chart `width` wide: two columns when the
 * longest name fits twice by vega's width estimate, else one, each label as long as it needs up to the
 * chart's width. A fixed limit of 260 cut the example's own "B: Example SaaS Co - FY downside" to
 * "B: Example SaaS Co - FY down…" (vega in Node estimates 0.8 em a character and cuts past the limit).
 *
 * @example scenarioLegend(['A: Plan', 'B: Downside'], 620) // => { title: null, labelLimit: 105, columns: 2 }
 */
export function scenarioLegend(names: readonly string[], width: number): { title: null; labelLimit: number; columns: number } {
  const needed = Math.ceil(Math.max(0, ...names.map((n) => n.length)) * LABEL_PX_PER_CHAR) + 8;
  const columns = 2 * (needed + LEGEND_SYMBOL_PX) <= width ? 2 : 1;
  return { title: null, labelLimit: Math.min(needed, width - LEGEND_SYMBOL_PX), columns };
}

export function comparisonSpec(comparison: Comparison, sortedRevenue: ReadonlyArray<ArrayLike<number>>): TopLevelSpec {
  const ctx = comparisonContext(comparison);
  const revenue = comparison.metrics.revenue;
  const names = comparison.scenarios.map(scenarioName);
  const steps = comparison.scenarios.length <= 4 ? 100 : 50;
  const curves = comparison.scenarios.flatMap((_, i) =>
    exceedanceCurve(sortedRevenue[i] ?? [], steps).map((p) => ({ scenario: names[i]!, value: p.value, probability: p.probability })),
  );
  const marks = revenue.scenarios.flatMap((s, i) =>
    (['p10', 'p50', 'p90'] as const).map((p) => ({
      scenario: names[i]!,
      percentile: p.toUpperCase(),
      value: s.percentiles[p],
      probability: (100 - Number(p.slice(1))) / 100,
    })),
  );
  const differences: DifferenceRow[] = revenue.differences.map((d) => {
    const x = comparison.scenarios[d.scenario]!.label;
    // Its P50 as the difference's row in the tables writes it (differenceRowMoney: one number of digits a row).
    const money = differenceRowMoney(d, ctx.symbol);
    return {
      scenario: `${x} − A`,
      p10: d.percentiles.p10,
      p50: d.percentiles.p50,
      p90: d.percentiles.p90,
      probabilityBelow: d.probabilityBelow.value,
      // Below A in every trial (none) is an estimate unless the difference never varies: 'over 99.7%', not 100.0% (chanceShort);
      // otherwise as the table beside the chart writes it, at its interval's decimals (formatShareBeside: 0.100%, where 0.1% was written).
      text: `P50 ${money(d.percentiles.p50)}; P(${x} < A) ${chanceShort(d.probabilityBelow, false)}`,
    };
  });
  const lines = revenue.differences.map((d) => {
    const x = comparison.scenarios[d.scenario]!.label;
    const p = d.percentiles;
    const money = differenceRowMoney(d, ctx.symbol);
    // With its 95% interval, as the table beside the chart writes it (it said '96.9% ± 0.1%', a standard error, beside the table's [96.7%, 97.2%]).
    const pb = d.probabilityBelow;
    return `${x} − A per trial: P10 ${money(p.p10)}, P50 ${money(p.p50)}, P90 ${money(p.p90)}; P(${x} < A) = ${formatShareBeside(pb.value, pb.interval)}, 95% interval ${formatShareInterval(pb.interval, pb.value)}.`;
  });
  const [lo, hi] = nonEmptySpan(
    Math.min(...revenue.scenarios.map((s) => s.percentiles.p10)),
    Math.max(...revenue.scenarios.map((s) => s.percentiles.p90)),
  );
  // The curves' axis spans every scenario's P10 to P90, widened by the larger half-band.
  const pad = (hi - lo) * 0.6;
  const [dlo, dhi] = nonEmptySpan(Math.min(0, ...differences.map((d) => d.p10)), Math.max(0, ...differences.map((d) => d.p90)));
  const dpad = (dhi - dlo) * 0.1;
  const color = {
    field: 'scenario',
    type: 'nominal' as const,
    scale: { domain: names, range: names.map((_, i) => SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]!) },
    legend: scenarioLegend(names, 620),
  };
  const dy = { field: 'scenario', type: 'nominal' as const, sort: differences.map((d) => d.scenario), axis: { title: null } };
  const dx = (field: string) => ({ field, type: 'quantitative' as const, scale: { domain: [dlo - dpad, dhi + dpad * 6], nice: false, zero: false } });
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(
      ctx,
      'Scenarios compared: recognized revenue',
      'Top: chance that each scenario’s revenue reaches at least x (dots at P10, P50, P90).',
      'Bottom: the difference X − A in the same simulated year (common random numbers), P10 to P90 with P50.',
      ...lines,
    ),
    config: CHART_CONFIG,
    datasets: { curves, marks, differences },
    vconcat: [
      {
        width: 620,
        height: 240,
        encoding: {
          x: { field: 'value', type: 'quantitative', scale: { zero: false, domain: [lo - pad, hi + pad], nice: false }, axis: moneyAxis(ctx, 'Recognized revenue') },
          y: exceedanceY(),
          color,
        },
        layer: [
          { data: { name: 'curves' }, mark: { type: 'line', strokeWidth: 2, clip: true } },
          { data: { name: 'marks' }, mark: { type: 'point', filled: true, size: 45, opacity: 1 } },
        ],
      },
      {
        width: 620,
        height: { step: 34 },
        title: { text: 'Difference from A in the same simulated year (X − A)', fontSize: 12, anchor: 'start' },
        layer: [
          {
            data: { values: [{ zero: 0 }] },
            mark: { type: 'rule', color: '#888888', strokeDash: [3, 3] },
            encoding: { x: { field: 'zero', type: 'quantitative' } },
          },
          {
            data: { name: 'differences' },
            mark: { type: 'bar', color: OKABE_ITO.skyBlue, height: { band: 0.5 } },
            encoding: { y: dy, x: { ...dx('p10'), axis: moneyAxis(ctx, 'X − A, recognized revenue') }, x2: { field: 'p90' } },
          },
          {
            data: { name: 'differences' },
            mark: { type: 'tick', color: OKABE_ITO.black, thickness: 2.5 },
            encoding: { y: dy, x: dx('p50') },
          },
          {
            data: { name: 'differences' },
            mark: { type: 'text', align: 'left', baseline: 'middle', dx: 8, fontSize: 11, color: '#222222' },
            encoding: { y: dy, x: dx('p90'), text: { field: 'text' } },
          },
        ],
      },
    ],
  } as TopLevelSpec;
}
