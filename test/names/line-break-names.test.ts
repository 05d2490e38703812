import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * A name is printed inside the terminal's sentences and tables, which keep their own line feeds, so
 * a line break in a name started a line of its own there: `validate` printed `ok (Plan` and then
 * `wrote reports/x, 3 tiers)` as a line of its own, the run's paragraph `many SM` / `B customers
 * cut back`, compare's note `(A: SM` / `B, Mid-market`. Such names are refused at their line;
 * every other control character is still shown as an escape (terminal-escapes.test.ts).
 */
const issuesOf = (yaml: string) => {
  try {
    parseScenario(yaml, 's.yaml');
  } catch (err) {
    if (err instanceof ScenarioError) return err.issues.map((i) => `${i.line}:${i.column} ${i.path.join('.')}: ${i.message}`);
    throw err;
  }
  return [];
};

const BOOK = '{ openingArr: 1000000, customers: 10, renewalRate: 0.9 }';
const SOURCES = (grade: string, channel: string) =>
  `    newBusiness:\n      acv: 1000\n      leadSources:\n        - { grade: ${grade}, channel: ${channel}, leadsPerMonth: 10, conversion: 0.1 }\n`;
const scenario = ({ name = 'x', tier = 'SMB', grade = 'A', channel = 'web', label = 'Plan' } = {}) =>
  `name: ${name}\ntiers:\n  - name: ${tier}\n    existing: ${BOOK}\n${SOURCES(grade, channel)}targets:\n  metrics:\n    - { metric: revenue, value: 1M, label: ${label} }\n`;
const BREAK = 'holds a line break: a name is printed on one line';

describe('a name with a line break is refused at its line', () => {
  it.each([
    ['the scenario', { name: '"Plan\\nwrote reports/x"' }, '1:7 name: "Plan\\u{a}wrote reports/x"'],
    ['a tier', { tier: '"SM\\nB"' }, '3:11 tiers.0.name: "SM\\u{a}B"'],
    ['a tier (carriage return)', { tier: '"SM\\rB"' }, '3:11 tiers.0.name: "SM\\u{d}B"'],
    ['a lead grade', { grade: '"A\\nB"' }, '8:20 tiers.0.newBusiness.leadSources.0.grade: "A\\u{a}B"'],
    ['a channel', { channel: '"we\\nb"' }, '8:32 tiers.0.newBusiness.leadSources.0.channel: "we\\u{a}b"'],
    ['a target label', { label: '"Pl\\nan"' }, '11:44 targets.metrics.0.label: "Pl\\u{a}an"'],
  ])('%s', (_, parts, at) => {
    const issues = issuesOf(scenario(parts));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(new RegExp(`^${at.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ${BREAK}`));
  });

  it.each([['tab and escape', '"A\\tB\\e[31m"'], ['line separator U+2028', '"A\\u2028B"'], ['plain', 'SMB']])('a tier with a %s is still read', (_, name) => {
    expect(issuesOf(scenario({ tier: name }))).toEqual([]);
  });

  it('validate and fit refuse it (exit 2), printing no broken line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-line-break-'));
    writeFileSync(join(dir, 'plan.yaml'), scenario({ name: '"Plan\\nwrote reports/x"' }));
    const v = await runCli('validate', join(dir, 'plan.yaml'));
    expect(v.code).toBe(2);
    expect(v.out).toBe('');
    expect(v.err).not.toMatch(/^wrote/m);
    const month = (m: number, tier: string) => `${m},${tier},100,10,10000,0,0,0,9000,10000,100000`;
    const rows = Array.from({ length: 12 }, (_, i) => [month(i + 1, 'SMB'), month(i + 1, '"Mid\nmarket"')]).flat();
    writeFileSync(join(dir, 'h.csv'), `month,tier,leads,deals,new_arr,churned_arr,contraction_arr,expansion_arr,renewed_arr,due_arr,ending_arr\n${rows.join('\n')}\n`);
    const f = await runCli('fit', join(dir, 'h.csv'), '--out', join(dir, 'fitted.yaml'));
    expect(f.code).toBe(2);
    expect(f.err).toContain(`h.csv:3:1 tier: "Mid\\u{a}market" ${BREAK}`);
    expect(f.out).toBe('');
  });
});

/**
 * A path is printed in the line saying what was written, a line scripts read: a file or folder name
 * holding a line feed printed `wrote o` and then `wrote z/ in 5.5 s` as a line of its own (run
 * --out "o<LF>wrote z"), and validate `x` then `wrote y.yaml: ok (...)`. The line feed is now
 * shown as `\u{a}` there, as every other control character is.
 */
describe('a path with a line feed, in the lines saying what was written', () => {
  const SIMPLE = 'name: Plain\ntrials: 200\nseed: 1\ntiers:\n  - name: SMB\n    existing: { openingArr: 1000000, customers: 10, renewalRate: 0.9 }\n';
  it.each([
    ['validate', (dir: string) => ['validate', join(dir, 'x\nwrote y.yaml')], 'x\\u{a}wrote y.yaml: ok (Plain, 1 tier)'],
    ['run --out', (dir: string) => ['run', join(dir, 'x\nwrote y.yaml'), '-q', '-w', '0', '--no-progress', '--out', join(dir, 'o\nwrote z')], 'o\\u{a}wrote z/ in'],
    ['compare --out', (dir: string) => ['compare', join(dir, 'x\nwrote y.yaml'), join(dir, 'b.yaml'), '-w', '0', '--no-progress', '--out', join(dir, 'c\nwrote z')], 'c\\u{a}wrote z/: comparison.json'],
    ['init', (dir: string) => ['init', join(dir, 'i\nwrote z.yaml')], 'i\\u{a}wrote z.yaml'],
    ['run --shard', (dir: string) => ['run', join(dir, 'x\nwrote y.yaml'), '-w', '0', '--shard', '1/1', '--out', join(dir, 'p\nwrote z.arrcast-part')], 'p\\u{a}wrote z.arrcast-part'],
  ])('%s', async (_, args, shown) => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-line-break-path-'));
    writeFileSync(join(dir, 'x\nwrote y.yaml'), SIMPLE);
    // compare's B, a forecast of its own (compare refuses one forecast given twice).
    writeFileSync(join(dir, 'b.yaml'), `${SIMPLE}stress: { renewal: -0.05 }\n`);
    const r = await runCli(...args(dir));
    expect(r.err).not.toContain('internal error');
    expect(r.code).toBe(0);
    expect(`${r.out}${r.err}`).toContain(shown);
    expect(`${r.out}${r.err}`).not.toMatch(/^wrote [yz]/m);
  });
});

describe('a path with a line feed, in a one-line refusal', () => {
  it.each([
    ['run --out naming a file', (dir: string) => ['run', join(dir, 'plan.yaml'), '-q', '-w', '0', '--out', join(dir, 'f\nile')], '--out '],
    ['fit --out naming a folder', (dir: string) => ['fit', join(dir, 'plan.yaml'), '--out', join(dir, 'd\nir')], '--out '],
    ['run --plan without --actuals', (dir: string) => ['run', join(dir, 'plan.yaml'), '--plan', join(dir, 'd\nir')], '--plan'],
  ])('%s: exit 2, one line, the line feed shown as \\u{a}', async (_, args, start) => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-line-break-refusal-'));
    writeFileSync(join(dir, 'plan.yaml'), 'name: Plain\ntiers:\n  - name: SMB\n    existing: { openingArr: 1000000, customers: 10, renewalRate: 0.9 }\n');
    writeFileSync(join(dir, 'f\nile'), 'mine\n');
    mkdirSync(join(dir, 'd\nir'));
    const r = await runCli(...args(dir));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^arrcast: ${start}`));
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('fit from a history whose file name holds a line feed', () => {
  it('writes a scenario named after it on one line, which validates (it was an internal error, exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-line-break-fit-'));
    const month = (m: number) => `${m},SMB,100,10,10000,0,0,0,9000,10000,100000`;
    writeFileSync(join(dir, 'h\nx.csv'), `month,tier,leads,deals,new_arr,churned_arr,contraction_arr,expansion_arr,renewed_arr,due_arr,ending_arr\n${Array.from({ length: 12 }, (_, i) => month(i + 1)).join('\n')}\n`);
    const f = await runCli('fit', join(dir, 'h\nx.csv'), '--out', join(dir, 'fitted.yaml'));
    expect(f.err).not.toContain('internal error');
    expect(f.code).toBe(0);
    expect(readFileSync(join(dir, 'fitted.yaml'), 'utf8')).toContain('name: "Fitted from h\\\\u{a}x.csv"');
    const v = await runCli('validate', join(dir, 'fitted.yaml'));
    expect(v.code).toBe(0);
    expect(v.out).toContain(': ok (Fitted from h\\u{a}x.csv, 1 tier)');
  });
});

describe('a seed with a line feed', () => {
  // A seed is any text of 1 to 200 characters (its streams are kept), so it is shown escaped where
  // the tables print it: run's header printed "seed 7" and then "wrote x, USD. ..." as a line of its own.
  it('is shown as \\u{a} in the header of run and compare', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-line-break-seed-'));
    writeFileSync(join(dir, 'plan.yaml'), 'name: Plain\ntrials: 200\ntiers:\n  - name: SMB\n    existing: { openingArr: 1000000, customers: 10, renewalRate: 0.9 }\n');
    const seed = '7\nwrote x';
    const r = await runCli('run', join(dir, 'plan.yaml'), '-w', '0', '--no-progress', '--seed', seed, '--out', join(dir, 'r'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('trials, seed 7\\u{a}wrote x, USD.');
    writeFileSync(join(dir, 'b.yaml'), `extends: plan.yaml\nstress: { renewal: -0.05 }\n`);
    const c = await runCli('compare', join(dir, 'plan.yaml'), join(dir, 'b.yaml'), '-w', '0', '--no-progress', '--seed', seed);
    expect(c.code).toBe(0);
    expect(c.out).toContain('seed 7\\u{a}wrote x, USD.');
    expect(`${r.out}${c.out}`).not.toMatch(/^wrote x/m);
  });
});

describe("an option's value with a line feed, in commander's refusal", () => {
  it.each([
    ['--target', ['run', 'x.yaml', '--target', 'revenue=1\nM'], `error: option '-t, --target <metric=value>' argument 'revenue=1\\u{a}M' is invalid.`],
    ['--trials', ['run', 'x.yaml', '--trials', '5\nwrote x'], `error: option '-n, --trials <n>' argument '5\\u{a}wrote x' is invalid.`],
    ['--port', ['studio', 'x.yaml', '--port', '1\n2'], `error: option '--port <n>' argument '1\\u{a}2' is invalid.`],
  ])('%s: exit 2, the error on one line', async (_, args, start) => {
    const r = await runCli(...args);
    expect(r.code).toBe(2);
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    // The error, then the hint to --help: nothing of the value on a line of its own.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^\(arrcast \w+ --help for usage\)$/);
  });
});

describe("commander's own second line", () => {
  it('"(Did you mean ...)" after an unknown option stays a line of its own', async () => {
    const r = await runCli('run', 'x.yaml', '--ouT', 'r');
    expect(r.code).toBe(2);
    expect(r.err.split('\n').slice(0, 2)).toEqual(["error: unknown option '--ouT'", '(Did you mean --out?)']);
  });
});
