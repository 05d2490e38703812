import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { loadProblems, writeFiles } from '../helpers/fixtures.js';
import { loadScenario } from '../../src/scenario/load.js';
import { statedWarnings } from '../../src/cli/report-run.js';
import { formatWarning } from '../../src/analysis/plausibility.js';

/** A lead-driven tier (seasonality on line 12) and a rep-driven one (ramp on line 19). */
const BASE = `name: Plan
currency: EUR
trials: 2000
tiers:
  - name: SMB
    existing:
      openingArr: 1200000
      customers: 120
      renewalRate: 0.9
    newBusiness:
      leadsPerMonth: 100
      seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
      conversion: 0.05
      acv: 10000
  - name: Enterprise
    newBusiness:
      reps:
        start: 4
        ramp: [0, 0.25, 0.5, 0.75]
        sourcedDealsPerMonth: 0.4
        capacity: 2
      acv: 150000
`;

const SEASONALITY = '[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]';
const RAMP = '[0, 0.25, 0.5, 0.75]';

/** The problems of BASE with its seasonality and ramp written as given ([] when it is valid). */
function problems(seasonality: string, ramp: string): string[] {
  try {
    parseScenario(BASE.replace(SEASONALITY, seasonality).replace(RAMP, ramp), 'plan.yaml');
    return [];
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return e.issues.map((i) => `${i.line}:${i.column} ${i.path.join('.')}: ${i.message}`);
  }
}

const note = (pair: string, a: string, b: string, meant: string) => `(inside [ ] a comma separates values: "${pair}" is read as two, ${a} and ${b}; if it is one number, write ${meant})`;

describe('a [ ] list written with decimal commas: a note only where that reading breaks the field', () => {
  it('seasonality and a ramp with decimal commas: the length and the range problems say why, naming the pair at fault, the note in place of the percent hint ("did you mean 0.05 (or 5%)?" beside "write 0.5" contradicted it)', () => {
    const found = problems('[0,9, 0,9, 1, 1, 1, 0,9, 0,85, 0,9, 1,05, 1,1, 1,15, 1,25]', '[0, 0,25, 0,5, 0,75]');
    expect(found).toEqual([
      `12:20 tiers.0.newBusiness.seasonality: needs exactly 12 values, one per fiscal month ${note('0,9', '0', '9', '0.9')}`,
      `19:21 tiers.1.newBusiness.reps.ramp.2: a ramp share must be in [0, 1] ${note('0,25', '0', '25', '0.25')}`,
      // The 5 of "0,5": its own pair, not the list's first.
      `19:27 tiers.1.newBusiness.reps.ramp.4: a ramp share must be in [0, 1] ${note('0,5', '0', '5', '0.5')}`,
      `19:32 tiers.1.newBusiness.reps.ramp.6: a ramp share must be in [0, 1] ${note('0,75', '0', '75', '0.75')}`,
    ]);
  });

  it.each(['discrete', 'empirical'])('conversion as a %s whose values are written with decimal commas: the problem at the distribution and at its weights come from its values list, and say so (not "percents")', (dist) => {
    const weights = dist === 'discrete' ? ', weights: [1, 2, 1]' : '';
    const text = BASE.replace('conversion: 0.05', `conversion: { dist: ${dist}, values: [0,04, 0,05, 0,06]${weights} }`);
    let issues: string[] = [];
    try {
      parseScenario(text, 'plan.yaml');
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      issues = e.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    }
    // Read as [0, 4, 0, 5, 0, 6]: draws up to 6 (a rate's range), and 6 values against 3 weights.
    expect(issues).toEqual([
      `tiers.0.newBusiness.conversion: a rate must stay within [0, 1], but ${dist} can draw above 1 ${note('0,04', '0', '04', '0.04')}`,
      ...(dist === 'discrete' ? [`tiers.0.newBusiness.conversion.weights: discrete needs as many weights as values (6 values, 3 weights) ${note('0,04', '0', '04', '0.04')}`] : []),
    ]);
  });

  it("a section's problem does not come from a list in it: an unknown key beside a decimal-comma seasonality gets no note", () => {
    const text = BASE.replace(SEASONALITY, '[0,9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]').replace('conversion: 0.05', 'conversion: 0.05\n      bogus: 1');
    expect(() => parseScenario(text, 'plan.yaml')).toThrow(/unknown key "bogus"/);
    expect(() => parseScenario(text, 'plan.yaml')).not.toThrow(/inside \[ \]/);
  });

  it('a problem beside a list that reads as written gets no note: weights spaced, values written with points', () => {
    const text = BASE.replace('conversion: 0.05', 'conversion: { dist: discrete, values: [4, 5, 6], weights: [1, 2, 1] }');
    expect(() => parseScenario(text, 'plan.yaml')).toThrow(/can draw above 1; its values look like percents/);
  });

  it.each([
    // Whole numbers with no space after any comma (the review's false alarms): the problems alone.
    ['[1,2,3,4,5,6,7,8,9,10,11,12,13]', '[0,1,2]'],
    // Thousands, not decimals: three digits after the comma.
    ['[1,000, 2,000, 1, 1, 1, 1, 1, 1, 1, 1, 1]', RAMP],
    // Decimal commas throughout with no space: no separator tells them from values.
    ['[0,9,0,9,1,1,1,1,1,1,1,1,1]', RAMP],
  ])('no note where decimal commas are not the likely reading: seasonality %s, ramp %s', (seasonality, ramp) => {
    const found = problems(seasonality, ramp);
    expect(found.length).toBeGreaterThan(0);
    for (const p of found) expect(p).not.toContain('inside [ ]');
  });

  it('no note, and no problem, for a valid list however its commas are spaced', () => {
    expect(problems('[1,1,1,1,1,1,1,1,1,1,1,2]', '[0, 0.25,0.5, 0.75]')).toEqual([]);
    expect(problems('[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]', '[0,1, 1]')).toEqual([]);
  });

  it('in an inherited list: the note, in the base file', async () => {
    const dir = writeFiles({ 'plan.yaml': BASE.replace(RAMP, '[0, 0,5, 1]'), 'child.yaml': 'extends: plan.yaml\nname: Child\n' });
    expect(await loadProblems(join(dir, 'child.yaml'), dir)).toEqual([
      `<dir>/plan.yaml:19:21 tiers[1].newBusiness.reps.ramp[2]: a ramp share must be in [0, 1] ${note('0,5', '0', '5', '0.5')}`,
    ]);
  });
});

describe('a [ ] list valid as read, but written as decimal commas: a stated warning (validate still succeeds)', () => {
  /** The stated warnings of BASE with its seasonality and ramp written as given, as the CLI prints them. */
  const warnings = (seasonality: string, ramp: string) =>
    statedWarnings(parseScenario(BASE.replace(SEASONALITY, seasonality).replace(RAMP, ramp), 'plan.yaml')).map(formatWarning);
  const warned = (line: number, column: number, path: string, count: number, pair: string, a: string, b: string, meant: string) =>
    `arrcast: warning [decimal-comma-list] plan.yaml:${line}:${column} ${path}: read as ${count} values ${note(pair, a, b, meant)}`;

  it('a ramp [0, 0,1, 1] read as [0, 0, 1, 1], and seasonality [0,9, 1, ...] of 11 values written read as 12: each warned at its field and line', () => {
    expect(warnings('[0,9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]', '[0, 0,1, 1]')).toEqual([
      warned(12, 20, 'tiers[0].newBusiness.seasonality', 12, '0,9', '0', '9', '0.9'),
      warned(19, 15, 'tiers[1].newBusiness.reps.ramp', 4, '0,1', '0', '1', '0.1'),
      // As read, month 1 is 0 in weights averaging 1.58: told too (seasonality-rescaled.ts).
      expect.stringMatching(/^arrcast: warning \[seasonality-rescaled\] plan\.yaml:12:20 tiers\[0\]\.newBusiness\.seasonality: SMB's seasonality is 0 in month 1 and its 12 weights average 1\.58, not 1:/),
    ]);
    // The mixed-spacing test is the problems' note's: a ramp [0,1, 1] mixes them too (0.1 and 1, or 0, 1 and 1).
    expect(warnings(SEASONALITY, '[0,1, 1]')).toEqual([warned(19, 15, 'tiers[1].newBusiness.reps.ramp', 3, '0,1', '0', '1', '0.1')]);
  });

  it.each([
    [SEASONALITY, RAMP],
    ['[1,1,1,1,1,1,1,1,1,1,1,2]', '[0, 0.25,0.5, 0.75]'],
    ['[1,1,1,1,1,1,1,1,1,1,1,1]', '[0,1,1]'],
  ])('none where the commas are spaced one way, or a value has a point: seasonality %s, ramp %s', (seasonality, ramp) => {
    expect(warnings(seasonality, ramp)).toEqual([]);
  });

  it('in a base file: warned there, at its line', async () => {
    const dir = writeFiles({ 'plan.yaml': BASE.replace(RAMP, '[0, 0,1, 1]'), 'child.yaml': 'extends: plan.yaml\nname: Child\n' });
    const lines = statedWarnings(await loadScenario(join(dir, 'child.yaml'))).map((w) => formatWarning(w).split(`${dir}/`).join('<dir>/'));
    expect(lines).toEqual([`arrcast: warning [decimal-comma-list] <dir>/plan.yaml:19:15 tiers[1].newBusiness.reps.ramp: read as 4 values ${note('0,1', '0', '1', '0.1')}`]);
  });
});
