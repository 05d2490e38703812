import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { simulate } from '../../src/engine/simulate.js';
import { planScenario } from '../../src/model/scenario-plan.js';
import { simulateChunk } from '../../src/model/simulate-chunk.js';
import { ModelLimitError } from '../../src/model/model-limit-error.js';
import { binomial } from '../../src/random/binomial.js';
import { createStream } from '../../src/random/source.js';
import { fixtureText } from '../helpers/fixtures.js';

/**
 * Bugs the property tests (fuzz.test.ts) and the probing around them found, each as its minimal
 * counterexample, with the message it gets now.
 */

const minimal = fixtureText('minimal.yaml');

/** The message of the ScenarioError that parsing, then a 20-trial run, throws. */
async function refusal(yaml: string, workers = 0): Promise<string> {
  try {
    await simulate(parseScenario(yaml, 'x.yaml'), { trials: 20, seed: 1, workers });
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    return err.message;
  }
  throw new Error('ran without error');
}

describe('regressions found by fuzzing', () => {
  it('`existing:` left empty (null): reported, where the cross-field check threw a TypeError', async () => {
    // Was: TypeError: Cannot read properties of null (reading 'openingArr'), from the schema.
    expect(await refusal('name: Minimal\ncurrency: EUR\ntrials: 2000\nseed: 3\ntiers:\n  - name: SMB\n    existing:')).toBe(
      ['x.yaml:6:5 tiers[0]: a tier needs an existing book, new business, or both', 'x.yaml:7:14 tiers[0].existing: is empty (nothing is indented under it): give its keys on the lines below, indented further, or remove it'].join('\n'),
    );
  });

  it.each([
    ['YAML ~', 'name: Minimal\ntiers:\n  - name: SMB\n    existing: ~\n', ['x.yaml:3:5', 'x.yaml:4:15']],
    ['JSON null', JSON.stringify({ name: 'Minimal', tiers: [{ name: 'SMB', existing: null }] }), ['x.yaml:1:28', 'x.yaml:1:53']],
  ])('a section written null (%s) is null: it is not empty with nothing indented under it', async (_, text, [tier, existing]) => {
    expect(await refusal(text)).toBe([`${tier} tiers[0]: a tier needs an existing book, new business, or both`, `${existing} tiers[0].existing: is null: give its keys, or remove it`].join('\n'));
  });

  it.each([0, 1])('too many deals a month: a ScenarioError at leadsPerMonth, the same with %i workers (it was a RangeError)', async (workers) => {
    // The minimal fixture with leads x 1e6: 5 million deals a month.
    const yaml = minimal.replace('{ dist: poisson, mean: 100 }', '{ dist: poisson, mean: 100000000 }');
    expect(await refusal(yaml, workers)).toBe(
      "x.yaml:12:22 tiers[0].newBusiness.leadsPerMonth: cannot be simulated: SMB: 5.00e+6 deals in one month; each deal's ACV is drawn, so more than 1,000,000 a month would not finish: check leadsPerMonth and conversion",
    );
  });

  it.each([
    ['contraction', 'contraction: { probability: 0.08, size: 0.2 }', 'SMB: 6.00e+6 customers contracting in one month'],
    ['expansion', 'expansion: { probability: 0.5, size: 0.2 }', 'SMB: 3.75e+7 customers expanding in one month'],
  ])('a billion customers with %s: stopped at customers, where 20 trials drew each customer for minutes', async (part, yamlPart, what) => {
    const yaml = `name: x\ntiers:\n  - name: SMB\n    existing:\n      openingArr: 1000000000\n      customers: 1000000000\n      renewalRate: 0.9\n      ${yamlPart}\n`;
    expect(await refusal(yaml)).toBe(
      `x.yaml:6:18 tiers[0].existing.customers: cannot be simulated: ${what}; each one's size is drawn, so more than 1,000,000 a month would not finish: check customers and ${part}.probability`,
    );
  });

  it('quantiles with an infinite mean: refused at its line, where the run gave infinite revenue and summarize failed', async () => {
    // Was: ACV draws of exp(700+) = Infinity, revenue NaN, and "Error: no per-trial values for component.revenue.newBusiness".
    const yaml = minimal.replace('{ dist: lognormal, mean: 12000, sd: 4000 }', '{ dist: quantiles, quantiles: { p10: 1e-300, p50: 1e-100, p90: 1e15 }, lower: 0 }');
    expect(await refusal(yaml)).toBe(
      'x.yaml:14:42 tiers[0].newBusiness.acv.quantiles: these quantiles give a metalog with an infinite mean (its tail is too heavy to simulate): bring the outer quantiles closer to the median, or set upper',
    );
  });

  it('a beta with a tiny sd: refused at sd, where alpha and beta were infinite, the rate NaN, and the run never ended', async () => {
    // Found as contraction.probability sd 1.4e-216 in example.yaml: Beta(Infinity, Infinity) draws
    // NaN, and a binomial with p = NaN rejects every proposal, forever.
    const yaml = minimal.replace('{ dist: beta, mean: 0.9, sd: 0.02 }', '{ dist: beta, mean: 0.9, sd: 1e-216 }');
    expect(await refusal(yaml)).toBe(
      'x.yaml:10:49 tiers[0].existing.renewalRate.sd: beta with mean 0.9 and sd 1e-216 has alpha and beta above 1e15: the sd is too small to matter; write the rate as a number (0.9) instead',
    );
  });

  it('behind the schema, the model stops on a driver that draws NaN, naming it', () => {
    const { scenario } = parseScenario(minimal, 'x.yaml');
    // What the schema now refuses, put straight into a validated scenario.
    const broken = structuredClone(scenario);
    broken.tiers[0]!.existing!.renewalRate = { dist: 'fixed', value: Number.NaN };
    expect(() => simulateChunk(planScenario(broken), '1', 0, 20)).toThrow(
      new ModelLimitError('SMB', ['existing', 'renewalRate'], 'SMB: existing.renewalRate drew NaN (not a number); check its parameters'),
    );
    // A sampler given parameters outside its domain refuses them itself (Beta(Infinity, Infinity)
    // drew NaN before the samplers checked their parameters).
    broken.tiers[0]!.existing!.renewalRate = { dist: 'beta', alpha: Number.POSITIVE_INFINITY, beta: Number.POSITIVE_INFINITY };
    expect(() => simulateChunk(planScenario(broken), '1', 0, 20)).toThrow(new RangeError('beta: alpha must be a finite number > 0, got Infinity'));
  });

  it('and a binomial draw with p = NaN or an infinite n throws instead of looping forever', () => {
    const draw = binomial(createStream('nan'));
    expect(() => draw(100, Number.NaN)).toThrow('binomial: p must be a probability in [0, 1], got NaN');
    expect(() => draw(Number.POSITIVE_INFINITY, 0.3)).toThrow('binomial: n must be a whole number from 0 to 9007199254740991, got Infinity');
  });

  it('a seasonality of huge weights: refused, where their sum overflowed and the tier silently got no leads at all', async () => {
    // Found reading the generator's values (no NaN came out, so the finiteness property passed it).
    const yaml = `name: x\ntiers:\n  - name: A\n    newBusiness: { leadsPerMonth: 100, conversion: 0.5, acv: 1000, seasonality: [${new Array(12).fill('1e308').join(', ')}] }\n`;
    const lines = (await refusal(yaml)).split('\n');
    expect(lines).toHaveLength(12);
    expect(lines[0]).toBe('x.yaml:4:82 tiers[0].newBusiness.seasonality[0]: must be at most 1e15');
  });
});
