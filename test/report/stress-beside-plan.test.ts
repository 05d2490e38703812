import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe as group, expect, it } from 'vitest';
import { parseScenario, readMonthlyFile, simulate, summarize, writeReport } from '../../src/index.js';
import { reportPage } from '../../src/report/write-report.js';
import { downsideSection, type StressCase } from '../../src/report/html/downside-section.js';
import { simulateStress } from '../../src/cli/stress.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * A stress case's figures beside the plan's in report.html's stress table (writeReport's and
 * reportPage's `stress`). The table writes every column with the plan's currency sign, its budget
 * row under the plan's confidence and each P(target) row under the plan's label: a case in euros, at
 * another confidence or against other targets was drawn under those words, and is refused. A case
 * on another seed or trial count, or a re-forecast on either side, has right figures that are not
 * paired with the plan's: the note says so (and claims no pairing of it), it is drawn. A case of
 * another fiscal year is said to be one, from the years the summaries record. Charts are stubbed:
 * every refusal comes before one is drawn. 20 trials, in process.
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
/** The stress table's note, as the page writes it (HTML-escaped). */
const noteOf = (html: string) => /<h3>Stress cases<\/h3>\n<p class="note">([^<]*)<\/p>/.exec(html)![1]!;
const PAIRED = 'Each stress scenario simulated on the plan&#39;s seed and trial count (the same random numbers, so the differences are the scenario&#39;s, not noise).';

group('figures of two runs side by side in the stress table', () => {
  it("refuses a case whose figures would sit under the plan's currency, confidence or targets; notes one on another seed or trial count", async () => {
    const sim = await simulate(parseScenario(TEXT, 'plan.yaml'), RUN);
    const plan = summarize(sim, { confidence: 0.9 });
    const made = async (text: string, run: { trials: number; seed: number }, confidence = 0.9, targets?: { metrics: Array<{ metric: 'revenue'; value: number }> }) =>
      summarize(await simulate(parseScenario(text, 'stress.yaml'), { ...run, workers: 0 }), { confidence, ...(targets ? { targets } : {}) });
    const page = (summary: Awaited<ReturnType<typeof made>>) => reportPage(sim, plan, { renderChart, stress: [{ source: 'stress.yaml', summary }] });

    // As --with-stress makes it: drawn, paired.
    expect(noteOf(await page(await made(SLOWER, RUN)))).toBe(PAIRED);

    const refused = [
      [await made(stressText('currency: USD', 'currency: EUR'), RUN), "reportPage: options.stress[0].summary.scenario.currency must be USD, as the plan's summary (the stress table writes every column with the plan's currency sign"],
      [await made(SLOWER, RUN, 0.8), 'options.stress[0].summary.decisions.confidence must be 0.9, as the plan'],
      [await made(SLOWER, RUN, 0.9, { metrics: [{ metric: 'revenue', value: 11_000_000 }] }), 'options.stress[0].summary.decisions.targets.length must be 2, as the plan'],
    ] as const;
    for (const [summary, words] of refused) await expect(page(summary), words).rejects.toThrow(words);
    // The same count of targets, another value: the row's label would be the plan's, the chance the case's.
    const other = await made(SLOWER, RUN, 0.9, { metrics: [{ metric: 'revenue', value: 11_000_000 }, { metric: 'revenue', value: 13_000_000 }] as never });
    await expect(page(other)).rejects.toThrow(/options\.stress\[0\]\.summary\.decisions\.targets\[0\] must be the plan's target revenue >= 12M/);

    // Another seed, another trial count: right figures, not paired, and said so (no word of pairing of it).
    const unpaired = "SMB lead-driven - FY plan (stress.yaml) is simulated on seed 4 (the plan&#39;s: 3): it is not paired with the plan trial by trial, so its difference from the plan holds sampling noise as well as the scenario&#39;s change.";
    expect(noteOf(await page(await made(SLOWER, { ...RUN, seed: 4 })))).toBe(unpaired);
    expect(noteOf(await page(await made(SLOWER, { ...RUN, trials: 21 })))).toBe(unpaired.replace('seed 4 (the plan&#39;s: 3)', '21 trials (the plan&#39;s: 20)'));
    // Beside a paired case, the paired one is named as paired, the other not.
    const both = await reportPage(sim, plan, { renderChart, stress: [{ source: 'a.yaml', summary: await made(SLOWER, RUN) }, { source: 'b.yaml', summary: await made(SLOWER, { ...RUN, seed: 4 }) }] });
    expect(noteOf(both)).toBe(
      'SMB lead-driven - FY plan (a.yaml) is simulated on the plan&#39;s seed and trial count: the same random numbers where it draws what the plan draws (the tiers shared with the plan, the market factor), so there the differences are the scenario&#39;s, not noise. ' +
        'SMB lead-driven - FY plan (b.yaml) is simulated on seed 4 (the plan&#39;s: 3): it is not paired with the plan trial by trial, so its difference from the plan holds sampling noise as well as the scenario&#39;s change.',
    );
  });

  it('writeReport refuses such a case before it writes anything', async () => {
    const sim = await simulate(parseScenario(TEXT, 'plan.yaml'), RUN);
    const eur = summarize(await simulate(parseScenario(stressText('currency: USD', 'currency: EUR'), 'eur.yaml'), RUN));
    const parent = mkdtempSync(join(tmpdir(), 'arrcast-stress-refused-'));
    const out = join(parent, 'report');
    await expect(writeReport(out, sim, summarize(sim), { renderChart, stress: [{ source: 'eur.yaml', summary: eur }] })).rejects.toThrow(
      /^writeReport: options\.stress\[0\]\.summary\.scenario\.currency must be USD, as the plan's summary .* \(got EUR\)$/,
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('a re-forecast on either side is drawn, its note saying it is not paired and claiming no pairing', async () => {
    const path = `${ROOT}scenarios/example.yaml`;
    const loaded = parseScenario(readFileSync(path, 'utf8'), path);
    const s = loaded.scenario;
    const file = await readMonthlyFile(`${ROOT}scenarios/example-actuals.csv`, 'example-actuals.csv', { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name) });
    const planSim = await simulate(loaded, RUN);
    const reSim = await simulate(loaded, { ...RUN, actuals: { file, months: 3 } });
    const plan = summarize(planSim);
    const re = summarize(reSim);
    const beside = noteOf(await reportPage(planSim, plan, { renderChart, stress: [{ source: 're.yaml', summary: re }] }));
    expect(beside).toBe(
      'Example SaaS Co - FY plan (re.yaml) is a re-forecast from 3 closed months of actuals, whose learned drivers are posterior draws of its own: it is not paired with the plan trial by trial, so its difference from the plan holds sampling noise as well as the scenario&#39;s change.',
    );
    const under = noteOf(await reportPage(reSim, re, { renderChart, stress: [{ source: 'plan.yaml', summary: plan }] }));
    expect(under).toBe(
      'The plan is a re-forecast from 3 closed months of actuals, whose learned drivers are drawn from their posterior given those months, a draw of its own: no stress scenario is paired with it trial by trial, so each difference from the plan holds sampling noise as well as the scenario&#39;s change.',
    );
    for (const note of [beside, under]) expect(note).not.toMatch(/same random numbers|not noise/);
  });

  it('a stress case of another fiscal year is said to be one, from the years the summaries record (however the case reaches the page)', async () => {
    const planLoaded = parseScenario(edit('fiscalYearStartMonth: 1', 'fiscalYearStartMonth: 1\nfiscalYear: 2027'), 'plan.yaml');
    const sim = await simulate(planLoaded, RUN);
    const plan = summarize(sim);
    expect(plan.scenario.fiscalYear).toBe(2027);
    const options = { confidence: plan.decisions.confidence, targets: planLoaded.scenario.targets! };
    const cases = async (text: string) => simulateStress([{ file: 'stress.yaml', loaded: parseScenario(text, 'stress.yaml') }], sim, options);
    const note = (stress: readonly StressCase[]) => noteOf(downsideSection(plan, stress));

    expect(note(await cases(stressText('fiscalYearStartMonth: 1', 'fiscalYearStartMonth: 1\nfiscalYear: 2027')))).toBe(PAIRED);
    const other = (words: string) =>
      `Each stress scenario simulated on the plan&#39;s seed and trial count: the same random numbers where it draws what the plan draws (the tiers it shares with the plan, the market factor), so there the differences are the scenario&#39;s, not noise. SMB lead-driven - FY plan (stress.yaml) forecasts another fiscal year (${words}), so its column is that year&#39;s forecast and differs from the plan&#39;s by the year as well as by the scenario&#39;s change.`;
    expect(note(await cases(stressText('fiscalYearStartMonth: 1', 'fiscalYearStartMonth: 7\nfiscalYear: 2027')))).toBe(other('FY2027, from July; the plan: FY2027, from January'));
    // Last year's forecast, passed as a library caller passes it (a summary alone: the year is the summary's).
    const lastYear = summarize(await simulate(parseScenario(stressText('fiscalYearStartMonth: 1', 'fiscalYearStartMonth: 1\nfiscalYear: 2026'), 'stress.yaml'), RUN));
    expect(note([{ source: 'stress.yaml', summary: lastYear }])).toBe(other('FY2026, from January; the plan: FY2027, from January'));
    // A year stated by one alone is taken to be the other's.
    expect(note(await cases(SLOWER))).toBe(PAIRED);
  });
});
