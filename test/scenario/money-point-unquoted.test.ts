import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/parse.js';
import { loadProblems, scenarioErrorLines, writeFiles } from '../helpers/fixtures.js';

/**
 * YAML reads an unquoted `18.000` as the number 18 before arrcast sees it, so the money fields'
 * refusal of a point before three digits (money-point.test.ts, quoted) never ran: `openingArr:
 * 18.000` ran with an opening ARR of 18. Unquoted, such a money figure is refused at its line with
 * both readings, as quoted; rates, counts and names keep their reading; JSON keeps its decimal point.
 */
const tier = (existing: string, more = '') => `name: P\n${more}tiers:\n  - name: SMB\n    existing: { ${existing}, customers: 10, renewalRate: 0.9 }\n`;
const BOTH = (grouped: string, decimal: string) => `write ${grouped} (the point a thousands separator) or ${decimal} (a decimal point), whichever it is`;

describe('a money figure written unquoted with a point before three digits', () => {
  it.each([
    ['openingArr: 18.000', '18000', '18'],
    ['openingArr: +1.250', '+1250', '+1.25'],
  ])('%s is refused at its line with both readings', (written, grouped, decimal) => {
    const lines = scenarioErrorLines(() => parseScenario(tier(written), 'p.yaml'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^p\.yaml:4:\d+ tiers\[0\]\.existing\.openingArr: /);
    expect(lines[0]).toContain(BOTH(grouped, decimal));
  });

  it('openingArr: -12.500 is told neither reading is an opening ARR (each is below 0), not advised to write one', () => {
    const lines = scenarioErrorLines(() => parseScenario(tier('openingArr: -12.500'), 'p.yaml'));
    expect(lines).toEqual([expect.stringMatching(/^p\.yaml:4:\d+ tiers\[0\]\.existing\.openingArr: "-12\.500" has a point that is a thousands separator or a decimal point: neither -12500 nor -12\.5 is a number this field takes$/)]);
  });

  it("an ACV's median and p90 are each refused at their own column, the target's value too", () => {
    const text = `name: P
targets: { metrics: [{ metric: revenue, value: 22.500 }] }
tiers:
  - name: SMB
    newBusiness:
      leadsPerMonth: 100
      conversion: 0.125
      acv: { dist: lognormal, median: 11.000, p90: 24.000 }
`;
    const lines = scenarioErrorLines(() => parseScenario(text, 'p.yaml'));
    expect(lines).toEqual([
      expect.stringMatching(/^p\.yaml:2:\d+ targets\.metrics\[0\]\.value: .*write 22500 \(the point a thousands separator\) or 22\.5 \(a decimal point\)/),
      expect.stringMatching(new RegExp(`^p\\.yaml:8:39 tiers\\[0\\]\\.newBusiness\\.acv\\.median: .*${BOTH('11000', '11').replace(/[()]/g, '\\$&')}`)),
      expect.stringMatching(new RegExp(`^p\\.yaml:8:52 tiers\\[0\\]\\.newBusiness\\.acv\\.p90: .*${BOTH('24000', '24').replace(/[()]/g, '\\$&')}`)),
    ]);
  });

  it("a monthly plan's amount in a list is refused at its own column", () => {
    const text = `name: P\ntargets:\n  monthly:\n    mrr: [1M, 1M, 1M, 1M, 1M, 1M, 1M, 1M, 1M, 1M, 1M, 1.250]\n${tier('openingArr: 18M').slice('name: P\n'.length)}`;
    expect(scenarioErrorLines(() => parseScenario(text, 'p.yaml'))).toEqual([`p.yaml:4:55 targets.monthly.mrr[11]: "1.250" has a point that is a thousands separator or a decimal point: ${BOTH('1250', '1.25')}`]);
  });

  it('a point before three digits twice (1.200.000, text to YAML) is refused in money with the one reading it has', () => {
    expect(scenarioErrorLines(() => parseScenario(tier('openingArr: 1.200.000'), 'p.yaml'))[0]).toContain('1200000');
  });

  it('where an alias repeats it, each place is refused', () => {
    const text = `name: P\ntiers:\n  - name: A\n    existing: { openingArr: &arr 18.000, customers: 10, renewalRate: 0.9 }\n  - name: B\n    existing: { openingArr: *arr, customers: 10, renewalRate: 0.9 }\n`;
    const lines = scenarioErrorLines(() => parseScenario(text, 'p.yaml'));
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['p.yaml:4:34', 'p.yaml:6:29']);
  });

  it('a rate and a share keep the reading YAML gives them (a mean number of leads written 12.5)', () => {
    const text = `name: P
tiers:
  - name: SMB
    existing: { openingArr: 18M, customers: 100, renewalRate: 0.875, priceUplift: 0.025 }
    newBusiness: { leadsPerMonth: 12.5, conversion: 0.125, acv: 12k }
`;
    const { scenario } = parseScenario(text, 'p.yaml');
    const t = scenario.tiers[0]!;
    expect(t.existing!.renewalRate).toBe(0.875);
    expect(t.newBusiness!.leadsPerMonth).toBe(12.5);
    expect(t.newBusiness!.conversion).toBe(0.125);
  });

  it("a JSON file keeps 18.000 as 18: JSON has one reading, and is what programs write (a report's scenario.json)", () => {
    const json = '{"name": "P", "tiers": [{"name": "SMB", "existing": {"openingArr": 18.000, "customers": 10, "renewalRate": 0.9}}]}';
    expect(parseScenario(json, 'p.json').scenario.tiers[0]!.existing!.openingArr).toBe(18);
  });

  it('a base that writes it is refused at its own line; a file overriding the figure is not', async () => {
    const dir = writeFiles({
      'base.yaml': tier('openingArr: 18.000'),
      'child.yaml': 'extends: base.yaml\ntrials: 500\n',
      'fixed.yaml': 'extends: base.yaml\ntiers:\n  - name: SMB\n    existing: { openingArr: 18M }\n',
    });
    const problems = await loadProblems(join(dir, 'child.yaml'), dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^<dir>\/base\.yaml:4:\d+ tiers\[0\]\.existing\.openingArr: .*write 18000 \(the point a thousands separator\) or 18 \(a decimal point\)/);
    const { loadScenario } = await import('../../src/scenario/load.js');
    expect((await loadScenario(join(dir, 'fixed.yaml'))).scenario.tiers[0]!.existing!.openingArr).toBe(18e6);
  });
});

describe('a whole number written with .000', () => {
  // `customers: 1.000` ran one customer, `trials: 2.000` two trials, where a CSV count column and
  // --trials refuse `1.000`: a thousand or one.
  it.each([
    ['customers: 1.000', 'p.yaml:4:', 'tiers[0].existing.customers', '1000', '1'],
    ['customers: "1.000"', 'p.yaml:4:', 'tiers[0].existing.customers', '1000', '1'],
  ])('%s is refused with both readings', (written, at, path, grouped, decimal) => {
    const lines = scenarioErrorLines(() => parseScenario(tier(`openingArr: 18M`).replace('customers: 10', written), 'p.yaml'));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(at)).toBe(true);
    expect(lines[0]).toContain(`${path}: `);
    expect(lines[0]).toContain(BOTH(grouped, decimal));
  });

  it('trials: 2.000 at the top too; customers: 12.500 is refused as not whole, as before', () => {
    expect(scenarioErrorLines(() => parseScenario(tier('openingArr: 18M', 'trials: 2.000\n'), 'p.yaml'))[0]).toContain(`p.yaml:2:9 trials: "2.000" has a point that is a thousands separator or a decimal point: ${BOTH('2000', '2')}`);
    expect(scenarioErrorLines(() => parseScenario(tier('openingArr: 18M').replace('customers: 10', 'customers: 12.500'), 'p.yaml'))[0]).toMatch(/customers: must be a whole number/);
  });
});

describe('other numbers YAML reads as no planner writes them', () => {
  it.each([['0x10'], ['0o17']])('openingArr: %s (hexadecimal, octal) is refused, not run as its number', (written) => {
    const lines = scenarioErrorLines(() => parseScenario(tier(`openingArr: ${written}`), 'p.yaml'));
    expect(lines[0]).toMatch(new RegExp(`^p\\.yaml:4:\\d+ tiers\\[0\\]\\.existing\\.openingArr: "${written}" is not a number`));
  });

  it('under %YAML 1.1, openingArr: 1:30 (base 60: 90) is no number, and customers: 012 (octal: 10) is told both readings', () => {
    const text = `%YAML 1.1\n---\n${tier('openingArr: 1:30').replace('customers: 10', 'customers: 012')}`;
    expect(scenarioErrorLines(() => parseScenario(text, 'p.yaml'))).toEqual([
      expect.stringMatching(/^p\.yaml:6:\d+ tiers\[0\]\.existing\.openingArr: "1:30" is not a number/),
      expect.stringMatching(/^p\.yaml:6:\d+ tiers\[0\]\.existing\.customers: "012" is read by YAML as 10 .* and as 12 by arrcast: write 12 or 10, whichever it is$/),
    ]);
  });
});

describe('a number written with a point and no digit after it', () => {
  // `100.` has one reading, YAML's; it ran before unquoted numbers were checked as their text, was
  // then refused as "not a number" (arrcast's reader wants a digit after a point), and runs again.
  const plan = (arr: string, customers: string, leads: string, rate: string, trials: string) =>
    `name: P\ntrials: ${trials}\ntiers:\n  - name: SMB\n    existing: { openingArr: ${arr}, customers: ${customers}, renewalRate: 0.9, priceUplift: ${rate} }\n    newBusiness: { leadsPerMonth: ${leads}, conversion: 0.1, acv: 12k }\n`;
  it.each([
    ['1200000.', '100.', '40.', '0.', '2000.', [1_200_000, 100, 40, 0, 2000]],
    ['1.2e6', '1.e2', '4.E1', '0.e0', '2.e3', [1_200_000, 100, 40, 0, 2000]],
    ['+1200000.', '+100.', '+40.', '+0.', '+2000.', [1_200_000, 100, 40, 0, 2000]],
  ])('openingArr: %s, customers: %s, leadsPerMonth: %s, priceUplift: %s, trials: %s run as YAML reads them', (arr, customers, leads, rate, trials, expected) => {
    const { scenario } = parseScenario(plan(arr, customers, leads, rate, trials), 'p.yaml');
    const t = scenario.tiers[0]!;
    expect([t.existing!.openingArr, t.existing!.customers, t.newBusiness!.leadsPerMonth, t.existing!.priceUplift, scenario.trials]).toEqual(expected);
  });
});
