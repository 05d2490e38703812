/**
 * Issue 14 (messages a newcomer reads): a field that takes one of a few words, or a word or a
 * list, says what it takes and what it got, with a near miss. zod's own text reached the user:
 * 'overflow: Invalid option: expected one of "lost"|"carry"' (no value, no hint, a `|` list),
 * 'renewalCalendar: Invalid input: expected "uniform"' for a number (the list form not named),
 * 'expected array, got "Uniform"' for the word in another case (the word not named), and a target's
 * `metric: ending_arr` got no hint though --target gives one. A list where the seed goes said it
 * must be 1 to 200 characters as well.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
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
