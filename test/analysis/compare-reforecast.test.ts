import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareSimulations, OneForecastError, parseScenario, readMonthlyFile, simulate } from '../../src/index.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * compareSimulations of a plan beside a re-forecast from actuals: the plan beside its own re-forecast
 * was refused as "one forecast" (their scenarios hash alike, the closed months were not looked at),
 * and a re-forecast beside another plan was said to share every random number trial by trial, "not
 * sampling noise" (then that, and "not paired" after it), though its learned drivers are posterior
 * draws of its own and its closed months the actuals. 100 trials of the example, in process.
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

    // Nothing of the pairing is claimed beside a re-forecast: the whole note is the re-forecast's.
    expect(compareSimulations([plan, march]).pairing).toBe(
      'Not paired trial by trial: a re-forecast from actuals (B from 3 closed months) has the actuals as its closed months in every trial and draws its learned drivers from their posterior given those months, a draw of its own, so a difference with it holds sampling noise as well as the change.',
    );
    const three = compareSimulations([plan, march, april]).pairing;
    expect(three).toBe(
      'Not paired trial by trial: re-forecasts from actuals (B from 3 closed months and C from 4 closed months) have the actuals as their closed months in every trial and draw their learned drivers from their posterior given those months, a draw of their own, so a difference with one holds sampling noise as well as the change.',
    );
    expect(three).not.toMatch(/shares every random number|not sampling noise|same random numbers/);
    // Two plans: paired, and said so.
    const slower = await simulate(parseScenario(TEXT.replace('priceUplift: 0.03 #', 'priceUplift: 0.05 #'), PATH), RUN);
    expect(compareSimulations([plan, slower]).pairing).toMatch(/^Every scenario has the same tiers: trial i of each shares every random number/);
    expect(compareSimulations([plan, slower]).pairing).not.toContain('Not paired');

    // One forecast twice: the plan's, the re-forecast's (same closed months).
    expect(() => compareSimulations([plan, march, plan])).toThrow(OneForecastError);
    expect(() => compareSimulations([plan, march, march])).toThrow(/^C \(.*example\.yaml\) forecasts what B \(.*example\.yaml\) does/);
  });
});
