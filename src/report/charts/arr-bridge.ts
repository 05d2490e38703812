import type { TopLevelSpec } from 'vega-lite';
import type { Summary } from '../../analysis/summarize.js';
import { COMPONENT_LABELS, METRIC_COMPONENTS, type Component } from '../../model/components.js';
import { fixedMoney } from '../fixed-money.js';
import { agreeAtPrecision } from '../agree-at-precision.js';
import { formatCurrency, type CurrencyMark } from '../money.js';
import { CHART_CONFIG, OKABE_ITO, VEGA_LITE_SCHEMA, chartTitle, moneyAxis, type ChartContext } from './chart-context.js';

/** One bar of the bridge: a total drawn from zero, or a step drawn from the running total. */
export interface BridgeStep {
  readonly order: number;
  readonly label: string;
  readonly kind: 'total' | 'increase' | 'decrease';
  /** Where the bar starts and ends (a total starts at 0). */
  readonly start: number;
  readonly end: number;
  /** The step's amount (end - start), or the total. */
  readonly amount: number;
  readonly text: string;
  /** The label of the next bar, for the connector line (empty on the last). */
  readonly next: string;
}

/**
 * The ARR bridge at mean trial values: opening ARR, then each component of ending ARR (new
 * business, new-customer expansion, existing expansion, price uplift, contraction, churn), then
 * ending ARR. The step means are exact (sums over every trial in float64, from the engine's
 * component sums), so opening + steps = the mean ending ARR up to rounding of the last digit.
 * Components that are zero on average are left out.
 *
 * @example bridgeSteps(summary).at(-1)!.end === summary.metrics.endingArr.mean // => true
 * Complexity: O(tiers x components).
 */
export function bridgeSteps(summary: Summary, symbol: CurrencyMark = '$'): BridgeStep[] {
  const meanOf = (c: Component) => Object.values(summary.byTier).reduce((sum, t) => sum + (t.componentMeans.endingArr[c] ?? 0), 0);
  const sign = (v: number) => (v >= 0 ? '+' : '');
  // A bridge is a sum: every bar in one unit at one number of decimals (fixedMoney), so the steps
  // read against the totals ("$94.0M", "+$25.8M", "-$0.7M"). The ending bar may so carry one more
  // decimal than the headline row's mean ($144.5M beside $145M): both are the same mean, rounded.
  const amounts = [summary.openingArr, summary.metrics.endingArr.mean, ...METRIC_COMPONENTS.endingArr.filter((c) => c !== 'openingBook').map(meanOf)];
  const fmt = bridgeMoney(amounts, symbol);
  const raw: Array<Omit<BridgeStep, 'next' | 'order'>> = [];
  raw.push({ label: 'Opening ARR', kind: 'total', start: 0, end: summary.openingArr, amount: summary.openingArr, text: fmt(summary.openingArr) });
  let running = summary.openingArr;
  for (const c of METRIC_COMPONENTS.endingArr) {
    if (c === 'openingBook') continue;
    const amount = meanOf(c);
    if (amount === 0) continue;
    raw.push({
      label: COMPONENT_LABELS[c],
      kind: amount >= 0 ? 'increase' : 'decrease',
      start: running,
      end: running + amount,
      amount,
      text: `${sign(amount)}${fmt(amount)}`,
    });
    running += amount;
  }
  const ending = summary.metrics.endingArr.mean;
  raw.push({ label: 'Ending ARR', kind: 'total', start: 0, end: ending, amount: ending, text: fmt(ending) });
  return raw.map((s, i) => ({ ...s, order: i, next: raw[i + 1]?.label ?? '' }));
}

/** The most decimals bridgeMoney adds to fixedMoney's: past that a bar reads to a hundredth of its unit's tenth ($82.8768M), false precision. */
const MORE_DECIMALS = 2;

/**
 * The bridge's one formatter: fixedMoney's unit and decimals, with as few more decimals as it takes
 * for every bar to agree with the tables' figure of the same mean (formatCurrency's three significant
 * digits) at the precision shown: 120,486,500 was "$120.5M" beside the headline's "$120M", a step of
 * 3,545,100 "+$3.5M" beside "$3.55M" (two roundings of one amount); now "$120.49M", "+$3.55M".
 * At most MORE_DECIMALS more; when none of those agrees everywhere (a mean within a hair of a half:
 * 120,499,960 reads $120.5M, $120.50M and $120.500M beside $120M), the form with the fewest bars
 * disagreeing, the shortest of those.
 */
function bridgeMoney(amounts: readonly number[], symbol: CurrencyMark): (v: number) => string {
  let best: { fmt: (v: number) => string; disagreeing: number } | undefined;
  for (let more = 0; more <= MORE_DECIMALS; more++) {
    const fmt = fixedMoney(amounts, symbol, more);
    const disagreeing = amounts.filter((v) => Number.isFinite(v) && !agreeAtPrecision(fmt(v), formatCurrency(v, symbol))).length;
    if (disagreeing === 0) return fmt;
    if (best === undefined || disagreeing < best.disagreeing) best = { fmt, disagreeing };
  }
  return best!.fmt;
}

/**
 * Chart 5: the ARR bridge (waterfall) from opening to ending ARR at the mean trial values, which
 * add up exactly (medians would not). The value axis spans the levels the bars reach, not from zero
 * (the subtitle says so), so the steps can be read; the totals' labels give their size.
 *
 * @example arrBridgeSpec(summary, ctx).datasets.steps.length // opening, the steps, ending
 * Complexity: O(components).
 */
export function arrBridgeSpec(summary: Summary, ctx: ChartContext): TopLevelSpec {
  const steps = bridgeSteps(summary, ctx.symbol);
  const labels = steps.map((s) => s.label);
  const x = { field: 'label', type: 'nominal', sort: labels, axis: { title: null, labelAngle: 0, labelExpr: "split(datum.label, ' ')", labelLimit: 120 } } as const;
  // The axis spans the levels the bars reach (totals from zero are clipped at its foot).
  const levels = steps.flatMap((s) => (s.kind === 'total' ? [s.end] : [s.start, s.end]));
  const lo = Math.min(...levels);
  const hi = Math.max(...levels);
  const pad = (hi - lo) * 0.12 || Math.abs(hi) * 0.05 || 1;
  // From zero, so the opening and ending bars compare by their heights (below it only for negative levels).
  const foot = lo >= 0 ? 0 : lo - pad;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(
      ctx,
      'ARR bridge: opening to ending ARR (means)',
      'Mean of every component over the simulated years; means add up, so the bars meet exactly.',
      'The axis starts at zero; every label has the same unit and decimals.',
    ),
    width: 620,
    height: 260,
    config: CHART_CONFIG,
    datasets: { steps },
    data: { name: 'steps' },
    encoding: { x },
    layer: [
      {
        mark: { type: 'bar', width: { band: 0.7 }, clip: true },
        encoding: {
          y: { field: 'start', type: 'quantitative', scale: { zero: false, domain: [foot, hi + pad * 0.6], nice: false }, axis: moneyAxis(ctx, 'ARR') },
          y2: { field: 'end' },
          color: {
            field: 'kind',
            type: 'nominal',
            scale: { domain: ['total', 'increase', 'decrease'], range: [OKABE_ITO.blue, OKABE_ITO.bluishGreen, OKABE_ITO.vermillion] },
            legend: { title: null, labelExpr: "datum.label === 'total' ? 'Opening / ending' : datum.label === 'increase' ? 'Adds ARR' : 'Takes ARR away'" },
          },
        },
      },
      {
        // Connectors: the running total carried to the next bar.
        transform: [{ filter: "datum.next !== ''" }],
        mark: { type: 'rule', color: '#666', strokeDash: [3, 2] },
        encoding: {
          x: { ...x, bandPosition: 0.85 },
          x2: { field: 'next', bandPosition: 0.15 },
          y: { field: 'end', type: 'quantitative' },
        },
      },
      {
        transform: [{ calculate: 'max(datum.start, datum.end)', as: 'top' }],
        mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 11, color: '#222' },
        encoding: { y: { field: 'top', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
  };
}
