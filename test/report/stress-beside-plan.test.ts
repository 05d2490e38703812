import { readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import { compareSimulations, parseScenario, readMonthlyFile, simulate, summarize } from '../../src/index.js';
import { reportPage } from '../../src/report/write-report.js';
import { downsideSection } from '../../src/report/html/downside-section.js';
import { simulateStress } from '../../src/cli/stress.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * Figures of two runs put side by side must be of one currency, one seed and trial count, one
 * confidence and one set of targets, or say how they differ. compareSimulations (the library's
 * compare) returned X - A of dollars and euros without a word; writeReport's and reportPage's stress
 * table wrote a euro case with the plan's $ sign, an 80% budget under the plan's "90% confidence", the
 * chance of another target under the plan's label, and "simulated on the plan's seed and trial
 * count" of a case that was not; and a stress case of another fiscal year (`--with-stress` of a
 * scenario starting in July beside a January plan) was said to differ by "the scenario's, not noise".
 * Charts are stubbed: every refusal comes before one is drawn. 20 trials, in process.
 */
const TEXT = readFileSync(`${ROOT}scenarios/smb-lead-driven.yaml`, 'utf8');
const RUN = { trials: 20, seed: 3, workers: 0 } as const;
const renderChart = async () => ({ svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', warnings: [] });
const edit = (from: string, to: string) => {
  expect(TEXT).toContain(from);
  return TEXT.replace(from, to);
};
const SLOWER = edit('renewalRate: { dist: beta, mean: 0.84, sd: 0.03 }', 'renewalRate: { dist: beta, mean: 0.80, sd: 0.03 }');
const stressText = (from: string, to: string) => SLOWER.replace(from, to);

group('figures of two runs side by side', () => {
  it('compareSimulations refuses scenarios in two currencies, as the CLI does', async () => {
    const usd = await simulate(parseScenario(TEXT, 'usd.yaml'), RUN);
    const eur = await simulate(parseScenario(edit('currency: USD', 'currency: EUR'), 'eur.yaml'), RUN);
    expect(() => compareSimulations([usd, eur])).toThrow(RangeError);
    expect(() => compareSimulations([usd, eur])).toThrow('compared simulations must be in one currency, as their differences X - A are in money: usd.yaml is in USD, eur.yaml in EUR');
    // One currency still compares.
    const slower = await simulate(parseScenario(SLOWER, 'slower.yaml'), RUN);
    expect(compareSimulations([usd, slower]).scenarios.map((s) => s.currency)).toEqual(['USD', 'USD']);
  });

  it("reportPage and its stress table refuse a case that is not on the plan's currency, seed, trials, confidence and targets", async () => {
    const sim = await simulate(parseScenario(TEXT, 'plan.yaml'), RUN);
    const plan = summarize(sim, { confidence: 0.9 });
    const made = async (text: string, run: { trials: number; seed: number }, confidence = 0.9, targets?: { metrics: Array<{ metric: 'revenue'; value: number }> }) =>
      summarize(await simulate(parseScenario(text, 'stress.yaml'), { ...run, workers: 0 }), { confidence, ...(targets ? { targets } : {}) });
    const page = (summary: Awaited<ReturnType<typeof made>>) => reportPage(sim, plan, { renderChart, stress: [{ source: 'stress.yaml', summary }] });

    // As --with-stress makes it: drawn.
    expect(await page(await made(SLOWER, RUN))).toContain('<table class="stress">');

    const refused = [
      [await made(stressText('currency: USD', 'currency: EUR'), RUN), 'reportPage: options.stress[0].summary.scenario.currency must be USD, as the plan'],
      [await made(SLOWER, { ...RUN, seed: 4 }), 'options.stress[0].summary.seed must be 3, as the plan'],
      [await made(SLOWER, { ...RUN, trials: 21 }), 'options.stress[0].summary.trials must be 20, as the plan'],
      [await made(SLOWER, RUN, 0.8), 'options.stress[0].summary.decisions.confidence must be 0.9, as the plan'],
      [await made(SLOWER, RUN, 0.9, { metrics: [{ metric: 'revenue', value: 11_000_000 }] }), 'options.stress[0].summary.decisions.targets.length must be 2, as the plan'],
    ] as const;
    for (const [summary, words] of refused) await expect(page(summary), words).rejects.toThrow(words);
    // The same count of targets, another value: the row's label would be the plan's, the chance the case's.
    const other = await made(SLOWER, RUN, 0.9, { metrics: [{ metric: 'revenue', value: 11_000_000 }, { metric: 'revenue', value: 13_000_000 }] as never });
    await expect(page(other)).rejects.toThrow(/options\.stress\[0\]\.summary\.decisions\.targets\[0\] must be the plan's target revenue >= 12M/);
  });

  it('reportPage refuses a re-forecast on either side of the stress table (its posterior draws are not paired)', async () => {
    const path = `${ROOT}scenarios/example.yaml`;
    const loaded = parseScenario(readFileSync(path, 'utf8'), path);
    const s = loaded.scenario;
    const file = await readMonthlyFile(`${ROOT}scenarios/example-actuals.csv`, 'example-actuals.csv', { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name) });
    const planSim = await simulate(loaded, RUN);
    const reSim = await simulate(loaded, { ...RUN, actuals: { file, months: 3 } });
    const plan = summarize(planSim);
    const re = summarize(reSim);
    await expect(reportPage(planSim, plan, { renderChart, stress: [{ source: 're.yaml', summary: re }] })).rejects.toThrow(
      "reportPage: options.stress[0].summary.reforecast must be absent, and the plan a plan run's: stress cases are plan runs beside a plan run",
    );
    await expect(reportPage(reSim, re, { renderChart, stress: [{ source: 'plan.yaml', summary: plan }] })).rejects.toThrow(/\(got a plan run's, beside a re-forecast from 3 closed months\)/);
  });

  it("a stress case of another fiscal year is said to be one, however it reaches the page (--with-stress's cases carry the stated year)", async () => {
    const planLoaded = parseScenario(edit('fiscalYearStartMonth: 1', 'fiscalYearStartMonth: 1\nfiscalYear: 2027'), 'plan.yaml');
    const sim = await simulate(planLoaded, RUN);
    const plan = summarize(sim);
    const options = { confidence: plan.decisions.confidence, targets: planLoaded.scenario.targets! };
    const cases = async (text: string) => simulateStress([{ file: 'stress.yaml', loaded: parseScenario(text, 'stress.yaml') }], sim, options);
    const note = (stress: Awaited<ReturnType<typeof cases>>) => /<h3>Stress cases<\/h3>\n<p class="note">([^<]*)<\/p>/.exec(downsideSection(plan, stress, undefined, 2027))![1]!;

    const sameYear = await cases(stressText('fiscalYearStartMonth: 1', 'fiscalYearStartMonth: 1\nfiscalYear: 2027'));
    expect(note(sameYear)).toBe('Each stress scenario simulated on the plan&#39;s seed and trial count (the same random numbers, so the differences are the scenario&#39;s, not noise).');

    const july = await cases(stressText('fiscalYearStartMonth: 1', 'fiscalYearStartMonth: 7\nfiscalYear: 2027'));
    expect(note(july)).toContain('SMB lead-driven - FY plan (stress.yaml) forecasts another fiscal year (FY2027, from July; the plan: FY2027, from January), so its column is that year&#39;s forecast and differs from the plan&#39;s by the year as well as by the scenario&#39;s change.');
    expect(note(july)).not.toContain('(the same random numbers, so the differences are the scenario&#39;s, not noise)');

    const nextYear = await cases(stressText('fiscalYearStartMonth: 1', 'fiscalYearStartMonth: 1\nfiscalYear: 2028'));
    expect(nextYear[0]!.fiscalYear).toBe(2028);
    expect(note(nextYear)).toContain('forecasts another fiscal year (FY2028, from January; the plan: FY2027, from January)');
  });
});
