import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { firstInvalidUtf8 } from '../../src/scenario/read-text.js';
import { MAX_SCENARIO_BYTES } from '../../src/scenario/limits.js';
import { fixtureText } from '../helpers/fixtures.js';

const minimal = fixtureText('minimal.yaml');

/** The message of the ScenarioError loading `file` throws, with the directory written `<dir>`. */
async function refusal(file: string, dir: string): Promise<string> {
  try {
    await loadScenario(file);
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    return err.message.split(dir).join('<dir>');
  }
  throw new Error(`${file} loaded without error`);
}

/** Ten lines, each aliasing the one above ten times: 10^9 values if expanded. */
function billionLaughs(): string {
  const lines = ['name: lol', 'l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 9; i++) lines.push(`l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/**
 * One 30,000-value distribution aliased in 11 fields of 50 tiers: 16.5 million values from a 200 KB
 * file (and each copied by validation). Refused at the 66th alias, in the 6th tier.
 */
function multipliedAlias(): string {
  const values = Array.from({ length: 30_000 }, (_, i) => ((i % 97) / 100).toFixed(2)).join(',');
  const tier = (i: number) =>
    `  - name: T${i}\n    existing: { openingArr: 1000, customers: 10, renewalRate: *d, priceUplift: *d, contraction: { probability: *d, size: *d }, expansion: { probability: *d, size: *d } }\n    newBusiness: { leadsPerMonth: *d, conversion: *d, acv: *d }\n    newCustomerExpansion: { probability: *d, size: *d }`;
  return `name: many\nshared: &d { dist: empirical, values: [${values}] }\ntiers:\n${Array.from({ length: 50 }, (_, i) => tier(i)).join('\n')}\n`;
}

/** Each case writes what it needs into a fresh directory and returns the file to load. */
const cases: Array<{ name: string; make: (dir: string) => string; expected: string }> = [
  { name: 'a missing file', make: (dir) => join(dir, 'nope.yaml'), expected: '<dir>/nope.yaml does not exist' },
  // The file meant, beside it (within two edits): "plan.yml does not exist" left a newcomer to find the "a".
  { name: 'a missing file beside the one meant', make: (dir) => (writeFileSync(join(dir, 'plan.yaml'), minimal), join(dir, 'plan.yml')), expected: '<dir>/plan.yml does not exist; did you mean plan.yaml, in the same folder?' },
  { name: 'no guess between two names as near', make: (dir) => (writeFileSync(join(dir, 'plan-a.yaml'), minimal), writeFileSync(join(dir, 'plan-b.yaml'), minimal), join(dir, 'plan-c.yaml')), expected: '<dir>/plan-c.yaml does not exist' },
  {
    name: 'a path through a file',
    make: (dir) => (writeFileSync(join(dir, 'plan.yaml'), minimal), join(dir, 'plan.yaml', 'x.yaml')),
    expected: '<dir>/plan.yaml/x.yaml does not exist (a part of the path is a file, not a directory)',
  },
  { name: 'a directory', make: (dir) => (mkdirSync(join(dir, 'plan.yaml')), join(dir, 'plan.yaml')), expected: '<dir>/plan.yaml is a directory, not a scenario file' },
  {
    name: 'a FIFO (refused without waiting for a writer)',
    make: (dir) => {
      const fifo = join(dir, 'pipe.yaml');
      const r = spawnSync('mkfifo', [fifo]);
      if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
      return fifo;
    },
    expected: '<dir>/pipe.yaml is a FIFO (named pipe), not a regular file',
  },
  { name: 'a device', make: () => '/dev/zero', expected: '/dev/zero is a device, not a regular file' },
  { name: 'an empty file', make: (dir) => (writeFileSync(join(dir, 'e.yaml'), ''), join(dir, 'e.yaml')), expected: '<dir>/e.yaml is empty' },
  {
    name: 'only comments and blank lines',
    make: (dir) => (writeFileSync(join(dir, 'c.yaml'), '# a plan, one day\n\n   \n'), join(dir, 'c.yaml')),
    expected: '<dir>/c.yaml is empty',
  },
  {
    name: 'binary: a NUL byte',
    make: (dir) => (writeFileSync(join(dir, 'b.yaml'), 'name: x\nti\u0000ers: []\n'), join(dir, 'b.yaml')),
    expected: '<dir>/b.yaml:2:3 is binary (it holds a NUL byte), not a YAML or JSON scenario',
  },
  {
    name: 'binary: a PNG image',
    make: (dir) => (writeFileSync(join(dir, 'chart.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), join(dir, 'chart.yaml')),
    expected: '<dir>/chart.yaml:3:1 is binary (it holds a NUL byte), not a YAML or JSON scenario',
  },
  {
    name: 'invalid UTF-8 (Latin-1 text)',
    make: (dir) => (writeFileSync(join(dir, 'l.yaml'), Buffer.from('name: Caf\xe9 plan\n', 'latin1')), join(dir, 'l.yaml')),
    expected: '<dir>/l.yaml:1:10 is not UTF-8 text (byte 0xe9 here); save it as UTF-8',
  },
  {
    name: 'UTF-16 with a byte-order mark',
    make: (dir) => (writeFileSync(join(dir, 'w.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name: x\n', 'utf16le')])), join(dir, 'w.yaml')),
    expected: '<dir>/w.yaml:1:1 is UTF-16 text; save it as UTF-8',
  },
  {
    name: 'UTF-16 LE without a byte-order mark (before: "binary (it holds a NUL byte)")',
    make: (dir) => (writeFileSync(join(dir, 'u.yaml'), Buffer.from('name: Société\n', 'utf16le')), join(dir, 'u.yaml')),
    expected: '<dir>/u.yaml:1:1 is UTF-16 text without a byte-order mark; save it as UTF-8',
  },
  {
    name: 'UTF-16 BE without a byte-order mark, JSON',
    make: (dir) => (writeFileSync(join(dir, 'u.json'), Buffer.from('{"name": "x"}\n', 'utf16le').swap16()), join(dir, 'u.json')),
    expected: '<dir>/u.json:1:1 is UTF-16 text without a byte-order mark; save it as UTF-8',
  },
  {
    // Its first characters are not Latin-1, so every other byte is not zero: it was 'binary (it holds a NUL byte)'.
    name: 'UTF-16 LE without a byte-order mark, a Cyrillic comment first',
    make: (dir) => (writeFileSync(join(dir, 'r.yaml'), Buffer.from('# \u041f\u0440\u043e\u0433\u043d\u043e\u0437 \u043d\u0430 2027\nname: x\n', 'utf16le')), join(dir, 'r.yaml')),
    expected: '<dir>/r.yaml:1:1 is UTF-16 text without a byte-order mark; save it as UTF-8',
  },
  {
    // No line end, or a control character: left18's looksUtf16 asked for a line end and none, and these were 'binary (it holds a NUL byte)'.
    name: 'UTF-16 LE without a byte-order mark, JSON on one line and no line end',
    make: (dir) => (writeFileSync(join(dir, 'o.json'), Buffer.from('{"name": "x", "openingArr": 1200000}', 'utf16le')), join(dir, 'o.json')),
    expected: '<dir>/o.json:1:1 is UTF-16 text without a byte-order mark; save it as UTF-8',
  },
  {
    name: 'UTF-16 BE without a byte-order mark, a form feed between documents past the first 64 bytes',
    make: (dir) => (writeFileSync(join(dir, 'f.yaml'), Buffer.from('# The plan for fiscal 2027, as the board approved it\nname: x\n\f\n', 'utf16le').swap16()), join(dir, 'f.yaml')),
    expected: '<dir>/f.yaml:1:1 is UTF-16 text without a byte-order mark; save it as UTF-8',
  },
  {
    // No line end and a non-Latin script (a Cyrillic comment past 64 KB): 'binary (it holds a NUL byte)' until the nineteenth session.
    name: 'UTF-16 BE without a byte-order mark, a Cyrillic comment line past 64 KB',
    make: (dir) => (writeFileSync(join(dir, 'k.yaml'), Buffer.from(`# ${'\u041f\u0440\u043e\u0433\u043d\u043e\u0437'.repeat(6000)}\nname: x\n`, 'utf16le').swap16()), join(dir, 'k.yaml')),
    expected: '<dir>/k.yaml:1:1 is UTF-16 text without a byte-order mark; save it as UTF-8',
  },
  {
    name: 'binary: a NUL byte in ASCII text, at an even offset of a file of even length (not UTF-16)',
    make: (dir) => (writeFileSync(join(dir, 'n.yaml'), 'name: x\nt\u0000ers: [] \n'), join(dir, 'n.yaml')),
    expected: '<dir>/n.yaml:2:2 is binary (it holds a NUL byte), not a YAML or JSON scenario',
  },
  {
    name: 'binary: a NUL byte right after a line end (read as UTF-16, one line end and nothing else below U+0080)',
    make: (dir) => (writeFileSync(join(dir, 'm.yaml'), 'name: zq\n\u0000a: 1\n'), join(dir, 'm.yaml')),
    expected: '<dir>/m.yaml:2:1 is binary (it holds a NUL byte), not a YAML or JSON scenario',
  },
  {
    name: 'a file over the size limit (refused before it is read)',
    make: (dir) => {
      const big = join(dir, 'big.yaml');
      writeFileSync(big, '');
      truncateSync(big, MAX_SCENARIO_BYTES + 1);
      return big;
    },
    expected: '<dir>/big.yaml is 2,097,153 bytes; a scenario file may be at most 2,097,152 bytes (2 MB)',
  },
  {
    name: 'two YAML documents',
    make: (dir) => (writeFileSync(join(dir, 'two.yaml'), `${minimal}---\nname: second\n`), join(dir, 'two.yaml')),
    expected: '<dir>/two.yaml:15:1 holds more than one YAML document (a second one starts here); a scenario file holds one',
  },
  {
    name: 'nesting 10,000 levels deep',
    make: (dir) => (writeFileSync(join(dir, 'deep.yaml'), `name: x\ndescription: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`), join(dir, 'deep.yaml')),
    expected: '<dir>/deep.yaml:2:77 is nested more than 64 levels deep here; a scenario is a few levels deep (see README, "Limits and bad input")',
  },
  {
    name: 'a "billion laughs" alias bomb',
    make: (dir) => (writeFileSync(join(dir, 'lol.yaml'), billionLaughs()), join(dir, 'lol.yaml')),
    expected:
      '<dir>/lol.yaml:7:15 aliases (*name) expand this file to more than 250,000 values (this one stands for 111,111); write the values out, or alias less',
  },
  {
    name: 'one large alias used in many places',
    make: (dir) => (writeFileSync(join(dir, 'many.yaml'), multipliedAlias()), join(dir, 'many.yaml')),
    expected:
      '<dir>/many.yaml:6:51 aliases (*name) expand this file to more than 250,000 values (this one stands for 30,005); write the values out, or alias less',
  },
  {
    name: 'a million short values written out (counted before the document is built: it would take 1 KB a value)',
    make: (dir) => (writeFileSync(join(dir, 'wide.yaml'), `name: x
v: [${'x,'.repeat(1_000_000)}x]
`), join(dir, 'wide.yaml')),
    expected: `<dir>/wide.yaml:2:${5 + 2 * 249_996} holds more than 250,000 values (numbers, strings, lists and mappings each count) by here; a scenario holds hundreds (see README, "Limits and bad input")`,
  },
  {
    name: 'many values over many lines, as mappings (the line of the one past the limit)',
    make: (dir) => (writeFileSync(join(dir, 'tall.yaml'), `name: x
${Array.from({ length: 130_000 }, (_, i) => `k${i}: 1`).join('\n')}
`), join(dir, 'tall.yaml')),
    expected: '<dir>/tall.yaml:125001:1 holds more than 250,000 values (numbers, strings, lists and mappings each count) by here; a scenario holds hundreds (see README, "Limits and bad input")',
  },
  {
    name: 'a merge key',
    make: (dir) => (writeFileSync(join(dir, 'm.yaml'), minimal.replace('    newBusiness:\n', '    newBusiness:\n      <<: { conversion: 0.1 }\n')), join(dir, 'm.yaml')),
    expected:
      '<dir>/m.yaml:12:7 merge keys (<<) are not supported: write the keys out, use an alias (*name) for a whole value, or put shared settings in a base scenario (extends:)',
  },
  {
    name: 'a merge key under %YAML 1.1, where YAML would merge it',
    make: (dir) => (
      writeFileSync(join(dir, 'm11.yaml'), `%YAML 1.1\n---\n${minimal.replace('    newBusiness:\n', '    newBusiness:\n      <<: { conversion: 0.1 }\n')}`), join(dir, 'm11.yaml')
    ),
    expected:
      '<dir>/m11.yaml:14:7 merge keys (<<) are not supported: write the keys out, use an alias (*name) for a whole value, or put shared settings in a base scenario (extends:)',
  },
  {
    name: 'a list as a key',
    make: (dir) => (writeFileSync(join(dir, 'k.yaml'), `${minimal}? [a, b]\n: 1\n`), join(dir, 'k.yaml')),
    expected: '<dir>/k.yaml:15:3 a key must be a plain name, not a list, a mapping or an alias',
  },
  {
    name: 'broken JSON',
    make: (dir) => (writeFileSync(join(dir, 'j.json'), '{\n  "name": "x",\n  "tiers": [\n}\n'), join(dir, 'j.json')),
    expected:
      '<dir>/j.json:4:1 not valid JSON: this } does not close the [ on line 3: close that with ] first',
  },
];

describe('bad files: each refused with its own message, naming the file (and the line where there is one)', () => {
  it.each(cases)('$name', async ({ make, expected }) => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-files-'));
    expect(await refusal(make(dir), dir)).toBe(expected);
  });
});

describe('accepted files', () => {
  const load = async (text: string | Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-files-'));
    writeFileSync(join(dir, 'plan.yaml'), text);
    return loadScenario(join(dir, 'plan.yaml'));
  };

  it('a UTF-8 byte-order mark is dropped', async () => {
    const plain = await load(minimal);
    const bom = await load(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(minimal)]));
    expect(bom.hash).toBe(plain.hash);
  });

  it.each([
    ['CRLF (Windows)', '\r\n'],
    ['a lone CR (classic Mac OS), which YAML 1.2 counts as a line break', '\r'],
  ])('line ends of %s: the same scenario as with LF', async (_name, end) => {
    const plain = await load(minimal);
    const other = await load(minimal.replace(/\n/g, end));
    expect(other.hash).toBe(plain.hash);
    expect(other.scenario).toEqual(plain.scenario);
  });

  it('a lone CR ends a line in the positions of problems too (the YAML reader\'s, validation\'s and a bad byte\'s)', async () => {
    const lines = minimal.split('\n');
    const at = lines.findIndex((l) => l.includes('renewalRate'));
    expect(at).toBeGreaterThan(1);
    const crOnly = (text: string) => text.replace(/\n/g, '\r');
    const problem = async (text: string | Buffer) => ((await load(text).catch((e: unknown) => e)) as ScenarioError).issues.map((i) => [i.line, i.message]);
    // The same problem at the same line, whichever way the lines end.
    const invalid = lines.map((l, i) => (i === at ? l.replace('mean: 0.9', 'mean: 1.9') : l)).join('\n');
    expect(await problem(crOnly(invalid))).toEqual(await problem(invalid));
    expect((await problem(invalid))[0]![0]).toBe(at + 1);
    const unclosed = lines.map((l, i) => (i === at ? `${l} ]` : l)).join('\n');
    expect(await problem(crOnly(unclosed))).toEqual(await problem(unclosed));
    // The first `at` lines, then a byte that is not UTF-8 opening line at + 1.
    const badByte = (end: string) => Buffer.concat([Buffer.from(lines.slice(0, at).map((l) => l + end).join('')), Buffer.from([0xff]), Buffer.from(end)]);
    for (const end of ['\n', '\r\n', '\r']) expect(await problem(badByte(end))).toEqual([[at + 1, 'is not UTF-8 text (byte 0xff here); save it as UTF-8']]);
  });

  it('anchors and aliases are supported: an alias stands for the anchored value', async () => {
    const text = `${minimal.replace('renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }', 'renewalRate: &rate { dist: beta, mean: 0.9, sd: 0.02 }')}  - name: Mid\n    existing: { openingArr: 500000, customers: 10, renewalRate: *rate }\n`;
    const { scenario } = await load(text);
    expect(scenario.tiers[1]!.existing!.renewalRate).toEqual({ dist: 'beta', mean: 0.9, sd: 0.02 });
    expect(scenario.tiers[1]!.existing!.renewalRate).toEqual(scenario.tiers[0]!.existing!.renewalRate);
  });

  it('a file at the nesting limit (64 levels) is read; its content is then validated as usual', async () => {
    // 1 (the top mapping) + 63 lists.
    const err = await load(`name: x\ndescription: ${'['.repeat(63)}${']'.repeat(63)}\n`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScenarioError);
    expect((err as ScenarioError).issues.map((i) => i.message)).toEqual(['is required', 'expected string, got a list']);
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    ['ASCII', [0x61, 0x62], -1],
    ['2-, 3- and 4-byte sequences', [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80], -1],
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['an overlong 2-byte form', [0xc0, 0xaf], 0],
    ['an overlong 3-byte form', [0xe0, 0x80, 0xaf], 0],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], 0],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a truncated sequence at the end', [0x61, 0xe2, 0x82], 1],
    ['0xFF', [0xff], 0],
  ])('%s', (_, bytes, expected) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(expected);
    // It agrees with the platform's strict decoder on whether the bytes are valid.
    const valid = (() => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
        return true;
      } catch {
        return false;
      }
    })();
    expect(valid).toBe(expected === -1);
  });
});
