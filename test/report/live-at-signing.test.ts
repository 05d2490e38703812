import { describe, expect, it } from 'vitest';
import { liveAtSigning } from '../../src/report/read-report-trials.js';
import { forecastHash } from '../../src/scenario/forecast-hash.js';
import { parseScenario } from '../../src/scenario/parse.js';

/**
 * score reads a tier's opening ARR as its ending ARR's start only where new deals go live at
 * signing (outcomes-from-actuals.ts). Which tiers those are is read from scenario.json's
 * serviceStartLagMonths as the model reads it: every way of writing a lag of 0 in every draw is one
 * forecast (one forecastHash) and must get one answer; a lag of 0 written as a one-value discrete
 * or empirical was read as "not at signing".
 */
const plan = (lag: string) => `name: P\ntiers:\n  - name: SMB\n    newBusiness:\n      leadsPerMonth: 100\n      conversion: 0.1\n      acv: 12k\n      serviceStartLagMonths: ${lag}\n`;
/** As scenario.json holds it: the validated scenario, through JSON. */
const asReport = (text: string) => JSON.parse(JSON.stringify(parseScenario(text).scenario)) as { tiers: unknown };
const live = (lag: string) => liveAtSigning(asReport(plan(lag)).tiers, ['SMB']).has('SMB');

describe('liveAtSigning reads a lag of 0 however written', () => {
  it.each([
    ['0'],
    ['{ dist: fixed, value: 0 }'],
    ['{ dist: discrete, values: [0], weights: [1] }'],
    ['{ dist: empirical, values: [0, 0] }'],
    ['{ dist: discrete, values: [0, 2], weights: [3, 0] }'],
  ])('%s: live at signing, as written 0 (one forecastHash)', (lag) => {
    expect(forecastHash(parseScenario(plan(lag)))).toBe(forecastHash(parseScenario(plan('0'))));
    expect(live(lag)).toBe(true);
  });

  it.each([['1'], ['{ dist: discrete, values: [0, 1], weights: [1, 1] }'], ['{ dist: empirical, values: [0, 2] }']])('%s: not at signing', (lag) => {
    expect(live(lag)).toBe(false);
  });

  it('a tier without new business is live at signing; a forged lag is not read as 0', () => {
    expect(liveAtSigning([{ name: 'Book' }], ['Book']).has('Book')).toBe(true);
    expect(liveAtSigning([{ name: 'SMB', newBusiness: { serviceStartLagMonths: { dist: 'normal', mean: 0, sd: 1 } } }], ['SMB']).has('SMB')).toBe(false);
    expect(liveAtSigning([{ name: 'SMB', newBusiness: { serviceStartLagMonths: 'soon' } }], ['SMB']).has('SMB')).toBe(false);
  });
});
