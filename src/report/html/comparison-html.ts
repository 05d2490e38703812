import { chartFigure, pageHead } from './page-head.js';
import type { Comparison, DifferenceStat } from '../../analysis/compare.js';
import { showsTierDifferences } from '../../analysis/tier-differences.js';
import type { CompareDecisions } from '../../analysis/compare-decisions.js';
import { METRIC_LABELS, METRICS } from '../../model/components.js';
import { formatShareBeside, formatShareInterval } from '../interval-format.js';
import { currencyMark } from '../money.js';
import { compareDecisionRows } from '../compare-decision-rows.js';
import { escapeHtml } from './escape.js';
import { COMPARISON_GLOSSARY, glossarySection } from './glossary.js';
import { gridTable } from './tables.js';
import type { HtmlChart } from './report-html.js';
import { simulatedYears } from '../confidence-text.js';
import { chanceOfYears, chanceWords } from '../chance-words.js';
import { differenceRowMoney } from '../difference-row-money.js';
import { scenarioRowMoney } from '../scenario-row-money.js';


export interface ComparisonHtmlInput {
  readonly comparison: Comparison;
  readonly decisions: CompareDecisions;
  /** The files written beside the page, named at its foot (every one `arrcast compare --out` writes). */
  readonly files: readonly string[];
  readonly charts: readonly HtmlChart[];
}

/**
 * The comparison in a few sentences: each later scenario's median revenue against A's, how often it
 * comes in below A in the same simulated year, and the chance of the first target in each.
 */
export function comparisonParagraph(comparison: Comparison, decisions: CompareDecisions): string {
  const r = comparison.metrics.revenue;
  const a = comparison.scenarios[0]!;
  // A scenario's median as its row writes it (scenarioRowMoney: run's digits); a difference as its row in the differences table (differenceRowMoney).
  const median = (i: number) => scenarioRowMoney(r.scenarios[i]!, currencyMark(a.currency))(r.scenarios[i]!.percentiles.p50, 'p50');
  const out = [`Baseline A (${a.name}) has a median recognized revenue of ${median(0)}.`];
  for (const d of r.differences) {
    const x = comparison.scenarios[d.scenario]!;
    // A change that leaves the median difference at 0 (the same scenario, or one that moves nothing revenue reads) said '$0 above A'.
    const p50 = d.percentiles.p50;
    const atMedian = p50 === 0 ? 'level with A at the median' : `${differenceRowMoney(d, currencyMark(a.currency))(Math.abs(p50))} ${p50 < 0 ? 'below' : 'above'} A at the median`;
    out.push(
      // Below A in every trial (none) is an estimate, P(X < A) always N trials' count (even of a fixed
      // shift): 'over 99.8% of years (all 2,000 simulated years)', not 100.0%.
      `${x.label} (${x.name}): median ${median(d.scenario)}; in the same simulated year it comes in ${atMedian}, and below A in ${chanceOfYears(d.probabilityBelow, comparison.trials, false)}.`,
    );
  }
  const first = decisions.scenarios[0]?.targets[0];
  if (first)
    // With the digits its interval takes, and a chance no trial (every trial) reached as an estimate, not 0% (100%).
    out.push(`The chance of ${first.label} is ${decisions.scenarios.map((s) => `${chanceWords(s.targets[0]!.probability, comparison.trials, s.targets[0]!.certain)} for ${s.label}`).join(', ')}.`);
  return out.join(' ');
}

/**
 * comparison.html: one self-contained page (no script, nothing fetched) for `arrcast compare
 * --out`: the scenarios, a paragraph, their bands side by side, the per-trial differences with
 * P(X < A) (by tier too, as the terminal prints them), the targets and budgets of each scenario,
 * the charts and the glossary.
 *
 * Complexity: O(scenarios x (metrics + targets) + size of the charts).
 */
export function comparisonHtml({ comparison, decisions, charts, files }: ComparisonHtmlInput): string {
  const e = escapeHtml;
  const c = comparison;
  const currency = c.scenarios[0]!.currency;
  const stamp = `${simulatedYears(c.trials)} per scenario, seed ${c.seed}. ${c.percentileConvention}.`;
  const labels = c.scenarios.map((s) => s.label);
  /** A difference's cells: its mean and percentiles, then P(X < A) with its interval. */
  const differenceCells = (d: DifferenceStat): string[] => {
    const row = differenceRowMoney(d, currencyMark(currency));
    return [
      row(d.mean),
      row(d.percentiles.p10),
      row(d.percentiles.p50),
      row(d.percentiles.p90),
      formatShareBeside(d.probabilityBelow.value, d.probabilityBelow.interval),
      formatShareInterval(d.probabilityBelow.interval, d.probabilityBelow.value),
    ];
  };

  const scenarios = gridTable('The scenarios compared; A is the baseline.', ['Scenario', 'Name', 'File', 'Hash'], c.scenarios.map((s) => [s.label, s.name, s.source, s.hash.slice(0, 16)]), 9);
  const bands = gridTable(
    `Each scenario's distribution, ${currency}. ${stamp}`,
    ['Metric and scenario', 'Mean', 'P10', 'P50', 'P90'],
    METRICS.flatMap((m) =>
      c.metrics[m].scenarios.map((s, i) => {
        // As `arrcast run` writes this scenario's row (scenarioRowMoney), and compare's terminal.
        const row = scenarioRowMoney(s, currencyMark(currency));
        return [`${METRIC_LABELS[m]}: ${labels[i]}`, row(s.mean, 'mean'), row(s.percentiles.p10, 'p10'), row(s.percentiles.p50, 'p50'), row(s.percentiles.p90, 'p90')];
      }),
    ),
    1,
    'bands',
  );
  const diffs = gridTable(
    `The difference X − A in the same simulated year (its percentiles are of the difference, not differences of percentiles), and the chance X comes in below A with its 95% interval. ${currency}. ${stamp}`,
    ['Metric and difference', 'Mean', 'P10', 'P50', 'P90', 'P(X < A)', '95% interval'],
    METRICS.flatMap((m) =>
      c.metrics[m].differences.map((d) => [`${METRIC_LABELS[m]}: ${labels[d.scenario]} − A`, ...differenceCells(d)]),
    ),
    1,
    'differences',
  );
  // By tier, as the terminal prints it: with more than one shared tier, or tiers that differ (then by shared tier).
  const tierRows = showsTierDifferences(c)
    ? METRICS.flatMap((m) =>
        c.sharedTiers.flatMap((tier) =>
          c.byTier[tier]![m].differences.map((d) => [`${METRIC_LABELS[m]}, ${tier}: ${labels[d.scenario]} − A`, ...differenceCells(d)]),
        ),
      )
    : [];
  const tierDiffs =
    tierRows.length > 0
      ? gridTable(
          `The same difference for each ${c.sameTiers ? '' : 'shared '}tier's figure, in the same simulated year. ${currency}. ${stamp}`,
          ['Metric, tier and difference', 'Mean', 'P10', 'P50', 'P90', 'P(X < A)', '95% interval'],
          tierRows,
          1,
          'tier-differences',
        )
      : '';
  // As `arrcast compare` prints them (compareDecisionRows), with the symbol.
  const rows = compareDecisionRows(comparison, decisions, currencyMark(currency));
  const targets = gridTable(
    `Targets and budgets of each scenario: the same targets (the baseline's and --target) and the same confidence for all. ${currency}. ${stamp}`,
    ['Figure', ...c.scenarios.map((s) => `${s.label}: ${s.name}`)],
    rows,
    1,
    'targets',
  );
  const figures = charts
    .map((ch) => chartFigure(ch))
    .join('\n');
  return `${pageHead(`Scenarios compared: ${c.scenarios.map((s) => s.name).join(' vs ')}`)}
<body>
<main>
<header>
<h1>Scenarios compared</h1>
<p class="lead">${e(c.scenarios.map((s) => `${s.label}: ${s.name}`).join(' · '))}</p>
<dl class="meta">
<dt>Seed</dt><dd><code>${e(c.seed)}</code></dd>
<dt>Trials</dt><dd>${simulatedYears(c.trials, 'fiscal year')} per scenario</dd>
<dt>Currency</dt><dd>${e(currency)}</dd>
</dl>
</header>
<p class="convention"><strong>${e(c.percentileConvention)}.</strong> ${e(c.pairing)}</p>
<section id="summary">
<h2>In a paragraph</h2>
<p class="summary-paragraph">${e(comparisonParagraph(c, decisions))}</p>
</section>
<section>
<h2>Scenarios</h2>
${scenarios}
</section>
<section>
<h2>Targets and budgets, side by side</h2>
${targets}
</section>
<section>
<h2>Charts</h2>
${figures}
</section>
<section>
<h2>Side by side</h2>
${bands}
</section>
<section>
<h2>Difference from A, trial by trial</h2>
${diffs}
</section>
${tierDiffs ? `<section>\n<h2>Difference from A by ${c.sameTiers ? '' : 'shared '}tier</h2>\n${tierDiffs}\n</section>\n` : ''}${glossarySection(COMPARISON_GLOSSARY)}
<footer>
<p>Written by arrcast compare. The same scenarios, seed and trial count give the same figures. Beside this page: ${files.map((f) => `<code>${e(f)}</code>`).join(', ')}.</p>
</footer>
</main>
</body>
</html>
`;
}
