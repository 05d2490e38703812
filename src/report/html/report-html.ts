import { forecastKindWords } from '../forecast-kind-words.js';
import { chanceIntervalWords, isKnownChance, type Probability } from '../../analysis/probability.js';
import { someChanceKnown } from '../../analysis/decisions.js';
import { chartFigure, pageHead } from './page-head.js';
import { fiscalMonthNames, type Summary } from '../../analysis/summarize.js';
import { reforecastSalesNote } from '../reforecast-sales-note.js';
import { COMPONENT_LABELS, METRIC_COMPONENTS, METRIC_LABELS, METRICS } from '../../model/components.js';
import type { Scenario } from '../../scenario/scenario-schema.js';
import { scenarioAssumptions } from '../assumptions.js';
import { fittedNote } from '../fitted-note.js';
import { currencyMark, formatCurrency, formatStatedCurrency, formatShare } from '../money.js';
import { formatCount, formatTenths } from '../format.js';
import { REPORT_FILES } from '../report-files.js';
import { escapeHtml } from './escape.js';
import { summaryParagraph } from '../summary-paragraph.js';
import { downsideSection, type StressCase } from './downside-section.js';
import { glossarySection } from './glossary.js';
import { formatMoneyBeside, formatMoneyInterval, formatShareBeside, formatShareInterval, budgetMoney, metricRowMoney, statRowMoney } from '../interval-format.js';
import type { Stat } from '../../analysis/describe.js';
import { warningsSection } from './warnings-section.js';
import { reforecastSection } from './reforecast-section.js';
import { gridTable, statTable, textTable, type GroupRow, type StatRow } from './tables.js';
import { whatMustBeTrueText } from '../summary-table.js';
import { budgetLabel } from '../charts/revenue-distribution.js';
import { CAPACITY_KEYS, leadSources, otherExtras, rampedReps } from '../tier-extras.js';
import { confidenceWords, simulatedYears } from '../confidence-text.js';
import { closedMonthsNote, monthlyPlanRows, planMonthLabel, type PlanFigure } from '../monthly-plan-rows.js';
import { BOOKINGS_NOTE, NEW_ARR_LABEL } from '../bookings-note.js';

/** A rendered chart as the page shows it. */
export interface HtmlChart {
  readonly name: string;
  readonly caption: string;
  readonly svg: string;
}

export interface ReportHtmlInput {
  readonly summary: Summary;
  /** The validated scenario (defaults filled in), for the assumptions. */
  readonly scenario: Scenario;
  readonly charts: readonly HtmlChart[];
  /** Stress cases the run names (`--with-stress`), shown beside the plan in the downside section. */
  readonly stress?: readonly StressCase[];
  /** Plausibility warnings, already HTML (a section of their own), placed right under the summary paragraph. */
  readonly warningsHtml?: string;
  /**
   * The files written beside the page (reportFiles of the run's outputs), named at its foot, and the
   * charts' spec and image files when charts/ is one of them; default summary.json and scenario.json,
   * which every report has; none for a page on its own (the studio's download).
   */
  readonly files?: readonly string[];
}

/**
 * No script may run and nothing may be fetched: the page is self-contained, and the policy says
 * so to the browser, so even a string that slipped through escaping could not load or run anything.
 */

const count = formatCount;

/**
 * report.html: one self-contained page (styles and SVG charts inline, no script, nothing fetched)
 * with the run's identity, the headline table, the charts, the tables by tier and by component,
 * retention, lead sources, sales capacity and contracts, and the assumptions in words. Every string from the scenario is escaped.
 *
 * @example await writeFile('report.html', reportHtml({ summary, scenario: sim.loaded.scenario, charts }))
 * Complexity: O(tiers x components + size of the charts).
 */
export function reportHtml({ summary, scenario, charts, stress = [], warningsHtml = '', files = [REPORT_FILES.summary, REPORT_FILES.scenario] }: ReportHtmlInput): string {
  const symbol = currencyMark(summary.scenario.currency);
  const money = (v: number) => formatCurrency(v, symbol);
  const e = escapeHtml;
  const tiers = Object.entries(summary.byTier);
  const months = summary.monthly.map((m) => m.label);
  const kind = forecastKindWords(summary);
  const convention = `${summary.percentileConvention}.`;
  const stamp = `${simulatedYears(summary.trials)}. ${convention}`;

  // A row's Mean, P10, P50 and P90 with the digits that tell them apart, within their Monte Carlo
  // error: a narrow re-forecast band read $111M / $112M / $114M. A company metric's row also at the
  // digits its P10 and P5 take beside their intervals (metricRowMoney); a tier's or a component's not.
  const rowMoney = (stat: Stat) => statRowMoney(stat, symbol);
  const headline = statTable(
    `${kind.closed ? 'This fiscal year, re-forecast' : 'Next fiscal year'}, ${summary.scenario.currency}. ${stamp}`,
    'Metric',
    METRICS.flatMap((m): StatRow[] => [
      { label: METRIC_LABELS[m], stat: summary.metrics[m], fmt: metricRowMoney(summary.metrics[m], symbol) },
      // Bookings include renewals; those who count new ACV only read this line. It is the part of
      // bookings signed by new customers (bookings' own new-business component), not the new
      // business live in ending ARR: a deal signed with a service-start lag that reaches past the
      // year end is booked this year but not yet live.
      ...(m === 'bookings' && summary.byComponent.bookings.newBusiness
        ? [{ label: NEW_ARR_LABEL, stat: summary.byComponent.bookings.newBusiness, fmt: rowMoney(summary.byComponent.bookings.newBusiness), indent: true }]
        : []),
    ]),
  );

  const byTier =
    tiers.length > 1
      ? statTable(
          `Each metric by tier, ${summary.scenario.currency}. ${stamp}`,
          'Tier',
          METRICS.flatMap((m): Array<StatRow | GroupRow> => [
            { group: METRIC_LABELS[m] },
            ...tiers.map(([name, t]): StatRow => ({ label: name, stat: t[m], fmt: rowMoney(t[m]), indent: true })),
          ]),
        )
      : `<p>One tier (${e(tiers[0]?.[0] ?? '')}): the figures by tier are the headline figures.</p>`;

  const byComponent = statTable(
    `Each metric by component, ${summary.scenario.currency}. Components add up to their metric in every simulated year; churn and contraction are negative. ${stamp}`,
    'Component',
    METRICS.flatMap((m): Array<StatRow | GroupRow> => [
      { group: METRIC_LABELS[m] },
      ...METRIC_COMPONENTS[m].flatMap((c): StatRow[] => {
        const s = summary.byComponent[m][c];
        return s ? [{ label: COMPONENT_LABELS[c], stat: s, fmt: rowMoney(s), indent: true }] : [];
      }),
    ]),
  );

  const retentionRows: Array<StatRow | GroupRow> = [];
  if (summary.retention) {
    retentionRows.push({ group: 'Gross revenue retention (GRR)' }, { label: 'All tiers', stat: summary.retention.grr, fmt: formatShare, indent: true });
    for (const [name, t] of tiers) if (t.grr && tiers.length > 1) retentionRows.push({ label: name, stat: t.grr, fmt: formatShare, indent: true });
    retentionRows.push({ group: 'Net revenue retention (NRR)' }, { label: 'All tiers', stat: summary.retention.nrr, fmt: formatShare, indent: true });
    for (const [name, t] of tiers) if (t.nrr && tiers.length > 1) retentionRows.push({ label: name, stat: t.nrr, fmt: formatShare, indent: true });
    const { logoRenewal, dollarRenewal } = summary.retention;
    if (logoRenewal && dollarRenewal) {
      retentionRows.push({ group: 'Logo renewal (customers renewed / customers due)' }, { label: 'All tiers', stat: logoRenewal, fmt: formatShare, indent: true });
      for (const [name, t] of tiers) if (t.logoRenewal && tiers.length > 1) retentionRows.push({ label: name, stat: t.logoRenewal, fmt: formatShare, indent: true });
      retentionRows.push({ group: 'Dollar renewal (ARR renewed / ARR due)' }, { label: 'All tiers', stat: dollarRenewal, fmt: formatShare, indent: true });
      for (const [name, t] of tiers) if (t.dollarRenewal && tiers.length > 1) retentionRows.push({ label: name, stat: t.dollarRenewal, fmt: formatShare, indent: true });
    }
  }
  retentionRows.push({ group: 'Customers won' }, { label: 'All tiers', stat: summary.customers.won, fmt: count, indent: true });
  for (const [name, t] of tiers) if (t.customersWon && tiers.length > 1) retentionRows.push({ label: name, stat: t.customersWon, fmt: count, indent: true });
  retentionRows.push({ group: 'Customers lost' }, { label: 'All tiers', stat: summary.customers.lost, fmt: count, indent: true });
  for (const [name, t] of tiers) if (t.customersLost && tiers.length > 1) retentionRows.push({ label: name, stat: t.customersLost, fmt: count, indent: true });
  const retention = statTable(
    `GRR and NRR of the customers live at the start of the year (new logos in neither); logo and dollar renewal of the customers due to renew this year (ARR renewed after contraction, before uplift and expansion); customers won and lost. ${stamp}`,
    '',
    retentionRows,
  );

  const sales = salesSection(summary, money, stamp);

  const d = summary.decisions;
  const budgetHeading = budgetLabel(d.confidence);
  const conf = confidenceWords(d.confidence).share;
  const budgets = gridTable(
    `${budgetHeading}: the value reached or beaten in ${conf} of simulated years, with its 95% Monte Carlo interval. ${summary.scenario.currency}. ${stamp}`,
    ['Metric', 'Budget', '95% interval'],
    METRICS.map((m) => {
      // At 90% or 95% confidence the budget is the row's P10 or P5, and reads as the row writes it (budgetMoney).
      const b = d.budgets.metrics[m];
      const write = budgetMoney(summary.metrics[m], b, d.confidence, symbol);
      return [METRIC_LABELS[m], write(b.value), b.interval === null ? '-' : `[${write(b.interval[0])}, ${write(b.interval[1])}]`];
    }),
  ) + (d.budgets.metrics.revenue.notEstimable === undefined ? '' : `\n<p class="note">Intervals shown as -: not estimable (${e(d.budgets.metrics.revenue.notEstimable)}).</p>`);
  // A chance known from the actuals has no interval (KNOWN_CHANCE): '-', as a closed month's.
  const chanceInterval = (p: Probability) => (isKnownChance(p) ? '-' : formatShareInterval(p.interval, p.value));
  const targetRows = d.targets.map((t) => [t.label, formatShareBeside(t.probability.value, t.probability.interval), chanceInterval(t.probability), t.shortfall.trialsMissing === 0 ? '-' : money(t.shortfall.meanGap), money(t.p10MinusTarget)]);
  if (d.jointProbability) targetRows.push(['All targets in the same year', formatShareBeside(d.jointProbability.value, d.jointProbability.interval), chanceInterval(d.jointProbability), '', '']);
  const targets =
    d.targets.length > 0
      ? gridTable(
          `Chance of reaching or beating each target (${chanceIntervalWords(someChanceKnown(d, 'targets'))}), the mean gap in the years that miss it, and how far P10 lands from it. ${stamp}`,
          ['Target', 'P(reach)', '95% interval', 'Mean gap if missed', 'P10 − target'],
          targetRows,
        )
      : '';
  const musts =
    summary.whatMustBeTrue.length > 0
      ? `<h3>What must be true</h3>
<p class="note">For each target: the smallest change in each top driver that can move the target’s metric (its own draw, the others as drawn) for the target to become the median outcome, against the value the scenario states and as a percentile of the driver’s own uncertainty; smallest change first.</p>
<ul class="musts">
${summary.whatMustBeTrue.map((w) => `<li>${e(whatMustBeTrueText(summary, w, symbol))}</li>`).join('\n')}
</ul>`
      : '';
  // A monthly plan's amounts are stated, as targets are: written exactly, not to an estimate's three digits.
  const monthlyPlan = monthlyPlanSection(summary, (v) => formatStatedCurrency(v, symbol), stamp);
  const decisions = `<section>
<h2>${d.targets.length > 0 || monthlyPlan !== '' ? 'Targets and budgets' : 'Budgets'}</h2>
${
  d.targets.length > 0
    ? `<h3>Targets</h3>
${targets}
${musts}
`
    : ''
}${monthlyPlan}<h3>${e(budgetHeading)}</h3>
${budgets}
</section>`;

  const assumptions = scenarioAssumptions(scenario, symbol);
  const fitted = fittedNote(scenario);
  const assumptionTables = assumptions.tiers
    .map((t) => `<h3>${e(t.tier)}</h3>\n${textTable(`Drivers of ${t.tier}, as written in the scenario.`, ['Driver', 'Distribution'], t.drivers.map((d) => [d.driver, d.description]), 'assumptions')}`)
    .join('\n');
  const market = textTable(
    'Loadings on the market factor Z ~ N(0, 1), drawn once per simulated year and shared by every tier (0 = independent of the market).',
    ['Driver', 'Loading'],
    assumptions.market.map((m) => [m.driver, m.text]),
    'assumptions',
  );

  // A chart's spec and image are named only when charts/ is written beside the page (not with
  // --outputs summary,html, nor in the studio's download, a page on its own).
  const chartFiles = files.includes(`${REPORT_FILES.charts}/`);
  const figures = charts
    .map((c) =>
      chartFigure(c, chartFiles ? ` Spec: <code>charts/${e(c.name)}.vl.json</code> (opens in the Vega editor); image: <code>charts/${e(c.name)}.svg</code>.` : ''),
    )
    .join('\n');

  // The tornado is left out when the variance shares are not estimable: say so once, and why.
  const tornadoNote =
    summary.sensitivity.notEstimable !== undefined ? `<p class="note">No tornado chart of what moves revenue: not estimable (${e(summary.sensitivity.notEstimable)}).</p>\n` : '';
  const r = summary.metrics.revenue.percentiles;
  // As the headline row and the paragraph write them: $111.4M, not $111M, in a narrow re-forecast.
  const headlineRevenue = metricRowMoney(summary.metrics.revenue, symbol);
  return `${pageHead(`${summary.scenario.name}: ${kind.closed ? 're-forecast of this fiscal year' : 'next fiscal year forecast'}`)}
<body>
<main>
<header>
<h1>${e(summary.scenario.name)}</h1>
<p class="lead">${kind.closed ? 'Monte Carlo re-forecast of this fiscal year' : 'Monte Carlo forecast of the next fiscal year'} (${e(months[0] ?? '')} to ${e(months[11] ?? '')})${kind.closed ? `, from ${e(kind.closed)} in ${e(summary.reforecast!.actualsFile)}` : ''}: recognized revenue, bookings and ending ARR.</p>
${scenario.description ? `<p>${e(scenario.description)}</p>` : ''}
<dl class="meta">
<dt>Scenario hash</dt><dd class="hash">${e(summary.scenario.hash)}</dd>
<dt>Seed</dt><dd><code>${e(summary.seed)}</code></dd>
<dt>Trials</dt><dd>${simulatedYears(summary.trials, 'fiscal year')}</dd>
<dt>Currency</dt><dd>${e(summary.scenario.currency)}</dd>
<dt>Opening ARR</dt><dd>${e(money(summary.openingArr))}</dd>
</dl>
</header>
<p class="convention"><strong>${e(convention)}</strong> P10 revenue (${e(headlineRevenue(r.p10, 'p10'))}) is the figure the year falls short of one time in ten; P90 (${e(headlineRevenue(r.p90, 'p90'))}) is beaten one time in ten. A budget at ${e(confidenceWords(summary.decisions.confidence).share)} confidence is ${e(confidenceWords(summary.decisions.confidence).percentile)}.</p>

<section id="summary">
<h2>In a paragraph</h2>
<p class="summary-paragraph">${e(summaryParagraph(summary))}</p>
</section>
${warningsHtml}${warningsSection(summary.warnings)}
${reforecastSection(summary, money)}<section>
<h2>Headline</h2>
${headline}
<p class="note">${e(BOOKINGS_NOTE)} See the glossary at the end.</p>
</section>

${decisions}

${downsideSection(summary, stress, scenario.market?.factor)}

<section>
<h2>Charts</h2>
${figures}
${tornadoNote}</section>

<section>
<h2>By tier</h2>
${byTier}
</section>

<section>
<h2>By component</h2>
${byComponent}
</section>

<section>
<h2>Retention and customers</h2>
${retention}
</section>

${sales}<section>
<h2>Assumptions</h2>
<p>Every driver of every tier, as the scenario states it. Rates are drawn once per simulated year; deal sizes and lags per deal.</p>
${fitted === undefined ? '' : `<p class="fitted-note">${e(fitted)}</p>\n`}${assumptionTables}
<h3>Market</h3>
${market}
</section>

${glossarySection()}

<footer>
<p>Written by arrcast. The same scenario, seed and trial count give the same figures.${files.length > 0 ? ` Files beside this page: ${files.map((f) => `<code>${e(f)}</code>`).join(', ')}.` : ''}</p>
</footer>
</main>
</body>
</html>
`;
}

/**
 * The monthly plan month by month (the scenario's `targets.monthly`), beside the targets: each plan
 * series given, its planned amount and P(figure >= plan) with its 95% interval (CHANCE_INTERVAL), as the targets
 * table writes them; a re-forecast's closed months marked (actual), with no interval. Empty without a plan.
 *
 * Complexity: O(months).
 */
function monthlyPlanSection(summary: Summary, stated: (v: number) => string, stamp: string): string {
  const plan = monthlyPlanRows(summary);
  if (!plan) return '';
  const heads = ['Fiscal month'];
  if (plan.mrr) heads.push('Planned MRR', 'P(MRR ≥ plan)', '95% interval');
  if (plan.cumulativeRevenue) heads.push('Planned cumulative revenue', 'P(cumulative ≥ plan)', '95% interval');
  const cells = (f: PlanFigure | undefined, closed: boolean) =>
    f === undefined
      ? ['-', '-', '-']
      : [stated(f.plan), closed ? formatShare(f.probability.value) : formatShareBeside(f.probability.value, f.probability.interval), closed ? '-' : formatShareInterval(f.probability.interval, f.probability.value)];
  const rows = plan.rows.map((r) => [planMonthLabel(r), ...(plan.mrr ? cells(r.mrr, r.closed) : []), ...(plan.cumulativeRevenue ? cells(r.cumulativeRevenue, r.closed) : [])]);
  const note = closedMonthsNote(plan);
  return `<h3>Monthly plan</h3>
<p class="note">The scenario’s plan month by month: the chance that the month’s MRR, and the recognized revenue from the start of the year to the month’s end, reach or beat the plan.</p>
${gridTable(`Chance of reaching or beating the monthly plan in each fiscal month (${chanceIntervalWords(plan.rows.some((r) => r.closed))}), ${summary.scenario.currency}. ${stamp}`, heads, rows, 1, 'monthly-plan')}
${note === undefined ? '' : `<p class="note">${escapeHtml(note)}</p>
`}`;
}

/** The re-forecast's note on its sales figures as a paragraph, or nothing. */
const salesNote = (summary: Summary) => {
  const note = reforecastSalesNote(summary);
  return note === undefined ? '' : `<p class="note">${escapeHtml(note)}</p>\n`;
};

/** How the sales tables name a tier's capacity figures of the year. */
const CAPACITY_LABELS: Record<(typeof CAPACITY_KEYS)[number], string> = {
  'reps.capacity.deals': 'Deal capacity of the year (deals the ramped reps can close)',
  'deals.overCapacity': 'Deals lost to capacity',
  'deals.repSourced': 'Rep-sourced deals',
  'reps.headcount': 'Reps at year end (headcount)',
};

/** A tier's extra figure as the page writes it: money for contract values and bookings, else a count. */
const extraFormat = (key: string, money: (v: number) => string) => (key === 'newTcv' || key === 'pipeline.bookings' ? money : count);

/** "opening-pipeline deals won" -> "Opening-pipeline deals won". */
const sentence = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);

/**
 * The sales section: for each tier with lead grades/channels, reps, an opening pipeline, earlier
 * leads or contract terms, its leads and deals by grade/channel, its sales capacity by fiscal month
 * and over the year, and its pipeline and contract figures. Empty when no tier has any.
 *
 * Complexity: O(tiers x extras).
 */
function salesSection(summary: Summary, money: (v: number) => string, stamp: string): string {
  const e = escapeHtml;
  const months = fiscalMonthNames(summary.scenario.fiscalYearStartMonth);
  const blocks = Object.entries(summary.byTier).flatMap(([name, t]) => {
    const parts: string[] = [];
    const sources = leadSources(t);
    if (sources.length > 0) {
      const conversion = (s: (typeof sources)[number]) => (s.leads.mean > 0 ? formatShare(s.deals.mean / s.leads.mean) : '-');
      parts.push(`<h4>Leads by grade/channel</h4>
${gridTable(
  `Leads by grade/channel, ${name}: leads and deals in the year; conversion = mean deals / mean leads. ${stamp}`,
  ['Grade/channel', 'Leads mean', 'Leads P10', 'Leads P90', 'Deals mean', 'Deals P10', 'Deals P90', 'Conversion'],
  sources.map((s) => [
    s.source,
    count(s.leads.mean),
    count(s.leads.percentiles.p10),
    count(s.leads.percentiles.p90),
    count(s.deals.mean),
    count(s.deals.percentiles.p10),
    count(s.deals.percentiles.p90),
    conversion(s),
  ]),
  1,
  'sources',
)}`);
    }
    const ramped = rampedReps(t);
    if (ramped) {
      const year = CAPACITY_KEYS.flatMap((k): StatRow[] => {
        const x = t.extras[k];
        return x ? [{ label: CAPACITY_LABELS[k], stat: x.stat, fmt: count, indent: true }] : [];
      });
      parts.push(`<h4>Sales capacity</h4>
${statTable(
  `Sales capacity, ${name}: ramped-rep equivalents in each fiscal month (a rep in ramp counts as the share of full productivity reached), and the year’s deal capacity and deals. ${stamp}`,
  '',
  [
    { group: 'Ramped-rep equivalents by fiscal month' },
    ...ramped.map((stat, i): StatRow => ({ label: months[i]!, stat, fmt: formatTenths, indent: true })),
    { group: 'The year' },
    ...year,
  ],
  'capacity',
)}`);
    }
    const others = otherExtras(t);
    if (others.length > 0)
      parts.push(`<h4>Pipeline and contracts</h4>
${statTable(
  `Opening pipeline, earlier leads and contract value, ${name}; amounts in ${summary.scenario.currency}. ${stamp}`,
  '',
  others.map(([key, x]): StatRow => ({ label: sentence(x.label), stat: x.stat, fmt: extraFormat(key, money) })),
)}`);
    return parts.length > 0 ? [`<h3>${e(name)}</h3>\n${parts.join('\n')}`] : [];
  });
  if (blocks.length === 0) return '';
  return `<section>
<h2>Lead sources, sales capacity and contracts</h2>
${salesNote(summary)}${blocks.join('\n')}
</section>

`;
}
