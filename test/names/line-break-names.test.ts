import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
