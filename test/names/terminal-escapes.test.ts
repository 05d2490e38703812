import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { terminalCell, terminalText } from '../../src/report/terminal-text.js';
import { runCli } from '../helpers/in-process-cli.js';
import { hostileScenario, writeScenario } from './hostile-names-fixture.js';

/** Anything that steers a terminal or reorders text, other than line feeds. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const HOSTILE = [
  ['ESC (colour)', 'red\x1b[31mX', 'red\\u{1b}[31mX'],
  ['ESC (clear screen)', 'wipe\x1b[2J\x1b[H', 'wipe\\u{1b}[2J\\u{1b}[H'],
  ['BEL', 'bell\x07', 'bell\\u{7}'],
  ['OSC title', 'set\x1b]0;owned\x07', 'set\\u{1b}]0;owned\\u{7}'],
  ['C1 CSI', 'c1\x9b2J', 'c1\\u{9b}2J'],
  ['DEL and NUL', 'd\x7fn\x00', 'd\\u{7f}n\\u{0}'],
  ['CR', 'over\rwrite', 'over\\u{d}write'],
  ['bidi override', 'evil\u202Etxt.exe', 'evil\\u{202e}txt.exe'],
  ['bidi isolate', 'iso\u2066x\u2069', 'iso\\u{2066}x\\u{2069}'],
  ['line separator', 'a\u2028b', 'a\\u{2028}b'],
] as const;

describe('terminalCell and terminalText write control characters visibly', () => {
  it.each(HOSTILE)('%s', (_, raw, shown) => {
    expect(terminalCell(raw)).toBe(shown);
    expect(terminalText(raw)).toBe(shown);
  });

  it.each(['SMB', 'Mid-market', 'Größe EU', 'Ünïcødé 🚀', 'A/inbound', '50% \\u{1b} literal'])('leaves %j unchanged', (text) => {
    expect(terminalCell(text)).toBe(text);
  });

  it('a cell escapes line feeds and tabs; a text keeps its line feeds', () => {
    expect(terminalCell('a\nb\tc')).toBe('a\\u{a}b\\u{9}c');
    expect(terminalText('a\nb\tc')).toBe('a\nb\\u{9}c');
  });
});

describe('nothing a scenario names reaches the terminal raw', () => {
  const tiers = HOSTILE.slice(0, 6).map(([, raw], i) => ({ name: `T${i} ${raw}`, ...(i === 0 ? { grades: ['g\x1b[5m', 'h\u202E'] } : {}) }));
  const json = hostileScenario(tiers, 'Plan \x1b]0;pwned\x07 \u202Eevil');

  it('run: the summary table (stdout) and messages (stderr) show the escapes, aligned', async () => {
    const { file, dir } = writeScenario(json);
    const r = await runCli('run', file, '-n', '300', '-w', '0', '--no-progress', '-t', `T0 red\x1b[31mX:revenue=1M`, '--out', join(dir, 'out'));
    expect(r.err).not.toContain('internal error');
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(RAW);
    expect(r.err).not.toMatch(RAW);
    expect(r.out).toContain('Plan \\u{1b}]0;pwned\\u{7} \\u{202e}evil');
    expect(r.out).toContain('T0 red\\u{1b}[31mX');
    expect(r.out).toContain('g\\u{1b}[5m leads');
    // Columns stay aligned on what is printed: every row of the first table is as wide as its header.
    const table = r.out.split('\n\n')[1]!.split('\n');
    expect(new Set(table.map((l) => l.length)).size).toBe(1);
  });

  it('validate and compare print names escaped', async () => {
    const a = writeScenario(json);
    // B differs in a driver as well as its name: compare refuses one forecast given twice.
    const b = writeScenario(JSON.stringify({ ...JSON.parse(hostileScenario(tiers, 'B \x07plan')), stress: { leads: -0.2 } }));
    const v = await runCli('validate', a.file);
    expect(v.code).toBe(0);
    expect(v.out).not.toMatch(RAW);
    expect(v.out).toContain('\\u{1b}]0;pwned');
    const c = await runCli('compare', a.file, b.file, '-n', '300', '-w', '0', '--no-progress');
    expect(c.err).not.toContain('internal error');
    expect(c.code).toBe(0);
    expect(c.out).not.toMatch(RAW);
    expect(c.out).toContain('B \\u{7}plan');
    expect(c.out).toContain('T1 wipe\\u{1b}[2J\\u{1b}[H: B - A');
  });

  it('an error naming a hostile tier (an unknown --target tier) is escaped too', async () => {
    const { file, dir } = writeScenario(json);
    // --out in the test's own directory: the default (reports/scenario) is in the working directory,
    // the repository, where the refused run made and removed its folder.
    const r = await runCli('run', file, '-n', '10', '-w', '0', '--no-progress', '-t', 'no\x1b[2Jsuch:revenue=1M', '--out', join(dir, 'report'));
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(RAW);
    expect(r.err).toContain('no\\u{1b}[2Jsuch');
  });
});
