import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { decodePartHeader, PartFileError } from '../../src/engine/part-format.js';
import { MergeError } from '../../src/engine/errors.js';
import { checkParts } from '../../src/engine/merge.js';
import { displayText, excerpt, quoteText } from '../../src/scenario/display-text.js';
import { readCustomerBooks } from '../../src/scenario/customer-book.js';
import { readPipelines } from '../../src/scenario/pipeline-file.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { fixtureText, scenarioErrorLines } from '../helpers/fixtures.js';
import { craftPart } from '../helpers/parts.js';
import { loadProblems, writeFiles } from '../helpers/fixtures.js';

/**
 * Error messages never print a file they were pointed at, and no terminal escape reaches stderr raw
 * (issue 10, class 3): user text is shown escaped (display-text.ts), excerpts of file content are
 * at most 40 characters, and at most 20 problems are listed from a file a scenario names.
 */

describe('displayText / quoteText / excerpt', () => {
  it.each<[string, string, string]>([
    ['ESC (a colour sequence)', 'a\u001b[31mb', 'a\\u{1b}[31mb'],
    ['BEL', 'ding\u0007', 'ding\\u{7}'],
    ['CR and LF (a forged second line)', 'x\r\ny', 'x\\u{d}\\u{a}y'],
    ['TAB', 'a\tb', 'a\\u{9}b'],
    ['DEL', 'a\u007f', 'a\\u{7f}'],
    ['a C1 control (CSI)', 'a\u009b2J', 'a\\u{9b}2J'],
    ['the line and paragraph separators', 'a\u2028b\u2029', 'a\\u{2028}b\\u{2029}'],
    ['a right-to-left override (Trojan Source)', 'abc\u202edef', 'abc\\u{202e}def'],
    ['an isolate and a mark', '\u2066x\u2069\u200f\u061c', '\\u{2066}x\\u{2069}\\u{200f}\\u{61c}'],
    ['plain text, accents and emoji, untouched', 'Acme, Inc — é 𝔸 😀', 'Acme, Inc — é 𝔸 😀'],
  ])('displayText escapes %s', (_, text, shown) => {
    expect(displayText(text)).toBe(shown);
  });

  it.each<[string, string, string]>([
    ['a short name', 'SMB', '"SMB"'],
    ['quotes and backslashes, as JSON writes them', 'Acme "EU" \\ x', '"Acme \\"EU\\" \\\\ x"'],
    ['a long value, cut at 40 characters', 'x'.repeat(100), `"${'x'.repeat(40)}…"`],
    ['exactly 40 characters, not cut', 'y'.repeat(40), `"${'y'.repeat(40)}"`],
    ['astral characters, cut between code points', '𝔸'.repeat(41), `"${'𝔸'.repeat(40)}…"`],
    ['controls, escaped after cutting', `\u001b]0;pwned\u0007${'z'.repeat(50)}`, `"\\u{1b}]0;pwned\\u{7}${'z'.repeat(30)}…"`],
  ])('quoteText: %s', (_, text, quoted) => {
    expect(quoteText(text)).toBe(quoted);
  });

  it('excerpt keeps short text whole and cuts long text with …', () => {
    expect(excerpt('abc', 3)).toBe('abc');
    expect(excerpt('abcd', 3)).toBe('abc…');
    expect(excerpt('', 3)).toBe('');
  });
});

/** A message must hold no raw control, separator or bidi character. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('scenario messages show user text escaped and cut', () => {
  const minimal = fixtureText('minimal.yaml');
  it.each<[string, string, string]>([
    ['an unknown key holding ESC and a bidi override', `${minimal}"\\e[31mred\\u202E": 1\n`, 'unknown key "\\u{1b}[31mred\\u{202e}"'],
    ['an unknown key of 300 characters', `${minimal}${'k'.repeat(300)}: 1\n`, `unknown key "${'k'.repeat(40)}…"`],
    ['an unknown dist holding BEL', minimal.replace(/dist: \w+/, 'dist: "be\\ata"'), 'unknown dist "be\\u{7}ta"'],
    ['a key with a line separator, in the path', minimal.replace('tiers:', 'stress: { "a\\u2028b": 1 }\ntiers:'), 'stress: unknown key "a\\u{2028}b"'],
    [
      'a tier name used twice, long and with BEL',
      minimal.replace('name: SMB', `name: "${'T'.repeat(50)}\\a"`) + `  - name: "${'T'.repeat(50)}\\a"\n    newBusiness: { leadsPerMonth: 1, conversion: 0.1, acv: 1 }\n`,
      `tier name "${'T'.repeat(40)}…" is used twice (also tiers[0])`,
    ],
    ['a target naming no tier, with ESC', `${minimal}targets: { metrics: [{ metric: revenue, value: 1, tier: "\\e[5m${'z'.repeat(60)}" }] }\n`, `no tier is named "\\u{1b}[5m${'z'.repeat(36)}…"`],
  ])('%s', (_, yaml, shown) => {
    const lines = scenarioErrorLines(() => parseScenario(yaml, 'p.yaml'));
    expect(lines.some((l) => l.includes(shown))).toBe(true);
    for (const line of lines) expect(line).not.toMatch(RAW);
  });

  it('a file name holding ESC is escaped in every line', () => {
    const lines = scenarioErrorLines(() => parseScenario('name: [x\n', 'evil\u001b[2J.yaml'));
    expect(lines[0]).toMatch(/^evil\\u\{1b\}\[2J\.yaml:/);
  });
});

const CAL = { year: 2027, startMonth: 1 };
const PASSWD = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';

describe('data files: what a message quotes of them is short and escaped', () => {
  it.each<[string, string, string[]]>([
    [
      'a file that is not a book (its first line is quoted as a column, cut)',
      PASSWD,
      [
        'b.csv:1:1 unknown column "root:x:0:0:root:/root:/bin/bash"; the columns are: id, tier, arr, next_renewal, term_months, renewals_completed, health, escalator',
        ...['id', 'tier', 'arr', 'next_renewal', 'term_months'].map((c) => `b.csv:1:1 ${c}: required column is missing (the header row has: "root:x:0:0:root:/root:/bin/bash")`),
      ],
    ],
    [
      'a header of many long columns (the row is cut at 40 characters)',
      `${Array.from({ length: 8 }, (_, i) => `secret_column_${i}_${'s'.repeat(30)}`).join(',')}\n1,2,3,4,5,6,7,8\n`,
      [`b.csv:1:1 the first row must be a header naming the columns (id, tier, arr, next_renewal, term_months, renewals_completed, health, escalator); got "secret_column_0_${'s'.repeat(24)}…"`],
    ],
    [
      'a tier cell holding a terminal title sequence',
      'id,tier,arr,next_renewal,term_months\nc1,\u001b]0;owned\u0007,100,3,12\n',
      ['b.csv:2:4 tier: no tier is named "\\u{1b}]0;owned\\u{7}"; the tiers using this file are: "smb"'],
    ],
    [
      'an id used twice, long',
      `id,tier,arr,next_renewal,term_months\n${'i'.repeat(60)},smb,1,3,12\n${'i'.repeat(60)},smb,1,3,12\n`,
      [`b.csv:3:1 id: "${'i'.repeat(40)}…" is used twice (also line 2)`],
    ],
    [
      'a number cell of 10,000 characters',
      `id,tier,arr,next_renewal,term_months\nc1,smb,${'9'.repeat(5000)}x${'9'.repeat(5000)},3,12\n`,
      [`b.csv:2:8 arr: expected a number, got "${'9'.repeat(40)}…"`],
    ],
    [
      'a whole-number cell with a long fraction',
      `id,tier,arr,next_renewal,term_months,renewals_completed\nc1,smb,1,3,12,1.${'5'.repeat(100)}\n`,
      [`b.csv:2:15 renewals_completed: must be a whole number, got 1.${'5'.repeat(38)}…`],
    ],
  ])('customer book: %s', (_, text, expected) => {
    expect(scenarioErrorLines(() => readCustomerBooks(text, 'b.csv', ['smb'], ['smb'], CAL))).toEqual(expected);
  });

  it('pipeline: an unknown stage with a bidi override is escaped and cut', () => {
    const text = `id,tier,amount,stage,close_month\no1,ent,100,Won\u202e${'x'.repeat(60)},2\n`;
    expect(scenarioErrorLines(() => readPipelines(text, 'p.csv', ['ent'], ['ent'], CAL, { Proposal: 0.3 }))).toEqual([
      `p.csv:2:12 stage: unknown stage "Won\\u{202e}${'x'.repeat(36)}…"; the stages are: Proposal`,
    ]);
  });

  it('at most 20 problems are listed from a book, then counted', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `c${i},smb,-${'7'.repeat(80)}x,3,12`).join('\n');
    const lines = scenarioErrorLines(() => readCustomerBooks(`id,tier,arr,next_renewal,term_months\n${rows}\n`, 'b.csv', ['smb'], ['smb'], CAL));
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('b.csv … and 180 more problems');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(100);
  });
});

describe('extends: a base that is not a scenario shows at most 20 short problems', () => {
  const shadow = Array.from({ length: 40 }, (_, i) => `user${i}:$6$${'s'.repeat(80)}:19000:0:99999:7:::`).join('\n');

  it('unknown keys from the base are cut to 40 characters, 20 listed, the rest counted', async () => {
    const dir = writeFiles({ 'shadow.yaml': `${shadow}\n`, 'plan.yaml': `${minimal()}extends: shadow.yaml\n` });
    const lines = await loadProblems(join(dir, 'plan.yaml'), dir);
    expect(lines).toHaveLength(22);
    expect(lines[0]).toBe('<dir>/plan.yaml:1:1 name: is required');
    expect(lines[1]).toBe(`<dir>/shadow.yaml:1:1 unknown key "user0:$6$${'s'.repeat(31)}…"; the keys here are: extends, name, description, fittedFrom, currency, fiscalYearStartMonth, fiscalYear, trials, seed, market, targets, stress, tiers`);
    expect(lines[20]).toBe(`<dir>/shadow.yaml:20:1 unknown key "user19:$6$${'s'.repeat(30)}…"`);
    expect(lines[21]).toBe('<dir>/shadow.yaml: and 20 more problems in this file (the first 20 are shown)');
  });

  it('YAML syntax errors in the base are capped the same way', async () => {
    const broken = Array.from({ length: 40 }, (_, i) => `k${i}: [${'b'.repeat(60)}`).join('\n');
    const dir = writeFiles({ 'base.yaml': `${broken}\n`, 'plan.yaml': 'extends: base.yaml\n' });
    const lines = await loadProblems(join(dir, 'plan.yaml'), dir);
    expect(lines.length).toBeLessThanOrEqual(21);
    for (const line of lines) expect(line.length).toBeLessThan(200);
  });
});

function minimal(): string {
  return fixtureText('minimal.yaml').replace(/^name:.*\n/m, '');
}

describe('part files: a crafted header is quoted short and escaped', () => {
  const header = {
    format: 'arrcast-part',
    formatVersion: 1,
    arrcastVersion: '0',
    scenario: { name: 'x', source: 'x.yaml', hash: 'a'.repeat(64) },
    resolvedScenario: {},
    seed: '1',
    trials: 1,
    chunkSize: 1000,
    shard: { index: 0, count: 1 },
    chunks: [0],
    firstTrial: 0,
    partTrials: 1,
    columns: [{ key: 'k', precision: 'f64' }],
    sumsPerChunk: 0,
  };

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown key holding a whole file', { ...header, [`\u001b[2J${'p'.repeat(500)}`]: 1 }, `f is corrupt: its header's top level is not valid (unknown key "\\u{1b}[2J${'p'.repeat(36)}…")`],
    ['a nested unknown key', { ...header, shard: { index: 0, count: 1, ['q'.repeat(90)]: 2 } }, `f is corrupt: its header's shard is not valid (unknown key "${'q'.repeat(40)}…")`],
  ])('%s', (_, h, message) => {
    const err = (() => {
      try {
        decodePartHeader(craftPart(h, new Uint8Array(8)), 'f');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(PartFileError);
    expect((err as Error).message).toBe(message);
  });

  it('names and seeds of parts that differ are cut and escaped', () => {
    const part = (name: string, seed: string, file: string) => ({ file, header: { ...header, scenario: { ...header.scenario, name }, seed } as never });
    let caught: unknown;
    try {
      checkParts([part('a\u0007'.repeat(30), '\u001b[1m'.repeat(20), 'p1'), part('b', '2', 'p2')]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(MergeError);
    const message = (caught as Error).message;
    expect(message).not.toMatch(RAW);
    expect(message).toContain(`the parts differ in seed: "${'\\u{1b}[1m'.repeat(10)}…" in p1; "2" in p2`);
  });
});

it('ScenarioError lists at most 20 problems of a named file, 100 in all', () => {
  const base = Array.from({ length: 30 }, (_, i) => ({ path: [], message: `b${i}`, source: 'base.yaml' }));
  const own = Array.from({ length: 120 }, (_, i) => ({ path: [], message: `o${i}` }));
  const lines = new ScenarioError('top.yaml', [...base, ...own]).message.split('\n');
  expect(lines.filter((l) => l.startsWith('base.yaml '))).toHaveLength(20);
  expect(lines.filter((l) => l.startsWith('top.yaml '))).toHaveLength(80);
  expect(lines.slice(100)).toEqual(['base.yaml: and 10 more problems in this file (the first 20 are shown)', 'top.yaml: and 40 more problems (the first 100 are shown)']);
});
