/**
 * Issue 14 (messages a newcomer reads): zod's own wording does not reach the planner.
 *
 * A field that takes one of a few words, or a word or a
 * list, says what it takes and what it got, with a near miss. zod's own text reached the user:
 * 'overflow: Invalid option: expected one of "lost"|"carry"' (no value, no hint, a `|` list),
 * 'renewalCalendar: Invalid input: expected "uniform"' for a number (the list form not named),
 * 'expected array, got "Uniform"' for the word in another case (the word not named), and a target's
 * `metric: ending_arr` got no hint though --target gives one. A list where the seed goes said it
 * must be 1 to 200 characters as well.
 *
 * A bound with no words of its field's own was said in zod's: 'Too small: expected number to be
 * >=0' (a target's value, a seed), 'Too big: expected array to have <=50 items' (targets), 'Too
 * small: expected string to have >=1 characters' (a label), 'Invalid input: expected int, received
 * number' (metalog terms), 'Invalid key in record' (a stage named "").
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseScenario } from '../../src/scenario/parse.js';
import { flattenIssues } from '../../src/scenario/zod-issues.js';
import { fixtureText, scenarioErrorLines } from '../helpers/fixtures.js';

const base = fixtureText('minimal.yaml');
const edit = (from: string, to: string) => {
  if (!base.includes(from)) throw new Error(`fixture has no ${from}`);
  return base.replace(from, to);
};
const calendar = (value: string) => edit('      renewalRate:', `      renewalCalendar: ${value}\n      renewalRate:`);
const overflow = (value: string) => edit('      conversion: 0.05', `      conversion: 0.05\n      reps: { start: 2, ramp: [1], capacity: 3, overflow: ${value} }`);
const metric = (value: string) => `${base}targets:\n  metrics:\n    - { metric: ${value}, value: 1M }\n`;

const ONE_OF_METRICS = 'must be one of "revenue", "bookings", "endingArr"';
const cases: Array<[string, string, string]> = [
  ['a calendar word in another case', calendar('Uniform'), 'p.yaml:10:24 tiers[0].existing.renewalCalendar: expected "uniform" or array, got "Uniform" (did you mean "uniform"?)'],
  ['a calendar word misspelt', calendar('unifrom'), 'p.yaml:10:24 tiers[0].existing.renewalCalendar: expected "uniform" or array, got "unifrom" (did you mean "uniform"?)'],
  ['another word for the calendar', calendar('monthly'), 'p.yaml:10:24 tiers[0].existing.renewalCalendar: expected "uniform" or array, got "monthly"'],
  ['a number for the calendar', calendar('5'), 'p.yaml:10:24 tiers[0].existing.renewalCalendar: expected "uniform" or array, got 5'],
  ['a mapping for the calendar', calendar('{ a: 1 }'), 'p.yaml:10:24 tiers[0].existing.renewalCalendar: expected "uniform" or array, got a mapping'],
  ['null for the calendar', calendar('~'), 'p.yaml:10:24 tiers[0].existing.renewalCalendar: expected "uniform" or array, got null'],
  ['overflow in another case', overflow('Lost'), 'p.yaml:14:59 tiers[0].newBusiness.reps.overflow: must be one of "lost", "carry", got "Lost" (did you mean "lost"?)'],
  ['overflow misspelt', overflow('cary'), 'p.yaml:14:59 tiers[0].newBusiness.reps.overflow: must be one of "lost", "carry", got "cary" (did you mean "carry"?)'],
  ['overflow as a number', overflow('1'), 'p.yaml:14:59 tiers[0].newBusiness.reps.overflow: must be one of "lost", "carry", got 1'],
  ['a metric spelt as outcomes files spell it', metric('ending_arr'), `p.yaml:17:17 targets.metrics[0].metric: ${ONE_OF_METRICS}, got "ending_arr" (did you mean "endingArr"?)`],
  ['a metric capitalised', metric('Revenue'), `p.yaml:17:17 targets.metrics[0].metric: ${ONE_OF_METRICS}, got "Revenue" (did you mean "revenue"?)`],
  ['no metric near it', metric('profit'), `p.yaml:17:17 targets.metrics[0].metric: ${ONE_OF_METRICS}, got "profit"`],
  ['a list for the seed: one message, of its type', edit('seed: 3', 'seed: []'), 'p.yaml:4:7 seed: expected number or string, got a list'],
];

describe('bad inputs: a field of a few words names them, the value and a near miss', () => {
  it.each(cases)('%s', (_, yaml, expected) => {
    expect(scenarioErrorLines(() => parseScenario(yaml, 'p.yaml'))).toEqual([expected]);
  });

  it('the words themselves are taken', () => {
    expect(parseScenario(calendar('uniform'), 'p.yaml').scenario.tiers[0]!.existing!.renewalCalendar).toBe('uniform');
    expect(parseScenario(overflow('carry'), 'p.yaml').scenario.tiers[0]!.newBusiness!.reps!.overflow).toBe('carry');
    expect(parseScenario(metric('endingArr'), 'p.yaml').scenario.targets!.metrics![0]!.metric).toBe('endingArr');
  });
});

const quantiles = (terms: string) => edit('acv: { dist: lognormal, mean: 12000, sd: 4000 }', `acv: { dist: quantiles, quantiles: { p10: 1000, p50: 2000, p90: 5000 }, lower: 0, terms: ${terms} }`);
const target = (fields: string) => `${base}targets: { metrics: [ { metric: revenue, value: 5, ${fields} } ] }\n`;
const bounds: Array<[string, string, string[]]> = [
  ['a negative target', `${base}targets: { metrics: [ { metric: revenue, value: -5 } ] }\n`, ['p.yaml:15:49 targets.metrics[0].value: must be at least 0, got -5']],
  ['an empty target label', target("label: ''"), ['p.yaml:15:59 targets.metrics[0].label: must not be empty']],
  ['a target label past 80 characters', target(`label: ${'x'.repeat(81)}`), ['p.yaml:15:59 targets.metrics[0].label: must be at most 80 characters, got 81']],
  ['51 targets', `${base}targets: { metrics: [ ${Array.from({ length: 51 }, (_, k) => `{ metric: revenue, value: ${k} }`).join(', ')} ] }\n`, ['p.yaml:15:21 targets.metrics: may hold at most 50 items, got 51']],
  ['metalog terms past 16', quantiles('20'), [
    'p.yaml:14:42 tiers[0].newBusiness.acv.quantiles: the number of metalog terms must be a whole number from 2 to the number of quantiles (3); got 20',
    'p.yaml:14:96 tiers[0].newBusiness.acv.terms: must be at most 16, got 20',
  ]],
  ['metalog terms not whole', quantiles('2.5'), ['p.yaml:14:96 tiers[0].newBusiness.acv.terms: must be a whole number, got 2.5']],
  ['a seed with a fraction', edit('seed: 3', 'seed: 1.5'), ['p.yaml:4:7 seed: expected whole number or string, got 1.5']],
  ['a pipeline stage with no name', edit('      acv:', '      openingPipeline: { file: p.csv, stages: { "": 0.5 } }\n      acv:'), ['p.yaml:14:53 tiers[0].newBusiness.openingPipeline.stages[""]: this key must not be empty']],
];

describe("bad inputs: a bound is said in the planner's words, with the value", () => {
  it.each(bounds)('%s', (_, yaml, expected) => {
    const lines = scenarioErrorLines(() => parseScenario(yaml, 'p.yaml'));
    expect(lines).toEqual(expected);
    for (const line of lines) expect(line).not.toMatch(/Too (small|big)|Invalid (input|key)|expected (int|number|string|array) to/);
  });
});

describe("a length zod requires exactly is said as exactly, not as a least", () => {
  it.each([
    ['a list of 3 given 1', z.object({ a: z.array(z.number()).length(3) }), { a: [1] }, 'must hold exactly 3 items, got 1'],
    ['a list of 3 given 4', z.object({ a: z.array(z.number()).length(3) }), { a: [1, 2, 3, 4] }, 'must hold exactly 3 items, got 4'],
    ['a text of 3 given 2', z.object({ a: z.string().length(3) }), { a: 'ab' }, 'must be exactly 3 characters, got 2'],
  ])('%s', (_, schema, input, message) => {
    const parsed = schema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(flattenIssues(parsed.error!.issues, input)).toEqual([{ path: ['a'], message }]);
  });
});
