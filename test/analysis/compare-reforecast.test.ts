import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareSimulations, OneForecastError, parseScenario, readMonthlyFile, simulate } from '../../src/index.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * compareSimulations of a plan beside a re-forecast from actuals: the plan beside its own re-forecast
 * was refused as "one forecast" (their scenarios hash alike, the closed months were not looked at),
 * and a re-forecast beside another plan was said to share every random number trial by trial, "not
 * sampling noise", though its learned drivers are posterior draws of its own and its closed months
 * the actuals. 100 trials of the example, in process.
 */
const PATH = `${ROOT}scenarios/example.yaml`;
const TEXT = readFileSync(PATH, 'utf8');
const RUN = { trials: 100, seed: 1, workers: 0 } as const;

describe('compareSimulations with a re-forecast', () => {
  it('compares a plan with its own re-forecast, saying the re-forecast is not paired; one forecast twice is still refused', async () => {
    const loaded = parseScenario(TEXT, PATH);
    const s = loaded.scenario;
    const file = await readMonthlyFile(`${ROOT}scenarios/example-actuals.csv`, 'example-actuals.csv', { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name) });
    const plan = await simulate(loaded, RUN);
    const march = await simulate(loaded, { ...RUN, actuals: { file, months: 3 } });
    const april = await simulate(loaded, { ...RUN, actuals: { file, months: 4 } });

    const c = compareSimulations([plan, march, april]);
    expect(c.pairing).toContain(
      ' Re-forecasts from actuals (B from 3 closed months and C from 4 closed months) are not paired with the other scenarios trial by trial: their closed months are the actuals in every trial and their learned drivers are drawn from their posterior given those months, a draw of their own, so their differences hold sampling noise as well as the change.',
    );
    // Two plans: no such words.
    const slower = await simulate(parseScenario(TEXT.replace('priceUplift: 0.03 #', 'priceUplift: 0.05 #'), PATH), RUN);
    expect(compareSimulations([plan, slower]).pairing).not.toContain('Re-forecasts from actuals');

    // One forecast twice: the plan's, the re-forecast's (same closed months).
    expect(() => compareSimulations([plan, march, plan])).toThrow(OneForecastError);
    expect(() => compareSimulations([plan, march, march])).toThrow(/^C \(.*example\.yaml\) forecasts what B \(.*example\.yaml\) does/);
  });
});
