import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { forecastHash } from '../../src/scenario/forecast-hash.js';

/**
 * forecastHash is one for scenarios the model reads as one law, however written (forecast-hash.ts):
 * a `discrete`'s weights are shares of their total (random/discrete.ts), `{ dist: fixed, value: X }`
 * is X (the schema takes both; the model draws neither), a seasonality is rescaled to average 1
 * (model/new-business-plan.ts), and a stress of 0 changes nothing. Each pair below hashed apart
 * before: `arrcast score` scored one forecast twice, `compare` and `--with-stress` showed it twice.
 */
const nb = (more: string, acv = '12k', leads = '100') => `name: P\ntiers:\n  - name: SMB\n    newBusiness:\n      leadsPerMonth: ${leads}\n      conversion: 0.1\n      acv: ${acv}\n${more}`;
const ex = (rate: string, head = '') => `${head}name: P\ntiers:\n  - name: SMB\n    existing: { openingArr: 18M, customers: 10, renewalRate: ${rate} }\n`;
const lag = (spec: string) => nb(`      salesCycleMonths: ${spec}\n`);
/** A tier with one lead source, its own seasonality written when `own` is given. */
const src = (tierSeason: string, own?: string) =>
  nb(`${tierSeason}      leadSources: [{ grade: A, leadsPerMonth: 5, conversion: 0.2${own === undefined ? '' : `, seasonality: [${own}]`} }]\n`).replace('      leadsPerMonth: 100\n      conversion: 0.1\n', '');
const hashOf = (text: string) => forecastHash(parseScenario(text));

describe('forecastHash: one law written two ways', () => {
  it.each([
    ['discrete weights 1, 1 and 0.5, 0.5', lag('{ dist: discrete, values: [1, 2], weights: [1, 1] }'), lag('{ dist: discrete, values: [1, 2], weights: [0.5, 0.5] }')],
    ['discrete weights 2, 3 and 0.4, 0.6', lag('{ dist: discrete, values: [1, 2], weights: [2, 3] }'), lag('{ dist: discrete, values: [1, 2], weights: [0.4, 0.6] }')],
    ['a value listed twice and its weights added', lag('{ dist: discrete, values: [1, 1, 2], weights: [1, 1, 2] }'), lag('{ dist: discrete, values: [1, 2], weights: [1, 1] }')],
    ['a value of weight 0 and the one value left', lag('{ dist: discrete, values: [1, 2], weights: [1, 0] }'), lag('1')],
    ['an empirical of one value repeated and that number', lag('{ dist: empirical, values: [3, 3] }'), lag('3')],
    ['an empirical with each value twice and once', lag('{ dist: empirical, values: [1, 1, 2, 2] }'), lag('{ dist: empirical, values: [1, 2] }')],
    ['an empirical and a discrete of equal weights', lag('{ dist: empirical, values: [1, 2] }'), lag('{ dist: discrete, values: [1, 2], weights: [7, 7] }')],
    ['a fixed lag and the number', lag('{ dist: fixed, value: 2 }'), lag('2')],
    ['a fixed ACV and the amount', nb('', '{ dist: fixed, value: 12k }'), nb('', '12000')],
    ['a fixed renewal rate and the rate', ex('{ dist: fixed, value: 0.9 }'), ex('0.9')],
    ["a Poisson's year-level mean fixed and the number", nb('', '12k', '{ dist: poisson, mean: { dist: fixed, value: 100 } }'), nb('', '12k', '{ dist: poisson, mean: 100 }')],
    ['a flat seasonality and none', nb('      seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n'), nb('')],
    ['a seasonality and its double', nb('      seasonality: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 4]\n'), nb('      seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]\n')],
    ['a stress of 0 and none', ex('0.9', 'stress: { renewal: 0, leads: 0 }\n'), ex('0.9')],
    ['an empty stress and none', ex('0.9', 'stress: {}\n'), ex('0.9')],
    ['discrete value-weight pairs in another order', lag('{ dist: discrete, values: [1, 2], weights: [1, 3] }'), lag('{ dist: discrete, values: [2, 1], weights: [3, 1] }')],
    ["a lead source's seasonality equal to its tier's (to another scale) and none", src('      seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]\n', '2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 4'), src('      seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]\n')],
    ['a default written out and left out', ex('0.9').replace(' }', ', priceUplift: 0 }'), ex('0.9')],
  ])('%s hash alike', (_, a, b) => {
    expect(hashOf(a)).toBe(hashOf(b));
  });

  it.each([
    ['discrete weights 1, 2 and 2, 1', lag('{ dist: discrete, values: [1, 2], weights: [1, 2] }'), lag('{ dist: discrete, values: [1, 2], weights: [2, 1] }')],
    ['an empirical [1, 2] and [1, 2, 2]', lag('{ dist: empirical, values: [1, 2] }'), lag('{ dist: empirical, values: [1, 2, 2] }')],
    ['a fixed lag of 2 and the number 3', lag('{ dist: fixed, value: 2 }'), lag('3')],
    ['a seasonality and another shape', nb('      seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]\n'), nb('      seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1]\n')],
    ["a lead source's seasonality other than its tier's and none", src('      seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]\n', '1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1'), src('      seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]\n')],
    ['a stress of -0.05 and none', ex('0.9', 'stress: { renewal: -0.05 }\n'), ex('0.9')],
  ])('%s hash apart (another law)', (_, a, b) => {
    expect(hashOf(a)).not.toBe(hashOf(b));
  });
});
