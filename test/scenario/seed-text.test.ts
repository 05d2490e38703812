import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/parse.js';
import { fixtureText, loadProblems, scenarioErrorLines, writeFiles } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';
import { simulate } from '../../src/engine/simulate.js';
import { RunOptionError } from '../../src/engine/errors.js';

/**
 * Seeds are strings, and `--seed 7.0` is the seed "7.0". YAML read `seed: 7.0` (and 07, +7, 1e3,
 * 0x10, ...) as a number, so the file ran the seed "7" where the command line's same text ran
 * "7.0": two runs for one seed, and nothing to say so. Such a seed is refused at its line; a seed
 * written as its number reads (7, 42) or in quotes keeps its meaning.
 */
const MINIMAL = fixtureText('minimal.yaml');
const withSeed = (seed: string) => MINIMAL.replace('seed: 3\n', `seed: ${seed}\n`);
const whole = (written: string, read: string) => `p.yaml:4:7 seed: "${written}" is read by YAML as the number ${read}, so the run's seed would be "${read}", not "${written}" as --seed reads it: write seed: ${read}, or seed: "${written}" in quotes`;
const quoteOnly = (written: string, read: string) => `p.yaml:4:7 seed: "${written}" is read by YAML as the number ${read}, not as the seed "${written}" that --seed reads: write it in quotes, seed: "${written}"`;

describe('a seed written as a number that is not the seed it reads as is refused at its line', () => {
  it.each<[string, string]>([
    ['7.0', whole('7.0', '7')],
    ['07', whole('07', '7')],
    ['+7', whole('+7', '7')],
    ['7.', whole('7.', '7')],
    ['1e3', whole('1e3', '1000')],
    ['0x10', whole('0x10', '16')],
    ['0o17', whole('0o17', '15')],
    ['-0', whole('-0', '0')],
    ['42.000', whole('42.000', '42')],
    ['7.50', quoteOnly('7.50', '7.5')],
    ['.inf', quoteOnly('.inf', 'Infinity')],
    ['-.inf', quoteOnly('-.inf', '-Infinity')],
    ['.nan', quoteOnly('.nan', 'NaN')],
    ['1E3', whole('1E3', '1000')],
    ['+0', whole('+0', '0')],
  ])('seed: %s', (written, expected) => {
    expect(scenarioErrorLines(() => parseScenario(withSeed(written), 'p.yaml'))).toEqual([expected]);
  });

  it('in JSON (worded in JSON: 7, or "7.0" as a string), in a flow mapping and through an alias alike', () => {
    const json = (seed: string) => JSON.stringify({ ...JSON.parse(JSON.stringify(parseScenario(MINIMAL, 'p.yaml').scenario)), seed: 0 }).replace('"seed":0', `"seed":${seed}`);
    const at = `p.json:1:${json('7.0').indexOf('7.0') + 1}`;
    expect(scenarioErrorLines(() => parseScenario(json('7.0'), 'p.json'))).toEqual([
      `${at} seed: "7.0" is read as the number 7, so the run's seed would be "7", not "7.0" as --seed reads it: write 7, or "7.0" as a string`,
    ]);
    expect(scenarioErrorLines(() => parseScenario(json('1E3'), 'P.JSON'))).toEqual([
      `${at.replace('p.json', 'P.JSON')} seed: "1E3" is read as the number 1000, so the run's seed would be "1000", not "1E3" as --seed reads it: write 1000, or "1E3" as a string`,
    ]);
    expect(scenarioErrorLines(() => parseScenario(json('7.50'), 'p.json'))).toEqual([`${at} seed: "7.50" is read as the number 7.5, not as the seed "7.50" that --seed reads: write it as a string, "7.50"`]);
    expect(parseScenario(json('7'), 'p.json').scenario.seed).toBe(7);
    expect(scenarioErrorLines(() => parseScenario(`{ seed: 07 }\n`, 'p.yaml'))).toContain('p.yaml:1:9 seed: "07" is read by YAML as the number 7, so the run\'s seed would be "7", not "07" as --seed reads it: write seed: 7, or seed: "07" in quotes');
    expect(scenarioErrorLines(() => parseScenario(withSeed('*s').replace('trials: 2000', 'trials: 2000\nx-anchor: &s 7.0'), 'p.yaml'))).toContainEqual(expect.stringMatching(/^p\.yaml:5:7 seed: "7\.0" is read by YAML as the number 7/));
  });

  it('in a base, at the base’s line', async () => {
    const dir = writeFiles({ 'base.yaml': withSeed('7.0'), 'plan.yaml': 'extends: base.yaml\nname: Plan\n' });
    expect(await loadProblems(join(dir, 'plan.yaml'), dir)).toEqual([whole('7.0', '7').replace('p.yaml', '<dir>/base.yaml')]);
  });

  // The base is ambiguous on its own (it may be run, or extended by another file), so its seed is
  // refused even where the extending file gives its own.
  it('in a base whose seed the extending file overrides', async () => {
    const dir = writeFiles({ 'base.yaml': withSeed('7.0'), 'plan.yaml': 'extends: base.yaml\nname: Plan\nseed: 9\n' });
    expect(await loadProblems(join(dir, 'plan.yaml'), dir)).toEqual([whole('7.0', '7').replace('p.yaml', '<dir>/base.yaml')]);
  });
});

// Before: the seed's refusal was thrown as the file was read, before the schema ran, so it was
// the only problem shown, against "every problem in a file is reported at once".
describe('a misread seed is reported with the file’s other problems, in line order', () => {
  it('in one file (parseScenario and loadScenario alike)', async () => {
    const text = withSeed('7.0').replace('trials: 2000', 'trials: -5').replace('conversion: 0.05', 'conversion: 2');
    const expected = ['p.yaml:3:9 trials: must be at least 1, got -5', whole('7.0', '7'), 'p.yaml:13:19 tiers[0].newBusiness.conversion: a rate must be within [0, 1]; did you mean 0.02 (or 2%)?'];
    expect(scenarioErrorLines(() => parseScenario(text, 'p.yaml'))).toEqual(expected);
    const dir = writeFiles({ 'p.yaml': text });
    expect(await loadProblems(join(dir, 'p.yaml'), dir)).toEqual(expected.map((line) => `<dir>/${line}`));
  });

  it('beside an extends that parseScenario cannot resolve', () => {
    expect(scenarioErrorLines(() => parseScenario('extends: base.yaml\nseed: 07\n', 'p.yaml'))).toEqual([
      'p.yaml:1:10 extends: a scenario that extends another must be read from its file (loadScenario, or the arrcast commands), which resolves the base path',
      'p.yaml:2:7 seed: "07" is read by YAML as the number 7, so the run\'s seed would be "7", not "07" as --seed reads it: write seed: 7, or seed: "07" in quotes',
    ]);
  });

  it('a base’s seed beside the extending file’s problems, and each file’s own seed', async () => {
    const dir = writeFiles({
      'base.yaml': withSeed('7.0'),
      'plan.yaml': 'extends: base.yaml\nname: Plan\ntrials: -5\n',
      'both.yaml': 'extends: base.yaml\nseed: +9\ntrials: 0\n',
    });
    const inBase = whole('7.0', '7').replace('p.yaml', '<dir>/base.yaml');
    expect(await loadProblems(join(dir, 'plan.yaml'), dir)).toEqual(['<dir>/plan.yaml:3:9 trials: must be at least 1, got -5', inBase]);
    expect(await loadProblems(join(dir, 'both.yaml'), dir)).toEqual([
      '<dir>/both.yaml:2:7 seed: "+9" is read by YAML as the number 9, so the run\'s seed would be "9", not "+9" as --seed reads it: write seed: 9, or seed: "+9" in quotes',
      '<dir>/both.yaml:3:9 trials: must be at least 1, got 0',
      inBase,
    ]);
  });

  // The meaning of existing files is unchanged: a plain whole number is the seed of its digits.
  it.each<[string, string | number]>([
    ['7', 7],
    ['42', 42],
    ['0', 0],
    ['9007199254740991', 9007199254740991],
    ['"7.0"', '7.0'],
    ["'07'", '07'],
    ['abc', 'abc'],
    ['7_000', '7_000'],
  ])('seed: %s is read as before', (written, seed) => {
    expect(parseScenario(withSeed(written), 'p.yaml').scenario.seed).toBe(seed);
  });
});

describe('the CLI: the file and --seed agree for the same text', () => {
  const run = async (file: string, out: string, ...extra: string[]) => {
    const r = await runCli('run', file, '--trials', '300', '--workers', '0', '--quiet', '--no-progress', '--outputs', 'summary', '--out', out, ...extra);
    expect(r.code, r.err).toBe(0);
    return JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { seed: string; metrics: { revenue: { mean: number } } };
  };

  it('a file with seed: 7.0 exits 2 at its line, before anything runs', async () => {
    const dir = writeFiles({ 'p.yaml': withSeed('7.0') });
    // With --seed too: the file is ambiguous on its own, whichever seed this run takes.
    for (const command of [['validate'], ['run', '--trials', '300', '--workers', '0', '--out', join(dir, 'out')], ['run', '--seed', '9', '--trials', '300', '--workers', '0', '--out', join(dir, 'out')]]) {
      const [name, ...rest] = command;
      const r = await runCli(name!, join(dir, 'p.yaml'), ...rest);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${join(dir, 'p.yaml')}:4:7 seed: "7.0" is read by YAML as the number 7`);
    }
  });

  it('--seed 7.0 runs the file’s seed: "7.0", --seed 7 the file’s seed: 7, and the two differ', async () => {
    const dir = writeFiles({ 'quoted.yaml': withSeed('"7.0"'), 'plain.yaml': withSeed('7'), 'other.yaml': withSeed('1') });
    const fileQuoted = await run(join(dir, 'quoted.yaml'), join(dir, 'a'));
    const flagQuoted = await run(join(dir, 'other.yaml'), join(dir, 'b'), '--seed', '7.0');
    const filePlain = await run(join(dir, 'plain.yaml'), join(dir, 'c'));
    const flagPlain = await run(join(dir, 'other.yaml'), join(dir, 'd'), '--seed', '7');
    expect([fileQuoted.seed, flagQuoted.seed, filePlain.seed, flagPlain.seed]).toEqual(['7.0', '7.0', '7', '7']);
    expect(flagQuoted.metrics.revenue.mean).toBe(fileQuoted.metrics.revenue.mean);
    expect(flagPlain.metrics.revenue.mean).toBe(filePlain.metrics.revenue.mean);
    expect(flagQuoted.metrics.revenue.mean).not.toBe(flagPlain.metrics.revenue.mean);
  });
});

describe('the library: a seed given as a number must read back as written', () => {
  const loaded = parseScenario(MINIMAL, 'p.yaml');
  // Before: each ran, as the seed "NaN", "Infinity", "9007199254740992" or "1e+21".
  it.each<[string, number, string]>([
    ['NaN (a failed Number())', NaN, 'NaN'],
    ['an infinity', Infinity, 'Infinity'],
    ['a whole number past 2^53 - 1', 2 ** 53 + 1, '9007199254740992'],
    ['one written with an exponent', 1e21, '1e+21'],
    ['a tiny one written with an exponent', 1e-7, '1e-7'],
  ])('%s is refused by name', async (_, seed, read) => {
    await expect(simulate(loaded, { trials: 10, workers: 0, seed })).rejects.toThrow(
      new RunOptionError('seed', `a seed given as a number must be finite and at most 9007199254740991 (2^53 - 1) in size, written without an exponent (got ${seed}, which would be the seed "${read}"); give other seeds as a string`),
    );
  });

  it('whole numbers, fractions and negatives that read back run as before: 7 is "7"', async () => {
    for (const [seed, same] of [[7, '7'], [9007199254740991, '9007199254740991'], [7.5, '7.5'], [-3, '-3']] as const) {
      const a = await simulate(loaded, { trials: 10, workers: 0, seed });
      const b = await simulate(loaded, { trials: 10, workers: 0, seed: same });
      expect(a.seed).toBe(same);
      expect(a.store.column('revenue')).toEqual(b.store.column('revenue'));
    }
  });
});
