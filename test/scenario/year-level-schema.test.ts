import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { centralValue } from '../../src/scenario/central-value.js';
import { splitYearLevel } from '../../src/scenario/year-level.js';
import { fixtureText } from '../helpers/fixtures.js';

const base = fixtureText('minimal.yaml');
const edit = (from: string, to: string) => {
  if (!base.includes(from)) throw new Error(`fixture has no ${from}`);
  return base.replace(from, to);
};

/** The two-layer syntax written wrong, and the exact message each gives (file:line:column, dot path, what is wrong). */
const cases: Array<{ name: string; yaml: string; expected: string[] }> = [
  {
    name: "a year-level mean that can draw below 0",
    yaml: edit("leadsPerMonth: { dist: poisson, mean: 100 }", "leadsPerMonth: { dist: poisson, mean: { dist: normal, mean: 2500, sd: 300 } }"),
    expected: ["bad.yaml:12:45 tiers[0].newBusiness.leadsPerMonth.mean: a year-level mean must stay >= 0, but normal can draw below 0; use lognormal or pert, or bound it"],
  },
  // A lognormal too wide: at the parameter, with its values, the bound and a fix (it was "lognormal sigma
  // is 5.93 ... check the parameters" at the distribution). ln(20000 / 10) / 1.28155 = 5.93; the bound
  // e^(5 x 1.28155) = 606.5 times the median, 6065 rounded down to 6060.
  {
    name: "a lognormal whose p90 is 2000 times its median",
    yaml: edit("{ dist: lognormal, mean: 12000, sd: 4000 }", "{ dist: lognormal, median: 10, p90: 20000 }"),
    expected: ["bad.yaml:14:48 tiers[0].newBusiness.acv.p90: lognormal sigma 5.93 is above 5: its P1 and P99 would be over 10 orders of magnitude apart (p90 20000 is 2000 times the median 10, at most 606); give a p90 of at most 6060, or check that both are in the same units"],
  },
  // sqrt(ln(1 + 300000^2)) = 5.02; the bound sqrt(e^25 - 1) = 268,337.
  {
    name: "a lognormal whose sd is 300,000 times its mean",
    yaml: edit("{ dist: lognormal, mean: 12000, sd: 4000 }", "{ dist: lognormal, mean: 1, sd: 300000 }"),
    expected: ["bad.yaml:14:44 tiers[0].newBusiness.acv.sd: lognormal sigma 5.02 is above 5: its P1 and P99 would be over 10 orders of magnitude apart (sd 300000 is 300000 times the mean 1, at most 268000); give an sd of at most 268000, or check that both are in the same units"],
  },
  {
    name: "a lognormal's sigma of 6",
    yaml: edit("{ dist: lognormal, mean: 12000, sd: 4000 }", "{ dist: lognormal, mu: 9, sigma: 6 }"),
    expected: ["bad.yaml:14:45 tiers[0].newBusiness.acv.sigma: lognormal sigma 6 is above 5: its P1 and P99 would be over 10 orders of magnitude apart; give a sigma of at most 5"],
  },
  // p10 0: its own field's message alone, no "sigma is Infinity" beside it.
  {
    name: "a lognormal's p10 of 0",
    yaml: edit("{ dist: lognormal, mean: 12000, sd: 4000 }", "{ dist: lognormal, p10: 0, p90: 20000 }"),
    expected: ["bad.yaml:14:36 tiers[0].newBusiness.acv.p10: must be greater than 0, got 0"],
  },
  {
    name: "a year-level mean with a central value of 0",
    yaml: edit("leadsPerMonth: { dist: poisson, mean: 100 }", "leadsPerMonth: { dist: poisson, mean: { dist: pert, min: 0, mode: 0, max: 10 } }"),
    expected: ["bad.yaml:12:45 tiers[0].newBusiness.leadsPerMonth.mean: a year-level mean needs a central value (its mean, median or mode as written) above 0, got 0"],
  },
  {
    name: "a year-level lognormal with P90 below P10",
    yaml: edit("leadsPerMonth: { dist: poisson, mean: 100 }", "leadsPerMonth: { dist: poisson, mean: { dist: lognormal, p10: 3000, p90: 2000 } }"),
    expected: ["bad.yaml:12:80 tiers[0].newBusiness.leadsPerMonth.mean.p90: lognormal needs p90 > p10, got p10 3000 and p90 2000: 90% of years come in below the P90, 10% below the P10, so the P90 lies above it (swap them if they are the other way round)"],
  },
  {
    name: "an unknown family for a year-level mean",
    yaml: edit("leadsPerMonth: { dist: poisson, mean: 100 }", "leadsPerMonth: { dist: poisson, mean: { dist: gauss, mean: 1 } }"),
    expected: ["bad.yaml:12:53 tiers[0].newBusiness.leadsPerMonth.mean.dist: unknown dist \"gauss\"; use one of: fixed, uniform, triangular, pert, normal, lognormal, beta, poisson, negativeBinomial, discrete, empirical, quantiles"],
  },
  {
    name: "a negative mean",
    yaml: edit("leadsPerMonth: { dist: poisson, mean: 100 }", "leadsPerMonth: { dist: poisson, mean: -5 }"),
    expected: ["bad.yaml:12:45 tiers[0].newBusiness.leadsPerMonth.mean: must be >= 0, got -5"],
  },
  {
    name: "a negative binomial with a year-level mean but no dispersion",
    yaml: edit("leadsPerMonth: { dist: poisson, mean: 100 }", "leadsPerMonth: { dist: negativeBinomial, mean: { dist: lognormal, p10: 2000, p90: 3000 } }"),
    expected: ["bad.yaml:12:22 tiers[0].newBusiness.leadsPerMonth.dispersion: is required"],
  },
  {
    name: "a distribution for the median of a lognormal leadsPerMonth (not a year-level slot)",
    yaml: edit("leadsPerMonth: { dist: poisson, mean: 100 }", "leadsPerMonth: { dist: lognormal, median: { dist: pert, min: 1, mode: 2, max: 3 }, p90: 5 }"),
    expected: ["bad.yaml:12:49 tiers[0].newBusiness.leadsPerMonth.median: expected number, got a mapping (a distribution; only the mean of a poisson or negativeBinomial leadsPerMonth and the median of a lognormal acv, pipeline group amount, reps.sourcedDealsPerMonth or expansion size take a year-level distribution)"],
  },
  {
    name: "a year-level ACV median above the stated P90",
    yaml: edit("{ dist: lognormal, mean: 12000, sd: 4000 }", "{ dist: lognormal, median: { dist: pert, min: 9000, mode: 11000, max: 14000 }, p90: 10000 }"),
    expected: ["bad.yaml:14:96 tiers[0].newBusiness.acv.p90: lognormal needs p90 > median, got median 11000 and p90 10000: 90% of years come in below the P90, half below the median, so the P90 lies above it (swap them if they are the other way round)"],
  },
  {
    name: "a year-level median with sd instead of p90",
    yaml: edit("{ dist: lognormal, mean: 12000, sd: 4000 }", "{ dist: lognormal, median: { dist: pert, min: 9000, mode: 11000, max: 14000 }, sd: 100 }"),
    expected: ["bad.yaml:14:12 tiers[0].newBusiness.acv: lognormal needs exactly one of: mu and sigma, median and p90, p10 and p90, mean and sd (got median, sd)"],
  },
  {
    name: "a distribution for a Poisson ACV mean (not a year-level slot)",
    yaml: edit("{ dist: lognormal, mean: 12000, sd: 4000 }", "{ dist: poisson, mean: { dist: pert, min: 9000, mode: 11000, max: 14000 } }"),
    expected: ["bad.yaml:14:35 tiers[0].newBusiness.acv.mean: expected number, got a mapping (a distribution; only the mean of a poisson or negativeBinomial leadsPerMonth and the median of a lognormal acv, pipeline group amount, reps.sourcedDealsPerMonth or expansion size take a year-level distribution)"],
  },
  {
    name: "a year-level ACV median that can draw below 0",
    yaml: edit("{ dist: lognormal, mean: 12000, sd: 4000 }", "{ dist: lognormal, median: { dist: uniform, min: -100, max: 100 }, p90: 24000 }"),
    expected: ["bad.yaml:14:39 tiers[0].newBusiness.acv.median: a year-level median must stay >= 0, but uniform can draw below 0; use lognormal or pert, or bound it"],
  },
  {
    name: "a distribution for a beta mean (a rate is already drawn once per trial)",
    yaml: edit("{ dist: beta, mean: 0.9, sd: 0.02 }", "{ dist: beta, mean: { dist: pert, min: 0.8, mode: 0.9, max: 0.95 }, sd: 0.02 }"),
    expected: ["bad.yaml:10:40 tiers[0].existing.renewalRate.mean: expected number, got a mapping (a distribution; only the mean of a poisson or negativeBinomial leadsPerMonth and the median of a lognormal acv, pipeline group amount, reps.sourcedDealsPerMonth or expansion size take a year-level distribution)"],
  },
];

describe('year-level distributions: bad input', () => {
  it.each(cases)('$name', ({ yaml, expected }) => {
    let caught: unknown;
    try {
      parseScenario(yaml, 'bad.yaml');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    expect((caught as ScenarioError).message.split('\n')).toEqual(expected);
  });
});

describe('year-level distributions: what they mean', () => {
  it('parses a year-level mean for the tier and for a lead source, and a year-level ACV median', () => {
    const tier = parseScenario(
      edit('{ dist: lognormal, mean: 12000, sd: 4000 }', '{ dist: lognormal, median: { dist: pert, min: 9000, mode: 11000, max: 14000 }, p90: 24000 }').replace(
        'leadsPerMonth: { dist: poisson, mean: 100 }',
        'leadsPerMonth: { dist: negativeBinomial, mean: { dist: lognormal, p10: 2000, p90: 3000 }, dispersion: 40 }',
      ),
      'ok.yaml',
    ).scenario.tiers[0]!;
    expect(tier.newBusiness!.leadsPerMonth).toEqual({ dist: 'negativeBinomial', mean: { dist: 'lognormal', p10: 2000, p90: 3000 }, dispersion: 40 });
    expect(splitYearLevel(tier.newBusiness!.acv)).toEqual({
      unit: { dist: 'lognormal', median: 11000, p90: 24000 },
      level: { dist: 'pert', min: 9000, mode: 11000, max: 14000 },
      plan: 11000,
    });
    const sources = parseScenario(
      edit('leadsPerMonth: { dist: poisson, mean: 100 }\n      conversion: 0.05', 'leadSources:\n        - { grade: A, leadsPerMonth: { dist: poisson, mean: { dist: pert, min: 80, mode: 100, max: 150 } }, conversion: 0.05 }'),
      'ok.yaml',
    ).scenario.tiers[0]!.newBusiness!.leadSources!;
    expect(splitYearLevel(sources[0]!.leadsPerMonth).plan).toBe(100);
  });

  it('a number, or an ordinary distribution, has no year layer: its plan is its central value as written', () => {
    expect(splitYearLevel({ dist: 'poisson', mean: 1800 })).toEqual({ unit: { dist: 'poisson', mean: 1800 }, level: undefined, plan: 1800 });
    expect(splitYearLevel(250)).toEqual({ unit: 250, level: undefined, plan: 250 });
    expect(centralValue({ dist: 'beta', alpha: 2, beta: 8 })).toBe(0.2);
    expect(centralValue({ dist: 'lognormal', p10: 2000, p90: 4500 })).toBeCloseTo(3000, 9);
    expect(centralValue({ dist: 'lognormal', mean: 12000, sd: 4000 })).toBe(12000);
    expect(centralValue({ dist: 'triangular', min: 1, mode: 2, max: 5 })).toBe(2);
    expect(centralValue({ dist: 'uniform', min: 1, max: 5 })).toBe(3);
    expect(centralValue({ dist: 'discrete', values: [1, 2], weights: [3, 1] })).toBe(1.25);
    expect(centralValue({ dist: 'quantiles', quantiles: { p10: 1, p50: 2, p90: 4 } })).toBe(2);
  });
});
