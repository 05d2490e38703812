import { displayText } from '../scenario/display-text.js';
import { Z90 } from './reference-distributions.js';
import { DISPERSION_TEST_LEVEL } from './lead-volume.js';
import type { Estimate, YearLevel } from './estimate.js';
import type { ExistingFit, HistoryFit, NewBusinessFit, TierFit } from './fit-history.js';
import { monthLabel } from './history-calendar.js';
import { writtenBeta } from './written-beta.js';
import { writtenAcv } from './written-acv.js';
import { writtenBookShare } from './written-book-share.js';
import type { ZeroVarianceRate } from './zero-variance.js';
import type { BookShareFit } from './book-share.js';
import type { PooledRenewalFit } from './pooled-renewal.js';
import type { PooledBookShareFit } from './pooled-book-share.js';
import { decimalsBelowWhole } from '../math/share-decimals.js';
import { moneyText } from '../scenario/money-text.js';

/**
 * The fitted scenario as commented YAML: every fitted value with the data it came from (n), the
 * estimate and its 95% interval, and the method. Levels carry the two layers (README "Two layers"):
 * a year-level distribution where the level goes, wide enough for the estimate's error and the
 * drift between years, and the monthly or per-deal scatter around it.
 *
 * Names from the files are written as JSON strings (valid YAML) and pass through displayText in
 * comments, so no line break or control character can end a comment early.
 *
 * Complexity: O(tiers).
 */
export function fittedScenarioText(fit: HistoryFit): string {
  const out: string[] = [];
  const cal = fit.calendar;
  const span = `${fit.months} months, ${monthLabel(1, cal)} to ${monthLabel(fit.months, cal)}`;
  const sources = [fit.source, fit.dealsFile, fit.outcomesFile].filter((s): s is string => s !== undefined).map((s) => safe(s));
  out.push(
    `# Fitted by arrcast fit from ${sources.join(', ')} (${span}).`,
    '#',
    '# Every fitted value has a comment: the data it came from (n), the estimate and its 95% interval.',
    '# Levels carry two layers (README "Two layers"): this year\'s level, drawn once per trial, as wide as',
    '# the estimate\'s own error and the drift between years (pooled with a judgement, shown where used);',
    '# and the scatter of months and deals around it. Levels are the last 12 months\' (levels drift).',
    '#',
    '# Not in monthly totals, so not fitted: sales cycles (0 here), price uplift, the split of contraction',
    '# and expansion into probability and size (their product is fitted when the history has the columns),',
    '# new-customer expansion, and the market factor (how drivers move together across tiers: with no',
    '# loadings every driver is independent, which understates the downside).',
    '# Set them before planning with this file.',
    // The file's name as a name may be written, on one line (scenario/one-line.ts): a history named
    // `h<LF>x.csv` was fitted to a scenario its own check refused (an internal error, exit 1).
    `name: ${JSON.stringify(`Fitted from ${safe(baseName(fit.source))}`)}`,
    // Kept by the loader (comments are not): the report tells these estimates from typed figures by it.
    `fittedFrom: ${JSON.stringify(`${sources.join(', ')} (${span})`)} # delete once the values are your own`,
    'currency: USD # the history does not say its currency: set it',
  );
  if (cal) out.push(`fiscalYearStartMonth: ${cal.fiscalYearStartMonth} # the month after the history's last (${monthLabel(fit.months, cal)})`, `fiscalYear: ${cal.fiscalYear}`);
  else out.push('fiscalYearStartMonth: 1 # the history numbers its months: month 1 of this year is the month after its last; set the calendar month');
  out.push('tiers:');
  // Left out as a tier without new business is kept: with the reason where the tier would be.
  for (const s of fit.skipped ?? []) out.push(`  # Tier ${safe(JSON.stringify(s.name))} left out: ${safe(s.reason)}.`);
  for (const tier of fit.tiers) out.push(...tierLines(tier, fit));
  return `${out.join('\n')}\n`;
}

function tierLines(tier: TierFit, fit: HistoryFit): string[] {
  const out = [`  - name: ${JSON.stringify(tier.name)}`];
  for (const note of tier.notes) out.push(`    # ${safe(note)}`);
  if (tier.existing) out.push(...existingLines(tier.existing, fit));
  if (tier.newBusiness) out.push(...newBusinessLines(tier.newBusiness, fit));
  return out;
}

function existingLines(e: ExistingFit, fit: HistoryFit): string[] {
  const r = e.renewal;
  if (e.renewalFrom === 'pooled') return pooledLines(e, r as PooledRenewalFit);
  const out = [
    '    existing:',
    `      openingArr: ${exact(e.openingArr)} # ending_arr of the history's last month (n = 1, a fact: no interval)`,
    `      customers: ${e.customers} # ${safe(e.customersFrom)}`,
    `      # Renewal calendar (n = 12 months of due_arr, last year's shares as they were: no interval): each fiscal`,
    `      # month's share of the ARR due, scaled to ARR due / ARR live 12 months before the end = ${pct(e.dueShare)} (at most 100%).`,
    `      renewalCalendar: [${floorShares(e.calendar).join(', ')}]`,
  ];
  const zv = r.zeroVariance;
  const method = zv ? 'Jeffreys interval: see below' : 'ratio estimator, sandwich standard error, t interval';
  if (e.renewalFrom === 'customers' && 'logo' in r)
    out.push(
      `      # Dollar renewal from ${safe(fit.outcomesFile ?? 'the renewal outcomes')}: n = ${r.rate.n} customers due, ${count(r.renewed)} renewed of ${count(r.due)},`,
      `      #   ${estimatePct(r.rate)} (${method}).`,
      `      # Logo renewal of the same customers: ${estimatePct(r.logo)} (95% Wilson interval, exact ends at 0 to 3 renewals or losses). With a book of aggregates`,
      `      #   every customer carries the average ARR, so the model has one rate: the dollar rate is used.`,
    );
  else
    out.push(
      `      # Dollar renewal: renewed_arr / due_arr of the last 12 months (n = ${r.rate.n} months with ARR due):`,
      `      #   ${count(r.renewed)} of ${count(r.due)}, ${estimatePct(r.rate)} (${method}).`,
    );
  if (zv) out.push(...zeroVarianceLines(r.rate.value, r.rate.n, zv, e.renewalFrom));
  out.push(`      # This year's rate: ${yearText(r.year, 'points', (x) => pct(x))}.`);
  out.push(...renewalRateLines(e, r.rate.value, r.year, zv));
  out.push(...lostOutsideRenewalLines(e));
  // What the customer count (the units of an interval at zero variance) was sized by.
  const per = e.renewalFrom === 'customers' ? `the mean ARR of the customers due in ${safe(fit.outcomesFile ?? 'the renewal outcomes')}` : 'the mean ACV of new deals';
  const contractionProbability = e.contraction ? bookShareLines(out, e, 'contraction', e.contraction, 0, per) : 0;
  if (e.expansion) bookShareLines(out, e, 'expansion', e.expansion, contractionProbability, per);
  return out;
}

/**
 * The dollarRenewalRate line, with why it is where it is: the rate fitted, or on terms shorter than a
 * year (ExistingFit.subAnnualTerm) the year's as ExistingFit.yearEquivalent computed it (its mean and sd
 * from r^k's exact moments, year-equivalent.ts): a book of aggregates renews each dollar once a year.
 */
function renewalRateLines(e: ExistingFit, rate: number, year: YearLevel, zv: ZeroVarianceRate | undefined): string[] {
  const out: string[] = [];
  const t = e.subAnnualTerm;
  const y = e.yearEquivalent;
  let mean = rate;
  let yearSd = year.sd;
  if (t && y) {
    const k = sig(y.k, 3);
    const whose = e.renewalFrom === 'pooled' ? "the other tiers' ARR due in their last 12 months is" : 'the ARR due in the last 12 months is';
    out.push(`      # Terms of about ${t.months === 1 ? 'a month' : `${t.months} months`}: ${whose} ${t.turnover!.toFixed(2)} times the ARR live 12 months before the end, so each`);
    if (y.renewal) {
      const r = y.renewal;
      mean = r.mean;
      yearSd = r.sd;
      const sdWhy = `Its sd ${pct(yearSd)} = sqrt(r^${k}'s ${pct(r.drawSd)}^2 + the drift judgement ${pct(r.prior)}^2${r.between !== undefined ? ` + ${pct(r.between)}^2 between tiers (their rates each to the power ${k})` : ''}), the judgements a year's.`;
      out.push(`      #   dollar comes due ${k} times a year and the rate above is a renewal's. A book of aggregates renews each dollar once a year (the`);
      if (r.fallback)
        // A fallback sd is a bound: it keeps the mean at the history's compounded rate (year-equivalent.ts).
        out.push(
          `      #   calendar above), so the rate written is a year's: the history's compounded ${pct(rate)}^${k} = ${pct(mean)}. The renewal's sd ${pct(r.renewalSd)} is the`,
          `      #   zero-variance fallback above (a bound, not a spread the history showed), so it does not move that mean: r a beta of that sd centred so`,
          `      #   that E[r^${k}] = ${pct(mean)}, exact moments. ${sdWhy}`,
        );
      else
        out.push(
          `      #   calendar above), so the rate written is a year's: E[r^${k}] = ${pct(mean)} (${pct(rate)}^${k} = ${pct(rate ** y.k)}), r a beta of the renewal's own sd ${pct(r.renewalSd)}`,
          `      #   (its error${year.changes > 0 ? ' and year-on-year changes' : ''}), exact moments. ${sdWhy}`,
        );
    } else
      out.push(`      #   dollar comes due ${k} times a year; the rate above is each customer's over the year (${safe(e.renewalFrom === 'customers' ? 'the renewal outcomes' : 'the history')}), a year's already: written as it is.`);
  }
  const renewal = writtenBeta(mean, yearSd);
  if (renewal.moved) out.push(...observedLines(mean, renewal.mean, yearSd, zv));
  if (renewal.note) out.push(`      # Written: ${renewal.note}.`);
  out.push(`      dollarRenewalRate: { dist: beta, mean: ${renewal.mean}, sd: ${renewal.sd} }`);
  return out;
}

/** On terms shorter than a year, the year's contraction or expansion share from a renewal's (year-equivalent.ts), and the comment saying how. */
function yearShareOf(e: ExistingFit, kind: 'contraction' | 'expansion', share: number, sd: number): { share: number; sd: number; lines: string[] } {
  const y = e.yearEquivalent?.[kind];
  if (!y || !e.yearEquivalent) return { share, sd, lines: [] };
  const k = sig(e.yearEquivalent.k, 3);
  return {
    share: y.share,
    sd: y.sd,
    lines: [
      kind === 'contraction'
        ? y.fallback
          ? `      #   A renewal's share, ${k} renewals a year: the year's is 1 - (1 - ${pct(share)})^${k} = ${pct(y.share)} (its sd a zero-variance fallback, which does not move that mean), sd ${pct(y.sd)} (exact moments), so the year keeps r^${k} x (1 - c)^${k}, as ${k} renewals do.`
          : `      #   A renewal's share, ${k} renewals a year: the year's is 1 - E[(1 - ${pct(share)})^${k}] = ${pct(y.share)}, sd ${pct(y.sd)} (exact moments), so the year keeps r^${k} x (1 - c)^${k}, as ${k} renewals do.`
        : `      #   A renewal's share, ${k} renewals a year: the year's is (1 - c + ${pct(share)})^${k} - (1 - c)^${k} = ${pct(y.share)} (c the renewal's contraction share), sd ${pct(y.sd)} (delta method).`,
    ],
  };
}

/** churned_arr beyond what the ARR due did not renew, which a book of aggregates cannot carry. */
function lostOutsideRenewalLines(e: ExistingFit): string[] {
  if (e.lostOutsideRenewal === undefined) return [];
  return [
    `      # Not in this scenario: in the last 12 months churned_arr lost ${money(e.lostOutsideRenewal)} beyond what the ARR due did not renew`,
    `      #   (customers leaving outside a renewal: monthly-billed, mid-term), ${e.dueLastYear > 0 ? `${pct(e.lostOutsideRenewal / e.dueLastYear)} of the ARR due` : 'none of it due'}. A book of aggregates`,
    '      #   loses ARR only at a renewal: lower dollarRenewalRate by that much to carry it in total, or give the',
    '      #   book as a customers file with its monthly-billed customers.',
  ];
}

/**
 * A book with nothing due in its last 12 months (a tier launched within them): its calendar from the
 * ARR it added, its rate the other tiers' pooled, and why (existing-book.ts, pooled-renewal.ts).
 */
function pooledLines(e: ExistingFit, r: PooledRenewalFit): string[] {
  const out = [
    '    existing:',
    `      openingArr: ${exact(e.openingArr)} # ending_arr of the history's last month (n = 1, a fact: no interval)`,
    `      customers: ${e.customers} # ${safe(e.customersFrom)}`,
    `      # Renewal calendar: nothing of this tier came due in its last 12 months (${e.sinceFirst !== undefined && e.sinceFirst >= 12 ? `its first ARR was live ${e.sinceFirst} months before the end` : 'it began within them'}).`,
    ...termLines(e),
  ];
  if (e.notDueArr !== undefined) out.push(`      #   The ${money(e.notDueArr)} of ARR live 12 months before the end ${e.term && e.term.months > 12 ? 'not due within this year on that term' : 'had none due in a year'}: taken to renew after this year.`);
  out.push(`      renewalCalendar: [${floorShares(e.calendar).join(', ')}]`);
  const method = r.zeroVariance ? `Jeffreys interval on ${sig(r.zeroVariance.units, 3)} months as units` : 'ratio estimator, sandwich standard error, t interval';
  out.push(
    "      # Dollar renewal NOT FITTED for this tier: none of its ARR was due or renewed in its last 12 months. Written",
    `      #   is the other tiers' pooled: renewed_arr / due_arr of their last 12 months summed, ${r.tiers.map((t, i) => `${safe(JSON.stringify(t))} ${pct(r.tierRates[i]!)}`).join(', ')}:`,
    `      #   ${count(r.renewed)} of ${count(r.due)}, ${estimatePct(r.rate)} (n = ${r.rate.n} months; ${method}).`,
    `      # This tier's rate: sd ${pct(r.year.sd)} = sqrt(the pool's ${pct(r.poolSd)}^2 (its error and drift between years) + ${pct(r.between)}^2 between tiers),`,
    `      #   the tiers' spread pooled with a judgement of ${pct(r.betweenPrior)}: sqrt((sum (r - mean r)^2 + ${pct(r.betweenPrior)}^2) / ${r.tiers.length}). A new tier's first`,
    "      #   renewals may run apart from a mature book's: state this tier's own rate when its first customers come due.",
  );
  out.push(...renewalRateLines(e, r.rate.value, r.year, r.zeroVariance));
  out.push(...lostOutsideRenewalLines(e));
  const contracting = e.contraction ? pooledShareLines(out, e, 'contraction', e.contraction as PooledBookShareFit, 0) : 0;
  if (e.expansion) pooledShareLines(out, e, 'expansion', e.expansion as PooledBookShareFit, contracting);
  const none = [e.contraction ? '' : 'contraction', e.expansion ? '' : 'expansion'].filter(Boolean);
  if (none.length > 0) {
    const what = none.join(' and ');
    out.push(`      # ${what[0]!.toUpperCase()}${what.slice(1)} at renewal: not fitted (none of its ARR has renewed yet, and no other tier's ${none.map((k) => `${k}_arr`).join(' or ')} to pool); none written. State ${none.length === 2 ? 'them' : 'it'} if it will have any.`);
  }
  return out;
}

/** Which contract term a launched tier's calendar is built on, what it was read from, and the calendar it gives. */
function termLines(e: ExistingFit): string[] {
  const t = e.term ?? { months: 12, from: 'assumed' as const };
  const read =
    t.turnover === undefined
      ? ''
      : `the other tiers' ARR due in their last 12 months is ${t.turnover.toFixed(2)} times\n      #   their ARR live 12 months before the end (${(t.tiers ?? []).map((n) => safe(JSON.stringify(n))).join(', ')}), terms of about 12 / ${t.turnover.toFixed(2)} = ${sig(12 / t.turnover, 3)} months`;
  const why =
    t.from === 'other-tiers'
      ? `Its term, ${termName(t.months)}, is read from the data: ${read}.`
      : t.contradicted
        ? `Its term is ASSUMED ${termName(t.months)}: ${read}, but ${termName(t.contradicted.months)} would have brought its first ARR (${t.contradicted.sinceFirst} months before the end) due already, and none came;\n      #   ${termName(t.months)} is the shortest whole number of years longer than ${t.contradicted.sinceFirst} months.`
        : t.mixed
          ? `Its term is ASSUMED annual: ${read}, no single term (a mix).`
          : "Its term is ASSUMED annual: no other tier has ARR due and live to read one from.";
  const out = `      #   ${why}\n      #   Set its contracts' real months when you know them.`.split('\n');
  if (t.months < 12)
    out.push(
      `      #   On terms shorter than a year its ARR comes due ${sig(12 / t.months, 3)} times a year; a book of aggregates renews each dollar once a year, so`,
      `      #   it is spread evenly, 1/12 of the opening ARR a month, as fit writes the other tiers' calendars (= ${pct(e.dueShare)} in all).`,
    );
  else
    out.push(
      `      #   The ARR added in each month (its rise in ending_arr) comes due ${t.months} months later, in the fiscal month it falls in:`,
      `      #   as a share of the opening ARR = ${pct(e.dueShare)} in all.`,
    );
  return out;
}

const termName = (months: number) => (months === 1 ? 'monthly' : months === 12 ? 'annual' : months % 12 === 0 ? `${months / 12}-year` : `${months}-month`);

/**
 * Contraction or expansion of a book with nothing renewed yet: the other tiers' share of ARR renewed,
 * pooled (pooled-book-share.ts), wider by how far tiers differ, written as the model's probability x
 * size (written-book-share.ts) as a tier's own share is. Returns the probability written (0 for none).
 */
function pooledShareLines(out: string[], e: ExistingFit, kind: 'contraction' | 'expansion', f: PooledBookShareFit, contracting: number): number {
  const column = `${kind}_arr`;
  const method = f.zeroVariance ? `Jeffreys interval on ${sig(f.zeroVariance.units, 3)} months as units` : f.unboundedZeroVariance ? `error share / sqrt(${sig(f.unboundedZeroVariance.units, 3)} months)` : 'ratio estimator, sandwich standard error, t interval';
  out.push(
    `      # ${kind === 'contraction' ? 'Contraction' : 'Expansion'} NOT FITTED for this tier: none of its ARR has renewed yet. Written is the other tiers' pooled:`,
    `      #   ${column} / renewed_arr (their ARR at risk) of their last 12 months summed, ${f.tiers.map((t, i) => `${safe(JSON.stringify(t))} ${pct(f.tierShares[i]!)}`).join(', ')}:`,
    `      #   ${count(f.part)} of ${count(f.renewed)}, ${estimatePct(f.share)} (n = ${f.share.n} months; ${method}).`,
  );
  if (!(f.share.value > 0)) {
    out.push(`      #   None in their last 12 months: written as none.`);
    return 0;
  }
  const ys = yearShareOf(e, kind, f.share.value, f.year.sd);
  const { size, scale, probability: written } = writtenBookShare(kind, ys.share, ys.sd, contracting);
  out.push(
    `      # This tier's share: sd ${pct(f.year.sd)} = sqrt(the pool's ${pct(f.poolSd)}^2 (its error and drift between years) + ${pct(f.between)}^2 between tiers),`,
    `      #   the tiers' spread pooled with a judgement of ${pct(f.betweenPrior)} (half the pool's share): sqrt((sum (s - mean s)^2 + ${pct(f.betweenPrior)}^2) / ${f.tiers.length}).`,
    `      #   As probability x size (see the other tiers): size ${size}, a judgement; probability = share / ${kind === 'contraction' ? 'size' : '((1 - contraction probability) x size)'} = ${pct(ys.share / scale)}, its sd divided by ${sig(scale, 3)}.`,
  );
  out.splice(out.length - 1, 0, ...ys.lines);
  if (written.note) out.push(`      # Written: ${written.note}.`);
  out.push(`      ${kind}:`, `        probability: { dist: beta, mean: ${written.mean}, sd: ${written.sd} }`, `        size: ${size}`);
  return written.mean;
}

/**
 * Why a rate's interval is the Jeffreys posterior's: e.g. "all 12 months with ARR due renewed 100.0%
 * of it: the sandwich standard error is 0 ... with n = 120 customers due as units (...)".
 */
function zeroVarianceLines(rate: number, observed: number, zv: ZeroVarianceRate, from: 'history' | 'customers'): string[] {
  const share = rate >= 1 || rate <= 0 ? pct(rate) : `the same ${pct(rate)}`;
  const what = from === 'history' ? `${observed === 1 ? 'the one month' : `all ${observed} months`} with ARR due renewed ${share} of it` : `all ${observed} customers due renewed ${share} of their ARR`;
  return [
    `      #   ${what[0]!.toUpperCase()}${what.slice(1)}: the sandwich standard error is 0 and would state the rate exactly. The interval`,
    `      #   ${pct(zv.lo)} to ${pct(zv.hi)} is the Jeffreys posterior Beta(x + 1/2, n - x + 1/2)'s, x = rate x n, with ${unitsText(zv, from === 'customers' ? 'customers' : 'history', 'due', 'the mean ACV of new deals')}.`,
    `      #   Its sd ${pct(zv.sd)} is the estimate's error below.`,
  ];
}

/**
 * Why a rate is written away from its estimate (at 100%, or too near it for this year's sd): what
 * was observed, what is written, and why; the note of writtenBeta gives the arithmetic.
 */
function observedLines(observed: number, written: number, sd: number, zv: ZeroVarianceRate | undefined): string[] {
  return [
    `      # Observed ${pct(observed)}; written at mean ${(written * 100).toFixed(2)}%, the ${written < observed ? 'highest' : 'lowest'} mean whose beta can carry this year's sd ${pct(sd)}: a beta at`,
    `      #   ${observed >= 1 || observed <= 0 ? `${pct(observed)} has no spread` : `${pct(observed)} cannot spread that far`}, and ${zv ? `${sig(zv.units, 3)} ${zv.unit} do` : 'a year of history does'} not make next year's rate certain. The interval above is the estimate's.`,
  ];
}

/** What a Jeffreys interval's n counts, and why they bound the variance. */
function unitsText(zv: ZeroVarianceRate, from: 'history' | 'customers', whole: 'due' | 'renewed', per: string): string {
  const n = sig(zv.units, 3);
  if (from === 'customers') return `n = ${n} customers (Kish's effective count, (sum arr)^2 / sum arr^2): each renews or not, a binomial trial`;
  if (zv.unit === 'customers')
    return `n = ${n} customers ${whole} as units, as the customer count above implies (ARR ${whole} / ${per}: an estimate; replace it, and this interval with it): a customer's share is in [0, 1], so its variance is at most r(1 - r), a binomial trial's`;
  return `n = ${n} months as units (Kish's effective count, (sum ${whole})^2 / sum ${whole}^2): a month's share is in [0, 1], so its variance is at most r(1 - r), a binomial trial's, and without deals the history has no count of customers to vouch for a narrower interval`;
}

function newBusinessLines(nb: NewBusinessFit, fit: HistoryFit): string[] {
  const { leads, conversion, acv } = nb;
  const out = ['    newBusiness:'];
  const d = leads.dispersion;
  out.push(
    `      # Leads: n = ${leads.months} months; the last ${Math.min(12, leads.months)} months average ${count(leads.level.value)} a month (95% interval ${count(leads.level.lo)} to ${count(leads.level.hi)}).`,
    `      # Over-dispersion test: Pearson X2 = ${sig(d.chiSquare, 4)} on ${d.df} df (phi = ${sig(d.phi, 3)}), p ${pValue(d.pValue)} against Poisson`,
  );
  if (leads.k)
    out.push(
      `      #   (rejected at ${DISPERSION_TEST_LEVEL}): negative binomial, k = ${sig(leads.k.value, 3)} by moments, mean(mu) / (phi - 1)`,
      `      #   (95% interval ${sig(leads.k.lo, 3)} to ${Number.isFinite(leads.k.hi) ? sig(leads.k.hi, 3) : 'infinity (Poisson)'}).`,
    );
  else out.push(`      #   (not rejected at ${DISPERSION_TEST_LEVEL}): Poisson.`);
  if (leads.poissonInterval)
    out.push(
      `      #   X2 = ${sig(d.chiSquare, 2)} is no more than rounding each count to a whole lead explains: no scatter of the months' own, and phi near 0 would state the level exactly from`,
      `      #   ${leads.level.n} counts. The counts are taken as Poisson: the level's interval is the Poisson (Garwood) one of the`,
      `      #   last 12 months' total, ${count(leads.level.value * 12)} (exact chi-square quantiles; Wilson-Hilferty's, within 3e-7, past 1,500 leads), and its error sqrt(total) / 12.`,
    );
  out.push(`      # This year's mean: lognormal around the last 12 months', ${yearText(leads.year, 'log', (x) => sig(x, 3))}.`);
  const median = leads.level.value;
  // A mean count reads a point before three digits as money does (`12.333`: 12333 or 12.333), so as moneyText writes it.
  const level = `{ dist: lognormal, median: ${moneyText(Number(num(median)))}, p90: ${moneyText(Number(num(median * Math.exp(Z90 * Math.min(leads.year.sd, MAX_LOG_SD)))))} }`;
  out.push(
    leads.k
      ? `      leadsPerMonth: { dist: negativeBinomial, mean: ${level}, dispersion: ${sig(Math.min(leads.k.value, 1e9), 3)} }`
      : `      leadsPerMonth: { dist: poisson, mean: ${level} }`,
  );
  if (leads.seasonality) {
    out.push(`      # Seasonality (fiscal months 1-12; ${leads.months} months, each month seen ${leads.seasonality[0]!.n} times, in the full years): count / its year's level,`);
    out.push(`      # averaged by month. 95% intervals: ${leads.seasonality.map((s) => `${sig(s.lo, 2)}-${sig(s.hi, 2)}`).join(', ')}.`);
    out.push(`      seasonality: [${leads.seasonality.map((s) => round(s.value, 3)).join(', ')}]`);
  } else out.push(`      # No seasonality: it needs 24 months of history or more (this has ${leads.months}).`);
  const c = conversion;
  out.push(
    `      # Conversion: deals / leads of the last 12 months (n = ${c.rate.n} months), ${count(c.deals)} of ${count(c.leads)}: ${estimatePct(c.rate)}.`,
    `      # Month to month: beta-binomial by Kleinman's method of moments, rho = ${sig(c.rho, 2)}${c.rho > 0 ? ` (Beta(a, b) across months with a + b = ${sig(1 / c.rho - 1, 3)})` : ' (binomial)'};`,
    `      #   binomial dispersion X2 = ${sig(c.test.chiSquare, 4)} on ${c.test.df} df, p ${pValue(c.test.pValue)}. The model draws one rate a year, so`,
    `      #   month-to-month variation (and the sales cycle's lag between leads and deals) is in the interval only.`,
    `      # This year's rate: ${yearText(c.year, 'points', (x) => pct(x))}.`,
  );
  if (c.allWon)
    out.push(
      `      # ${c.rate.value >= 1 ? 'Every one' : 'None'} of the ${count(c.leads)} leads was won: the binomial error is 0. The interval is the Jeffreys posterior`,
      `      #   Beta(x + 1/2, n - x + 1/2)'s on n = ${count(c.leads)} leads, its sd ${pct(c.allWon.sd)} the estimate's error.`,
    );
  const rate = writtenBeta(c.rate.value, c.year.sd);
  if (rate.moved) out.push(...observedLines(c.rate.value, rate.mean, c.year.sd, c.allWon));
  if (rate.note) out.push(`      # Written: ${rate.note}.`);
  out.push(`      conversion: { dist: beta, mean: ${rate.mean}, sd: ${rate.sd} }`);
  out.push('      salesCycleMonths: 0 # not identifiable from monthly totals: set it from the CRM (lead created to deal won)');
  const m = acv.median.value;
  const written = writtenAcv(m, acv.sigma.value);
  if (written.leastSpread) out.push(...oneAmountLines(acv, fit));
  else if (acv.from === 'deals')
    out.push(
      `      # ACV: lognormal fitted to the logs of ${safe(fit.dealsFile ?? 'the deals')}'s amounts: n = ${acv.deals} deals. Median of the last 12 months'`,
      `      #   n = ${acv.median.n} deals ${money(acv.median.value)} (95% interval ${money(acv.median.lo)} to ${money(acv.median.hi)}); sigma of log ACV (pooled within years)`,
      `      #   ${sig(acv.sigma.value, 3)} (95% interval ${sig(acv.sigma.lo, 3)} to ${sig(acv.sigma.hi, 3)}); mean exp(mu + sigma^2/2) = ${money(acv.mean)}.`,
    );
  else
    out.push(
      `      # ACV from new_arr / deals (no deals file): the MEAN ACV is identified, ${money(acv.mean)} over the last 12 months (${acv.median.n} months`,
      `      #   with deals); the spread across deals only weakly, from how much the monthly average deal scatters`,
      `      #   (Var(ACV) = deals x Var(monthly average)): sigma ${sig(acv.sigma.value, 3)} (95% interval ${sig(acv.sigma.lo, 3)} to ${sig(acv.sigma.hi, 3)}, n = ${acv.sigma.n} months).`,
      `      #   Mix changes and large deals read as spread. Give --deals for the lognormal's shape. Median = mean x exp(-sigma^2/2)`,
      `      #   = ${money(acv.median.value)} (95% interval ${money(acv.median.lo)} to ${money(acv.median.hi)}).`,
    );
  out.push(`      # This year's median: ${yearText(acv.year, 'log', (x) => sig(x, 3))}; each deal lognormal around it.`);
  // Amounts as money reads them back (moneyText): 12.345 is written 12.3450.
  const yearMedian = `{ dist: lognormal, median: ${moneyText(Number(num(m)))}, p90: ${moneyText(Number(num(m * Math.exp(Z90 * Math.min(acv.year.sd, MAX_LOG_SD)))))} }`;
  out.push(`      acv: { dist: lognormal, median: ${yearMedian}, p90: ${moneyText(written.p90)} }`);
  return out;
}

/**
 * Contraction or expansion from its share of ARR renewed (book-share.ts), written as the model's
 * probability × size that written-book-share.ts decides, with why the split is a judgement. A share
 * of 0 writes none. Returns the probability written (0 for none).
 */
function bookShareLines(out: string[], e: ExistingFit, kind: 'contraction' | 'expansion', f: BookShareFit, contracting: number, per: string): number {
  const column = `${kind}_arr`;
  const zv = f.zeroVariance;
  const uz = f.unboundedZeroVariance;
  out.push(
    `      # ${kind === 'contraction' ? 'Contraction' : 'Expansion'}: ${column} / renewed_arr of the last 12 months (n = ${f.share.n} months with ARR renewed): ${count(f.part)} of ${count(f.renewed)},`,
    `      #   ${estimatePct(f.share)} (${zv ? 'every month had the same share, to within rounding to whole units, so the sandwich standard error is 0 but for rounding: the Jeffreys interval' : uz ? 'see below' : 'ratio estimator, sandwich standard error, t interval'}).`,
  );
  if (zv) out.push(`      #   Jeffreys interval: Beta(x + 1/2, n - x + 1/2), x = share x n, with ${unitsText(zv, 'history', 'renewed', per)}.`);
  if (uz)
    out.push(
      `      #   Every month had the same share (to within rounding to whole units), so the sandwich standard error is 0 but for rounding. An expansion is not bounded by the customer's ARR (no`,
      `      #   binomial bound): the error is share / sqrt(n), n = ${sig(uz.units, 3)} ${uz.unit} ${uz.unit === 'customers' ? `renewed (ARR renewed / ${per}, as the customer count above: an estimate)` : "(Kish's effective count)"}, as if each one's share were as`,
      '      #   variable as an exponential\'s (coefficient of variation 1): a judgement, not fitted.',
    );
  if (!(f.share.value > 0)) {
    out.push(`      #   None in the last 12 months: written as none (the estimate), its interval above.`);
    return 0;
  }
  const ys = yearShareOf(e, kind, f.share.value, f.year.sd);
  out.push(...ys.lines);
  const { size, scale, probability: written } = writtenBookShare(kind, ys.share, ys.sd, contracting);
  out.push(
    `      #   The model ${kind === 'contraction' ? 'takes a share (size) of the ARR of each renewing customer that contracts (probability)' : 'adds a share (size) of the ARR of each renewing customer that does not contract and expands (probability)'},`,
    `      #   so the share of ARR renewed is ${kind === 'contraction' ? 'probability x mean size' : '(1 - contraction probability) x probability x mean size'}. Monthly totals identify that product, not its`,
    `      #   factors: the customers ${kind === 'contraction' ? 'contracting' : 'expanding'} each month and their sizes are not in them (the monthly scatter of`,
    `      #   the share would give probability x E[size^2] only given the customers renewing each month, which the history does not`,
    `      #   count, and a shape for the size). The size is written ${size}, a judgement and not fitted; the probability is the share`,
    `      #   / ${kind === 'contraction' ? 'size' : '((1 - contraction probability) x size)'} = ${pct(ys.share / scale)}. Any split with the same product books the same expected ${kind}; the split`,
    `      #   sets only how much it scatters between customers: set both from the CRM when it has them.`,
    `      # This year's share: ${yearText(f.year, 'points', (x) => pct(x))}; on the probability divided by ${sig(scale, 3)}.`,
  );
  if (written.note) out.push(`      # Written: ${written.note}.`);
  out.push(`      ${kind}:`, `        probability: { dist: beta, mean: ${written.mean}, sd: ${written.sd} }`, `        size: ${size}`);
  return written.mean;
}

/**
 * An ACV with no spread (every deal of a year one amount, or every month's average deal the same):
 * no sigma and no error of the median can be estimated, so no interval is stated (it was "sigma 0
 * (95% interval 0 to 0)"), and the year-level layer is a judgement, the drift alone.
 */
function oneAmountLines(acv: NewBusinessFit['acv'], fit: HistoryFit): string[] {
  const what =
    acv.from === 'deals'
      ? `every deal of a year in ${safe(fit.dealsFile ?? 'the deals')} was one amount (all ${count(acv.median.n)} of the last 12 months' ${money(acv.median.value)}; n = ${acv.deals} deals)`
      : `every month's average deal, new_arr / deals, was the same ${money(acv.mean)} (${acv.median.n} months with deals in the last 12; no deals file)`;
  return [
    `      # ACV: ${what}: no spread can be estimated, so no sigma and no interval of the median (its error`,
    `      #   would be sigma / sqrt(n) = 0). The year-level layer below is a judgement (the drift between years), not fitted. Written`,
    '      #   with the least per-deal spread 5 digits can state (P90 one unit of the 5th digit above the median), so that this',
    "      #   year's median keeps that layer: set the spread of deals from the CRM.",
  ];
}

/** "sd 4.1%: the estimate's error 1.2% and drift between years 3.9% (from 2 year-on-year changes, pooled with a judgement of 15%)". */
function yearText(y: YearLevel, scale: 'log' | 'points', show: (x: number) => string): string {
  const unit = scale === 'log' ? ' of log(level)' : '';
  const from =
    y.changes === 0
      ? `a judgement of ${show(y.prior)} alone: the history has no full year-on-year change`
      : `${y.changes} year-on-year change${y.changes === 1 ? '' : 's'} pooled with a judgement of ${show(y.prior)}`;
  return `sd ${show(y.sd)}${unit}, from the estimate's error ${show(y.standardError)} and drift between years ${show(y.drift)} (${from})`;
}

/** A year-level lognormal's sigma is capped here: beyond, a level could move by a factor of 40 in a year (P10 to P90), which is no plan. */
const MAX_LOG_SD = 1.5;

/** Shares rounded down to 4 decimals, so they still add up to at most 1. */
const floorShares = (xs: readonly number[]) => xs.map((x) => Math.floor(x * 1e4) / 1e4);

const estimatePct = (e: Estimate) => `${pct(e.value)} (95% interval ${pct(e.lo)} to ${pct(e.hi)})`;
/** A share: two decimals below 10%, one above, more just below 100% (a renewal of 0.9994 is 99.94%, not 100.0%). */
const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 2 : decimalsBelowWhole(x))}%`;
const sig = (x: number, digits: number) => String(Number(x.toPrecision(digits)));
const round = (x: number, decimals: number) => String(Number(x.toFixed(decimals)));
const num = (x: number) => String(Number(x.toPrecision(5)));
/** A fact of the history (not an estimate), written as it is: ending_arr 33,734,260 was written 33734000, beside fit's own line saying 33734260. */
const exact = (x: number) => moneyText(x);
const count = (x: number) => Math.round(x).toLocaleString('en-US');
const money = (x: number) => Number(x.toPrecision(4)).toLocaleString('en-US');
const pValue = (p: number) => (p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`);
const safe = (text: string) => displayText(text);
const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;
