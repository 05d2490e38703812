import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { fixtureText, run, scenarioErrorLines, column } from '../helpers/fixtures.js';

/**
 * A seasonality whose weights are all 0, or so small that their mean rounds to 0 (or loses its
 * precision), used to be accepted and rescaled to all zeros: the tier or lead source silently got
 * no leads at all (issue 10, class 6). Refused at the field, with its line and column.
 */
const base = fixtureText('minimal.yaml');
const CONVERSION = '      conversion: 0.05\n';
const withSeasonality = (weights: string) => base.replace(CONVERSION, `${CONVERSION}      seasonality: ${weights}\n`);
const months = (...ws: Array<string | number>) => `[${Array.from({ length: 12 }, (_, i) => String(ws[i] ?? 0)).join(', ')}]`;

const ZEROS = 'at least one month needs a weight above 0 (all zeros would give no leads at all)';
const TINY =
  'the weights are too small to rescale (their mean is below 2.2e-308, or rounds to 0 and would give no leads at all); scale them up: they are rescaled to average 1 anyway';

describe('a seasonality that would give no leads is refused at the field', () => {
  it.each([
    ['twelve zeros', months(), ZEROS],
    ['twelve negative zeros', `[${new Array(12).fill('-0').join(', ')}]`, ZEROS],
    ['one weight of 5e-324 (the mean underflows to 0)', months('5e-324'), TINY],
    ['twelve weights of 5e-324', `[${new Array(12).fill('5e-324').join(', ')}]`, TINY],
    ['a mean below 2.2e-308 (subnormal: the rescaled weights would be off)', months('1e-320', '1e-320'), TINY],
    ['a mean just below 2^-1022', `[${new Array(12).fill('2.2e-308').join(', ')}]`, TINY],
  ])('tier seasonality: %s', (_what, weights, message) => {
    expect(scenarioErrorLines(() => parseScenario(withSeasonality(weights), 'bad.yaml'))).toEqual([
      `bad.yaml:14:20 tiers[0].newBusiness.seasonality: ${message}`,
    ]);
  });

  it('a lead source seasonality of zeros, next to a good tier seasonality', () => {
    const yaml = base.replace(
      "      leadsPerMonth: { dist: poisson, mean: 100 }\n      conversion: 0.05\n",
      [
        `      seasonality: ${months(1, 1, 1)}`,
        '      leadSources:',
        '        - grade: A',
        '          leadsPerMonth: { dist: poisson, mean: 100 }',
        '          conversion: 0.05',
        `          seasonality: ${months()}`,
        '',
      ].join('\n'),
    );
    expect(scenarioErrorLines(() => parseScenario(yaml, 'bad.yaml'))).toEqual([
      `bad.yaml:17:24 tiers[0].newBusiness.leadSources[0].seasonality: ${ZEROS}`,
    ]);
  });

  it.each([
    ['one month only', months(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)],
    ['a mean of exactly 2^-1022', `[${new Array(12).fill(String(2 ** -1022)).join(', ')}]`],
    ['tiny but normal weights', `[${new Array(12).fill('1e-300').join(', ')}]`],
  ])('accepted: %s', (_what, weights) => {
    expect(() => parseScenario(withSeasonality(weights), 'ok.yaml')).not.toThrow();
  });

  it('tiny but normal weights give the leads of a flat seasonality, exactly (the rescaling keeps them)', async () => {
    const tiny = await run(withSeasonality(`[${new Array(12).fill('1e-300').join(', ')}]`), 200, 5);
    const flat = await run(withSeasonality(`[${new Array(12).fill('1').join(', ')}]`), 200, 5);
    expect(column(tiny, 'tier.SMB.leads')).toEqual(column(flat, 'tier.SMB.leads'));
    expect(column(flat, 'tier.SMB.leads').every((x) => x > 0)).toBe(true);
  });
});

describe('other weight vectors: refused when they sum to 0, and tiny weights still drawn in proportion', () => {
  it('discrete weights of zeros, and earlier leads closing in no month, are refused at the field', () => {
    const discrete = base.replace(
      'acv: { dist: lognormal, mean: 12000, sd: 4000 }',
      'acv: { dist: discrete, values: [1000, 2000], weights: [0, 0] }',
    );
    expect(scenarioErrorLines(() => parseScenario(discrete, 'bad.yaml'))).toEqual([
      'bad.yaml:14:61 tiers[0].newBusiness.acv.weights: discrete needs weights that sum to more than 0',
    ]);
    const earlier = base.replace(CONVERSION, `${CONVERSION}      earlierLeads: { count: 10, conversion: 0.1, closeMonth: ${months()} }\n`);
    expect(scenarioErrorLines(() => parseScenario(earlier, 'bad.yaml'))[0]).toMatch(
      /tiers\[0\]\.newBusiness\.earlierLeads\.closeMonth: at least one month needs a weight above 0$/,
    );
  });

  it('subnormal discrete weights (lag tables divide by their sum, alias tables by the largest) give the stated odds', async () => {
    // Lag 0 with weight 1e-320, lag 1 with 3e-320: a quarter of the deals close in their lead month.
    const tiny = base.replace(CONVERSION, `${CONVERSION}      salesCycleMonths: { dist: discrete, values: [0, 1], weights: [1e-320, 3e-320] }\n`);
    const plain = base.replace(CONVERSION, `${CONVERSION}      salesCycleMonths: { dist: discrete, values: [0, 1], weights: [1, 3] }\n`);
    const a = await run(tiny, 300, 9);
    const b = await run(plain, 300, 9);
    expect(column(a, 'revenue')).toEqual(column(b, 'revenue'));
  });
});
