import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * A dated 12-month actuals file given to `arrcast score` with reports of different fiscal years:
 * each report places the dates in its own year. The months of 2027 never score a forecast of 2026
 * (they did: the file was read with the first report's calendar, for every report). Both plans are one
 * company's (one scenario name): plans of two scenarios are refused whatever the months (outcome-rows-across-scenarios.test.ts).
 */
let dir: string;
const report = (year: number) => join(dir, `fy${year}`);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-years-'));
  for (const year of [2027, 2026]) {
    writeFileSync(join(dir, `p${year}.yaml`), `name: Acme\nseed: 1\nfiscalYear: ${year}\ntiers:\n  - name: SMB\n    existing: { openingArr: 12M, customers: 1000, renewalRate: 0.9 }\n`);
    const r = await runCli('run', join(dir, `p${year}.yaml`), '--trials', '40', '--workers', '0', '--quiet', '--no-progress', '--out', report(year), '--outputs', 'summary,trials');
    if (r.code !== 0) throw new Error(r.err);
  }
  writeFileSync(join(dir, 'fy2027.csv'), `month,tier,revenue\n${Array.from({ length: 12 }, (_, k) => `2027-${String(k + 1).padStart(2, '0')},SMB,1000000`).join('\n')}\n`);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('arrcast score with a dated actuals file and reports of several years', () => {
  it('scores the report of the file\'s year', async () => {
    const r = await runCli('score', report(2027), '--actuals', join(dir, 'fy2027.csv'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 outcomes scored');
  });

  it('refuses the months for the report of another year, at their lines, whichever report comes first', async () => {
    for (const order of [[2027, 2026], [2026, 2027]]) {
      const r = await runCli('score', ...order.map(report), '--actuals', join(dir, 'fy2027.csv'));
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${join(dir, 'fy2027.csv')}:2:1 month: "2027-01" is after the fiscal year's month 12 (the year starts 2026-01)`);
      expect(r.out).toBe('');
    }
  });
});
