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
  ])('seed: %s', (written, expected) => {
    expect(scenarioErrorLines(() => parseScenario(withSeed(written), 'p.yaml'))).toEqual([expected]);
  });

  it('in JSON, in a flow mapping and through an alias alike', () => {
    const json = JSON.stringify({ ...JSON.parse(JSON.stringify(parseScenario(MINIMAL, 'p.yaml').scenario)), seed: 0 }).replace('"seed":0', '"seed":7.0');
    expect(scenarioErrorLines(() => parseScenario(json, 'p.json'))[0]).toMatch(/^p\.json:1:\d+ seed: "7\.0" is read by YAML as the number 7/);
    expect(scenarioErrorLines(() => parseScenario(`{ seed: 07 }\n`, 'p.yaml'))).toEqual(['p.yaml:1:9 seed: "07" is read by YAML as the number 7, so the run\'s seed would be "7", not "07" as --seed reads it: write seed: 7, or seed: "07" in quotes']);
    expect(scenarioErrorLines(() => parseScenario(withSeed('*s').replace('trials: 2000', 'trials: 2000\nx-anchor: &s 7.0'), 'p.yaml'))[0]).toMatch(/seed: "7\.0" is read by YAML as the number 7/);
  });

  it('in a base, at the base’s line', async () => {
    const dir = writeFiles({ 'base.yaml': withSeed('7.0'), 'plan.yaml': 'extends: base.yaml\nname: Plan\n' });
    expect(await loadProblems(join(dir, 'plan.yaml'), dir)).toEqual([whole('7.0', '7').replace('p.yaml', '<dir>/base.yaml')]);
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
    for (const command of [['validate'], ['run', '--trials', '300', '--workers', '0', '--out', join(dir, 'out')]]) {
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
