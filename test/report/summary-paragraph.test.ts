import { beforeAll, describe, expect, it } from 'vitest';
import { summarize, type Summary } from '../../src/analysis/summarize.js';
import type { Simulation } from '../../src/engine/simulate.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { summaryParagraph, driverWords, wrapText } from '../../src/report/summary-paragraph.js';
import { summaryTable, TERMINAL_PARAGRAPH_FORMAT } from '../../src/report/summary-table.js';
import { formatMoney, formatPercent } from '../../src/report/format.js';
import { formatCurrency } from '../../src/report/money.js';
import { runReportScenario } from './fixture.js';

let sim: Simulation;
let summary: Summary;
let html: string;

/** Every figure a text holds: amounts ($1.2M, -$3k, 118.6M) and percentages (45.2%). */
const figures = (text: string) => text.match(/-?\$?\d[\d,.]*[kMB]?%?/g)?.filter((f) => /[$%kMB]/.test(f)) ?? [];
/** The text of every table cell in the page, the paragraph's section left out. */
const cells = (page: string) =>
  new Set([...page.replace(/<section id="summary">[\s\S]*?<\/section>/, '').matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]!.replace(/&amp;/g, '&')));

beforeAll(async () => {
  ({ sim } = await runReportScenario());
  // Two targets, one easy and one hard, so the paragraph has target odds to state.
  summary = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: 9e6 }, { metric: 'endingArr', value: 12e6 }] } });
  html = reportHtml({ summary, scenario: sim.loaded.scenario, charts: [] });
});

describe('summary paragraph', () => {
  it('says the P50, the P10-P90 range, the targets, the budgets, the bad year and the sources of risk', () => {
    const p = summaryParagraph(summary);
    expect(p).toMatch(/most likely about \$[\d.]+M \(P50\)/);
    expect(p).toContain('(P10)');
    expect(p).toContain('(P90)');
    expect(p).toContain('for revenue >= 9M');
    expect(p).toContain('for ending ARR >= 12M');
    expect(p).toMatch(/met or beaten in 80% of simulated years/);
    expect(p).toMatch(/1-in-10 bad year/);
    expect(p).toMatch(/biggest source of risk is/);
  });

  it('writes every figure exactly as a table cell of report.html writes it', () => {
    // Target labels ("revenue >= 9M") are names, not figures.
    const p = summary.decisions.targets.reduce((text, t) => text.replace(t.label, ''), summaryParagraph(summary));
    const found = figures(p).filter((f) => f !== '80%' && f !== '10%');
    expect(found.length).toBeGreaterThan(8);
    const table = cells(html);
    for (const f of found) expect(table.has(f), `${f} in a table cell`).toBe(true);
  });

  it('says revenue is one figure when every trial has the same, not an 80% range between it and itself, and claims no certainty unless the actuals close the year', () => {
    const certain = structuredClone(summary);
    const r = certain.metrics.revenue;
    const x = r.percentiles.p50;
    Object.assign(r, { min: x, max: x, percentiles: Object.fromEntries(Object.keys(r.percentiles).map((k) => [k, x])) });
    const p = summaryParagraph(certain);
    // The same in each of the run's trials is a count of trials, not proof (the targets' intervals say so too).
    expect(p).toContain(`Recognized revenue next fiscal year is ${formatCurrency(x, '$')} in every one of the ${certain.trials.toLocaleString('en-US')} simulated years.`);
    expect(p).not.toContain('leaves it uncertain');
    expect(p).not.toContain('80% chance');
    expect(summaryParagraph(summary)).toContain('80% chance of landing between');
  });

  it('of a scenario whose revenue no trial moved, says the count and the chances as their intervals do, in the paragraph, the terminal and report.html', async () => {
    // Every customer renews and none is won: 300 trials of one figure. 0 misses of 300 still admits a
    // small chance of one: the interval's lower end, the wider of Wilson's 300 / (300 + z^2) = 98.736%
    // and the exact 0.025^(1/300) = 98.778%, written outward at one decimal.
    const { simulate } = await import('../../src/engine/simulate.js');
    const { parseScenario } = await import('../../src/scenario/parse.js');
    const fixed = await simulate(parseScenario('name: Fixed\ncurrency: USD\ntiers:\n  - name: SMB\n    existing: { openingArr: 1200000, customers: 120, renewalRate: 1 }\n', 'fixed.yaml'), { trials: 300, seed: '1', workers: 0 });
    const s = summarize(fixed, { targets: { metrics: [{ metric: 'revenue', value: 1e6 }] } });
    expect(s.decisions.targets[0]!.certain).toBe(true);
    const lower = Math.min(300 / (300 + 1.959963984540054 ** 2), 0.025 ** (1 / 300));
    expect(s.decisions.targets[0]!.probability.interval[0]).toBeCloseTo(lower, 12);
    const over = `over ${(Math.floor(lower * 1000) / 10).toFixed(1)}%`;
    const shown = `${(Math.round(lower * 1000) / 10).toFixed(1)}%`;
    for (const p of [summaryParagraph(s), summaryParagraph(s, TERMINAL_PARAGRAPH_FORMAT)]) {
      expect(p).toContain('in every one of the 300 simulated years.');
      expect(p).not.toContain('leaves it uncertain');
      expect(p).toContain(`The chance of reaching revenue >= 1M is ${over} (all 300 simulated years).`);
    }
    expect(summaryTable(s)).toContain(`[${shown}, 100.0%]`);
    expect(reportHtml({ summary: s, scenario: fixed.loaded.scenario, charts: [] })).toContain(`${over} (all 300 simulated years)`);
  });

  it('of a single trial, does not say nothing in the scenario leaves revenue uncertain', () => {
    const one = structuredClone(summary);
    const r = one.metrics.revenue;
    const x = r.percentiles.p50;
    Object.assign(one, { trials: 1 });
    Object.assign(r, { min: x, max: x, percentiles: Object.fromEntries(Object.keys(r.percentiles).map((k) => [k, x])) });
    const p = summaryParagraph(one);
    expect(p).toContain(`Recognized revenue next fiscal year is ${formatCurrency(x, '$')} in the one simulated year: a single trial gives no range, however uncertain the scenario.`);
    expect(p).not.toMatch(/leaves it uncertain|every simulated year/);
    // A year the actuals close (12 months) is certain with one trial too.
    const closed = { ...one, reforecast: { ...structuredClone(summary.reforecast), asOfMonth: 12 } } as Summary;
    expect(summaryParagraph(closed)).toContain('in every simulated year: nothing in the re-forecast leaves it uncertain.');
  });

  it('writes the mean gap of a target no trial misses as -, not as a gap of 0', () => {
    // Revenue is never below 0: no trial misses a target of 0.
    const met = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: 0, label: 'Always' }] } });
    expect(met.decisions.targets[0]!.shortfall.trialsMissing).toBe(0);
    const row = summaryTable(met).split('\n').find((l) => l.startsWith('Always'))!;
    expect(row.split(/\s{2,}/)[3]).toBe('-');
    const page = reportHtml({ summary: met, scenario: sim.loaded.scenario, charts: [] });
    expect(page).toMatch(/<th[^>]*>Always<\/th><td[^>]*>[^<]*<\/td><td[^>]*>[^<]*<\/td><td[^>]*>-<\/td>/);
  });

  it('says a target no trial reaches (or every trial reaches) as an estimate with its bound, not a certain 0% (100%), in the terminal, report.html and report.xlsx', () => {
    const edge = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: 1e12, label: 'Never' }, { metric: 'revenue', value: 0, label: 'Always' }] } });
    expect(edge.decisions.targets.map((t) => t.probability.value)).toEqual([0, 1]);
    // Wilson's 95% interval at 0 of n ends at z^2 / (n + z^2) (and at n of n starts at 1 minus that): 0.19% of 2,000.
    const z2 = 1.959963984540054 ** 2;
    const bound = z2 / (2000 + z2);
    expect(bound).toBeCloseTo(0.001917, 6);
    const words = 'The chance of reaching each target is under 0.2% (none of 2,000 simulated years) for Never and over 99.8% (all 2,000 simulated years) for Always.';
    // report.html and report.xlsx's summary sheet write summaryParagraph(summary); the terminal its own formatters.
    expect(summaryParagraph(edge)).toContain(words);
    expect(summaryParagraph(edge, TERMINAL_PARAGRAPH_FORMAT)).toContain(words);
    expect(reportHtml({ summary: edge, scenario: sim.loaded.scenario, charts: [] })).toContain(words);
    expect(summaryParagraph(edge)).not.toMatch(/(^|[^\d.])(0\.0|100\.0)%/);
    // A metric the same in every trial is still a count of the trials while its interval says so: the words as before.
    const same = structuredClone(edge);
    for (const t of same.decisions.targets) Object.assign(t, { certain: true });
    expect(summaryParagraph(same)).toContain(words);
    // Known (a year the actuals close: an interval of no width, certainProbability): its chance as the table writes it.
    const known = structuredClone(edge);
    for (const t of known.decisions.targets) Object.assign(t, { certain: true, probability: { ...t.probability, interval: [t.probability.value, t.probability.value] } });
    expect(summaryParagraph(known)).toContain('The chance of reaching each target is 0.0% for Never and 100.0% for Always.');
  });

  it('sits at the top of report.html, before the headline table', () => {
    const at = html.indexOf('<section id="summary">');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(html.indexOf('<h2>Headline</h2>'));
  });

  it('in the terminal, uses the terminal tables\u2019 formatters: every amount is one the table prints', () => {
    const p = summaryParagraph(summary, TERMINAL_PARAGRAPH_FORMAT);
    const table = summaryTable(summary);
    for (const f of (p.match(/-?\d[\d,.]*[kMB](?![a-z])/g) ?? [])) expect(table, f).toContain(f);
  });

  it('the terminal budget heading names the confidence and percentile as report.html does, to one decimal', () => {
    // At 99.5% it said "Budget at 100% confidence (reached or beaten in 100% of trials = P0)", the
    // minimum, while the budget is the P0.5 and report.html and the workbook say 99.5% (P0.5).
    for (const [confidence, heading] of [
      [0.995, 'Budget at 99.5% confidence (reached or beaten in 99.5% of trials = P0.5)'],
      [0.9, 'Budget at 90% confidence (reached or beaten in 90% of trials = P10)'],
      [0.125, 'Budget at 12.5% confidence (reached or beaten in 12.5% of trials = P87.5)'],
    ] as const) {
      const s = summarize(sim, { confidence });
      expect(summaryTable(s)).toContain(heading);
      const page = reportHtml({ summary: s, scenario: sim.loaded.scenario, charts: [] });
      expect(page).toContain(heading.replace(/ \(reached.*= (P[\d.]+)\)$/, ' ($1)'));
      // The percentile convention's line at the top says which percentile this run's budget is (it
      // said 'A budget at 80% confidence is P20.' above a run's budgets at 90%, the P10).
      const [, share, percentile] = /Budget at ([\d.]+%) confidence .*= (P[\d.]+)\)$/.exec(heading)!;
      expect(/<p class="convention">.*<\/p>/.exec(page)![0]).toContain(`A budget at ${share} confidence is ${percentile}.</p>`);
    }
  });

  it('says drivers as a person would', () => {
    expect(driverWords({ key: 'driver.market', label: 'Market' })).toMatch(/^the market/);
    // The market moves only the drivers loaded on it (a tier with none does not move with it): no claim of every tier.
    expect(driverWords({ key: 'driver.market', label: 'Market' })).not.toMatch(/every tier/);
    expect(driverWords({ key: 'driver.SMB.conversion', label: 'SMB conversion', tier: 'SMB' })).toBe('how many SMB leads become customers');
    expect(driverWords({ key: 'driver.SMB.oddOne', label: 'SMB odd one', tier: 'SMB' })).toBe('SMB odd one');
    expect(driverWords({ key: 'x', label: 'Deals per rep' })).toBe('deals per rep');
  });

  it("keeps a tier's name as written in a driver said by its label (leads, ACV, sizes, pipeline, reps' sourced deals)", () => {
    // These drivers have no words of their own: their label, which starts with the tier's name, is
    // said as it is ('Solo leads a month' was said 'solo leads a month', a tier renamed).
    for (const [slot, words] of [
      ['leadsPerMonth', 'leads a month'],
      ['acv', 'ACV'],
      ['expansion.size', 'expansion size'],
      ['newCustomerExpansion.size', 'new-customer expansion size'],
      ['reps.sourcedDealsPerMonth', 'deals a ramped rep sources a month'],
      ['pipeline.2.winProbability', 'pipeline group 2 win probability'],
      ['leadsPerMonth.Webinar', 'Webinar leads a month'],
    ] as const) {
      for (const tier of ['Solo', 'Enterprise', 'Mid-market', 'SMB']) {
        expect(driverWords({ key: `driver.${tier}.${slot}`, label: `${tier} ${words}`, tier })).toBe(`${tier} ${words}`);
      }
    }
  });

  it("names a tier's leads as the tier is named, in the paragraph and report.html's sources of risk", async () => {
    const { summary: solo } = await runReportScenario(`
name: Solo
trials: 2000
seed: 3
market: { loadings: { leads: 0.1 } }
tiers:
  - name: Solo
    existing: { openingArr: 1M, customers: 100, renewalCalendar: uniform, renewalRate: 0.9 }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: { dist: lognormal, p10: 500, p90: 1500 } }
      conversion: 0.05
      acv: 10000
`, 2000);
    const leads = solo.sensitivity.drivers.find((x) => x.label === 'Solo leads a month')!;
    expect(leads.varianceShare).toBeGreaterThan(0.01);
    expect(summaryParagraph(solo)).toMatch(/(is|by) Solo leads a month[ ,(]/);
    expect(summaryParagraph(solo)).not.toContain('solo leads');
    const page = reportHtml({ summary: solo, scenario: { ...sim.loaded.scenario, name: 'Solo' }, charts: [] });
    expect(page).toContain('Solo leads a month');
    expect(page).not.toContain('solo leads');
  });

  it("says a driver in words whatever the tier's name holds ('.', '/', '%', which its key encodes)", async () => {
    const { summary } = await runReportScenario(`
name: Slash
trials: 40
seed: 1
tiers:
  - name: Self-serve/SMB v1.5 (10%)
    existing:
      openingArr: 5M
      customers: 400
      renewalCalendar: uniform
      renewalRate: { dist: beta, mean: 0.85, sd: 0.08 }
`, 40);
    const d = summary.sensitivity.drivers.find((x) => x.label.endsWith('renewal rate'))!;
    expect(driverWords(d)).toBe('how many Self-serve/SMB v1.5 (10%) customers renew');
  });

  it("writes the budgets and the worst 10%'s mean as report.html's budget and downside tables do (the digits their interval takes)", () => {
    // A narrow interval (a late re-forecast's) takes more than three digits: $111.79M, not $112M.
    const b = summary.decisions.budgets.metrics;
    const narrow = (x: { value: number; interval: readonly [number, number] | null }) => ({ ...x, interval: [x.value - 5, x.value + 5] as [number, number] });
    const down = summary.decisions.downside;
    const s: Summary = {
      ...summary,
      decisions: {
        ...summary.decisions,
        budgets: { ...summary.decisions.budgets, metrics: { revenue: narrow(b.revenue), bookings: narrow(b.bookings), endingArr: narrow(b.endingArr) } },
        downside: { ...down, revenue: { ...down.revenue, worst10Interval: [down.revenue.worst10Mean - 5, down.revenue.worst10Mean + 5] } },
      },
    };
    const html = reportHtml({ summary: s, scenario: sim.loaded.scenario, charts: [] });
    const cell = (label: string) => new RegExp(`<th scope="row">${label}</th><td class="num">([^<]*)</td><td class="num">\\[`).exec(html)?.[1];
    const budget = cell('Recognized revenue');
    const worst = cell('Recognized revenue: Mean of the worst 10% \\(expected shortfall\\)');
    expect(budget).toMatch(/\.\d{3,}M$/);
    expect(worst).toMatch(/\.\d{3,}M$/);
    const paragraph = summaryParagraph(s);
    expect(paragraph).toContain(`is ${budget} of revenue`);
    expect(paragraph).toContain(`the worst 10% of years average ${worst}`);
    expect(html).toContain(`is ${budget} of revenue`);
  });

  it('says a single target in one clause', () => {
    const one = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: 9e6 }] } });
    expect(summaryParagraph(one)).toMatch(/The chance of reaching revenue >= 9M is \d+\.\d%\./);
  });

  it('wraps on spaces', () => {
    expect(wrapText('aa bb cc', 5)).toBe('aa bb\ncc');
    expect(wrapText('averyveryverylongword x', 5)).toBe('averyveryverylongword\nx');
  });
});
