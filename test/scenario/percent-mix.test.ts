import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../src/scenario/parse.js';
import { formatWarning, writtenWarnings } from '../../src/analysis/plausibility.js';
import { loadProblems, ROOT, writeFiles } from '../helpers/fixtures.js';
import { editMinimal, scenarioProblems as problems } from '../helpers/scenario-problems.js';

/**
 * One rule for `%` in a distribution: each number is read by itself. A distribution that writes
 * some values with `%` and a percent-like one (above 1, at most 100) without it, where the field
 * takes that reading as plausible: refused at that number, with its percent, where it was refused
 * before (the message gains the %); a warning where it ran before (existing files keep their meaning).
 */
const RENEWAL = 'renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }';
const edit = (from: string, to: string) => editMinimal([from, to]);
const renewal = (spec: string) => edit(RENEWAL, `renewalRate: ${spec}`);
const expansion = (size: string) => edit('customers: 120', `customers: 120\n      expansion: { probability: 0.1, size: ${size} }`);
const fixtureFile = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const TAIL = 'A % divides only the number it is written on';
/** The warnings of how a file (bad.yaml) is written, as the CLI prints them. */
const warnings = (yaml: string) => writtenWarnings(parseScenario(yaml, 'bad.yaml')).map(formatWarning);

const refused: Array<{ name: string; yaml: string; expected: string[] }> = [
  {
    // Was "beta with mean 0.92 needs sd < 0.2713 (sd^2 < mean(1-mean))", with no word of the %.
    name: "a beta's sd without % beside its mean with %",
    yaml: renewal('{ dist: beta, mean: 92%, sd: 3 }'),
    expected: [`bad.yaml:10:49 tiers[0].existing.renewalRate.sd: 3 has no %, beside 92% (mean) in the same distribution, so it reads as 3 (300%): did you mean 3% (0.03)? ${TAIL}`],
  },
  {
    // Was "pert can draw above 1; use beta, or bound it".
    name: "a PERT's max without %",
    yaml: renewal('{ dist: pert, min: 80%, mode: 90%, max: 95 }'),
    expected: [`bad.yaml:10:60 tiers[0].existing.renewalRate.max: 95 has no %, beside 80% (min) in the same distribution, so it reads as 95 (9500%): did you mean 95% (0.95)? ${TAIL}`],
  },
  {
    name: "a beta's mean without % beside its sd with %",
    yaml: renewal('{ dist: beta, mean: 92, sd: 3% }'),
    expected: [`bad.yaml:10:40 tiers[0].existing.renewalRate.mean: 92 has no %, beside 3% (sd) in the same distribution, so it reads as 92 (9200%): did you mean 92% (0.92)? ${TAIL}`],
  },
  {
    name: 'a stated quantile without %',
    yaml: renewal('{ dist: quantiles, quantiles: { p10: 80%, p50: 85%, p90: 89 }, lower: 0, upper: 1 }'),
    expected: [`bad.yaml:10:77 tiers[0].existing.renewalRate.quantiles.p90: 89 has no %, beside 80% (quantiles.p10) in the same distribution, so it reads as 89 (8900%): did you mean 89% (0.89)? ${TAIL}`],
  },
  {
    name: "a discrete's listed value without %",
    yaml: renewal('{ dist: discrete, values: [85%, 90], weights: [1, 1] }'),
    expected: [`bad.yaml:10:52 tiers[0].existing.renewalRate.values[1]: 90 has no %, beside 85% (values[0]) in the same distribution, so it reads as 90 (9000%): did you mean 90% (0.9)? ${TAIL}`],
  },
  {
    // A problem at a parent of the distribution (an unknown key of `existing`) hid the mix's.
    name: 'a problem at a parent of the distribution, said beside the mix',
    yaml: renewal('{ dist: beta, mean: 92%, sd: 3 }\n      renewl: 1'),
    expected: [
      `bad.yaml:10:49 tiers[0].existing.renewalRate.sd: 3 has no %, beside 92% (mean) in the same distribution, so it reads as 3 (300%): did you mean 3% (0.03)? ${TAIL}`,
      'bad.yaml:11:7 tiers[0].existing: unknown key "renewl"; the keys here are: openingArr, customers, renewalCalendar, customersFile, renewalAdjustments, renewalRate, dollarRenewalRate, priceUplift, contraction, expansion',
    ],
  },
  {
    name: "a conversion's triangular max without %, and the other problems of the file still said",
    yaml: edit('conversion: 0.05', 'conversion: { dist: triangular, min: 2%, mode: 3%, max: 5 }').replace('customers: 120', 'customers: -1'),
    expected: ['bad.yaml:9:18 tiers[0].existing.customers: must be >= 0, got -1', `bad.yaml:13:63 tiers[0].newBusiness.conversion.max: 5 has no %, beside 2% (min) in the same distribution, so it reads as 5 (500%): did you mean 5% (0.05)? ${TAIL}`],
  },
];

describe('a distribution mixing % with a percent written without it', () => {
  it.each(refused)('$name', ({ yaml, expected }) => {
    expect(problems(yaml)).toEqual(expected);
  });

  it.each([
    ['a fraction beside a %', renewal('{ dist: beta, mean: 90%, sd: 0.03 }')],
    ['every value with %', renewal('{ dist: pert, min: 80%, mode: 90%, max: 95% }')],
    ['weights without % (they have no units)', renewal('{ dist: discrete, values: [85%, 90%], weights: [3, 1] }')],
    // 2% would be below the median: 2 reads as 200%, as written.
    ['a share past 1 that its percent reading would break', expansion('{ dist: lognormal, median: 25%, p90: 2 }')],
    // An expansion's size above 1 is normal: a bare value plausible as written gets no % guess.
    ['an expansion size of 3 beside 150%', expansion('{ dist: normal, mean: 150%, sd: 20%, min: 0, max: 3 }')],
    ['an expansion size of 2 beside 0%', expansion('{ dist: uniform, min: 0%, max: 2 }')],
    ['an expansion size of 1.5 and 3 beside 0%', expansion('{ dist: pert, min: 0%, mode: 1.5, max: 3 }')],
    ['an expansion size of 2 listed beside 50%', expansion('{ dist: discrete, values: [50%, 100%, 2], weights: [1, 1, 1] }')],
    // 1.2% is no plausible renewal rate: the rate reads as written (its renewal-high warning is the scenario's).
    ['a renewal mean of 1.2 beside an sd of 2%, bounded', renewal('{ dist: normal, mean: 1.2, sd: 2%, min: 0, max: 100% }')],
  ])('reads as written, refused by nothing and warned of nothing: %s', (_, yaml) => {
    expect(problems(yaml)).toEqual([]);
    expect(warnings(yaml)).toEqual([]);
  });

  // A renewal rate's percent reading is offered only where it is a plausible renewal rate (50-100%):
  // the field's own refusal stands, with its own hint.
  it.each([
    ['1.2', renewal('{ dist: beta, mean: 1.2, sd: 3% }')],
    ['30', renewal('{ dist: beta, mean: 30, sd: 3% }')],
  ])('a renewal mean of %s beside an sd with % keeps its field\'s own refusal', (mean, yaml) => {
    expect(problems(yaml)).toEqual([
      `bad.yaml:10:40 tiers[0].existing.renewalRate.mean: must be strictly between 0 and 1, got ${mean}; a renewal rate is at most 1 (100%: every customer due renews), as in 0.92 or 92%`,
    ]);
  });

  // Existing scenario files keep their meaning: one that ran before the check runs as it did, warned.
  it.each([
    [
      'a bounded normal whose sd has no % (it ran with an sd of 200 points)',
      renewal('{ dist: normal, mean: 90%, sd: 2, min: 0, max: 1 }'),
      `arrcast: warning [percent-mix] bad.yaml:10:51 tiers[0].existing.renewalRate.sd: 2 has no %, beside 90% (mean) in the same distribution, so it reads as 2 (200%): it runs so; if you meant 2% (0.02), write 2%. ${TAIL}`,
    ],
    [
      "a year-level lognormal's p90 without % beside a median drawn with % (a P90 of 6000%)",
      expansion('{ dist: lognormal, median: { dist: pert, min: 20%, mode: 25%, max: 30% }, p90: 60 }'),
      `arrcast: warning [percent-mix] bad.yaml:10:123 tiers[0].existing.expansion.size.p90: 60 has no %, beside 20% (median.min) in the same distribution, so it reads as 60 (6000%): it runs so; if you meant 60% (0.6), write 60%. ${TAIL}`,
    ],
  ])('runs as written, with a warning at the number: %s', (_, yaml, expected) => {
    expect(problems(yaml)).toEqual([]);
    expect(warnings(yaml)).toEqual([expected]);
  });

  it('each number by itself: sd: 10% is 0.1, not a tenth of the mean', () => {
    const { scenario } = parseScenario(edit('conversion: 0.05', 'conversion: { dist: beta, mean: 30%, sd: 10% }'), 'ok.yaml');
    expect(scenario.tiers[0]!.newBusiness!.conversion).toEqual({ dist: 'beta', mean: 0.3, sd: 0.1 });
  });

  it('in a scenario that extends another: the mix the merge makes, at the line of the file that wrote the number', async () => {
    const dir = writeFiles({
      'plan.yaml': editMinimal().replace('mean: 0.9, sd: 0.02', 'mean: 90%, sd: 2%'),
      'child.yaml': 'extends: plan.yaml\ntiers:\n  - name: SMB\n    existing:\n      renewalRate: { sd: 2 }\n',
    });
    expect(await loadProblems(join(dir, 'child.yaml'), dir)).toEqual([
      `<dir>/child.yaml:5:26 tiers[0].existing.renewalRate.sd: 2 has no %, beside 90% (mean) in the same distribution, so it reads as 2 (200%): did you mean 2% (0.02)? ${TAIL}`,
    ]);
  });
});

describe("the JSON Schema says the rule where % is taken", () => {
  const defs = JSON.parse(fixtureFile('scenarios/schema/arrcast.schema.json')).$defs as Record<string, { description?: string }>;
  it.each([
    ['Distribution', true],
    ['ShareWithYearLevel', true],
    ['LognormalShareWithYearLevel', true],
    ['DistributionWhole', false],
    ['DistributionCount', false],
  ])('%s: %s', (id, said) => {
    expect(defs[id]!.description!.includes('a % divides only the number it is written on')).toBe(said);
  });
});
