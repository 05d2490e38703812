import { describe, expect, it } from 'vitest';
import { readHumanNumber, type NumberKind } from '../../src/scenario/human-number.js';
import { parseShare, parseTarget } from '../../src/cli/parse-options.js';
import { amountPointProblem, dateFormProblem, numberFormProblem } from '../../src/scenario/export-forms.js';
import { parseScenario } from '../../src/scenario/parse.js';
import type { Scenario } from '../../src/scenario/scenario-schema.js';
import { checkedTargets } from '../../src/analysis/targets-option.js';
import { editMinimal, scenarioProblems } from '../helpers/scenario-problems.js';

/**
 * Every "did you mean" / "write X" advice names a value the field then takes (its whole schema, with
 * the advice put in place), meaning what the planner most likely meant (values written by hand), or
 * none: `5,5` as a rate was told "5.5?", then "must be within [0, 1]". `00,125` was answered "00.125", `$1,5M`
 * "write 1,5M" (refused next), `86,5%` in an amount "86.5%?" (an amount refuses %), an escalator
 * of 60 "0.6?" (an escalator stops at 0.5), a share of -5 "-0.05?", a money cell of `1,234` "1.234"
 * (a money column refuses 1.234 as a thousands point or a decimal one).
 */

/** The number advised in a human-number message: after "did you mean " or "write ", else undefined. */
const advised = (message: string): string | undefined => /(?:did you mean |: write )(\S+?)\??(?: \(|$)/.exec(message)?.[1];

/** A number field of the scenario: the file with `text` in it, its kind, and the number it then holds. */
interface Field {
  readonly yaml: (text: string) => string;
  readonly kind: NumberKind;
  readonly value: (s: Scenario) => unknown;
}
const quoted = (text: string) => JSON.stringify(text);
const tier = (s: Scenario) => s.tiers[0]!;
/** A rate in [0, 1]. */
const conversion: Field = { yaml: (t) => editMinimal(['conversion: 0.05', `conversion: ${quoted(t)}`]), kind: 'any', value: (s) => tier(s).newBusiness!.conversion };
/** An amount, 0 or more. */
const openingArr: Field = { yaml: (t) => editMinimal(['openingArr: 1200000', `openingArr: ${quoted(t)}`]), kind: 'amount', value: (s) => tier(s).existing!.openingArr };
/** A mean count, above 0. */
const leads: Field = {
  yaml: (t) => editMinimal(['leadsPerMonth: { dist: poisson, mean: 100 }', `leadsPerMonth: { dist: poisson, mean: ${quoted(t)} }`]),
  kind: 'count',
  value: (s) => (tier(s).newBusiness!.leadsPerMonth as { mean: unknown }).mean,
};
/** A whole number. */
const customers: Field = { yaml: (t) => editMinimal(['customers: 120', `customers: ${quoted(t)}`]), kind: 'whole', value: (s) => tier(s).existing!.customers };
/** A number in its own units (standard deviations), negative or not. */
const factor: Field = { yaml: (t) => editMinimal(['seed: 3', `seed: 3\nmarket: { factor: ${quoted(t)}, loadings: { renewal: 0.3 } }`]), kind: 'units', value: (s) => s.market?.factor };

/**
 * A text written where a field goes, and the advice its message gives (null: none, since the field
 * refuses that number too: its kind, its range or the distribution around it), and the value meant.
 */
const NUMBERS: ReadonlyArray<[text: string, field: Field, meant: string | null, value?: number]> = [
  // Decimal commas.
  ['0,86', conversion, '0.86', 0.86],
  ['0,125', conversion, '0.125', 0.125],
  ['00,125', conversion, '0.125', 0.125],
  ['-001,5', factor, '-1.5', -1.5],
  // -7.5 standard deviations is past the factor's range.
  ['-007,5', factor, null],
  ['2,4M', openingArr, '2.4M', 2.4e6],
  ['86,5%', conversion, '86.5%', 0.865],
  ['86,5%', openingArr, null],
  ['12,5 %', leads, null],
  ['1,5', customers, null],
  ['1,5', leads, '1.5', 1.5],
  // Read as a number the field's range refuses: no advice (it was "5.5?", then "must be within [0, 1]").
  ['5,5', conversion, null],
  ['-1,2M', openingArr, null],
  ['-0,2', leads, null],
  // Thousands separators.
  ['1.200.000', openingArr, '1200000', 1.2e6],
  ['1.200,50', openingArr, '1200.50', 1200.5],
  ['0.200.000', conversion, null],
  ['1 200', leads, '1200', 1200],
  ['0 200', conversion, null],
  // Multipliers in words.
  ['5MM', openingArr, '5M', 5e6],
  ['01 million', openingArr, '1M', 1e6],
  ['1,500MM', openingArr, '1,500M', 1.5e9],
  ['0,500 thousand', conversion, null],
  ['2 thousand', customers, '2k', 2000],
  // Currency signs.
  ['$110k', openingArr, '110k', 110e3],
  ['$1,5M', openingArr, '1.5M', 1.5e6],
  ['€ 1.200.000', openingArr, '1200000', 1.2e6],
  ['£2 million', openingArr, '2M', 2e6],
  ['$85%', openingArr, null],
  ['-$5M', openingArr, null],
  ['-$ 1,5', factor, '-1.5', -1.5],
];

describe('number advice names a number the field then takes, the one most likely meant', () => {
  it.each(NUMBERS)('%s', (text, field, meant, value) => {
    const said = scenarioProblems(field.yaml(text));
    expect(said).toHaveLength(1);
    const message = said[0]!;
    expect(message).toContain(quoted(text));
    expect(advised(message) ?? null).toBe(meant);
    if (meant === null) {
      expect(message).not.toMatch(/did you mean|: write \S*\d/);
      return;
    }
    // The advice, put in its place, is taken by the whole schema, as the number meant.
    expect(scenarioProblems(field.yaml(meant))).toEqual([]);
    expect(field.value(parseScenario(field.yaml(meant), 'meant.yaml').scenario)).toBe(value);
    expect(readHumanNumber(meant, field.kind)).toEqual({ ok: true, value });
  });

  it('a library caller\'s targets: a target value the schema then takes, or none', () => {
    const refusal = (value: string) => {
      try {
        checkedTargets({ metrics: [{ metric: 'revenue', value }] });
      } catch (err) {
        return (err as Error).message;
      }
      throw new Error(`${value} was taken`);
    };
    expect(advised(refusal('2,5M'))).toBe('2.5M');
    expect(checkedTargets({ metrics: [{ metric: 'revenue', value: '2.5M' }] }).metrics[0]!.value).toBe(2.5e6);
    expect(refusal('-2,5M')).not.toMatch(/did you mean/);
  });

  it('--target: the amount and the target form it advises, each taken', () => {
    const refusal = (text: string) => {
      try {
        parseTarget(text);
      } catch (err) {
        return (err as Error).message;
      }
      throw new Error(`${text} was taken`);
    };
    const TARGETS: ReadonlyArray<[text: string, write: string | null]> = [
      ['revenue: 22,5M', 'revenue=22.5M'],
      ['revenue >= $22M', 'revenue=22M'],
      ['SMB:bookings ≥ 1.200.000', 'SMB:bookings=1200000'],
      ['revenue: 22M', 'revenue=22M'],
      ['revenue >= -$5M', null],
      ['revenue: -1,2M', null],
      ['revenue=-$5M', null],
      ['revenue=-1,2M', null],
    ];
    for (const [text, write] of TARGETS) {
      const message = refusal(text);
      const form = /write (\S+=\S+?)(?: |$)/.exec(message)?.[1] ?? null;
      const amount = /(?:did you mean |: write )(\S+?)\??(?: \(|$)/.exec(message)?.[1];
      expect(form === null || form.endsWith('=AMOUNT,') ? null : form, message).toBe(write);
      if (write !== null) expect(parseTarget(write)).toHaveLength(1);
      else if (amount !== undefined) expect(amount, message).not.toMatch(/\d/);
    }
  });

  it('--confidence: a share the option takes, or none', () => {
    const refusal = (text: string) => {
      try {
        parseShare('confidence')(text);
      } catch (err) {
        return (err as Error).message;
      }
      throw new Error(`${text} was taken`);
    };
    expect(refusal('0,8')).toMatch(/did you mean 0\.8\? /);
    expect(parseShare('confidence')('0.8')).toBe(0.8);
    // 1,5 is 1.5, which no share is: no "did you mean 1.5?".
    expect(refusal('1,5')).not.toMatch(/did you mean/);
    // 8e1 is 80: "80%", not "8e1%" (refused: an exponent and a suffix).
    expect(refusal('8e1')).toMatch(/did you mean 80%\?$/);
    expect(parseShare('confidence')('80%')).toBe(0.8);
  });
});

const edit = (from: string, to: string) => editMinimal([from, to]);
const problems = scenarioProblems;
const TERMS = 'conversion: 0.05';
const terms = (t: string) => edit(TERMS, `${TERMS}\n      terms: [${t}]`);

/** A value written as a percent, the field's message, and the fraction advised (null: none, the field refuses it too). */
const PERCENTS: ReadonlyArray<[name: string, yaml: (v: string) => string, written: string, fraction: string | null]> = [
  ['an escalator of 5', (v) => terms(`{ months: 36, share: 1, escalator: ${v} }`), '5', '0.05'],
  ['an escalator of 60 (at most 0.5)', (v) => terms(`{ months: 36, share: 1, escalator: ${v} }`), '60', null],
  ['a term share of -5 (at least 0)', (v) => terms(`{ months: 12, share: ${v} }`), '-5', null],
  ['a renewal beta mean of 90', (v) => edit('renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }', `renewalRate: { dist: beta, mean: ${v}, sd: 0.02 }`), '90', '0.9'],
  ['a renewal beta mean of 100 (strictly below 1)', (v) => edit('renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }', `renewalRate: { dist: beta, mean: ${v}, sd: 0.02 }`), '100', null],
  ['a conversion of -5 (at least 0)', (v) => edit(TERMS, `conversion: ${v}`), '-5', null],
  ['a conversion of 5', (v) => edit(TERMS, `conversion: ${v}`), '5', '0.05'],
];

describe("a percent hint names a fraction the field then takes, or none", () => {
  it.each(PERCENTS)('%s', (_, yaml, written, fraction) => {
    const said = problems(yaml(written));
    expect(said.length).toBeGreaterThan(0);
    const hinted = said.map((line) => /did you mean (\S+) \(or/.exec(line)?.[1]).filter((x) => x !== undefined);
    expect(hinted[0] ?? null).toBe(fraction);
    if (fraction !== null) expect(problems(yaml(fraction))).toEqual([]);
  });
});

/** What a money column of a CSV takes: a plain decimal that is not a point before groups of three (amountPointProblem). */
const moneyCellTaken = (cell: string) => /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(cell) && amountPointProblem(cell) === undefined;
/** The numbers a CSV message says to write. */
const written = (message: string) => [...message.matchAll(/(?:write |or )(-?[\d.]+)(?= \(|$)/g)].map((m) => m[1]!);

const CELLS: ReadonlyArray<[cell: string, values: number[]]> = [
  ['1,234', [1234]],
  ['00,125', [0.125]],
  ['0,125', [0.125]],
  ['1.234,5', [1234.5]],
  ['(1,234)', [-1234]],
  ['€1.234', [1234]],
  ['1 234,5', [1234.5]],
];

// A money column takes no 1.234 (amountPointProblem), and no 1.2340 either: money is not written to a
// fraction of a cent, so '1,234' there is told the thousands reading alone.
describe('a CSV money cell is told to write numbers a money column takes', () => {
  it.each(CELLS)('%s', (cell, values) => {
    const message = numberFormProblem(cell, true)!;
    const numbers = written(message);
    expect(numbers.map(Number)).toEqual(values);
    for (const n of numbers) expect(moneyCellTaken(n), `${n} in ${message}`).toBe(true);
  });
});

const DATES: ReadonlyArray<[cell: string, dates: string[]]> = [
  ['31.01.2026', ['2026-01-31']],
  ['31/01/2026', ['2026-01-31']],
  ['1/31/2026', ['2026-01-31']],
  ['01/02/2026', ['2026-01-02', '2026-02-01']],
  ['01.2026', ['2026-01']],
  ['2026.03', ['2026-03']],
  ['31-Jan-2026', ['2026-01-31']],
  ['2026-01-31 00:00:00', ['2026-01-31']],
  ['Jan-26', ['2026-01']],
  ['31.02.2026', []],
];

describe('a date in another form is told the ISO date it is', () => {
  it.each(DATES)('%s', (cell, dates) => {
    const message = dateFormProblem(cell)!;
    expect(message).toBeDefined();
    const isos = [...message.matchAll(/\b(\d{4}-\d{2}(?:-\d{2})?)\b/g)].map((m) => m[1]!);
    expect([...new Set(isos)]).toEqual(dates);
  });
});
