import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { scenarioErrorLines } from '../helpers/fixtures.js';

/**
 * A number written with a point before three digits where a count goes: `1.000` is a thousand or
 * one (human-number.ts pointReadings). A refusal offers only the readings its field takes
 * (checked-advice.ts checkedReadings): a month's `2.000` was told "write 2000 ... or 2".
 */
const LEAD = (text: string) => `"${text}" has a point that is a thousands separator or a decimal point`;
const BOTH = (text: string, grouped: string, decimal: string) => `${LEAD(text)}: write ${grouped} (the point a thousands separator) or ${decimal} (a decimal point), whichever it is`;
const nb = (leads: string, more = '', head = '') =>
  `name: P\n${head}tiers:\n  - name: SMB\n    newBusiness:\n      leadsPerMonth: ${leads}\n      conversion: 0.1\n      acv: 12k\n${more}`;
const refusal = (text: string) => {
  const lines = scenarioErrorLines(() => parseScenario(text, 'p.yaml'));
  expect(lines).toHaveLength(1);
  return lines[0]!;
};

describe('a mean count written with a point before three digits', () => {
  it.each([
    ['leadsPerMonth: 1.000', nb('1.000'), 'tiers[0].newBusiness.leadsPerMonth', BOTH('1.000', '1000', '1')],
    ['leadsPerMonth: "2.000"', nb('"2.000"'), 'tiers[0].newBusiness.leadsPerMonth', BOTH('2.000', '2000', '2')],
    ['leadsPerMonth: 12.500', nb('12.500'), 'tiers[0].newBusiness.leadsPerMonth', BOTH('12.500', '12500', '12.5')],
    ["a Poisson's mean: 2.000", nb('{ dist: poisson, mean: 2.000 }'), 'tiers[0].newBusiness.leadsPerMonth.mean', BOTH('2.000', '2000', '2')],
    ["a Poisson's mean: 1.234", nb('{ dist: poisson, mean: 1.234 }'), 'tiers[0].newBusiness.leadsPerMonth.mean', BOTH('1.234', '1234', '1.234')],
  ])('%s is refused with both readings, not run as the decimal', (_, text, path, message) => {
    expect(refusal(text)).toMatch(new RegExp(`^p\\.yaml:5:\\d+ ${path.replace(/[[\].]/g, '\\$&')}: `));
    expect(refusal(text).endsWith(`${path}: ${message}`)).toBe(true);
  });

  it.each([
    ['0.500', 0.5],
    ['12.5', 12.5],
    ['1.500k', 1500],
    ['1,500', 1500],
  ])('leadsPerMonth: %s has one reading and runs as %d', (written, value) => {
    expect(parseScenario(nb(written), 'p.yaml').scenario.tiers[0]!.newBusiness!.leadsPerMonth).toBe(value);
  });
});

describe("a refusal's readings are those its field takes", () => {
  it.each([
    ['fiscalYearStartMonth: 2.000', nb('10', '', 'fiscalYearStartMonth: 2.000\n'), 'p.yaml:2:', 'fiscalYearStartMonth', `${LEAD('2.000')}: write 2 (a decimal point)`],
    ['fiscalYearStartMonth: "2.000"', nb('10', '', 'fiscalYearStartMonth: "2.000"\n'), 'p.yaml:2:', 'fiscalYearStartMonth', `${LEAD('2.000')}: write 2 (a decimal point)`],
    ['fiscalYearStartMonth: 13.000', nb('10', '', 'fiscalYearStartMonth: 13.000\n'), 'p.yaml:2:', 'fiscalYearStartMonth', `${LEAD('13.000')}: neither 13000 nor 13 is a number this field takes`],
    [
      'a pipeline group closeMonth: 2.000',
      nb('10', '      openingPipeline: { groups: [{ count: 3, winProbability: 0.5, closeMonth: 2.000 }] }\n'),
      'p.yaml:8:',
      'tiers[0].newBusiness.openingPipeline.groups[0].closeMonth',
      `${LEAD('2.000')}: write 2 (a decimal point)`,
    ],
    [
      'under %YAML 1.1, fiscalYearStartMonth: 013 (YAML 11, arrcast 13)',
      `%YAML 1.1\n---\n${nb('10', '', 'fiscalYearStartMonth: 013\n')}`,
      'p.yaml:4:',
      'fiscalYearStartMonth',
      '"013" is read by YAML as 11 (under %YAML 1.1, a leading 0 is octal) and as 13 by arrcast: write 11',
    ],
    ['customers: 1.000 (both in range)', 'name: P\ntiers:\n  - name: SMB\n    existing: { openingArr: 18M, customers: 1.000, renewalRate: 0.9 }\n', 'p.yaml:4:', 'tiers[0].existing.customers', BOTH('1.000', '1000', '1')],
  ])('%s', (_, text, at, path, message) => {
    const line = refusal(text);
    expect(line.startsWith(at)).toBe(true);
    expect(line.endsWith(`${path}: ${message}`)).toBe(true);
  });
});
