import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { RunOptionError } from '../../src/engine/errors.js';
import { resolveOptions } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { fixtureText, loadProblems, scenarioErrorLines, writeFiles } from '../helpers/fixtures.js';

/**
 * Issue 10, class 7: a seed in the file that is too long was blamed on --seed, with no file:line;
 * an unresolved YAML alias had no line or column.
 */
const MINIMAL = fixtureText('minimal.yaml');
/** The minimal scenario without its trials and seed, so a test can write them on line 1. */
const BASE = MINIMAL.replace('trials: 2000\nseed: 3\n', '');
const withSeed = (seed: string) => `seed: ${seed}\n${BASE}`;

describe('a bad seed in the file is blamed on its seed field, at its line', () => {
  it.each<[string, string, string[]]>([
    ['201 characters', withSeed('s'.repeat(201)), ['p.yaml:1:7 seed: must be 1 to 200 characters']],
    ['5,000 characters', withSeed('x'.repeat(5000)), ['p.yaml:1:7 seed: must be 1 to 200 characters']],
    ['an empty string', withSeed('""'), ['p.yaml:1:7 seed: must be 1 to 200 characters']],
    ['a negative number', withSeed('-3'), ['p.yaml:1:7 seed: must be at least 0, got -3']],
    ['a number past 2^53', withSeed('9007199254740993'), ['p.yaml:1:7 seed: a seed written as a number must be at most 9007199254740991 (2^53 - 1); write a longer one in quotes']],
  ])('%s', (_, yaml, expected) => {
    expect(scenarioErrorLines(() => parseScenario(yaml, 'p.yaml'))).toEqual(expected);
  });

  it('200 characters is a valid seed', () => {
    expect(parseScenario(withSeed('s'.repeat(200)), 'p.yaml').scenario.seed).toBe('s'.repeat(200));
  });

  it('a seed written in a base is blamed on the base, at its line', async () => {
    const dir = writeFiles({ 'base.yaml': withSeed('b'.repeat(300)), 'plan.yaml': 'extends: base.yaml\nname: Plan\n' });
    expect(await loadProblems(join(dir, 'plan.yaml'), dir)).toEqual(['<dir>/base.yaml:1:7 seed: must be 1 to 200 characters']);
  });

  it('a --seed that is too long is still blamed on --seed', () => {
    const loaded = parseScenario(MINIMAL, 'p.yaml');
    expect(() => resolveOptions(loaded, { seed: 'o'.repeat(201) })).toThrow(new RunOptionError('seed', 'must be 1 to 200 characters'));
  });
});

describe('an alias that names no anchor is refused at its line and column', () => {
  it.each<[string, string, string]>([
    ['with no anchor at all', `trials: *many\n${BASE}`, 'p.yaml:1:9 alias *many has no anchor &many before it: put the anchor on the value first, or write the value out'],
    ['before its anchor', `trials: *n\nseed: &n 5\n${BASE}`, 'p.yaml:1:9 alias *n has no anchor &n before it: put the anchor on the value first, or write the value out'],
    ['nested in a flow mapping', BASE.replace('mean: 100', 'mean: *m'), 'p.yaml:10:45 alias *m has no anchor &m before it: put the anchor on the value first, or write the value out'],
    ['inside the value it names', `x: &loop [1, *loop]\n${BASE}`, 'p.yaml:1:14 alias *loop is inside the value anchored &loop, so that value would contain itself: write the value out'],
    ['a long name, cut', `trials: *${'a'.repeat(60)}\n${BASE}`, `p.yaml:1:9 alias *${'a'.repeat(40)}… has no anchor &${'a'.repeat(40)}… before it: put the anchor on the value first, or write the value out`],
  ])('%s', (_, yaml, expected) => {
    expect(scenarioErrorLines(() => parseScenario(yaml, 'p.yaml'))).toEqual([expected]);
  });

  it('in a base, at the base’s line', async () => {
    const dir = writeFiles({ 'base.yaml': `trials: *t\n${BASE}`, 'plan.yaml': 'extends: base.yaml\n' });
    expect(await loadProblems(join(dir, 'plan.yaml'), dir)).toEqual([
      '<dir>/base.yaml:1:9 alias *t has no anchor &t before it: put the anchor on the value first, or write the value out',
    ]);
  });

  it('an anchor defined again is aliased at its latest definition, as YAML says', () => {
    const loaded = parseScenario(`trials: &n 1000\nseed: &n 7\nfiscalYearStartMonth: *n\n${BASE}`, 'p.yaml');
    expect(loaded.scenario.fiscalYearStartMonth).toBe(7);
  });
});
