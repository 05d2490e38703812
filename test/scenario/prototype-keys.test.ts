import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { fixtureText, loadProblems, writeFiles } from '../helpers/fixtures.js';

const minimal = fixtureText('minimal.yaml');


const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();

const cases: Array<{ name: string; files: Record<string, string>; load: string; expected: string[] }> = [
  {
    name: 'YAML: __proto__, constructor and prototype at the top',
    files: { 'p.yaml': `${minimal}__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\nprototype: { polluted: true }\n` },
    load: 'p.yaml',
    expected: ['<dir>/p.yaml:15:1 unknown key "__proto__"; the keys here are: extends, name, description, fittedFrom, currency, fiscalYearStartMonth, fiscalYear, trials, seed, market, targets, stress, tiers', '<dir>/p.yaml:16:1 unknown key "constructor"', '<dir>/p.yaml:17:1 unknown key "prototype"'],
  },
  {
    name: 'YAML: __proto__ in a tier and in a distribution',
    files: {
      'p.yaml': minimal
        .replace('    existing:\n', '    __proto__: { polluted: true }\n    existing:\n')
        .replace('{ dist: beta, mean: 0.9, sd: 0.02 }', '{ dist: beta, mean: 0.9, sd: 0.02, __proto__: { polluted: true } }'),
    },
    load: 'p.yaml',
    expected: ['<dir>/p.yaml:7:5 tiers[0]: unknown key "__proto__"; the keys here are: name, existing, newBusiness, newCustomerExpansion, stress', '<dir>/p.yaml:11:55 tiers[0].existing.renewalRate: unknown key "__proto__"; the keys here are: dist, alpha, beta, mean, sd'],
  },
  {
    name: 'JSON: "__proto__" and "constructor"',
    files: {
      'p.json':
        '{\n  "name": "x",\n  "__proto__": { "polluted": true },\n  "constructor": { "prototype": { "polluted": true } },\n  "tiers": [{ "name": "A", "newBusiness": { "leadsPerMonth": 5, "conversion": 0.1, "acv": 10, "__proto__": { "polluted": true } } }]\n}\n',
    },
    load: 'p.json',
    expected: [
      '<dir>/p.json:3:3 unknown key "__proto__"; the keys here are: extends, name, description, fittedFrom, currency, fiscalYearStartMonth, fiscalYear, trials, seed, market, targets, stress, tiers',
      '<dir>/p.json:4:3 unknown key "constructor"',
      '<dir>/p.json:5:95 tiers[0].newBusiness: unknown key "__proto__"; the keys here are: leadsPerMonth, seasonality, conversion, leadSources, earlierLeads, openingPipeline, reps, salesCycleMonths, acv, terms, serviceStartLagMonths',
    ],
  },
  {
    name: 'extends: __proto__ in the child is merged as a plain key and reported there',
    files: {
      'plan.yaml': minimal,
      'child.yaml': 'extends: plan.yaml\n__proto__: { polluted: true }\ntiers:\n  - name: SMB\n    __proto__: { polluted: true }\n',
    },
    load: 'child.yaml',
    expected: ['<dir>/child.yaml:2:1 unknown key "__proto__"; the keys here are: extends, name, description, fittedFrom, currency, fiscalYearStartMonth, fiscalYear, trials, seed, market, targets, stress, tiers', '<dir>/child.yaml:5:5 tiers[0]: unknown key "__proto__"; the keys here are: name, existing, newBusiness, newCustomerExpansion, stress'],
  },
];

describe('__proto__, constructor and prototype keys cannot pollute objects', () => {
  it.each(cases)('$name: reported as unknown at its line, Object.prototype untouched', async ({ files: contents, load, expected }) => {
    const before = prototypeNames();
    const dir = writeFiles(contents);
    expect(await loadProblems(join(dir, load), dir)).toEqual(expected);
    expect(prototypeNames()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', 'prototype', '__proto__'])('a tier named %s runs, and is an own key of the summary', async (name) => {
    const before = prototypeNames();
    const dir = writeFiles({ 'p.yaml': `${minimal}  - name: ${name}\n    newBusiness: { leadsPerMonth: 10, conversion: 0.1, acv: 1000 }\n` });
    const summary = summarize(await simulate(await loadScenario(join(dir, 'p.yaml')), { trials: 50, workers: 0 }));
    expect(Object.keys(summary.byTier)).toEqual(['SMB', name]);
    expect(Object.getPrototypeOf(summary.byTier)).toBe(Object.prototype);
    expect(prototypeNames()).toEqual(before);
    expect(Object.prototype.hasOwnProperty.call(summary.byTier, name)).toBe(true);
    expect(JSON.parse(JSON.stringify(summary)).byTier[name].revenue.mean).toBeGreaterThan(0);
  });
});
