import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asOfMonths, digitsNumber, wholeNumber } from '../../src/cli/parse-options.js';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess } from '../helpers/cli.js';

const minimal = join(ROOT, 'test/fixtures/minimal.yaml');
const STACK = /\n\s+at /;

/** Every whole-number option of every command: the flag as commander prints it, its reader's name and least value, and whether it counts (20k, 2e4) or names (plain digits). */
const OPTIONS: Array<{ command: string[]; flag: string; name: string; min: number; kind: 'count' | 'digits'; extra?: string[]; example?: number }> = [
  { command: ['run', minimal], flag: '-n, --trials <n>', name: 'trials', min: 1, kind: 'count' },
  { command: ['run', minimal], flag: '-w, --workers <n>', name: 'workers', min: 0, kind: 'digits' },
  { command: ['run', minimal], flag: '--max-trials <n>', name: 'max-trials', min: 1, kind: 'count' },
  { command: ['run', minimal], flag: '--as-of <month>', name: 'as-of', min: 1, kind: 'digits' },
  { command: ['compare', minimal, minimal], flag: '-n, --trials <n>', name: 'trials', min: 1, kind: 'count' },
  { command: ['compare', minimal, minimal], flag: '-w, --workers <n>', name: 'workers', min: 0, kind: 'digits' },
  // A port's example is 8080: the others' 2 (their least value, or 2) is a port only root may open.
  { command: ['studio', minimal], flag: '--port <n>', name: 'port', min: 0, kind: 'digits', example: 8080 },
  { command: ['studio', minimal], flag: '-n, --trials <n>', name: 'trials', min: 1, kind: 'count' },
  { command: ['studio', minimal], flag: '-w, --workers <n>', name: 'workers', min: 1, kind: 'digits' },
];

/** Refused by every whole-number option: spaces, signs, leading zeros, fractions, %, hex, other digits, infinite. */
const JUNK = [' 80', '80 ', '\t80', '80\n', ' ', '', '+80', '-80', '080', '80.0', '80.', '.5', '8000%', '80%', '0x10', '0b1', '0o7', '1e-0', '2e+3', '8_0', '8,0', '80,', '８０', '٨٠', '80 k', 'Infinity', 'NaN', '1e400', '1.5', '1.2345k'];
/** Refused too by an option that names a number (port, workers, as-of), where a count would take them. */
const NOT_DIGITS = ['1e3', '8k', '1.5M', '8,080', '8_080'];

const longFlag = (flag: string) => /--[a-z-]+/.exec(flag)![0];

describe('whole-number options refuse anything but the number, naming the option (exit 2, before anything runs)', () => {
  const cases = OPTIONS.flatMap((o) => [...JUNK, ...(o.kind === 'digits' ? NOT_DIGITS : [])].map((text) => [`${o.command[0]} ${longFlag(o.flag)} ${JSON.stringify(text)}`, o, text] as const));
  it.each(cases)('%s', async (_, o, text) => {
    const out = join(mkdtempSync(join(tmpdir(), 'arrcast-whole-')), 'r');
    const args = [...o.command, longFlag(o.flag), text, ...(o.command[0] === 'studio' ? [] : ['--out', out])];
    const r = await arrcastInProcess(args);
    const rule = o.kind === 'count' ? `${o.name} must be a whole number >= ${o.min}` : `${o.name} must be a whole number >= ${o.min} in plain digits (e.g. ${o.example ?? Math.max(o.min, 2)})`;
    // Commander quotes the argument as typed (control characters shown escaped); the reason names the option and quotes it as JSON.
    expect(r.stderr.startsWith(`error: option '${o.flag}' argument '`)).toBe(true);
    expect(r.stderr.endsWith(`' is invalid. ${rule}, got ${JSON.stringify(text)}\n(arrcast ${o.command[0]} --help for usage)\n`)).toBe(true);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK);
    expect(existsSync(out)).toBe(false);
    expect(r.stdout).toBe('');
  });

  it('a count takes the forms scenario numbers name a whole number with, and nothing past its least value', () => {
    const read = wholeNumber('trials', 1);
    const taken: Array<[string, number]> = [['1', 1], ['20000', 20_000], ['20,000', 20_000], ['20_000', 20_000], ['20k', 20_000], ['20K', 20_000], ['1.5M', 1_500_000], ['2e4', 20_000], ['2E4', 20_000], ['1.25k', 1250], ['0.5k', 500], ['1,000,000', 1_000_000]];
    expect(taken.map(([text]) => read(text))).toEqual(taken.map(([, value]) => value));
    expect(() => read('0')).toThrow('trials must be a whole number >= 1, got "0"');
    expect(() => read('0k')).toThrow('trials must be a whole number >= 1, got "0k"');
  });

  it('a whole number past 2^53 - 1 (which a double cannot hold exactly) is refused as too large, not as not whole', () => {
    const rule = (name: string) => `${name} must be at most 9007199254740991 (2^53 - 1), which a double holds exactly, got `;
    for (const text of ['9007199254740992', '9007199254740993', '1e16']) expect(() => wholeNumber('trials', 1)(text), text).toThrow(`${rule('trials')}${JSON.stringify(text)}`);
    for (const text of ['9007199254740992', '9007199254740993', '12345678901234567890']) expect(() => digitsNumber('port', 0)(text), text).toThrow(`${rule('port')}${JSON.stringify(text)}`);
    expect(wholeNumber('trials', 1)('9007199254740991')).toBe(9_007_199_254_740_991);
    expect(digitsNumber('port', 0)('9007199254740991')).toBe(9_007_199_254_740_991);
  });

  // Without --actuals, --as-of 0 was told to 'run without --actuals for it' (the option parser refused
  // 0 before the command saw --actuals was missing); --as-of 3 is told it goes with --actuals.
  it('--as-of 0 with --actuals is refused saying it asks for the plan itself and how to run that; without, that --as-of goes with --actuals', async () => {
    expect([asOfMonths('1'), asOfMonths('12'), asOfMonths('0')]).toEqual([1, 12, 0]);
    const words = '--as-of 0 closes no month, and a forecast from no closed month is the plan itself (the scenario simulated from the start of the year): run without --actuals for it (--as-of takes 1 to the months the file covers)';
    const out = join(mkdtempSync(join(tmpdir(), 'arrcast-asof-')), 'r');
    const withActuals = await arrcastInProcess(['run', 'scenarios/example.yaml', '--actuals', 'scenarios/example-actuals.csv', '--as-of', '0', '--out', out]);
    expect(withActuals.stderr).toBe(`arrcast: ${words}\n`);
    expect(withActuals.code).toBe(2);
    for (const asOf of ['0', '3']) {
      const r = await arrcastInProcess(['run', minimal, '--as-of', asOf, '--out', out]);
      expect(r.stderr, asOf).toBe('arrcast: --as-of goes with --actuals\n');
      expect(r.code).toBe(2);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('a number that names something takes plain digits only', () => {
    expect(['0', '7', '8080', '65535'].map(digitsNumber('port', 0))).toEqual([0, 7, 8080, 65_535]);
    expect(() => digitsNumber('workers', 1)('0')).toThrow('workers must be a whole number >= 1 in plain digits (e.g. 2), got "0"');
  });
});
