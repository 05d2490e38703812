import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareSimulations, parseScenario, simulate } from '../../src/index.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * compareSimulations (the library's compare) returned differences X - A of dollars and euros
 * without a word, where the CLI's compare refuses scenarios in two currencies. 20 trials, in process.
 */
const TEXT = readFileSync(`${ROOT}scenarios/smb-lead-driven.yaml`, 'utf8');
const RUN = { trials: 20, seed: 3, workers: 0 } as const;
const edit = (from: string, to: string) => {
  expect(TEXT).toContain(from);
  return TEXT.replace(from, to);
};

describe('compareSimulations of two currencies', () => {
  it('is refused, as the CLI refuses it; one currency still compares', async () => {
    const usd = await simulate(parseScenario(TEXT, 'usd.yaml'), RUN);
    const eur = await simulate(parseScenario(edit('currency: USD', 'currency: EUR'), 'eur.yaml'), RUN);
    expect(() => compareSimulations([usd, eur])).toThrow(RangeError);
    expect(() => compareSimulations([usd, eur])).toThrow('compared simulations must be in one currency, as their differences X - A are in money: usd.yaml is in USD, eur.yaml in EUR');
    const slower = await simulate(parseScenario(edit('renewalRate: { dist: beta, mean: 0.84, sd: 0.03 }', 'renewalRate: { dist: beta, mean: 0.80, sd: 0.03 }'), 'slower.yaml'), RUN);
    expect(compareSimulations([usd, slower]).scenarios.map((s) => s.currency)).toEqual(['USD', 'USD']);
  });
});
