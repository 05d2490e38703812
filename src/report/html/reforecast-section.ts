import type { ReforecastSummary, Spread } from '../../analysis/reforecast-summary.js';
import { MIN_CHAINS_TO_JUDGE } from '../../analysis/interval-widening.js';
import { CHUNK_SIZE } from '../../model/simulate-chunk.js';
import type { Summary } from '../../analysis/summarize.js';
import { METRIC_LABELS, METRICS } from '../../model/components.js';
import { currencyMark, formatShare } from '../money.js';
import { budgetMoney, formatShareBeside } from '../interval-format.js';
import { chanceShort } from '../chance-words.js';
import { probability } from '../../analysis/probability.js';
import { escapeHtml } from './escape.js';
import { gridTable } from './tables.js';
import { confidenceWords } from '../confidence-text.js';
import { toFixedDecimal } from '../../math/decimal-round.js';

/** A number to one decimal at most; one that rounds to zero is 0, never -0. */
const plainNumber = (x: number): string => {
  const text = x.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return /^-0(\.0*)?$/.test(text) ? '0' : text;
};

/** Below this many effective posterior draws the section says the bands' tails are uncertain. */
export const MIN_EFFECTIVE = 400;

/**
 * Whether the page and the terminal warn of few effective draws: only when something was learned
 * (a driver or the market factor: with fixed values there are no posterior draws) and some month
 * is still simulated (with all twelve closed the forecast is the actuals, a single point).
 *
 * @example fewEffectiveDraws({ asOfMonth: 12, ... }) // => false
 */
export const fewEffectiveDraws = (r: Pick<ReforecastSummary, 'asOfMonth' | 'drivers' | 'market' | 'sampler'>): boolean =>
  (r.drivers.length > 0 || r.market !== undefined) &&
  r.asOfMonth < 12 &&
  (r.sampler.minEffectiveSampleSize < MIN_EFFECTIVE || r.sampler.figuresTooNarrow);

/**
 * What few effective draws mean for the figures shown, in words the page and the terminal share:
 * the effective samples, and how many times too narrow the 95% intervals printed are (they take
 * the trials as independent). Before December 2026 the note gave the smallest driver's effective
 * sample alone, only below 400, and said nothing of the intervals: a monthly-terms book's revenue
 * had 17 effective draws of 2,000 and its budget interval claimed a precision 7 times too fine.
 *
 * @example fewEffectiveDrawsNote(r, 2000) // => 'the smallest effective sample is 56 of 2,000 trials ...'
 */
export function fewEffectiveDrawsNote(r: Pick<ReforecastSummary, 'sampler'>, trials: number): string {
  // act25 review: 500 trials were said to be "1 chain of 1,000 trials", "about 1.0 times too narrow".
  const count = (x: number) => Math.round(x).toLocaleString('en-US');
  const sp = r.sampler;
  const m = sp.metricEffectiveSampleSize;
  const w = sp.intervalWidening;
  const driver = `the smallest effective sample of a learned driver within its chains is ${count(sp.minEffectiveSampleSize)} of ${count(trials)} trials${sp.minEffectiveSampleSize < MIN_EFFECTIVE ? ` (below ${MIN_EFFECTIVE}: the bands' tails are uncertain)` : ''}`;
  // With under 10 chains their means' spread says nothing firm (2 chains gave 2.1 to 44 across 16
  // seeds of one case): no figure from it, the drivers' effective sample alone.
  const figures = sp.figuresJudged
    ? `revenue's is ${count(m.revenue)}, bookings' ${count(m.bookings)}, ending ARR's ${count(m.endingArr)}`
    : `the company figures' cannot be judged from ${sp.chains} chain${sp.chains === 1 ? '' : 's'} (${MIN_CHAINS_TO_JUDGE} or more, ${count(MIN_CHAINS_TO_JUDGE * CHUNK_SIZE)} trials or more, are needed)`;
  const factor = (x: number) => (x < 10 ? toFixedDecimal(x, 1) : count(x));
  const from = sp.intervalWideningFrom === 'figures' ? "the company figures' effective sample" : "the drivers' effective sample";
  const both = sp.figuresJudged
    ? ` (the larger of the drivers', ${factor(Math.sqrt(trials / Math.max(1, sp.minEffectiveSampleSize)))}, and the company figures', ${factor(Math.sqrt(trials / Math.max(1, Math.min(m.revenue, m.bookings, m.endingArr))))})`
    : '';
  const intervals = `the 95% intervals shown (of percentiles, budgets, P(target) and variance shares) take the trials as independent and are about ${factor(w)} times too narrow by ${from}${both}: read them at least that much wider`;
  return `${driver}; ${figures}; ${intervals}`;
}

/**
 * The re-forecast section of report.html (issue 15): what the evidence of the closed months
 * changed (each learned driver's prior against its posterior, with the sampler's effective sample
 * size), what each tier's months were and were not used for, and the budgets and P(target) now
 * against at plan time (with --plan). Empty for a plan run, so its page is unchanged.
 *
 * @example reforecastSection(summary, money) // => '' without summary.reforecast
 * Complexity: O(drivers + targets).
 */
export function reforecastSection(summary: Summary, money: (v: number) => string): string {
  const r = summary.reforecast;
  if (!r) return '';
  const e = escapeHtml;
  const value = (unit: string, x: number) => (unit === 'rate' ? formatShare(x) : unit === 'currency' ? money(x) : plainNumber(x));
  const spread = (unit: string, s: Spread) => `${value(unit, s.mean)} (${value(unit, s.p10)} to ${value(unit, s.p90)})`;
  const ess = (n: number) => `${Math.round(n).toLocaleString('en-US')} (${formatShare(n / summary.trials)})`;
  const rows = r.drivers.map((d) => [d.label, spread(d.unit, d.prior), spread(d.unit, d.posterior), ess(d.effectiveSampleSize)]);
  if (r.market) rows.unshift(['Market factor Z', spread('count', r.market.prior), spread('count', r.market.posterior), ess(r.market.effectiveSampleSize)]);
  const changed = gridTable(
    'Each learned driver this year (after the market shift): mean and P10 to P90, before the evidence (the scenario) and after it (the re-forecast), and the effective sample size of its posterior draws.',
    ['Driver', 'Prior', 'Posterior', 'Effective sample'],
    rows,
    1,
  );
  const used = r.evidence.map((n) => `<li>${e(n.tier)}: learned from ${e(n.terms.length > 0 ? n.terms.join(', ') : 'nothing')}${n.unused.length > 0 ? `; not used: ${e(n.unused.join('; '))}` : ''}</li>`).join('\n');
  const plan = r.decisions.atPlan;
  const now = r.decisions.now;
  const conf = confidenceWords(summary.decisions.confidence).share;
  const decisionRows = [
    ...METRICS.map((m) => {
      // Now as the budget table writes it (the digits its 95% interval takes: $111.79M, not $112M),
      // and the plan's budget with the same digits, so the two are read side by side.
      const symbol = currencyMark(summary.scenario.currency);
      const interval = summary.decisions.budgets.metrics[m].interval;
      const write = budgetMoney(summary.metrics[m], { value: now.budgets[m], interval }, summary.decisions.confidence, symbol);
      return [`${METRIC_LABELS[m]} budget at ${conf} confidence`, write(now.budgets[m]), plan ? write(plan.budgets[m]) : '-'];
    }),
    ...now.targets.map((t) => {
      // atPlan's targets carry the re-forecast's labels where they match one (comparablePlan, which
      // compares labels as names are: an earlier version's '600K' is today's '600k').
      const before = plan?.targets.find((p) => p.label === t.label);
      // Now as the targets table writes it (the decimals its 95% interval takes: 99.88%, not 99.9%),
      // and the plan's beside it with the same decimals.
      const full = summary.decisions.targets.find((x) => x.label === t.label);
      const interval = full?.probability.interval ?? null;
      // A target no trial reaches now (every trial) is 'under 0.2%' ('over 99.8%'), not a certain 0.0% (chanceShort).
      const nowText = full ? chanceShort(full.probability, full.certain) : formatShareBeside(t.probability, interval);
      return [`P(${t.label})`, nowText, before ? atPlanChance(before, r.planTrials, interval) : '-'];
    }),
  ];
  const decisions = gridTable(
    plan ? `Now, after ${r.asOfMonth} closed months, against the plan run (${r.planFile ?? ''}).` : `Now, after ${r.asOfMonth} closed months (give --plan with the plan's report directory to compare).`,
    ['Figure', 'Now', 'At plan'],
    decisionRows,
    1,
  );
  return `<section id="reforecast">
<h2>Re-forecast after ${r.asOfMonth} closed month${r.asOfMonth === 1 ? '' : 's'}</h2>
<p>Months 1 to ${r.asOfMonth} are the actuals of <code>${e(r.actualsFile)}</code>; the rest of the year is simulated from the state they leave (ARR live, customers still due, leads still in the sales cycle, new customers still to expand), with this year's drivers drawn from their posterior given those months.</p>
<h3>What the evidence changed</h3>
${changed}
<ul>
${used}
</ul>
<p class="note">Method: ${e(r.method)}; ${r.sampler.chains} chain${r.sampler.chains === 1 ? '' : 's'}, ${r.sampler.burnIn} steps of burn-in, one draw every ${r.sampler.thin} steps. Neighbouring trials are correlated: the Monte Carlo errors elsewhere in this report assume independent trials and are too small by about the square root of trials over effective sample (here about ${toFixedDecimal(r.sampler.intervalWidening, 1)} times, by the ${r.sampler.intervalWideningFrom === 'figures' ? "company figures'" : "drivers'"} effective sample).</p>
${fewEffectiveDraws(r) ? `<p class="note"><strong>Few effective draws:</strong> ${e(fewEffectiveDrawsNote(r, summary.trials))}.</p>\n` : ''}<h3>Now against at plan</h3>
${decisions}
</section>
`;
}

/**
 * The plan's P(target) beside now's, with now's decimals: a chance no trial of the plan run reached
 * (every trial) 'under 0.4%' ('over 99.6%') from the plan's own trial count, as now's is hedged: a
 * plan is simulated, never a closed year, so its chance is an estimate even when its metric never
 * varied (chanceShort). Without the count (a summary that omits it), as it is.
 */
function atPlanChance(before: { readonly probability: number }, planTrials: number | undefined, nowInterval: readonly [number, number] | null): string {
  const beside = (v: number) => formatShareBeside(v, nowInterval);
  const p = before.probability;
  if (planTrials === undefined || (p !== 0 && p !== 1)) return beside(p);
  return chanceShort(probability(p * planTrials, planTrials), false, beside);
}
