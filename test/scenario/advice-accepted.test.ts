import { describe, expect, it } from 'vitest';
import { readHumanNumber, type NumberKind } from '../../src/scenario/human-number.js';
import { parseShare } from '../../src/cli/parse-options.js';
import { amountPointProblem, dateFormProblem, numberFormProblem } from '../../src/scenario/export-forms.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { fixtureText } from '../helpers/fixtures.js';

/**
 * Every "did you mean" / "write X" advice names a value the same reader then accepts, meaning what
 * the planner most likely meant (values written by hand). `00,125` was answered "00.125", `$1,5M`
 * "write 1,5M" (refused next), `86,5%` in an amount "86.5%?" (an amount refuses %), an escalator
 * of 60 "0.6?" (an escalator stops at 0.5), a share of -5 "-0.05?", a money cell of `1,234` "1.234"
 * (a money column refuses 1.234 as a thousands point or a decimal one).
 */

/** The number advised in a human-number message: after "did you mean " or "write ", else undefined. */
const advised = (message: string): string | undefined => /(?:did you mean |: write )(\S+?)\??(?: \(|$)/.exec(message)?.[1];

const NUMBERS: ReadonlyArray<[text: string, kind: NumberKind, meant: string | null, value?: number]> = [
  // Decimal commas.
  ['0,86', 'any', '0.86', 0.86],
  ['0,125', 'any', '0.125', 0.125],
  ['00,125', 'any', '0.125', 0.125],
  ['-007,5', 'units', '-7.5', -7.5],
  ['2,4M', 'amount', '2.4M', 2.4e6],
  ['86,5%', 'any', '86.5%', 0.865],
  ['86,5%', 'amount', null],
  ['12,5 %', 'count', null],
  ['1,5', 'whole', null],
  ['1,5', 'count', '1.5', 1.5],
  // Thousands separators.
  ['1.200.000', 'amount', '1200000', 1.2e6],
  ['1.200,50', 'amount', '1200.50', 1200.5],
  ['0.200.000', 'any', null],
  ['1 200 000', 'count', '1200000', 1.2e6],
  ['0 200', 'any', null],
  // Multipliers in words.
  ['5MM', 'amount', '5M', 5e6],
  ['01 million', 'amount', '1M', 1e6],
  ['1,500MM', 'amount', '1,500M', 1.5e9],
  ['0,500 thousand', 'any', null],
  ['2 bn', 'whole', '2B', 2e9],
  // Currency signs.
  ['$110k', 'amount', '110k', 110e3],
  ['-$5M', 'any', '-5M', -5e6],
  ['-$ 5M', 'any', '-5M', -5e6],
  ['$1,5M', 'amount', '1.5M', 1.5e6],
  ['€ 1.200.000', 'amount', '1200000', 1.2e6],
  ['£2 million', 'amount', '2M', 2e6],
  ['$85%', 'amount', null],
];

describe('number advice names a number the field then reads, the one most likely meant', () => {
  it.each(NUMBERS)('%s as %s', (text, kind, meant, value) => {
    const r = readHumanNumber(text, kind);
    expect(r.ok).toBe(false);
    const message = r.ok ? '' : r.message;
    expect(advised(message) ?? null).toBe(meant);
    if (meant === null) {
      expect(message).not.toMatch(/did you mean|: write \S*\d/);
      return;
    }
    expect(readHumanNumber(meant, kind)).toEqual({ ok: true, value });
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

const base = fixtureText('minimal.yaml');
const edit = (from: string, to: string) => {
  if (!base.includes(from)) throw new Error(`fixture has no ${from}`);
  return base.replace(from, to);
};
const problems = (yaml: string): string[] => {
  try {
    parseScenario(yaml, 'bad.yaml');
  } catch (err) {
    if (err instanceof ScenarioError) return err.message.split('\n');
    throw err;
  }
  return [];
};
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
  ['1,234', [1234, 1.234]],
  ['00,125', [0.125]],
  ['0,125', [0.125]],
  ['1.234,5', [1234.5]],
  ['(1,234)', [-1234, -1.234]],
  ['€1.234', [1234, 1.234]],
  ['1 234,5', [1234.5]],
];

describe('a CSV money cell is told to write numbers a money column takes', () => {
  it.each(CELLS)('%s', (cell, values) => {
    const message = numberFormProblem(cell)!;
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
