import { describe, expect, it } from 'vitest';
import { realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { hashScenario, parseScenario } from '../../src/scenario/parse.js';
import { fixtureText, ROOT, loadProblems, writeFiles } from '../helpers/fixtures.js';


/** A base with two tiers, each line numbered in the comments for the expected positions below. */
const BASE = `name: Plan
currency: EUR
trials: 2000
market:
  loadings: { leads: 0.1, renewal: 0.3 }
tiers:
  - name: SMB
    existing:
      openingArr: 1200000
      customers: 120
      renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 100 }
      seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]
      conversion: 0.05
      acv: { dist: lognormal, median: 10000, p90: 20000 }
  - name: Enterprise
    newBusiness:
      leadsPerMonth: 10
      conversion: 0.1
      acv: { dist: lognormal, median: 150000, p90: 400000 }
`;

describe('extends: a scenario overrides the one it extends', () => {
  it('merges mappings, replaces scalars and lists, merges tiers by name (keeping the base spelling), appends and removes tiers', async () => {
    const dir = writeFiles({
      'plan.yaml': BASE,
      'child.yaml': `extends: plan.yaml
name: Downside
trials: 500
market:
  loadings: { renewal: 0.5 }
tiers:
  - name: enterprise
    newBusiness:
      acv: { dist: lognormal, mean: 100000, sd: 50000 }
  - name: smb
    newBusiness:
      seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
      leadsPerMonth: { mean: 80 }
  - name: Partners
    newBusiness: { leadsPerMonth: 5, conversion: 0.2, acv: 20000 }
`,
      'drop.yaml': `extends: child.yaml
tiers:
  - name: SMB
    remove: true
`,
    });
    const { scenario, bases } = await loadScenario(join(dir, 'child.yaml'));
    expect(bases).toEqual([join(dir, 'plan.yaml')]);
    expect(scenario.name).toBe('Downside');
    expect(scenario.trials).toBe(500);
    expect(scenario.currency).toBe('EUR');
    // Mappings merge: the base's leads loading stays.
    expect(scenario.market.loadings).toMatchObject({ leads: 0.1, renewal: 0.5 });
    // Tiers keep the base's order and spelling (names seed the random streams); new ones are appended.
    expect(scenario.tiers.map((t) => t.name)).toEqual(['SMB', 'Enterprise', 'Partners']);
    const [smb, enterprise] = scenario.tiers;
    // A distribution written with `dist` replaces the base's whole ...
    expect(enterprise!.newBusiness!.acv).toEqual({ dist: 'lognormal', mean: 100000, sd: 50000 });
    expect(enterprise!.newBusiness!.conversion).toBe(0.1);
    // ... one without `dist` changes only the parameters it names; lists replace whole.
    expect(smb!.newBusiness!.leadsPerMonth).toEqual({ dist: 'poisson', mean: 80 });
    expect(smb!.newBusiness!.seasonality).toEqual(new Array(12).fill(1));
    expect(smb!.existing!.openingArr).toBe(1200000);
    expect(Object.keys(scenario)).not.toContain('extends');

    // A chain: drop.yaml extends child.yaml extends plan.yaml; remove: true drops a tier.
    const dropped = await loadScenario(join(dir, 'drop.yaml'));
    expect(dropped.bases).toEqual([join(dir, 'child.yaml'), join(dir, 'plan.yaml')]);
    expect(dropped.scenario.tiers.map((t) => t.name)).toEqual(['Enterprise', 'Partners']);
    expect(dropped.scenario.name).toBe('Downside');
  });

  it('resolves each base relative to the file that names it', async () => {
    const dir = writeFiles({
      'plans/base.yaml': BASE,
      'plans/cases/mid.yaml': 'extends: ../base.yaml\ntrials: 300\n',
      'top.yaml': 'extends: plans/cases/mid.yaml\nname: Top\n',
    });
    const { scenario } = await loadScenario(join(dir, 'top.yaml'));
    expect([scenario.name, scenario.trials, scenario.tiers.length]).toEqual(['Top', 300, 2]);
  });

  it('the hash and scenario.json are of the merged scenario: the same as the merged scenario written out in full', async () => {
    const dir = writeFiles({ 'plan.yaml': BASE, 'child.yaml': 'extends: plan.yaml\nname: Downside\nstress: { leads: -0.2 }\n' });
    const merged = await loadScenario(join(dir, 'child.yaml'));
    expect(merged.hash).toBe(hashScenario(merged.scenario));
    const flat = parseScenario(JSON.stringify(merged.scenario), 'flat.json');
    expect(flat.hash).toBe(merged.hash);
    expect(flat.scenario).toEqual(merged.scenario);
    expect(merged.hash).not.toBe((await loadScenario(join(dir, 'plan.yaml'))).hash);
  });

  it('a file without extends loads exactly as parseScenario reads it', async () => {
    const loaded = await loadScenario(join(ROOT, 'test/fixtures/minimal.yaml'));
    expect(loaded.bases).toBeUndefined();
    expect(loaded.hash).toBe(parseScenario(fixtureText('minimal.yaml'), 'x').hash);
  });

  it('refuses extends in text without a file (parseScenario), at its line', () => {
    expect(() => parseScenario('name: x\nextends: plan.yaml\n', 'text.yaml')).toThrow(
      'text.yaml:2:10 extends: a scenario that extends another must be read from its file (loadScenario, or the arrcast commands), which resolves the base path',
    );
  });
});

describe('extends: problems are reported in the file, at the line, that wrote the value', () => {
  it('a bad override in the child: the child, its line, its own path (tiers[0] there is the base tiers[1])', async () => {
    const dir = writeFiles({
      'plan.yaml': BASE,
      'child.yaml': `extends: plan.yaml
tiers:
  - name: Enterprise
    newBusiness:
      conversion: 1.5
      acvv: 3
  - name: New
    newBusiness: { leadsPerMonth: 5, conversion: 0.1 }
`,
    });
    expect(await loadProblems(join(dir, 'child.yaml'), dir)).toEqual([
      '<dir>/child.yaml:5:19 tiers[0].newBusiness.conversion: a rate must be within [0, 1]; did you mean 0.015 (or 1.5%)?',
      '<dir>/child.yaml:6:7 tiers[0].newBusiness: unknown key "acvv" (did you mean "acv"?)',
      '<dir>/child.yaml:8:18 tiers[1].newBusiness.acv: is required',
    ]);
  });

  it('a problem in a value the child inherits: the base file, its line and its path there', async () => {
    const dir = writeFiles({
      'plan.yaml': BASE.replace('conversion: 0.1', 'conversion: { dist: normal, mean: 0.1, sd: 0.02 }'),
      'child.yaml': 'extends: plan.yaml\nname: Child\ntiers:\n  - name: ENTERPRISE\n    newBusiness: { leadsPerMonth: 12 }\n',
    });
    expect(await loadProblems(join(dir, 'child.yaml'), dir)).toEqual([
      '<dir>/plan.yaml:20:19 tiers[1].newBusiness.conversion: a rate must stay within [0, 1], but normal can draw below 0; use beta, or bound it (min/max for normal, lower/upper for quantiles)',
    ]);
  });

  it('a decimal comma inside { } in an inherited value: the note, in the base file', async () => {
    const dir = writeFiles({
      'plan.yaml': BASE.replace('conversion: 0.1', 'conversion: { dist: beta, mean: 0,1, sd: 0.02 }'),
      'child.yaml': 'extends: plan.yaml\nname: Child\n',
    });
    const problems = await loadProblems(join(dir, 'child.yaml'), dir);
    expect(problems.filter((p) => p.includes('"1"'))).toEqual([
      '<dir>/plan.yaml:20:41 tiers[1].newBusiness.conversion: unknown key "1"; the keys here are: dist, alpha, beta, mean, sd (did you mean a decimal point? Inside { } a comma separates entries, so a number written with a decimal comma is read as two: the digits before the comma as the value, those after it as a key: write the number with a point)',
    ]);
  });

  it('problems in several files come together, the child first', async () => {
    const dir = writeFiles({
      'plan.yaml': BASE.replace('customers: 120', 'customers: -1'),
      'child.yaml': 'extends: plan.yaml\nstress: { leads: -2 }\n',
    });
    expect(await loadProblems(join(dir, 'child.yaml'), dir)).toEqual([
      '<dir>/child.yaml:2:18 stress.leads: a relative change must be at least -1 (-1 = none at all), got -2',
      '<dir>/plan.yaml:10:18 tiers[0].existing.customers: must be >= 0, got -1',
    ]);
  });

  it('a cycle is refused at the extends line that closes it', async () => {
    const dir = writeFiles({ 'a.yaml': 'name: a\nextends: b.yaml\n', 'b.yaml': 'extends: a.yaml\n', 'self.yaml': 'extends: ./self.yaml\n' });
    expect(await loadProblems(join(dir, 'a.yaml'), dir)).toEqual(['<dir>/b.yaml:1:10 extends: "a.yaml" makes a cycle: <dir>/a.yaml -> <dir>/b.yaml -> <dir>/a.yaml']);
    expect(await loadProblems(join(dir, 'self.yaml'), dir)).toEqual(['<dir>/self.yaml:1:10 extends: "./self.yaml" makes a cycle: <dir>/self.yaml -> <dir>/self.yaml']);
  });

  it('files are compared as the system opens them: lnk/../plan.yaml and ./plan.yaml are two, a link and its file one', async () => {
    // up -> real/sub, so up/../plan.yaml is real/plan.yaml, which extends ../plan.yaml, the folder's
    // own plan.yaml: compared as text (both resolve to <dir>/plan.yaml) this was "makes a cycle".
    const dir = realpathSync(writeFiles({ 'plan.yaml': BASE, 'real/plan.yaml': 'extends: ../plan.yaml\nname: Real\n', 'real/sub/.keep': '', 'a.yaml': 'extends: alias.yaml\n' }));
    symlinkSync('real/sub', join(dir, 'up'));
    const loaded = await loadScenario(`${dir}/up/../plan.yaml`, { allowedRoots: [dir] });
    // The base is named as written, joined to the file's name (`..` kept: the system opens <dir>/plan.yaml so).
    expect([loaded.scenario.name, loaded.scenario.currency, loaded.bases]).toEqual(['Real', 'EUR', [`${dir}/up/../../plan.yaml`]]);
    // A link to a file is that file: a.yaml extending a link to itself is a cycle at once (it was a chain of 16 files).
    symlinkSync('a.yaml', join(dir, 'alias.yaml'));
    expect(await loadProblems(join(dir, 'a.yaml'), dir)).toEqual(['<dir>/a.yaml:1:10 extends: "alias.yaml" makes a cycle: <dir>/a.yaml -> <dir>/alias.yaml']);
  });

  it('a missing base, or an extends that is not a path, is reported at the extends line', async () => {
    const dir = writeFiles({ 'm.yaml': 'name: m\n\nextends: nope/plan.yaml\n', 'n.yaml': 'extends: [plan.yaml]\n' });
    expect(await loadProblems(join(dir, 'm.yaml'), dir)).toEqual(['<dir>/m.yaml:3:10 extends: the base scenario <dir>/nope/plan.yaml: does not exist']);
    expect(await loadProblems(join(dir, 'n.yaml'), dir)).toEqual([
      '<dir>/n.yaml:1:10 extends: must be the path of the base scenario file, relative to this file (e.g. extends: plan.yaml)',
    ]);
  });

  it('invalid YAML in a base is reported in the base', async () => {
    const dir = writeFiles({ 'plan.yaml': 'name: [x\n', 'child.yaml': 'extends: plan.yaml\n' });
    const [first] = await loadProblems(join(dir, 'child.yaml'), dir);
    expect(first).toMatch(/^<dir>\/plan\.yaml:\d+:\d+ not valid YAML/);
  });

  it('remove: a tier the base lacks, other keys beside it, or not a boolean', async () => {
    const dir = writeFiles({
      'plan.yaml': BASE,
      'child.yaml': `extends: plan.yaml
tiers:
  - name: Partners
    remove: true
  - name: SMB
    remove: true
    stress: { leads: 1 }
  - name: Enterprise
    remove: yes please
  - name: SMD
    remove: true
`,
    });
    expect(await loadProblems(join(dir, 'child.yaml'), dir)).toEqual([
      '<dir>/child.yaml:3:11 tiers[0].name: no tier named "Partners" in the base scenario to remove',
      '<dir>/child.yaml:6:13 tiers[1].remove: remove: true drops the tier, so it cannot also set stress',
      '<dir>/child.yaml:9:13 tiers[2].remove: remove must be true (drop this tier of the base scenario) or false',
      '<dir>/child.yaml:10:11 tiers[3].name: no tier named "SMD" in the base scenario to remove (did you mean "SMB"?)',
    ]);
  });

  it('remove of a tier when the base has no tiers at all', async () => {
    const dir = writeFiles({ 'plan.yaml': 'name: Plan\n', 'child.yaml': 'extends: plan.yaml\ntiers:\n  - name: SMB\n    remove: true\n' });
    expect(await loadProblems(join(dir, 'child.yaml'), dir)).toEqual([
      '<dir>/child.yaml:3:11 tiers[0].name: no tier named "SMB" in the base scenario to remove',
    ]);
  });

  it('remove in a file that extends nothing is an unknown key', async () => {
    const dir = writeFiles({ 'plan.yaml': BASE.replace('  - name: Enterprise\n', '  - name: Enterprise\n    remove: true\n') });
    expect(await loadProblems(join(dir, 'plan.yaml'), dir)).toEqual([`<dir>/plan.yaml:18:5 tiers[1]: unknown key "remove"; the keys here are: name, existing, newBusiness, newCustomerExpansion, stress`]);
  });
});

/** A tier a child adds under a name close to a base tier's, and what is said about it. */
const misspeltTiers: Array<{ name: string; child: string; expected: string[] }> = [
  {
    name: 'a typo of a tier the child means to override: one message at the name, not "is required" for each missing field',
    child: `extends: plan.yaml
tiers:
  - name: Enterprize
    newBusiness:
      conversion: 0.08
`,
    expected: [
      '<dir>/child.yaml:3:11 tiers[0].name: Enterprize is not a tier of the base (did you mean Enterprise?); to add a tier, give it in full (as written: newBusiness.acv: is required; newBusiness.leadsPerMonth: conversion needs leadsPerMonth)',
    ],
  },
  {
    name: 'a typo in the case and a letter, in a stress-only override, beside a real override of another tier',
    child: `extends: plan.yaml
tiers:
  - name: SMB
    stress: { leads: -0.1 }
  - name: ENTERPRICE
    stress: { acv: -0.1 }
`,
    expected: [
      '<dir>/child.yaml:5:11 tiers[1].name: ENTERPRICE is not a tier of the base (did you mean Enterprise?); to add a tier, give it in full (as written: a tier needs an existing book, new business, or both; stress.acv: an acv stress needs newBusiness in this tier: there is nothing to shift)',
    ],
  },
];

describe('extends: a tier name close to a base tier\'s', () => {
  it.each(misspeltTiers.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const dir = writeFiles({ 'plan.yaml': BASE, 'child.yaml': c.child });
    expect(await loadProblems(join(dir, 'child.yaml'), dir)).toEqual(c.expected);
  });

  it('in another Unicode form (NFD in the child, NFC in the base) is the base tier, as with its case: overridden or removed', async () => {
    // Before: "Café is not a tier of the base (did you mean Café?)" and "no tier named Café in the base
    // scenario to remove": the merge matched names by case only, every other reader in NFC form too.
    const base = BASE.replace('- name: SMB', '- name: "Caf\u00e9"');
    const dir = writeFiles({
      'plan.yaml': base,
      'override.yaml': 'extends: plan.yaml\ntiers:\n  - name: "CAFE\u0301"\n    newBusiness: { conversion: 0.08 }\n',
      'remove.yaml': 'extends: plan.yaml\ntiers:\n  - name: "cafe\u0301"\n    remove: true\n',
    });
    const overridden = await loadScenario(join(dir, 'override.yaml'));
    expect(overridden.scenario.tiers.map((t) => t.name)).toEqual(['Caf\u00e9', 'Enterprise']);
    expect(overridden.scenario.tiers[0]!.newBusiness!.conversion).toBe(0.08);
    const removed = await loadScenario(join(dir, 'remove.yaml'));
    expect(removed.scenario.tiers.map((t) => t.name)).toEqual(['Enterprise']);
  });

  it('is added as a new tier when it is complete (Enterprise 2 beside Enterprise)', async () => {
    const dir = writeFiles({
      'plan.yaml': BASE,
      'child.yaml': `extends: plan.yaml
tiers:
  - name: Enterprise2
    newBusiness: { leadsPerMonth: 5, conversion: 0.1, acv: 200000 }
`,
    });
    const { scenario } = await loadScenario(join(dir, 'child.yaml'));
    expect(scenario.tiers.map((t) => t.name)).toEqual(['SMB', 'Enterprise', 'Enterprise2']);
  });
});

describe('the downside example', () => {
  it('extends the plan with a fixed bad market and stress', async () => {
    const loaded = await loadScenario(join(ROOT, 'scenarios/downside.yaml'));
    expect(loaded.bases).toEqual([join(ROOT, 'scenarios/example.yaml')]);
    expect(loaded.scenario.market.factor).toBe(-1.28);
    expect(loaded.scenario.stress).toEqual({ leads: -0.2, renewal: -0.03 });
    expect(loaded.scenario.tiers.map((t) => t.name)).toEqual(['SMB', 'Mid-market', 'Enterprise']);
    expect(loaded.scenario.tiers[2]!.stress).toEqual({ acv: -0.1 });
  });
});
