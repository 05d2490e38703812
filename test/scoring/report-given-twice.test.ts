import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * A report given twice to `arrcast score`, however spelled, would be scored twice: its outcomes
 * counted double in every mean, the coverage and the KS test. Refused, exit 2, naming both.
 */
let dir: string;
let report: string;
let outcomes: string;

beforeAll(async () => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-twice-')));
  writeFileSync(join(dir, 'plan.yaml'), 'name: Twice\nseed: 1\ntiers:\n  - name: SMB\n    existing: { openingArr: 12M, customers: 1000, renewalRate: 0.9 }\n');
  report = join(dir, 'r');
  const r = await runCli('run', join(dir, 'plan.yaml'), '--trials', '40', '--workers', '0', '--quiet', '--no-progress', '--out', report, '--outputs', 'summary,trials');
  if (r.code !== 0) throw new Error(r.err);
  symlinkSync(report, join(dir, 'link'));
  outcomes = join(dir, 'outcomes.csv');
  writeFileSync(outcomes, 'tier,metric,value\ntotal,revenue,11000000\n');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('arrcast score with a report given twice', () => {
  const cases: Array<[string, (d: string) => string, (d: string) => string]> = [
    ['as written', (d) => `${d}/r`, (d) => `arrcast: report ${d}/r is given twice: give each report once`],
    ['with a trailing slash', (d) => `${d}/r/`, (d) => `arrcast: reports ${d}/r and ${d}/r/ are the same directory (${d}/r): give each report once`],
    ['through ..', (d) => `${d}/r/../r`, (d) => `arrcast: reports ${d}/r and ${d}/r/../r are the same directory (${d}/r): give each report once`],
    ['through a symlink', (d) => `${d}/link`, (d) => `arrcast: reports ${d}/r and ${d}/link are the same directory (${d}/r): give each report once`],
  ];
  it.each(cases)('refuses it %s', async (_, again, message) => {
    const r = await runCli('score', report, again(dir), '--actuals', outcomes);
    expect(r.err).toBe(`${message(dir)}\n`);
    expect(r.code).toBe(2);
  });

  it('scores a report given once', async () => {
    const r = await runCli('score', report, '--actuals', outcomes);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 outcome');
  });
});
