import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

/**
 * The parts of a plan beyond leads and a flat book (customer files, reps, pipeline, lead grades,
 * contract terms): each mistake gets its own message at its path and line.
 */

const tier = (body: string) => `name: bad
tiers:
  - name: T
${body}`;
const NB = '    newBusiness:\n';

const cases: Array<{ name: string; yaml: string; expected: string }> = [
  {
    name: 'a customers file next to openingArr',
    yaml: tier('    existing:\n      customersFile: book.csv\n      openingArr: 100\n      renewalRate: 0.9\n'),
    expected: 'bad.yaml:6:19 tiers[0].existing.openingArr: openingArr comes from customersFile: give one or the other',
  },
  {
    name: 'neither a customers file nor openingArr',
    yaml: tier('    existing:\n      renewalRate: 0.9\n'),
    expected: 'tiers[0].existing.openingArr: give openingArr and customers, or customersFile',
  },
  {
    name: 'renewal adjustments without per-customer data',
    yaml: tier('    existing:\n      openingArr: 100\n      customers: 1\n      renewalRate: 0.9\n      renewalAdjustments: { firstRenewal: -0.5 }\n'),
    expected: 'bad.yaml:8:27 tiers[0].existing.renewalAdjustments: renewalAdjustments need per-customer data: give customersFile',
  },
  {
    name: 'an adjustment beyond 5 log-odds',
    yaml: tier('    existing:\n      customersFile: b.csv\n      renewalRate: 0.9\n      renewalAdjustments: { health: 9 }\n'),
    expected: 'tiers[0].existing.renewalAdjustments.health: an adjustment is in log-odds, between -5 and 5',
  },
  {
    name: 'leads and lead sources together',
    yaml: tier(`${NB}      leadsPerMonth: 10\n      conversion: 0.1\n      leadSources: [{ grade: A, leadsPerMonth: 5, conversion: 0.2 }]\n      acv: 1\n`),
    expected: 'tiers[0].newBusiness.leadSources: give leadsPerMonth and conversion, or leadSources, not both',
  },
  {
    name: 'a lead source with neither grade nor channel',
    yaml: tier(`${NB}      leadSources: [{ leadsPerMonth: 5, conversion: 0.2 }]\n      acv: 1\n`),
    expected: 'tiers[0].newBusiness.leadSources[0]: a lead source needs a grade, a channel, or both',
  },
  {
    name: 'the same lead source twice',
    yaml: tier(`${NB}      leadSources:\n        - { grade: A, leadsPerMonth: 5, conversion: 0.2 }\n        - { grade: A, leadsPerMonth: 6, conversion: 0.1 }\n      acv: 1\n`),
    expected: 'tiers[0].newBusiness.leadSources[1]: lead source "A" is listed twice (also leadSources[0])',
  },
  {
    // NFC "Café" and NFD "Café" (e + U+0301) were two sources that every output showed alike.
    name: 'the same lead source in another Unicode form (NFC and NFD)',
    yaml: tier(`${NB}      leadSources:\n        - { grade: "Caf\u00e9", leadsPerMonth: 5, conversion: 0.2 }\n        - { grade: "Cafe\u0301", leadsPerMonth: 6, conversion: 0.1 }\n      acv: 1\n`),
    expected: 'tiers[0].newBusiness.leadSources[1]: lead source "Cafe\u0301" is listed twice (also leadSources[0]), written with other Unicode characters that read the same (NFC and NFD forms)',
  },
  {
    // A soft hyphen is invisible: the two sources printed alike in every output.
    name: 'the same lead source but for an invisible character',
    yaml: tier(`${NB}      leadSources:\n        - { grade: "Web", leadsPerMonth: 5, conversion: 0.2 }\n        - { grade: "W\u00adeb", leadsPerMonth: 6, conversion: 0.1 }\n      acv: 1\n`),
    expected: 'tiers[0].newBusiness.leadSources[1]: lead source "W\u00adeb" is listed twice (also leadSources[0]), written with other Unicode characters that read the same (invisible characters, or fullwidth letters)',
  },
  {
    name: 'new business with no source of deals',
    yaml: tier(`${NB}      acv: 1\n`),
    expected: 'tiers[0].newBusiness: new business needs a source of deals',
  },
  {
    name: 'term shares not adding up to 1',
    yaml: tier(`${NB}      leadsPerMonth: 1\n      conversion: 1\n      acv: 1\n      terms: [{ months: 12, share: 0.5 }, { months: 36, share: 0.4 }]\n`),
    expected: 'tiers[0].newBusiness.terms: term shares add up to 0.9000; they must add up to 1',
  },
  {
    name: 'an escalator on an annual term',
    yaml: tier(`${NB}      leadsPerMonth: 1\n      conversion: 1\n      acv: 1\n      terms: [{ months: 12, share: 1, escalator: 0.05 }]\n`),
    expected: 'tiers[0].newBusiness.terms[0].escalator: an annual contract has no escalator (it steps up at renewal: priceUplift)',
  },
  {
    name: 'a term that is not whole years',
    yaml: tier(`${NB}      leadsPerMonth: 1\n      conversion: 1\n      acv: 1\n      terms: [{ months: 18, share: 1 }]\n`),
    expected: 'tiers[0].newBusiness.terms[0].months: a contract term is a whole number of years (12, 24, 36, 48 or 60 months)',
  },
  {
    name: 'fractional hires',
    yaml: tier(`${NB}      acv: 1\n      reps: { start: 2, hires: [0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], capacity: 3, sourcedDealsPerMonth: 1 }\n`),
    expected: 'tiers[0].newBusiness.reps.hires: hires are whole numbers of reps',
  },
  {
    name: 'a ramp share above 1',
    yaml: tier(`${NB}      acv: 1\n      reps: { start: 2, ramp: [0.5, 1.5], capacity: 3, sourcedDealsPerMonth: 1 }\n`),
    expected: 'tiers[0].newBusiness.reps.ramp[1]: a ramp share must be in [0, 1]',
  },
  {
    name: 'a pipeline with neither file nor groups',
    yaml: tier(`${NB}      acv: 1\n      openingPipeline: {}\n`),
    expected: 'tiers[0].newBusiness.openingPipeline: an opening pipeline needs a file or groups',
  },
  {
    name: 'stages without a pipeline file',
    yaml: tier(`${NB}      acv: 1\n      openingPipeline: { stages: { commit: 0.8 }, groups: [{ count: 3, winProbability: 0.5, closeMonth: 2 }] }\n`),
    expected: 'tiers[0].newBusiness.openingPipeline.stages: stages name the stages of a pipeline file: give file too',
  },
  {
    name: 'a pipeline group closing after the year',
    yaml: tier(`${NB}      acv: 1\n      openingPipeline: { groups: [{ count: 3, winProbability: 0.5, closeMonth: 13 }] }\n`),
    expected: 'tiers[0].newBusiness.openingPipeline.groups[0].closeMonth: must be a fiscal month from 1 to 12',
  },
  {
    name: 'earlier leads with no close month weight',
    yaml: tier(`${NB}      acv: 1\n      earlierLeads: { count: 10, conversion: 0.1, closeMonth: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }\n`),
    expected: 'tiers[0].newBusiness.earlierLeads.closeMonth: at least one month needs a weight above 0',
  },
  {
    name: 'a lead stress on a tier without leads',
    yaml: tier(`${NB}      acv: 1\n      openingPipeline: { groups: [{ count: 3, winProbability: 0.5, closeMonth: 2 }] }\n    stress: { leads: -0.2 }\n`),
    expected: 'tiers[0].stress.leads: a leads stress needs leads or rep-sourced deals in newBusiness in this tier: there is nothing to shift',
  },
];

describe('bad plan parts: customer files, reps, pipeline, lead grades, terms', () => {
  it.each(cases)('$name', ({ yaml, expected }) => {
    let caught: unknown;
    try {
      parseScenario(yaml, 'bad.yaml');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    expect((caught as ScenarioError).message).toContain(expected);
  });

  it('a scenario naming a customers file, read as text, cannot run: the file is only read by loadScenario', async () => {
    const { simulate } = await import('../../src/engine/simulate.js');
    const loaded = parseScenario(tier('    existing:\n      customersFile: book.csv\n      renewalRate: 0.9\n'), 'text.yaml');
    await expect(simulate(loaded, { trials: 10, workers: 0 })).rejects.toThrow(/customersFile|book\.csv/);
  });
});
