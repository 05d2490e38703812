import { describe, expect, it } from 'vitest';
import { writtenBeta } from '../../src/fit/written-beta.js';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { betaSchema } from '../../src/scenario/distribution-schema.js';

/**
 * A fitted rate is written as close to its estimate as a valid beta allows, and the comment says
 * when it is not the estimate: a low conversion is not raised to a floor, and an sd the mean cannot
 * carry is not written silently smaller than the comment above it says.
 */
describe('writtenBeta', () => {
  const cases: Array<[number, number, number, number, string | undefined]> = [
    [0.03, 0.005, 0.03, 0.005, undefined],
    [0.0005, 0.0002, 0.0005, 0.0002, undefined],
    [5.13e-10, 1e-10, 1e-6, 1e-7, 'the mean is written 0.000001, not the estimate 5.13e-10: a rate is kept within [0.000001, 0.999999]'],
    [0.9995, 0.001, 0.9995, 0.001, undefined],
    [1, 0, 0.999999, 1e-7, 'the mean is written 0.999999, not the estimate 1: a rate is kept within [0.000001, 0.999999]'],
    // 0.9 √(m(1 − m)) = 0.106 at m = ½ + √(¼ − (0.106 / 0.9)²) = 0.9859305: 1 − m = 0.0140695, rounded up to 0.01407.
    [0.999, 0.106, 0.98593, 0.106, 'the mean is written 0.98593, not the estimate 0.999: a beta of mean 0.999 can have an sd of at most 0.9 √(m(1 − m)) = 0.0284, less than this year\'s sd 0.106; 0.98593 is the mean nearest the estimate whose beta carries it (0.9 √(m(1 − m)) = 0.106)'],
    // The same on the other side of ½: a rate of 0 with an sd of 0.05 (√(¼ − (0.05/0.9)²) = 0.496904, m = 0.003096005, rounded up to 0.003097).
    [0, 0.05, 0.003097, 0.05, 'the mean is written 0.003097, not the estimate 0: a beta of mean 0 has no spread, and this year\'s sd is 0.05; 0.003097 is the mean nearest the estimate whose beta carries it (0.9 √(m(1 − m)) = 0.05)'],
    // No mean can carry an sd above 0.45: the sd is cut instead.
    [0.5, 0.6, 0.5, 0.45, 'the sd is written 0.45, not 0.6: a beta of mean 0.5 can have an sd of at most √(m(1 − m)) = 0.5, and 90% of it is used'],
    [0.5, 0, 0.5, 1e-7, undefined],
  ];
  it.each(cases)('writtenBeta(%s, %s) is mean %s, sd %s', (mean, sd, m, s, note) => {
    const w = writtenBeta(mean, sd);
    expect({ mean: w.mean, sd: w.sd, note: w.note }).toEqual({ mean: m, sd: s, note });
    expect(betaSchema.safeParse({ dist: 'beta', mean: w.mean, sd: w.sd }).success).toBe(true);
  });

  it('writes a conversion of 0.05% as it is, not at a floor', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i + 1},SMB,20000,10,100000`);
    const history = parseMonthlyFile(`month,tier,leads,deals,new_arr\n${rows.join('\n')}\n`, 'h.csv', { kind: 'history' });
    const text = fittedScenarioText(fitHistory({ history }));
    const conversion = parseScenario(text, 'f.yaml').scenario.tiers[0]!.newBusiness!.conversion;
    expect(conversion).toMatchObject({ dist: 'beta', mean: 0.0005 });
  });
});
