import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { fixtureText, loadProblems, writeFiles } from '../helpers/fixtures.js';

/**
 * One rule for `%` in a distribution: each number is read by itself. A distribution that writes
 * some values with `%` and a percent-like one (above 1, at most 100) without it is refused at that
 * number, with its percent, when the field takes that reading; otherwise it reads as written.
 */
const base = fixtureText('minimal.yaml');
const RENEWAL = 'renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }';
const edit = (from: string, to: string) => {
  if (!base.includes(from)) throw new Error(`fixture has no ${from}`);
  return base.replace(from, to);
};
const renewal = (spec: string) => edit(RENEWAL, `renewalRate: ${spec}`);
const TAIL = 'A % divides only the number it is written on';

function problems(yaml: string): string[] {
  try {
    parseScenario(yaml, 'bad.yaml');
  } catch (err) {
    if (err instanceof ScenarioError) return err.message.split('\n');
    throw err;
  }
  return [];
}

const refused: Array<{ name: string; yaml: string; expected: string[] }> = [
  {
    // Was "beta with mean 0.92 needs sd < 0.2713 (sd^2 < mean(1-mean))", with no word of the %.
    name: "a beta's sd without % beside its mean with %",
    yaml: renewal('{ dist: beta, mean: 92%, sd: 3 }'),
    expected: [`bad.yaml:10:49 tiers[0].existing.renewalRate.sd: 3 has no %, beside 92% (mean) in the same distribution, so it reads as 3 (300%): did you mean 3% (0.03)? ${TAIL}`],
  },
  {
    // Was accepted: a normal of sd 2 (200 points) truncated to [0, 1] is a flat renewal rate.
    name: "a bounded normal's sd without % beside its mean with % (ran silently)",
    yaml: renewal('{ dist: normal, mean: 90%, sd: 2, min: 0, max: 1 }'),
    expected: [`bad.yaml:10:51 tiers[0].existing.renewalRate.sd: 2 has no %, beside 90% (mean) in the same distribution, so it reads as 2 (200%): did you mean 2% (0.02)? ${TAIL}`],
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
    expected: [`bad.yaml:10:77 tiers[0].existing.renewalRate.quantiles.p90: 89 has no %, beside 80% (p10) in the same distribution, so it reads as 89 (8900%): did you mean 89% (0.89)? ${TAIL}`],
  },
  {
    name: "a discrete's listed value without %",
    yaml: renewal('{ dist: discrete, values: [85%, 90], weights: [1, 1] }'),
    expected: [`bad.yaml:10:52 tiers[0].existing.renewalRate.values[1]: 90 has no %, beside 85% (values[0]) in the same distribution, so it reads as 90 (9000%): did you mean 90% (0.9)? ${TAIL}`],
  },
  {
    name: "a conversion's triangular max without %, and the other problems of the file still said",
    yaml: edit('conversion: 0.05', 'conversion: { dist: triangular, min: 2%, mode: 3%, max: 5 }').replace('customers: 120', 'customers: -1'),
    expected: ['bad.yaml:9:18 tiers[0].existing.customers: must be >= 0', `bad.yaml:13:63 tiers[0].newBusiness.conversion.max: 5 has no %, beside 2% (min) in the same distribution, so it reads as 5 (500%): did you mean 5% (0.05)? ${TAIL}`],
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
    ['a share past 1 that its percent reading would break', edit('customers: 120', 'customers: 120\n      expansion: { probability: 0.1, size: { dist: lognormal, median: 25%, p90: 2 } }')],
  ])('reads as written: %s', (_, yaml) => {
    expect(problems(yaml)).toEqual([]);
  });

  it('each number by itself: sd: 10% is 0.1, not a tenth of the mean', () => {
    const { scenario } = parseScenario(edit('conversion: 0.05', 'conversion: { dist: beta, mean: 30%, sd: 10% }'), 'ok.yaml');
    expect(scenario.tiers[0]!.newBusiness!.conversion).toEqual({ dist: 'beta', mean: 0.3, sd: 0.1 });
  });

  it('in a scenario that extends another: the mix the merge makes, at the line of the file that wrote the number', async () => {
    const dir = writeFiles({
      'plan.yaml': base.replace('mean: 0.9, sd: 0.02', 'mean: 90%, sd: 2%'),
      'child.yaml': 'extends: plan.yaml\ntiers:\n  - name: SMB\n    existing:\n      renewalRate: { sd: 2 }\n',
    });
    expect(await loadProblems(join(dir, 'child.yaml'), dir)).toEqual([
      `<dir>/child.yaml:5:26 tiers[0].existing.renewalRate.sd: 2 has no %, beside 90% (mean) in the same distribution, so it reads as 2 (200%): did you mean 2% (0.02)? ${TAIL}`,
    ]);
  });
});
